// Story structure: the dateline at the head of an article and the boilerplate at its tail.
//
// A wire story opens with a dateline ("WASHINGTON, Jan. 12 (Reuters) -", "Tehran (IP) -")
// naming where it was filed and by whom; web copies end with "Read More:" and related
// headlines, credits and copyright lines. Neither is news: PETRARCH coded them when they
// reached it ("Tehran" as an actor, the related headline as an event), so this stage keeps
// them out of Document::sentences. Later stages then need no checks of their own.
#ifndef ANNALIST_INGEST_STORY_STRUCTURE_H_
#define ANNALIST_INGEST_STORY_STRUCTURE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "annalist/document.h"

namespace annalist {

struct Dateline {
  Span whole;   // place through separator ("BEIRUT (AP) —")
  Span place;   // "BEIRUT", "GAZA CITY, Palestinian Territories"
  Span date;    // "Jan. 12"; empty if none
  Span source;  // "AP" (without brackets or slashes); empty if none
};

// Finds a dateline at the start of the first non-blank line of `text` (or of the second one
// when the first is a bare headline). Conservative: ordinary openings ("Iran, Iraq and Syria
// - ...", "Meanwhile: ...") are not datelines.
bool FindDateline(std::string_view text, Dateline* dateline);

// Byte offset of the line that starts the trailing boilerplate, searching lines that begin
// at or after `from`; text.size() if there is none. The tail starts at a marker line
// ("Read More:", "Related stories", "(Reporting by ...)", "Copyright ...") and every
// non-blank line after it must be another marker or a short headline-like line, so story
// text is never dropped.
uint32_t FindTrailingBoilerplate(std::string_view text, uint32_t from = 0);

// Appends the single boilerplate lines in [from, end): "Read more: <headline>" and bare
// "Read More:" lines inside the story.
void FindBoilerplateLines(std::string_view text, uint32_t from, uint32_t end, std::vector<Span>* lines);

// Runs after Segment (before tagging): fills doc->dateline*, doc->boilerplate and
// doc->boilerplate_lines, and removes their tokens from doc->sentences (a sentence left with
// no tokens is dropped; one cut in the middle becomes two). Tokens stay in doc->tokens.
void MarkStoryStructure(Document* doc);

}  // namespace annalist

#endif  // ANNALIST_INGEST_STORY_STRUCTURE_H_
