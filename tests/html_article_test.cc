// HTML pages: main text and metadata (io/html_article.h), on pages written for the test in
// the shapes news sites use (OpenGraph, JSON-LD, <time>, no <article>, page chrome).
#include "io/html_article.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist {
namespace {

bool Contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(HtmlArticle, OpenGraphPageWithChrome) {
  HtmlArticle page;
  ExtractHtmlArticle(
      "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
      "<title>Iran accuses Israel | Example News</title>"
      "<meta property=\"og:title\" content=\"Iran accuses Israel of strikes\">"
      "<meta property=\"og:site_name\" content=\"Example News\">"
      "<meta property=\"og:url\" content=\"https://example.org/world/iran-israel\">"
      "<meta property=\"article:published_time\" content=\"2023-11-06T08:15:00Z\">"
      "<style>p { color: red }</style><script>var ads = 'Buy now.';</script></head>\n"
      "<body><header><a href=/>Home</a> <a href=/world>World</a></header>"
      "<nav><ul><li>Politics</li><li>Sport</li></ul></nav>"
      "<div role=\"navigation\">Skip to content</div>"
      "<article><h1>Iran accuses Israel of strikes</h1>"
      "<p class=byline>By A. Writer</p>"
      "<p>TEHRAN &mdash; Iran accused Israel on Monday of\n   striking   a convoy.</p>"
      "<figure><img src=x.jpg><figcaption>A photo caption.</figcaption></figure>"
      "<p>The foreign ministry said &quot;we will respond&quot;.</p>"
      "<aside>Related: Sports results</aside>"
      "<script>track();</script></article>"
      "<footer>&copy; Example News. All rights reserved.</footer></body></html>",
      &page);
  EXPECT_EQ(page.title, "Iran accuses Israel of strikes");
  EXPECT_EQ(page.published, "2023-11-06T08:15:00Z");
  EXPECT_EQ(page.url, "https://example.org/world/iran-israel");
  EXPECT_EQ(page.publisher, "Example News");
  EXPECT_EQ(page.text,
            "By A. Writer\n\n"
            "TEHRAN \xE2\x80\x94 Iran accused Israel on Monday of striking a convoy.\n\n"
            "The foreign ministry said \"we will respond\".");
}

TEST(HtmlArticle, JsonLdAndNoArticleElement) {
  HtmlArticle page;
  ExtractHtmlArticle(
      "<html><head><title>Talks in Doha</title>"
      "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"name\":\"Wire\"},"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Talks resume in Doha\",\"datePublished\":\"2024-03-05\","
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Wire Service\"}}]}</script>"
      "<link rel=canonical href=\"https://wire.example/doha\"></head>"
      "<body><main><div>Qatar hosted the talks.<br>Both sides attended.</div>"
      "<ul><li>First point.</li><li>Second point.</li></ul></main>"
      "<div>Outside main: cookie notice.</div></body></html>",
      &page);
  EXPECT_EQ(page.title, "Talks resume in Doha");  // JSON-LD headline before <title>
  EXPECT_EQ(page.published, "2024-03-05");
  EXPECT_EQ(page.publisher, "Wire Service");
  EXPECT_EQ(page.url, "https://wire.example/doha");
  EXPECT_EQ(page.text, "Qatar hosted the talks.\n\nBoth sides attended.\n\nFirst point.\n\nSecond point.");
}

TEST(HtmlArticle, TimeElementAndBrokenMarkup) {
  HtmlArticle page;
  // Unclosed tags and a stray </div>: parsed as a browser would.
  ExtractHtmlArticle(
      "<title>Border clash</title><body><div class=story><p>Troops clashed at the border.<p>Two were hurt."
      "</div></div><time datetime=\"2022-07-14T10:00:00+03:00\">14 July</time><p>Last line",
      &page);
  EXPECT_EQ(page.title, "Border clash");
  EXPECT_EQ(page.published, "2022-07-14T10:00:00+03:00");
  EXPECT_TRUE(Contains(page.text, "Troops clashed at the border.\n\nTwo were hurt.")) << page.text;
  EXPECT_TRUE(Contains(page.text, "Last line")) << page.text;
}

TEST(HtmlArticle, LongestArticleWinsAndEmptyPages) {
  HtmlArticle page;
  ExtractHtmlArticle(
      "<body><article><p>Teaser.</p></article>"
      "<article><p>The real story is here, and it is longer.</p></article></body>",
      &page);
  EXPECT_EQ(page.text, "The real story is here, and it is longer.");
  ExtractHtmlArticle("", &page);
  EXPECT_EQ(page.text, "");
  ExtractHtmlArticle("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>", &page);
  EXPECT_EQ(page.text, "");
}

TEST(HtmlArticle, DeepNesting) {
  // Deep but allowed: walked without recursion.
  std::string html = "<body>";
  for (size_t i = 0; i < kMaxHtmlNesting / 2 - 50; ++i) html += "<div><span>";
  html += "<p>Deep text.</p>";
  HtmlArticle page;
  std::string error;
  EXPECT_TRUE(ExtractHtmlArticle(html, &page, &error)) << error;
  EXPECT_TRUE(Contains(page.text, "Deep text.")) << page.text.size();
  // Deeper than the limit: refused before parsing (tree building would be quadratic).
  for (int i = 0; i < 100000; ++i) html += "<div>";
  EXPECT_FALSE(ExtractHtmlArticle(html, &page, &error));
  EXPECT_TRUE(Contains(error, "nested")) << error;
  // Implicitly closed and void elements do not count.
  std::string flat = "<body>";
  for (int i = 0; i < 20000; ++i) flat += "<p>Para<br><img src=x>";
  EXPECT_TRUE(ExtractHtmlArticle(flat, &page, &error)) << error;
}

TEST(HtmlArticle, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<html lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<HEAD><title>"));
  EXPECT_FALSE(LooksLikeHtml("<p>just a paragraph"));  // a fragment is read as text
  EXPECT_FALSE(LooksLikeHtml("Iran accused Israel."));
  EXPECT_FALSE(LooksLikeHtml("{\"text\": \"<html>\"}"));
}

}  // namespace
}  // namespace annalist
