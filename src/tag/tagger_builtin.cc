// Tagger::Builtin(): the model trained from the Brown corpus at build time
// (tools/train_tagger, cmake/tagger.cmake) and embedded into the library by a generated
// assembly stub (.incbin), so the binaries need no model file at run time. The embedded
// form is the binary one (Tagger::ModelTextToBinary), 64-byte aligned and used in place.
#include <string_view>

#include "tag/tagger.h"

extern "C" {
extern const char annalist_tagger_model_begin[];
extern const char annalist_tagger_model_end[];
}

namespace annalist {

Result<std::shared_ptr<const Tagger>> Tagger::Builtin() {
  static const Result<std::shared_ptr<const Tagger>> kBuiltin = [] {
    std::string_view model(annalist_tagger_model_begin,
                           static_cast<size_t>(annalist_tagger_model_end - annalist_tagger_model_begin));
    if (model.empty()) {
      return Result<std::shared_ptr<const Tagger>>(
          NotFound("tagger: no built-in model (the Brown corpus was missing at build time; "
                   "run scripts/setup.sh and rebuild)"));
    }
    return FromModelBinary(model, /*verify=*/false);  // written by this build
  }();
  return kBuiltin;
}

}  // namespace annalist
