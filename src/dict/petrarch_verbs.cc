// Verb dictionary, PETRARCH "2.0" format (petrarch2-dictionaries.rst "Verb Dictionary",
// behaviour 1.2):
//
//   &TIETYPES                        synsets, before the divider
//   +MILITARY
//   ####### VERB PATTERNS #######
//   --- BREAK [120] ---              block: name and code ([X:Y] = paired code)
//   BREAK { BROKE BROKEN }           verb with all its forms; without {} regular forms
//   +BREAK_DOWN {+BREAKS_DOWN ...}   multi-word verb, '+' marks the head
//   DOWNPLAY [014]                   own code for this verb
//   - * TREATY  [1246]               pattern: pre-verb part * post-verb part [code]
//   ~ a (a b ATTACK) SAY = a b 015   transformation
//
// Where P2 and the gold part ways, the gold's reading is stored (behaviour 5.2): '$' '+'
// '^' '%' are kept as markers, A_B words become phrases, the written order of nouns and
// PPs is kept, and unparsable lines are skipped with a warning instead of aborting.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "dict/petrarch_readers.h"
#include "dict/petrarch_synsets.h"

namespace annalist::dict::petrarch {
namespace {

// Splits text on blanks; braces, parentheses and '*' are tokens of their own ('*' glued to
// words occurs in CAMEO.2.0.txt: "- *SCEPTICAL", "- SPY_*_DEAL").
void SplitPatternText(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  auto special = [](char c) { return c == '{' || c == '}' || c == '(' || c == ')' || c == '*'; };
  while (i < s.size()) {
    char c = s[i];
    if (IsSpace(c)) {
      ++i;
    } else if (special(c)) {
      out->push_back(s.substr(i, 1));
      ++i;
    } else {
      size_t start = i;
      while (i < s.size() && !IsSpace(s[i]) && !special(s[i])) ++i;
      out->push_back(s.substr(start, i - start));
    }
  }
}

void SplitCode(std::string_view code, std::string* first, std::string* second) {
  size_t colon = code.find(':');
  if (colon == std::string_view::npos) {
    first->assign(code);
    second->clear();
  } else {
    first->assign(Trim(code.substr(0, colon)));
    second->assign(Trim(code.substr(colon + 1)));
  }
}

class VerbReader {
 public:
  explicit VerbReader(ReadContext& ctx) : ctx_(ctx), dict_(ctx.dict()), synsets_(ctx) {
    // Several verb files share blocks by name and the duplicate rules.
    for (uint32_t b = 0; b < dict_.verb_blocks.size(); ++b) {
      const VerbBlock& block = dict_.verb_blocks[b];
      if (!block.name.empty()) block_by_name_.emplace(block.name, b);
      auto& keys = PatternKeys(b);
      for (uint32_t p = 0; p < block.patterns.size(); ++p) {
        keys.emplace(PatternHash(block.patterns[p]), p);
      }
    }
  }

  void Run(std::string_view text) {
    size_t divider_line = FindDivider(text);
    LineReader reader(text, &ctx_);
    std::string_view line, raw;
    uint32_t number = 0;
    while (reader.Next(&line, &raw, &number)) {
      if (in_synsets_ && number > divider_line) in_synsets_ = false;
      if (line.size() >= 3 && line.compare(0, 3, "---") == 0) {
        in_synsets_ = false;
        BlockHeader(line, number);
      } else if (line[0] == '&') {
        if (in_synsets_) {
          StartSynset(line, number);
        } else {
          ctx_.Warn(number, "synset defined after the verb patterns divider (ignored)");
        }
      } else if (in_synsets_ && line[0] == '+') {
        SynsetMemberLine(line, number);
      } else if (line[0] == '~') {
        TransformationLine(line, number);
      } else if (line[0] == '-') {
        PatternLine(line, number);
      } else {
        VerbLine(line, number);
      }
    }
  }

