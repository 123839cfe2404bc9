#include "annotate/dates.h"

#include <algorithm>
#include <charconv>

#include "core/data_lines.h"

namespace annalist {

extern "C" const char annalist_time_words_begin[];
extern "C" const char annalist_time_words_end[];

namespace {

// Days since 1970-01-01 (H. Hinnant's days_from_civil) and back.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

int32_t CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return static_cast<int32_t>((y + (m <= 2)) * 10000 + m * 100 + d);
}

int64_t ToDays(int32_t date) { return DaysFromCivil(date / 10000, date / 100 % 100, date % 100); }

int32_t Compose(int year, int month, int day) { return year * 10000 + month * 100 + day; }

int32_t AddMonths(int32_t date, int months) {
  int index = (date / 10000) * 12 + (date / 100 % 100 - 1) + months;
  return Compose(index / 12, index % 12 + 1, 1);
}

uint64_t HashWord(std::string_view word) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : word) hash = (hash ^ c) * 0x100000001b3ULL;
  return hash;
}

// Lower case of `text` without a trailing '.', in `buffer` (words longer than it are no time words).
std::string_view Lower(std::string_view text, char (&buffer)[24]) {
  if (!text.empty() && text.back() == '.' && text.size() > 1) text.remove_suffix(1);
  if (text.size() > sizeof buffer) return {};
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return std::string_view(buffer, text.size());
}

// A whole number in `text` (digits only, at most 4), or -1. `suffixed`: may end in an
// ordinal suffix of the time words ("5th").
int Number(const TimeWords& words, std::string_view text, bool suffixed) {
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 4) return -1;
  if (digits < text.size()) {
    if (!suffixed) return -1;
    char buffer[24];
    bool ordinal = false;
    for (uint32_t e : words.StartingWith(Lower(text.substr(digits), buffer))) {
      ordinal |= words.entry(e).kind == TimeWords::Kind::kOrdinal;
    }
    if (!ordinal) return -1;
  }
  int value = 0;
  std::from_chars(text.data(), text.data() + digits, value);
  return value;
}

bool IsCapitalized(std::string_view text) { return !text.empty() && text[0] >= 'A' && text[0] <= 'Z'; }

class DateScanner {
 public:
  DateScanner(const TimeWords& time_words, std::span<const DateWord> words, int32_t reference, bool forward)
      : tw_(time_words), words_(words), reference_(reference), forward_(forward) {
    // One lookup per word: the time-word entries it starts, reused by every rule below.
    thread_local std::vector<std::span<const uint32_t>> entries;
    entries.resize(words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      char buffer[24];
      entries[i] = tw_.StartingWith(Lower(words[i].text, buffer));
    }
    entries_ = entries;
  }

  void Run(std::vector<DateMention>* out) {
    for (size_t i = 0; i < words_.size();) {
      // Every rule starts at a time word, a number or "the" ("on the 5th"): skip other words.
      std::string_view text = words_[i].text;
      if (entries_[i].empty() && (text.empty() || text[0] < '0' || text[0] > '9') && !(text.size() == 3 && Lower1(i) == "the")) {
        ++i;
        continue;
      }
      DateMention mention;
      size_t end = Match(i, &mention);
      if (end == i) {
        ++i;
        continue;
      }
      mention.first_word = static_cast<uint32_t>(i);
      mention.end_word = static_cast<uint32_t>(end);
      mention.span = Span{words_[i].span.begin, words_[end - 1].span.end};
      if (!(i > 0 && Has(i - 1, TimeWords::Kind::kSkip)) && mention.date > 0) out->push_back(mention);
      i = end;
    }
  }

 private:
  // The entry of `kind` for word `i` (single-word entries), or -1.
  int Find(size_t i, TimeWords::Kind kind) const {
    if (i >= words_.size()) return -1;
    for (uint32_t e : entries_[i]) {
      if (tw_.entry(e).kind == kind && tw_.entry(e).words.size() == 1) return static_cast<int>(e);
    }
    return -1;
  }
  bool Has(size_t i, TimeWords::Kind kind) const { return Find(i, kind) >= 0; }
  int Value(size_t i, TimeWords::Kind kind) const {
    int e = Find(i, kind);
    return e < 0 ? -1 : tw_.entry(e).value;
  }
  bool IsComma(size_t i) const { return i < words_.size() && words_[i].text == ","; }
  int Year(size_t i) const {
    if (i >= words_.size()) return -1;
    int value = Number(tw_, words_[i].text, false);
    return (value >= 1900 && value <= 2100 && words_[i].text.size() == 4) ? value : -1;
  }
  int Day(size_t i) const {
    if (i >= words_.size()) return -1;
    int value = Number(tw_, words_[i].text, true);
    return (value >= 1 && value <= 31) ? value : -1;
  }
  int Month(size_t i) const {
    if (i >= words_.size() || !IsCapitalized(words_[i].text)) return -1;
    return Value(i, TimeWords::Kind::kMonth);
  }

