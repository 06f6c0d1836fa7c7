// parallax/report.h: a comparison as text for a person or a program.
//
// Contract: pure formatting of what compare returned; no analysis here.
// - terminal: readable in a minute; optional ANSI colour; wraps to `width`.
// - markdown: the same content as Markdown tables and lists.
// - json: everything, with byte offsets into each article's text;
//   "schema": "parallax.compare/1" (documented in docs/compare-schema.md).
// Thread-safe. Cost: linear in the size of the comparison.
#ifndef PARALLAX_REPORT_H_
#define PARALLAX_REPORT_H_

#include <string>
#include <vector>

#include "parallax/core.h"

namespace parallax::report {

struct Options {
  bool color = false;
  int width = 100;
  size_t max_facts = 12;        // per section in terminal/markdown; JSON has all
  size_t max_spans = 5;         // strongest framing spans shown per article
};

// Everything a report needs, by reference.
struct Input {
  const std::vector<Article>& articles;
  const std::vector<Analysis>& analyses;
  const Comparison& comparison;
  const std::vector<Status>& errors;   // inputs that failed, listed at the end
};

std::string terminal(const Input& in, const Options& options = {});
std::string markdown(const Input& in, const Options& options = {});
std::string json(const Input& in, const Options& options = {});

}  // namespace parallax::report

#endif  // PARALLAX_REPORT_H_
