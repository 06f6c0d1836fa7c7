#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cluster/features.h"
#include "parallax/cluster.h"

namespace parallax::cluster {
namespace {

constexpr double kNoTime = std::numeric_limits<double>::quiet_NaN();
constexpr size_t kMaxNames = 48;
constexpr size_t kKeyEntities = 8;
constexpr size_t kMaxStoryFacts = 160;
constexpr size_t kMaxHeads = 128;

struct TermWeight {
  uint32_t term = 0;
  float w = 0;
};

struct StoryState {
  // Sum of the members' term vectors, each scaled to unit TF-IDF norm when it joined;
  // sorted by term. IDF is applied when comparing, with the stream's current counts.
  std::vector<TermWeight> centroid;
  std::vector<uint32_t> members;     // add indices, ascending
  std::vector<uint32_t> indexed;     // terms this story is posted under
  std::vector<std::pair<uint32_t, std::string>> names;  // entity term -> surface form
  std::vector<std::string> final_entities;              // key entities frozen at eviction
  double first = kNoTime, last = kNoTime;
  std::string first_published, last_published;
  std::string label;
  float label_score = -1;
  uint32_t language = 0;
  uint32_t docs = 0;                 // members that are not duplicates
  uint32_t merged_into = UINT32_MAX; // set when merged away
  double norm = 0;                   // cached TF-IDF norm of the centroid
  uint32_t norm_docs = 0;            // stream size when it was computed
  bool norm_dirty = true;
  bool active = true;                // still in the candidate index
  bool archived = false;             // past the horizon, reachable by undated articles
  std::vector<internal::Fact> facts; // union of the members' facts, sorted
  // Head terms (see internal::kHeadWords) with the number of members whose head has
  // each, sorted by term.
  std::vector<std::pair<uint32_t, uint32_t>> heads;
  // Each outlet among the members, with the time of its latest dated report here.
  std::vector<std::pair<uint32_t, double>> outlets;
};

// Term key -> term id, open addressing with linear probing: the lookup of every
// feature of every article, so one probe into a flat array instead of a node per term.
class TermTable {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t find(uint64_t key) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == kNone) return kNone;
      if (s.key == key) return s.id;
    }
  }
  // The id of `key`, giving it `next_id` when new; `inserted` says which.
  uint32_t insert(uint64_t key, uint32_t next_id, bool& inserted) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    for (size_t i = slot_of(key, mask);; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.id == kNone) {
        s = {key, next_id};
        ++used_;
        inserted = true;
        return next_id;
      }
      if (s.key == key) {
        inserted = false;
        return s.id;
      }
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t id = kNone;
  };
  // Keys are hashes already, but some are built from small parts: mix them anyway.
  static size_t slot_of(uint64_t key, size_t mask) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask; }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 4096 : old.size() * 2, Slot{});
    used_ = 0;
    bool inserted = false;
    for (const Slot& s : old)
      if (s.id != kNone) insert(s.key, s.id, inserted);
  }
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

double interval_gap(double t, double first, double last) {
  if (std::isnan(t) || std::isnan(first)) return 0;
  if (t < first) return first - t;
  if (t > last) return t - last;
  return 0;
}

// Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

}  // namespace

std::optional<double> event_days(const Article& article) {
  if (auto d = parse_days(article.published)) return d;
  std::string head = article.title;
  head += '\n';
  head.append(article.text, 0, std::min<size_t>(article.text.size(), kOpeningBytes));
  return opening_date_days(head);
}

std::optional<double> opening_date_days(std::string_view text) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  text = text.substr(0, std::min<size_t>(text.size(), kOpeningBytes));
  // Words: runs of ASCII letters or digits.
  std::vector<std::string_view> words;
  for (size_t i = 0; i < text.size();) {
    auto alnum = [&](size_t k) { return std::isalnum(static_cast<unsigned char>(text[k])) != 0; };
    while (i < text.size() && !alnum(i)) ++i;
    size_t j = i;
    while (j < text.size() && alnum(j)) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  auto month_of = [&](std::string_view w) -> int {
    if (w.size() < 3 || w.size() > 9) return 0;
    std::string low(w);
    for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (int m = 0; m < 12; ++m) {
      if (low.compare(0, 3, kMonths[m]) != 0) continue;
      // The abbreviation, or a prefix-consistent full name ("sept", "september").
      static constexpr std::string_view kFull[] = {"january", "february", "march",     "april",
                                                   "may",     "june",     "july",      "august",
                                                   "september", "october", "november", "december"};
      if (kFull[m].substr(0, low.size()) == low) return m + 1;
    }
    return 0;
  };
  auto day_of = [](std::string_view w) -> int {
    size_t n = 0;
    while (n < w.size() && n < 2 && std::isdigit(static_cast<unsigned char>(w[n]))) ++n;
    if (n == 0) return 0;
    std::string_view rest = w.substr(n);
    if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
    int d = std::stoi(std::string(w.substr(0, n)));
    return d >= 1 && d <= 31 ? d : 0;
  };
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view y = words[k];
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    int year = std::stoi(std::string(y));
    if (year < 1900 || year > 2099) continue;
    // "December 15th, 2008" or "26 September 2013".
    int month = 0, day = 0;
    if (k >= 2 && (month = month_of(words[k - 2])) && (day = day_of(words[k - 1]))) {
    } else if (k >= 2 && (day = day_of(words[k - 2])) && (month = month_of(words[k - 1]))) {
    } else {
      continue;
    }
    char iso[11];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    return parse_days(iso);
  }
  return std::nullopt;
}

