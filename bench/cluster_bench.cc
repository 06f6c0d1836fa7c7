// Story grouping speed and memory on the synthetic stream (parallax/synthetic.h).
//
//   cluster_bench --benchmark_filter=BM_Group/            speed (articles in memory)
//   /usr/bin/time -v cluster_bench --benchmark_filter=BM_GroupStream/1000000
//                                                         speed and memory for a
//                                                         1M-article stream
//   cluster_bench --benchmark_filter=BM_Dedup              near-duplicate detection alone
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "parallax/cluster.h"
#include "parallax/dedup.h"
#include "parallax/synthetic.h"

namespace {

using namespace parallax;

synthetic::StreamOptions stream_options(size_t n) {
  synthetic::StreamOptions o;
  o.articles = n;
  o.articles_per_day = 3000;
  o.seed = 42;
  return o;
}

const synthetic::Stream& stream(size_t n) {
  static std::map<size_t, std::unique_ptr<synthetic::Stream>> cache;
  auto& s = cache[n];
  if (!s) s = std::make_unique<synthetic::Stream>(synthetic::generate(stream_options(n)));
  return *s;
}

// Grouping alone: the articles are generated before timing starts.
void BM_Group(benchmark::State& state) {
  const auto& s = stream(static_cast<size_t>(state.range(0)));
  size_t words = 0;
  for (const auto& a : s.articles) words += a.text.size();
  size_t stories = 0;
  for (auto _ : state) {
    cluster::Clusterer c;
    for (const auto& a : s.articles) c.add(a);
    stories = c.size();
    benchmark::DoNotOptimize(stories);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * s.articles.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * words));
}
BENCHMARK(BM_Group)->Arg(20000)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(1);

// Near-duplicate detection alone (fingerprint and index), as grouping runs it: title
// and text of every article.
void BM_Dedup(benchmark::State& state) {
  const auto& s = stream(static_cast<size_t>(state.range(0)));
  size_t duplicates = 0;
  std::string text;
  for (auto _ : state) {
    dedup::Index index(dedup::Options{0.6, 5});
    for (const auto& a : s.articles) {
      text.assign(a.title);
      text += '\n';
      text += a.text;
      duplicates += index.add(text).kind != dedup::Kind::kUnique;
    }
    benchmark::DoNotOptimize(duplicates);
  }
  state.counters["duplicates"] = static_cast<double>(duplicates);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * s.articles.size()));
}
BENCHMARK(BM_Dedup)->Arg(20000)->Unit(benchmark::kMillisecond)->Iterations(1);

// A long stream pulled from the generator in chunks of 10,000 articles, so that memory
// is the Clusterer's (plus one chunk), not the whole stream's. Only the adds are timed:
// generating a chunk runs with the timer paused, where generating article by article
// between adds would count the generator's work and the cache it evicts as grouping.
void BM_GroupStream(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  constexpr size_t kChunk = 10000;
  for (auto _ : state) {
    state.PauseTiming();
    synthetic::Generator g(stream_options(n));
    auto c = std::make_unique<cluster::Clusterer>();
    std::vector<Article> chunk(kChunk);
    uint32_t event = 0;
    for (;;) {
      size_t got = 0;
      while (got < kChunk && g.next(chunk[got], event)) ++got;
      if (got == 0) break;
      state.ResumeTiming();
      for (size_t i = 0; i < got; ++i) c->add(chunk[i]);
      state.PauseTiming();
    }
    state.counters["stories"] = static_cast<double>(c->stories().size());
    c.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_GroupStream)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
