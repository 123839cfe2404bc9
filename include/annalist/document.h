// Document: one article and the layers the pipeline adds to it.
//
//   annalist::Document doc;
//   doc.id = "a1"; doc.date = 20231129; doc.text = "...";
//   pipeline.Code(doc, &events);   // fills doc.tokens, doc.sentences, then events
//
// The document owns its text. Every span is a byte range [begin, end) into `text` exactly
// as given (never into a normalised copy), so provenance can be shown in the original.
// Stages append layers; they never fail on odd text, they add to `warnings`.
#ifndef ANNALIST_DOCUMENT_H_
#define ANNALIST_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/options.h"

namespace annalist {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// Penn Treebank part-of-speech tags.
enum class Pos : uint8_t {
  kNone = 0,
  CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRPS,
  RB, RBR, RBS, RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB,
  kComma,      // ,
  kPeriod,     // . ! ?
  kColon,      // : ; ...
  kOpenQuote,  // `` and opening quotes
  kCloseQuote, // ''
  kOpenParen,  // -LRB-
  kCloseParen, // -RRB-
  kDollar,     // $
  kHash,       // #
  kCount
};

// Penn name of a tag ("NN", "PRP$", ",", "-LRB-").
std::string_view PosName(Pos pos);
// Inverse of PosName; kNone if unknown.
Pos PosFromName(std::string_view name);

inline bool IsNoun(Pos p) { return p >= Pos::NN && p <= Pos::NNPS; }
inline bool IsVerb(Pos p) { return p >= Pos::VB && p <= Pos::VBZ; }
inline bool IsAdjective(Pos p) { return p >= Pos::JJ && p <= Pos::JJS; }

struct Token {
  Span span;           // bytes of the token in Document::text
  std::string norm;    // NFKC-normalised, upper-cased ASCII where possible ("U.S.", "SAID", "'S")
  std::string lemma;   // upper-cased lemma ("SAY" for SAID); filled by the tagger
  Pos pos = Pos::kNone;
};

struct Sentence {
  Span span;                 // bytes in Document::text
  uint32_t first_token = 0;  // index into Document::tokens
  uint32_t end_token = 0;    // one past the last token
  uint32_t size() const { return end_token - first_token; }
};

// ---- clause layer (filled by the coder's clause stage, src/events/clauses.cc)

// Where a predicate sits in its sentence. kAttribution: a trailing "..., X said";
// kUnattached: a verb group with no subject or governor found.
enum class ClauseType : uint8_t {
  kMain, kCoordinated, kComplement, kAdverbial, kRelative, kParticipial, kExistential,
  kInfinitival, kAttribution, kUnattached,
};
// "main", "coordinated", "complement", "adverbial", "relative", "participial",
// "existential", "infinitival", "attribution", "unattached".
std::string_view ClauseTypeName(ClauseType type);

enum class Tense : uint8_t { kNone, kPresent, kPast, kFuture };  // kNone: not finite
enum class Voice : uint8_t { kActive, kPassive };
enum class VerbModality : uint8_t { kNone, kFuture, kConditional };
std::string_view TenseName(Tense tense);

// An argument of a predicate: a phrase with its head word.
enum class ArgumentRole : uint8_t {
  kSubject,       // the clause's own subject phrase
  kController,    // a subjectless infinitive's or participle's understood subject (the
                  // object before "to" for "asked B to assist C", else the governor's subject)
  kObject,        // first bare noun phrase after the verb
  kSecondObject,  // a second bare noun phrase right after the first ("gave Arnor tanks")
  kOblique,       // a prepositional phrase after the verb; `preposition` says which
  kAgent,         // the by-phrase of a passive
};
std::string_view ArgumentRoleName(ArgumentRole role);

struct Argument {
  ArgumentRole role = ArgumentRole::kSubject;
  Span span;         // the phrase
  Span head;         // its head word
  Span preposition;  // kOblique and kAgent: the preposition; empty otherwise
};

struct Clause {
  uint32_t sentence = 0;        // index into Document::sentences
  ClauseType type = ClauseType::kUnattached;
  int32_t parent = -1;          // index into Document::clauses (the governing clause); -1 none
  Span verb_group;              // auxiliaries, negation and verb ("would not let")
  Span verb;                    // the lexical verb
  Tense tense = Tense::kNone;
  Voice voice = Voice::kActive;
  VerbModality modality = VerbModality::kNone;
  bool negated = false;
  uint32_t first_argument = 0;  // [first_argument, end_argument) in Document::arguments
  uint32_t end_argument = 0;
};

struct Document {
  std::string id;
  int32_t date = 0;  // story date as YYYYMMDD; 0 if unknown
  std::string title, source, url;  // source: the publisher ("Reuters"), not an actor
  std::string input;               // where it was read: "news.jsonl:12", "story.txt"; may be empty
  std::string text;
  CodingOptions options;

  // Layers.
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<std::string> warnings;
  // Clause layer: every predicate of every coded sentence, in sentence order, with its
  // arguments (empty for sentences a discard removed).
  std::vector<Clause> clauses;
  std::vector<Argument> arguments;

  // Story structure, found by the ingest stage (src/ingest) right after segmentation. The
  // dateline and boilerplate are kept out of `sentences` (their tokens stay in `tokens` but
  // belong to no sentence), so later stages never see them and need not check these spans.
  Span dateline;         // "WASHINGTON, Jan. 12 (Reuters) -" with its separator; empty if none
  Span dateline_place;   // "WASHINGTON", "GAZA CITY, Palestinian Territories"
  Span dateline_date;    // "Jan. 12", "5 March 2024"; empty if none
  Span dateline_source;  // "Reuters", "PRNewswire" (without brackets or slashes); empty if none
  Span boilerplate;      // trailing "Read More:" + related headlines, credits, copyright; empty if none
  std::vector<Span> boilerplate_lines;  // single lines inside the story ("Read more: <headline>")

  std::string_view Slice(Span s) const { return std::string_view(text).substr(s.begin, s.end - s.begin); }
};

}  // namespace annalist

#endif  // ANNALIST_DOCUMENT_H_