  // A day and month without a year: the year that puts it nearest before the reference
  // (after it when forward), allowing 30 days of slack for reports filed a little early.
  int32_t DayMonth(int day, int month, int year) const {
    if (year > 0) return ValidDate(year, month, day) ? Compose(year, month, day) : 0;
    if (reference_ <= 0) return 0;
    int y = reference_ / 10000;
    if (!ValidDate(y, month, day)) return 0;
    int64_t gap = ToDays(Compose(y, month, day)) - ToDays(reference_);
    if (!forward_ && gap > 30) --y;
    if (forward_ && gap < -30) ++y;
    return ValidDate(y, month, day) ? Compose(y, month, day) : 0;
  }
  int32_t MonthOnly(int month, int year) const {
    if (year > 0) return Compose(year, month, 1);
    if (reference_ <= 0) return 0;
    int y = reference_ / 10000, ref_month = reference_ / 100 % 100;
    if (!forward_ && month > ref_month) --y;
    if (forward_ && month < ref_month) ++y;
    return Compose(y, month, 1);
  }
  int32_t Offset(int value, DatePrecision unit) const {
    if (reference_ <= 0) return 0;
    switch (unit) {
      case DatePrecision::kDay: return AddDays(reference_, value);
      case DatePrecision::kWeek: {
        int32_t monday = AddDays(reference_, 1 - IsoWeekday(reference_));
        return AddDays(monday, 7 * value);
      }
      case DatePrecision::kMonth: return AddMonths(reference_, value);
      case DatePrecision::kYear: return Compose(reference_ / 10000 + value, 1, 1);
      case DatePrecision::kNone: return 0;
    }
    return 0;
  }

  size_t Match(size_t i, DateMention* m) const {
    size_t end;
    if ((end = MatchPhrase(i, m)) > i) return end;
    if ((end = MatchMonthFirst(i, m)) > i) return end;
    if ((end = MatchDayFirst(i, m)) > i) return end;
    if ((end = MatchNumeric(i, m)) > i) return end;
    if ((end = MatchAgo(i, m)) > i) return end;
    int weekday = Value(i, TimeWords::Kind::kWeekday);
    if (weekday > 0 && IsCapitalized(words_[i].text) && reference_ > 0) {
      // News convention: "on Tuesday" is the last Tuesday up to the publication day (the
      // publication day itself when it is a Tuesday); the next one for future events.
      int back = (IsoWeekday(reference_) - weekday + 7) % 7;
      int ahead = (weekday - IsoWeekday(reference_) + 7) % 7;
      m->date = AddDays(reference_, forward_ ? ahead : -back);
      m->precision = DatePrecision::kDay;
      return i + 1;
    }
    // "in 2019", "during 2020": a year.
    if (i > 0 && Has(i - 1, TimeWords::Kind::kYearLead) && Year(i) > 0) {
      m->date = Compose(Year(i), 1, 1);
      m->precision = DatePrecision::kYear;
      return i + 1;
    }
    // "on the 5th": a day of the reference month (of the month before when it is later).
    if (i + 1 < words_.size() && Lower1(i) == "the" && reference_ > 0 && words_[i + 1].text.size() > 1 &&
        Number(tw_, words_[i + 1].text, true) > 0 && Number(tw_, words_[i + 1].text, false) < 0) {
      int day = Day(i + 1);
      if (day > 0) {
        int32_t date = Compose(reference_ / 10000, reference_ / 100 % 100, day);
        if (day > reference_ % 100 && !forward_) date = AddMonths(reference_, -1) + day - 1;
        if (ValidDate(date / 10000, date / 100 % 100, date % 100)) {
          m->date = date;
          m->precision = DatePrecision::kDay;
          return i + 2;
        }
      }
    }
    return i;
  }

  std::string_view Lower1(size_t i) const {
    thread_local char buffer[24];
    return Lower(words_[i].text, buffer);
  }

  // Multi-word relative phrases ("last week", "the day before yesterday"): the longest.
  size_t MatchPhrase(size_t i, DateMention* m) const {
    size_t best_end = i;
    for (uint32_t e : entries_[i]) {
      const TimeWords::Entry& entry = tw_.entry(e);
      if (entry.kind != TimeWords::Kind::kOffset || i + entry.words.size() > words_.size()) continue;
      bool all = true;
      for (size_t k = 1; k < entry.words.size() && all; ++k) {
        char other[24];
        all = Lower(words_[i + k].text, other) == entry.words[k];
      }
      if (all && i + entry.words.size() > best_end) {
        best_end = i + entry.words.size();
        m->date = Offset(entry.value, entry.unit);
        m->precision = entry.unit;
      }
    }
    return best_end;
  }

