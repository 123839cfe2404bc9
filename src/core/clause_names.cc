// Names of the clause layer's enums (include/annalist/document.h).
#include <string_view>

#include "annalist/document.h"

namespace annalist {

std::string_view ClauseTypeName(ClauseType type) {
  constexpr std::string_view kNames[] = {"main",     "coordinated", "complement",  "adverbial",   "relative",
                                         "participial", "existential", "infinitival", "attribution", "unattached"};
  return kNames[static_cast<size_t>(type)];
}

std::string_view TenseName(Tense tense) {
  constexpr std::string_view kNames[] = {"none", "present", "past", "future"};
  return kNames[static_cast<size_t>(tense)];
}

std::string_view ArgumentRoleName(ArgumentRole role) {
  constexpr std::string_view kNames[] = {"subject", "controller", "object", "second_object", "oblique", "agent"};
  return kNames[static_cast<size_t>(role)];
}

}  // namespace annalist