std::optional<double> parse_days(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  size_t i = 0;
  auto digits = [&](size_t n, int& out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    out = v;
    i += n;
    return true;
  };
  int y, mo, d;
  if (!digits(4, y) || i >= s.size() || s[i++] != '-' || !digits(2, mo) || i >= s.size() || s[i++] != '-' ||
      !digits(2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  double days = static_cast<double>(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)));
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    ++i;
    int h = 0, mi = 0, sec = 0;
    if (!digits(2, h) || i >= s.size() || s[i++] != ':' || !digits(2, mi)) return days;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!digits(2, sec)) sec = 0;
    }
    while (i < s.size() && (s[i] == '.' || (s[i] >= '0' && s[i] <= '9'))) ++i;
    double offset_min = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      const int sign = s[i] == '-' ? -1 : 1;
      ++i;
      int oh = 0, om = 0;
      if (digits(2, oh)) {
        if (i < s.size() && s[i] == ':') ++i;
        if (!digits(2, om)) om = 0;
        offset_min = sign * (oh * 60 + om);
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return days;
    days += (h * 3600 + mi * 60 + sec - offset_min * 60) / 86400.0;
  }
  return days;
}

// Near-duplicate detection over a sliding window: a dedup::Index holds every article
// it was given, so two generations are kept, each spanning about one horizon of the
// stream, and the older is dropped when a new one starts. Memory stays bounded by the
// articles of the last two horizons, not the whole stream.
struct DedupWindow {
  struct Generation {
    explicit Generation(const dedup::Options& o) : index(o) {}
    dedup::Index index;
    std::vector<uint32_t> global;  // add index of each article in `index`
    double start = kNoTime;
  };
  // An undated stream rotates by count.
  static constexpr size_t kMaxGeneration = 200000;

  dedup::Options options;
  std::unique_ptr<Generation> current, previous;

  // Adds the article (add index `index`, time `t`) and returns the add index of the
  // article it duplicates, or -1, with the estimated similarity.
  int64_t add(std::string_view text, uint32_t index, double t, double horizon_days, double& similarity) {
    if (!current) current = std::make_unique<Generation>(options);
    const bool old = !std::isnan(t) && !std::isnan(current->start) && horizon_days > 0 &&
                     t - current->start >= horizon_days;
    if (old || current->global.size() >= kMaxGeneration) {
      // After a gap of two horizons even the generation just closed is out of reach:
      // a copy of an article years old is a new story, not a reprint of that one.
      const bool gap = old && t - current->start >= 2 * horizon_days;
      previous = gap ? nullptr : std::move(current);
      current = std::make_unique<Generation>(options);
    }
    if (std::isnan(current->start)) current->start = t;
    const dedup::Signature sig = dedup::fingerprint(text, options);
    int64_t best = -1;
    double best_sim = -1;
    bool best_exact = false;
    for (Generation* g : {previous.get(), current.get()}) {
      if (!g) continue;
      const dedup::Match m = g->index.add(sig);
      g->global.push_back(index);
      if (m.kind == dedup::Kind::kUnique) continue;
      const bool exact = m.kind == dedup::Kind::kExact;
      const int64_t match = g->global[m.matched];
      // Exact beats near; then the closer; then the earlier article.
      if (best < 0 || (exact && !best_exact) ||
          (exact == best_exact && (m.similarity > best_sim || (m.similarity == best_sim && match < best)))) {
        best = match;
        best_sim = m.similarity;
        best_exact = exact;
      }
    }
    similarity = best_sim;
    return best;
  }
};

struct Clusterer::Impl {
  Options opt;
  DedupWindow dedup;

  // Terms of the stream.
  TermTable term_ids;
  std::vector<uint32_t> df;
  std::vector<uint8_t> is_entity;
  std::vector<std::vector<uint32_t>> postings;  // term -> stories (may hold inactive ones)
  std::vector<std::vector<uint32_t>> archive_postings;  // term -> archived stories (may hold others)
  std::deque<uint32_t> archive;                 // archived stories, oldest first
  std::vector<float> log1p_table;               // log(1 + k)
  uint32_t docs = 0;

