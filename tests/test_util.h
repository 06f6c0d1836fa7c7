// Helpers shared by the tests.
#ifndef PARALLAX_TESTS_TEST_UTIL_H_
#define PARALLAX_TESTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "parallax/analyze.h"

namespace parallax::testing {

inline std::string source_dir() { return PARALLAX_SOURCE_DIR; }
inline std::string cli_path() { return PARALLAX_CLI; }

// ../shared beside the project, or "" when absent.
inline std::string shared_dir() {
  std::filesystem::path p = std::filesystem::path(PARALLAX_SOURCE_DIR) / ".." / "shared";
  return std::filesystem::exists(p / "DESIGN.md") ? std::filesystem::canonical(p).string() : "";
}

#define PARALLAX_REQUIRE_SHARED(dir)                                                     \
  std::string dir = ::parallax::testing::shared_dir();                                  \
  if (dir.empty()) GTEST_SKIP() << "../shared is absent beside the project: skipped"

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One Analyzer for the whole test binary (loading WordNet takes a moment).
inline const analyze::Analyzer& analyzer() {
  static std::unique_ptr<analyze::Analyzer> a = [] {
    auto r = analyze::Analyzer::create();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return std::move(r).value();
  }();
  return *a;
}

// Runs a shell command, returns its exit code and fills `out` with its stdout.
inline int run_command(const std::string& cmd, std::string* out = nullptr) {
  std::string full = cmd;
  FILE* p = popen(full.c_str(), "r");
  if (!p) return -1;
  std::string s;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) s.append(buf, n);
  int rc = pclose(p);
  if (out) *out = s;
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace parallax::testing

#endif  // PARALLAX_TESTS_TEST_UTIL_H_
