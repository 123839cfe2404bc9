// Segmentation: sentences and Penn-Treebank-style tokens with byte spans.
#ifndef ANNALIST_SEGMENT_SEGMENT_H_
#define ANNALIST_SEGMENT_SEGMENT_H_

#include "annalist/document.h"

namespace annalist {

// Fills doc->tokens (span, norm) and doc->sentences from doc->text. Never fails: odd
// bytes become warnings. Clears any previous tokens/sentences.
void Segment(Document* doc);

}  // namespace annalist

#endif  // ANNALIST_SEGMENT_SEGMENT_H_
