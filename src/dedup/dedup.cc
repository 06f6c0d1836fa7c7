#include "parallax/dedup.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace parallax::dedup {
namespace {

constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;

inline uint64_t mix64(uint64_t x) {
  // splitmix64 finaliser: cheap and well distributed.
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

// Calls `on_word(hash)` for every word of `text`, lower-cased. ASCII takes a fast
// path; other code points go through ICU's simple case folding.
template <typename F>
void for_each_word(std::string_view text, F&& on_word) {
  std::string word;
  word.reserve(64);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  auto flush = [&] {
    if (!word.empty()) {
      on_word(XXH3_64bits(word.data(), word.size()), std::string_view(word));
      word.clear();
    }
  };
  int32_t i = 0;
  while (i < n) {
    uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word += static_cast<char>(c);
      } else if (c >= 'A' && c <= 'Z') {
        word += static_cast<char>(c + 32);
      } else if (c == '\'' && !word.empty() && i < n && s[i] < 0x80 && std::isalpha(s[i])) {
        // keep "don't" and "o'clock" as one word
        word += '\'';
      } else {
        flush();
      }
      continue;
    }
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp < 0 || !u_isalnum(cp)) {
      if (cp == 0x2019 && !word.empty() && i < n && s[i] < 0x80 && std::isalpha(s[i])) {
        word += '\'';  // a curly apostrophe inside a word is the same word
        continue;
      }
      flush();
      continue;
    }
    cp = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, cp);
    word.append(buf, static_cast<size_t>(len));
  }
  flush();
}

// Open-addressing map from a band key to the most recent article in that bucket.
class BandTable {
 public:
  // Returns the previous head for `key` (or kNone) and makes `doc` the head.
  uint32_t push(uint64_t key, uint32_t doc) {
    if ((used_ + 1) * 10 >= slots_.size() * 7) grow();
    size_t mask = slots_.size() - 1;
    size_t i = mix64(key) & mask;
    while (true) {
      Slot& s = slots_[i];
      if (s.doc == kNone) {
        s.key = key;
        s.doc = doc;
        ++used_;
        return kNone;
      }
      if (s.key == key) {
        uint32_t prev = s.doc;
        s.doc = doc;
        return prev;
      }
      i = (i + 1) & mask;
    }
  }
  uint32_t head(uint64_t key) const {
    if (slots_.empty()) return kNone;
    size_t mask = slots_.size() - 1;
    size_t i = mix64(key) & mask;
    while (true) {
      const Slot& s = slots_[i];
      if (s.doc == kNone) return kNone;
      if (s.key == key) return s.doc;
      i = (i + 1) & mask;
    }
  }
  static constexpr uint32_t kNone = UINT32_MAX;

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t doc = kNone;
  };
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.doc != kNone) push(s.key, s.doc);
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

uint64_t band_key(const Signature& sig, int band) {
  return XXH3_64bits_withSeed(&sig.mins[static_cast<size_t>(band) * kRows], sizeof(uint32_t) * kRows,
                              static_cast<uint64_t>(band) + 1);
}

// How far down one bucket's chain a new article looks: a press release reprinted
// thousands of times must not make every add quadratic.
constexpr int kMaxChain = 64;

}  // namespace

const char* to_string(Kind k) {
  switch (k) {
    case Kind::kUnique: return "unique";
    case Kind::kExact: return "exact";
    case Kind::kNear: return "near";
  }
  return "unique";
}

Signature fingerprint(std::string_view text, const Options& options) {
  Signature sig;
  const uint32_t w = std::max<uint32_t>(1, options.shingle_words);
  std::vector<uint64_t> words;
  words.reserve(text.size() / 5);
  for_each_word(text, [&](uint64_t h, std::string_view) { words.push_back(h); });
  // The normalised text's hash: one pass over its word hashes (the same word sequence
  // gives the same value; two sequences collide with probability about 2^-64).
  sig.exact = XXH3_64bits(words.data(), words.size() * sizeof(uint64_t));
  if (words.empty()) return sig;

  constexpr uint32_t kEmpty = UINT32_MAX;
  sig.mins.fill(kEmpty);
  auto add = [&](uint64_t h) {
    h = mix64(h);
    // One permutation hashing: the high bits choose the bin, the low bits compete.
    uint32_t bin = static_cast<uint32_t>(((h >> 32) * kSignatureSize) >> 32);
    uint32_t v = static_cast<uint32_t>(h);
    if (v == kEmpty) v = kEmpty - 1;
    if (v < sig.mins[bin]) sig.mins[bin] = v;
  };
  const size_t k = std::min<size_t>(w, words.size());
  uint32_t count = 0;
  for (size_t i = 0; i + k <= words.size(); ++i) {
    uint64_t h = 0;
    for (size_t j = 0; j < k; ++j) h = (h ^ words[i + j]) * kMul + j;
    add(h);
    ++count;
  }
  sig.shingles = count;
  // Optimal densification (Shrivastava 2017): an empty bin borrows the value of a
  // non-empty bin chosen by a hash of (bin, attempt), so that two texts fill their
  // empty bins the same way.
  const std::array<uint32_t, kSignatureSize> filled = sig.mins;
  for (uint32_t b = 0; b < kSignatureSize; ++b) {
    if (filled[b] != kEmpty) continue;
    for (uint64_t attempt = 1;; ++attempt) {
      uint64_t h = mix64((static_cast<uint64_t>(b) << 32) ^ attempt);
      uint32_t src = static_cast<uint32_t>(((h >> 32) * kSignatureSize) >> 32);
      if (filled[src] != kEmpty) {
        // Only bins filled by shingles lend; the value is salted with the bin so that a
        // borrowed value is not mistaken for the lender's own.
        sig.mins[b] = filled[src] ^ 0x80000000u ^ b;
        break;
      }
      if (attempt > 4096) {  // cannot happen with one non-empty bin; be safe
        sig.mins[b] = 0;
        break;
      }
    }
  }
  return sig;
}