 private:
  // Line number of "####### VERB PATTERNS #######" (a comment line, so the line reader
  // never shows it); max if absent, in which case the first block header ends synsets.
  static size_t FindDivider(std::string_view text) {
    size_t at = text.find("VERB PATTERNS");
    while (at != std::string_view::npos) {
      size_t start = text.rfind('\n', at);
      start = start == std::string_view::npos ? 0 : start + 1;
      std::string_view prefix = Trim(text.substr(start, at - start));
      if (!prefix.empty() && prefix.find_first_not_of('#') == std::string_view::npos) {
        return static_cast<size_t>(std::count(text.begin(), text.begin() + start, '\n')) + 1;
      }
      at = text.find("VERB PATTERNS", at + 1);
    }
    return static_cast<size_t>(-1);
  }

  // ------------------------------------------------------------ synsets

  void StartSynset(std::string_view line, uint32_t number) {
    std::string label = Upper(Trim(line));
    if (label.size() < 2 || label.find_first_of(" \t") != std::string::npos) {
      ctx_.Warn(number, "bad synset label");
      current_synset_ = -1;
      return;
    }
    // A redefinition replaces the earlier set (the validation file defines &PREPOSIT1_ twice).
    current_synset_ = synsets_.Index(label);
    synsets_.Define(static_cast<uint32_t>(current_synset_), number);
  }

  // Tokenizes pattern text (or a synset member). Words with '_' become phrases:
  // { A B } outside braces, A B inside. False on malformed text, with *error set.
  bool TokenizePattern(std::string_view text, Tokens* out, std::string* error) {
    out->clear();
    SplitPatternText(text, &pieces_);
    int braces = 0;
    for (std::string_view piece : pieces_) {
      if (piece.size() == 1) {
        uint32_t special = 0;
        switch (piece[0]) {
          case '{': special = kTokOpenBrace; ++braces; break;
          case '}': special = kTokCloseBrace; --braces; break;
          case '(': special = kTokOpenParen; break;
          case ')': special = kTokCloseParen; break;
          case '*': special = kTokStar; break;
          case '$': special = kTokSource; break;
          case '+': special = kTokTarget; break;
          case '^': special = kTokSkip; break;
          case '%': special = kTokCompound; break;
          default: break;
        }
        if (special != 0) {
          out->push_back(special);
          continue;
        }
      }
      if (piece.find_first_of("[]") != std::string_view::npos) {
        *error = "bad pattern word '" + std::string(piece) + "'";
        return false;
      }
      if (piece.size() >= 2 && piece[0] == '&') {
        out->push_back(kTokSynset | synsets_.Index(Upper(piece)));
        continue;
      }
      SplitAny(piece, "_", &words_);
      if (words_.empty()) {
        *error = "bad pattern word '" + std::string(piece) + "'";
        return false;
      }
      // DEBT_RELIEF: the gold reads '_' as "consecutive words" (P2 never matches it).
      bool phrase = words_.size() > 1 && braces <= 0;
      if (phrase) out->push_back(kTokOpenBrace);
      for (std::string_view w : words_) out->push_back(ctx_.Intern(w));
      if (phrase) out->push_back(kTokCloseBrace);
    }
    return true;
  }

