// Actor/agent dictionary hits and the codes of a noun phrase.
//
// Matching follows PETRARCH2 (petrarch2-behaviour.md 1.4, 1.5, 2.3): whole tokens, longest
// phrase, actors tried before agents at each position. Combining hits into codes follows the
// validation gold where it departs from P2 (5.2 items 2 and 10): agents bind to their own
// conjunct, an adjective actor distributes over conjoined agent nouns, prefix agents go in
// front, redundancy is checked on 3-character boundaries, and in a title/name apposition the
// first actor of the group wins (COMPOUND-17).
#include "actors/actor_matcher.h"

#include "actors/name_variants.h"

#include <algorithm>
#include <string_view>

namespace annalist {
namespace {

using dict::WordId;

constexpr uint32_t kNone = 0xffffffffu;

// ---------------------------------------------------------------- token classes

bool IsAnyOf(std::string_view word, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set) {
    if (word == s) return true;
  }
  return false;
}

// Separates conjuncts of a noun phrase: commas and the coordinating words of a list.
bool IsSeparator(const Token& token) {
  if (token.pos == Pos::kComma) return true;
  return token.norm.size() <= 3 && IsAnyOf(token.norm, {",", "AND", "OR", "NOR", "&"});
}

// Starts a post-modifying prepositional phrase ("lawmakers IN Arnor", "the government OF
// Gondor"). Without tags, a short list of common prepositions.
bool IsPreposition(const Token& token) {
  if (token.pos == Pos::IN || token.pos == Pos::TO) return true;
  if (token.pos != Pos::kNone) return false;
  return IsAnyOf(token.norm, {"OF", "IN", "FROM", "BY", "AT", "FOR", "WITH", "ON", "TO",
                              "AGAINST", "NEAR", "AMONG"});
}

bool IsDeterminer(const Token& token) {
  if (token.pos == Pos::DT || token.pos == Pos::PDT) return true;
  if (token.pos != Pos::kNone) return false;
  return IsAnyOf(token.norm, {"THE", "A", "AN"});
}

// Words that may be coordinated inside a modifier ("awful AND evil minister"): a separator
// between two of them does not split the noun phrase (COMPOUND-17).
bool IsModifierWord(const Token& token) {
  return IsAdjective(token.pos) || token.pos == Pos::RB || token.pos == Pos::RBR ||
         token.pos == Pos::RBS || token.pos == Pos::VBN || token.pos == Pos::VBG;
}

// ---------------------------------------------------------------- code combination

// True if `part` already occurs in `code` at a multiple of 3 characters. CAMEO codes are
// 3-character blocks, so USAGOV already holds GOV, but GMWGOV does not hold WGO
// (AGENT-17 vs AGENT-23; P2 checks any substring, the gold aligned blocks).
bool HoldsAligned(const std::string& code, const std::string& part) {
  if (part.empty()) return true;
  for (size_t pos = 0; pos + part.size() <= code.size(); pos += 3) {
    if (code.compare(pos, part.size(), part) == 0) return true;
  }
  return false;
}

struct Scratch {
  // Per conjunct, the agent hits in token order (indices into `matches`).
  std::vector<uint32_t> agents;
  struct Conjunct {
    uint32_t actor = kNone;          // first actor hit with a code
    uint32_t agents_begin = 0;       // [agents_begin, agents_end) in Scratch::agents
    uint32_t agents_end = 0;
    uint32_t head_agents_begin = 0;  // agents after the actor
    bool starts_with_determiner = false;
  };
  std::vector<Conjunct> conjuncts;
  std::vector<uint32_t> segment_starts;  // first conjunct of each prepositional segment
  std::vector<uint32_t> apply;           // agent list being applied
  std::vector<CodedActor> current, next;
};

// Applies agents (match indices) to `entry`: suffix agents appended, prefix agents
// prepended, each skipped if already held on a 3-character boundary. ~PPL is dropped when
// another agent is present (petrarch2-behaviour.md 2.3).
//
// With after_actor, suffix agents go right after the actor part instead of at the end: a
// head noun that borrows its actor from a PP ("exiled leaders of Egypt's Muslim
// Brotherhood") keeps the token order of its agents, EGY+OPP+MUS = EGYOPPMUS (GOLD_6).
void ApplyAgents(const std::vector<ActorMatch>& matches, const uint32_t* agents, size_t count,
                 CodedActor* entry, bool after_actor = false) {
  uint32_t insert_at = after_actor && entry->actor_end > 0
                           ? std::min<uint32_t>(entry->actor_end, static_cast<uint32_t>(entry->code.size()))
                           : 0xffffffffu;
  bool has_other_than_people = false;
  for (size_t i = 0; i < count; ++i) {
    if (matches[agents[i]].code != "PPL") has_other_than_people = true;
  }
  for (size_t i = 0; i < count; ++i) {
    const ActorMatch& agent = matches[agents[i]];
    entry->first_token = std::min(entry->first_token, agent.first_token);
    entry->end_token = std::max(entry->end_token, agent.end_token);
    if (agent.person != kNoPerson && entry->person == kNoPerson) {
      // "the Iraqi PM" resolved to the office holder: same code, the person as provenance.
      entry->person = agent.person;
      entry->how = agent.how;
    }
    if (has_other_than_people && agent.code == "PPL") continue;
    if (HoldsAligned(entry->code, agent.code)) continue;
    if (agent.prefix_agent) {
      // An agent with no actor shows as "---"; a prefix replaces that placeholder
      // rather than giving "NGO---".
      if (!entry->has_actor && entry->code == "---") {
        entry->code = agent.code;
        entry->actor_end = static_cast<uint32_t>(agent.code.size());
      } else {
        entry->code.insert(0, agent.code);
        entry->actor_end += static_cast<uint32_t>(agent.code.size());
      }
      if (insert_at != 0xffffffffu) insert_at = entry->actor_end;
    } else if (insert_at != 0xffffffffu && insert_at < entry->code.size()) {
      entry->code.insert(insert_at, agent.code);
      insert_at += static_cast<uint32_t>(agent.code.size());
    } else {
      entry->code += agent.code;
    }
  }
}

CodedActor& Push(std::vector<CodedActor>* list) {
  list->emplace_back();
  return list->back();
}

}  // namespace

