// Scoring framing spans on a propaganda-techniques set with the span-identification
// metric of SemEval-2020 Task 11 (see parallax/eval.h).
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "bias.h"
#include "parallax/analyze.h"
#include "parallax/eval.h"

namespace parallax::eval {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLoadedLanguage = "Loaded_Language";
constexpr std::string_view kNameCalling = "Name_Calling,Labeling";

// Length of the UTF-8 sequence a lead byte starts, 1 for an invalid byte; the
// following bytes must be continuation bytes or the lead byte stands alone.
size_t sequence_length(std::string_view text, size_t i) {
  unsigned char c = text[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + n > text.size()) return 1;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

// F1 is 1 when there is nothing to find and nothing was found.
Prf make_prf(double p, double r, bool both_empty) { return both_empty ? Prf{p, r, 1} : with_f1(p, r); }

// Token index of the word starting at / ending at a byte offset, or npos.
size_t token_at(const std::vector<Token>& tokens, uint32_t begin) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), begin,
                             [](const Token& t, uint32_t b) { return t.span.begin < b; });
  return it != tokens.end() && it->span.begin == begin ? static_cast<size_t>(it - tokens.begin()) : std::string::npos;
}

// Whether tokens a and b (either order) stand next to each other in one sentence,
// joined by one space.
bool joined(std::string_view text, const std::vector<Token>& tokens, size_t a, size_t b) {
  const Token& left = tokens[std::min(a, b)];
  const Token& right = tokens[std::max(a, b)];
  return left.sentence == right.sentence && right.span.begin == left.span.end + 1 && text[left.span.end] == ' ';
}

// A content word joined to its neighbour by one space: part of the same phrase.
bool phrase_word(std::string_view text, const std::vector<Token>& tokens, size_t a, size_t b) {
  const Token& t = tokens[b];
  return t.is_word && !t.is_stop && !t.is_number && joined(text, tokens, a, b);
}

// An adverb right before an evaluative word grades it and is part of its phrase
// ("criminally reckless", "thoroughly scandalized", "so absurd"): a degree word of the
// closed class, or a lower-case word in -ly that is not one of the common nouns and
// adjectives ending so.
bool grading_adverb(std::string_view text, const std::vector<Token>& tokens, size_t a, size_t b) {
  static constexpr std::string_view kDegree[] = {"so", "too", "quite", "rather"};
  static constexpr std::string_view kNotAdverbs[] = {
      "family",  "ally",     "rally",  "supply", "reply",   "assembly", "belly",  "bully",
      "folly",   "early",    "daily",  "weekly", "monthly", "yearly",   "likely", "holy",
      "elderly", "friendly", "costly", "lonely", "lovely",  "ugly",     "silly"};
  const Token& t = tokens[b];
  if (!t.is_word || t.is_number || t.capitalized || !joined(text, tokens, a, b)) return false;
  if (std::find(std::begin(kDegree), std::end(kDegree), t.norm) != std::end(kDegree)) return true;
  return t.norm.size() >= 5 && t.norm.ends_with("ly") &&
         std::find(std::begin(kNotAdverbs), std::end(kNotAdverbs), t.norm) == std::end(kNotAdverbs);
}

}  // namespace

Span phrase_span(std::string_view text, const Analysis& analysis, const FramingSpan& f) {
  const auto& tokens = analysis.tokens;
  size_t first = token_at(tokens, f.span.begin);
  if (first == std::string::npos) return f.span;
  size_t last = first;
  while (last + 1 < tokens.size() && tokens[last].span.end < f.span.end) ++last;
  if (tokens[last].span.end != f.span.end) return f.span;
  if (f.category == FrameCategory::kLabel && first > 0 && phrase_word(text, tokens, first, first - 1)) --first;
  if (last + 1 < tokens.size() && phrase_word(text, tokens, last, last + 1)) ++last;
  while (first > 0 && grading_adverb(text, tokens, first, first - 1)) --first;
  return {tokens[first].span.begin, tokens[last].span.end};
}

OffsetMap::OffsetMap(std::string_view text) {
  cps_.assign(text.size() + 1, 0);
  bytes_.reserve(text.size() + 1);
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = sequence_length(text, i);
    bytes_.push_back(static_cast<uint32_t>(i));
    for (size_t k = 0; k < n; ++k) cps_[i + k] = cp;
    i += n;
    ++cp;
  }
  cps_[text.size()] = cp;
  bytes_.push_back(static_cast<uint32_t>(text.size()));
}

uint32_t OffsetMap::to_code_point(uint32_t byte) const {
  return byte < cps_.size() ? cps_[byte] : cps_.back();
}

uint32_t OffsetMap::to_byte(uint32_t cp) const { return cp < bytes_.size() ? bytes_[cp] : bytes_.back(); }

uint32_t byte_to_code_point(std::string_view text, uint32_t byte) {
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = sequence_length(text, i);
    if (byte < i + n) return cp;
    i += n;
    ++cp;
  }
  return cp;
}

uint32_t code_point_to_byte(std::string_view text, uint32_t cp) {
  size_t i = 0;
  for (uint32_t c = 0; c < cp && i < text.size(); ++c) i += sequence_length(text, i);
  return static_cast<uint32_t>(i);
}