double estimate_jaccard(const Signature& a, const Signature& b) {
  if (a.shingles == 0 || b.shingles == 0) return a.exact == b.exact ? 1.0 : 0.0;
  if (a.exact == b.exact) return 1.0;
  int same = 0;
  for (int i = 0; i < kSignatureSize; ++i) same += a.mins[i] == b.mins[i];
  return static_cast<double>(same) / kSignatureSize;
}

struct Index::Impl {
  Options options;
  std::vector<Signature> sigs;
  std::vector<uint32_t> groups;
  std::vector<uint32_t> next;                      // [doc * kBands + band] -> previous doc
  BandTable bands[kBands];
  std::unordered_map<uint64_t, uint32_t> exact;    // exact hash -> first doc
  std::vector<uint32_t> seen;                      // per doc: last add that visited it
};

Index::Index(const Options& options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
Index::~Index() = default;
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

size_t Index::size() const { return impl_->sigs.size(); }
const std::vector<uint32_t>& Index::groups() const { return impl_->groups; }

Match Index::add(std::string_view text) { return add(fingerprint(text, impl_->options)); }

Match Index::add(const Signature& sig) {
  Impl& m = *impl_;
  const uint32_t doc = static_cast<uint32_t>(m.sigs.size());
  Match match;
  match.group = doc;
  match.matched = doc;

  bool found = false;
  if (sig.shingles > 0) {
    auto [it, inserted] = m.exact.try_emplace(sig.exact, doc);
    if (!inserted) {
      match.kind = Kind::kExact;
      match.matched = it->second;
      match.group = m.groups[it->second];
      found = true;
    }
  }
  m.sigs.push_back(sig);
  m.seen.push_back(UINT32_MAX);
  m.next.resize(static_cast<size_t>(doc + 1) * kBands, BandTable::kNone);
  double best = -1;
  for (int b = 0; b < kBands; ++b) {
    const uint64_t key = band_key(sig, b);
    uint32_t prev = m.bands[b].push(key, doc);
    m.next[static_cast<size_t>(doc) * kBands + b] = prev;
    if (found || sig.shingles == 0) continue;
    int steps = 0;
    for (uint32_t c = prev; c != BandTable::kNone && steps < kMaxChain;
         c = m.next[static_cast<size_t>(c) * kBands + b], ++steps) {
      if (m.seen[c] == doc) continue;
      m.seen[c] = doc;
      double j = estimate_jaccard(sig, m.sigs[c]);
      // The best match wins; among equals the earlier article, so the result does not
      // depend on which band found it first.
      if (j > best || (j == best && c < match.matched)) {
        best = j;
        match.matched = c;
      }
    }
  }
  // The estimate's standard error at the threshold t is sqrt(t(1-t)/K); accepting from
  // 1.65 errors below t finds 95% of the pairs that sit exactly at t (and more of
  // those above), at the price of some pairs a few points below it.
  const double t = m.options.threshold;
  const double margin = 1.65 * std::sqrt(t * (1 - t) / kSignatureSize);
  if (!found && best >= t - margin) {
    match.kind = Kind::kNear;
    match.group = m.groups[match.matched];
    match.similarity = best;
  } else if (!found) {
    match.matched = doc;
    match.similarity = 1.0;
  }
  m.groups.push_back(match.group);
  return match;
}

std::vector<Match> find_duplicates(const std::vector<Article>& articles, const Options& options) {
  Index index(options);
  std::vector<Match> out;
  out.reserve(articles.size());
  std::string buf;
  for (const Article& a : articles) {
    buf.assign(a.title);
    buf += "\n";
    buf += a.text;
    out.push_back(index.add(buf));
  }
  return out;
}

}  // namespace parallax::dedup
