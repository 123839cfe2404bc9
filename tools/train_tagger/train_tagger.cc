// annalist_train_tagger: trains the averaged-perceptron POS tagger on the Brown corpus and
// writes the text model (weights, tag dictionary, WordNet lemma lists) that the library
// embeds. Runs at build time (cmake/tagger.cmake); needs no annalist library.
//
//   annalist_train_tagger --corpus DIR --wordnet DIR --out tagger.model
//       [--iterations 5] [--heldout]   (--heldout: train without every 10th file, report
//                                        accuracy on those files)
//       [--eval-tsv FILE]              (word<TAB>Penn tag lines, blank line between sentences)
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tag/perceptron.h"
#include "tag/tagger.h"

namespace annalist {
namespace {

using tag::kNumClasses;

struct TaggedWord {
  std::string word;
  Pos pos = Pos::kNone;
};
using TaggedSentence = std::vector<TaggedWord>;

// ---------------------------------------------------------------------------------------------
// Brown -> Penn.
//
// Brown tags after the Brown Corpus Manual (Francis & Kucera 1964/1979), "List of Tags":
//   .  sentence closer (. ; ? !)        -> .         (  ) -> -LRB- -RRB-     , -> ,
//   :  colon, --  dash                  -> :         `` '' -> `` ''   ' -> '' (or POS)
//   *  not, n't                         -> RB
//   abl pre-qualifier (quite, rather, such)  -> PDT before an article ("quite a"), else RB
//                                               ("such": JJ)
//   abn pre-quantifier (half, all)      -> PDT before a determiner/possessive, else DT
//   abx pre-/post-quantifier (both)     -> DT
//   ap  post-determiner (many, several, next, more, most) -> JJ (more/less JJR, most/least JJS)
//   at  article                         -> DT
//   be bed bedz beg bem ben ber bez     -> VB VBD VBD VBG VBP VBN VBP VBZ
//   cc coordinating conj                -> CC         cd -> CD      cs subordinating conj -> IN
//   do dod doz                          -> VB|VBP VBD VBZ
//   dt dti dts dtx (this, any, these, either) -> DT
//   ex  existential there               -> EX         fw-*  foreign word -> FW
//   hv hvd hvg hvn hvz                  -> VB|VBP VBD VBG VBN VBZ
//   in  preposition                     -> IN ("to" always TO, as in the Penn Treebank)
//   jj jjr jjs jjt                      -> JJ JJR JJ JJS (jjs: semantically superlative
//                                          "chief", "top": JJ in Penn)
//   md  modal                           -> MD
//   nn nns np nps                       -> NN NNS NNP NNPS
//   nr nrs adverbial noun (home, today, Friday) -> NNP/NNPS if capitalised (not sentence-
//                                          initially unless a day or month), else NN/NNS
//   od  ordinal                         -> JJ
//   pn  nominal pronoun (everybody, nothing) -> NN
//   pp$ -> PRP$   pp$$ (mine) ppl ppls ppo pps ppss -> PRP
//   ql qlp qualifier (very, enough)     -> RB (more/less RBR, most/least RBS)
//   rb rbr rbt rn rp                    -> RB RBR RBS RB RP
//   to -> TO   uh -> UH
//   vb vbd vbg vbn vbz                  -> VB|VBP VBD VBG VBN VBZ
//   wdt wp$ wpo wps wql wrb             -> WDT WP$ WP WP WRB WRB
//   nil (untagged)                      -> sentence dropped
// Brown's "vb" covers Penn VB and VBP: VBP after a subject (pronoun, noun, relative), VB
// after modals, to, do-support, object pronouns and sentence-initially (imperatives).
// All-capital acronyms Brown tags nn (NATO, UN) are NNP as in Penn.
// Suffixes: -hl (headline) and -nc (cited) are dropped; -tl (title) makes capitalised
// nouns, adjectives, ordinals and participles NNP/NNPS ("Fulton County Grand Jury",
// "United States" are NNP in the Penn Treebank).
// Re-tokenisation to Penn conventions: possessives ("Atlanta's/np$" -> Atlanta/NNP 's/POS,
// "workers'/nns$" -> workers/NNS '/POS); negations ("didn't/dod*" -> did/VBD n't/RB,
// "can't" -> ca/MD n't/RB, "won't" -> wo/MD n't/RB, "cannot" -> can/MD not/RB); clitic
// compounds ("it's/pps+bez" -> it/PRP 's/VBZ, "I'll/ppss+md" -> I/PRP 'll/MD, "let's/vb+ppo"
// -> let/VB 's/PRP); "$100/nns" -> $/$ 100/CD.

struct BrownToken {
  std::string word;
  std::string tag;  // one simple Brown tag, suffixes stripped; "POS" and "$" for split parts
  bool title = false;
  bool foreign = false;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void Emit(std::string_view word, std::string_view tag, bool title, bool foreign,
          std::vector<BrownToken>* out) {
  if (word.empty()) return;
  if (word.size() > 1 && word[0] == '$' && word[1] >= '0' && word[1] <= '9') {
    out->push_back({"$", "$", false, false});
    out->push_back({std::string(word.substr(1)), "cd", false, false});
    return;
  }
  out->push_back({std::string(word), std::string(tag), title, foreign});
}

void SplitBrownToken(std::string_view word, std::string tag, std::vector<BrownToken>* out) {
  tag = Lower(tag);
  bool foreign = false, title = false;
  if (tag.rfind("fw-", 0) == 0) {
    foreign = true;
    tag = tag.substr(3);
  }
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const char* suffix : {"-hl", "-tl", "-nc"}) {
      if (EndsWith(tag, suffix) && tag.size() > 3) {
        if (std::strcmp(suffix, "-tl") == 0) title = true;
        tag.resize(tag.size() - 3);
        stripped = true;
      }
    }
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t plus = tag.find('+', start);
    parts.push_back(tag.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  if (parts.size() >= 2) {
    size_t apostrophe = word.find('\'', 1);
    if (apostrophe != std::string_view::npos && apostrophe + 1 < word.size()) {
      Emit(word.substr(0, apostrophe), parts[0], title, foreign, out);
      Emit(word.substr(apostrophe), parts[1], false, foreign, out);
    } else {
      Emit(word, parts[0], title, foreign, out);
    }
    return;
  }
  const std::string& part = parts[0];
  std::string lower = Lower(word);
  if (part.size() > 1 && part.back() == '*') {
    std::string base = part.substr(0, part.size() - 1);
    if (EndsWith(lower, "n't") && word.size() > 3) {
      Emit(word.substr(0, word.size() - 3), base, title, foreign, out);
      Emit(word.substr(word.size() - 3), "*", false, foreign, out);
    } else if (lower == "cannot") {
      Emit(word.substr(0, 3), base, title, foreign, out);
      Emit(word.substr(3), "*", false, foreign, out);
    } else {
      Emit(word, base, title, foreign, out);
    }
    return;
  }
  if (part.size() > 1 && part.back() == '$' && part != "pp$" && part != "wp$" && part != "pp$$") {
    std::string base = part.substr(0, part.size() - 1);
    if (EndsWith(lower, "'s") && word.size() > 2) {
      Emit(word.substr(0, word.size() - 2), base, title, foreign, out);
      Emit(word.substr(word.size() - 2), "POS", false, false, out);
    } else if (EndsWith(lower, "'") && word.size() > 1) {
      Emit(word.substr(0, word.size() - 1), base, title, foreign, out);
      Emit(word.substr(word.size() - 1), "POS", false, false, out);
    } else {
      Emit(word, base, title, foreign, out);
    }
    return;
  }
  Emit(word, part, title, foreign, out);
}

bool IsCapitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

bool IsDayOrMonth(const std::string& lower) {
  static const char* kNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                 "saturday", "sunday", "january", "february", "march", "april",
                                 "may", "june", "july", "august", "september", "october",
                                 "november", "december"};
  for (const char* name : kNames) {
    if (lower == name) return true;
  }
  return false;
}

// VB or VBP for Brown's base-form tags (vb, do, hv), from the left context already mapped.
Pos BaseOrPresent(const std::vector<BrownToken>& toks, const TaggedSentence& done, size_t i) {
  size_t j = i;
  while (j > 0) {
    const std::string& t = toks[j - 1].tag;
    if (t == "rb" || t == "*" || t == "ql" || t == "qlp" || t == "rbr" || t == "rn") {
      --j;
      continue;
    }
    break;
  }
  if (j == 0) return Pos::VB;  // imperative
  const std::string& t = toks[j - 1].tag;
  if (t == "md" || t == "to" || t == "do" || t == "dod" || t == "doz" || t == "ppo") return Pos::VB;
  if (t == "ppss" || t == "pps" || t == "nns" || t == "nps" || t == "np" || t == "nn" ||
      t == "wps" || t == "wdt" || t == "ex" || t == "pn" || t == "ppl" || t == "ppls") {
    return Pos::VBP;
  }
  if (t == "cc") {
    for (size_t k = j - 1; k > 0 && k + 8 > j; --k) {
      Pos p = done[k - 1].pos;
      if (p == Pos::VBP) return Pos::VBP;
      if (IsVerb(p) || p == Pos::MD || p == Pos::TO) return Pos::VB;
    }
  }
  return Pos::VB;
}

Pos MapTag(const std::vector<BrownToken>& toks, const TaggedSentence& done, size_t i) {
  const BrownToken& tok = toks[i];
  const std::string& t = tok.tag;
  std::string lw = Lower(tok.word);
  if (t == "POS") return Pos::POS;
  if (t == "$") return Pos::kDollar;
  if (t == ".") return Pos::kPeriod;
  if (t == ",") return Pos::kComma;
  if (t == ":" || t == "--") return Pos::kColon;
  if (t == "(") return Pos::kOpenParen;
  if (t == ")") return Pos::kCloseParen;
  if (t == "``") return Pos::kOpenQuote;
  if (t == "''") return Pos::kCloseQuote;
  if (t == "'") return tok.word == "`" ? Pos::kOpenQuote : Pos::kCloseQuote;
  if (t == "*") return Pos::RB;
  if (t == "nil" || t.empty()) return Pos::kNone;
  if (tok.foreign) return Pos::FW;
  if (lw == "to") return Pos::TO;
  // Penn tags "about" in "is about to" IN; Brown says rb.
  if (lw == "about" && i + 1 < toks.size() && Lower(toks[i + 1].word) == "to") return Pos::IN;
  bool cap = IsCapitalised(tok.word);
  if (tok.title && cap) {
    if (t == "nns" || t == "nps" || t == "nrs") return Pos::NNPS;
    if (t == "nn" || t == "np" || t == "nr" || t == "jj" || t == "jjs" || t == "jjt" ||
        t == "jjr" || t == "od" || t == "vbn" || t == "vbg" || t == "pn") {
      return Pos::NNP;
    }
  }
  // Brown tags acronyms nn (NATO, UN, GOP); Penn tags them NNP.
  if (t == "nn" && tok.word.size() >= 2 && tok.word != "TV") {
    bool acronym = true;
    for (char c : tok.word) acronym &= (c >= 'A' && c <= 'Z') || c == '.';
    if (acronym) return Pos::NNP;
  }
  std::string next = i + 1 < toks.size() ? toks[i + 1].tag : "";
  if (t == "abl") {
    if (next == "at") return Pos::PDT;
    return lw == "such" ? Pos::JJ : Pos::RB;
  }
  if (t == "abn") return (next == "at" || next == "pp$" || next == "dt" || next == "dts") ? Pos::PDT : Pos::DT;
  if (t == "abx" || t == "at" || t == "dt" || t == "dti" || t == "dts" || t == "dtx") return Pos::DT;
  if (t == "ap") {
    if (lw == "more" || lw == "less" || lw == "fewer") return Pos::JJR;
    if (lw == "most" || lw == "least" || lw == "fewest") return Pos::JJS;
    return Pos::JJ;
  }
  if (t == "ql" || t == "qlp") {
    if (lw == "more" || lw == "less") return Pos::RBR;
    if (lw == "most" || lw == "least") return Pos::RBS;
    return Pos::RB;
  }
  if (t == "be") return Pos::VB;
  if (t == "bed" || t == "bedz" || t == "dod" || t == "hvd" || t == "vbd") return Pos::VBD;
  if (t == "beg" || t == "hvg" || t == "vbg") return Pos::VBG;
  if (t == "bem" || t == "ber") return Pos::VBP;
  if (t == "ben" || t == "hvn" || t == "vbn") return Pos::VBN;
  if (t == "bez" || t == "doz" || t == "hvz" || t == "vbz") return Pos::VBZ;
  if (t == "vb" || t == "do" || t == "hv") return BaseOrPresent(toks, done, i);
  if (t == "cc") return Pos::CC;
  if (t == "cd") return Pos::CD;
  if (t == "cs" || t == "in") return Pos::IN;
  if (t == "ex") return Pos::EX;
  if (t == "jj" || t == "jjs" || t == "od") return Pos::JJ;
  if (t == "jjr") return Pos::JJR;
  if (t == "jjt") return Pos::JJS;
  if (t == "md") return Pos::MD;
  if (t == "nn" || t == "pn") return Pos::NN;
  if (t == "nns") return Pos::NNS;
  if (t == "np") return Pos::NNP;
  if (t == "nps") return Pos::NNPS;
  if (t == "nr" || t == "nrs") {
    bool proper = cap && (i > 0 || IsDayOrMonth(lw));
    if (t == "nr") return proper ? Pos::NNP : Pos::NN;
    return proper ? Pos::NNPS : Pos::NNS;
  }
  if (t == "pp$") return Pos::PRPS;
  if (t == "pp$$" || t == "ppl" || t == "ppls" || t == "ppo" || t == "pps" || t == "ppss") return Pos::PRP;
  if (t == "rb" || t == "rn") return Pos::RB;
  if (t == "rbr") return Pos::RBR;
  if (t == "rbt") return Pos::RBS;
  if (t == "rp") return Pos::RP;
  if (t == "to") return Pos::TO;
  if (t == "uh") return Pos::UH;
  if (t == "wdt") return Pos::WDT;
  if (t == "wp$") return Pos::WPS;
  if (t == "wpo" || t == "wps") return Pos::WP;
  if (t == "wql" || t == "wrb") return Pos::WRB;
  return Pos::kNone;
}

bool ConvertBrownSentence(std::string_view line, TaggedSentence* out) {
  std::vector<BrownToken> toks;
  size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    size_t end = pos;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (end > pos) {
      std::string_view item = line.substr(pos, end - pos);
      size_t slash = item.rfind('/');
      if (slash == std::string_view::npos || slash == 0) return false;
      SplitBrownToken(item.substr(0, slash), std::string(item.substr(slash + 1)), &toks);
    }
    pos = end;
  }
  out->clear();
  for (size_t i = 0; i < toks.size(); ++i) {
    Pos p = MapTag(toks, *out, i);
    if (p == Pos::kNone) return false;
    out->push_back({toks[i].word, p});
  }
  return !out->empty();
}

std::vector<TaggedSentence> ReadBrownFile(const std::string& path) {
  std::vector<TaggedSentence> sentences;
  std::ifstream in(path);
  std::string line;
  TaggedSentence sentence;
  while (std::getline(in, line)) {
    if (ConvertBrownSentence(line, &sentence)) sentences.push_back(sentence);
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Training.

struct Entry {
  uint8_t cls;
  float weight;
  double total;
  int64_t stamp;
};

class Trainer {
 public:
  void Train(const std::vector<TaggedSentence>& sentences, int iterations) {
    BuildTagDictionary(sentences);
    // Describe every sentence once.
    std::vector<std::vector<tag::WordInfo>> infos(sentences.size());
    std::vector<std::vector<Pos>> forced(sentences.size());
    std::vector<std::string_view> texts;
    for (size_t s = 0; s < sentences.size(); ++s) {
      const TaggedSentence& sentence = sentences[s];
      texts.clear();
      for (const auto& w : sentence) texts.push_back(w.word);
      infos[s].resize(sentence.size());
      forced[s].resize(sentence.size());
      tag::DescribeSentence(texts.data(), nullptr, sentence.size(), infos[s].data(), forced[s].data());
      for (auto& info : infos[s]) {
        if (vocabulary_.count(info.lower) == 0) info.flags |= tag::kFlagRare;
      }
      for (size_t i = 0; i < sentence.size(); ++i) {
        if (forced[s][i] == Pos::kNone) {
          auto it = tagdict_.find(infos[s][i].exact);
          if (it != tagdict_.end()) forced[s][i] = it->second;
        }
      }
    }
    weights_.reserve(1 << 22);
    std::vector<size_t> order(sentences.size());
    for (size_t s = 0; s < order.size(); ++s) order[s] = s;
    std::mt19937 rng(20240521);
    uint64_t keys[tag::kMaxFeatures];
    for (int iteration = 0; iteration < iterations; ++iteration) {
      size_t correct = 0, total = 0;
      for (size_t s : order) {
        const TaggedSentence& sentence = sentences[s];
        Pos prev = Pos::kNone, prev2 = Pos::kNone;
        for (size_t i = 0; i < sentence.size(); ++i) {
          Pos guess = forced[s][i];
          if (guess == Pos::kNone) {
            int count = tag::ExtractFeatures(infos[s].data(), sentence.size(), i, prev, prev2, keys);
            guess = Predict(keys, count);
            Update(sentence[i].pos, guess, keys, count);
          }
          correct += guess == sentence[i].pos;
          ++total;
          prev2 = prev;
          prev = guess;
        }
      }
      std::fprintf(stderr, "train_tagger: iteration %d: %.2f%% of %zu tokens, %zu features\n",
                   iteration + 1, 100.0 * correct / total, total, weights_.size());
      std::shuffle(order.begin(), order.end(), rng);
    }
  }

  void Write(FILE* out, double prune) {
    std::fprintf(out, "annalist-tagger 1\nclasses %d NONE", kNumClasses);
    for (int c = 1; c < kNumClasses; ++c) {
      std::fprintf(out, " %.*s", static_cast<int>(PosName(static_cast<Pos>(c)).size()),
                   PosName(static_cast<Pos>(c)).data());
    }
    std::fprintf(out, "\n");
    std::vector<std::pair<uint64_t, Pos>> dict(tagdict_.begin(), tagdict_.end());
    std::sort(dict.begin(), dict.end());
    std::fprintf(out, "tagdict %zu\n", dict.size());
    for (const auto& [key, pos] : dict) {
      std::fprintf(out, "%llx %d\n", static_cast<unsigned long long>(key), static_cast<int>(pos));
    }
    // Averaged weights, sorted by key so the model file is deterministic.
    std::vector<std::pair<uint64_t, std::vector<std::pair<uint8_t, float>>>> rows;
    rows.reserve(weights_.size());
    for (auto& [key, entries] : weights_) {
      std::vector<std::pair<uint8_t, float>> row;
      for (Entry& e : entries) {
        double total = e.total + static_cast<double>(instances_ - e.stamp) * e.weight;
        double average = total / static_cast<double>(instances_);
        if (std::fabs(average) >= prune) row.emplace_back(e.cls, static_cast<float>(average));
      }
      if (row.empty()) continue;
      std::sort(row.begin(), row.end());
      rows.emplace_back(key, std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<uint64_t> vocabulary(vocabulary_.begin(), vocabulary_.end());
    std::sort(vocabulary.begin(), vocabulary.end());
    std::fprintf(out, "vocabulary %zu\n", vocabulary.size());
    for (uint64_t key : vocabulary) std::fprintf(out, "%llx\n", static_cast<unsigned long long>(key));
    std::fprintf(out, "features %zu\n", rows.size());
    for (const auto& [key, row] : rows) {
      std::fprintf(out, "%llx", static_cast<unsigned long long>(key));
      for (const auto& [cls, weight] : row) std::fprintf(out, " %d:%.4g", cls, weight);
      std::fprintf(out, "\n");
    }
    std::fprintf(stderr, "train_tagger: %zu tag dictionary words, %zu features written\n",
                 dict.size(), rows.size());
  }

 private:
  void BuildTagDictionary(const std::vector<TaggedSentence>& sentences) {
    // Honnibal: words seen >= 20 times with one tag >= 97% of the time skip the model.
    std::unordered_map<uint64_t, std::array<int, kNumClasses>> counts;
    std::unordered_map<uint64_t, int> lower_counts;
    tag::WordInfo info;
    for (const auto& sentence : sentences) {
      for (const auto& w : sentence) {
        tag::DescribeWord(w.word, false, false, &info);
        ++lower_counts[info.lower];
        auto& row = counts[info.exact];
        ++row[static_cast<int>(w.pos)];
      }
    }
    for (const auto& [key, row] : counts) {
      int total = 0, best = 0;
      for (int c = 0; c < kNumClasses; ++c) {
        total += row[c];
        if (row[c] > row[best]) best = c;
      }
      if (total >= 20 && row[best] >= 0.97 * total) tagdict_[key] = static_cast<Pos>(best);
    }
    // Words seen once stand in for the unknown words of new text (rare-word features).
    for (const auto& [key, count] : lower_counts) {
      if (count >= 2) vocabulary_.insert(key);
    }
  }

  Pos Predict(const uint64_t* keys, int count) {
    float scores[kNumClasses] = {};
    for (int f = 0; f < count; ++f) {
      auto it = weights_.find(keys[f]);
      if (it == weights_.end()) continue;
      for (const Entry& e : it->second) scores[e.cls] += e.weight;
    }
    int best = 1;
    for (int c = 2; c < kNumClasses; ++c) {
      if (scores[c] > scores[best]) best = c;
    }
    return static_cast<Pos>(best);
  }

  void Update(Pos truth, Pos guess, const uint64_t* keys, int count) {
    ++instances_;
    if (truth == guess) return;
    for (int f = 0; f < count; ++f) {
      std::vector<Entry>& entries = weights_[keys[f]];
      Bump(&entries, static_cast<uint8_t>(truth), 1.0f);
      Bump(&entries, static_cast<uint8_t>(guess), -1.0f);
    }
  }

  void Bump(std::vector<Entry>* entries, uint8_t cls, float delta) {
    for (Entry& e : *entries) {
      if (e.cls == cls) {
        e.total += static_cast<double>(instances_ - e.stamp) * e.weight;
        e.stamp = instances_;
        e.weight += delta;
        return;
      }
    }
    entries->push_back(Entry{cls, delta, 0.0, instances_});
  }

  std::unordered_map<uint64_t, Pos> tagdict_;
  std::unordered_set<uint64_t> vocabulary_;
  std::unordered_map<uint64_t, std::vector<Entry>> weights_;
  int64_t instances_ = 0;
};

// ---------------------------------------------------------------------------------------------
// WordNet lemma lists.

bool ReadLines(const std::string& path, std::vector<std::string>* lines) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) lines->push_back(line);
  return true;
}

bool WriteLemmaData(FILE* out, const std::string& wordnet) {
  std::vector<std::string> exceptions;
  // PTB clitics and negation stems the segmenter produces ('S is BE far more often than HAS).
  for (const char* e : {"v 's be", "v 're be", "v 'm be", "v 've have", "v 'd have", "v ai be",
                        "m ca can", "m wo will", "m 'll will", "m 'd would", "m sha shall"}) {
    exceptions.push_back(e);
  }
  for (const char* cls : {"verb", "noun"}) {
    std::vector<std::string> lines;
    if (!ReadLines(wordnet + "/" + cls + ".exc", &lines)) return false;
    for (const std::string& line : lines) {
      std::istringstream fields(line);
      std::string word, lemma;
      if (!(fields >> word >> lemma)) continue;
      if (word.find('_') != std::string::npos || lemma.find('_') != std::string::npos) continue;
      exceptions.push_back(std::string(1, cls[0]) + " " + word + " " + lemma);
    }
  }
  std::fprintf(out, "exceptions %zu\n", exceptions.size());
  for (const std::string& e : exceptions) std::fprintf(out, "%s\n", e.c_str());
  for (const char* cls : {"verb", "noun"}) {
    std::vector<std::string> lines, words;
    if (!ReadLines(wordnet + "/index." + cls, &lines)) return false;
    for (const std::string& line : lines) {
      if (line.empty() || line[0] == ' ') continue;  // license header
      std::string word = line.substr(0, line.find(' '));
      bool plain = true;
      for (char c : word) plain &= (c >= 'a' && c <= 'z') || c == '-' || c == '\'' || c == '.';
      if (plain) words.push_back(word);
    }
    std::fprintf(out, "bases %c %zu\n", cls[0], words.size());
    for (const std::string& w : words) std::fprintf(out, "%s\n", w.c_str());
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Evaluation through the library path (Tagger::FromModelText + Tag on a Document).

struct Accuracy {
  size_t correct = 0, total = 0;
  double seconds = 0;
};

Accuracy Evaluate(const Tagger& tagger, const std::vector<TaggedSentence>& sentences, bool verbose) {
  Accuracy acc;
  std::vector<Document> docs;
  docs.reserve(sentences.size());
  for (const auto& sentence : sentences) {
    Document doc;
    for (const auto& w : sentence) {
      Token token;
      token.span.begin = static_cast<uint32_t>(doc.text.size());
      doc.text += w.word;
      token.span.end = static_cast<uint32_t>(doc.text.size());
      doc.text += ' ';
      token.norm = w.word;
      for (char& c : token.norm) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
      doc.tokens.push_back(std::move(token));
    }
    Sentence s;
    s.first_token = 0;
    s.end_token = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(s);
    docs.push_back(std::move(doc));
  }
  auto start = std::chrono::steady_clock::now();
  for (auto& doc : docs) tagger.Tag(&doc, doc.sentences[0]);
  acc.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s].size(); ++i) {
      bool ok = docs[s].tokens[i].pos == sentences[s][i].pos;
      acc.correct += ok;
      ++acc.total;
      if (!ok && verbose) {
        std::fprintf(stderr, "  %s gold=%s got=%s\n", sentences[s][i].word.c_str(),
                     std::string(PosName(sentences[s][i].pos)).c_str(),
                     std::string(PosName(docs[s].tokens[i].pos)).c_str());
      }
    }
  }
  return acc;
}

std::vector<TaggedSentence> ReadTsv(const std::string& path) {
  std::vector<TaggedSentence> sentences(1);
  std::vector<std::string> lines;
  ReadLines(path, &lines);
  for (const std::string& line : lines) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) {
      if (!sentences.back().empty()) sentences.emplace_back();
      continue;
    }
    sentences.back().push_back({line.substr(0, tab), PosFromName(line.substr(tab + 1))});
  }
  if (sentences.back().empty()) sentences.pop_back();
  return sentences;
}

