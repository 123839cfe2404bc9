// Shallow chunking from Penn tags: noun groups, verb groups (auxiliaries, modals, "be
// about to", negation, passive), prepositions and clause markers. This replaces the
// constituency parse that PETRARCH2 reads (petrarch2-behaviour.md 5.3).
#include <cstdint>
#include <string_view>
#include <vector>

#include "events/coder_internal.h"

namespace annalist::events_internal {
namespace {

// The chunker asks the same few questions of each word many times (is it a form of be,
// an auxiliary, a negation ...). Each word's answers are computed once per sentence as a
// bit set: the lexicon's concepts (data/kb/lexicon: be_forms, auxiliaries, negations,
// time_nouns, subordinators, future / conditional auxiliaries, in SentenceView::lex) plus
// the few function words that are the chunker's own grammar (below).
enum WordClass : uint16_t {
  kBe = 1 << 0,           // forms of be, and get-passives
  kAux = 1 << 1,          // other auxiliaries and modals (IsAuxWord = kBe | kAux)
  kNegation = 1 << 2,
  kTemporal = 1 << 3,     // a noun group headed by it names a time
  kSubordinator = 1 << 4,
  kFuture = 1 << 5,
  kConditional = 1 << 6,
  kThatWhich = 1 << 7,
  kThat = 1 << 8,
  kApostropheS = 1 << 9,  // 's
  kAbout = 1 << 10,
  kGoing = 1 << 11,
  kDash = 1 << 12,        // "-"
  kQuantifier = 1 << 13,  // a word of an approximate count ("up to", "at least")
};

struct ClassWord {
  std::string_view word;
  uint16_t classes;
};

// Function words of the chunker's grammar: relative "that" / "which", the possessive 's,
// "be about to", "be going to", and the dash inside compounds.
constexpr ClassWord kClassWords[] = {
    {"THAT", kThatWhich | kThat}, {"WHICH", kThatWhich}, {"'S", kApostropheS},
    {"ABOUT", kAbout}, {"GOING", kGoing}, {"-", kDash},
};

uint16_t LexiconClasses(dict::LexBits bits) {
  using dict::Bit;
  using dict::Lex;
  uint16_t c = 0;
  if (bits & Bit(Lex::kBe)) c |= kBe;
  if (bits & Bit(Lex::kAuxiliary)) c |= kAux;
  if (bits & Bit(Lex::kNegation)) c |= kNegation;
  if (bits & Bit(Lex::kTimeNoun)) c |= kTemporal;
  if (bits & Bit(Lex::kSubordinator)) c |= kSubordinator;
  if (bits & Bit(Lex::kFuture)) c |= kFuture;
  if (bits & Bit(Lex::kConditional)) c |= kConditional;
  if (bits & Bit(Lex::kQuantifierWord)) c |= kQuantifier;
  return c;
}

// kClassWords bucketed by (first byte, length): a lookup compares against at most a few
// words of the same length.
class WordClassTable {
 public:
  static constexpr size_t kMaxLength = 15;
  WordClassTable() {
    for (const ClassWord& cw : kClassWords) {
      std::vector<ClassWord>& bucket = buckets_[Slot(cw.word)];
      bool merged = false;
      for (ClassWord& e : bucket)
        if (e.word == cw.word) { e.classes |= cw.classes; merged = true; }
      if (!merged) bucket.push_back(cw);
    }
  }
  uint16_t Of(std::string_view w) const {
    if (w.empty() || w.size() > kMaxLength) return 0;
    for (const ClassWord& e : buckets_[Slot(w)])
      if (e.word == w) return e.classes;
    return 0;
  }

 private:
  static size_t Slot(std::string_view w) {
    return (static_cast<size_t>(static_cast<unsigned char>(w[0])) << 4) | w.size();
  }
  std::vector<ClassWord> buckets_[256 << 4];
};

const WordClassTable& ClassTable() {
  static const WordClassTable table;
  return table;
}

bool IsNominal(Pos p) {
  return IsNoun(p) || IsAdjective(p) || p == Pos::DT || p == Pos::PDT || p == Pos::CD ||
         p == Pos::PRPS || p == Pos::FW;
}

}  // namespace

namespace {

// One sentence's chunking: the view, the word classes of its tokens, and one method per
// kind of group.
class Chunker {
 public:
  explicit Chunker(const SentenceView& v) : v_(v), n_(v.size()) {
    // Word classes of every token, looked up once (they were string comparisons per question).
    thread_local std::vector<uint16_t> classes;
    classes.resize(n_);
    const WordClassTable& table = ClassTable();
    for (uint32_t k = 0; k < n_; ++k) classes[k] = table.Of(v.norm[k]) | LexiconClasses(v.lex[k]);
    classes_ = classes.data();
  }
  void Run(std::vector<Item>* items);

