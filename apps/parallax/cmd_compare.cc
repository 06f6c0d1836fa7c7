// parallax compare INPUT...: how 2 to 50 articles about one event differ; or, given a
// folder or JSON Lines of mixed articles, the same story by story.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "grouping_options.h"
#include "inputs.h"
#include "parallax/analyze.h"
#include "parallax/cluster.h"
#include "parallax/compare.h"
#include "parallax/core.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "parallax/report.h"

namespace parallax::cli {
namespace {

constexpr size_t kMaxCompared = 50;

struct CompareArgs {
  std::vector<std::string> files;
  std::string format = "terminal";
  std::string outlet;
  std::string story;
  bool stories = false;
  bool no_color = false;
  GroupingFlags grouping;  // story by story only
};

void print_errors(const std::vector<Status>& errors) {
  for (const auto& e : errors) std::cerr << "parallax: error: " << e.message() << "\n";
}

// "The Daily Klaxon (3f2a...)": how a story header names an article.
std::string label(const Article& a) {
  return (a.outlet.empty() ? a.title : a.outlet) + " (" + a.id + ")";
}

void write(const std::string& out) {
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!out.empty() && out.back() != '\n') std::fputc('\n', stdout);
}

std::string render(const std::string& format, const report::Input& input,
                   const report::Options& options) {
  if (format == "json") return report::json(input, options);
  if (format == "markdown") return report::markdown(input, options);
  return report::terminal(input, options);
}

// One story to compare: its members (input indices, time order), those left out,
// and the near-copies among the compared.
struct Selection {
  const Story* story = nullptr;
  std::vector<size_t> compared;
  std::vector<std::pair<size_t, std::string>> left_out;  // input index, why
  std::vector<std::pair<size_t, size_t>> copies;         // compared copy, its original
};

// Originals first, up to kMaxCompared (the latest beyond it are left out), then
// near-copies while there is room: a reprint with a local paragraph still says what
// it added, but past the limit a copy is what can best be spared. `members` are the
// story's input indices in the order the grouping fed them (time order); so are the
// compared ones.
Selection select(const cluster::Grouping& g, const Story& story,
                 const std::vector<size_t>& members) {
  Selection sel;
  sel.story = &story;
  size_t originals = 0;
  for (size_t i : members) originals += g.duplicate_of[i] < 0;
  const size_t room_for_copies = kMaxCompared - std::min(originals, kMaxCompared);
  size_t kept_originals = 0, kept_copies = 0;
  for (size_t i : members) {
    if (g.duplicate_of[i] < 0) {
      if (kept_originals == kMaxCompared) {
        sel.left_out.emplace_back(i, "over the limit of 50 compared articles");
        continue;
      }
      ++kept_originals;
    } else {
      if (kept_copies == room_for_copies) {
        sel.left_out.emplace_back(i, "near-copy, over the limit of 50 compared articles");
        continue;
      }
      ++kept_copies;
      sel.copies.emplace_back(i, static_cast<size_t>(g.duplicate_of[i]));
    }
    sel.compared.push_back(i);
  }
  return sel;
}

int run_compare(const CompareArgs& args) {
  std::vector<Status> errors;
  const bool by_story = args.stories || !args.story.empty() ||
                        std::any_of(args.files.begin(), args.files.end(), collection_input);
  std::vector<std::string> paths = expand_inputs(args.files, errors);
  ingest::Options in_opts;
  in_opts.outlet = args.outlet;
  in_opts.html = extract::read_page;
  ingest::Batch batch = ingest::read_paths(paths, in_opts);
  errors.insert(errors.end(), batch.errors.begin(), batch.errors.end());
  for (auto& a : batch.articles) extract::clean(a);
  print_errors(errors);
  const size_t n = batch.articles.size();
  if (!by_story && n < 2) {
    std::cerr << "parallax: compare needs at least 2 readable articles, got " << n << "\n";
    return errors.empty() ? 1 : 2;
  }
  if (!by_story && n > kMaxCompared) {
    std::cerr << "parallax: compare takes at most 50 articles, got " << n
              << " (give a folder or JSON Lines, or --stories, to compare story by story)\n";
    return 2;
  }
  auto analyzer = analyze::Analyzer::create();
  if (!analyzer.ok()) {
    std::cerr << "parallax: error: " << analyzer.status().message() << "\n";
    return 2;
  }
  const analyze::Analyzer& an = **analyzer;
  report::Options r_opts;
  r_opts.color = !args.no_color && args.format == "terminal" && isatty(STDOUT_FILENO) &&
                 !std::getenv("NO_COLOR");
  const int rc_ok = errors.empty() ? 0 : 2;

  if (!by_story) {
    std::vector<Analysis> analyses;
    analyses.reserve(n);
    for (auto& a : batch.articles) {
      analyses.push_back(an.analyze(a));
      if (a.language.empty()) a.language = analyses.back().language;
    }
    Comparison cmp = compare::compare(batch.articles, analyses, an.lexical());
    write(render(args.format, report::Input{batch.articles, analyses, cmp, errors}, r_opts));
    return rc_ok;
  }

  // Story by story: group, then compare each story of two or more articles.
  cluster::Grouping g = cluster::group(batch.articles, args.grouping.resolve());
  std::vector<uint32_t> chosen;
  for (uint32_t s = 0; s < g.stories.size(); ++s)
    if (args.story.empty() ? g.stories[s].articles.size() >= 2 : g.stories[s].id == args.story)
      chosen.push_back(s);
  if (!args.story.empty() && chosen.empty()) {
    std::cerr << "parallax: no story " << args.story << " among the " << g.stories.size()
              << " stories of the input (parallax group lists them)\n";
    return 2;
  }
  const bool tty = isatty(STDERR_FILENO);
  report::StoriesJson json_stories;
  std::string text;
  const std::vector<Status> none;
  size_t done = 0;
  std::vector<std::vector<size_t>> members(g.stories.size());
  for (size_t i : g.order) members[g.story_of[i]].push_back(i);
  for (uint32_t s : chosen) {
    Selection sel = select(g, g.stories[s], members[s]);
    std::vector<Article> arts;
    std::vector<Analysis> analyses;
    for (size_t i : sel.compared) {
      arts.push_back(batch.articles[i]);
      analyses.push_back(an.analyze(arts.back()));
      if (arts.back().language.empty()) arts.back().language = analyses.back().language;
    }
    Comparison cmp;
    if (arts.size() >= 2) cmp = compare::compare(arts, analyses, an.lexical());
    report::Input input{arts, analyses, cmp, none};
    report::StoryHead head{*sel.story, sel.compared.size(), {}, {}, {}, {}};
    for (const auto& [i, o] : sel.copies) {
      head.near_copies.emplace_back(batch.articles[i].id, batch.articles[o].id);
      head.copy_labels.push_back(label(batch.articles[i]) + " of " + label(batch.articles[o]));
    }
    for (const auto& [i, why] : sel.left_out) {
      head.left_out.emplace_back(batch.articles[i].id, why);
      head.left_labels.push_back(label(batch.articles[i]) + " (" + why + ")");
    }
    if (args.format == "json") {
      json_stories.add(head, input, r_opts);
    } else {
      text += report::story_heading(head, args.format);
      text += arts.size() >= 2 ? render(args.format, input, r_opts)
                               : std::string("One article only: nothing to compare.\n");
      text += "\n";
    }
    ++done;
    if (tty && chosen.size() > 1)
      std::fprintf(stderr, "\r%zu/%zu stories compared", done, chosen.size());
    else if (chosen.size() >= 20 && (done % 20 == 0 || done == chosen.size()))
      std::fprintf(stderr, "parallax: compared %zu/%zu stories\n", done, chosen.size());
  }
  if (tty && chosen.size() > 1) std::fputc('\n', stderr);
  size_t singles = 0;
  for (const Story& st : g.stories) singles += st.articles.size() < 2;
  if (args.format == "json") {
    write(json_stories.finish(n, g.stories.size(), singles, errors));
  } else {
    if (args.story.empty()) {
      auto stories = [](size_t k) { return std::to_string(k) + (k == 1 ? " story" : " stories"); };
      text += stories(chosen.size()) + " of two or more articles compared; " + stories(singles) +
              " of one article (parallax group lists them).\n";
    }
    for (const Status& e : errors) text += "Input that failed: " + e.message() + "\n";
    write(text);
  }
  return chosen.empty() && errors.empty() ? 1 : rc_ok;
}

}  // namespace

Runner add_compare_command(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  auto* cmd = app.add_subcommand("compare",
                                 "Compare 2 to 50 articles about one event; a folder or JSON Lines "
                                 "of mixed articles story by story");
  cmd->add_option("files", args->files,
                  "Articles: .txt, .md, .jsonl, .html (also gzip-compressed), folders of them, or "
                  "- for standard input")
      ->required();
  cmd->add_option("-f,--format", args->format, "terminal, markdown or json")
      ->check(CLI::IsMember({"terminal", "markdown", "json"}));
  cmd->add_option("--outlet", args->outlet, "Outlet name for inputs that name none");
  cmd->add_flag(
      "--stories", args->stories,
      "Group the articles into stories and compare each (the default for folders and JSON Lines)");
  cmd->add_option("--story", args->story, "Compare only this story (an id from parallax group)");
  cmd->add_flag("--no-color", args->no_color, "Plain text even on a terminal");
  add_grouping_options(cmd, args->grouping);
  return [cmd, args]() -> int {
    if (!*cmd) return -1;
    return run_compare(*args);
  };
}

}  // namespace parallax::cli
