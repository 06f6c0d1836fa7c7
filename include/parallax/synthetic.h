// parallax/synthetic.h: a seeded synthetic news stream, for benchmarks and tests of
// story grouping.
//
// Contract: produces articles in time order with the event each reports. Many events a
// day, each covered by several outlets within a few days of its start; some articles
// are wire copies of another outlet's article (same body with a new headline, a local
// paragraph added and a few words edited); some events follow up an earlier one weeks
// later with the same people and organisations and half of its vocabulary. Words are
// pronounceable pseudo-words drawn from a Zipf distribution, so the stream has the
// term statistics of news without containing any. Deterministic for a seed on every
// platform (own generator, no std distributions). Thread-safe between Generators.
// Cost: linear in the words produced; memory a few hundred bytes per event.
#ifndef PARALLAX_SYNTHETIC_H_
#define PARALLAX_SYNTHETIC_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "parallax/core.h"

namespace parallax::synthetic {

struct StreamOptions {
  uint64_t seed = 1;
  size_t articles = 10000;          // articles in all
  double articles_per_day = 2000;
  uint32_t min_outlets = 2;         // outlets covering one event
  uint32_t max_outlets = 8;
  double wire_copy_rate = 0.15;     // share of an event's later articles that copy its first
  double follow_up_rate = 0.15;     // share of events that follow up one 2 to 8 weeks older
  uint32_t words = 450;             // mean body length in words
};

class Generator {
 public:
  explicit Generator(const StreamOptions& options = {});
  ~Generator();
  Generator(Generator&&) noexcept;
  Generator& operator=(Generator&&) noexcept;

  // The next article in time order and its event's number; false after the last.
  bool next(Article& article, uint32_t& event);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct Stream {
  std::vector<Article> articles;    // in time order
  std::vector<uint32_t> events;     // event number of each article
};

// The whole stream in memory (for small streams; a large one is better pulled from a
// Generator article by article).
Stream generate(const StreamOptions& options = {});

}  // namespace parallax::synthetic

#endif  // PARALLAX_SYNTHETIC_H_