// --pack: the text model converted to the binary one the library embeds (Tagger::ModelTextToBinary),
// so no process parses 13.8 MB of text at start-up. Run by cmake/tagger.cmake after training.
int Pack(const std::string& text_path, const std::string& out_path) {
  std::ifstream in(text_path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!in && !in.eof()) {
    std::fprintf(stderr, "train_tagger: cannot read %s\n", text_path.c_str());
    return 1;
  }
  std::string binary;
  if (!text.empty()) {  // an empty model (no corpus at build time) stays empty
    auto packed = Tagger::ModelTextToBinary(text);
    if (!packed.ok()) {
      std::fprintf(stderr, "train_tagger: %s: %s\n", text_path.c_str(), packed.status().message().c_str());
      return 1;
    }
    binary = packed.TakeValue();
  }
  std::string tmp_path = out_path + ".tmp";
  FILE* out = std::fopen(tmp_path.c_str(), "wb");
  if (out == nullptr || std::fwrite(binary.data(), 1, binary.size(), out) != binary.size()) {
    std::fprintf(stderr, "train_tagger: cannot write %s\n", tmp_path.c_str());
    if (out != nullptr) std::fclose(out);
    return 1;
  }
  if (std::fclose(out) != 0) return 1;
  std::filesystem::rename(tmp_path, out_path);
  std::fprintf(stderr, "train_tagger: packed %s (%zu bytes) into %s (%zu bytes)\n", text_path.c_str(),
               text.size(), out_path.c_str(), binary.size());
  return 0;
}