 private:
  static constexpr uint16_t kAuxWord = kBe | kAux;
  bool has(uint32_t k, uint16_t c) const { return (classes_[k] & c) != 0; }
  bool verbish(uint32_t k) const { return k < n_ && (IsVerb(v_.pos[k]) || v_.pos[k] == Pos::MD); }
  bool StartsNoun(uint32_t i) const;
  uint32_t QuantifierRun(uint32_t i) const;
  uint32_t NounGroup(uint32_t i, Item* it) const;
  uint32_t VerbGroup(uint32_t i, Item* it) const;
  void Marker(uint32_t i, Item* it) const;
  void RefineMarkers(std::vector<Item>* items) const;

  const SentenceView& v_;
  const uint32_t n_;
  const uint16_t* classes_ = nullptr;
};

void Chunker::Run(std::vector<Item>* items) {
  items->clear();
  uint32_t i = 0;
  while (i < n_) {
    Item it;
    it.first = i;
    if (v_.pos[i] == Pos::PRP && !has(i, kApostropheS)) {
      it.kind = ItemKind::kNoun;
      it.pronoun = true;
      it.head = i;
      it.end = ++i;
    } else if (const uint32_t number = QuantifierRun(i); number > i) {
      // "up to | 300 people": the run is an adverb of the count, so that the number's
      // noun group is the subject or object, not a preposition's.
      it.kind = ItemKind::kAdv;
      it.head = i;
      it.end = i = number;
    } else if (StartsNoun(i)) {
      i = NounGroup(i, &it);
    } else if (verbish(i)) {
      i = VerbGroup(i, &it);
    } else {
      Marker(i, &it);
      ++i;
    }
    items->push_back(it);
  }
  RefineMarkers(items);
}

// An approximate count before a number ("up to 300", "more than 20", "at least 12",
// "nearly 50"): the position of the number if the words from i on are such a run (two or
// more quantifier words, or one adverb), else i. A leading "to" is a preposition ("sent
// troops to more than 20 countries").
uint32_t Chunker::QuantifierRun(uint32_t i) const {
  if (!has(i, kQuantifier) || v_.pos[i] == Pos::TO) return i;
  uint32_t m = i;
  while (m < n_ && has(m, kQuantifier)) ++m;
  if (m >= n_ || v_.pos[m] != Pos::CD) return i;
  if (m - i >= 2 || (m - i == 1 && v_.pos[i] == Pos::RB)) return m;
  return i;
}

bool Chunker::StartsNoun(uint32_t i) const {
  const SentenceView& v = v_;
  const uint32_t n = n_;
  const Pos p = v.pos[i];
  // A participle opens a noun group only when a noun follows ("the affected villages" is
  // handled inside the group; "exiled dissidents" here).
  bool starts_noun = IsNominal(p) && !(p == Pos::DT && has(i, kThatWhich) && i + 1 < n &&
                                       !IsNominal(v.pos[i + 1]));
  // A currency sign before its amount ("$ 20 million") opens the amount's group.
  if (p == Pos::kDollar && i + 1 < n && v.pos[i + 1] == Pos::CD) starts_noun = true;
  if ((p == Pos::VBN || p == Pos::VBG) && i + 1 < n && IsNoun(v.pos[i + 1]) &&
      (i == 0 || v.pos[i - 1] == Pos::IN || v.pos[i - 1] == Pos::TO))
    starts_noun = true;
  // Right after a lexical verb a past participle before a noun is a premodifier, not a
  // second verb ("expel exiled leaders", "freed detained activists"): two lexical verbs
  // never form one group, and PETRARCH's parse puts them inside the object NP.
  if ((p == Pos::VBN || p == Pos::VBD) && i > 0 && i + 1 < n && IsNoun(v.pos[i + 1]) &&
      verbish(i - 1) && v.pos[i - 1] != Pos::MD && !has(i - 1, kAuxWord))
    starts_noun = true;
  return starts_noun;
}

uint32_t Chunker::NounGroup(uint32_t i, Item* out) const {
  const SentenceView& v = v_;
  const uint32_t n = n_;
  Item& it = *out;
  uint32_t j = i;
  bool has_noun = false;
  while (j < n) {
    Pos q = v.pos[j];
    // A time word after a name or noun ends the group ("President X Tuesday", "Iran
    // today", "the army Monday"): it opens a time phrase of its own, so the name keeps
    // its head ("last Tuesday", "Friday prayers" stay one group).
    if (has_noun && j > i && has(j, kTemporal) && IsNoun(v.pos[j - 1]) && IsNoun(q)) break;
    if (IsNoun(q) || q == Pos::FW) {
      has_noun = true;
      ++j;
    } else if (q == Pos::POS) {
      ++j;
    } else if (q == Pos::CD && has_noun && j + 1 < n &&
               (IsNoun(v.pos[j + 1]) || IsAdjective(v.pos[j + 1]) ||
                (v.pos[j + 1] == Pos::CD && j + 2 < n && IsNoun(v.pos[j + 2])))) {
      // A count opens the next group: "Gondor | two years later", "gave Arnor | 150
      // tanks", "handed Arnor | 20 million euros".
      break;
    } else if (IsAdjective(q) || q == Pos::CD ||
               (q == Pos::kDollar && !has_noun && j + 1 < n && v.pos[j + 1] == Pos::CD)) {
      ++j;
    } else if ((q == Pos::DT || q == Pos::PDT || q == Pos::PRPS) && (j == i || !has_noun)) {
      ++j;
    } else if ((q == Pos::VBN || q == Pos::VBG || (q == Pos::VBD && j == i)) && !has_noun && j + 1 < n &&
               (IsNoun(v.pos[j + 1]) || IsAdjective(v.pos[j + 1]))) {
      ++j;
    } else if (q == Pos::CC && j > i && IsAdjective(v.pos[j - 1]) && j + 1 < n &&
               IsAdjective(v.pos[j + 1])) {
      ++j;  // "awful and evil minister"
    } else if (q == Pos::kColon && has(j, kDash) && j + 1 < n && IsNominal(v.pos[j + 1])) {
      ++j;
    } else {
      break;
    }
    // After a possessive a new determiner-less group continues ("Gondor's Prime Minister").
    if (j < n && j > i && v.pos[j - 1] == Pos::POS) has_noun = false;
  }
  if (j == i) j = i + 1;
  it.kind = ItemKind::kNoun;
  it.end = j;
  it.head = j - 1;
  for (uint32_t k = j; k-- > i;) {
    if (IsNoun(v.pos[k])) {
      it.head = k;
      break;
    }
  }
  it.temporal = has(it.head, kTemporal);
  return j;
}

uint32_t Chunker::VerbGroup(uint32_t i, Item* out) const {
  const SentenceView& v = v_;
  const uint32_t n = n_;
  Item& it = *out;
  uint32_t j = i;
  int last_verb = -1;
  while (j < n) {
    if (verbish(j)) {
      if (last_verb >= 0 && !has(static_cast<uint32_t>(last_verb), kAuxWord)) break;
      last_verb = static_cast<int>(j);
      ++j;
    } else if ((v.pos[j] == Pos::RB || has(j, kNegation)) && last_verb >= 0 &&
               has(static_cast<uint32_t>(last_verb), kAuxWord)) {
      // Adverbs between auxiliary and verb; kept only if a verb follows.
      uint32_t k = j;
      while (k < n && (v.pos[k] == Pos::RB || has(k, kNegation) ||
                       (v.pos[k] == Pos::CC && k + 1 < n && v.pos[k + 1] == Pos::RB)))
        ++k;
      if (verbish(k)) j = k;
      else break;
    } else if (has(j, kAbout) && last_verb >= 0 && has(static_cast<uint32_t>(last_verb), kBe) && j + 2 < n &&
               v.pos[j + 1] == Pos::TO && verbish(j + 2)) {
      j += 2;  // "is about to restore": be about to = auxiliary
    } else if (has(j, kGoing) && last_verb >= 0 && has(static_cast<uint32_t>(last_verb), kBe) && j + 2 < n &&
               v.pos[j + 1] == Pos::TO && verbish(j + 2)) {
      j += 2;
    } else {
      break;
    }
  }
  it.kind = ItemKind::kVerb;
  it.end = static_cast<uint32_t>(last_verb) + 1;
  it.head = static_cast<uint32_t>(last_verb);
  it.finite = v.pos[i] == Pos::MD || v.pos[i] == Pos::VBD || v.pos[i] == Pos::VBZ ||
              v.pos[i] == Pos::VBP;
  bool saw_be = false;
  for (uint32_t k = i; k < it.end; ++k) {
    if (has(k, kNegation)) it.negated = true;
    if (k < it.head && has(k, kBe)) saw_be = true;
    if (has(k, kFuture)) it.modality = Modality::kFuture;
    if (has(k, kConditional) && it.modality == Modality::kNone)
      it.modality = Modality::kConditional;
  }
  // "was not": negation right after a lone be/do.
  if (!it.negated && it.end < n && has(it.end, kNegation) && has(it.head, kAuxWord)) {
    it.negated = true;
  }
  it.be_main = has(it.head, kAuxWord);
  it.passive = saw_be && (v.pos[it.head] == Pos::VBN || v.pos[it.head] == Pos::VBD) && !it.be_main;
  return it.end;
}

void Chunker::Marker(uint32_t i, Item* out) const {
  const SentenceView& v = v_;
  const uint32_t n = n_;
  const Pos p = v.pos[i];
  Item& it = *out;
  it.end = i + 1;
  it.head = i;
  if (p == Pos::TO) {
    uint32_t k = i + 1;
    while (k < n && v.pos[k] == Pos::RB) ++k;
    it.kind = (k < n && (v.pos[k] == Pos::VB || v.pos[k] == Pos::VBP)) ? ItemKind::kTo : ItemKind::kPrep;
  } else if (p == Pos::IN) {
    if (has(i, kThat)) it.kind = ItemKind::kSub;
    else if (has(i, kSubordinator)) it.kind = ItemKind::kSub;  // refined below
    else it.kind = ItemKind::kPrep;
  } else if (p == Pos::WDT || p == Pos::WP || p == Pos::WPS) {
    it.kind = ItemKind::kRel;
  } else if (p == Pos::WRB) {
    it.kind = ItemKind::kSub;
  } else if (p == Pos::CC) {
    it.kind = ItemKind::kConj;
  } else if (p == Pos::kComma) {
    it.kind = ItemKind::kComma;
  } else if (p == Pos::kPeriod || p == Pos::kColon) {
    it.kind = ItemKind::kPunct;
  } else if (p == Pos::RB || p == Pos::RBR || p == Pos::RBS || p == Pos::RP) {
    it.kind = ItemKind::kAdv;
  } else if (p == Pos::DT && has(i, kThatWhich)) {
    it.kind = ItemKind::kRel;
  } else {
    it.kind = ItemKind::kOther;
  }
}

void Chunker::RefineMarkers(std::vector<Item>* items) const {
  const SentenceView& v = v_;
  // Subordinators that introduce a plain noun phrase are prepositions ("after a 12-year
  // rift"); they stay clause markers before a clause ("after crowds trashed", "after
  // leaving Eriador").
  for (size_t k = 0; k < items->size(); ++k) {
    Item& it = (*items)[k];
    if (it.kind != ItemKind::kSub || v.pos[it.first] != Pos::IN || has(it.first, kThat)) continue;
    bool clause = false;
    if (k + 1 < items->size() && (*items)[k + 1].kind == ItemKind::kVerb) clause = true;
    if (k + 2 < items->size() && (*items)[k + 1].kind == ItemKind::kNoun &&
        (*items)[k + 2].kind == ItemKind::kVerb && (*items)[k + 2].finite)
      clause = true;
    if (!clause) it.kind = ItemKind::kPrep;
  }
  // "that" after a noun is a relative pronoun when a verb follows directly ("the parade
  // that supported"); otherwise a complementizer ("hopes that Osgiliath could ...").
  for (size_t k = 1; k + 1 < items->size(); ++k) {
    Item& it = (*items)[k];
    if (it.kind == ItemKind::kSub && has(it.first, kThat) &&
        (*items)[k - 1].kind == ItemKind::kNoun && (*items)[k + 1].kind == ItemKind::kVerb)
      it.kind = ItemKind::kRel;
  }
}


}  // namespace

void Chunk(const SentenceView& v, std::vector<Item>* items) { Chunker(v).Run(items); }

bool IsQuantity(const SentenceView& v, const Item& group) {
  for (uint32_t k = group.first; k < group.end; ++k)
    if (v.pos[k] == Pos::CD || v.pos[k] == Pos::kDollar) return true;
  return false;
}

}  // namespace annalist::events_internal
