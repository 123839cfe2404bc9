// Event coding: clauses, verbs, patterns, source and target, per document.
#ifndef ANNALIST_EVENTS_CODER_H_
#define ANNALIST_EVENTS_CODER_H_

#include <memory>
#include <vector>

#include "annalist/document.h"
#include "annalist/event.h"
#include "dict/dictionary.h"

namespace annalist {

class CoderImpl;

class Coder {
 public:
  explicit Coder(std::shared_ptr<const dict::Dictionaries> dictionaries);
  ~Coder();
  // Codes a segmented and tagged document (doc->options apply), appending events in
  // sentence order. Fills doc_id, sentence_index, source, target, code, date and the
  // provenance fields; not the ontology fields (see annotate/ontology.h). Thread-safe.
  void CodeDocument(const Document& doc, std::vector<Event>* events) const;

 private:
  std::shared_ptr<const dict::Dictionaries> dict_;
  std::shared_ptr<const CoderImpl> impl_;  // compiled patterns (anchor index)
};

}  // namespace annalist

#endif  // ANNALIST_EVENTS_CODER_H_