int Main(int argc, char** argv) {
  std::string corpus, wordnet = "/usr/share/wordnet", out_path, eval_tsv, pack;
  int iterations = 5;
  bool heldout = false, verbose = false;
  double prune = 1e-3;
  for (int a = 1; a < argc; ++a) {
    std::string arg = argv[a];
    auto value = [&]() -> std::string { return a + 1 < argc ? argv[++a] : ""; };
    if (arg == "--corpus") corpus = value();
    else if (arg == "--wordnet") wordnet = value();
    else if (arg == "--out") out_path = value();
    else if (arg == "--iterations") iterations = std::atoi(value().c_str());
    else if (arg == "--prune") prune = std::atof(value().c_str());
    else if (arg == "--heldout") heldout = true;
    else if (arg == "--verbose") verbose = true;
    else if (arg == "--eval-tsv") eval_tsv = value();
    else if (arg == "--pack") pack = value();
    else {
      std::fprintf(stderr, "train_tagger: unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  if (!pack.empty() && !out_path.empty()) return Pack(pack, out_path);
  if (corpus.empty() || out_path.empty()) {
    std::fprintf(stderr, "usage: annalist_train_tagger --corpus DIR --out FILE [--wordnet DIR] "
                         "[--iterations N] [--heldout] [--eval-tsv FILE]\n"
                         "       annalist_train_tagger --pack MODEL.txt --out MODEL.bin\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    std::string name = entry.path().filename().string();
    if (name.size() == 4 && name[0] == 'c' && name[1] >= 'a' && name[1] <= 'r' &&
        std::isdigit(static_cast<unsigned char>(name[2])) && std::isdigit(static_cast<unsigned char>(name[3]))) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "train_tagger: no Brown files (ca01..cr09) in %s\n", corpus.c_str());
    return 1;
  }
  std::vector<TaggedSentence> train, test;
  for (size_t f = 0; f < files.size(); ++f) {
    auto sentences = ReadBrownFile(files[f]);
    auto& target = (heldout && f % 10 == 9) ? test : train;
    target.insert(target.end(), sentences.begin(), sentences.end());
  }
  // Brown sentences nearly all end in punctuation; headlines and fragments do not. A copy of
  // every 10th sentence without its final period teaches the model sentence ends with words.
  size_t original = train.size();
  for (size_t s = 0; s < original; s += 10) {
    if (train[s].size() > 2 && train[s].back().pos == Pos::kPeriod) {
      train.push_back(train[s]);
      train.back().pop_back();
    }
  }
  std::fprintf(stderr, "train_tagger: %zu files, %zu training sentences, %zu held out\n",
               files.size(), train.size(), test.size());
  Trainer trainer;
  trainer.Train(train, iterations);

  std::string tmp_path = out_path + ".tmp";
  FILE* out = std::fopen(tmp_path.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "train_tagger: cannot write %s\n", tmp_path.c_str());
    return 1;
  }
  trainer.Write(out, prune);
  if (!WriteLemmaData(out, wordnet)) {
    std::fprintf(stderr, "train_tagger: cannot read WordNet lists in %s\n", wordnet.c_str());
    std::fclose(out);
    return 1;
  }
  std::fprintf(out, "end\n");
  std::fclose(out);
  std::filesystem::rename(tmp_path, out_path);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "train_tagger: wrote %s in %.1f s\n", out_path.c_str(), seconds);

  if (heldout || !eval_tsv.empty()) {
    std::ifstream in(out_path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    auto load_start = std::chrono::steady_clock::now();
    auto tagger = Tagger::FromModelText(text);
    double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
    if (!tagger.ok()) {
      std::fprintf(stderr, "%s\n", tagger.status().message().c_str());
      return 1;
    }
    std::fprintf(stderr, "train_tagger: model %zu bytes, loads in %.3f s\n", text.size(), load);
    if (heldout) {
      Accuracy acc = Evaluate(**tagger, test, false);
      std::fprintf(stderr, "train_tagger: held-out Brown accuracy %.2f%% (%zu tokens), %.0f tokens/s\n",
                   100.0 * acc.correct / acc.total, acc.total, acc.total / acc.seconds);
    }
    if (!eval_tsv.empty()) {
      Accuracy acc = Evaluate(**tagger, ReadTsv(eval_tsv), verbose);
      std::fprintf(stderr, "train_tagger: %s accuracy %.2f%% (%zu tokens)\n", eval_tsv.c_str(),
                   100.0 * acc.correct / acc.total, acc.total);
    }
  }
  return 0;
}

}  // namespace
}  // namespace annalist

int main(int argc, char** argv) { return annalist::Main(argc, argv); }
