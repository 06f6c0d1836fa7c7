#include "parallax/synthetic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <queue>
#include <string>
#include <vector>

namespace parallax::synthetic {
namespace {

// splitmix64: small, fast, and the same on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t next() {
    uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
  uint32_t below(uint32_t n) { return n ? static_cast<uint32_t>((next() >> 32) * n >> 32) : 0; }
  double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

 private:
  uint64_t s_;
};

uint64_t mix(uint64_t a, uint64_t b) {
  Rng r(a * 0x9E3779B97F4A7C15ull ^ b);
  return r.next();
}

constexpr const char* kSyllables[] = {"ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "de", "ba", "fu", "ge",
                                      "ho", "ji", "pe", "ra", "sa", "te", "zu", "mo", "ni", "la", "ko", "ve",
                                      "di", "pa", "ro", "se", "tu", "ma", "no", "li"};
constexpr uint32_t kSyllableCount = sizeof(kSyllables) / sizeof(kSyllables[0]);
constexpr const char* kFunctionWords[] = {"the", "of", "and", "to", "in", "a", "said", "on", "for", "that",
                                          "with", "was", "by", "at", "from", "is", "has", "it", "after", "its"};
constexpr uint32_t kFunctionCount = sizeof(kFunctionWords) / sizeof(kFunctionWords[0]);

// A pronounceable word for every number, 2 to 4 syllables, plus a consonant ending
// for some so that stems differ.
std::string pseudo_word(uint32_t n, uint32_t salt) {
  uint64_t h = mix(n, salt);
  std::string w;
  const uint32_t syll = 2 + static_cast<uint32_t>(h % 3);
  uint32_t x = n;
  for (uint32_t k = 0; k < syll; ++k) {
    w += kSyllables[(x + (h >> (8 * k))) % kSyllableCount];
    x /= kSyllableCount;
  }
  // Keep distinct numbers distinct.
  while (x > 0) {
    w += kSyllables[x % kSyllableCount];
    x /= kSyllableCount;
  }
  if ((h >> 40) % 3 == 0) w += "n";
  return w;
}

std::string capitalize(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
  return w;
}

class Zipf {
 public:
  Zipf(uint32_t n, double s) : cdf_(n) {
    double sum = 0;
    for (uint32_t i = 0; i < n; ++i) {
      sum += 1.0 / std::pow(i + 1.0, s);
      cdf_[i] = sum;
    }
    for (double& c : cdf_) c /= sum;
  }
  uint32_t draw(Rng& r) const {
    return static_cast<uint32_t>(std::lower_bound(cdf_.begin(), cdf_.end(), r.uniform()) - cdf_.begin());
  }

 private:
  std::vector<double> cdf_;
};

constexpr uint32_t kVocabulary = 40000;
constexpr uint32_t kEntities = 30000;
constexpr uint32_t kOutlets = 300;
constexpr uint32_t kTopicWords = 24;

struct Event {
  double start = 0;
  std::vector<uint32_t> entities;
  std::vector<uint32_t> topic;
};

struct Plan {
  double time = 0;
  uint64_t seq = 0;
  uint32_t event = 0;
  uint32_t outlet = 0;
  uint64_t text_seed = 0;
  bool copy = false;       // a wire copy of the article written from text_seed
  uint64_t edit_seed = 0;  // its headline, local paragraph and edits
};

struct Later {
  bool operator()(const Plan& a, const Plan& b) const {
    return a.time > b.time || (a.time == b.time && a.seq > b.seq);
  }
};

std::string iso_time(double days) {
  const int64_t secs = static_cast<int64_t>(std::floor(days * 86400.0));
  int64_t z = secs / 86400 + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  const int64_t sod = secs % 86400;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", static_cast<long long>(y), m, d,
                static_cast<long long>(sod / 3600), static_cast<long long>(sod / 60 % 60),
                static_cast<long long>(sod % 60));
  return buf;
}

}  // namespace

