// HTML pages as articles: the main text of a news page and its metadata, with a real HTML5
// parser (Debian's libgumbo, the WHATWG tree-building algorithm, so broken markup parses as
// browsers parse it).
//
//   annalist::HtmlArticle page;
//   annalist::ExtractHtmlArticle(html_bytes, &page);
//   doc.text = page.text; doc.title = page.title; ...
//
// Main text: the first <article> element when the page has one, else <main>, else <body>;
// inside it every paragraph-like block (p, h2-h6, li, blockquote, pre, div text) becomes
// one paragraph, separated by a blank line. Elements that are never article text are
// dropped with their content: script, style, noscript, template, nav, header, footer,
// aside, form, button, select, iframe, svg, figure, and anything with role navigation,
// banner, contentinfo or complementary.
//
// Metadata, first found wins: title from og:title, then <title>; publication date from
// article:published_time, JSON-LD datePublished, <meta name="date|pubdate|dc.date">,
// then the first <time datetime> inside the main text; url from og:url, then
// <link rel="canonical">; publisher from og:site_name, then JSON-LD publisher.name.
// `published` keeps the page's own spelling ("2023-11-06T08:15:00Z"); the caller parses it.
//
// Thread-safe (no shared state).
#ifndef ANNALIST_IO_HTML_ARTICLE_H_
#define ANNALIST_IO_HTML_ARTICLE_H_

#include <string>
#include <string_view>

namespace annalist {

struct HtmlArticle {
  std::string text;       // paragraphs joined by "\n\n"; entities decoded; whitespace collapsed
  std::string title;
  std::string published;  // as written on the page; empty if none
  std::string url;
  std::string publisher;
};

// Elements open at once beyond which a page is refused: HTML5 tree building checks the
// stack of open elements at every tag, so pathological nesting would take quadratic time
// (and libgumbo frees the tree recursively). Real pages stay under a few hundred.
constexpr size_t kMaxHtmlNesting = 2000;

// Fills *out from `html` (UTF-8). A page without text gives empty `text`. Returns false,
// with *error, only for a page nested deeper than kMaxHtmlNesting (estimated from its tags
// before parsing).
bool ExtractHtmlArticle(std::string_view html, HtmlArticle* out, std::string* error = nullptr);

// True when `head` (the first bytes of an input, leading whitespace and BOM skipped) starts
// like an HTML document: "<!doctype html", "<html", "<head", "<body" or "<meta" (any case).
bool LooksLikeHtml(std::string_view head);

}  // namespace annalist

#endif  // ANNALIST_IO_HTML_ARTICLE_H_