  // "April 28", "April 28, 2023", "Nov. 6 2023", "March 2021", "in March".
  size_t MatchMonthFirst(size_t i, DateMention* m) const {
    int month = Month(i);
    if (month < 0) return i;
    int day = Day(i + 1);
    if (day > 0 && Year(i + 1) < 0) {
      size_t end = i + 2;
      int year = -1;
      if (IsComma(end) && Year(end + 1) > 0) {
        year = Year(end + 1);
        end += 2;
      } else if (Year(end) > 0) {
        year = Year(end);
        end += 1;
      }
      m->date = DayMonth(day, month, year);
      m->precision = DatePrecision::kDay;
      return m->date > 0 ? end : i;
    }
    int year = Year(i + 1);
    if (year < 0 && IsComma(i + 1)) year = Year(i + 2) > 0 ? Year(i + 2) : -1;
    if (year > 0 || (i > 0 && Has(i - 1, TimeWords::Kind::kYearLead))) {
      m->date = MonthOnly(month, year);
      m->precision = DatePrecision::kMonth;
      if (m->date <= 0) return i;
      return year > 0 ? (Year(i + 1) > 0 ? i + 2 : i + 3) : i + 1;
    }
    return i;
  }

  // "28 April", "3 March 2021", "5th of May".
  size_t MatchDayFirst(size_t i, DateMention* m) const {
    int day = Day(i);
    if (day < 0) return i;
    size_t at = i + 1;
    if (at < words_.size() && Lower1(at) == "of") ++at;
    int month = Month(at);
    if (month < 0) return i;
    size_t end = at + 1;
    int year = -1;
    if (Year(end) > 0) {
      year = Year(end);
      ++end;
    } else if (IsComma(end) && Year(end + 1) > 0) {
      year = Year(end + 1);
      end += 2;
    }
    m->date = DayMonth(day, month, year);
    m->precision = DatePrecision::kDay;
    return m->date > 0 ? end : i;
  }

  // "28/04", "28/04/2023" (day first unless the first number cannot be a day), "2023-04-28".
  size_t MatchNumeric(size_t i, DateMention* m) const {
    std::string_view text = words_[i].text;
    int parts[3] = {-1, -1, -1};
    size_t lengths[3] = {0, 0, 0};
    int count = 0;
    char separator = 0;
    size_t pos = 0;
    while (pos < text.size() && count < 3) {
      size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start || pos - start > 4) return i;
      std::from_chars(text.data() + start, text.data() + pos, parts[count]);
      lengths[count++] = pos - start;
      if (pos == text.size()) break;
      if ((text[pos] != '/' && text[pos] != '-') || (separator && text[pos] != separator)) return i;
      separator = text[pos++];
    }
    if (count < 2 || pos != text.size()) return i;
    int day, month, year = -1;
    if (lengths[0] == 4 && count == 3) {
      if (lengths[1] != 2 || lengths[2] != 2 || separator != '-') return i;  // ISO: 2023-04-28 only
      year = parts[0], month = parts[1], day = parts[2];
    } else if (separator == '/') {
      day = parts[0], month = parts[1];
      if (month > 12 && day <= 12) std::swap(day, month);  // 04/28: month first
      if (count == 3) year = lengths[2] == 4 ? parts[2] : (lengths[2] == 2 ? 2000 + parts[2] : -1);
      if (count == 3 && year < 0) return i;
    } else {
      return i;
    }
    if (month < 1 || month > 12) return i;
    m->date = DayMonth(day, month, year);
    m->precision = DatePrecision::kDay;
    return m->date > 0 ? i + 1 : i;
  }

  // "two days ago", "a week ago", "3 months ago".
  size_t MatchAgo(size_t i, DateMention* m) const {
    int count = Value(i, TimeWords::Kind::kNumber);
    if (count < 0) count = Number(tw_, words_[i].text, false);
    if (count < 0 || !Has(i + 2, TimeWords::Kind::kAgo)) return i;
    int unit_entry = Find(i + 1, TimeWords::Kind::kUnit);
    if (unit_entry < 0) return i;
    DatePrecision unit = tw_.entry(unit_entry).unit;
    m->date = Offset(-count, unit);
    m->precision = unit;
    return i + 3;
  }

  const TimeWords& tw_;
  std::span<const DateWord> words_;
  std::span<const std::span<const uint32_t>> entries_;
  int32_t reference_;
  bool forward_;
};

}  // namespace

std::string_view DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kDay: return "day";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kNone: return "";
  }
  return "";
}

bool ValidDate(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int limit = kDays[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) limit = 29;
  return day <= limit;
}

