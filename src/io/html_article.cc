#include "io/html_article.h"

#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

namespace annalist {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string_view Attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

// Elements whose content is never article text.
bool IsDropped(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG: case GUMBO_TAG_FIGURE: case GUMBO_TAG_H1: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_MENU: case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      break;
  }
  // ARIA landmark roles of page chrome (WAI-ARIA 1.2, section 5.3.4).
  std::string_view role = Attribute(node, "role");
  return EqualsIgnoreCase(role, "navigation") || EqualsIgnoreCase(role, "banner") ||
         EqualsIgnoreCase(role, "contentinfo") || EqualsIgnoreCase(role, "complementary") ||
         EqualsIgnoreCase(role, "search") || Attribute(node, "hidden").data() != nullptr;
}

// Elements that start and end a paragraph.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Collects paragraphs: text with whitespace runs collapsed, cut at block boundaries.
class TextCollector {
 public:
  void Text(std::string_view text) {
    for (char c : text) {
      if (IsSpace(c)) {
        pending_space_ = !current_.empty();
      } else {
        if (pending_space_) current_.push_back(' ');
        pending_space_ = false;
        current_.push_back(c);
      }
    }
  }
  void Break() {
    pending_space_ = false;
    if (current_.empty()) return;
    if (!out_.empty()) out_ += "\n\n";
    out_ += current_;
    current_.clear();
  }
  std::string Finish() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_, current_;
  bool pending_space_ = false;
};

// Walks `root` without recursion (pages nest deeply; the stack stays on the heap).
std::string MainText(const GumboNode* root) {
  TextCollector collector;
  struct Frame {
    const GumboNode* node;
    unsigned int next_child;
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE) {
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
        collector.Text(node->v.text.text);
      }
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    const bool block = node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag);
    if (frame.next_child == 0 && block) collector.Break();
    if (frame.next_child >= children.length) {
      if (block) collector.Break();
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
    if (child->type == GUMBO_NODE_ELEMENT && IsDropped(child)) continue;
    stack.push_back({child, 0});  // invalidates `frame`
  }
  return collector.Finish();
}

// Depth-first list of elements with `tag` (iterative).
void FindAll(const GumboNode* root, GumboTag tag, std::vector<const GumboNode*>* found) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT && node->type != GUMBO_NODE_TEMPLATE)
      continue;
    if (node->type != GUMBO_NODE_DOCUMENT && node->v.element.tag == tag) found->push_back(node);
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned int i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
  }
}

std::string ElementText(const GumboNode* node) {
  std::string text = MainText(node);
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

void SetIfEmpty(std::string* field, std::string_view value) {
  if (!field->empty()) return;
  size_t begin = 0, end = value.size();
  while (begin < end && IsSpace(value[begin])) ++begin;
  while (end > begin && IsSpace(value[end - 1])) --end;
  field->assign(value.substr(begin, end - begin));
}

// JSON-LD (schema.org NewsArticle): datePublished, headline, publisher.name, url,
// anywhere in the object tree (pages nest them in @graph lists).
void ReadJsonLd(std::string_view json, HtmlArticle* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) return;
  std::vector<simdjson::dom::element> stack{root};
  size_t visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    simdjson::dom::element element = stack.back();
    stack.pop_back();
    simdjson::dom::array array;
    if (element.get(array) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : array) stack.push_back(item);
      continue;
    }
    simdjson::dom::object object;
    if (element.get(object) != simdjson::SUCCESS) continue;
    for (auto [key, value] : object) {
      std::string_view text;
      if (value.get(text) == simdjson::SUCCESS) {
        if (key == "datePublished") SetIfEmpty(&out->published, text);
        if (key == "headline") SetIfEmpty(&out->title, text);
      } else if (key == "publisher") {
        simdjson::dom::object publisher;
        std::string_view name;
        if (value.get(publisher) == simdjson::SUCCESS && publisher["name"].get(name) == simdjson::SUCCESS) {
          SetIfEmpty(&out->publisher, name);
        }
      } else {
        stack.push_back(value);
      }
    }
  }
}

