// Agent dictionary (petrarch2-dictionaries.rst "Agent Dictionary", behaviour 1.5):
//
//   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      substitution set
//   POLICE {} [~COP]                               {} = no plural
//   GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]             explicit plural
//   CONGRESS!PERSON! [~LEG]                        one entry per member, no plurals
//   MSF {} [NGO~]                                  prefix agent (gold: NGOARN)
//
// Lines without '[' are ignored (as P2 does). P2's bug of re-storing the previous plural
// with a marker line's code is not reproduced: CONGRESSES stays ~LEG (AGENT-12).
#include "dict/petrarch_readers.h"

#include <utility>

namespace annalist::dict::petrarch {
namespace {

constexpr std::string_view kWordSeparators = " \t_";
constexpr int kMaxMarkerDepth = 4;

struct SubstitutionSet {
  std::string name;  // "!PERSON!"
  std::vector<std::string> members;
};

class AgentReader {
 public:
  explicit AgentReader(ReadContext& ctx) : ctx_(ctx), dict_(ctx.dict()) {}

  void Line(std::string_view line, uint32_t number) {
    if (line[0] == '!' && line.find('=') != std::string_view::npos &&
        line.find('[') == std::string_view::npos) {
      DefineSet(line, number);
      return;
    }
    size_t bracket = line.find('[');
    if (bracket == std::string_view::npos) return;  // P2 ignores such lines
    std::string_view head = line.substr(0, bracket);
    std::string_view rest = line.substr(bracket + 1);
    // "[~ENV}" occurs in Phoenix.agents.txt; P2 reads it as ~ENV, so do we.
    size_t close = rest.find_first_of("]}");
    std::string code(Trim(rest.substr(0, close)));
    if (close == std::string_view::npos) {
      ctx_.Warn(number, "missing ']'");
      return;
    }
    std::string_view phrase = head, plural;
    bool braces = false;
    size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      size_t brace_close = head.find('}', brace);
      if (brace_close == std::string_view::npos) {
        ctx_.Warn(number, "missing '}'");
        return;
      }
      braces = true;
      phrase = head.substr(0, brace);
      plural = Trim(head.substr(brace + 1, brace_close - brace - 1));
    }
    phrase = Trim(phrase);
    if (phrase.empty()) {
      ctx_.Warn(number, "empty agent phrase");
      return;
    }
    Agent agent;
    std::string stripped;
    for (char c : code) {
      if (!IsSpace(c)) stripped += c;
    }
    if (!stripped.empty() && stripped.front() == '~') {
      agent.code = stripped.substr(1);
    } else if (!stripped.empty() && stripped.back() == '~') {
      agent.code = stripped.substr(0, stripped.size() - 1);
      agent.prefix = true;
    } else {
      ctx_.Warn(number, "agent code '" + stripped + "' has no '~'");
      return;
    }
    if (agent.code.empty() || agent.code.find('~') != std::string::npos) {
      ctx_.Warn(number, "bad agent code '" + stripped + "'");
      return;
    }
    agent.ref = ctx_.Ref(number);
    uint32_t index = static_cast<uint32_t>(dict_.agents.size());
    dict_.agents.push_back(std::move(agent));

    if (phrase.find('!') != std::string_view::npos) {
      if (braces && !plural.empty()) ctx_.Warn(number, "plural ignored on a substitution line");
      AddExpanded(std::string(phrase), index, number, 0);
      return;
    }
    AddPhrase(phrase, index, number);
    if (!braces) {
      SplitAny(phrase, kWordSeparators, &pieces_);
      if (!pieces_.empty()) {
        std::string last = Upper(pieces_.back());
        words_.clear();
        for (size_t i = 0; i + 1 < pieces_.size(); ++i) words_.push_back(ctx_.Intern(pieces_[i]));
        words_.push_back(ctx_.Intern(NounPlural(last)));
        dict_.agent_trie.Add(words_, index);
      }
    } else if (!plural.empty()) {
      AddPhrase(plural, index, number);
    }
  }

 private:
  void DefineSet(std::string_view line, uint32_t number) {
    size_t eq = line.find('=');
    std::string_view name = Trim(line.substr(0, eq));
    if (name.size() < 3 || name.back() != '!' || name.find('!', 1) != name.size() - 1) {
      ctx_.Warn(number, "bad substitution set name '" + std::string(name) + "'");
      return;
    }
    SubstitutionSet set;
    set.name = Upper(name);
    SplitAny(line.substr(eq + 1), ",", &pieces_);
    for (std::string_view member : pieces_) {
      member = Trim(member);
      if (!member.empty()) set.members.push_back(Upper(member));
    }
    if (set.members.empty()) ctx_.Warn(number, "empty substitution set " + set.name);
    for (SubstitutionSet& existing : sets_) {
      if (existing.name == set.name) {
        existing = std::move(set);
        return;
      }
    }
    sets_.push_back(std::move(set));
  }

  void AddExpanded(const std::string& phrase, uint32_t index, uint32_t number, int depth) {
    size_t open = phrase.find('!');
    if (open == std::string::npos) {
      AddPhrase(phrase, index, number);
      return;
    }
    size_t close = phrase.find('!', open + 1);
    if (close == std::string::npos || depth >= kMaxMarkerDepth) {
      ctx_.Warn(number, "unterminated substitution marker");
      return;
    }
    std::string name = Upper(std::string_view(phrase).substr(open, close - open + 1));
    const SubstitutionSet* set = nullptr;
    for (const SubstitutionSet& s : sets_) {
      if (s.name == name) set = &s;
    }
    if (set == nullptr) {
      ctx_.Warn(number, "undefined substitution set " + name);
      return;
    }
    for (const std::string& member : set->members) {
      std::string expanded = phrase.substr(0, open) + member + phrase.substr(close + 1);
      AddExpanded(expanded, index, number, depth + 1);
    }
  }

  void AddPhrase(std::string_view phrase, uint32_t index, uint32_t number) {
    SplitAny(phrase, kWordSeparators, &pieces_);
    if (pieces_.empty()) {
      ctx_.Warn(number, "empty agent phrase");
      return;
    }
    words_.clear();
    for (std::string_view piece : pieces_) words_.push_back(ctx_.Intern(piece));
    dict_.agent_trie.Add(words_, index);
  }

  ReadContext& ctx_;
  Dictionaries& dict_;
  std::vector<SubstitutionSet> sets_;
  std::vector<std::string_view> pieces_;
  std::vector<WordId> words_;
};

}  // namespace

void ReadAgents(std::string_view text, ReadContext& ctx) {
  AgentReader agents(ctx);
  LineReader reader(text, &ctx);
  std::string_view line, raw;
  uint32_t number = 0;
  while (reader.Next(&line, &raw, &number)) agents.Line(line, number);
}

}  // namespace annalist::dict::petrarch
