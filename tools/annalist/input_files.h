// The input list of `annalist code`: FILE arguments with directories expanded.
//
// A directory is read recursively in sorted order (byte order of the path, the same on
// every machine and file system), taking the files whose names say they are articles
// (.jsonl .ndjson .txt .html .htm .xhtml, each optionally .gz); hidden entries (".name")
// are left out; any other file is reported with a warning and skipped. A FILE named
// directly is always read (its kind then comes from its content). "-" is stdin.
#ifndef ANNALIST_TOOLS_INPUT_FILES_H_
#define ANNALIST_TOOLS_INPUT_FILES_H_

#include <string>
#include <vector>

namespace annalist::cli {

struct InputProblem {
  std::string path;
  std::string message;
  bool error = false;  // true: the directory could not be read (an I/O error); false: skipped file
};

// Expands `arguments` into *files, in order; problems are appended to *problems.
void ExpandInputs(const std::vector<std::string>& arguments, std::vector<std::string>* files,
                  std::vector<InputProblem>* problems);

}  // namespace annalist::cli

#endif  // ANNALIST_TOOLS_INPUT_FILES_H_
