// CAMEO ontology lookups over the table embedded from data/cameo_ontology.tsv.
#include "annotate/ontology.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace annalist {
namespace internal {
extern const std::string_view kCameoOntologyTsv;
}  // namespace internal

namespace {

// CAMEO codes are 2 to 4 digits. Each (length, value) pair gets a slot in a flat index:
// 2 digits -> [0, 100), 3 -> [100, 1100), 4 -> [1100, 11100). No hashing, no strings.
constexpr int kSlots = 11100;

int SlotOf(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return -1;
  int value = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  switch (code.size()) {
    case 2: return value;
    case 3: return 100 + value;
    default: return 1100 + value;
  }
}

struct Ontology {
  std::vector<CameoCode> codes;
  std::vector<int16_t> slot_to_index = std::vector<int16_t>(kSlots, -1);

  Ontology() {
    std::string_view rest = internal::kCameoOntologyTsv;
    bool header_seen = false;
    while (!rest.empty()) {
      size_t eol = rest.find('\n');
      std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      if (line.empty() || line[0] == '#') continue;
      if (!header_seen) {  // "code\troot\t..."
        header_seen = true;
        continue;
      }
      std::string_view fields[7];
      size_t n = 0;
      while (n < 7) {
        size_t tab = line.find('\t');
        fields[n++] = line.substr(0, tab);
        if (tab == std::string_view::npos) break;
        line = line.substr(tab + 1);
      }
      if (n != 7) std::abort();  // the table is generated and reviewed; a bad one is a build bug
      CameoCode entry;
      entry.code = std::string(fields[0]);
      entry.root = std::string(fields[1]);
      std::from_chars(fields[2].data(), fields[2].data() + fields[2].size(), entry.quad_class);
      entry.goldstein = std::strtod(std::string(fields[3]).c_str(), nullptr);
      entry.plover = std::string(fields[4]);
      entry.name = std::string(fields[6]);
      int slot = SlotOf(entry.code);
      if (slot < 0) std::abort();
      slot_to_index[slot] = static_cast<int16_t>(codes.size());
      codes.push_back(std::move(entry));
    }
  }
};

const Ontology& GetOntology() {
  static const Ontology* ontology = new Ontology();  // never destroyed: used from any thread at exit
  return *ontology;
}

int QuadClassOfRoot(int root) {
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return 0;
}

}  // namespace

const CameoCode* LookupCameo(std::string_view code) {
  int slot = SlotOf(code);
  if (slot < 0) return nullptr;
  const Ontology& ontology = GetOntology();
  int16_t index = ontology.slot_to_index[slot];
  return index < 0 ? nullptr : &ontology.codes[index];
}

void Annotate(Event* event) {
  event->root.clear();
  event->quad_class = 0;
  event->goldstein = 0.0;
  event->plover.clear();
  std::string_view code = event->code;
  // "---" (PETRARCH's unknown code) and non-numeric codes carry no CAMEO meaning.
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  int quad_class = QuadClassOfRoot(root);
  if (quad_class == 0) return;  // "00", "21".. are not CAMEO roots
  event->root = std::string(code.substr(0, 2));
  event->quad_class = quad_class;
  // Unknown codes ("1959", "01x") take Goldstein and PLOVER from their nearest known
  // prefix: CAMEO codes are hierarchical, a child refines its parent's meaning.
  for (size_t cut = std::min<size_t>(code.size(), 4); cut >= 2; --cut) {
    if (const CameoCode* known = LookupCameo(code.substr(0, cut))) {
      event->goldstein = known->goldstein;
      event->plover = known->plover;
      return;
    }
  }
}

}  // namespace annalist
