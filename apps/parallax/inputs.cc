#include "inputs.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace parallax::cli {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

}  // namespace

bool article_file(const std::string& name) {
  std::string n = lower(name);
  if (ends_with(n, ".gz")) n.resize(n.size() - 3);
  for (const char* ext : {".jsonl", ".ndjson", ".txt", ".md", ".markdown", ".html", ".htm"})
    if (ends_with(n, ext)) return true;
  return false;
}

bool collection_input(const std::string& input) {
  std::error_code ec;
  if (input != "-" && fs::is_directory(input, ec)) return true;
  std::string n = lower(input);
  if (ends_with(n, ".gz")) n.resize(n.size() - 3);
  return ends_with(n, ".jsonl") || ends_with(n, ".ndjson");
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, std::vector<Status>& errors) {
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && article_file(it->path().filename().string()))
          found.push_back(it->path().string());
      }
      if (ec) errors.push_back(io_error(in + ": cannot list the folder: " + ec.message()));
      std::sort(found.begin(), found.end());
      if (found.empty() && !ec)
        errors.push_back(not_found(in + ": no article files (.jsonl, .txt, .md, .html) in the folder"));
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

}  // namespace parallax::cli