struct Generator::Impl {
  StreamOptions opt;
  Rng rng;
  Zipf general{kVocabulary, 1.05};
  Zipf entity_pick{kEntities, 0.9};
  Zipf within{kTopicWords, 0.8};
  std::vector<Event> events;
  std::vector<uint32_t> day_first_event;  // index of the first event of each day
  std::priority_queue<Plan, std::vector<Plan>, Later> pending;
  uint64_t seq = 0;
  size_t emitted = 0;
  uint32_t day = 0;
  static constexpr double kStartDay = 19000;  // 2022-01-08

  explicit Impl(const StreamOptions& o) : opt(o), rng(o.seed ^ 0x5EED5EED5EEDull) {}

  std::string entity_name(uint32_t e) const {
    // One in five is an organisation written as an acronym.
    if (mix(e, 77) % 5 == 0) {
      std::string w = pseudo_word(e, 91);
      std::string acro;
      for (size_t i = 0; i < w.size() && acro.size() < 4; i += 2) acro += static_cast<char>(w[i] - 32);
      return acro;
    }
    return capitalize(pseudo_word(e, 13)) + " " + capitalize(pseudo_word(e, 17));
  }

  void plan_day() {
    const double mean_outlets = (opt.min_outlets + opt.max_outlets) / 2.0;
    const double mean_articles = mean_outlets;
    const uint32_t n = std::max<uint32_t>(1, static_cast<uint32_t>(std::lround(opt.articles_per_day / mean_articles)));
    day_first_event.push_back(static_cast<uint32_t>(events.size()));
    for (uint32_t k = 0; k < n; ++k) {
      Event ev;
      ev.start = kStartDay + day + rng.uniform();
      const uint32_t ev_index = static_cast<uint32_t>(events.size());
      const bool follow = day >= 14 && rng.uniform() < opt.follow_up_rate;
      if (follow) {
        // Follow up an event 2 to 8 weeks older: the same names, half the vocabulary.
        const uint32_t back = 14 + rng.below(43);
        const uint32_t from_day = day >= back ? day - back : 0;
        const uint32_t lo = day_first_event[from_day];
        const uint32_t hi = from_day + 1 < day_first_event.size() ? day_first_event[from_day + 1] : lo + 1;
        const Event& old = events[lo + rng.below(std::max<uint32_t>(1, hi - lo))];
        ev.entities = old.entities;
        ev.topic = old.topic;
        for (uint32_t i = 0; i < ev.topic.size(); i += 2) ev.topic[i] = 300 + rng.below(kVocabulary - 300);
      } else {
        const uint32_t ne = 2 + rng.below(4);
        for (uint32_t i = 0; i < ne; ++i) ev.entities.push_back(entity_pick.draw(rng));
        for (uint32_t i = 0; i < kTopicWords; ++i) ev.topic.push_back(300 + rng.below(kVocabulary - 300));
      }
      const uint32_t outlets = opt.min_outlets + rng.below(opt.max_outlets - opt.min_outlets + 1);
      uint64_t first_seed = 0;
      for (uint32_t o = 0; o < outlets; ++o) {
        Plan p;
        p.time = ev.start + (o == 0 ? 0 : rng.exponential(0.6));
        p.seq = seq++;
        p.event = ev_index;
        p.outlet = rng.below(kOutlets);
        p.text_seed = rng.next();
        if (o == 0) {
          first_seed = p.text_seed;
        } else if (rng.uniform() < opt.wire_copy_rate) {
          p.copy = true;
          p.edit_seed = p.text_seed;
          p.text_seed = first_seed;
        }
        pending.push(p);
      }
      events.push_back(std::move(ev));
    }
    ++day;
  }