  std::vector<StoryState> stories;
  // What a posting scan reads of each story, apart from the large StoryState: one byte
  // of flags per story, kept equal to the StoryState fields, so that the array stays in
  // cache however many stories the stream has opened (a million articles open 150,000);
  // the language is read only once a second language has been seen.
  static constexpr uint8_t kPostedActive = 1, kPostedArchived = 2;
  std::vector<uint8_t> posted;
  std::vector<uint32_t> posted_language;
  std::vector<uint32_t> active;
  std::unordered_set<std::string> story_ids_used;
  std::vector<std::string> story_ids;

  // Per article, by add index.
  std::vector<std::string> ids;
  std::vector<uint32_t> story;
  std::vector<int64_t> dup_of;

  std::unordered_map<std::string, uint32_t> languages;
  std::unordered_map<std::string, uint32_t> outlet_ids;
  double now = kNoTime;
  double last_sweep = kNoTime;

  // Scratch, kept to avoid allocations per add.
  internal::ArticleFeatures feats;
  std::vector<TermWeight> vec;
  std::vector<float> idf_of_vec;
  std::vector<float> acc;
  std::vector<float> q;                         // the loaded query, by term
  std::vector<uint32_t> touched;
  std::vector<std::pair<float, uint32_t>> ranked;
  std::vector<TermWeight> merged;
  std::vector<internal::Fact> facts_scratch;
  std::vector<uint32_t> head_terms;
  std::vector<std::pair<uint32_t, uint32_t>> heads_scratch, head_pairs;
  std::string text;

  explicit Impl(const Options& o) : opt(o) { dedup.options = o.dedup; }

  // Terms that most members of a story put in their headline or opening words say what
  // its event is (see Options::head_missing); a report of that event names them somewhere
  // in its text, a follow-up with the same people often does not. Counts those the
  // loaded query (the article) lacks.
  uint32_t missing_heads(const StoryState& st) const {
    if (st.docs < 2) return 0;
    const uint32_t need = std::max<uint32_t>(2, (st.docs + 1) / 2);
    uint32_t missing = 0;
    for (const auto& [term, count] : st.heads) {
      if (count >= need && q[term] == 0.f && ++missing >= opt.head_missing) break;
    }
    return missing;
  }
  double head_factor(const StoryState& st) const {
    if (opt.head_missing == 0) return 1.0;
    return missing_heads(st) >= opt.head_missing ? opt.head_penalty : 1.0;
  }

  // heads += more (both sorted by term); a story keeps the head terms of its first
  // reports once it has kMaxHeads.
  void add_heads(std::vector<std::pair<uint32_t, uint32_t>>& heads,
                 const std::vector<std::pair<uint32_t, uint32_t>>& more) {
    std::vector<std::pair<uint32_t, uint32_t>>& u = heads_scratch;
    u.clear();
    u.reserve(heads.size() + more.size());
    size_t i = 0, j = 0;
    while (i < heads.size() || j < more.size()) {
      if (j >= more.size() || (i < heads.size() && heads[i].first < more[j].first))
        u.push_back(heads[i++]);
      else if (i >= heads.size() || more[j].first < heads[i].first) {
        if (heads.size() < kMaxHeads) u.push_back(more[j]);
        ++j;
      } else {
        u.emplace_back(heads[i].first, heads[i].second + more[j].second);
        ++i;
        ++j;
      }
    }
    heads.assign(u.begin(), u.end());
  }

  // log(1 + k) for every k up to the documents seen (no document frequency exceeds it).
  void grow_log_table() {
    while (log1p_table.size() <= docs + 1) log1p_table.push_back(static_cast<float>(std::log1p(double(log1p_table.size()))));
  }
  float log1p_int(uint32_t k) const { return log1p_table[k]; }
  // Smoothed IDF: log((N + 1) / (df + 1)) + 1.
  float idf(uint32_t term) { return log1p_int(docs) - log1p_int(df[term]) + 1.f; }

  // The interned id of an outlet's name, or UINT32_MAX when the article names none.
  uint32_t outlet_id(const std::string& outlet) {
    if (outlet.empty()) return UINT32_MAX;
    auto [it, inserted] = outlet_ids.try_emplace(outlet, static_cast<uint32_t>(outlet_ids.size()));
    return it->second;
  }
  // An outlet seldom reports one event twice days apart: when it does, the later report
  // is most often a development with the same people (see Options::outlet_gap_days).
  double outlet_factor(const StoryState& st, uint32_t outlet, double t) const {
    if (opt.outlet_gap_days <= 0 || outlet == UINT32_MAX || std::isnan(t)) return 1.0;
    for (const auto& [o, last] : st.outlets)
      if (o == outlet)
        return !std::isnan(last) && t - last >= opt.outlet_gap_days ? opt.outlet_penalty : 1.0;
    return 1.0;
  }
  static void note_outlet(StoryState& st, uint32_t outlet, double t) {
    if (outlet == UINT32_MAX) return;
    for (auto& [o, last] : st.outlets) {
      if (o != outlet) continue;
      if (!std::isnan(t) && (std::isnan(last) || t > last)) last = t;
      return;
    }
    st.outlets.emplace_back(outlet, t);
  }

