// Scoring quote attribution on a brat-annotated set (see parallax/eval_attribution.h).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "bias.h"
#include "parallax/analyze.h"
#include "parallax/eval_attribution.h"

namespace parallax::eval {

namespace fs = std::filesystem;

namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "T12", "E3", "#1": a brat annotation id.
bool is_annotation_id(std::string_view s) {
  if (s.size() < 2) return false;
  char c = s[0];
  if (c != 'T' && c != 'E' && c != 'A' && c != 'R' && c != 'N' && c != 'M' && c != '#')
    return false;
  return is_digits(s.substr(1));
}

// F1 is 1 when there is nothing to find and nothing was found.
Prf make_prf(double p, double r, bool both_empty) { return both_empty ? Prf{p, r, 1} : with_f1(p, r); }

bool strip_cp(UChar32 c) {
  return c < 0 || u_isUWhiteSpace(c) || u_ispunct(c) ||
         u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK);
}

// Spans trimmed, empty ones dropped, sorted and distinct.
std::vector<Span> clean_spans(std::string_view text, const std::vector<Span>& spans) {
  std::vector<Span> out;
  out.reserve(spans.size());
  for (const Span& s : spans) {
    Span t = trim_attribution_span(text, s);
    if (!t.empty()) out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const Span& a, const Span& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string read_file_or_empty(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace

Result<std::vector<BratSpan>> parse_brat(std::string_view ann, const std::string& name) {
  std::vector<BratSpan> out;
  size_t line_no = 0;
  bool after_t = false;
  size_t pos = 0;
  while (pos <= ann.size()) {
    size_t nl = ann.find('\n', pos);
    if (nl == std::string_view::npos) nl = ann.size();
    std::string_view line = ann.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto bad = [&](const std::string& why) {
      return invalid_input(name + ":" + std::to_string(line_no) + ": " + why);
    };
    if (line.empty()) {
      if (nl == ann.size()) break;
      continue;
    }
    size_t tab = line.find('\t');
    std::string_view id = line.substr(0, tab);
    if (tab == std::string_view::npos || !is_annotation_id(id)) {
      // brat keeps a span's text on its line; text holding a line break spills over.
      if (after_t) continue;
      return bad("not a brat annotation line");
    }
    after_t = false;
    if (id[0] != 'T') continue;
    std::string_view rest = line.substr(tab + 1);
    size_t tab2 = rest.find('\t');
    std::string_view body = rest.substr(0, tab2);
    size_t sp = body.find(' ');
    if (sp == std::string_view::npos || sp == 0) return bad("expected TYPE START END after the id");
    BratSpan b;
    b.id = std::string(id);
    b.type = std::string(body.substr(0, sp));
    std::string_view offsets = body.substr(sp + 1);
    bool first = true;
    size_t p = 0;
    while (p <= offsets.size()) {
      size_t semi = offsets.find(';', p);
      if (semi == std::string_view::npos) semi = offsets.size();
      std::string_view frag = offsets.substr(p, semi - p);
      size_t gap = frag.find(' ');
      if (gap == std::string_view::npos) return bad("expected START END offsets");
      std::string_view sb = frag.substr(0, gap), se = frag.substr(gap + 1);
      if (!is_digits(sb) || !is_digits(se) || sb.size() > 9 || se.size() > 9)
        return bad("offsets are not numbers");
      uint32_t begin = static_cast<uint32_t>(std::stoul(std::string(sb)));
      uint32_t end = static_cast<uint32_t>(std::stoul(std::string(se)));
      if (begin > end) return bad("a span starts after its end");
      if (first) {
        b.span = {begin, end};
        first = false;
      } else {
        b.span.begin = std::min(b.span.begin, begin);
        b.span.end = std::max(b.span.end, end);
      }
      p = semi + 1;
    }
    out.push_back(std::move(b));
    after_t = true;
  }
  return out;
}

Span trim_attribution_span(std::string_view text, Span s) {
  if (s.end > text.size()) s.end = static_cast<uint32_t>(text.size());
  if (s.begin >= s.end) return {s.begin, s.begin};
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  while (s.begin < s.end) {
    int32_t i = static_cast<int32_t>(s.begin);
    UChar32 c;
    U8_NEXT(bytes, i, static_cast<int32_t>(s.end), c);
    if (!strip_cp(c)) break;
    s.begin = static_cast<uint32_t>(i);
  }
  while (s.end > s.begin) {
    int32_t j = static_cast<int32_t>(s.end);
    UChar32 c;
    U8_PREV(bytes, static_cast<int32_t>(s.begin), j, c);
    if (!strip_cp(c)) break;
    s.end = static_cast<uint32_t>(j);
  }
  return s;
}

void add_matches(std::string_view text, const std::vector<Span>& predicted,
                 const std::vector<Span>& gold, MatchCounts& counts) {
  std::vector<Span> p = clean_spans(text, predicted), g = clean_spans(text, gold);
  counts.predicted += p.size();
  counts.gold += g.size();
  // Both lists are sorted and distinct: exact matches by binary search.
  auto less = [](const Span& a, const Span& b) {
    return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
  };
  for (const Span& s : p) counts.exact_ours += std::binary_search(g.begin(), g.end(), s, less);
  for (const Span& s : g) counts.exact_gold += std::binary_search(p.begin(), p.end(), s, less);
  // Greedy one-to-one by overlap: a few dozen spans per article, so all pairs.
  struct Pair {
    uint32_t overlap;
    uint32_t gi, pi;
  };
  std::vector<Pair> pairs;
  for (uint32_t gi = 0; gi < g.size(); ++gi) {
    for (uint32_t pi = 0; pi < p.size(); ++pi) {
      uint32_t lo = std::max(g[gi].begin, p[pi].begin), hi = std::min(g[gi].end, p[pi].end);
      if (hi > lo) pairs.push_back({hi - lo, gi, pi});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
    return std::tie(b.overlap, a.gi, a.pi) < std::tie(a.overlap, b.gi, b.pi);
  });
  std::vector<bool> g_used(g.size()), p_used(p.size());
  for (const Pair& pr : pairs) {
    if (g_used[pr.gi] || p_used[pr.pi]) continue;
    g_used[pr.gi] = p_used[pr.pi] = true;
    ++counts.overlap;
  }
}

Prf exact_prf(const MatchCounts& c) {
  double p = c.predicted ? static_cast<double>(c.exact_ours) / c.predicted : 0;
  double r = c.gold ? static_cast<double>(c.exact_gold) / c.gold : 0;
  return make_prf(p, r, c.predicted == 0 && c.gold == 0);
}

Prf overlap_prf(const MatchCounts& c) {
  double p = c.predicted ? static_cast<double>(c.overlap) / c.predicted : 0;
  double r = c.gold ? static_cast<double>(c.overlap) / c.gold : 0;
  return make_prf(p, r, c.predicted == 0 && c.gold == 0);
}

Result<AttributionReport> evaluate_attribution(const std::string& dir) {
  const fs::path root = set_root(dir);
  const fs::path text_dir = root / "text";
  const fs::path ann_dir = root / "attributions";
  if (!fs::is_directory(text_dir)) {
    return not_found(text_dir.string() +
                     ": no such folder (an attribution set needs text/ and attributions/)");
  }
  if (!fs::is_directory(ann_dir)) {
    return not_found(ann_dir.string() +
                     ": no such folder (an attribution set needs text/ and attributions/)");
  }

  // Article name -> its annotation files, in name order.
  std::map<std::string, std::vector<fs::path>> ann_files;
  for (const auto& entry : fs::directory_iterator(ann_dir)) {
    std::string file = entry.path().filename().string();
    if (!file.ends_with(".ann")) continue;
    size_t us = file.rfind('_');
    if (us == std::string::npos || us == 0) continue;
    ann_files[file.substr(0, us)].push_back(entry.path());
  }
  for (auto& [name, files] : ann_files) std::sort(files.begin(), files.end());
  std::vector<std::pair<std::string, fs::path>> texts;
  for (const auto& entry : fs::directory_iterator(text_dir)) {
    std::string file = entry.path().filename().string();
    if (file.ends_with(".txt")) texts.emplace_back(file.substr(0, file.size() - 4), entry.path());
  }
  std::sort(texts.begin(), texts.end());

  auto analyzer = analyze::Analyzer::create();
  if (!analyzer.ok()) return analyzer.status();

  AttributionReport rep;
  rep.set = root.filename().string();
  for (const auto& [name, text_path] : texts) {
    auto it = ann_files.find(name);
    if (it == ann_files.end()) {
      ++rep.unannotated;
      continue;
    }
    // The first annotator's file by name that holds annotations.
    std::string ann;
    fs::path ann_path;
    for (const fs::path& p : it->second) {
      ann = read_file_or_empty(p);
      if (ann.find_first_not_of(" \t\r\n") != std::string::npos) {
        ann_path = p;
        break;
      }
    }
    if (ann_path.empty()) {
      ++rep.unannotated;
      continue;
    }
    auto spans = parse_brat(ann, ann_path.string());
    if (!spans.ok()) {
      ++rep.failed;
      rep.errors.push_back(spans.status().message());
      continue;
    }
    std::ifstream f(text_path, std::ios::binary);
    if (!f) {
      ++rep.failed;
      rep.errors.push_back(text_path.string() + ": unreadable");
      continue;
    }
    std::stringstream buf;
    buf << f.rdbuf();
    const std::string text = buf.str();
    OffsetMap offsets(text);
    std::vector<Span> gold_cue, gold_source, gold_content;
    bool out_of_range = false;
    for (const BratSpan& b : *spans) {
      if (b.span.end > offsets.code_points()) {
        out_of_range = true;
        break;
      }
      Span bytes{offsets.to_byte(b.span.begin), offsets.to_byte(b.span.end)};
      if (b.type == "Cue")
        gold_cue.push_back(bytes);
      else if (b.type == "Source")
        gold_source.push_back(bytes);
      else if (b.type == "Content")
        gold_content.push_back(bytes);
    }
    if (out_of_range) {
      ++rep.failed;
      rep.errors.push_back(ann_path.string() + ": a span ends past the end of " +
                           text_path.string());
      continue;
    }

    ++rep.articles;
    rep.bytes += text.size();
    const auto t0 = std::chrono::steady_clock::now();
    Analysis a = (*analyzer)->analyze_text(text, "en");
    rep.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    // An attribution in parts (Quote::continues) is scored as one, its content from the
    // first part's start to the last part's end: the way a discontinuous gold span is
    // read (parse_brat).
    std::vector<Span> cue, source, content;
    std::vector<Span> whole(a.quotes.size());
    for (size_t i = 0; i < a.quotes.size(); ++i) {
      const Quote& q = a.quotes[i];
      if (!q.cue.empty()) cue.push_back(q.cue);
      if (!q.speaker_span.empty()) source.push_back(q.speaker_span);
      const size_t root =
          q.continues >= 0 && static_cast<size_t>(q.continues) < i ? q.continues : i;
      if (q.content.empty()) continue;
      Span& w = whole[root];
      w = w.empty() ? q.content
                    : Span{std::min(w.begin, q.content.begin), std::max(w.end, q.content.end)};
    }
    for (const Span& w : whole)
      if (!w.empty()) content.push_back(w);
    add_matches(text, cue, gold_cue, rep.cue.counts);
    add_matches(text, source, gold_source, rep.source.counts);
    add_matches(text, content, gold_content, rep.content.counts);
  }
  if (rep.articles == 0 && rep.failed == 0) {
    return invalid_input(root.string() +
                         ": no article in text/ has a non-empty .ann file in attributions/");
  }
  for (RoleScore* r : {&rep.cue, &rep.source, &rep.content}) {
    r->exact = exact_prf(r->counts);
    r->overlap = overlap_prf(r->counts);
  }
  rep.published = published_paragraph(root / "README.md");
  if (rep.published.empty())
    rep.published = published_paragraph(fs::absolute(root).parent_path() / "README.md");
  return rep;
}

}  // namespace parallax::eval
