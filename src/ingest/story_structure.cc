#include "ingest/story_structure.h"

#include <algorithm>
#include <array>

namespace annalist {
namespace {

constexpr size_t kMaxDatelineBytes = 80;     // separator must end within this many bytes
constexpr int kMaxPlaceWords = 5;            // "GAZA CITY, Palestinian Territories" is 4
constexpr size_t kMaxSourceBytes = 40;       // "(Thomson Reuters Foundation)"
constexpr size_t kMaxHeadlineBytes = 200;    // a related headline, not a paragraph
constexpr size_t kMaxMarkerLineBytes = 250;  // "(Reporting by ...; Editing by ...)"

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
char Lower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// ---------------------------------------------------------------------------------------
// Datelines.

// Lower-case words inside place names: "Rio de Janeiro", "Dar es Salaam", "Port of Spain".
constexpr std::array<std::string_view, 16> kPlaceConnectors = {
    "de", "del", "della", "da", "do", "dos", "es", "el", "al", "la", "le", "of", "upon", "am", "sur", "en"};

// All-caps story labels that look like a place but are not ("BREAKING:", "UPDATE -").
constexpr std::array<std::string_view, 22> kCapsLabels = {
    "BREAKING", "UPDATE",  "UPDATED",  "EXCLUSIVE", "ANALYSIS",  "OPINION",    "EDITORIAL", "COMMENTARY",
    "FACTBOX",  "EXPLAINER", "WATCH",  "VIDEO",     "LIVE",      "PHOTOS",     "REFILE",    "CORRECTED",
    "INTERVIEW", "NOTE",   "WARNING",  "URGENT",    "FLASH",     "ADVISORY"};

constexpr std::array<std::string_view, 24> kMonths = {
    "jan", "january", "feb", "february", "mar", "march",     "apr", "april",   "may", "jun",      "june", "jul",
    "july", "aug",    "august", "sep", "sept",  "september", "oct", "october", "nov", "november", "dec", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

// Capitalised sentence openers that cannot begin a place ("In Tehran (IP) - ...").
// "The" can: "THE HAGUE (Reuters) -".
constexpr std::array<std::string_view, 18> kOpeners = {
    "in", "at", "on", "from", "by", "for", "with", "after", "before", "as", "when", "while", "meanwhile", "but",
    "and", "yesterday", "today", "here"};

template <size_t N>
bool InList(std::string_view word, const std::array<std::string_view, N>& list) {
  for (std::string_view w : list)
    if (EqualsIgnoreCase(word, w)) return true;
  return false;
}

// A scanner over one line of text; positions are absolute offsets into the text.
class DatelineParser {
 public:
  DatelineParser(std::string_view text, size_t begin, size_t end) : t_(text), pos_(begin), begin_(begin), end_(end) {}

  bool Parse(Dateline* out) {
    Dateline d;
    // Place: capitalised words, then up to two ", Region" groups or a ", date".
    int words = 0;
    bool caps = false;
    size_t group_end = PlaceGroup(pos_, &words, &caps);
    if (group_end == 0) return false;
    if (caps && IsCapsLabel(pos_, group_end)) return false;
    if (InList(t_.substr(pos_, WordEnd(pos_) - pos_), kOpeners)) return false;
    const bool place_caps = caps;
    d.place = {static_cast<uint32_t>(pos_), static_cast<uint32_t>(group_end)};
    pos_ = group_end;
    for (int groups = 0; groups < 3; ++groups) {
      // ", " or, in PTB-tokenised copy (Gigaword), " , ".
      size_t comma = pos_;
      if (comma + 1 < end_ && t_[comma] == ' ' && t_[comma + 1] == ',') ++comma;
      if (comma + 1 >= end_ || t_[comma] != ',' || t_[comma + 1] != ' ') break;
      const size_t next = comma + 2;
      size_t date_end = Date(next);
      if (date_end != 0) {
        d.date = {static_cast<uint32_t>(next), static_cast<uint32_t>(date_end)};
        pos_ = date_end;
        break;
      }
      if (groups == 2) return false;
      int region_words = 0;
      bool region_caps = false;
      size_t region_end = PlaceGroup(next, &region_words, &region_caps);
      if (region_end == 0) return false;
      words += region_words;
      d.place.end = static_cast<uint32_t>(region_end);
      pos_ = region_end;
    }
    if (words > kMaxPlaceWords) return false;
    // "MOSCOW, March 3. /TASS/.": the date may close with a full stop.
    if (!d.date.empty() && At('.')) ++pos_;
    SkipSpaces();
    // Source: "(Reuters)" or "/PRNewswire/".
    if (At('(') || At('/')) {
      const char close = At('(') ? ')' : '/';
      size_t close_pos = t_.find(close, pos_ + 1);
      if (close_pos == std::string_view::npos || close_pos >= end_ || close_pos - pos_ - 1 > kMaxSourceBytes ||
          !IsSourceName(pos_ + 1, close_pos))
        return false;
      d.source = {static_cast<uint32_t>(pos_ + 1), static_cast<uint32_t>(close_pos)};
      pos_ = close_pos + 1;
      SkipSpaces();
    }
    if (!Separator(!d.source.empty())) return false;
    if (pos_ - begin_ > kMaxDatelineBytes) return false;
    // Evidence that this is a dateline and not a sentence that opens with a name and a
    // dash or colon: an all-caps place, a news source, or a date.
    if (!place_caps && d.source.empty() && d.date.empty()) return false;
    d.whole = {static_cast<uint32_t>(begin_), static_cast<uint32_t>(pos_)};
    *out = d;
    return true;
  }

 private:
  bool At(char c) const { return pos_ < end_ && t_[pos_] == c; }
  void SkipSpaces() {
    while (pos_ < end_ && (t_[pos_] == ' ' || t_[pos_] == '\t')) ++pos_;
  }
  static bool IsWordByte(char c) {
    return IsUpper(c) || IsLower(c) || IsNonAscii(c) || c == '.' || c == '-' || c == '\'';
  }
  // End of the word starting at p (its bytes are letters, '.', '-', apostrophes).
  size_t WordEnd(size_t start) const {
    size_t p = start;
    while (p < end_ && IsWordByte(t_[p])) ++p;
    // A trailing hyphen belongs to a separator ("LYON-"), not the word.
    while (p > start && t_[p - 1] == '-') --p;
    return p;
  }

  // One group of place words starting at p: "GAZA CITY", "Rio de Janeiro". Returns its end
  // or 0. `caps` is set when every letter of the group is upper case (at least 3 letters).
  size_t PlaceGroup(size_t p, int* words, bool* caps) const {
    size_t group_end = 0;
    int upper = 0, lower = 0;
    int n = 0;
    while (p < end_) {
      const char c = t_[p];
      const size_t e = WordEnd(p);
      if (e == p) break;
      const std::string_view word = t_.substr(p, e - p);
      const bool capitalised = IsUpper(c) || (IsNonAscii(c) && static_cast<unsigned char>(c) >= 0xC0);
      if (!capitalised) {
        // A connector only between capitalised words.
        if (n == 0 || !InList(word, kPlaceConnectors)) break;
        if (e >= end_ || t_[e] != ' ' || e + 1 >= end_ || !IsUpper(t_[e + 1])) break;
      } else if (InList(word, kMonths) || InList(word, kWeekdays)) {
        break;  // a date, not part of the place
      }
      for (char ch : word) {
        if (IsUpper(ch)) ++upper;
        if (IsLower(ch)) ++lower;
      }
      ++n;
      group_end = e;
      if (e < end_ && t_[e] == ' ' && e + 1 < end_ && (IsUpper(t_[e + 1]) || IsLower(t_[e + 1]) || IsNonAscii(t_[e + 1]))) {
        p = e + 1;
        continue;
      }
      break;
    }
    if (n == 0) return 0;
    *words += n;
    *caps = lower == 0 && upper >= 3;
    return group_end;
  }

  bool IsCapsLabel(size_t b, size_t e) const {
    size_t first_end = b;
    while (first_end < e && t_[first_end] != ' ') ++first_end;
    return InList(t_.substr(b, first_end - b), kCapsLabels);
  }

  // Source names are short capitalised words: "Reuters", "AP", "Thomson Reuters Foundation".
  bool IsSourceName(size_t b, size_t e) const {
    std::string_view s = Trim(t_.substr(b, e - b));
    if (s.empty()) return false;
    int words = 0;
    bool word_start = true;
    for (char c : s) {
      if (c == ' ') {
        word_start = true;
        continue;
      }
      if (word_start) {
        if (!IsUpper(c) && !IsDigit(c) && !IsNonAscii(c)) return false;
        ++words;
        word_start = false;
      }
      if (c == '(' || c == ')' || c == ',' || c == ';') return false;
    }
    return words <= 4;
  }

  // Number of digits at p (0 if none), capped by max.
  size_t Digits(size_t p, size_t max) const {
    size_t n = 0;
    while (p + n < end_ && IsDigit(t_[p + n]) && n <= max) ++n;
    return n;
  }

  // "Jan. 12", "January 12, 2024", "5 March 2024", "March 3", "Monday". Returns end or 0.
  size_t Date(size_t p) const {
    auto month_at = [&](size_t q) -> size_t {
      size_t e = q;
      while (e < end_ && (IsUpper(t_[e]) || IsLower(t_[e]))) ++e;
      if (e == q || !IsUpper(t_[q]) || !InList(t_.substr(q, e - q), kMonths)) return 0;
      if (e < end_ && t_[e] == '.') ++e;
      return e;
    };
    auto year_at = [&](size_t q) -> size_t {  // " 2024" or ", 2024"
      if (q < end_ && t_[q] == ',') ++q;
      if (q >= end_ || t_[q] != ' ') return 0;
      return Digits(q + 1, 4) == 4 ? q + 5 : 0;
    };
    if (size_t m = month_at(p); m != 0) {
      if (m < end_ && t_[m] == ' ') {
        size_t days = Digits(m + 1, 2);
        if (days >= 1 && days <= 2) {
          size_t e = m + 1 + days;
          if (size_t y = year_at(e); y != 0) e = y;
          return e;
        }
      }
      return 0;
    }
    if (size_t days = Digits(p, 2); days >= 1 && days <= 2) {
      size_t q = p + days;
      if (q < end_ && t_[q] == ' ') {
        if (size_t m = month_at(q + 1); m != 0) {
          if (size_t y = year_at(m); y != 0) m = y;
          return m;
        }
      }
      return 0;
    }
    size_t e = p;
    while (e < end_ && (IsUpper(t_[e]) || IsLower(t_[e]))) ++e;
    if (e > p && IsUpper(t_[p]) && InList(t_.substr(p, e - p), kWeekdays)) return e;
    return 0;
  }

  // " - ", " -- ", " — ", " – ", ":" and, after a source, "." ("/TASS/."). The separator
  // must be followed by a space or the end of the line.
  bool Separator(bool has_source) {
    static constexpr std::string_view kEmDash = "\xE2\x80\x94";
    static constexpr std::string_view kEnDash = "\xE2\x80\x93";
    const std::string_view rest = t_.substr(pos_, end_ - pos_);
    size_t len = 0;
    if (rest.starts_with("--")) {
      len = 2;
    } else if (rest.starts_with(kEmDash) || rest.starts_with(kEnDash)) {
      len = 3;
    } else if (rest.starts_with("-") || rest.starts_with(":") || (has_source && rest.starts_with("."))) {
      len = 1;
    } else {
      return false;
    }
    if (len < rest.size() && !IsSpace(rest[len])) return false;
    pos_ += len;
    // The story proper starts like a sentence: "... (AP) — Israeli jets", not "... - the".
    size_t next = pos_;
    while (next < end_ && IsSpace(t_[next])) ++next;
    if (next < end_) {
      const char c = t_[next];
      if (!IsUpper(c) && !IsDigit(c) && !IsNonAscii(c) && c != '"' && c != '\'' && c != '(') return false;
    }
    return true;
  }

  std::string_view t_;
  size_t pos_, begin_, end_;
};

// The first non-blank line at or after `from`: [begin, end) without surrounding blanks.
bool NextLine(std::string_view text, size_t from, size_t* begin, size_t* end) {
  size_t p = from;
  // A UTF-8 byte-order mark is not text.
  if (p == 0 && text.starts_with("\xEF\xBB\xBF")) p = 3;
  while (p < text.size() && IsSpace(text[p])) ++p;
  if (p >= text.size()) return false;
  size_t e = text.find('\n', p);
  if (e == std::string_view::npos) e = text.size();
  *begin = p;
  while (e > p && IsSpace(text[e - 1])) --e;
  *end = e;
  return true;
}

// Closing punctuation of a sentence ('.', '!', also before closing quotes) at the end of line.
bool EndsLikeSentence(std::string_view line) {
  while (!line.empty()) {
    if (line.ends_with("\"") || line.ends_with("'") || line.ends_with(")")) {
      line.remove_suffix(1);
    } else if (line.ends_with("\xE2\x80\x9D") || line.ends_with("\xE2\x80\x99")) {  // ” ’
      line.remove_suffix(3);
    } else {
      break;
    }
  }
  return !line.empty() && (line.back() == '.' || line.back() == '!');
}

bool IsHeadlineLike(std::string_view line) { return line.size() <= kMaxHeadlineBytes && !EndsLikeSentence(line); }

// ---------------------------------------------------------------------------------------
// Boilerplate markers.

// Section labels: the whole line, or the label, a colon and a headline ("Read More: ...").
constexpr std::array<std::string_view, 33> kSectionLabels = {
    "read more",        "read also",         "also read",           "see also",          "also see",
    "related",          "related stories",   "related articles",    "related news",      "related content",
    "related coverage", "related links",     "related posts",       "related topics",    "more",
    "more on this",     "more on this story", "more stories",       "more news",         "recommended",
    "recommended stories", "recommended for you", "you may also like", "you might also like", "most read",
    "most popular",     "latest news",       "tags",                "keywords",          "topics",
    "share this",       "share this article", "share this story"};

// Labels that may also stand inside the story, before a single related headline.
constexpr std::array<std::string_view, 6> kInlineLabels = {"read more", "read also", "also read",
                                                           "see also",  "also see",  "related"};

// Credit lines: "(Reporting by ...; Editing by ...)".
constexpr std::array<std::string_view, 14> kCreditPrefixes = {
    "(reporting by",  "(additional reporting by", "(editing by",   "(writing by",  "(compiled by",
    "(written by",    "(translated by",           "(reporting and writing by", "(via",
    "reporting by ",  "additional reporting by ", "editing by ",   "writing by ",  "compiled by "};

// Legal and promotional lines.
constexpr std::array<std::string_view, 13> kTrailerPrefixes = {
    "copyright \xC2\xA9", "copyright (c)", "\xC2\xA9", "(c) 1", "(c) 2", "all rights reserved",
    "click here",         "follow us on",  "follow us:", "subscribe to our", "sign up for our",
    "sign up to our",     "download our app"};

// "label", "label:", "label: headline", "label »". Returns true with *headline set to the
// text after the colon (empty for a bare label).
template <size_t N>
bool MatchLabel(std::string_view line, const std::array<std::string_view, N>& labels, std::string_view* headline) {
  for (std::string_view label : labels) {
    if (!StartsWithIgnoreCase(line, label)) continue;
    std::string_view rest = Trim(line.substr(label.size()));
    if (rest.empty() || rest == "." || rest == "\xC2\xBB" || rest == ">>" || rest == "\xE2\x80\xA6" ||
        rest == "...") {
      *headline = {};
      return true;
    }
    if (rest.front() == ':') {
      *headline = Trim(rest.substr(1));
      return true;
    }
  }
  return false;
}

bool IsTailMarker(std::string_view line) {
  if (line.size() > kMaxMarkerLineBytes) return false;
  std::string_view headline;
  if (MatchLabel(line, kSectionLabels, &headline)) return headline.empty() || IsHeadlineLike(headline);
  for (std::string_view prefix : kCreditPrefixes) {
    if (!StartsWithIgnoreCase(line, prefix)) continue;
    // An unbracketed "Reporting by the BBC showed that ..." is a sentence; wire credits
    // are bracketed, or carry the "; Editing by" list, or do not end like a sentence.
    if (prefix.front() == '(' || line.find(';') != std::string_view::npos || !EndsLikeSentence(line)) return true;
  }
  for (std::string_view prefix : kTrailerPrefixes)
    if (StartsWithIgnoreCase(line, prefix)) return true;
  // "Copyright 2024 Reuters", "© 2024 Iran Press. All rights reserved."
  if (StartsWithIgnoreCase(line, "copyright ") && line.size() > 10 && IsDigit(line[10])) return true;
  return false;
}

}  // namespace

bool FindDateline(std::string_view text, Dateline* dateline) {
  size_t begin, end;
  if (!NextLine(text, 0, &begin, &end)) return false;
  if (DatelineParser(text, begin, end).Parse(dateline)) return true;
  // A headline may stand above the dateline.
  if (!IsHeadlineLike(text.substr(begin, end - begin))) return false;
  if (!NextLine(text, end, &begin, &end)) return false;
  return DatelineParser(text, begin, end).Parse(dateline);
}

uint32_t FindTrailingBoilerplate(std::string_view text, uint32_t from) {
  uint32_t tail = static_cast<uint32_t>(text.size());
  size_t end = text.size();
  while (end > from) {
    const size_t nl = text.rfind('\n', end - 1);
    const size_t line_begin = nl == std::string_view::npos ? 0 : nl + 1;
    if (line_begin < from) break;  // the dateline's own line holds story text
    const std::string_view line = Trim(text.substr(line_begin, end - line_begin));
    if (!line.empty()) {
      if (IsTailMarker(line)) {
        tail = static_cast<uint32_t>(line_begin);
      } else if (!IsHeadlineLike(line)) {
        break;  // story text: nothing above it is trailing boilerplate
      }
    }
    if (nl == std::string_view::npos) break;
    end = nl;
  }
  // Skip the blank bytes before the marker so the span starts at its text.
  while (tail < text.size() && IsSpace(text[tail])) ++tail;
  return tail < text.size() ? tail : static_cast<uint32_t>(text.size());
}

void FindBoilerplateLines(std::string_view text, uint32_t from, uint32_t end, std::vector<Span>* lines) {
  size_t p = from;
  while (p < end) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos || e > end) e = end;
    // Only lines that start a line of the text (not the rest of a dateline's line).
    if (p == 0 || text[p - 1] == '\n') {
      size_t b = p;
      while (b < e && IsSpace(text[b])) ++b;
      size_t le = e;
      while (le > b && IsSpace(text[le - 1])) --le;
      const std::string_view line = text.substr(b, le - b);
      std::string_view headline;
      if (!line.empty() && line.size() <= kMaxHeadlineBytes && MatchLabel(line, kInlineLabels, &headline) &&
          (headline.empty() || IsHeadlineLike(headline)))
        lines->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(le)});
    }
    p = e + 1;
  }
}

