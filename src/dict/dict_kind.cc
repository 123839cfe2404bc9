#include "dict/dict_kind.h"

#include <algorithm>
#include <cstdint>

namespace annalist::dict {

namespace {

enum LineShape { kKbLine, kVerbLine, kIssueLine, kAgentLine, kActorLine, kDiscardLine, kProseLine, kOtherLine,
                 kShapeCount };

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// A bracketed code: "[IRN]", "[~GOV]", "[IRNGOV 790101-]", "[112]".
bool HasCode(std::string_view line, bool* tilde) {
  size_t open = line.find('[');
  if (open == std::string_view::npos) return false;
  size_t close = line.find(']', open);
  if (close == std::string_view::npos || close == open + 1) return false;
  std::string_view code = line.substr(open + 1, close - open - 1);
  *tilde = code.find('~') != std::string_view::npos;
  for (char c : code) {
    if (IsLower(c)) return false;
  }
  return true;
}

LineShape Classify(std::string_view line) {
  if (line[0] == '@') return kKbLine;
  if (line.rfind("<ISSUE", 0) == 0 || line.rfind("</ISSUE", 0) == 0) return kIssueLine;
  if (line.size() > 4 && line.rfind("---", 0) == 0 && line.find("---", 3) != std::string_view::npos) return kVerbLine;
  if (line.rfind("- ", 0) == 0 || (line[0] == '&' && line.size() > 1 && IsUpper(line[1]))) return kVerbLine;
  if (line[0] == '!' && line.find("! =") != std::string_view::npos) return kAgentLine;
  bool tilde = false;
  if (HasCode(line, &tilde)) return tilde ? kAgentLine : kActorLine;
  int lower = 0, upper = 0, spaces = 0;
  for (char c : line) {
    lower += IsLower(c);
    upper += IsUpper(c);
    spaces += c == ' ';
  }
  if (lower == 0) {
    if (line[0] == '+' && line.find('_') != std::string_view::npos) return kActorLine;  // actor alias
    return upper > 0 || (line[0] >= '0' && line[0] <= '9') ? kDiscardLine : kOtherLine;
  }
  // Lower-case words separated by spaces: running text. (Dictionary phrases join their
  // words with '_' or are upper-case.)
  return spaces >= 2 && lower > upper ? kProseLine : kOtherLine;
}

}  // namespace

DictFormat DetectDictFormat(std::string_view text, std::string* why) {
  uint64_t counts[kShapeCount] = {};
  uint64_t lines = 0;
  size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    std::string_view line = text.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
    pos = newline == std::string_view::npos ? text.size() : newline + 1;
    // Comments: '#' at the start of a line (every format) or after the content.
    if (size_t hash = line.find('#'); hash != std::string_view::npos && (hash == 0 || IsSpace(line[hash - 1]))) {
      line = line.substr(0, hash);
    }
    line = Trim(line);
    if (line.empty()) continue;
    ++lines;
    ++counts[Classify(line)];
  }
  if (lines == 0) {
    *why = "no dictionary lines (empty or only comments)";
    return DictFormat::kAuto;
  }
  if (text.find('\0') != std::string_view::npos) {
    *why = "binary data (NUL bytes): not a dictionary";
    return DictFormat::kAuto;
  }
  // Markers no other kind has; knowledge-base records are mostly "key: value" lines of
  // words, so they come before the prose test.
  if (counts[kKbLine] > 0) return DictFormat::kKb;
  if (counts[kIssueLine] > 0) return DictFormat::kPetrarchIssues;
  if (counts[kProseLine] * 2 > lines) {
    *why = "mostly prose (" + std::to_string(counts[kProseLine]) + " of " + std::to_string(lines) +
           " lines are running text): not a dictionary";
    return DictFormat::kAuto;
  }
  if (counts[kVerbLine] * 10 >= lines) return DictFormat::kPetrarchVerbs;
  const uint64_t agents = counts[kAgentLine], actors = counts[kActorLine], discards = counts[kDiscardLine];
  if (agents == 0 && actors == 0 && discards == 0) {
    *why = "no line has the shape of a dictionary entry (a phrase with a [CODE], a verb pattern, a record)";
    return DictFormat::kAuto;
  }
  if (agents >= actors && agents * 4 >= discards) return DictFormat::kPetrarchAgents;
  if (actors * 4 >= discards) return DictFormat::kPetrarchActors;
  return DictFormat::kPetrarchDiscards;
}

}  // namespace annalist::dict
