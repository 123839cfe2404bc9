#include "dict/petrarch_text.h"

#include <cstdio>

namespace annalist::dict::petrarch {

ReadContext::ReadContext(Dictionaries* dict, std::vector<std::string>* warnings, uint32_t file,
                         std::string_view name, const DictionaryLimits& limits)
    : dict_(dict), warnings_(warnings), file_(file), name_(name), limits_(limits) {
  size_t slash = name_.find_last_of('/');
  if (slash != std::string::npos) name_.erase(0, slash + 1);
}

ReadContext::~ReadContext() {
  if (warnings_ != nullptr && warned_ > kMaxWarningsPerFile) {
    warnings_->push_back(name_ + ": " + std::to_string(warned_ - kMaxWarningsPerFile) +
                         " more warnings not shown");
  }
}

void ReadContext::Warn(uint32_t line, std::string_view reason) {
  ++warned_;
  if (warnings_ == nullptr || warned_ > kMaxWarningsPerFile) return;
  std::string message = name_;
  message += ':';
  message += std::to_string(line);
  message += ": ";
  // Reasons may quote dictionary text; keep the message printable whatever the bytes.
  for (char c : reason) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      message += buf;
    } else {
      message += c;
    }
  }
  warnings_->push_back(std::move(message));
}

WordId ReadContext::Intern(std::string_view word) {
  upper_.assign(word);
  for (char& c : upper_) c = ToUpper(c);
  return dict_->vocab.Intern(upper_);
}

namespace {

// Position of the first '#' outside [...] at or after `from`, or npos.
size_t FindHash(std::string_view s, size_t from) {
  int depth = 0;
  for (size_t i = from; i < s.size(); ++i) {
    char c = s[i];
    if (c == '[') {
      ++depth;
    } else if (c == ']') {
      if (depth > 0) --depth;
    } else if (c == '#' && depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool LineReader::Next(std::string_view* line, std::string_view* raw, uint32_t* number) {
  while (pos_ < text_.size()) {
    size_t newline = text_.find('\n', pos_);
    size_t end = newline == std::string_view::npos ? text_.size() : newline;
    std::string_view current = text_.substr(pos_, end - pos_);
    pos_ = newline == std::string_view::npos ? text_.size() : newline + 1;
    ++number_;
    if (!current.empty() && current.back() == '\r') current.remove_suffix(1);

    if (in_comment_) {
      if (current.find("-->") != std::string_view::npos) in_comment_ = false;
      continue;  // the closing line is dropped as well (P2)
    }
    std::string_view t = Trim(current);
    if (t.empty() || t[0] == '#') continue;
    if (t.size() >= 2 && t[0] == '<' && t[1] == '!') {
      size_t open = t.find("<!--");
      if (open != std::string_view::npos && t.find("-->", open + 4) == std::string_view::npos) {
        in_comment_ = true;
      }
      continue;
    }
    // Comments aside, a dictionary line is short (bench/RESULTS.md "Limits"); a longer
    // one is junk or an attack on the synset expansion, so it is not read at all.
    if (ctx_ != nullptr && current.size() > ctx_->limits().max_line_bytes) {
      ctx_->Warn(number_, "line of " + std::to_string(current.size()) + " bytes is longer than " +
                              std::to_string(ctx_->limits().max_line_bytes) +
                              " (--max-dict-line-bytes); skipped");
      continue;
    }
    // Inline comments: whichever of '#' and "<!--" comes first decides.
    size_t scan = 0;
    while (true) {
      size_t hash = FindHash(t, scan);
      size_t open = t.find("<!--", scan);
      if (open == std::string_view::npos || (hash != std::string_view::npos && hash < open)) {
        if (hash != std::string_view::npos) t = t.substr(0, hash);
        break;
      }
      size_t close = t.find("-->", open + 4);
      if (close == std::string_view::npos) {
        t = t.substr(0, open);
        in_comment_ = true;
        break;
      }
      std::string joined;
      joined.reserve(t.size());
      joined.append(t.substr(0, open));
      joined += ' ';
      scan = joined.size();
      joined.append(t.substr(close + 3));
      scratch_.swap(joined);
      t = scratch_;
    }
    t = Trim(t);
    if (t.empty()) continue;
    *line = t;
    *raw = current;
    *number = number_;
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToUpper(c);
  return out;
}

void SplitAny(std::string_view s, std::string_view separators, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && separators.find(s[i]) != std::string_view::npos) ++i;
    size_t start = i;
    while (i < s.size() && separators.find(s[i]) == std::string_view::npos) ++i;
    if (i > start) out->push_back(s.substr(start, i - start));
  }
}

namespace {

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string NounPlural(std::string_view word) {
  std::string out(word);
  if (word.empty()) return out;
  char last = ToUpper(word.back());
  if (last == 'Y' && word.size() >= 2 && !IsVowel(ToUpper(word[word.size() - 2]))) {
    out.pop_back();
    out += "IES";
  } else if (last == 'S' || last == 'X' || last == 'Z' || EndsWith(word, "CH") ||
             EndsWith(word, "SH")) {
    out += "ES";
  } else {
    out += 'S';
  }
  return out;
}

void RegularVerbForms(std::string_view base, std::string* s_form, std::string* ed_form,
                      std::string* ing_form) {
  *s_form = NounPlural(base);
  ed_form->assign(base);
  ing_form->assign(base);
  if (base.empty()) return;
  char last = base.back();
  char before = base.size() >= 2 ? base[base.size() - 2] : '\0';
  if (last == 'E') {
    *ed_form += 'D';
  } else if (last == 'Y' && before != '\0' && !IsVowel(before)) {
    ed_form->pop_back();
    *ed_form += "IED";
  } else {
    *ed_form += "ED";
  }
  // ARRIVE -> ARRIVING, AGREE -> AGREEING (P2's rule).
  if (last == 'E' && base.size() >= 2 && !IsVowel(before)) ing_form->pop_back();
  *ing_form += "ING";
}

bool ParseDate(std::string_view s, int32_t* date) {
  if (s.size() != 6 && s.size() != 8) return false;
  int32_t value = 0;
  for (char c : s) {
    if (!IsDigit(c)) return false;
    value = value * 10 + (c - '0');
  }
  if (s.size() == 6) {
    int32_t year = value / 10000;
    value += (year <= 30 ? 20000000 : 19000000);
  }
  int32_t year = value / 10000, month = (value / 100) % 100, day = value % 100;
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int32_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap ? 1 : 0)) return false;  // 2023-02-31
  *date = value;
  return true;
}

}  // namespace annalist::dict::petrarch