  void SynsetMemberLine(std::string_view line, uint32_t number) {
    if (current_synset_ < 0) {
      ctx_.Warn(number, "synset member outside a synset");
      return;
    }
    std::string text(Trim(line.substr(1)));
    if (text.empty()) {
      ctx_.Warn(number, "empty synset member");
      return;
    }
    SynsetMember member;
    std::string error;
    if (text[0] == '(' || text[0] == '&') {
      // A prepositional member is pasted as it is and gets no plural (P2 makes a broken
      // "(TO THE DEATH)S" of it, behaviour 1.2). A nested &SET expands when used.
      if (!TokenizePattern(text, &member.top, &error)) {
        ctx_.Warn(number, error);
        return;
      }
      if (text[0] == '&') {
        if (member.top.size() != 1) {
          ctx_.Warn(number, "bad synset reference");
          return;
        }
        member.in_brace = member.top;
      }
      synsets_.AddMember(static_cast<uint32_t>(current_synset_), std::move(member));
      return;
    }
    if (text.find_first_of("[]{}()*&$^%+") != std::string::npos) {
      ctx_.Warn(number, "bad synset member");
      return;
    }
    bool no_plural = false;
    while (!text.empty() && text.back() == '_') {
      text.pop_back();
      no_plural = true;
    }
    bool underscores = text.find('_') != std::string::npos;
    std::vector<std::string_view> words;
    SplitAny(text, " \t_", &words);
    if (words.empty()) {
      ctx_.Warn(number, "empty synset member");
      return;
    }
    for (int plural = 0; plural < 2; ++plural) {
      // Braced (underscore) members get no plural; a space-separated member such as
      // "AUSTRIAN GOLD FLORIN" is kept as one phrase (the gold matches it as such,
      // SYNSET-20b) and, as in P2, also gets the plural of its last word.
      if (plural == 1 && (no_plural || (underscores && words.size() > 1))) break;
      SynsetMember m;
      m.plural = plural == 1;
      for (size_t w = 0; w < words.size(); ++w) {
        bool last = w + 1 == words.size();
        m.in_brace.push_back(plural == 1 && last ? ctx_.Intern(NounPlural(Upper(words[w])))
                                                 : ctx_.Intern(words[w]));
      }
      if (words.size() == 1) {
        m.top = m.in_brace;
      } else {
        m.top.push_back(kTokOpenBrace);
        m.top.insert(m.top.end(), m.in_brace.begin(), m.in_brace.end());
        m.top.push_back(kTokCloseBrace);
      }
      synsets_.AddMember(static_cast<uint32_t>(current_synset_), std::move(m));
    }
  }

  // ------------------------------------------------------------ blocks and verbs

  void BlockHeader(std::string_view line, uint32_t number) {
    std::string_view body = line;
    while (!body.empty() && body[0] == '-') body.remove_prefix(1);
    size_t bracket = body.find('[');
    std::string_view before = Trim(body.substr(0, bracket));
    while (!before.empty() && before.back() == '-') before.remove_suffix(1);
    before = Trim(before);
    std::string name(before.substr(0, std::min(before.size(), before.find_first_of(" \t"))));
    for (char& c : name) c = ToUpper(c);
    std::string code = "---", paired;
    if (bracket == std::string_view::npos) {
      ctx_.Warn(number, "block header without [code]; using ---");
    } else {
      size_t close = body.find(']', bracket);
      if (close == std::string_view::npos) {
        ctx_.Warn(number, "missing ']' in block header; using ---");
      } else {
        std::string_view content = Trim(body.substr(bracket + 1, close - bracket - 1));
        if (content.empty()) {
          ctx_.Warn(number, "empty block code; using ---");
        } else {
          SplitCode(content, &code, &paired);
        }
      }
    }
    if (name.empty()) ctx_.Warn(number, "block header without a name");
    // P2 keys patterns by block name, so a second "--- ALLOW [080] ---" continues the first.
    auto it = name.empty() ? block_by_name_.end() : block_by_name_.find(name);
    if (it != block_by_name_.end()) {
      current_block_ = it->second;
    } else {
      current_block_ = static_cast<int64_t>(dict_.verb_blocks.size());
      VerbBlock& block = dict_.verb_blocks.emplace_back();
      block.name = name;
      block.code = code;
      block.paired_code = paired;
      block.ref = ctx_.Ref(number);
      if (!name.empty()) block_by_name_.emplace(name, static_cast<uint32_t>(current_block_));
    }
    // Verbs take the code of the header they follow, even in a continued block.
    block_code_ = code;
    block_paired_ = paired;
  }

  struct Entry {
    std::vector<std::string> pre, post;
    std::string head;
  };

