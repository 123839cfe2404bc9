// CAMEO ontology: root, QuadClass, Goldstein (GDELT table) and PLOVER type per code,
// from data/cameo_ontology.tsv (embedded at build time).
#ifndef ANNALIST_ANNOTATE_ONTOLOGY_H_
#define ANNALIST_ANNOTATE_ONTOLOGY_H_

#include <string>
#include <string_view>

#include "annalist/event.h"

namespace annalist {

struct CameoCode {
  std::string code, root, name, plover;
  double goldstein = 0.0;
  int quad_class = 0;
};

// nullptr for an unknown code.
const CameoCode* LookupCameo(std::string_view code);

// Fills root, quad_class, goldstein and plover from event->code. Unknown codes fall back
// to their root ("1959" -> "195" -> "19").
void Annotate(Event* event);

}  // namespace annalist

#endif  // ANNALIST_ANNOTATE_ONTOLOGY_H_
