#include "geo/locate.h"

#include <algorithm>

#include "annotate/dates.h"
#include "core/data_lines.h"

namespace annalist {

extern "C" const char annalist_place_words_begin[];
extern "C" const char annalist_place_words_end[];

namespace {

constexpr uint32_t kMaxNameTokens = 4;

bool EqualsLower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

// A word that can start or end a place name: a capital letter or a non-ASCII letter first.
bool IsNameWord(std::string_view text) {
  if (text.empty()) return false;
  unsigned char c = static_cast<unsigned char>(text[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

// Country code of an actor code ("NGAPOL" -> "NGA"), when it names one the gazetteer knows.
std::string_view ActorCountry(const Gazetteer& gazetteer, std::string_view code) {
  if (code.size() < 3) return {};
  const Place* place = gazetteer.ById(code.substr(0, 3));
  return place != nullptr && place->kind == PlaceKind::kCountry ? place->id : std::string_view();
}

void AddCountry(std::string_view country, std::vector<std::string>* countries) {
  if (country.empty()) return;
  if (std::find(countries->begin(), countries->end(), country) == countries->end()) countries->emplace_back(country);
}

struct ChainLink {
  Span span;
  uint32_t first_token, end_token;
  bool division = false;  // followed by a division word: a first-level division is meant
};

// A chain of names found in a sentence: which names are read does not depend on the context
// (only how they resolve does), so the second pass re-resolves the chains of the first.
struct FoundChain {
  uint32_t sentence;
  bool locative;
  std::vector<ChainLink> links;
};

class MentionFinder {
 public:
  MentionFinder(const Gazetteer& gazetteer, const PlaceWords& words, const Document& doc, uint32_t sentence_index,
                const std::vector<std::string>& countries, const std::vector<PlaceMention>& others)
      : gazetteer_(gazetteer), words_(words), doc_(doc), sentence_index_(sentence_index), countries_(countries),
        others_(others) {
    const Sentence& sentence = doc.sentences[sentence_index];
    begin_ = sentence.first_token;
    end_ = std::min<uint32_t>(sentence.end_token, static_cast<uint32_t>(doc.tokens.size()));
  }

  // Keeps every chain read by Run in `chains` (null: none kept).
  void KeepChains(std::vector<FoundChain>* chains) { chains_ = chains; }

  // Resolves a chain found by an earlier Run with this finder's context.
  void ResolveAgain(const FoundChain& found, std::vector<PlaceMention>* out) const {
    PlaceMention mention;
    if (Resolve(found.links, &mention)) {
      mention.sentence = found.sentence;
      mention.locative = found.locative;
      out->push_back(mention);
    }
  }

  void Run(std::vector<PlaceMention>* out) {
    starts_.resize(end_ > begin_ ? end_ - begin_ : 0);
    for (uint32_t t = begin_; t < end_; ++t) starts_[t - begin_] = words_.StartKinds(Word(t));
    for (uint32_t t = begin_; t < end_;) {
      uint32_t after = Trigger(t);
      bool locative = after > t;
      if (!locative) {
        // Without a locative word only "<name> <division word>" can start a place: look for
        // the division word first (cheap) before any gazetteer lookup.
        bool division = false;
        for (uint32_t k = t + 1; k <= t + kMaxNameTokens && k < end_ && !division; ++k) {
          division = Match(PlaceWords::Kind::kDivision, k) > 0;
        }
        if (!division || !IsNameWord(Word(t))) {
          ++t;
          continue;
        }
        after = t;
      }
      chain_.clear();
      std::vector<ChainLink>& chain = chain_;
      uint32_t next = ReadChain(after, &chain);
      // A name with a division word needs no locative word ("Borno state was hit").
      if (!locative && (chain.empty() || !chain.front().division)) {
        ++t;
        continue;
      }
      if (!chain.empty()) {
        if (chains_ != nullptr) chains_->push_back({sentence_index_, locative, chain});
        PlaceMention mention;
        if (Resolve(chain, &mention)) {
          mention.sentence = sentence_index_;
          mention.locative = locative;
          out->push_back(mention);
        }
        t = next;
      } else {
        t = after > t ? after : t + 1;
      }
    }
  }

 private:
  std::string_view Word(uint32_t t) const { return doc_.Slice(doc_.tokens[t].span); }

  // PlaceWords::Match where a phrase of `kind` can start at `at` (starts_, from Run); else 0.
  // Without starts_ (ResolveAgain reads no words) every token is looked at.
  size_t Match(PlaceWords::Kind kind, uint32_t at) const {
    if (at >= end_) return 0;
    if (!starts_.empty() && !(starts_[at - begin_] >> static_cast<int>(kind) & 1)) return 0;
    return words_.Match(kind, doc_, at, end_);
  }

  // Months and weekdays name no place ("in March", "on Monday"), whatever towns share the name.
  static bool IsTimeWord(std::string_view word) {
    char lower[24];
    if (word.size() > sizeof lower) return false;
    for (size_t i = 0; i < word.size(); ++i) lower[i] = (word[i] >= 'A' && word[i] <= 'Z') ? word[i] + 32 : word[i];
    const TimeWords& time_words = TimeWords::Builtin();
    for (uint32_t e : time_words.StartingWith(std::string_view(lower, word.size()))) {
      TimeWords::Kind kind = time_words.entry(e).kind;
      if (kind == TimeWords::Kind::kMonth || kind == TimeWords::Kind::kWeekday) return true;
    }
    return false;
  }

  // After a locative phrase ("in", "on the outskirts of") or "<direction> of" ("north of"),
  // and an optional "the" and "<feature> of" ("the town of"): the token where names start.
  uint32_t Trigger(uint32_t t) const {
    uint32_t at = t;
    // "the town of", "residential areas of": a place kind names the place after it without a
    // preposition.
    if (size_t f = Match(PlaceWords::Kind::kFeature, t);
        f > 0 && t + f < end_ && EqualsLower(Word(t + static_cast<uint32_t>(f)), "of")) {
      return t + 1 + static_cast<uint32_t>(f);
    }
    if (size_t n = Match(PlaceWords::Kind::kLocative, t)) {
      at = t + static_cast<uint32_t>(n);
    } else if (size_t d = Match(PlaceWords::Kind::kDirection, t);
               d > 0 && t + d < end_ && EqualsLower(Word(t + d), "of")) {
      at = t + static_cast<uint32_t>(d) + 1;
    } else {
      return t;
    }
    if (at < end_ && EqualsLower(Word(at), "the")) ++at;
    if (size_t f = Match(PlaceWords::Kind::kFeature, at);
        f > 0 && at + f < end_ && EqualsLower(Word(at + f), "of")) {
      at += static_cast<uint32_t>(f) + 1;
    }
    return at;
  }

  // The longest name (at most kMaxNameTokens tokens) at `t` that the gazetteer knows.
  uint32_t ReadName(uint32_t t) const {
    if (t >= end_ || !IsNameWord(Word(t)) || IsTimeWord(Word(t))) return t;
    for (uint32_t n = std::min(kMaxNameTokens, end_ - t); n > 0; --n) {
      // Inner and last words may be lower case ("Dar es Salaam", "Deir ez-Zor"), not punctuation.
      std::string_view last = Word(t + n - 1);
      if (last.empty() || !(IsNameWord(last) || (last[0] >= 'a' && last[0] <= 'z'))) continue;
      Span span{doc_.tokens[t].span.begin, doc_.tokens[t + n - 1].span.end};
      if (gazetteer_.Candidates(doc_.Slice(span)).empty()) continue;
      // "the Dnipro river", "the Red Sea": a natural feature, no settlement.
      if (Match(PlaceWords::Kind::kNatural, t + n) > 0) return t;
      return t + n;
    }
    return t;
  }

  // Names joined by commas or "and", each maybe followed by a feature or division word.
  uint32_t ReadChain(uint32_t t, std::vector<ChainLink>* chain) const {
    while (t < end_) {
      uint32_t name_end = ReadName(t);
      if (name_end == t) break;
      ChainLink link{Span{doc_.tokens[t].span.begin, doc_.tokens[name_end - 1].span.end}, t, name_end};
      t = name_end;
      if (size_t d = Match(PlaceWords::Kind::kDivision, t)) {
        link.division = true;
        t += static_cast<uint32_t>(d);
      } else if (size_t f = Match(PlaceWords::Kind::kFeature, t)) {
        t += static_cast<uint32_t>(f);
      }
      chain->push_back(link);
      if (t + 1 < end_ && Word(t) == "," && IsNameWord(Word(t + 1))) {
        ++t;
        continue;
      }
      break;
    }
    return t;
  }

  // Resolves the chain from its last name to its first, each name in the context of the ones
  // after it; the mention is the first name that resolves (the most specific one).
  bool Resolve(const std::vector<ChainLink>& chain, PlaceMention* mention) const {
    PlaceContext context;
    context.countries = countries_;
    const Span whole{chain.front().span.begin, chain.back().span.end};
    for (const PlaceMention& other : others_) {
      if (other.span.end <= whole.begin || other.span.begin >= whole.end) AddCountry(other.place->country, &context.countries);
    }
    const std::vector<std::string> story = context.countries;
    std::vector<const Place*> resolved(chain.size(), nullptr);
    for (size_t i = chain.size(); i-- > 0;) {
      context.want_admin1 = chain[i].division;
      const Place* place = gazetteer_.Find(doc_.Slice(chain[i].span), context);
      resolved[i] = place;
      if (place == nullptr) continue;
      // Names before this one lie inside it.
      std::vector<std::string> narrowed{std::string(place->country)};
      for (const std::string& c : story) AddCountry(c, &narrowed);
      context.countries = std::move(narrowed);
      if (place->kind == PlaceKind::kAdmin1) context.admin1 = std::string(place->id);
    }
    for (size_t i = 0; i < chain.size(); ++i) {
      if (resolved[i] == nullptr) continue;
      // A bare division name read as a town ("Borno"): the division when the chain says so.
      mention->place = resolved[i];
      mention->span = chain[i].span;
      mention->chain = whole;
      return true;
    }
    return false;
  }

  const Gazetteer& gazetteer_;
  const PlaceWords& words_;
  const Document& doc_;
  uint32_t sentence_index_;
  const std::vector<std::string>& countries_;
  const std::vector<PlaceMention>& others_;
  uint32_t begin_ = 0, end_ = 0;
  std::vector<ChainLink> chain_;  // reused across the sentence
  std::vector<FoundChain>* chains_ = nullptr;
  std::vector<uint8_t> starts_;  // PlaceWords::StartKinds of each token of the sentence
};

void SetLocation(const Place& place, std::string_view how, Event::Location* location) {
  location->name = std::string(place.name);
  location->id = std::string(place.id);
  location->country = std::string(place.country);
  location->admin1 = std::string(place.kind == PlaceKind::kAdmin1 ? place.id : place.admin1);
  location->precision = std::string(PlaceKindName(place.kind));
  location->has_coordinates = place.has_coordinates;
  location->lat = place.lat;
  location->lon = place.lon;
  location->how = std::string(how);
  if (location->code.empty()) location->code = location->country;
}

uint32_t Distance(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

}  // namespace

const PlaceWords& PlaceWords::Builtin() {
  static const PlaceWords* builtin = [] {
    auto parsed = Parse(std::string_view(annalist_place_words_begin, annalist_place_words_end - annalist_place_words_begin),
                        "place_words.txt");
    // The embedded file is checked by tests/locate_test; a fault is a build defect.
    return new PlaceWords(parsed.ok() ? parsed.TakeValue() : PlaceWords());
  }();
  return *builtin;
}

Result<PlaceWords> PlaceWords::Parse(std::string_view text, std::string_view file) {
  PlaceWords result;
  DataLines lines(text);
  std::string_view line;
  int line_number = 0;
  while (lines.Next(&line, &line_number)) {
    size_t tab = line.find('\t');
    auto fail = [&](const std::string& why) {
      return InvalidArgument(std::string(file) + ":" + std::to_string(line_number) + ": " + why);
    };
    if (tab == std::string_view::npos) return fail("expected kind<TAB>phrase");
    std::string_view kind = line.substr(0, tab), phrase = line.substr(tab + 1);
    Phrase entry;
    if (kind == "locative") {
      entry.kind = Kind::kLocative;
    } else if (kind == "division") {
      entry.kind = Kind::kDivision;
    } else if (kind == "feature") {
      entry.kind = Kind::kFeature;
    } else if (kind == "direction") {
      entry.kind = Kind::kDirection;
    } else if (kind == "natural") {
      entry.kind = Kind::kNatural;
    } else {
      return fail("unknown kind '" + std::string(kind) + "'");
    }
    for (size_t pos = 0; pos < phrase.size();) {
      size_t space = phrase.find(' ', pos);
      if (space == std::string_view::npos) space = phrase.size();
      if (space > pos) entry.words.emplace_back(phrase.substr(pos, space - pos));
      pos = space + 1;
    }
    if (entry.words.empty()) return fail("empty phrase");
    result.phrases_.push_back(std::move(entry));
  }
  // Longest phrases first, so Match returns the longest.
  std::stable_sort(result.phrases_.begin(), result.phrases_.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
  for (size_t i = 0; i < result.phrases_.size(); ++i) {
    const Phrase& phrase = result.phrases_[i];
    char lead = phrase.words[0][0];
    if (lead < 'a' || lead > 'z') return InvalidArgument(std::string(file) + ": phrase '" + phrase.words[0] + "' must start with a-z");
    result.by_letter_[static_cast<int>(phrase.kind)][lead - 'a'].push_back(static_cast<uint16_t>(i));
    result.first_words_.emplace_back(phrase.words[0], static_cast<uint8_t>(1u << static_cast<int>(phrase.kind)));
  }
  // One entry per first word, its kinds or'ed.
  std::sort(result.first_words_.begin(), result.first_words_.end());
  std::vector<std::pair<std::string, uint8_t>> merged;
  for (auto& [word, kinds] : result.first_words_) {
    if (!merged.empty() && merged.back().first == word) {
      merged.back().second |= kinds;
    } else {
      merged.emplace_back(std::move(word), kinds);
    }
  }
  result.first_words_ = std::move(merged);
  for (const auto& [word, kinds] : result.first_words_) {
    result.by_letter_length_[word[0] - 'a'][word.size() < 16 ? word.size() : 0] |= kinds;
  }
  return result;
}

uint8_t PlaceWords::StartKinds(std::string_view word) const {
  char lower[32];
  if (word.empty() || word.size() > sizeof lower) return 0;
  char lead = word[0];
  if (lead >= 'A' && lead <= 'Z') lead = static_cast<char>(lead + 32);
  if (lead < 'a' || lead > 'z' || by_letter_length_[lead - 'a'][word.size() < 16 ? word.size() : 0] == 0) return 0;
  for (size_t i = 0; i < word.size(); ++i) lower[i] = (word[i] >= 'A' && word[i] <= 'Z') ? word[i] + 32 : word[i];
  const std::string_view key(lower, word.size());
  auto it = std::lower_bound(first_words_.begin(), first_words_.end(), key,
                             [](const auto& entry, std::string_view k) { return std::string_view(entry.first) < k; });
  return it != first_words_.end() && it->first == key ? it->second : 0;
}

size_t PlaceWords::Match(Kind kind, const Document& doc, uint32_t at, uint32_t end) const {
  if (at >= end) return 0;
  std::string_view first = doc.Slice(doc.tokens[at].span);
  if (first.empty()) return 0;
  char lead = first[0];
  if (lead >= 'A' && lead <= 'Z') lead = static_cast<char>(lead + 32);
  if (lead < 'a' || lead > 'z') return 0;
  for (uint16_t index : by_letter_[static_cast<int>(kind)][lead - 'a']) {
    const Phrase& phrase = phrases_[index];
    if (at + phrase.words.size() > end) continue;
    bool all = true;
    for (size_t k = 0; k < phrase.words.size() && all; ++k) {
      all = EqualsLower(doc.Slice(doc.tokens[at + k].span), phrase.words[k]);
    }
    if (all) return phrase.words.size();
  }
  return 0;
}

void FindPlaceMentions(const Gazetteer& gazetteer, const PlaceWords& words, const Document& doc,
                       uint32_t sentence_index, const std::vector<std::string>& countries,
                       const std::vector<PlaceMention>& others, std::vector<PlaceMention>* out) {
  if (sentence_index >= doc.sentences.size()) return;
  MentionFinder(gazetteer, words, doc, sentence_index, countries, others).Run(out);
}

void LocateEvents(const Gazetteer& gazetteer, const PlaceWords& words, const Document& doc,
                  std::vector<Event>* events, size_t first) {
  if (first >= events->size()) return;
  // The dateline's place.
  std::vector<std::string> countries;
  const Place* dateline = nullptr;
  if (!doc.dateline_place.empty()) {
    std::string_view text = doc.Slice(doc.dateline_place);
    dateline = gazetteer.Find(text.substr(0, text.find(',')));
    if (dateline == nullptr) dateline = gazetteer.Find(text);
    if (dateline != nullptr) AddCountry(dateline->country, &countries);
  }
  // Pass 1: the story's places with the dateline as context; the chains of names are kept.
  std::vector<PlaceMention> first_pass, mentions;
  std::vector<FoundChain> chains;
  const std::vector<PlaceMention> no_mentions;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    MentionFinder finder(gazetteer, words, doc, s, countries, no_mentions);
    finder.KeepChains(&chains);
    finder.Run(&first_pass);
  }
  // The actors' countries, strongest context, except actors named by a place word ("in Tripoli"
  // coded as the target LBY would otherwise decide its own place), nor actors whose country
  // was inferred from the place itself (ActorRef::country_how).
  std::vector<std::string> actor_countries;
  auto add_actor = [&](const ActorRef& actor) {
    if (!actor.country_how.empty()) return;
    for (const PlaceMention& m : first_pass) {
      if (actor.span.begin < m.span.end && m.span.begin < actor.span.end) return;
    }
    AddCountry(ActorCountry(gazetteer, actor.code), &actor_countries);
  };
  for (size_t e = first; e < events->size(); ++e) {
    add_actor((*events)[e].source);
    add_actor((*events)[e].target);
  }
  for (const std::string& c : countries) AddCountry(c, &actor_countries);
  countries = std::move(actor_countries);
  // Pass 2: each chain of pass 1 resolved again with the actors, the dateline and the story's
  // other places (the same result as scanning again: FindPlaceMentions with `first_pass`).
  for (const FoundChain& found : chains) {
    MentionFinder(gazetteer, words, doc, found.sentence, countries, first_pass).ResolveAgain(found, &mentions);
  }
  const std::vector<std::string>& story_countries = countries;
  for (size_t e = first; e < events->size(); ++e) {
    Event& event = (*events)[e];
    Event::Location& location = event.location;
    // 1. The coder's clause place (the first place of a locative phrase of the event's own
    //    clause), as one of the sentence's mentions when it is one (its chain's context),
    //    else by its name.
    if (location.how == "clause") {
      const Place* place = nullptr;
      for (const PlaceMention& m : mentions) {
        if (m.sentence == event.sentence_index && m.chain.begin < location.span.end && location.span.begin < m.chain.end) {
          place = m.place;
          location.text = std::string(doc.Slice(m.span));
          location.span = m.span;
        }
      }
      if (place == nullptr) place = gazetteer.Find(location.text, PlaceContext{story_countries, {}, false});
      if (place != nullptr) {
        location.code.clear();
        SetLocation(*place, "clause", &location);
        continue;
      }
    }
    // 2. A place of the event's sentence: the locative one nearest the verb. Only for material
    //    events (QuadClass 2 and 4): a verbal event happens where it is said, and a place of its
    //    sentence that the coder did not find in the event's own clause is most often what was
    //    said about ("said ... the people in Gaza"), so verbal events go on to the dateline.
    const bool verbal = event.quad_class == 1 || event.quad_class == 3;
    const PlaceMention* best = nullptr;
    for (const PlaceMention& m : mentions) {
      if (verbal || m.sentence != event.sentence_index) continue;
      if (best == nullptr || (m.locative && !best->locative) ||
          (m.locative == best->locative && Distance(m.span, event.verb) < Distance(best->span, event.verb))) {
        best = &m;
      }
    }
    if (best != nullptr) {
      location.text = std::string(doc.Slice(best->span));
      location.span = best->span;
      location.code.clear();
      SetLocation(*best->place, "sentence", &location);
      continue;
    }
    // 3. The dateline place (where the story was filed: statements and the events of
    //    sentences without a place of their own); 4. the nearest place named in an earlier
    //    sentence, else the story's first place.
    if (dateline != nullptr) {
      location.text = std::string(doc.Slice(doc.dateline_place));
      location.span = doc.dateline_place;
      location.code.clear();
      SetLocation(*dateline, "dateline", &location);
      continue;
    }
    const PlaceMention* earlier = mentions.empty() ? nullptr : &mentions.front();
    for (const PlaceMention& m : mentions) {
      if (m.sentence < event.sentence_index) earlier = &m;
    }
    if (earlier != nullptr) {
      location.text = std::string(doc.Slice(earlier->span));
      location.span = earlier->span;
      location.code.clear();
      SetLocation(*earlier->place, "story", &location);
      continue;
    }
    // 5. The country of the actors.
    std::string_view country = ActorCountry(gazetteer, event.source.code);
    if (country.empty()) country = ActorCountry(gazetteer, event.target.code);
    if (const Place* place = country.empty() ? nullptr : gazetteer.ById(country)) {
      location.text.clear();
      location.span = Span{};
      location.code.clear();
      SetLocation(*place, "actor", &location);
    }
  }
}

}  // namespace annalist
