// extract_html over every page of the Zyte article-extraction set (decompressed in
// setup): MB of HTML per second and pages per second, on one core.
//   build-release/extract_bench --benchmark_min_time=3
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "parallax/eval.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"

namespace {

const std::vector<std::string>& zyte_pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    std::filesystem::path dir = std::filesystem::path(PARALLAX_SOURCE_DIR) / ".." / "shared" /
                                "bench" / "extraction" / "zyte" / "pages";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto bytes = parallax::ingest::read_bytes(f.string());
      if (bytes.ok()) out.push_back(std::move(bytes).value());
    }
    return out;
  }();
  return pages;
}

void BM_ExtractZyte(benchmark::State& state) {
  const auto& pages = zyte_pages();
  if (pages.empty()) {
    state.SkipWithError("../shared/bench/extraction/zyte is absent beside the project: skipped");
    return;
  }
  size_t bytes = 0, done = 0, failed = 0;
  for (auto _ : state) {
    for (const auto& p : pages) {
      auto r = parallax::extract::extract_html(p);
      failed += !r.ok();
      benchmark::DoNotOptimize(r);
      bytes += p.size();
      ++done;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(done));
  state.counters["pages"] = static_cast<double>(pages.size());
  state.counters["failed_per_pass"] =
      static_cast<double>(failed) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ExtractZyte)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
