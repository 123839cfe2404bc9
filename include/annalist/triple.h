// Triple: an event reduced to (source, target, code), what `annalist eval` compares and a
// gold record's "expected" list holds (docs/output.md, "annalist eval"). A plain value.
#ifndef ANNALIST_TRIPLE_H_
#define ANNALIST_TRIPLE_H_

#include <compare>
#include <string>

namespace annalist {

struct Triple {
  std::string source, target, code;
  bool operator==(const Triple&) const = default;
  auto operator<=>(const Triple&) const = default;
};

}  // namespace annalist

#endif  // ANNALIST_TRIPLE_H_
