#include "store/merge.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iterator>

namespace annalist::store {

std::string_view ActorCountry(std::string_view code) { return code.substr(0, std::min<size_t>(3, code.size())); }

std::string_view ActorSector(std::string_view code) {
  return code.size() <= 3 ? std::string_view() : code.substr(3, std::min<size_t>(3, code.size() - 3));
}

int64_t DayNumber(int32_t date) {
  // Howard Hinnant's days_from_civil.
  int64_t y = date / 10000;
  const int64_t m = (date / 100) % 100;
  const int64_t d = date % 100;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int32_t DateOfDay(int64_t day) {
  day += 719468;
  const int64_t era = (day >= 0 ? day : day - 146096) / 146097;
  const int64_t doe = day - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp + (mp < 10 ? 3 : -9);
  const int64_t y = yoe + era * 400 + (m <= 2);
  return static_cast<int32_t>(y * 10000 + m * 100 + d);
}

bool UnknownCountry(std::string_view code) { return ActorCountry(code) == kUnknownCountry; }

bool SameDyad(const MergeKey& a, const MergeKey& b) {
  // 0: incompatible, 1: compatible through an unknown country, 2: same country.
  auto same_actor = [](std::string_view x, std::string_view y) {
    if (x.empty() || y.empty()) return x.empty() && y.empty() ? 2 : 0;
    std::string_view sx = ActorSector(x), sy = ActorSector(y);
    if (!sx.empty() && !sy.empty() && sx != sy) return 0;
    if (ActorCountry(x) == ActorCountry(y)) return UnknownCountry(x) ? 1 : 2;
    return UnknownCountry(x) || UnknownCountry(y) ? 1 : 0;
  };
  const int source = same_actor(a.source, b.source), target = same_actor(a.target, b.target);
  // An unknown country ("---COP": police, whose country the text did not say) stands for
  // any country on one side of the dyad, never on both.
  return source > 0 && target > 0 && (source == 2 || target == 2);
}

double WordOverlap(const std::vector<std::string>& mention, const std::vector<std::string>& event) {
  if (mention.empty() || event.empty()) return 1.0;
  size_t shared = 0;
  auto e = event.begin();
  for (const std::string& word : mention) {
    e = std::lower_bound(e, event.end(), word);
    if (e == event.end()) break;
    if (*e == word) ++shared;
  }
  return static_cast<double>(shared) / static_cast<double>(mention.size());
}

double MergeScore(const MergeOptions& options, const MergeKey& mention, const MergeKey& event) {
  if (!options.enabled) return -1.0;
  if (!SameDyad(mention, event)) return -1.0;
  // Compatible codes: the same CAMEO root, or the same PLOVER type (PLOVER joins roots
  // that outlets use for one act, e.g. 17 coerce / 18 assault for a raid).
  const bool same_root = !mention.root.empty() && mention.root == event.root;
  const bool same_plover = !mention.plover.empty() && mention.plover == event.plover;
  if (!same_root && !same_plover) return -1.0;
  if ((mention.date == 0) != (event.date == 0)) return -1.0;
  int64_t gap = 0;
  if (mention.date != 0) {
    gap = std::llabs(DayNumber(mention.date) - DayNumber(event.date));
    if (gap > options.max_day_gap) return -1.0;
  }
  if (!mention.place_key.empty() && !event.place_key.empty() && mention.place_key != event.place_key) return -1.0;
  const double overlap = WordOverlap(mention.words, event.words);
  if (overlap < options.min_word_overlap) return -1.0;
  // Prefer the closest date, then the same root, then the wording (never negative).
  return 4.0 * static_cast<double>(options.max_day_gap - gap) + (same_root ? 2.0 : 0.0) + overlap;
}

// The day the event happened when the text gives it ("on Monday": event_date at day
// precision, src/annotate/dates), else the story date; a week, month or year is too coarse
// for merging within max_day_gap.
int32_t EventDate(const Event& event) {
  return event.event_date > 0 && event.date_precision == "day" ? event.event_date : event.date;
}

MergeKey KeyOfEvent(const Document& doc, const Event& event) {
  MergeKey key;
  key.source = event.source.code;
  key.target = event.target.code;
  key.root = event.root;
  key.plover = event.plover;
  key.date = EventDate(event);
  if (event.location.how == "clause" && !event.location.text.empty()) {
    for (char c : event.location.text) key.place_key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (const Sentence& sentence : doc.sentences) {
    if (sentence.span.begin > event.sentence.begin || sentence.span.end < event.sentence.end) continue;
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const Token& token = doc.tokens[t];
      if (!(IsNoun(token.pos) || IsAdjective(token.pos) || IsVerb(token.pos) || token.pos == Pos::CD)) continue;
      const std::string& word = token.lemma.empty() ? token.norm : token.lemma;
      if (word.size() < 3) continue;
      key.words.push_back(word);
    }
    break;
  }
  std::sort(key.words.begin(), key.words.end());
  key.words.erase(std::unique(key.words.begin(), key.words.end()), key.words.end());
  return key;
}

std::string JoinWords(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) words.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::vector<std::string> UnionWords(const std::vector<std::string>& a, const std::vector<std::string>& b, size_t limit) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace annalist::store