void ReadMetadata(const GumboNode* root, HtmlArticle* out) {
  // <meta> first (og:, article:, name=date), then JSON-LD, then <title>, <link>.
  std::vector<const GumboNode*> metas;
  FindAll(root, GUMBO_TAG_META, &metas);
  HtmlArticle dated;  // name="date" style dates rank below JSON-LD
  for (const GumboNode* meta : metas) {
    std::string_view property = Attribute(meta, "property");
    if (property.empty()) property = Attribute(meta, "name");
    std::string_view content = Attribute(meta, "content");
    if (content.empty()) continue;
    if (EqualsIgnoreCase(property, "og:title")) SetIfEmpty(&out->title, content);
    else if (EqualsIgnoreCase(property, "article:published_time")) SetIfEmpty(&out->published, content);
    else if (EqualsIgnoreCase(property, "og:url")) SetIfEmpty(&out->url, content);
    else if (EqualsIgnoreCase(property, "og:site_name")) SetIfEmpty(&out->publisher, content);
    else if (EqualsIgnoreCase(property, "date") || EqualsIgnoreCase(property, "pubdate") ||
             EqualsIgnoreCase(property, "dc.date") || EqualsIgnoreCase(property, "dc.date.issued"))
      SetIfEmpty(&dated.published, content);
  }
  std::vector<const GumboNode*> scripts;
  FindAll(root, GUMBO_TAG_SCRIPT, &scripts);
  for (const GumboNode* script : scripts) {
    if (!EqualsIgnoreCase(Attribute(script, "type"), "application/ld+json")) continue;
    const GumboVector& children = script->v.element.children;
    if (children.length == 0) continue;
    const auto* child = static_cast<const GumboNode*>(children.data[0]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) ReadJsonLd(child->v.text.text, out);
  }
  SetIfEmpty(&out->published, dated.published);
  std::vector<const GumboNode*> found;
  FindAll(root, GUMBO_TAG_TITLE, &found);
  if (!found.empty()) SetIfEmpty(&out->title, ElementText(found[0]));
  found.clear();
  FindAll(root, GUMBO_TAG_LINK, &found);
  for (const GumboNode* link : found) {
    if (EqualsIgnoreCase(Attribute(link, "rel"), "canonical")) SetIfEmpty(&out->url, Attribute(link, "href"));
  }
}

// The element holding the story: the <article> with the most text, else <main>, else the
// document (whose <head> is dropped).
const GumboNode* MainElement(const GumboNode* root) {
  std::vector<const GumboNode*> found;
  FindAll(root, GUMBO_TAG_ARTICLE, &found);
  const GumboNode* best = nullptr;
  size_t best_size = 0;
  for (const GumboNode* article : found) {
    size_t size = MainText(article).size();
    if (size > best_size) best = article, best_size = size;
  }
  if (best != nullptr) return best;
  found.clear();
  FindAll(root, GUMBO_TAG_MAIN, &found);
  return found.empty() ? root : found[0];
}

// Upper bound of the nesting depth: start tags minus end tags, leaving out void elements,
// self-closing tags and the elements HTML closes implicitly (p, li, dt, dd, option, tr, td,
// th). Comments and scripts may add to it; the bound is loose on purpose.
size_t EstimatedNesting(std::string_view html) {
  static constexpr std::string_view kNotNesting[] = {"br", "img", "meta", "link", "input", "hr", "area", "base",
                                                     "col", "embed", "param", "source", "track", "wbr", "p",
                                                     "li", "dt", "dd", "option", "tr", "td", "th", "!"};
  size_t depth = 0, deepest = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    if (html[i + 1] == '/') {
      if (depth > 0) --depth;
      continue;
    }
    size_t end = i + 1;
    while (end < html.size() && ((html[end] >= 'a' && html[end] <= 'z') || (html[end] >= 'A' && html[end] <= 'Z') ||
                                 (html[end] >= '0' && html[end] <= '9') || html[end] == '!')) {
      ++end;
    }
    if (end == i + 1) continue;
    std::string_view name = html.substr(i + 1, end - i - 1);
    bool nests = true;
    for (std::string_view other : kNotNesting) {
      if (EqualsIgnoreCase(name, other) || (other == "!" && name[0] == '!')) nests = false;
    }
    size_t close = html.find('>', end);
    if (close != std::string_view::npos && html[close - 1] == '/') nests = false;
    if (nests) deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

}  // namespace

bool LooksLikeHtml(std::string_view head) {
  static constexpr std::string_view kStarts[] = {"<!doctype html", "<html", "<head", "<body", "<meta"};
  for (std::string_view start : kStarts) {
    if (head.size() >= start.size() && EqualsIgnoreCase(head.substr(0, start.size()), start)) return true;
  }
  return false;
}

bool ExtractHtmlArticle(std::string_view html, HtmlArticle* out, std::string* error) {
  *out = HtmlArticle();
  if (size_t nesting = EstimatedNesting(html); nesting > kMaxHtmlNesting) {
    if (error != nullptr) {
      *error = "HTML nested " + std::to_string(nesting) + " elements deep, more than the limit of " +
               std::to_string(kMaxHtmlNesting);
    }
    return false;
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  ReadMetadata(output->document, out);
  const GumboNode* main = MainElement(output->document);
  out->text = MainText(main);
  if (out->published.empty()) {
    std::vector<const GumboNode*> times;
    FindAll(main, GUMBO_TAG_TIME, &times);
    for (const GumboNode* time : times) {
      if (!Attribute(time, "datetime").empty()) {
        SetIfEmpty(&out->published, Attribute(time, "datetime"));
        break;
      }
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return true;
}

}  // namespace annalist
