// Scoring story grouping against an event set's gold clusters (see parallax/eval.h).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "parallax/cluster.h"
#include "parallax/eval.h"
#include "parallax/ingest.h"

namespace parallax::eval {

namespace fs = std::filesystem;

namespace {

double pairs(uint64_t n) { return static_cast<double>(n) * static_cast<double>(n - (n > 0)) / 2.0; }

// The pairwise baseline figure the README gives for the set named `set`.
std::string readme_baseline(const fs::path& readme, const std::string& set) {
  std::ifstream in(readme);
  if (!in) return "";
  const std::string key = "plain TF-IDF single pass: pairwise ";
  std::string line;
  while (std::getline(in, line)) {
    if (line.find("/" + set + " ") == std::string::npos && line.find("/" + set + "|") == std::string::npos) continue;
    size_t at = line.find(key);
    if (at == std::string::npos) continue;
    at += key.size();
    size_t end = at;
    while (end < line.size() && (std::isdigit(static_cast<unsigned char>(line[end])) || line[end] == '.')) ++end;
    if (end > at) return line.substr(at, end - at);
  }
  return "";
}

}  // namespace

ClusterScores cluster_scores(const std::vector<uint32_t>& gold, const std::vector<uint32_t>& predicted) {
  ClusterScores out;
  const size_t n = std::min(gold.size(), predicted.size());
  if (n == 0) {
    out.pairwise = with_f1(1, 1);
    out.bcubed = with_f1(1, 1);
    return out;
  }
  std::map<std::pair<uint32_t, uint32_t>, uint64_t> joint;
  std::unordered_map<uint32_t, uint64_t> gsize, psize;
  for (size_t i = 0; i < n; ++i) {
    ++joint[{gold[i], predicted[i]}];
    ++gsize[gold[i]];
    ++psize[predicted[i]];
  }
  double tp = 0, pred_pairs = 0, gold_pairs = 0;
  for (const auto& [k, c] : joint) tp += pairs(c);
  for (const auto& [k, c] : gsize) gold_pairs += pairs(c);
  for (const auto& [k, c] : psize) pred_pairs += pairs(c);
  out.pairwise = with_f1(pred_pairs > 0 ? tp / pred_pairs : 1.0, gold_pairs > 0 ? tp / gold_pairs : 1.0);

  // BCubed: every item of a (gold, predicted) cell has the same precision and recall.
  double p = 0, r = 0;
  for (const auto& [k, c] : joint) {
    p += static_cast<double>(c) * static_cast<double>(c) / static_cast<double>(psize[k.second]);
    r += static_cast<double>(c) * static_cast<double>(c) / static_cast<double>(gsize[k.first]);
  }
  out.bcubed = with_f1(p / static_cast<double>(n), r / static_cast<double>(n));
  return out;
}

Result<GroupingReport> evaluate_grouping(const std::string& dir, const GroupingOptions& options) {
  fs::path root = fs::path(dir).lexically_normal();
  if (root.filename().empty()) root = root.parent_path();  // "basil/"
  const fs::path articles_path = root / "articles.jsonl";
  const fs::path gold_path = root / "gold.tsv";
  if (!fs::exists(articles_path)) return not_found(articles_path.string() + ": no such file (an events set needs articles.jsonl)");
  std::ifstream gin(gold_path);
  if (!gin) return not_found(gold_path.string() + ": no such file (an events set needs gold.tsv)");

  std::vector<std::pair<std::string, std::string>> gold_rows;
  std::string line;
  size_t line_no = 0;
  while (std::getline(gin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size())
      return invalid_input(gold_path.string() + ":" + std::to_string(line_no) + ": expected article id TAB event id");
    gold_rows.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  if (gold_rows.empty()) return invalid_input(gold_path.string() + ": no rows");

  ingest::Batch batch = ingest::read_paths({articles_path.string()});
  GroupingReport rep;
  rep.set = root.filename().string();
  if (rep.set.empty()) rep.set = root.parent_path().filename().string();
  rep.articles = batch.articles.size();
  rep.failed = batch.errors.size();
  if (batch.articles.empty()) return invalid_input(articles_path.string() + ": no readable articles");

  const auto t0 = std::chrono::steady_clock::now();
  cluster::Grouping g = cluster::group(batch.articles, options.cluster);
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rep.stories = g.stories.size();

  // An id may repeat (BASIL gives four articles the id "empty"): the k-th gold row with
  // an id is the k-th article with it, both files being in the same order.
  std::unordered_map<std::string, std::vector<uint32_t>> stories_by_id;
  for (size_t i = 0; i < batch.articles.size(); ++i)
    stories_by_id[batch.articles[i].id].push_back(g.story_of[i]);
  std::unordered_map<std::string, size_t> rows_seen;
  std::unordered_map<std::string, uint32_t> event_ids;
  std::vector<uint32_t> gold, predicted;
  uint32_t next_missing = static_cast<uint32_t>(g.stories.size());
  for (const auto& [id, event] : gold_rows) {
    auto [it, inserted] = event_ids.try_emplace(event, static_cast<uint32_t>(event_ids.size()));
    gold.push_back(it->second);
    auto s = stories_by_id.find(id);
    const size_t k = rows_seen[id]++;
    predicted.push_back(s != stories_by_id.end() && k < s->second.size() ? s->second[k]
                                                                         : next_missing++);
  }
  rep.scored = gold.size();
  rep.events = event_ids.size();
  rep.ours = cluster_scores(gold, predicted);
  rep.baseline_pairwise = readme_baseline(root.parent_path().parent_path() / "README.md", rep.set);
  if (rep.baseline_pairwise.empty()) rep.baseline_pairwise = readme_baseline(root.parent_path() / "README.md", rep.set);
  return rep;
}

}  // namespace parallax::eval