int32_t AddDays(int32_t date, int days) { return CivilFromDays(ToDays(date) + days); }

int IsoWeekday(int32_t date) {
  int64_t days = ToDays(date);  // 1970-01-01 was a Thursday (4)
  return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1;
}

const TimeWords& TimeWords::Builtin() {
  static const TimeWords* builtin = [] {
    auto parsed = Parse(std::string_view(annalist_time_words_begin, annalist_time_words_end - annalist_time_words_begin),
                        "time_words.txt");
    // The embedded file is checked by tests/dates_test; a fault is a build defect.
    return new TimeWords(parsed.ok() ? parsed.TakeValue() : TimeWords());
  }();
  return *builtin;
}

Result<TimeWords> TimeWords::Parse(std::string_view text, std::string_view file) {
  TimeWords result;
  DataLines lines(text);
  std::string_view line;
  int line_number = 0;
  while (lines.Next(&line, &line_number)) {
    auto fail = [&](const std::string& why) {
      return InvalidArgument(std::string(file) + ":" + std::to_string(line_number) + ": " + why);
    };
    std::vector<std::string_view> fields;
    for (size_t pos = 0;;) {
      size_t tab = line.find('\t', pos);
      fields.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    if (fields.size() < 3) return fail("expected kind<TAB>phrase<TAB>value[<TAB>unit]");
    static constexpr std::pair<std::string_view, Kind> kKinds[] = {
        {"month", Kind::kMonth},   {"weekday", Kind::kWeekday}, {"offset", Kind::kOffset},
        {"number", Kind::kNumber}, {"unit", Kind::kUnit},       {"ago", Kind::kAgo},
        {"ordinal", Kind::kOrdinal}, {"skip", Kind::kSkip},     {"year_lead", Kind::kYearLead}};
    Entry entry;
    auto kind = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& k) { return k.first == fields[0]; });
    if (kind == std::end(kKinds)) return fail("unknown kind '" + std::string(fields[0]) + "'");
    entry.kind = kind->second;
    std::string_view phrase = fields[1];
    for (size_t pos = 0; pos < phrase.size();) {
      size_t space = phrase.find(' ', pos);
      if (space == std::string_view::npos) space = phrase.size();
      if (space > pos) entry.words.emplace_back(phrase.substr(pos, space - pos));
      pos = space + 1;
    }
    if (entry.words.empty()) return fail("empty phrase");
    auto value = std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), entry.value);
    if (value.ec != std::errc() || value.ptr != fields[2].data() + fields[2].size()) return fail("bad value '" + std::string(fields[2]) + "'");
    if (entry.kind == Kind::kOffset || entry.kind == Kind::kUnit) {
      std::string_view unit = fields.size() > 3 ? fields[3] : "";
      for (DatePrecision p : {DatePrecision::kDay, DatePrecision::kWeek, DatePrecision::kMonth, DatePrecision::kYear}) {
        if (unit == DatePrecisionName(p)) entry.unit = p;
      }
      if (entry.unit == DatePrecision::kNone) return fail("offset and unit need a unit: day, week, month or year");
    }
    result.entries_.push_back(std::move(entry));
  }
  result.Index();
  return result;
}

void TimeWords::Index() {
  size_t capacity = 64;
  while (capacity < entries_.size() * 2) capacity <<= 1;
  buckets_.assign(capacity, Bucket{});
  for (uint32_t e = 0; e < entries_.size(); ++e) {
    const std::string& word = entries_[e].words[0];
    size_t slot = HashWord(word) & (capacity - 1);
    while (!buckets_[slot].entries.empty() && buckets_[slot].word != word) slot = (slot + 1) & (capacity - 1);
    buckets_[slot].word = word;
    buckets_[slot].entries.push_back(e);
    lengths_by_lead_[LeadIndex(word[0])] |= uint64_t{1} << std::min<size_t>(word.size(), 63);
  }
}

int TimeWords::LeadIndex(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return 26 + (c - '0');
  return 36;
}

std::span<const uint32_t> TimeWords::StartingWith(std::string_view lower) const {
  if (buckets_.empty() || lower.empty()) return {};
  if (!(lengths_by_lead_[LeadIndex(lower[0])] >> std::min<size_t>(lower.size(), 63) & 1)) return {};
  const size_t mask = buckets_.size() - 1;
  for (size_t slot = HashWord(lower) & mask;; slot = (slot + 1) & mask) {
    const Bucket& bucket = buckets_[slot];
    if (bucket.entries.empty()) return {};
    if (bucket.word == lower) return bucket.entries;
  }
}

void FindDates(const TimeWords& time_words, std::span<const DateWord> words, int32_t reference, bool forward,
               std::vector<DateMention>* out) {
  DateScanner(time_words, words, reference, forward).Run(out);
}

}  // namespace annalist
