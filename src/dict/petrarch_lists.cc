// Discard list and issues dictionary (petrarch2-dictionaries.rst, behaviour 1.6 and 1.7).
//
//   BASEBALL                  sentence discard
//   +TYPHOON                  story discard
//
//   <ISSUE CATEGORY="EDUCATION" TYPE="ALL">     section tags: skipped
//   n:teacher [TEACHERS]                       n: noun + plural, v: verb forms
//   pre+n:school [EARLY_CHILDHOOD_EDUCATION]   '+': "PRE SCHOOL" and "PRE-SCHOOL"
//   ~a head start                              ignore phrase (also "~~")
#include "dict/petrarch_readers.h"

namespace annalist::dict::petrarch {
namespace {

constexpr std::string_view kWordSeparators = " \t_";
constexpr size_t kMaxIssueVariants = 512;

void AddWords(std::string_view phrase, PhraseTrie* trie, uint32_t value, ReadContext& ctx,
              std::vector<std::string_view>* pieces, std::vector<WordId>* words) {
  SplitAny(phrase, kWordSeparators, pieces);
  words->clear();
  for (std::string_view piece : *pieces) words->push_back(ctx.Intern(piece));
  trie->Add(*words, value);
}

class IssueReader {
 public:
  explicit IssueReader(ReadContext& ctx) : ctx_(ctx), dict_(ctx.dict()) {}

  void Line(std::string_view line, uint32_t number) {
    if (line[0] == '<') return;  // <ISSUE ...> and </ISSUE>
    if (line[0] == '~') {
      while (!line.empty() && line[0] == '~') line.remove_prefix(1);
      std::string_view phrase = Trim(line.substr(0, line.find('[')));
      if (phrase.empty()) {
        ctx_.Warn(number, "empty ignore phrase");
        return;
      }
      Issue issue;
      issue.ignore = true;
      Add(phrase, std::move(issue), number);
      return;
    }
    // Usually one entry a line; Phoenix.IssueCoding.txt has a line with two glued together.
    size_t pos = 0;
    while (true) {
      size_t bracket = line.find('[', pos);
      if (bracket == std::string_view::npos) {
        if (!Trim(line.substr(pos)).empty()) ctx_.Warn(number, "issue phrase without [CODE]");
        return;
      }
      size_t close = line.find(']', bracket);
      if (close == std::string_view::npos) {
        ctx_.Warn(number, "missing ']'");
        return;
      }
      std::string_view phrase = Trim(line.substr(pos, bracket - pos));
      std::string_view code = Trim(line.substr(bracket + 1, close - bracket - 1));
      if (phrase.empty() || code.empty()) {
        ctx_.Warn(number, phrase.empty() ? "issue without a phrase" : "empty issue code");
      } else {
        Issue issue;
        issue.code.assign(code);
        Add(phrase, std::move(issue), number);
      }
      pos = close + 1;
    }
  }

 private:
  // Forms of one '+'-free piece: "n:church" -> CHURCH, CHURCHES.
  void PieceForms(std::string_view piece, uint32_t number, std::vector<std::string>* forms) {
    forms->clear();
    char kind = 0;
    if (piece.size() > 2 && piece[1] == ':' &&
        ((piece[0] >= 'a' && piece[0] <= 'z') || (piece[0] >= 'A' && piece[0] <= 'Z'))) {
      kind = ToUpper(piece[0]);
      piece.remove_prefix(2);
    }
    std::string base = Upper(piece);
    forms->push_back(base);
    if (kind == 'N') {
      forms->push_back(NounPlural(base));
    } else if (kind == 'V') {
      std::string s, ed, ing;
      RegularVerbForms(base, &s, &ed, &ing);
      forms->push_back(s);
      forms->push_back(ed);
      forms->push_back(ing);
    } else if (kind != 0) {
      ctx_.Warn(number, std::string("unknown issue prefix '") + static_cast<char>(kind) + ":'");
    }
  }

