// parallax extract FILE...: the article in each web page (text, Markdown or JSON).
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.h"
#include "parallax/core.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"

namespace parallax::cli {
namespace {

Result<std::string> read_input(const std::string& path) { return ingest::read_bytes(path); }

std::string as_text(const extract::Extraction& e) {
  const Article& a = e.article;
  std::string out;
  if (!a.title.empty()) out += a.title + "\n\n";
  out += a.text;
  out += "\n";
  return out;
}

std::string as_markdown(const extract::Extraction& e) {
  const Article& a = e.article;
  std::string out;
  if (!a.title.empty()) out += "# " + a.title + "\n\n";
  const size_t head = out.size();
  auto line = [&out](const char* label, const std::string& v) {
    if (!v.empty()) out += std::string("- ") + label + ": " + v + "\n";
  };
  std::string authors;
  for (const auto& au : a.authors) authors += (authors.empty() ? "" : ", ") + au;
  line("Authors", authors);
  line("Published", a.published);
  line("Modified", a.modified);
  line("Site", a.outlet);
  line("URL", !e.canonical_url.empty() ? e.canonical_url : a.url);
  line("Language", a.language);
  if (out.size() > head) out += "\n";
  for (const auto& p : a.paragraphs) {
    std::string_view t = p.span.of(a.text);
    switch (p.kind) {
      case BlockKind::kHeading:
        out += "## ";
        break;
      case BlockKind::kListItem:
        out += "- ";
        break;
      case BlockKind::kBlockQuote:
        out += "> ";
        break;
      default:
        break;
    }
    out.append(t);
    out += "\n\n";
  }
  return out;
}

std::string as_json(const extract::Extraction& e) {
  const Article& a = e.article;
  nlohmann::json j;
  j["id"] = a.id;
  j["source"] = a.source;
  j["url"] = a.url;
  j["canonical_url"] = e.canonical_url;
  j["title"] = a.title;
  j["authors"] = a.authors;
  j["published"] = a.published;
  j["modified"] = a.modified;
  j["site_name"] = a.outlet;
  j["language"] = a.language;
  j["description"] = a.description;
  j["image"] = a.image;
  j["encoding"] = e.encoding;
  nlohmann::json ps = nlohmann::json::array();
  for (const auto& p : a.paragraphs) {
    ps.push_back({{"text", std::string(p.span.of(a.text))}, {"kind", to_string(p.kind)}});
  }
  j["paragraphs"] = std::move(ps);
  j["text"] = a.text;
  j["warnings"] = e.warnings;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string url;
};

int run_extract(const ExtractArgs& args) {
  size_t failed = 0, done = 0;
  for (const auto& path : args.files) {
    auto bytes = read_input(path);
    if (!bytes.ok()) {
      std::cerr << "parallax: error: " << bytes.status().message() << "\n";
      ++failed;
      continue;
    }
    extract::HtmlOptions opts;
    opts.source = path;
    opts.url = args.url;
    auto ex = extract::extract_html(*bytes, opts);
    if (!ex.ok()) {
      std::cerr << "parallax: error: " << ex.status().message() << "\n";
      ++failed;
      continue;
    }
    std::string out = args.format == "json"       ? as_json(*ex)
                      : args.format == "markdown" ? as_markdown(*ex)
                                                  : as_text(*ex);
    if (done > 0 && args.format != "json") out.insert(0, "\n");
    std::fwrite(out.data(), 1, out.size(), stdout);
    ++done;
  }
  if (failed) {
    std::cerr << "parallax: " << failed << " of " << args.files.size() << " pages failed\n";
    return 2;
  }
  return 0;
}

}  // namespace

Runner add_extract_command(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  auto* cmd = app.add_subcommand("extract", "The article in web pages: main text and metadata");
  cmd->add_option("files", args->files, "HTML pages (.html, .html.gz, .gz) or - for standard input")
      ->required();
  cmd->add_option("-f,--format", args->format, "text, markdown or json (one object per line)")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--url", args->url,
                  "The page's URL (resolves relative links, names the article)");
  return [cmd, args]() -> int {
    if (!*cmd) return -1;
    return run_extract(*args);
  };
}

}  // namespace parallax::cli