  void sentence(Rng& r, const Event& ev, std::string& out, uint32_t words) {
    for (uint32_t i = 0; i < words; ++i) {
      const double u = r.uniform();
      std::string w;
      if (u < 0.22) {
        w = pseudo_word(ev.topic[within.draw(r)], 5);
      } else if (u < 0.28) {
        w = entity_name(ev.entities[r.below(static_cast<uint32_t>(ev.entities.size()))]);
      } else if (u < 0.55) {
        w = kFunctionWords[r.below(kFunctionCount)];
      } else {
        w = pseudo_word(general.draw(r), 5);
      }
      if (i == 0) w = capitalize(w);
      if (i > 0) out += ' ';
      out += w;
    }
    out += '.';
  }

  std::string headline(Rng& r, const Event& ev) {
    std::string t = entity_name(ev.entities[r.below(static_cast<uint32_t>(ev.entities.size()))]);
    const uint32_t n = 4 + r.below(5);
    for (uint32_t i = 0; i < n; ++i) {
      t += ' ';
      t += r.uniform() < 0.6 ? pseudo_word(ev.topic[within.draw(r)], 5) : pseudo_word(general.draw(r), 5);
    }
    return t;
  }

  void body(uint64_t seed, const Event& ev, Article& a) {
    Rng r(seed);
    a.title = headline(r, ev);
    const uint32_t target = std::max<uint32_t>(40, static_cast<uint32_t>(opt.words * (0.6 + 0.8 * r.uniform())));
    uint32_t words = 0;
    std::string para;
    while (words < target) {
      para.clear();
      const uint32_t sentences = 2 + r.below(3);
      for (uint32_t s = 0; s < sentences; ++s) {
        const uint32_t len = 12 + r.below(14);
        if (s > 0) para += ' ';
        sentence(r, ev, para, len);
        words += len;
      }
      a.add_paragraph(para);
    }
  }

  bool next(Article& a, uint32_t& event) {
    if (emitted >= opt.articles) return false;
    while (pending.empty() || pending.top().time >= kStartDay + day) plan_day();
    const Plan p = pending.top();
    pending.pop();
    const Event& ev = events[p.event];
    a = Article{};
    body(p.text_seed, ev, a);
    if (p.copy) {
      // A wire copy: the agency's body under a new headline, a local paragraph in
      // front, a few words changed.
      Rng r(p.edit_seed);
      a.title = headline(r, ev);
      std::string local;
      sentence(r, ev, local, 14 + r.below(10));
      std::string text = a.text;
      for (int k = 0; k < 3; ++k) {
        size_t at = text.find(' ', r.below(static_cast<uint32_t>(text.size())));
        if (at == std::string::npos) continue;
        size_t end = text.find(' ', at + 1);
        if (end == std::string::npos) continue;
        text.replace(at + 1, end - at - 1, pseudo_word(general.draw(r), 5));
      }
      a.text.clear();
      a.paragraphs.clear();
      a.add_paragraph(local);
      size_t pos = 0;
      while (pos < text.size()) {
        size_t nl = text.find("\n\n", pos);
        if (nl == std::string::npos) nl = text.size();
        a.add_paragraph(std::string_view(text).substr(pos, nl - pos));
        pos = nl + 2;
      }
    }
    a.outlet = "outlet" + std::to_string(p.outlet) + ".example";
    a.published = iso_time(p.time);
    a.language = "en";
    a.id = hash_id("synthetic:" + std::to_string(opt.seed) + ":" + std::to_string(emitted));
    a.url = "https://" + a.outlet + "/news/" + a.id;
    a.source = "synthetic";
    event = p.event;
    ++emitted;
    return true;
  }
};

Generator::Generator(const StreamOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Generator::~Generator() = default;
Generator::Generator(Generator&&) noexcept = default;
Generator& Generator::operator=(Generator&&) noexcept = default;

bool Generator::next(Article& article, uint32_t& event) { return impl_->next(article, event); }

Stream generate(const StreamOptions& options) {
  Generator g(options);
  Stream s;
  s.articles.reserve(options.articles);
  s.events.reserve(options.articles);
  Article a;
  uint32_t e = 0;
  while (g.next(a, e)) {
    s.articles.push_back(std::move(a));
    s.events.push_back(e);
  }
  return s;
}

}  // namespace parallax::synthetic
