#include "input_files.h"

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <system_error>

namespace annalist::cli {

namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsArticleFileName(std::string_view name) {
  if (EndsWith(name, ".gz")) name.remove_suffix(3);
  for (std::string_view suffix : {".jsonl", ".ndjson", ".txt", ".html", ".htm", ".xhtml"}) {
    if (EndsWith(name, suffix)) return true;
  }
  return false;
}

void ExpandDirectory(const std::string& root, std::vector<std::string>* files, std::vector<InputProblem>* problems) {
  std::vector<std::string> found;
  std::error_code error;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, error), end;
  if (error) {
    problems->push_back({root, "cannot read the directory: " + error.message(), true});
    return;
  }
  for (; it != end; it.increment(error)) {
    if (error) {
      problems->push_back({root, "cannot read the directory: " + error.message(), true});
      return;
    }
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(error)) continue;
    if (!IsArticleFileName(name)) {
      problems->push_back({path.string(), "skipped: not an article file (.jsonl .ndjson .txt .html .htm, or .gz of these)",
                           false});
      continue;
    }
    found.push_back(path.string());
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

}  // namespace

void ExpandInputs(const std::vector<std::string>& arguments, std::vector<std::string>* files,
                  std::vector<InputProblem>* problems) {
  for (const std::string& argument : arguments) {
    std::error_code error;
    if (argument != "-" && fs::is_directory(argument, error)) {
      ExpandDirectory(argument, files, problems);
    } else {
      files->push_back(argument);
    }
  }
}

}  // namespace annalist::cli