  uint32_t language_id(const std::string& code) {
    auto [it, inserted] = languages.try_emplace(code, static_cast<uint32_t>(languages.size()));
    return it->second;
  }

  // How far specific facts confirm or contradict a match (see Options::fact_boost).
  double fact_factor(const std::vector<internal::Fact>& a, const std::vector<internal::Fact>& b) const {
    if (a.empty() || b.empty()) return 1.0;
    const internal::FactMatch m = internal::match_facts(a, b);
    double f = 1.0 + opt.fact_boost * std::min(m.shared, opt.max_facts);
    // Reports of one event update a toll or round a figure, but they agree on some
    // fact: disagreement counts only when nothing is shared, and one unit is forgiven.
    const uint32_t conflicts = m.shared > 0 || m.conflicts < 2 ? 0 : m.conflicts - 1;
    for (uint32_t k = 0; k < std::min(conflicts, opt.max_facts); ++k) f *= opt.fact_penalty;
    return f;
  }

  void add_facts(StoryState& st, const std::vector<internal::Fact>& f) {
    if (f.empty()) return;
    if (st.facts.size() >= kMaxStoryFacts) return;  // a long story keeps its first reports' figures
    std::vector<internal::Fact>& u = facts_scratch;
    u.clear();
    std::set_union(st.facts.begin(), st.facts.end(), f.begin(), f.end(), std::back_inserter(u));
    if (u.size() > kMaxStoryFacts) u.resize(kMaxStoryFacts);
    st.facts.assign(u.begin(), u.end());
  }

  double decay(double gap_days) const {
    if (gap_days <= 0 || opt.decay_days <= 0) return 1.0;
    return opt.decay_floor + (1.0 - opt.decay_floor) * std::exp(-gap_days / opt.decay_days);
  }

  // Loads `v` as the query: q[term] = weight * idf^2, so that a dot product with any
  // stored vector is one pass over that vector. Returns the query's TF-IDF norm.
  double load_query(const std::vector<TermWeight>& v) {
    if (q.size() < df.size()) q.resize(df.size(), 0.f);
    double norm = 0;
    for (const TermWeight& t : v) {
      const float f = idf(t.term);
      q[t.term] = t.w * f * f;
      norm += double(t.w * f) * (t.w * f);
    }
    return std::sqrt(norm);
  }
  void clear_query(const std::vector<TermWeight>& v) {
    for (const TermWeight& t : v) q[t.term] = 0.f;
  }

  // TF-IDF norm of a story's vector. IDF drifts slowly as the stream grows, so the norm
  // is recomputed when the story changed or the stream grew by 2% since.
  double story_norm(StoryState& st) {
    if (st.norm_dirty || docs >= st.norm_docs + std::max<uint32_t>(1, st.norm_docs / 50)) {
      double n = 0;
      for (const TermWeight& t : st.centroid) {
        const float x = t.w * idf(t.term);
        n += double(x) * x;
      }
      st.norm = std::sqrt(n);
      st.norm_docs = docs;
      st.norm_dirty = false;
    }
    return st.norm;
  }

  // Cosine of the loaded query (of norm `qnorm`) with story `s`.
  float cosine_with(double qnorm, StoryState& st) {
    const double cn = story_norm(st);
    if (qnorm <= 0 || cn <= 0) return 0;
    double dot = 0;
    for (const TermWeight& t : st.centroid) dot += double(t.w) * q[t.term];
    return static_cast<float>(dot / (qnorm * cn));
  }