  // "SAY", "+BREAK_DOWN", "WIRE_+TAP".
  bool ParseEntry(std::string_view text, Entry* entry, std::string* error) {
    entry->pre.clear();
    entry->post.clear();
    entry->head.clear();
    std::vector<std::string_view> pieces;
    SplitAny(text, "_", &pieces);
    if (pieces.empty()) {
      *error = "empty verb";
      return false;
    }
    int head = -1;
    for (size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i][0] == '+') {
        if (head >= 0) {
          *error = "verb '" + std::string(text) + "' has two '+' words";
          return false;
        }
        head = static_cast<int>(i);
        pieces[i].remove_prefix(1);
      }
      bool letter = false;
      for (char c : pieces[i]) {
        char u = ToUpper(c);
        if (IsUpperAlpha(u)) letter = true;
        bool ok = IsUpperAlpha(u) || IsDigit(c) || c == '-' || c == '\'' || c == '.';
        if (!ok) {
          *error = "not a verb, pattern or block line: '" + std::string(text) + "'";
          return false;
        }
      }
      if (!letter) {
        *error = "not a verb, pattern or block line: '" + std::string(text) + "'";
        return false;
      }
    }
    if (head < 0) {
      if (pieces.size() > 1) {
        *error = "multi-word verb '" + std::string(text) + "' without '+'; first word used";
      }
      head = 0;
    }
    for (size_t i = 0; i < pieces.size(); ++i) {
      std::string word = Upper(pieces[i]);
      if (static_cast<int>(i) < head) {
        entry->pre.push_back(std::move(word));
      } else if (static_cast<int>(i) == head) {
        entry->head = std::move(word);
      } else {
        entry->post.push_back(std::move(word));
      }
    }
    return true;
  }

  void VerbLine(std::string_view line, uint32_t number) {
    if (current_block_ < 0) {
      ctx_.Warn(number, "verb before any block header");
      return;
    }
    size_t i = 0;
    while (i < line.size() && !IsSpace(line[i]) && line[i] != '{' && line[i] != '[') ++i;
    std::string_view entry_text = line.substr(0, i);
    std::string_view rest = Trim(line.substr(i));
    std::string_view forms_text, code_text;
    bool has_forms = false, has_code = false;
    if (!rest.empty() && rest[0] == '{') {
      size_t close = rest.find('}');
      if (close == std::string_view::npos) {
        ctx_.Warn(number, "missing '}'");
        return;
      }
      forms_text = rest.substr(1, close - 1);
      has_forms = true;
      rest = Trim(rest.substr(close + 1));
    }
    if (!rest.empty() && rest[0] == '[') {
      size_t close = rest.find(']');
      if (close == std::string_view::npos) {
        ctx_.Warn(number, "missing ']'");
        return;
      }
      code_text = Trim(rest.substr(1, close - 1));
      has_code = true;
      rest = Trim(rest.substr(close + 1));
    }
    Entry base;
    std::string error;
    if (!ParseEntry(entry_text, &base, &error)) {
      ctx_.Warn(number, error);
      return;
    }
    if (!error.empty()) ctx_.Warn(number, error);
    // Trailing "; comment" (TABARI style, e.g. "SCRAP {...};shan 8/30/93") is ignored.
    if (!rest.empty() && rest[0] != ';') {
      ctx_.Warn(number, "unexpected text after verb: '" + std::string(rest) + "'");
    }
    std::string code = block_code_, paired = block_paired_;
    if (has_code) {
      if (code_text.empty()) {
        ctx_.Warn(number, "empty verb code; block code used");
      } else {
        SplitCode(code_text, &code, &paired);
      }
    }
    WordId base_id = ctx_.Intern(base.head);
    AddVerb(base, base_id, code, paired, number);
    if (has_forms) {
      std::vector<std::string_view> forms;
      SplitAny(forms_text, " \t,", &forms);
      Entry form;
      for (std::string_view f : forms) {
        error.clear();
        if (!ParseEntry(f, &form, &error)) {
          ctx_.Warn(number, error);
          continue;
        }
        AddVerb(form, base_id, code, paired, number);
      }
    } else {
      Entry form = base;
      std::string forms[3];
      RegularVerbForms(base.head, &forms[0], &forms[1], &forms[2]);
      for (std::string& f : forms) {
        form.head = std::move(f);
        AddVerb(form, base_id, code, paired, number);
      }
    }
  }