  // Expands the phrase into variants (each a space-separated word list) and adds them.
  void Add(std::string_view phrase, Issue issue, uint32_t number) {
    issue.ref = ctx_.Ref(number);
    uint32_t index = static_cast<uint32_t>(dict_.issues.size());
    dict_.issues.push_back(std::move(issue));

    variants_.assign(1, std::string());
    SplitAny(phrase, kWordSeparators, &words_);
    for (std::string_view word : words_) {
      // Options for this word: every combination of piece forms, joined by ' ' or '-'.
      SplitAny(word, "+", &pieces_);
      options_.assign(1, std::string());
      std::vector<std::string> next;
      for (size_t p = 0; p < pieces_.size(); ++p) {
        PieceForms(pieces_[p], number, &forms_);
        next.clear();
        for (const std::string& prefix : options_) {
          for (const std::string& form : forms_) {
            if (p == 0) {
              next.push_back(form);
            } else {
              // '\x01' marks a '+' join, resolved to ' ' and '-' below.
              next.push_back(prefix + '\x01' + form);
            }
          }
        }
        options_.swap(next);
      }
      if (pieces_.size() > 1) {
        next.clear();
        for (const std::string& option : options_) {
          for (char joiner : {' ', '-'}) {
            std::string joined = option;
            for (char& c : joined) {
              if (c == '\x01') c = joiner;
            }
            next.push_back(std::move(joined));
          }
        }
        options_.swap(next);
      }
      if (options_.size() == 1) {
        // One option (most words): appended in place, so that a phrase of n words costs
        // time linear in n (copying every variant per word was quadratic: a 60 KB line of
        // 20,000 words took 600 MB of copies, 15 s under ASan; the fuzz seed
        // issue12_crash_undefined_synset read as issues).
        for (std::string& variant : variants_) {
          if (!variant.empty()) variant += ' ';
          variant += options_[0];
        }
        continue;
      }
      next.clear();
      for (const std::string& variant : variants_) {
        for (const std::string& option : options_) {
          next.push_back(variant.empty() ? option : variant + ' ' + option);
          if (next.size() > kMaxIssueVariants) break;
        }
      }
      if (next.size() > kMaxIssueVariants) {
        ctx_.Warn(number, "too many issue variants; phrase skipped");
        return;
      }
      variants_.swap(next);
    }
    for (const std::string& variant : variants_) {
      if (variant.empty()) continue;
      AddWords(variant, &dict_.issue_trie, index, ctx_, &pieces_, &ids_);
    }
  }

  ReadContext& ctx_;
  Dictionaries& dict_;
  std::vector<std::string> variants_, options_, forms_;
  std::vector<std::string_view> words_, pieces_;
  std::vector<WordId> ids_;
};

}  // namespace

void ReadDiscards(std::string_view text, ReadContext& ctx) {
  Dictionaries& dict = ctx.dict();
  LineReader reader(text, &ctx);
  std::string_view line, raw;
  uint32_t number = 0;
  std::vector<std::string_view> pieces;
  std::vector<WordId> words;
  while (reader.Next(&line, &raw, &number)) {
    Discard discard;
    discard.story = line[0] == '+';
    if (discard.story) line.remove_prefix(1);
    SplitAny(line, kWordSeparators, &pieces);
    if (pieces.empty()) {
      ctx.Warn(number, "empty discard phrase");
      continue;
    }
    discard.ref = ctx.Ref(number);
    uint32_t index = static_cast<uint32_t>(dict.discards.size());
    dict.discards.push_back(discard);
    AddWords(line, &dict.discard_trie, index, ctx, &pieces, &words);
  }
}

void ReadIssues(std::string_view text, ReadContext& ctx) {
  IssueReader issues(ctx);
  LineReader reader(text, &ctx);
  std::string_view line, raw;
  uint32_t number = 0;
  while (reader.Next(&line, &raw, &number)) issues.Line(line, number);
}

}  // namespace annalist::dict::petrarch
