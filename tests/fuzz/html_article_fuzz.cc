// Fuzz target: HTML pages as articles (src/io/html_article.h, libgumbo underneath) on
// arbitrary bytes: ExtractHtmlArticle directly (default nesting limit), LooksLikeHtml, and
// the article reader in HTML mode (NextHtml: text checks, then extraction and the page's
// publication date). Extraction must end without crashing; a page it accepts gives text
// without NUL bytes, and the reader hands on only valid UTF-8 within the article limit.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "annalist/article_reader.h"
#include "io/html_article.h"

namespace {

void CheckNoNul(const std::string& text) {
  if (std::memchr(text.data(), 0, text.size()) != nullptr) std::abort();
}

void ReadAsHtml(std::string_view bytes, size_t max_bytes) {
  annalist::ReaderOptions options;
  options.max_article_bytes = max_bytes;
  auto reader = annalist::ArticleReader::FromString(std::string(bytes), "fuzz.html", options,
                                                    annalist::InputKind::kHtml);
  annalist::Document doc;
  annalist::ReadError error;
  // A page is one article: one item, then the end.
  for (int items = 0;; ++items) {
    if (items > 2) std::abort();
    annalist::ReadItem item = reader->Next(&doc, &error);
    if (item == annalist::ReadItem::kEnd) break;
    if (item != annalist::ReadItem::kArticle) continue;
    if (doc.text.empty() || annalist::FindInvalidUtf8(doc.text) != std::string_view::npos) std::abort();
    // The extracted text is never longer than the page it came from (entities shrink or
    // keep their size; paragraph breaks replace tags).
    if (doc.text.size() > bytes.size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  annalist::HtmlArticle page;
  std::string error;
  if (annalist::ExtractHtmlArticle(bytes, &page, &error)) {
    CheckNoNul(page.text);
    CheckNoNul(page.title);
  } else if (error.empty()) {
    std::abort();  // a refusal always says why
  }
  annalist::LooksLikeHtml(bytes);
  ReadAsHtml(bytes, size_t{2} << 20);
  ReadAsHtml(bytes, 64);  // a small cap: the too-large path on short pages
  return 0;
}
