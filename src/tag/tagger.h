// Part-of-speech tagger (averaged perceptron, Penn tags) and lemmatiser.
#ifndef ANNALIST_TAG_TAGGER_H_
#define ANNALIST_TAG_TAGGER_H_

#include <memory>
#include <string_view>

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

class Tagger {
 public:
  // The model trained at build time and embedded in the library. Loaded once; shared.
  static Result<std::shared_ptr<const Tagger>> Builtin();
  static Result<std::shared_ptr<const Tagger>> FromModelText(std::string_view model);
  virtual ~Tagger() = default;

  // Sets pos and lemma of every token of `sentence`. Thread-safe.
  virtual void Tag(Document* doc, const Sentence& sentence) const = 0;
};

}  // namespace annalist

#endif  // ANNALIST_TAG_TAGGER_H_