std::vector<Span> merge_overlapping(std::vector<Span> spans) {
  std::erase_if(spans, [](const Span& s) { return s.empty(); });
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::vector<Span> out;
  for (const Span& s : spans) {
    // The scorer's sets of offsets overlap only when they share an offset.
    if (!out.empty() && s.begin < out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

void add_span_scores(const std::vector<Span>& predicted, const std::vector<Span>& gold, SpanSums& sums) {
  std::vector<Span> p = merge_overlapping(predicted), g = merge_overlapping(gold);
  sums.predicted += p.size();
  sums.gold += g.size();
  for (const Span& a : p) {
    for (const Span& b : g) {
      uint32_t lo = std::max(a.begin, b.begin), hi = std::min(a.end, b.end);
      if (hi <= lo) continue;
      double inter = hi - lo;
      sums.precision_sum += inter / a.size();
      sums.recall_sum += inter / b.size();
    }
  }
}

Prf span_prf(const SpanSums& s) {
  double p = s.predicted ? s.precision_sum / static_cast<double>(s.predicted) : 0;
  double r = s.gold ? s.recall_sum / static_cast<double>(s.gold) : 0;
  return make_prf(p, r, s.predicted == 0 && s.gold == 0);
}

std::string_view framing_technique(FrameCategory category) {
  switch (category) {
    case FrameCategory::kLabel:
      return kNameCalling;
    case FrameCategory::kLoaded:
    case FrameCategory::kIntensifier:
      return kLoadedLanguage;
    case FrameCategory::kHedge:
    case FrameCategory::kOpinion:
      return "";
  }
  return "";
}

Result<PropagandaReport> evaluate_propaganda(const std::string& dir) {
  const fs::path root = set_root(dir);
  const fs::path spans_path = root / "spans.tsv";
  const fs::path articles_dir = root / "articles";
  std::ifstream in(spans_path);
  if (!in) return not_found(spans_path.string() + ": no such file (a propaganda set needs spans.tsv)");
  if (!fs::is_directory(articles_dir)) return not_found(articles_dir.string() + ": no such folder");

  // Gold spans per article and technique, in code points.
  std::map<std::string, std::map<std::string, std::vector<Span>>> gold;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    auto bad = [&] {
      return invalid_input(spans_path.string() + ":" + std::to_string(line_no) +
                           ": expected article id TAB technique TAB start TAB end");
    };
    if (cols.size() != 4) return bad();
    char* end = nullptr;
    unsigned long b = std::strtoul(cols[2].c_str(), &end, 10);
    if (*end) return bad();
    unsigned long e = std::strtoul(cols[3].c_str(), &end, 10);
    if (*end || e <= b) return bad();
    gold[cols[0]][cols[1]].push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }

  // Every article of the folder is scored, with or without gold spans.
  std::vector<std::pair<std::string, fs::path>> articles;
  for (const auto& entry : fs::directory_iterator(articles_dir)) {
    std::string name = entry.path().filename().string();
    if (!name.starts_with("article") || !name.ends_with(".txt")) continue;
    articles.emplace_back(name.substr(7, name.size() - 11), entry.path());
  }
  std::sort(articles.begin(), articles.end());
  if (articles.empty()) return invalid_input(articles_dir.string() + ": no articleID.txt files");

  auto analyzer = analyze::Analyzer::create();
  if (!analyzer.ok()) return analyzer.status();

  PropagandaReport rep;
  rep.set = root.filename().string();
  SpanSums both, loaded, labels;
  for (const auto& [id, path] : articles) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
      ++rep.failed;
      continue;
    }
    std::stringstream buf;
    buf << f.rdbuf();
    std::string text = buf.str();
    ++rep.articles;
    rep.bytes += text.size();
    const auto t0 = std::chrono::steady_clock::now();
    Analysis a = (*analyzer)->analyze_text(text);
    rep.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    OffsetMap offsets(text);
    std::vector<Span> ours_loaded, ours_labels;
    for (const FramingSpan& s : a.framing) {
      std::string_view technique = framing_technique(s.category);
      if (technique.empty()) continue;
      Span phrase = phrase_span(text, a, s);
      Span cp{offsets.to_code_point(phrase.begin), offsets.to_code_point(phrase.end)};
      (technique == kLoadedLanguage ? ours_loaded : ours_labels).push_back(cp);
    }
    std::vector<Span> gold_loaded, gold_labels;
    if (auto it = gold.find(id); it != gold.end()) {
      if (auto t = it->second.find(std::string(kLoadedLanguage)); t != it->second.end()) gold_loaded = t->second;
      if (auto t = it->second.find(std::string(kNameCalling)); t != it->second.end()) gold_labels = t->second;
    }
    std::vector<Span> ours_both = ours_loaded, gold_both = gold_loaded;
    ours_both.insert(ours_both.end(), ours_labels.begin(), ours_labels.end());
    gold_both.insert(gold_both.end(), gold_labels.begin(), gold_labels.end());
    add_span_scores(ours_both, gold_both, both);
    add_span_scores(ours_loaded, gold_loaded, loaded);
    add_span_scores(ours_labels, gold_labels, labels);
  }
  auto fill = [](TechniqueScore& t, std::string name, const SpanSums& s) {
    t.technique = std::move(name);
    t.score = span_prf(s);
    t.predicted = s.predicted;
    t.gold = s.gold;
  };
  fill(rep.both, std::string(kLoadedLanguage) + " + " + std::string(kNameCalling), both);
  fill(rep.loaded, std::string(kLoadedLanguage), loaded);
  fill(rep.labels, std::string(kNameCalling), labels);
  rep.published = published_paragraph(root / "README.md");
  return rep;
}

}  // namespace parallax::eval