// ---------------------------------------------------------------- LookupWords

void LookupWords(const dict::Vocabulary& vocab, const Document& doc, const Sentence& sentence,
                 std::vector<dict::WordId>* words) {
  words->resize(sentence.size());
  for (uint32_t i = 0; i < sentence.size(); ++i) {
    const std::string& norm = doc.tokens[sentence.first_token + i].norm;
    WordId id = vocab.Find(norm);
    // "CORP." when the dictionary writes CORP: retry without the final period.
    if (id == dict::kNoWord && norm.size() > 1 && norm.back() == '.') {
      id = vocab.Find(std::string_view(norm).substr(0, norm.size() - 1));
    }
    (*words)[i] = id;
  }
}

// ---------------------------------------------------------------- FindActorMatches

const char* MatchHowName(MatchHow how) {
  switch (how) {
    case MatchHow::kDictionary: return "dictionary";
    case MatchHow::kAlias: return "alias";
    case MatchHow::kCoreference: return "coreference";
    case MatchHow::kPronoun: return "pronoun";
  }
  return "dictionary";
}

void StoryContext::NotePerson(uint32_t actor) {
  auto it = std::find(persons.begin(), persons.end(), actor);
  if (it != persons.end()) persons.erase(it);
  persons.push_back(actor);
}

