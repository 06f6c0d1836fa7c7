// parallax eval extraction DIR: scores the HTML extractor on an evaluation set.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "parallax/eval.h"

namespace parallax::cli {
namespace {

struct EvalArgs {
  std::string dir;
  std::string predictions;
  std::string format = "text";
};

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

std::string text_report(const eval::ExtractionReport& r) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%s set: %zu pages, %zu failed\n\n", r.set.c_str(), r.pages, r.failed);
  out += line;
  if (r.set == "zyte") {
    std::snprintf(line, sizeof line, "%-22s %9s %9s %9s %10s\n", "system", "F1", "precision", "recall", "published");
    out += line;
    std::vector<std::pair<std::string, eval::PeerScore>> rows;
    eval::PeerScore us{"parallax", r.ours, ""};
    bool placed = false;
    for (const auto& p : r.peers) {
      if (!placed && r.ours.f1 >= p.score.f1) {
        rows.emplace_back("parallax", us);
        placed = true;
      }
      rows.emplace_back(p.name, p);
    }
    if (!placed) rows.emplace_back("parallax", us);
    for (const auto& [name, p] : rows) {
      std::snprintf(line, sizeof line, "%-22s %9s %9s %9s %10s\n", (name == "parallax" ? "* parallax" : name.c_str()),
                    fmt(p.score.f1).c_str(), fmt(p.score.precision).c_str(), fmt(p.score.recall).c_str(),
                    p.published.empty() ? "-" : p.published.c_str());
      out += line;
    }
  } else {
    std::snprintf(line, sizeof line, "snippets: F1 %s  precision %s  recall %s  (tp %zu fn %zu fp %zu tn %zu)\n",
                  fmt(r.ours.f1).c_str(), fmt(r.ours.precision).c_str(), fmt(r.ours.recall).c_str(), r.snippets.tp,
                  r.snippets.fn, r.snippets.fp, r.snippets.tn);
    out += line;
    std::snprintf(line, sizeof line, "title accuracy  %s on %zu pages\nauthor accuracy %s on %zu pages\ndate accuracy   %s on %zu pages\n",
                  fmt(r.title_accuracy()).c_str(), r.title_pages, fmt(r.author_accuracy()).c_str(), r.author_pages,
                  fmt(r.date_accuracy()).c_str(), r.date_pages);
    out += line;
    if (!r.published.empty()) {
      out += "\npublished F1 (README):";
      bool first = true;
      for (const auto& [name, score] : r.published) {
        out += (first ? " " : ", ") + name + " " + score;
        first = false;
      }
      out += "\n";
    }
  }
  std::snprintf(line, sizeof line,
                "\nspeed (extract_html, one thread): %.1f MB/s of HTML by CPU time (%.2f s for %.1f MB), "
                "%.1f MB/s and %.1f pages/s by wall clock\n",
                r.cpu_mb_per_second(), r.cpu_seconds, r.html_bytes / 1e6, r.mb_per_second(), r.pages_per_second());
  out += line;
  return out;
}

std::string json_report(const eval::ExtractionReport& r) {
  nlohmann::json j;
  j["set"] = r.set;
  j["pages"] = r.pages;
  j["failed"] = r.failed;
  j["f1"] = r.ours.f1;
  j["precision"] = r.ours.precision;
  j["recall"] = r.ours.recall;
  if (r.set == "trafilatura") {
    j["title_accuracy"] = r.title_accuracy();
    j["author_accuracy"] = r.author_accuracy();
    j["date_accuracy"] = r.date_accuracy();
  } else {
    nlohmann::json peers = nlohmann::json::object();
    for (const auto& p : r.peers) {
      peers[p.name] = {{"f1", p.score.f1}, {"precision", p.score.precision}, {"recall", p.score.recall}};
      if (!p.published.empty()) peers[p.name]["published_f1"] = std::stod(p.published);
    }
    j["peers"] = std::move(peers);
  }
  nlohmann::json pub = nlohmann::json::object();
  for (const auto& [name, score] : r.published) pub[name] = std::stod(score);
  j["published"] = std::move(pub);
  j["pages_per_second"] = r.pages_per_second();
  j["mb_per_second"] = r.mb_per_second();
  j["cpu_mb_per_second"] = r.cpu_mb_per_second();
  return j.dump(2) + "\n";
}

int run_eval(const EvalArgs& args) {
  eval::ExtractionOptions opts;
  opts.keep_predictions = !args.predictions.empty();
  bool tty = isatty(STDERR_FILENO);
  opts.progress = [tty](size_t done, size_t total) {
    if (tty) {
      std::fprintf(stderr, "\r%zu/%zu pages", done, total);
      if (done == total) std::fputc('\n', stderr);
    } else if (done % 50 == 0 || done == total) {
      std::fprintf(stderr, "parallax: %zu/%zu pages\n", done, total);
    }
  };
  auto rep = eval::evaluate_extraction(args.dir, opts);
  if (!rep.ok()) {
    std::cerr << "parallax: error: " << rep.status().message() << "\n";
    return 2;
  }
  if (!args.predictions.empty()) {
    std::ofstream out(args.predictions, std::ios::binary);
    if (!out) {
      std::cerr << "parallax: error: " << args.predictions << ": cannot write\n";
      return 2;
    }
    for (const auto& p : rep->predictions) {
      nlohmann::json j = {{"id", p.id}, {"body", p.body}, {"title", p.title}, {"authors", p.authors},
                          {"published", p.published}};
      if (!p.error.empty()) j["error"] = p.error;
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  std::string out = args.format == "json" ? json_report(*rep) : text_report(*rep);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

Runner add_eval_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  auto* cmd = app.add_subcommand("eval", "Score Parallax on an evaluation set");
  cmd->require_subcommand(1);
  auto* ex = cmd->add_subcommand("extraction", "HTML article extraction (zyte or trafilatura layout)");
  ex->add_option("dir", args->dir, "The set's folder (pages/, truth.jsonl)")->required();
  ex->add_option("--write-predictions", args->predictions, "Write one JSON line per page to FILE");
  ex->add_option("-f,--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [cmd, ex, args]() -> int {
    if (!*cmd) return -1;
    if (!*ex) return 2;
    return run_eval(*args);
  };
}

}  // namespace parallax::cli
