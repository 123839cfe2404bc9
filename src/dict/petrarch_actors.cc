// Actor dictionaries (petrarch2-dictionaries.rst "Actor Dictionary", behaviour 1.4):
//
//   GOLLUM                      primary phrase, optional [codes]
//   +SMEAGOL                    synonyms
//   	[HOB < 950601]           code lines, optionally date-restricted
//   	[HOBGOV 19950601 - 19990815]
//
// Gold conventions (behaviour 5.2 item 2) rather than P2's: unrestricted codes are the
// default, consulted only when no restriction holds; restrictions keep file order; the
// last record of a file is kept.
#include "dict/petrarch_readers.h"

namespace annalist::dict::petrarch {
namespace {

constexpr std::string_view kWordSeparators = " \t_";

// "CODE", "CODE <D", "CODE >D", "CODE D1-D2" (spaces anywhere in the restriction).
bool ParseDatedCode(std::string_view content, DatedCode* out, std::string* error) {
  content = Trim(content);
  size_t i = 0;
  while (i < content.size() && !IsSpace(content[i]) && content[i] != '<' && content[i] != '>') ++i;
  if (i == 0) {
    *error = "code missing in '[" + std::string(content) + "]'";
    return false;
  }
  out->code.assign(content.substr(0, i));
  std::string restriction;
  for (char c : content.substr(i)) {
    if (!IsSpace(c)) restriction += c;
  }
  if (restriction.empty()) {
    out->kind = DatedCode::Kind::kAlways;
    return true;
  }
  std::string_view r = restriction;
  auto bad = [&](std::string_view what) {
    *error = "bad date '" + std::string(what) + "' in '[" + std::string(content) + "]'";
    return false;
  };
  if (r[0] == '<' || r[0] == '>') {
    if (!ParseDate(r.substr(1), &out->date1)) return bad(r.substr(1));
    out->kind = r[0] == '<' ? DatedCode::Kind::kBefore : DatedCode::Kind::kFrom;
    return true;
  }
  size_t dash = r.find('-');
  if (dash == std::string_view::npos) return bad(r);
  if (!ParseDate(r.substr(0, dash), &out->date1)) return bad(r.substr(0, dash));
  if (!ParseDate(r.substr(dash + 1), &out->date2)) return bad(r.substr(dash + 1));
  out->kind = DatedCode::Kind::kBetween;
  return true;
}

// All [..] groups of `s` into the actor: restricted ones in order, the others as defaults.
void ParseCodes(std::string_view s, uint32_t line, Actor* actor, ReadContext& ctx) {
  size_t pos = 0;
  while ((pos = s.find('[', pos)) != std::string_view::npos) {
    size_t close = s.find(']', pos + 1);
    if (close == std::string_view::npos) {
      ctx.Warn(line, "missing ']'");
      return;
    }
    DatedCode code;
    std::string error;
    if (!ParseDatedCode(s.substr(pos + 1, close - pos - 1), &code, &error)) {
      ctx.Warn(line, error);
    } else if (code.kind == DatedCode::Kind::kAlways) {
      actor->defaults.push_back(std::move(code));
    } else {
      actor->restricted.push_back(std::move(code));
    }
    pos = close + 1;
  }
}

}  // namespace

void ReadActors(std::string_view text, ReadContext& ctx) {
  Dictionaries& dict = ctx.dict();
  LineReader reader(text, &ctx);
  std::string_view line, raw;
  uint32_t number = 0;
  std::vector<std::string_view> pieces;
  std::vector<WordId> words;
  int64_t current = -1;  // index of the record being read
  dict.actors.reserve(dict.actors.size() + text.size() / 40);
  while (reader.Next(&line, &raw, &number)) {
    if (line[0] == '[') {
      if (current < 0) {
        ctx.Warn(number, "code line before any actor");
      } else {
        ParseCodes(line, number, &dict.actors[current], ctx);
      }
      continue;
    }
    bool synonym = line[0] == '+';
    std::string_view body = synonym ? line.substr(1) : line;
    size_t bracket = body.find('[');
    std::string_view phrase = Trim(body.substr(0, bracket));
    if (!synonym) {
      current = static_cast<int64_t>(dict.actors.size());
      Actor& actor = dict.actors.emplace_back();
      actor.name.assign(phrase);
      actor.ref = ctx.Ref(number);
    } else if (current < 0) {
      ctx.Warn(number, "synonym before any actor");
      continue;
    }
    SplitAny(phrase, kWordSeparators, &pieces);
    if (pieces.empty()) {
      ctx.Warn(number, "empty actor phrase");
    } else {
      words.clear();
      for (std::string_view piece : pieces) words.push_back(ctx.Intern(piece));
      dict.actor_trie.Add(words, static_cast<uint32_t>(current));
    }
    if (bracket != std::string_view::npos) {
      ParseCodes(body.substr(bracket), number, &dict.actors[current], ctx);
    }
  }
}

}  // namespace annalist::dict::petrarch
