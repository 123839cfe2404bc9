// Event coding: clauses, verbs, patterns, source and target, per document.
#ifndef ANNALIST_EVENTS_CODER_H_
#define ANNALIST_EVENTS_CODER_H_

#include <memory>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "dict/dictionary.h"
#include "dict/lexicon.h"
#include "events/rules.h"

namespace annalist {

class CoderImpl;

class Coder {
 public:
  // `rules` say how to code (PETRARCH-2 compatible or knowledge base: CodingRules); the
  // pipeline chooses them with the dictionaries. `lexicon` holds the English word lists.
  Coder(std::shared_ptr<const dict::Dictionaries> dictionaries, const CodingRules& rules,
        std::shared_ptr<const dict::Lexicon> lexicon = dict::Lexicon::Builtin());
  ~Coder();
  // Codes a segmented and tagged document (doc->options apply), appending events in
  // sentence order, and leaves the clause layer on the document (Document::clauses).
  // Fills doc_id, sentence_index, source, target, code, date and the provenance fields;
  // not the ontology fields (see annotate/ontology.h). Thread-safe.
  void CodeDocument(Document* doc, std::vector<Event>* events) const;

 private:
  std::shared_ptr<const dict::Dictionaries> dict_;
  std::shared_ptr<const CoderImpl> impl_;  // compiled patterns (anchor index)
};

}  // namespace annalist

#endif  // ANNALIST_EVENTS_CODER_H_