  void AddVerb(const Entry& entry, WordId base, const std::string& code,
               const std::string& paired, uint32_t number) {
    Verb verb;
    verb.form = ctx_.Intern(entry.head);
    for (const std::string& w : entry.pre) verb.pre_words.push_back(ctx_.Intern(w));
    for (const std::string& w : entry.post) verb.post_words.push_back(ctx_.Intern(w));
    std::vector<uint32_t>& same_form = dict_.verbs_by_form[verb.form];
    for (uint32_t index : same_form) {
      const Verb& other = dict_.verbs[index];
      // First definition wins (P2): SAY belongs to EXPLAIN_VERBAL, not to the SAY block.
      if (other.pre_words == verb.pre_words && other.post_words == verb.post_words) return;
    }
    verb.base = base;
    verb.block = static_cast<uint32_t>(current_block_);
    verb.code = code;
    verb.paired_code = paired;
    verb.ref = ctx_.Ref(number);
    same_form.push_back(static_cast<uint32_t>(dict_.verbs.size()));
    dict_.verbs.push_back(std::move(verb));
  }

  // ------------------------------------------------------------ patterns

  // Parses tokens [begin, end) of one side into elements, in written order.
  static bool ParseSide(const Tokens& tokens, size_t begin, size_t end,
                        std::vector<PatternElement>* out, std::string* error) {
    out->clear();
    // At most one element per token: no reallocation (and element moves) while parsing
    // the ~100 k pattern sides of CAMEO.2.0.txt.
    out->reserve(end - begin);
    bool in_pp = false;
    for (size_t i = begin; i < end; ++i) {
      uint32_t t = tokens[i];
      PatternElement element;
      if (t == kTokOpenBrace) {
        element.kind = PatternElement::Kind::kPhrase;
        size_t j = i + 1;
        for (; j < end && tokens[j] != kTokCloseBrace; ++j) {
          if (!IsWordToken(tokens[j])) {
            *error = "unexpected token inside {...}";
            return false;
          }
          element.words.push_back(tokens[j]);
        }
        if (j == end) {
          *error = "missing '}'";
          return false;
        }
        if (element.words.empty()) {
          *error = "empty {...}";
          return false;
        }
        i = j;
      } else if (t == kTokOpenParen) {
        if (in_pp) {
          *error = "nested '('";
          return false;
        }
        if (i + 1 >= end || !IsWordToken(tokens[i + 1])) {
          *error = "'(' without a preposition";
          return false;
        }
        element.kind = PatternElement::Kind::kPrepOpen;
        element.words.push_back(tokens[i + 1]);
        in_pp = true;
        ++i;
      } else if (t == kTokCloseParen) {
        if (!in_pp) {
          *error = "unbalanced ')'";
          return false;
        }
        element.kind = PatternElement::Kind::kPrepClose;
        in_pp = false;
      } else if (t == kTokCloseBrace) {
        *error = "unbalanced '}'";
        return false;
      } else if (t == kTokSource) {
        element.kind = PatternElement::Kind::kSource;
      } else if (t == kTokTarget) {
        element.kind = PatternElement::Kind::kTarget;
      } else if (t == kTokSkip) {
        element.kind = PatternElement::Kind::kSkip;
      } else if (t == kTokCompound) {
        element.kind = PatternElement::Kind::kCompound;
      } else if (IsWordToken(t)) {
        element.kind = PatternElement::Kind::kWord;
        element.words.push_back(t);
      } else {
        *error = "unexpected token in pattern";
        return false;
      }
      out->push_back(std::move(element));
    }
    if (in_pp) {
      *error = "missing ')'";
      return false;
    }
    return true;
  }

