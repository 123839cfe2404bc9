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
  // The text model tools/train_tagger writes (tests; the build converts it to binary).
  static Result<std::shared_ptr<const Tagger>> FromModelText(std::string_view model);
  // The binary model ModelTextToBinary writes: used in place, not copied, when `model` is
  // 64-byte aligned (the embedded one is), so `model` must outlive the tagger. `verify`
  // checks every row reference (reads all 26 MB); Builtin() skips it for the model the
  // build itself wrote, so only the pages tagging touches are ever read.
  static Result<std::shared_ptr<const Tagger>> FromModelBinary(std::string_view model, bool verify = true);
  // Converts a text model to the binary form (run at build time by cmake/tagger.cmake).
  static Result<std::string> ModelTextToBinary(std::string_view model);
  virtual ~Tagger() = default;

  // Sets pos and lemma of every token of `sentence`. Thread-safe.
  virtual void Tag(Document* doc, const Sentence& sentence) const = 0;
};

}  // namespace annalist

#endif  // ANNALIST_TAG_TAGGER_H_
