// Fuzz target: the article reader (src/io/article_reader.h) on arbitrary bytes, read as
// auto-detected input, as JSONL, as plain text and in gold mode, through an in-memory
// stream (fmemopen), plus the small parsers it exposes (ParseDate, SetCodingOption,
// FindInvalidUtf8). Reading must end (kEnd) without crashing whatever the bytes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "annalist/article_reader.h"

namespace {

void ReadAll(const uint8_t* data, size_t size, annalist::InputKind kind, bool gold, size_t max_bytes) {
  // fmemopen rejects a zero-size buffer; an empty input is read as a one-byte stream of
  // nothing by opening /dev/null instead.
  std::FILE* stream = size == 0 ? std::fopen("/dev/null", "rb")
                                : fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (stream == nullptr) return;
  annalist::ReaderOptions options;
  options.gold = gold;
  options.max_article_bytes = max_bytes;
  auto reader = annalist::ArticleReader::FromStream(stream, "fuzz", options, kind);
  annalist::Document doc;
  annalist::ReadError error;
  annalist::GoldFields fields;
  // Every record consumes at least one byte (or the whole text), so more records than
  // bytes + 2 means the reader loops.
  for (size_t records = 0;; ++records) {
    if (records > size + 2) std::abort();
    auto item = reader->Next(&doc, &error, gold ? &fields : nullptr);
    if (item == annalist::ReadItem::kEnd) break;
    if (item == annalist::ReadItem::kArticle) {
      // The text handed on must stay inside the limit.
      if (doc.text.size() > max_bytes) std::abort();
    }
  }
  reader.reset();
  std::fclose(stream);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ReadAll(data, size, annalist::InputKind::kAuto, false, size_t{2} << 20);
  ReadAll(data, size, annalist::InputKind::kJsonl, false, size_t{2} << 20);
  ReadAll(data, size, annalist::InputKind::kJsonl, true, size_t{2} << 20);
  ReadAll(data, size, annalist::InputKind::kText, false, size_t{2} << 20);
  // A small cap exercises the too-long-line path on short inputs.
  ReadAll(data, size, annalist::InputKind::kJsonl, false, 16);
  ReadAll(data, size, annalist::InputKind::kText, false, 16);

  std::string_view text(reinterpret_cast<const char*>(data), size);
  int32_t date = 0;
  annalist::ParseDate(text, &date);
  size_t bad = annalist::FindInvalidUtf8(text);
  if (bad != std::string_view::npos && bad >= size) std::abort();
  // "name=value" sets one coding option.
  size_t eq = text.find('=');
  annalist::CodingOptions options;
  if (eq != std::string_view::npos) {
    annalist::SetCodingOption(text.substr(0, eq), text.substr(eq + 1), &options);
  } else {
    annalist::SetCodingOption("comma_min", text, &options);
  }
  return 0;
}
