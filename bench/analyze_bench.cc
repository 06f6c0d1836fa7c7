// Throughput of analysis and comparison on our sample corpus (samples/harbour-fire).
//
//   make bench          (Release build, then runs every bench/*_bench)
//
// BM_Analyze: articles analysed per second (segmentation, stems, entities, quotes,
// framing), one core. BM_Compare/N: compare() on N articles already analysed; N
// articles are drawn round-robin from the corpus, each a distinct article.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parallax/analyze.h"
#include "parallax/compare.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"

namespace {

using namespace parallax;

struct Corpus {
  std::unique_ptr<analyze::Analyzer> analyzer;
  std::vector<Article> articles;
  size_t words = 0;
};

const Corpus& corpus() {
  static Corpus c = [] {
    Corpus c;
    auto a = analyze::Analyzer::create();
    if (!a.ok()) std::abort();
    c.analyzer = std::move(a).value();
    std::vector<std::string> paths;
    for (const auto& e : std::filesystem::directory_iterator(std::string(PARALLAX_SOURCE_DIR) + "/samples/harbour-fire"))
      if (e.path().extension() == ".md") paths.push_back(e.path().string());
    std::sort(paths.begin(), paths.end());
    auto batch = ingest::read_paths(paths);
    for (auto& art : batch.articles) {
      extract::clean(art);
      c.words += c.analyzer->analyze(art).word_count;
      c.articles.push_back(std::move(art));
    }
    return c;
  }();
  return c;
}

void BM_Analyze(benchmark::State& state) {
  const Corpus& c = corpus();
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Article& a = c.articles[i++ % c.articles.size()];
    benchmark::DoNotOptimize(c.analyzer->analyze(a));
    bytes += a.text.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["words_per_article"] =
      static_cast<double>(c.words) / static_cast<double>(std::max<size_t>(1, c.articles.size()));
}
BENCHMARK(BM_Analyze);

void BM_Compare(benchmark::State& state) {
  const Corpus& c = corpus();
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<Article> arts;
  std::vector<Analysis> anas;
  for (size_t i = 0; i < n; ++i) {
    Article a = c.articles[i % c.articles.size()];
    a.id += "-" + std::to_string(i);
    anas.push_back(c.analyzer->analyze(a));
    arts.push_back(std::move(a));
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(compare::compare(arts, anas, c.analyzer->lexical()));
  }
  state.counters["articles"] = static_cast<double>(n);
}
BENCHMARK(BM_Compare)->Arg(2)->Arg(10)->Arg(50)->Unit(benchmark::kMillisecond);

// The whole job for N articles as `parallax compare` does it after reading:
// clean, analyse each article, compare.
void BM_CompareEndToEnd(benchmark::State& state) {
  const Corpus& c = corpus();
  const size_t n = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    std::vector<Article> arts;
    std::vector<Analysis> anas;
    for (size_t i = 0; i < n; ++i) {
      Article a = c.articles[i % c.articles.size()];
      extract::clean(a);
      anas.push_back(c.analyzer->analyze(a));
      arts.push_back(std::move(a));
    }
    benchmark::DoNotOptimize(compare::compare(arts, anas, c.analyzer->lexical()));
  }
}
BENCHMARK(BM_CompareEndToEnd)->Arg(2)->Arg(10)->Arg(50)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