  static uint64_t PatternHash(const Pattern& pattern) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](uint64_t v) {
      h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
      h *= 1099511628211ull;
    };
    for (const auto* side : {&pattern.pre, &pattern.post}) {
      for (const PatternElement& e : *side) {
        mix(static_cast<uint64_t>(e.kind) + 1000);
        for (WordId w : e.words) mix(w);
      }
      mix(0xabcdefull);
    }
    return h;
  }

  static bool SamePath(const Pattern& a, const Pattern& b) {
    auto same = [](const std::vector<PatternElement>& x, const std::vector<PatternElement>& y) {
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].kind != y[i].kind || x[i].words != y[i].words) return false;
      }
      return true;
    };
    return same(a.pre, b.pre) && same(a.post, b.post);
  }

  std::unordered_multimap<uint64_t, uint32_t>& PatternKeys(uint32_t block) {
    if (pattern_keys_.size() <= block) pattern_keys_.resize(block + 1);
    return pattern_keys_[block];
  }

  void PatternLine(std::string_view line, uint32_t number) {
    if (current_block_ < 0) {
      ctx_.Warn(number, "pattern before any block header");
      return;
    }
    size_t bracket = line.rfind('[');
    if (bracket == std::string_view::npos) {
      ctx_.Warn(number, "pattern without [code]");
      return;
    }
    size_t close = line.find(']', bracket);
    if (close == std::string_view::npos) {
      ctx_.Warn(number, "missing ']'");
      return;
    }
    std::string_view raw_code = Trim(line.substr(bracket + 1, close - bracket - 1));
    std::string clean;
    for (char c : raw_code) {
      if (IsUpperAlpha(ToUpper(c)) || IsDigit(c) || c == '-' || c == ':' || c == '#' || c == '+') {
        clean += c;
      }
    }
    if (clean.size() != raw_code.size()) {
      ctx_.Warn(number, "stray characters in code '" + std::string(raw_code) + "' dropped");
    }
    std::string code, paired;
    SplitCode(clean, &code, &paired);
    // "[:173]" (APPEAR * (BEFORE COURT) in CAMEO.2.0.txt): no event in the active reading,
    // only the reversed one; stored as the null code with the paired code.
    if (code.empty() && !paired.empty()) code = "---";
    if (code.empty()) {
      ctx_.Warn(number, "empty pattern code");
      return;
    }
    std::string error;
    if (!TokenizePattern(line.substr(1, bracket - 1), &tokens_, &error)) {
      ctx_.Warn(number, error);
      return;
    }
    size_t stars = std::count(tokens_.begin(), tokens_.end(), kTokStar);
    if (stars != 1) {
      ctx_.Warn(number, stars == 0 ? "pattern has no '*'" : "pattern has more than one '*'");
      return;
    }
    variants_.clear();
    if (!synsets_.Expand(tokens_, number, &variants_)) return;
    VerbBlock& block = dict_.verb_blocks[current_block_];
    // Geometric growth: reserving exactly size + variants on every line reallocated (and
    // moved) the whole block each time, quadratic in the block size (~230 M instructions
    // of the Phoenix load).
    if (block.patterns.capacity() < block.patterns.size() + variants_.size()) {
      block.patterns.reserve(std::max(block.patterns.size() + variants_.size(), 2 * block.patterns.capacity()));
    }
    auto& keys = PatternKeys(static_cast<uint32_t>(current_block_));
    for (const Tokens& variant : variants_) {
      size_t star = std::find(variant.begin(), variant.end(), kTokStar) - variant.begin();
      Pattern pattern;
      if (!ParseSide(variant, 0, star, &pattern.pre, &error) ||
          !ParseSide(variant, star + 1, variant.size(), &pattern.post, &error)) {
        ctx_.Warn(number, error);
        return;
      }
      pattern.code = code;
      pattern.paired_code = paired;
      pattern.ref = ctx_.Ref(number);
      uint64_t hash = PatternHash(pattern);
      bool replaced = false;
      auto [first, last] = keys.equal_range(hash);
      for (auto it = first; it != last; ++it) {
        Pattern& old = block.patterns[it->second];
        if (SamePath(old, pattern)) {
          // Same path read again: the later one wins (P2's trie overwrite, behaviour 1.2).
          old.code = std::move(pattern.code);
          old.paired_code = std::move(pattern.paired_code);
          old.ref = pattern.ref;
          replaced = true;
          break;
        }
      }
      if (!replaced) {
        keys.emplace(hash, static_cast<uint32_t>(block.patterns.size()));
        block.patterns.push_back(std::move(pattern));
      }
    }
  }

  // ------------------------------------------------------------ transformations

  // "~ a (a b WILL_ATTACK) SAY = a b 138"
  void TransformationLine(std::string_view line, uint32_t number) {
    std::vector<std::string_view> views;
    SplitPatternText(line.substr(1), &views);
    std::vector<std::string> t(views.begin(), views.end());
    auto fail = [&] { ctx_.Warn(number, "cannot parse transformation"); };
    // outer ( inner_source inner_target inner_verb ) outer_verb = source target code
    if (t.size() != 11 || t[1] != "(" || t[5] != ")" || t[7] != "=") return fail();
    auto is_variable = [](const std::string& v) {
      if (v.empty()) return false;
      for (char c : v) {
        if (!(IsUpperAlpha(ToUpper(c)) || c == '.' || c == '_')) return false;
      }
      return true;
    };
    if (!is_variable(t[0]) || !is_variable(t[2]) || !is_variable(t[3]) || !is_variable(t[8]) ||
        !is_variable(t[9])) {
      return fail();
    }
    Transformation tr;
    tr.outer_source = t[0];
    tr.inner_source = t[2];
    tr.inner_target = t[3];
    std::vector<std::string_view> pieces;
    SplitAny(t[4], "_", &pieces);
    for (std::string_view p : pieces) tr.inner_verbs.push_back(Upper(p));
    SplitAny(t[6], "_", &pieces);
    for (std::string_view p : pieces) tr.outer_verbs.push_back(Upper(p));
    if (tr.inner_verbs.empty() || tr.outer_verbs.empty()) return fail();
    tr.result_source = t[8];
    tr.result_target = t[9];
    tr.result_code = t[10];
    tr.ref = ctx_.Ref(number);
    dict_.transformations.push_back(std::move(tr));
  }

  ReadContext& ctx_;
  Dictionaries& dict_;
  bool in_synsets_ = true;
  SynsetTable synsets_;
  int64_t current_synset_ = -1;
  std::unordered_map<std::string, uint32_t> block_by_name_;
  std::vector<std::unordered_multimap<uint64_t, uint32_t>> pattern_keys_;
  int64_t current_block_ = -1;
  std::string block_code_, block_paired_;
  Tokens tokens_;
  std::vector<Tokens> variants_;
  std::vector<std::string_view> pieces_, words_;
};

}  // namespace

void ReadVerbs(std::string_view text, ReadContext& ctx) {
  VerbReader reader(ctx);
  reader.Run(text);
}

void FinishVerbs(Dictionaries& dict) {
  for (auto& [form, indices] : dict.verbs_by_form) {
    std::stable_sort(indices.begin(), indices.end(), [&dict](uint32_t a, uint32_t b) {
      const Verb& va = dict.verbs[a];
      const Verb& vb = dict.verbs[b];
      return va.pre_words.size() + va.post_words.size() > vb.pre_words.size() + vb.post_words.size();
    });
  }
}

}  // namespace annalist::dict::petrarch
