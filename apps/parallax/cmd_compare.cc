// parallax compare FILE...: how 2 to 50 articles about one event differ.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parallax/analyze.h"
#include "parallax/compare.h"
#include "parallax/core.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "parallax/report.h"

namespace parallax::cli {
namespace {


void print_errors(const std::vector<Status>& errors) {
  for (const auto& e : errors) std::cerr << "parallax: error: " << e.message() << "\n";
}

int run_compare(const std::vector<std::string>& files, const std::string& format, bool no_color,
                const std::string& outlet) {
  ingest::Options in_opts;
  in_opts.outlet = outlet;
  in_opts.html = extract::read_page;
  ingest::Batch batch = ingest::read_paths(files, in_opts);
  for (auto& a : batch.articles) extract::clean(a);
  print_errors(batch.errors);
  if (batch.articles.size() < 2) {
    std::cerr << "parallax: compare needs at least 2 readable articles, got "
              << batch.articles.size() << "\n";
    return batch.errors.empty() ? 1 : 2;
  }
  if (batch.articles.size() > 50) {
    std::cerr << "parallax: compare takes at most 50 articles, got " << batch.articles.size() << "\n";
    return 2;
  }
  auto analyzer = analyze::Analyzer::create();
  if (!analyzer.ok()) {
    std::cerr << "parallax: error: " << analyzer.status().message() << "\n";
    return 2;
  }
  std::vector<Analysis> analyses;
  analyses.reserve(batch.articles.size());
  for (auto& a : batch.articles) {
    analyses.push_back((*analyzer)->analyze(a));
    if (a.language.empty()) a.language = analyses.back().language;
  }
  Comparison cmp = compare::compare(batch.articles, analyses, (*analyzer)->lexical());
  report::Input input{batch.articles, analyses, cmp, batch.errors};
  report::Options r_opts;
  r_opts.color = !no_color && format == "terminal" && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  std::string out;
  if (format == "json") out = report::json(input, r_opts);
  else if (format == "markdown") out = report::markdown(input, r_opts);
  else out = report::terminal(input, r_opts);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!out.empty() && out.back() != '\n') std::fputc('\n', stdout);
  return batch.errors.empty() ? 0 : 2;
}

}  // namespace


struct CompareArgs {
  std::vector<std::string> files;
  std::string format = "terminal";
  std::string outlet;
  bool no_color = false;
};

Runner add_compare_command(CLI::App& app) {
  auto args = std::make_shared<CompareArgs>();
  auto* cmd = app.add_subcommand("compare", "Compare 2 to 50 articles about one event");
  cmd->add_option("files", args->files, "Articles: .txt, .md, .jsonl, .html (also gzip-compressed), or - for standard input")->required();
  cmd->add_option("-f,--format", args->format, "terminal, markdown or json")
      ->check(CLI::IsMember({"terminal", "markdown", "json"}));
  cmd->add_option("--outlet", args->outlet, "Outlet name for inputs that name none");
  cmd->add_flag("--no-color", args->no_color, "Plain text even on a terminal");
  return [cmd, args]() -> int {
    if (!*cmd) return -1;
    return run_compare(args->files, args->format, args->no_color, args->outlet);
  };
}

}  // namespace parallax::cli