  // The `k` terms of `v` with the highest TF-IDF weight, best first (ties: lower term).
  void top_terms(const std::vector<TermWeight>& v, size_t k, std::vector<std::pair<float, uint32_t>>& out) {
    out.clear();
    for (const TermWeight& t : v) out.emplace_back(t.w * idf(t.term), t.term);
    auto better = [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); };
    if (out.size() > k) {
      std::nth_element(out.begin(), out.begin() + static_cast<ptrdiff_t>(k), out.end(), better);
      out.resize(k);
    }
    std::sort(out.begin(), out.end(), better);
  }

  // Active stories sharing the top terms of `v`, most promising first; `exclude` left out.
  // With `archived`, archived stories too (for a query without a date).
  void candidates(const std::vector<TermWeight>& v, uint32_t language, uint32_t exclude,
                  std::vector<uint32_t>& out, bool archived = false) {
    std::vector<std::pair<float, uint32_t>> query;
    top_terms(v, opt.indexed_terms + 8, query);
    if (acc.size() < stories.size()) acc.resize(stories.size(), 0.f);
    touched.clear();
    const bool one_language = languages.size() <= 1;
    for (const auto& [weight, term] : query) {
      auto& list = postings[term];
      size_t keep = 0;
      for (uint32_t s : list) {
        if (!(posted[s] & kPostedActive)) continue;  // evicted or merged away: drop the posting
        list[keep++] = s;
        if (s == exclude || (!one_language && posted_language[s] != language)) continue;
        if (acc[s] == 0.f) touched.push_back(s);
        acc[s] += weight;
      }
      list.resize(keep);
      if (!archived) continue;
      auto& old = archive_postings[term];
      keep = 0;
      for (uint32_t s : old) {
        if (!(posted[s] & kPostedArchived)) continue;
        old[keep++] = s;
        if (s == exclude || (!one_language && posted_language[s] != language)) continue;
        if (acc[s] == 0.f) touched.push_back(s);
        acc[s] += weight;
      }
      old.resize(keep);
    }
    ranked.clear();
    for (uint32_t s : touched) {
      ranked.emplace_back(acc[s], s);
      acc[s] = 0.f;
    }
    auto better = [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); };
    const size_t k = opt.max_candidates;
    if (ranked.size() < k) {
      // Few stories share the query's top terms. In a small batch (a folder of a few
      // dozen articles, most of one event) the event's own words are in most articles,
      // so their weights are the lowest and neither the query's top terms nor the
      // stories' indexed terms hold them. The most recently opened live stories fill
      // the remaining places, each scored exactly like the others: at most k, and none
      // once the index finds k.
      const size_t found = ranked.size();
      size_t looked = 0;
      for (size_t s = stories.size(); s-- > 0 && ranked.size() < k && looked < 4 * k; ++looked) {
        const uint32_t id = static_cast<uint32_t>(s);
        if (!(posted[id] & kPostedActive)) continue;
        if (id == exclude || (!one_language && posted_language[id] != language)) continue;
        bool have = false;
        for (size_t i = 0; i < found && !have; ++i) have = ranked[i].second == id;
        if (!have) ranked.emplace_back(0.f, id);
      }
    }
    if (ranked.size() > k) {
      std::nth_element(ranked.begin(), ranked.begin() + static_cast<ptrdiff_t>(k), ranked.end(), better);
      ranked.resize(k);
    }
    std::sort(ranked.begin(), ranked.end(), better);
    out.clear();
    for (const auto& r : ranked) out.push_back(r.second);
  }

  // target += scale * v (both sorted by term), then pruned to the heaviest terms.
  void add_into(std::vector<TermWeight>& target, const std::vector<TermWeight>& v, float scale) {
    merged.clear();
    merged.reserve(target.size() + v.size());
    size_t i = 0, j = 0;
    while (i < target.size() || j < v.size()) {
      if (j >= v.size() || (i < target.size() && target[i].term < v[j].term)) {
        merged.push_back(target[i++]);
      } else if (i >= target.size() || v[j].term < target[i].term) {
        merged.push_back({v[j].term, v[j].w * scale});
        ++j;
      } else {
        merged.push_back({target[i].term, target[i].w + v[j].w * scale});
        ++i;
        ++j;
      }
    }
    target.swap(merged);
    const size_t cap = opt.centroid_terms;
    if (target.size() > 2 * cap) {
      std::vector<std::pair<float, uint32_t>> top;
      top_terms(target, cap, top);
      std::vector<TermWeight> kept;
      kept.reserve(cap);
      std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      size_t k = 0;
      for (const TermWeight& t : target) {
        while (k < top.size() && top[k].second < t.term) ++k;
        if (k < top.size() && top[k].second == t.term) kept.push_back(t);
      }
      target.swap(kept);
    }
  }

  void reindex(uint32_t s) {
    StoryState& st = stories[s];
    if (!st.active && !st.archived) return;
    std::vector<std::pair<float, uint32_t>> top;
    top_terms(st.centroid, opt.indexed_terms, top);
    const size_t cap = 4 * static_cast<size_t>(opt.indexed_terms);
    auto& index = st.archived ? archive_postings : postings;
    for (const auto& [w, term] : top) {
      if (st.indexed.size() >= cap) break;
      if (std::find(st.indexed.begin(), st.indexed.end(), term) != st.indexed.end()) continue;
      st.indexed.push_back(term);
      index[term].push_back(s);
    }
  }

  void add_names(StoryState& st, const std::vector<std::pair<uint32_t, std::string>>& names) {
    for (const auto& [term, name] : names) {
      if (st.names.size() >= kMaxNames) break;
      if (std::none_of(st.names.begin(), st.names.end(), [&](const auto& p) { return p.first == term; }))
        st.names.emplace_back(term, name);
    }
  }

  void note_time(StoryState& st, double t, const std::string& published) {
    if (std::isnan(t)) return;
    if (std::isnan(st.first) || t < st.first) {
      st.first = t;
      st.first_published = published;
    }
    if (std::isnan(st.last) || t > st.last) {
      st.last = t;
      st.last_published = published;
    }
  }

  std::vector<std::string> key_entities(const StoryState& st) {
    if (!st.active) return st.final_entities;
    std::vector<std::pair<float, uint32_t>> ents;
    for (const TermWeight& t : st.centroid)
      if (is_entity[t.term]) ents.emplace_back(t.w * idf(t.term) * std::log1p(t.w), t.term);
    std::sort(ents.begin(), ents.end(),
              [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    std::vector<std::string> out;
    for (const auto& [w, term] : ents) {
      if (out.size() >= kKeyEntities) break;
      for (const auto& [t, name] : st.names) {
        if (t == term) {
          out.push_back(name);
          break;
        }
      }
    }
    return out;
  }

  // Takes story `s` out of the candidate index; into the archive when `keep`.
  void retire(uint32_t s, bool keep) {
    StoryState& st = stories[s];
    if (st.active) {
      st.final_entities = key_entities(st);
      st.active = false;
      posted[s] &= ~kPostedActive;
    }
    st.indexed = {};
    st.names = {};
    if (!keep || opt.archive_stories == 0 || st.archived) {
      st.archived = false;
      posted[s] &= ~kPostedArchived;
      st.centroid = {};
      st.facts = {};
      st.heads = {};
      return;
    }
    std::vector<std::pair<float, uint32_t>> top;
    top_terms(st.centroid, opt.archive_terms, top);
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<TermWeight> kept;
    kept.reserve(top.size());
    size_t k = 0;
    for (const TermWeight& t : st.centroid) {
      while (k < top.size() && top[k].second < t.term) ++k;
      if (k < top.size() && top[k].second == t.term) kept.push_back(t);
    }
    st.centroid.swap(kept);
    st.norm_dirty = true;
    st.archived = true;
    posted[s] |= kPostedArchived;
    reindex(s);
    archive.push_back(s);
    while (archive.size() > opt.archive_stories) {
      const uint32_t o = archive.front();
      StoryState& old = stories[o];
      archive.pop_front();
      if (!old.archived) continue;
      old.archived = false;
      posted[o] &= ~kPostedArchived;
      old.centroid = {};
      old.indexed = {};
      old.facts = {};
      old.heads = {};
    }
  }

  void sweep() {
    if (std::isnan(now) || opt.horizon_days <= 0) return;
    if (!std::isnan(last_sweep) && now - last_sweep < 1.0) return;
    last_sweep = now;
    const double cutoff = now - opt.horizon_days;
    size_t keep = 0;
    for (uint32_t s : active) {
      StoryState& st = stories[s];
      if (!st.active) continue;
      if (!std::isnan(st.last) && st.last < cutoff) {
        retire(s, true);
        continue;
      }
      active[keep++] = s;
    }
    active.resize(keep);
    compact_postings();
  }

  // Drops the postings of stories that left the index (or the archive). A search drops
  // those it meets, but the lists of terms no search asks for again (a name of last
  // month) would keep them for good: a stream of millions would grow its index without
  // bound. Once a day of the stream, linear in the postings; the order of the entries
  // kept, and so every later result, is what the searches would have left.
  void compact_postings() {
    auto compact = [](std::vector<uint32_t>& list, auto&& keep_story) {
      size_t keep = 0;
      for (uint32_t s : list)
        if (keep_story(s)) list[keep++] = s;
      list.resize(keep);
      if (list.capacity() > 16 && list.size() < list.capacity() / 4) list.shrink_to_fit();
    };
    for (auto& list : postings)
      compact(list, [&](uint32_t s) { return (posted[s] & kPostedActive) != 0; });
    for (auto& list : archive_postings)
      compact(list, [&](uint32_t s) { return (posted[s] & kPostedArchived) != 0; });
  }

  uint32_t open_story(uint32_t index, const Article& a, double t, uint32_t language) {
    const uint32_t s = static_cast<uint32_t>(stories.size());
    stories.emplace_back();
    posted.push_back(kPostedActive);
    posted_language.push_back(language);
    StoryState& st = stories.back();
    st.language = language;
    st.members.push_back(index);
    note_time(st, t, a.published);
    st.label = a.title;
    std::string id = hash_id(a.id);
    for (int k = 2; !story_ids_used.insert(id).second; ++k) id = hash_id(a.id + "#" + std::to_string(k));
    story_ids.push_back(std::move(id));
    active.push_back(s);
    return s;
  }

  void merge(uint32_t into, uint32_t from) {
    StoryState& a = stories[into];
    StoryState& b = stories[from];
    add_into(a.centroid, b.centroid, 1.f);
    a.norm_dirty = true;
    std::vector<uint32_t> members;
    members.reserve(a.members.size() + b.members.size());
    std::merge(a.members.begin(), a.members.end(), b.members.begin(), b.members.end(), std::back_inserter(members));
    a.members.swap(members);
    for (uint32_t m : b.members) story[m] = into;
    if (!std::isnan(b.first)) {
      note_time(a, b.first, b.first_published);
      note_time(a, b.last, b.last_published);
    }
    if (b.label_score > a.label_score && !b.label.empty()) {
      a.label = b.label;
      a.label_score = b.label_score;
    }
    add_names(a, b.names);
    add_facts(a, b.facts);
    add_heads(a.heads, b.heads);
    for (const auto& [o, last] : b.outlets) note_outlet(a, o, last);
    a.docs += b.docs;
    b.merged_into = into;
    b.members = {};
    retire(from, false);
    reindex(into);
  }

  // After story `s` grew: merge it with an active story it now resembles.
  void maybe_merge(uint32_t s) {
    std::vector<uint32_t> cands;
    // An undated or archived story may meet archived ones; an archived story does not
    // swallow a dated story still inside the horizon.
    const bool reach_archive = stories[s].archived || std::isnan(stories[s].first);
    candidates(stories[s].centroid, stories[s].language, s, cands, reach_archive);
    float best = -1;
    uint32_t best_story = UINT32_MAX;
    const double qnorm = load_query(stories[s].centroid);
    for (uint32_t o : cands) {
      StoryState& so = stories[o];
      const StoryState& ss = stories[s];
      if (ss.archived && so.active && !std::isnan(so.first)) continue;
      double gap = 0;
      if (!std::isnan(ss.first) && !std::isnan(so.first))
        gap = std::max({0.0, so.first - ss.last, ss.first - so.last});
      const float sim =
          static_cast<float>(cosine_with(qnorm, so) * decay(gap) * fact_factor(ss.facts, so.facts));
      if (sim > best || (sim == best && o < best_story)) {
        best = sim;
        best_story = o;
      }
    }
    clear_query(stories[s].centroid);
    if (best_story == UINT32_MAX || best < opt.merge_threshold) return;
    merge(std::min(s, best_story), std::max(s, best_story));
  }

  Placement add(const Article& a) {
    const uint32_t index = static_cast<uint32_t>(ids.size());
    ids.push_back(a.id);
    dup_of.push_back(-1);
    story.push_back(0);
    const std::optional<double> parsed = event_days(a);
    const double t = parsed ? *parsed : kNoTime;
    if (parsed && (std::isnan(now) || t > now)) now = t;
    sweep();

    Placement p;
    if (opt.near_duplicates) {
      text.assign(a.title);
      text += '\n';
      text += a.text;
      double similarity = 0;
      const int64_t original = dedup.add(text, index, t, opt.horizon_days, similarity);
      if (original >= 0) {
        const uint32_t s = story[static_cast<size_t>(original)];
        StoryState& st = stories[s];
        st.members.push_back(index);
        note_time(st, t, a.published);
        note_outlet(st, outlet_id(a.outlet), t);
        story[index] = s;
        dup_of[index] = original;
        p.story = s;
        p.duplicate_of = original;
        p.similarity = similarity;
        return p;
      }
    }

    const std::string lang_code = internal::article_language(a);
    const uint32_t language = language_id(lang_code);
    const uint32_t outlet = outlet_id(a.outlet);
    internal::featurize(a, lang_code, opt, feats);
    vec.clear();
    std::vector<std::pair<uint32_t, std::string>> names;
    for (const internal::Feature& f : feats.terms) {
      bool inserted = false;
      const uint32_t term = term_ids.insert(f.key, static_cast<uint32_t>(df.size()), inserted);
      if (inserted) {
        df.push_back(0);
        is_entity.push_back(f.entity);
        postings.emplace_back();
        archive_postings.emplace_back();
      }
      ++df[term];
      vec.push_back({term, f.weight});
    }
    for (const auto& [key, name] : feats.entity_names) {
      const uint32_t term = term_ids.find(key);
      if (term != TermTable::kNone) names.emplace_back(term, name);
    }
    head_terms.clear();
    for (uint64_t key : feats.head) {
      const uint32_t term = term_ids.find(key);
      if (term != TermTable::kNone) head_terms.push_back(term);
    }
    std::sort(head_terms.begin(), head_terms.end());
    head_terms.erase(std::unique(head_terms.begin(), head_terms.end()), head_terms.end());
    ++docs;
    grow_log_table();
    std::sort(vec.begin(), vec.end(), [](const TermWeight& x, const TermWeight& y) { return x.term < y.term; });

    // The article's TF-IDF norm; it joins its story scaled to unit norm, so that each
    // member weighs the same.
    const double norm = load_query(vec);

    uint32_t best_story = UINT32_MAX;
    float best = -1;
    if (norm > 0) {
      std::vector<uint32_t> cands;
      // Without a date nothing says a story is too old: archived stories are candidates.
      candidates(vec, language, UINT32_MAX, cands, std::isnan(t));
      for (uint32_t s : cands) {
        StoryState& st = stories[s];
        float sim = static_cast<float>(
            cosine_with(norm, st) * decay(interval_gap(t, st.first, st.last)) *
            fact_factor(feats.facts, st.facts) * head_factor(st) * outlet_factor(st, outlet, t));
        // Nothing but the text says an undated article belongs to an archived story:
        // it must say so more clearly.
        if (st.archived && sim < opt.archive_threshold) continue;
        if (sim > best || (sim == best && s < best_story)) {
          best = sim;
          best_story = s;
        }
      }
    }

    clear_query(vec);
    uint32_t s;
    if (best_story != UINT32_MAX && best >= opt.threshold) {
      s = best_story;
      StoryState& st = stories[s];
      st.members.push_back(index);
      note_time(st, t, a.published);
      if (st.docs == 1 && st.label_score < 0) st.label_score = best;  // the founder's closeness
      if (best > st.label_score && !a.title.empty()) {
        st.label = a.title;
        st.label_score = best;
      }
      p.similarity = best;
    } else {
      s = open_story(index, a, t, language);
      p.opened = true;
    }
    StoryState& st = stories[s];
    if (norm > 0) add_into(st.centroid, vec, static_cast<float>(1.0 / norm));
    st.norm_dirty = true;
    ++st.docs;
    add_names(st, names);
    add_facts(st, feats.facts);
    note_outlet(st, outlet, t);
    if (opt.head_missing > 0) {
      head_pairs.clear();
      for (uint32_t term : head_terms) head_pairs.emplace_back(term, 1u);
      add_heads(st.heads, head_pairs);
    }
    story[index] = s;
    p.story = s;
    if (norm > 0) {
      reindex(s);
      if (!p.opened) {
        maybe_merge(s);
        p.story = story[index];
      }
    }
    return p;
  }
};

Clusterer::Clusterer(const Options& options) : impl_(std::make_unique<Impl>(options)) {}
Clusterer::~Clusterer() = default;
Clusterer::Clusterer(Clusterer&&) noexcept = default;
Clusterer& Clusterer::operator=(Clusterer&&) noexcept = default;

Placement Clusterer::add(const Article& article) { return impl_->add(article); }
size_t Clusterer::size() const { return impl_->ids.size(); }
uint32_t Clusterer::story_of(size_t index) const { return impl_->story.at(index); }
int64_t Clusterer::duplicate_of(size_t index) const { return impl_->dup_of.at(index); }

std::vector<Story> Clusterer::stories() const {
  Impl& m = *impl_;
  std::vector<Story> out;
  for (uint32_t s = 0; s < m.stories.size(); ++s) {
    const StoryState& st = m.stories[s];
    if (st.merged_into != UINT32_MAX || st.members.empty()) continue;
    Story story;
    story.id = m.story_ids[s];
    story.articles.reserve(st.members.size());
    for (uint32_t a : st.members) story.articles.push_back(m.ids[a]);
    story.first_published = st.first_published;
    story.last_published = st.last_published;
    story.label = st.label;
    story.key_entities = m.key_entities(st);
    out.push_back(std::move(story));
  }
  return out;
}

Grouping group(const std::vector<Article>& articles, const Options& options,
               const std::function<void(size_t, size_t)>& progress) {
  std::vector<std::pair<double, size_t>> dated;
  std::vector<size_t> undated;
  for (size_t i = 0; i < articles.size(); ++i) {
    if (auto d = event_days(articles[i])) dated.emplace_back(*d, i);
    else undated.push_back(i);
  }
  std::sort(dated.begin(), dated.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const std::string& ia = articles[a.second].id;
    const std::string& ib = articles[b.second].id;
    if (ia != ib) return ia < ib;
    return a.second < b.second;
  });
  std::vector<size_t> order;
  order.reserve(articles.size());
  for (const auto& d : dated) order.push_back(d.second);
  order.insert(order.end(), undated.begin(), undated.end());

  Clusterer c(options);
  for (size_t k = 0; k < order.size(); ++k) {
    c.add(articles[order[k]]);
    if (progress && ((k + 1) % 1000 == 0 || k + 1 == order.size())) progress(k + 1, order.size());
  }
  Grouping g;
  g.stories = c.stories();
  // Stories come out in the order of their story index (first member's add index).
  std::vector<uint32_t> story_index;
  for (size_t k = 0; k < order.size(); ++k) story_index.push_back(c.story_of(k));
  std::vector<uint32_t> sorted = story_index;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  g.story_of.assign(articles.size(), 0);
  g.duplicate_of.assign(articles.size(), -1);
  for (size_t k = 0; k < order.size(); ++k) {
    g.story_of[order[k]] = static_cast<uint32_t>(
        std::lower_bound(sorted.begin(), sorted.end(), story_index[k]) - sorted.begin());
    const int64_t d = c.duplicate_of(k);
    if (d >= 0) g.duplicate_of[order[k]] = static_cast<int64_t>(order[static_cast<size_t>(d)]);
  }
  g.order = std::move(order);
  return g;
}

}  // namespace parallax::cluster
