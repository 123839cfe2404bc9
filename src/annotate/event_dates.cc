// Event dates of coded events (ResolveEventDates) and story dates of feeds (ParseStoryDate).
#include <algorithm>

#include "annotate/dates.h"

namespace annalist {

namespace {

// The words of `text` split at spaces and commas (commas kept as words), for ParseStoryDate.
void SplitWords(std::string_view text, std::vector<DateWord>* words) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == ' ' || text[pos] == '\t') {
      ++pos;
      continue;
    }
    size_t end = pos;
    if (text[pos] == ',') {
      end = pos + 1;
    } else {
      while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != ',') ++end;
    }
    words->push_back(DateWord{text.substr(pos, end - pos), Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}});
    pos = end;
  }
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct SentenceDates {
  bool done = false;
  std::vector<DateMention> mentions;
};

void SentenceWords(const Document& doc, const Sentence& sentence, std::vector<DateWord>* words) {
  words->clear();
  for (uint32_t t = sentence.first_token; t < sentence.end_token && t < doc.tokens.size(); ++t) {
    words->push_back(DateWord{doc.Slice(doc.tokens[t].span), doc.tokens[t].span});
  }
}

uint32_t Distance(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

}  // namespace

bool ParseStoryDate(std::string_view text, int32_t* date) {
  *date = 0;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  // YYYY-MM-DD, alone or opening an ISO-8601 timestamp (2023-11-06T08:15:00Z, 2023-11-06 08:15).
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
      AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2)) &&
      (text.size() == 10 || text[10] == 'T' || text[10] == ' ')) {
    int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    int m = (text[5] - '0') * 10 + (text[6] - '0'), d = (text[8] - '0') * 10 + (text[9] - '0');
    if (!ValidDate(y, m, d)) return false;
    *date = y * 10000 + m * 100 + d;
    return true;
  }
  if (text.size() == 8 && AllDigits(text)) {
    int value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    if (!ValidDate(value / 10000, value / 100 % 100, value % 100)) return false;
    *date = value;
    return true;
  }
  // Written dates: "Nov. 6, 2023", "6 November 2023", "Mon, 06 Nov 2023 08:15:00 +0000".
  std::vector<DateWord> words;
  SplitWords(text, &words);
  std::vector<DateMention> mentions;
  FindDates(TimeWords::Builtin(), words, 0, false, &mentions);
  for (const DateMention& mention : mentions) {
    if (mention.precision == DatePrecision::kDay) {
      *date = mention.date;
      return true;
    }
  }
  return false;
}

void ResolveEventDates(const TimeWords& time_words, const Document& doc, std::vector<Event>* events, size_t first) {
  if (first >= events->size()) return;
  std::vector<SentenceDates> by_sentence(doc.sentences.size());
  std::vector<DateWord> words;
  auto dates_of = [&](uint32_t index, bool forward) -> const std::vector<DateMention>& {
    SentenceDates& entry = by_sentence[index];
    if (!entry.done || forward) {
      entry.mentions.clear();
      SentenceWords(doc, doc.sentences[index], &words);
      FindDates(time_words, words, doc.date, forward, &entry.mentions);
      entry.done = !forward;
    }
    return entry.mentions;
  };
  // The dateline's date ("TEHRAN, Nov. 29 (Reuters) -") as the fallback before the story date.
  DateMention dateline;
  if (!doc.dateline_date.empty()) {
    std::vector<DateWord> dateline_words;
    SplitWords(doc.Slice(doc.dateline_date), &dateline_words);
    for (DateWord& word : dateline_words) {
      word.span.begin += doc.dateline_date.begin;
      word.span.end += doc.dateline_date.begin;
    }
    std::vector<DateMention> found;
    FindDates(time_words, dateline_words, doc.date, false, &found);
    if (!found.empty()) dateline = found.front();
  }
  for (size_t e = first; e < events->size(); ++e) {
    Event& event = (*events)[e];
    const bool forward = event.modality == "future";
    const DateMention* chosen = nullptr;
    if (event.sentence_index < doc.sentences.size()) {
      // The most precise expression of the sentence, the nearest to the verb among equals.
      for (const DateMention& mention : dates_of(event.sentence_index, forward)) {
        if (chosen == nullptr || mention.precision < chosen->precision ||
            (mention.precision == chosen->precision && Distance(mention.span, event.verb) < Distance(chosen->span, event.verb))) {
          chosen = &mention;
        }
      }
      event.date_how = "sentence";
      // Else the last date named earlier in the story ("On 3 March, ... The attackers also ...").
      for (uint32_t s = event.sentence_index; chosen == nullptr && s-- > 0;) {
        const std::vector<DateMention>& earlier = dates_of(s, false);
        if (!earlier.empty()) chosen = &earlier.back();
        event.date_how = "story";
      }
    }
    if (chosen == nullptr && dateline.date > 0) {
      chosen = &dateline;
      event.date_how = "dateline";
    }
    if (chosen != nullptr) {
      event.event_date = chosen->date;
      event.date_precision = std::string(DatePrecisionName(chosen->precision));
      event.date_span = chosen->span;
      event.date_text = std::string(doc.Slice(chosen->span));
    } else if (doc.date > 0) {
      event.event_date = doc.date;
      event.date_precision = "day";
      event.date_how = "published";
    } else {
      event.date_how.clear();
    }
  }
}

}  // namespace annalist
