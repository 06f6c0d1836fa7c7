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

#include <memory>
#include <string>
#include <utility>
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

// ---------------------------------------------------------------------------
// Story by story: a folder or stream of mixed articles, one comparison per story.
// ---------------------------------------------------------------------------

// What a story's report says of its members besides the comparison itself.
struct StoryHead {
  const Story& story;
  size_t compared = 0;  // articles compared
  std::vector<std::pair<std::string, std::string>> near_copies;  // (article id, id it copies)
  std::vector<std::pair<std::string, std::string>> left_out;     // (article id, why)
  std::vector<std::string> copy_labels;  // "Outlet (id) of Outlet (id)", for text reports
  std::vector<std::string> left_labels;  // "Outlet (id) (why)", for text reports
};

// The heading and notes of one story before its comparison, in `format` ("terminal"
// or "markdown").
std::string story_heading(const StoryHead& head, const std::string& format);

// Builds the "parallax.stories/1" document (docs/compare-schema.md) one story at a time,
// so only one comparison is held in memory as JSON values at once, never as text.
class StoriesJson {
 public:
  StoriesJson();
  ~StoriesJson();
  StoriesJson(const StoriesJson&) = delete;
  StoriesJson& operator=(const StoriesJson&) = delete;
  void add(const StoryHead& head, const Input& in, const Options& options = {});
  std::string finish(size_t articles, size_t stories_in_input, size_t single_article_stories,
                     const std::vector<Status>& errors);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parallax::report

#endif  // PARALLAX_REPORT_H_
