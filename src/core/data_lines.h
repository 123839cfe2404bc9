// The lines of an embedded data file (time words, place words, the gazetteer, GDELT codes,
// the segmenter's words): every line but empty ones and '#' comments, with its 1-based
// number for error messages.
//
//   DataLines lines(text);
//   std::string_view line;
//   int number = 0;
//   while (lines.Next(&line, &number)) { ... }
#ifndef ANNALIST_CORE_DATA_LINES_H_
#define ANNALIST_CORE_DATA_LINES_H_

#include <string_view>

namespace annalist {

class DataLines {
 public:
  explicit DataLines(std::string_view text) : text_(text) {}

  // The next line that is not empty and does not start with '#' (without its '\n'), and
  // its number; false at the end of the text.
  bool Next(std::string_view* line, int* number) {
    while (start_ < text_.size()) {
      size_t end = text_.find('\n', start_);
      if (end == std::string_view::npos) end = text_.size();
      *line = text_.substr(start_, end - start_);
      start_ = end + 1;
      *number = ++number_;
      if (!line->empty() && (*line)[0] != '#') return true;
    }
    return false;
  }

 private:
  std::string_view text_;
  size_t start_ = 0;
  int number_ = 0;
};

}  // namespace annalist

#endif  // ANNALIST_CORE_DATA_LINES_H_
