#include <array>
#include <string_view>

#include "annalist/document.h"

namespace annalist {
namespace {
constexpr std::array<std::string_view, static_cast<size_t>(Pos::kCount)> kNames = {
    "",    "CC",  "CD",  "DT",  "EX",  "FW",   "IN",  "JJ",  "JJR", "JJS", "LS",  "MD",
    "NN",  "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP",
    "SYM", "TO",  "UH",  "VB",  "VBD", "VBG",  "VBN", "VBP", "VBZ", "WDT", "WP",  "WP$",
    "WRB", ",",   ".",   ":",   "``",  "''",   "-LRB-", "-RRB-", "$", "#"};
}  // namespace

std::string_view PosName(Pos pos) { return kNames[static_cast<size_t>(pos)]; }

Pos PosFromName(std::string_view name) {
  for (size_t i = 1; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Pos>(i);
  }
  return Pos::kNone;
}

}  // namespace annalist
