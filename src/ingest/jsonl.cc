// JSON Lines as news-please, trafilatura and newspaper4k write them.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "core/lines.h"
#include "ingest/ingest_internal.h"

namespace parallax::ingest::internal {

namespace {

using nlohmann::json;

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

// The first of `keys` that holds a non-empty string.
std::string string_field(const json& o, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = o.find(k);
    if (it != o.end() && it->is_string()) {
      std::string v = normalize_space(it->get_ref<const std::string&>());
      if (!v.empty()) return v;
    }
  }
  return {};
}

const char* type_name(const json& j) {
  switch (j.type()) {
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::null:
      return "null";
    default:
      return j.is_number() ? "a number" : "not an object";
  }
}

void read_line(std::string_view line, const std::string& where, const Options& options,
               Batch& out) {
  if (size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
    out.errors.push_back(
        invalid_input(where + ": invalid UTF-8 at byte " + std::to_string(bad) + " of the line"));
    return;
  }
  json o;
  try {
    o = json::parse(line);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at ...": the tag says nothing to a reader.
    if (auto close = what.find("] "); what.starts_with("[json.") && close != std::string::npos) {
      what = what.substr(close + 2);
    }
    out.errors.push_back(invalid_input(where + ": not a JSON object (" + what + ")"));
    return;
  }
  if (!o.is_object()) {
    out.errors.push_back(invalid_input(where + ": not a JSON object (" + type_name(o) + ")"));
    return;
  }

  const json* text = nullptr;
  for (const char* k : {"maintext", "text", "raw_text"}) {
    auto it = o.find(k);
    if (it != o.end() && it->is_string()) {
      text = &*it;
      if (!normalize_space(it->get_ref<const std::string&>()).empty()) break;
    }
  }
  if (!text) {
    out.errors.push_back(invalid_input(where + ": no text field (maintext, text or raw_text)"));
    return;
  }

  Article a;
  a.source = where;
  a.title = string_field(o, {"title", "headline"});
  a.url = string_field(o, {"url", "source_url", "link"});
  std::string outlet = string_field(o, {"source_domain", "sitename", "hostname", "outlet"});
  // trafilatura's "source" is the page URL; elsewhere it names the outlet.
  std::string src = string_field(o, {"source"});
  if (is_url(src)) {
    if (a.url.empty()) a.url = src;
  } else if (outlet.empty()) {
    outlet = src;
  }
  a.outlet = outlet;
  a.published = string_field(o, {"date_publish", "date", "published", "publish_date"});
  a.language = string_field(o, {"language", "lang"});
  if (auto it = o.find("authors"); it != o.end() && it->is_array()) {
    for (const auto& x : *it) {
      if (!x.is_string()) continue;
      std::string name = normalize_space(x.get_ref<const std::string&>());
      if (!name.empty()) a.authors.push_back(std::move(name));
    }
  } else if (std::string s = string_field(o, {"authors", "author"}); !s.empty()) {
    a.authors = split_authors(s);
  }
  if (auto it = o.find("id"); it != o.end()) {
    if (it->is_string()) {
      a.id = normalize_space(it->get_ref<const std::string&>());
    } else if (it->is_number_integer() || it->is_number_unsigned()) {
      a.id = it->dump();
    }
  }

  const std::string& body = text->get_ref<const std::string&>();
  std::string p;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string::npos) nl = body.size();
    p.clear();
    append_normalized_space(p, std::string_view(body).substr(pos, nl - pos));
    if (!p.empty()) a.add_paragraph(p);
    pos = nl + 1;
  }
  if (finish_article(a, options, out)) out.articles.push_back(std::move(a));
}

}  // namespace

void read_jsonl(std::string_view bytes, const std::string& source, const Options& options,
                Batch& out) {
  for_each_line(bytes, [&](std::string_view line, int number) {
    if (line.find_first_not_of(" \t\f\v") == std::string_view::npos) return;
    read_line(line, source + ":" + std::to_string(number), options, out);
  });
}

}  // namespace parallax::ingest::internal
