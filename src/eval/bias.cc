// Scoring the framing analysis on a media-bias set (see parallax/eval.h).
#include "bias.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "parallax/analyze.h"
#include "parallax/eval.h"

namespace parallax::eval {

namespace fs = std::filesystem;

namespace {

Prf make_prf(size_t tp, size_t fp, size_t fn) {
  Prf out;
  out.precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0;
  out.recall = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0;
  out.f1 = out.precision + out.recall > 0 ? 2 * out.precision * out.recall / (out.precision + out.recall) : 0;
  return out;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string published_paragraph(const fs::path& readme) {
  std::ifstream in(readme);
  if (!in) return "";
  std::string line, out;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (!inside) {
      if (start != std::string::npos && line.compare(start, 9, "Published") == 0) inside = true;
    } else if (start == std::string::npos || line[start] == '#' || line[start] == '-') {
      break;
    }
    if (inside) {
      if (!out.empty()) out += ' ';
      out += line.substr(start);
    }
  }
  return normalize_whitespace(out);
}

fs::path set_root(const std::string& dir) {
  fs::path root = fs::path(dir).lexically_normal();
  if (root.filename().empty()) root = root.parent_path();
  return root;
}

BinaryScores binary_scores(const std::vector<bool>& gold, const std::vector<bool>& predicted) {
  BinaryScores s;
  const size_t n = std::min(gold.size(), predicted.size());
  for (size_t i = 0; i < n; ++i) {
    if (gold[i]) {
      ++(predicted[i] ? s.tp : s.fn);
    } else {
      ++(predicted[i] ? s.fp : s.tn);
    }
  }
  s.positive = make_prf(s.tp, s.fp, s.fn);
  s.negative = make_prf(s.tn, s.fn, s.fp);
  s.macro_f1 = (s.positive.f1 + s.negative.f1) / 2;
  s.accuracy = n ? static_cast<double>(s.tp + s.tn) / static_cast<double>(n) : 0;
  return s;
}

bool framing_says_biased(const Analysis& a) {
  // An opinion sentence (the analysis' own verdict, which weighs quotes, markers and
  // density) is the clearest sign.
  for (const Sentence& s : a.sentences) {
    if (s.is_opinion) return true;
  }
  // Quoted wording is the speaker's: a sentence that only reports a loaded quote
  // is not the writer's bias.
  std::vector<Span> quoted;
  for (const Quote& q : a.quotes) {
    if (!q.content.empty()) quoted.push_back(q.content);
  }
  auto in_quote = [&](const Span& s) {
    for (const Span& q : quoted) {
      if (q.contains(s)) return true;
    }
    return false;
  };
  // One evaluative word chosen by the writer is what annotators of sentence bias
  // mark ("bizarre", "radical", "utterly"): a label, loaded word or intensifier
  // above common journalese. Hedges and weak opinion markers are careful reporting
  // as often as slant.
  for (const FramingSpan& f : a.framing) {
    bool evaluative = f.category == FrameCategory::kLabel || f.category == FrameCategory::kLoaded ||
                      f.category == FrameCategory::kIntensifier;
    if (evaluative && f.strength >= kBiasedSpanStrength && !in_quote(f.span)) return true;
  }
  return false;
}

void cover_words(std::string_view text, const std::vector<std::string>& marked,
                 const std::vector<FramingSpan>& framing, WordCoverage& acc) {
  std::string low(text.size(), ' ');
  for (size_t i = 0; i < text.size(); ++i) low[i] = lower(text[i]);
  for (const std::string& word : marked) {
    ++acc.words;
    std::string w;
    for (char c : word) w += lower(c);
    while (!w.empty() && !is_word_byte(static_cast<unsigned char>(w.back()))) w.pop_back();
    size_t lead = 0;
    while (lead < w.size() && !is_word_byte(static_cast<unsigned char>(w[lead]))) ++lead;
    w.erase(0, lead);
    if (w.empty()) continue;
    bool found = false, covered = false;
    for (size_t at = low.find(w); at != std::string::npos && !covered; at = low.find(w, at + 1)) {
      size_t end = at + w.size();
      if (at > 0 && is_word_byte(static_cast<unsigned char>(low[at - 1]))) continue;
      if (end < low.size() && is_word_byte(static_cast<unsigned char>(low[end]))) continue;
      found = true;
      Span occurrence{static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
      for (const FramingSpan& f : framing) {
        if (f.span.overlaps(occurrence)) {
          covered = true;
          break;
        }
      }
    }
    acc.found += found;
    acc.covered += covered;
  }
}

Result<BiasReport> evaluate_bias(const std::string& dir) {
  const fs::path root = set_root(dir);
  const fs::path path = root / "sentences.jsonl";
  std::ifstream in(path);
  if (!in) return not_found(path.string() + ": no such file (a bias set needs sentences.jsonl)");
  auto analyzer = analyze::Analyzer::create();
  if (!analyzer.ok()) return analyzer.status();

  BiasReport rep;
  rep.set = root.filename().string();
  std::vector<bool> gold, predicted;
  std::string line;
  double seconds = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string() ||
        !j.contains("label") || !j["label"].is_string()) {
      ++rep.failed;
      continue;
    }
    const std::string text = j["text"].get<std::string>();
    const std::string label = j["label"].get<std::string>();
    if (label != "biased" && label != "neutral") {
      ++rep.failed;
      continue;
    }
    std::vector<std::string> marked;
    if (j.contains("biased_words") && j["biased_words"].is_array()) {
      for (const auto& w : j["biased_words"]) {
        if (w.is_string()) marked.push_back(w.get<std::string>());
      }
    }
    const auto t0 = std::chrono::steady_clock::now();
    Analysis a = (*analyzer)->analyze_text(text);
    bool biased = framing_says_biased(a);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    gold.push_back(label == "biased");
    predicted.push_back(biased);
    cover_words(text, marked, a.framing, rep.words);
  }
  if (gold.empty()) return invalid_input(path.string() + ": no readable sentences");
  rep.sentences = gold.size();
  for (size_t i = 0; i < gold.size(); ++i) {
    rep.biased_gold += gold[i];
    rep.biased_predicted += predicted[i];
  }
  rep.scores = binary_scores(gold, predicted);
  rep.published = published_paragraph(root / "README.md");
  rep.seconds = seconds;
  return rep;
}

}  // namespace parallax::eval