namespace {

bool Contains(const std::vector<uint32_t>& values, uint32_t v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

bool IsPerson(const dict::Dictionaries& dict, uint32_t actor) {
  return actor < dict.actors.size() && dict.actors[actor].kind == dict::ActorKind::kPerson;
}

// The role of a knowledge-base actor in force on `date` (the latest one for date 0), or null.
const dict::DatedCode* RoleOn(const dict::Actor& actor, int32_t date) {
  if (date == 0) {
    if (actor.undated >= 0 && static_cast<size_t>(actor.undated) < actor.restricted.size())
      return &actor.restricted[actor.undated];
    return nullptr;
  }
  for (const dict::DatedCode& dated : actor.restricted)
    if (!dated.code.empty() && dated.Holds(date)) return &dated;
  return nullptr;
}

// Code of one actor for the story date: a dated restriction that holds, else CodeFor.
std::string CodeOf(const dict::Dictionaries& dict, uint32_t actor, int32_t date) {
  const dict::Actor& a = dict.actors[actor];
  if (date != 0)
    for (const dict::DatedCode& dated : a.restricted)
      if (!dated.code.empty() && dated.Holds(date)) return dated.code;
  return a.CodeFor(date);
}

// Longest exact-case phrase at words[0..count): the trie is keyed on upper-cased words, then
// each token's text must equal the word as written ("US" yes, "us" no).
size_t ExactMatch(const dict::Dictionaries& dict, const dict::PhraseTrie& trie, const Document& doc,
                  uint32_t first_token, const WordId* words, size_t count, uint32_t* target) {
  size_t best = 0;
  trie.ForEachMatch(words, count, [&](size_t length, const std::vector<uint32_t>& values) {
    for (uint32_t e : values) {
      if (e >= dict.exact_phrases.size()) continue;
      const dict::ExactPhrase& phrase = dict.exact_phrases[e];
      if (phrase.words.size() != length) continue;
      bool same = true;
      for (size_t k = 0; k < length && same; ++k)
        same = doc.Slice(doc.tokens[first_token + k].span) == phrase.words[k];
      if (same) {
        best = length;
        *target = phrase.target;
        break;
      }
    }
  });
  return best;
}

// The person a bare surname (or a name variant with several candidates) means: the most
// recent candidate named in this sentence or earlier in the story, else the only candidate
// whose role holds on the story date (issue 3 item 4a). kNoPerson if none or ambiguous.
uint32_t ResolvePerson(const dict::Dictionaries& dict, const std::vector<uint32_t>& candidates,
                       const std::vector<ActorMatch>& sentence_so_far, const StoryContext* story,
                       int32_t date) {
  for (auto it = sentence_so_far.rbegin(); it != sentence_so_far.rend(); ++it)
    if (it->person != kNoPerson && Contains(candidates, it->person)) return it->person;
  if (story != nullptr)
    for (auto it = story->persons.rbegin(); it != story->persons.rend(); ++it)
      if (Contains(candidates, *it)) return *it;
  uint32_t found = kNoPerson;
  int count = 0;
  for (uint32_t a : candidates) {
    if (!IsPerson(dict, a)) continue;
    const bool holds = date == 0 ? candidates.size() == 1 : RoleOn(dict.actors[a], date) != nullptr;
    if (holds && a != found) {
      found = a;
      ++count;
    }
  }
  return count == 1 ? found : kNoPerson;
}

bool IsCapitalised(std::string_view text) { return !text.empty() && text[0] >= 'A' && text[0] <= 'Z'; }

// May this token be part of a person's name written in a way the dictionaries do not know?
// Capitalised and tagged a proper noun (or untagged), or a lower-case article glued to a
// name ("al-Soudani").
bool NameToken(const Document& doc, uint32_t t) {
  const Token& token = doc.tokens[t];
  const std::string_view text = doc.Slice(token.span);
  const bool proper = token.pos == Pos::NNP || token.pos == Pos::NNPS || token.pos == Pos::kNone;
  if (!proper) return false;
  if (IsCapitalised(text)) return true;
  return text.size() > 3 && (text.compare(0, 3, "al-") == 0 || text.compare(0, 3, "el-") == 0) &&
         IsCapitalised(text.substr(3));
}

// Title agent (KB `title`) tied to the office holder named before: "the Iraqi PM",
// "Iraq's prime minister" (country before the title: the holder's code must start with the
// country's), or a bare "the President" (the holder's office must be the title's words).
void ResolveTitles(const dict::Dictionaries& dict, const Document& doc, const StoryContext* story,
                   std::vector<ActorMatch>* out) {
  std::string title;
  for (size_t m = 0; m < out->size(); ++m) {
    ActorMatch& agent = (*out)[m];
    if (agent.kind != ActorMatch::Kind::kAgent || agent.index >= dict.agents.size() ||
        !(dict.agents[agent.index].title || agent.exact))
      continue;
    std::string country;
    if (m > 0) {
      const ActorMatch& before = (*out)[m - 1];
      const bool adjacent = before.end_token == agent.first_token ||
                            (before.end_token + 1 == agent.first_token &&
                             doc.tokens[before.end_token].norm == "'S");
      if (before.kind == ActorMatch::Kind::kActor && adjacent && before.person == kNoPerson &&
          before.code.size() >= 3)
        country = before.code.substr(0, 3);
    }
    title.clear();
    for (uint32_t t = agent.first_token; t < agent.end_token; ++t) {
      if (!title.empty()) title += ' ';
      for (char c : doc.tokens[t].norm) title += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    auto office_matches = [&](const dict::DatedCode& role) {
      const std::string& office = role.office;
      if (office.size() < title.size()) return false;
      // "president" matches "president" and "acting president", not "vice president of ...".
      return office.compare(office.size() - title.size(), title.size(), title) == 0 &&
             (office.size() == title.size() || office[office.size() - title.size() - 1] == ' ');
    };
    uint32_t chosen = kNoPerson;
    auto consider = [&](uint32_t person, bool need_office) {
      if (!IsPerson(dict, person)) return false;
      const dict::DatedCode* role = RoleOn(dict.actors[person], doc.date);
      if (role == nullptr) return false;
      if (!country.empty() && role->code.compare(0, 3, country) != 0) return false;
      if (need_office && !office_matches(*role)) return false;
      if (!need_office) {
        // Same role code suffix as the title's agent (PM = GOV: an IRQGOV holder).
        const std::string& code = dict.agents[agent.index].code;
        if (role->code.size() < code.size() ||
            role->code.compare(role->code.size() - code.size(), code.size(), code) != 0)
          return false;
      }
      chosen = person;
      return true;
    };
    for (int pass = 0; pass < 2 && chosen == kNoPerson; ++pass) {
      const bool need_office = pass == 0;
      if (!need_office && country.empty()) break;  // a bare title needs its office words
      for (size_t k = m; k-- > 0 && chosen == kNoPerson;)
        if ((*out)[k].person != kNoPerson) consider((*out)[k].person, need_office);
      if (story != nullptr)
        for (auto it = story->persons.rbegin(); it != story->persons.rend() && chosen == kNoPerson; ++it)
          consider(*it, need_office);
    }
    if (chosen == kNoPerson) continue;
    agent.person = chosen;
    agent.how = MatchHow::kCoreference;
    if (country.empty()) {
      // A bare title is the person: code it as the office holder ("the President" = IRNGOV).
      agent.kind = ActorMatch::Kind::kActor;
      agent.index = chosen;
      agent.code = CodeOf(dict, chosen, doc.date);
      agent.prefix_agent = false;
    }
  }
}

}  // namespace

void FindActorMatches(const dict::Dictionaries& dict, const Document& doc, const Sentence& sentence,
                      const std::vector<dict::WordId>& words, std::vector<ActorMatch>* out,
                      const StoryContext* story) {
  out->clear();
  const size_t count = std::min<size_t>(words.size(), sentence.size());
  const bool has_exact = !dict.exact_phrases.empty();
  // Scratch reused across sentences (this runs once per sentence).
  thread_local std::vector<uint32_t> candidates;
  thread_local std::string phrase, skeleton;
  // A person's name spelt in a way the dictionaries do not list (issue 3 item 3): the
  // longest run of up to four name tokens whose skeleton matches a person's alias, else
  // one or two tokens matching a surname (then resolved as a surname). Runs shorter than
  // `min_length` are not tried (a dictionary hit of that length starts here).
  auto try_variant = [&](size_t i, size_t min_length) -> bool {
    const uint32_t first = sentence.first_token + static_cast<uint32_t>(i);
    if (story == nullptr || story->variants == nullptr || !NameToken(doc, first) ||
        !IsCapitalised(doc.Slice(doc.tokens[first].span)))
      return false;
    // Later words of the name need only be capitalised (the tagger may read "Shia" as an
    // adjective) or a glued article ("al-Soudany").
    auto later_name = [&](uint32_t t) {
      const std::string_view text = doc.Slice(doc.tokens[t].span);
      return IsCapitalised(text) ||
             (text.size() > 3 && (text.compare(0, 3, "al-") == 0 || text.compare(0, 3, "el-") == 0) &&
              IsCapitalised(text.substr(3)));
    };
    size_t run = 1;
    while (run < 4 && i + run < count && later_name(first + static_cast<uint32_t>(run))) ++run;
    for (size_t n = run; n >= min_length && n >= 1; --n) {
      phrase.clear();
      for (size_t k = 0; k < n; ++k) {
        if (k) phrase += ' ';
        phrase += doc.Slice(doc.tokens[first + k].span);
      }
      NameSkeleton(phrase, &skeleton);
      for (int table = 0; table < 2; ++table) {
        if (table == 0) story->variants->FindAliases(skeleton, &candidates);
        else if (n <= 2) story->variants->FindSurnames(skeleton, &candidates);
        else continue;
        if (candidates.empty()) continue;
        const uint32_t person = candidates.size() == 1 && table == 0
                                    ? candidates[0]
                                    : ResolvePerson(dict, candidates, *out, story, doc.date);
        if (person == kNoPerson) continue;
        ActorMatch& match = out->emplace_back();
        match.kind = ActorMatch::Kind::kActor;
        match.first_token = first;
        match.end_token = first + static_cast<uint32_t>(n);
        match.index = person;
        match.code = CodeOf(dict, person, doc.date);
        match.person = person;
        match.how = table == 0 ? MatchHow::kAlias : MatchHow::kCoreference;
        return true;
      }
    }
    return false;
  };
  size_t i = 0;
  while (i < count) {
    const uint32_t first = sentence.first_token + static_cast<uint32_t>(i);
    const std::vector<uint32_t>* values = nullptr;
    size_t length = 0;
    uint32_t exact_target = 0;
    size_t exact_length = 0;
    if (words[i] != dict::kNoWord) {
      // Actors first at each position, any length; agents only if no actor phrase starts
      // here (petrarch2-behaviour.md 2.3). Exact-case phrases compete by length.
      length = dict.actor_trie.LongestMatch(words.data() + i, count - i, &values);
      if (has_exact)
        exact_length = ExactMatch(dict, dict.exact_actor_trie, doc, first, words.data() + i, count - i,
                                  &exact_target);
    }
    // "Mohamad Shia al-Soudany": a longer run of names matching a person's variant beats a
    // shorter dictionary hit at its start (a first name that is someone's alias).
    if (length > 0 && exact_length <= length && i + length < count &&
        NameToken(doc, sentence.first_token + static_cast<uint32_t>(i + length)) &&
        try_variant(i, length + 1)) {
      i = out->back().end_token - sentence.first_token;
      continue;
    }
    if (exact_length > length) {
      ActorMatch& match = out->emplace_back();
      match.kind = ActorMatch::Kind::kActor;
      match.first_token = first;
      match.end_token = first + static_cast<uint32_t>(exact_length);
      match.index = exact_target;
      match.code = CodeOf(dict, exact_target, doc.date);
      if (IsPerson(dict, exact_target)) match.person = exact_target;
      i += exact_length;
      continue;
    }
    if (length > 0) {
      ActorMatch& match = out->emplace_back();
      match.kind = ActorMatch::Kind::kActor;
      match.first_token = first;
      match.end_token = match.first_token + static_cast<uint32_t>(length);
      match.index = values->front();
      // Values are in file order: the first record whose code holds on the story date wins
      // (PALESTINIAN [pse] before +PALESTINIAN of PALESTINE [PAL]); if none holds the
      // phrase still consumes its words (ONODOHER [ONO <911226] in 1995).
      //
      // But a record whose dated restriction holds beats an earlier record that only offers
      // its undated default: "President Bush" is a synonym of both GEORGE_BUSH_ (USAGOV
      // 1989-93, default USAELI) and GEORGE_W._BUSH_ (USAGOV 2001-09); in 2008 the office
      // holder is meant, not the first record's fallback.
      bool dated_hit = false;
      if (doc.date != 0) {
        for (uint32_t actor_index : *values) {
          for (const dict::DatedCode& dated : dict.actors[actor_index].restricted) {
            if (!dated.code.empty() && dated.Holds(doc.date)) {
              match.index = actor_index;
              match.code = dated.code;
              dated_hit = true;
              break;
            }
          }
          if (dated_hit) break;
        }
      }
      for (uint32_t actor_index : *values) {
        if (dated_hit) break;
        const std::string& code = dict.actors[actor_index].CodeFor(doc.date);
        if (!code.empty()) {
          match.index = actor_index;
          match.code = code;
          break;
        }
      }
      if (IsPerson(dict, match.index)) match.person = match.index;
      i += length;
      continue;
    }
    // Bare surname of a person ("Raisi thanked ..."): resolved in context, else not an actor.
    if (words[i] != dict::kNoWord && NameToken(doc, first)) {
      length = dict.surname_trie.LongestMatch(words.data() + i, count - i, &values);
      if (length > 0) {
        const uint32_t person = ResolvePerson(dict, *values, *out, story, doc.date);
        if (person != kNoPerson) {
          ActorMatch& match = out->emplace_back();
          match.kind = ActorMatch::Kind::kActor;
          match.first_token = first;
          match.end_token = first + static_cast<uint32_t>(length);
          match.index = person;
          match.code = CodeOf(dict, person, doc.date);
          match.person = person;
          match.how = MatchHow::kCoreference;
          i += length;
          continue;
        }
      }
    }
    if (words[i] != dict::kNoWord) {
      length = dict.agent_trie.LongestMatch(words.data() + i, count - i, &values);
      exact_length = has_exact ? ExactMatch(dict, dict.exact_agent_trie, doc, first, words.data() + i,
                                            count - i, &exact_target)
                               : 0;
      if (length > 0 || exact_length > 0) {
        const uint32_t agent_index = exact_length > length ? exact_target : values->front();
        length = std::max(length, exact_length);
        const dict::Agent& agent = dict.agents[agent_index];
        ActorMatch& match = out->emplace_back();
        match.kind = ActorMatch::Kind::kAgent;
        match.first_token = first;
        match.end_token = match.first_token + static_cast<uint32_t>(length);
        match.index = agent_index;
        match.code = agent.code;
        match.prefix_agent = agent.prefix;
        match.exact = exact_length > 0 && exact_length >= length;
        i += length;
        continue;
      }
    }
    if (try_variant(i, 1)) {
      i = out->back().end_token - sentence.first_token;
      continue;
    }
    ++i;
  }
  if (story != nullptr) ResolveTitles(dict, doc, story, out);
}

// ---------------------------------------------------------------- NounPhraseActors
//
// The phrase is cut into prepositional segments ("lawmakers and officials | in Arnor and
// Gondor") and each segment into conjuncts at commas and and/or/nor. Segments are resolved
// right to left: a conjunct with its own actor uses it (first actor wins, so a name in
// apposition after a title is ignored: COMPOUND-17); a conjunct without one takes every
// entry of the following segment and applies its agents to each (DEMO-08, COMPOUND-10,
// COMPOUND-18); otherwise an agent conjunct borrows a preceding adjective actor and its
// modifier agents ("Danish Islamist media and government" = DNKMUSMED, DNKMUSGOV:
// COMPOUND-22/24), or stands alone as "---XYZ".

void NounPhraseActors(const std::vector<ActorMatch>& matches, const Document& doc,
                      uint32_t first_token, uint32_t end_token, std::vector<CodedActor>* out) {
  out->clear();
  if (first_token >= end_token) return;
  thread_local Scratch scratch;
  Scratch& s = scratch;
  s.agents.clear();
  s.conjuncts.clear();
  s.segment_starts.clear();

  // ---- pass 1: conjuncts and segments
  auto match_it = std::lower_bound(
      matches.begin(), matches.end(), first_token,
      [](const ActorMatch& m, uint32_t token) { return m.first_token < token; });
  uint32_t match_index = static_cast<uint32_t>(match_it - matches.begin());

  Scratch::Conjunct conjunct;
  bool conjunct_has_tokens = false;
  auto open_conjunct = [&]() {
    conjunct = Scratch::Conjunct();
    conjunct.agents_begin = conjunct.agents_end = conjunct.head_agents_begin =
        static_cast<uint32_t>(s.agents.size());
    conjunct_has_tokens = false;
  };
  auto close_conjunct = [&]() {
    if (conjunct_has_tokens) {
      conjunct.agents_end = static_cast<uint32_t>(s.agents.size());
      if (conjunct.actor == kNone) conjunct.head_agents_begin = conjunct.agents_end;
      s.conjuncts.push_back(conjunct);
    }
    open_conjunct();
  };
  s.segment_starts.push_back(0);
  open_conjunct();

  uint32_t token_index = first_token;
  uint32_t last_hit_end = kNone;
  while (token_index < end_token) {
    while (match_index < matches.size() && matches[match_index].first_token < token_index) {
      ++match_index;
    }
    if (match_index < matches.size() && matches[match_index].first_token == token_index &&
        matches[match_index].end_token <= end_token) {
      const ActorMatch& match = matches[match_index];
      if (match.kind == ActorMatch::Kind::kActor) {
        // Actors with no code for the date are ignored; later actors of the same conjunct
        // are appositions or titles' names and lose to the first (COMPOUND-17).
        if (!match.code.empty() && conjunct.actor == kNone) {
          conjunct.actor = match_index;
          conjunct.head_agents_begin = static_cast<uint32_t>(s.agents.size());
        }
      } else {
        s.agents.push_back(match_index);
      }
      conjunct_has_tokens = true;
      token_index = last_hit_end = match.end_token;
      ++match_index;
      continue;
    }
    const Token& token = doc.tokens[token_index];
    if (IsSeparator(token)) {
      // "awful and evil minister": coordinated modifiers, not coordinated nouns.
      // Words that are dictionary hits ("Danish and French troops") are not modifiers here.
      bool next_is_hit = match_index < matches.size() &&
                         matches[match_index].first_token == token_index + 1;
      bool between_modifiers = token_index > first_token && token_index + 1 < end_token &&
                               last_hit_end != token_index && !next_is_hit &&
                               IsModifierWord(doc.tokens[token_index - 1]) &&
                               IsModifierWord(doc.tokens[token_index + 1]);
      if (!between_modifiers) {
        close_conjunct();
        ++token_index;
        continue;
      }
    } else if (IsPreposition(token)) {
      close_conjunct();
      s.segment_starts.push_back(static_cast<uint32_t>(s.conjuncts.size()));
      ++token_index;
      continue;
    }
    if (!conjunct_has_tokens && IsDeterminer(token)) conjunct.starts_with_determiner = true;
    conjunct_has_tokens = true;
    ++token_index;
  }
  close_conjunct();

  // ---- pass 2: resolve segments right to left
  std::vector<CodedActor>& current = s.current;
  std::vector<CodedActor>& next = s.next;
  next.clear();
  const size_t segment_count = s.segment_starts.size();
  for (size_t segment = segment_count; segment-- > 0;) {
    current.clear();
    const uint32_t conj_begin = s.segment_starts[segment];
    const uint32_t conj_end = segment + 1 < segment_count
                                  ? s.segment_starts[segment + 1]
                                  : static_cast<uint32_t>(s.conjuncts.size());
    bool next_has_actor = false;
    for (const CodedActor& entry : next) next_has_actor |= entry.has_actor;

    uint32_t distributor = kNone;  // last conjunct with an adjective actor ("Danish media")
    size_t bare_run_begin = 0;     // entries of a run of bare-actor conjuncts ("Arnor and ...")
    bool in_bare_run = false;
    for (uint32_t c = conj_begin; c < conj_end; ++c) {
      const Scratch::Conjunct& conj = s.conjuncts[c];
      const uint32_t* agents = s.agents.data() + conj.agents_begin;
      const size_t agent_count = conj.agents_end - conj.agents_begin;
      if (conj.actor != kNone) {
        const ActorMatch& actor = matches[conj.actor];
        size_t entry_index = current.size();
        CodedActor& entry = Push(&current);
        entry.code = actor.code;
        entry.actor_end = static_cast<uint32_t>(actor.code.size());
        entry.first_token = actor.first_token;
        entry.end_token = actor.end_token;
        entry.has_actor = true;
        entry.person = actor.person;
        entry.how = actor.how;
        entry.actor = actor.index;
        ApplyAgents(matches, agents, agent_count, &entry);
        const size_t head_count = conj.agents_end - conj.head_agents_begin;
        if (agent_count == 0) {
          // Bare actor: a following "Gondor soldiers" may lend it its agents.
          if (!in_bare_run) bare_run_begin = entry_index;
          in_bare_run = true;
          distributor = kNone;
        } else {
          if (head_count > 0 && in_bare_run && !conj.starts_with_determiner) {
            // "Arnor and Gondor lawmakers": the head noun covers the bare actors before it
            // (P2 applies every agent to every actor of the NP). Not across "the X ..."
            // appositions ("Gondor and Dagolath, the Osgiliath newspaper").
            const uint32_t* head = s.agents.data() + conj.head_agents_begin;
            for (size_t e = bare_run_begin; e < entry_index; ++e) {
              ApplyAgents(matches, head, head_count, &current[e]);
            }
          }
          in_bare_run = false;
          distributor = head_count > 0 ? c : kNone;
        }
        continue;
      }
      in_bare_run = false;
      if (next_has_actor) {
        // No actor of its own: the actors of the following prepositional phrase, each with
        // this conjunct's agents ("the ambassadors of Arnor, Osgiliath and Gondor").
        for (const CodedActor& borrowed : next) {
          CodedActor& entry = Push(&current);
          entry = borrowed;
          ApplyAgents(matches, agents, agent_count, &entry, /*after_actor=*/true);
        }
        continue;
      }
      if (agent_count > 0) {
        CodedActor& entry = Push(&current);
        if (distributor != kNone) {
          // "Danish Islamist media and government": DANISH ISLAMIST modify both nouns.
          const Scratch::Conjunct& source = s.conjuncts[distributor];
          const ActorMatch& actor = matches[source.actor];
          entry.code = actor.code;
          entry.actor_end = static_cast<uint32_t>(actor.code.size());
          entry.first_token = actor.first_token;
          entry.end_token = actor.end_token;
          entry.has_actor = true;
          entry.actor = actor.index;
          s.apply.clear();
          // All of the source's agents but its head noun (the last one).
          for (uint32_t a = source.agents_begin; a + 1 < source.agents_end; ++a) {
            s.apply.push_back(s.agents[a]);
          }
          s.apply.insert(s.apply.end(), agents, agents + agent_count);
          ApplyAgents(matches, s.apply.data(), s.apply.size(), &entry);
        } else {
          // An agent alone: "a senior official" = ---GOV.
          const ActorMatch& first_agent = matches[agents[0]];
          entry.code = "---";
          entry.actor_end = 3;
          entry.first_token = first_agent.first_token;
          entry.end_token = first_agent.end_token;
          entry.has_actor = false;
          ApplyAgents(matches, agents, agent_count, &entry);
        }
        continue;
      }
      // Nothing of its own: agent-only entries of the following segment pass through
      // ("the head of the government" = ---GOV).
      for (const CodedActor& borrowed : next) current.push_back(borrowed);
    }
    std::swap(current, next);
  }

  // Duplicates removed, first kept.
  for (const CodedActor& entry : next) {
    bool seen = false;
    for (const CodedActor& kept : *out) {
      if (kept.code == entry.code) {
        seen = true;
        break;
      }
    }
    if (!seen) out->push_back(entry);
  }
}

}  // namespace annalist
