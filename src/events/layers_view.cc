// The `annalist code --layers` view (include/annalist/event.h, DescribeLayers): what the
// stages left on a coded Document, sentence by sentence, as plain text for a person
// debugging a coding: tokens with their tags, the clause layer (type, parent, verb group,
// tense, voice, modality, negation, arguments with roles) and the events with the clause
// and the actor mentions they came from.
#include <string>
#include <vector>

#include "annalist/event.h"

namespace annalist {
namespace {

void AppendQuoted(const Document& doc, Span span, std::string* out) {
  *out += '"';
  *out += doc.Slice(span);
  *out += '"';
}

void AppendClause(const Document& doc, size_t index, std::string* out) {
  const Clause& c = doc.clauses[index];
  *out += "  clause " + std::to_string(index) + " " + std::string(ClauseTypeName(c.type));
  if (c.parent >= 0) *out += " (under " + std::to_string(c.parent) + ")";
  *out += ": ";
  AppendQuoted(doc, c.verb_group, out);
  *out += " ";
  *out += TenseName(c.tense);
  *out += c.voice == Voice::kPassive ? " passive" : " active";
  if (c.modality == VerbModality::kFuture) *out += " future";
  if (c.modality == VerbModality::kConditional) *out += " conditional";
  if (c.negated) *out += " negated";
  for (uint32_t a = c.first_argument; a < c.end_argument; ++a) {
    const Argument& arg = doc.arguments[a];
    *out += a == c.first_argument ? " | " : " ";
    *out += ArgumentRoleName(arg.role);
    if (!arg.preposition.empty()) {
      *out += "(";
      *out += doc.Slice(arg.preposition);
      *out += ")";
    }
    *out += "=";
    AppendQuoted(doc, arg.span, out);
  }
  *out += "\n";
}

void AppendActor(const Document& doc, const ActorRef& actor, std::string* out) {
  *out += actor.code.empty() ? "-" : actor.code;
  if (actor.span.empty()) return;
  *out += "[";
  AppendQuoted(doc, actor.span, out);
  if (!actor.how.empty()) *out += " " + actor.how;
  if (!actor.country_how.empty()) *out += ", country from " + actor.country_how;
  *out += "]";
}

}  // namespace

std::string DescribeLayers(const Document& doc, const std::vector<Event>& events) {
  std::string out;
  size_t clause = 0;
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    out += "sentence " + std::to_string(si) + " of " + doc.id + ": ";
    out += doc.Slice(sent.span);
    out += "\n  tokens:";
    for (uint32_t t = sent.first_token; t < sent.end_token; ++t) {
      out += " ";
      out += doc.Slice(doc.tokens[t].span);
      out += "/";
      out += PosName(doc.tokens[t].pos);
    }
    out += "\n";
    for (; clause < doc.clauses.size() && doc.clauses[clause].sentence == si; ++clause) AppendClause(doc, clause, &out);
    for (const Event& e : events) {
      if (e.sentence_index != si) continue;
      out += "  event " + e.code + " (" + e.clause;
      if (!e.verb.empty()) {
        out += ", ";
        AppendQuoted(doc, e.verb, &out);
      }
      out += "): ";
      AppendActor(doc, e.source, &out);
      out += " -> ";
      AppendActor(doc, e.target, &out);
      out += "\n";
    }
  }
  return out;
}

}  // namespace annalist
