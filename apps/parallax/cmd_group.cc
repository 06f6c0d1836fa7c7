// parallax group FILE...|DIR: groups articles into stories.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "grouping_options.h"
#include "inputs.h"
#include "parallax/cluster.h"
#include "parallax/core.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"

namespace parallax::cli {
namespace {

struct GroupArgs {
  std::vector<std::string> inputs;
  std::string format = "tsv";
  std::string outlet;
  GroupingFlags grouping;
};

std::string to_json(const std::vector<Article>& articles, const cluster::Grouping& g) {
  using nlohmann::json;
  std::vector<std::vector<size_t>> members(g.stories.size());
  for (size_t i : g.order) members[g.story_of[i]].push_back(i);
  json stories = json::array();
  for (size_t s = 0; s < g.stories.size(); ++s) {
    const Story& st = g.stories[s];
    json m = json::array();
    for (size_t i : members[s]) {
      const Article& a = articles[i];
      json j = {{"id", a.id}, {"outlet", a.outlet}, {"title", a.title}, {"published", a.published}};
      if (g.duplicate_of[i] >= 0) j["duplicate_of"] = articles[static_cast<size_t>(g.duplicate_of[i])].id;
      m.push_back(std::move(j));
    }
    stories.push_back({{"id", st.id},
                       {"label", st.label},
                       {"first_published", st.first_published},
                       {"last_published", st.last_published},
                       {"key_entities", st.key_entities},
                       {"members", std::move(m)}});
  }
  json out = {{"schema", "parallax.group/1"}, {"stories", std::move(stories)}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

int run_group(const GroupArgs& args) {
  std::vector<Status> errors;
  std::vector<std::string> paths = expand_inputs(args.inputs, errors);
  ingest::Options in_opts;
  in_opts.outlet = args.outlet;
  in_opts.html = extract::read_page;
  ingest::Batch batch = ingest::read_paths(paths, in_opts);
  errors.insert(errors.end(), batch.errors.begin(), batch.errors.end());
  for (const auto& e : errors) std::cerr << "parallax: error: " << e.message() << "\n";
  if (batch.articles.empty()) {
    std::cerr << "parallax: group: no readable articles\n";
    return errors.empty() ? 1 : 2;
  }
  const bool tty = isatty(STDERR_FILENO);
  const size_t total = batch.articles.size();
  auto progress = [tty, total](size_t done, size_t all) {
    if (all < 20000) return;  // short runs say nothing
    if (tty) {
      std::fprintf(stderr, "\r%zu/%zu articles", done, all);
      if (done == all) std::fputc('\n', stderr);
    } else if (done % 10000 == 0 || done == all) {
      std::fprintf(stderr, "parallax: grouped %zu/%zu articles\n", done, all);
    }
    (void)total;
  };
  cluster::Grouping g = cluster::group(batch.articles, args.grouping.resolve(), progress);
  std::string out;
  if (args.format == "json") {
    out = to_json(batch.articles, g);
  } else {
    out.reserve(batch.articles.size() * 40);
    for (size_t i : g.order) {
      out += batch.articles[i].id;
      out += '\t';
      out += g.stories[g.story_of[i]].id;
      out += '\n';
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return errors.empty() ? 0 : 2;
}

}  // namespace

Runner add_group_command(CLI::App& app) {
  auto args = std::make_shared<GroupArgs>();
  auto* cmd = app.add_subcommand("group", "Group articles into stories (one event each)");
  cmd->add_option("inputs", args->inputs, "Article files (.jsonl, .txt, .md, .html, also gzip-compressed), folders of them, or - for standard input")
      ->required();
  cmd->add_option("-f,--format", args->format, "tsv (article_id TAB story_id) or json")
      ->check(CLI::IsMember({"tsv", "json"}));
  cmd->add_option("--outlet", args->outlet, "Outlet name for inputs that name none");
  add_grouping_options(cmd, args->grouping);
  return [cmd, args]() -> int {
    if (!*cmd) return -1;
    return run_group(*args);
  };
}

}  // namespace parallax::cli