void MarkStoryStructure(Document* doc) {
  doc->dateline = doc->dateline_place = doc->dateline_date = doc->dateline_source = doc->boilerplate = Span{};
  doc->boilerplate_lines.clear();
  const std::string_view text = doc->text;

  Dateline dateline;
  if (FindDateline(text, &dateline)) {
    doc->dateline = dateline.whole;
    doc->dateline_place = dateline.place;
    doc->dateline_date = dateline.date;
    doc->dateline_source = dateline.source;
  }
  const uint32_t body_begin = doc->dateline.end;
  const uint32_t tail = FindTrailingBoilerplate(text, body_begin);
  if (tail < text.size()) doc->boilerplate = {tail, static_cast<uint32_t>(text.size())};
  FindBoilerplateLines(text, body_begin, tail, &doc->boilerplate_lines);
  if (doc->dateline.empty() && doc->boilerplate.empty() && doc->boilerplate_lines.empty()) return;

  // Excluded spans in text order: dateline, inline lines, tail.
  std::vector<Span> excluded;
  excluded.reserve(doc->boilerplate_lines.size() + 2);
  if (!doc->dateline.empty()) excluded.push_back(doc->dateline);
  excluded.insert(excluded.end(), doc->boilerplate_lines.begin(), doc->boilerplate_lines.end());
  if (!doc->boilerplate.empty()) excluded.push_back(doc->boilerplate);

  // Rebuild the sentences from the runs of tokens outside every excluded span.
  std::vector<Sentence> kept;
  kept.reserve(doc->sentences.size());
  size_t x = 0;
  for (const Sentence& sentence : doc->sentences) {
    uint32_t run_begin = sentence.first_token;
    for (uint32_t t = sentence.first_token; t <= sentence.end_token; ++t) {
      bool out = false;
      if (t < sentence.end_token) {
        const uint32_t b = doc->tokens[t].span.begin;
        while (x < excluded.size() && excluded[x].end <= b) ++x;
        out = x < excluded.size() && excluded[x].begin <= b;
      }
      if (t == sentence.end_token || out) {
        if (t > run_begin) {
          Sentence s;
          s.first_token = run_begin;
          s.end_token = t;
          s.span = {doc->tokens[run_begin].span.begin, doc->tokens[t - 1].span.end};
          kept.push_back(s);
        }
        run_begin = t + 1;
      }
    }
  }
  doc->sentences = std::move(kept);
}

}  // namespace annalist
