#include "parallax/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "features.h"

namespace parallax::compare {
namespace {

// A posting list longer than this is skipped when looking for candidate pairs: a word
// in several sentences of every article is the story's topic, not evidence of one
// fact (a fact's own words appear about once per article), and its IDF is too low to
// lift a pair over the threshold on its own.
size_t max_postings(size_t articles) { return std::max<size_t>(32, 3 * articles); }

// Sentences scored in full per sentence and other article, at most.
constexpr size_t kCandidatesPerArticle = 2;
constexpr size_t kExtraCandidates = 8;

// A group joins another only when the mean similarity over all their cross pairs
// reaches this share of the fact threshold (average linkage).
constexpr float kLinkageShare = 0.6f;
// How much closer to the rest of a fact a sentence must be to displace the member of
// its article.
constexpr float kDisplaceMargin = 0.05f;
constexpr float kEachShare = 0.5f;
// Sentences of one article that may state one fact together.
constexpr size_t kMaxRun = 2;
// Share of what a sentence has in common with a second fact that its own fact must
// not account for, for it to count as stating that fact too.
constexpr float kNovelShare = 0.65f;

struct Pair {
  uint32_t a, b;  // global sentence indices, a < b
  float sim;
};

uint64_t pair_key(uint32_t a, uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<uint64_t>(a) << 32) | b;
}

// Candidate pairs through an inverted index from word families and synsets to
// sentences. Each sentence's candidates are ranked by the summed weight of the keys
// they share, and only the best few per other article are scored in full, so the
// cost stays near-linear even when fifty articles share most of their vocabulary.
std::vector<Pair> candidate_pairs(const Features& f, size_t articles, float threshold) {
  const size_t n = f.sentences.size();
  const uint32_t family_space = static_cast<uint32_t>(f.stems.size());
  std::unordered_map<uint32_t, std::vector<uint32_t>> postings;
  struct Key {
    uint32_t id;
    float weight;
  };
  auto keys_of = [&](const SentenceFeatures& s, std::vector<Key>& keys) {
    keys.clear();
    for (const Word& w : s.words) {
      keys.push_back({w.family, w.weight});
      for (uint32_t syn : w.senses) keys.push_back({family_space + syn, kSynonymMatch * w.weight});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& x, const Key& y) {
      return x.id != y.id ? x.id < y.id : x.weight > y.weight;
    });
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [](const Key& x, const Key& y) { return x.id == y.id; }),
               keys.end());
  };
  std::vector<Key> keys;
  for (uint32_t i = 0; i < n; ++i) {
    if (!f.sentences[i].eligible) continue;
    keys_of(f.sentences[i], keys);
    for (const Key& k : keys) postings[k.id].push_back(i);
  }
  const size_t cap = max_postings(articles);
  const size_t keep = kCandidatesPerArticle * std::max<size_t>(articles - 1, 1) + kExtraCandidates;
  std::vector<float> score(n, 0.0f);
  std::vector<Pair> out;
  std::vector<uint32_t> cands;
  for (uint32_t i = 0; i < n; ++i) {
    const SentenceFeatures& si = f.sentences[i];
    if (!si.eligible) continue;
    keys_of(si, keys);
    cands.clear();
    for (const Key& k : keys) {
      const auto& list = postings[k.id];
      if (list.size() > cap) continue;
      for (auto it = std::upper_bound(list.begin(), list.end(), i); it != list.end(); ++it) {
        uint32_t j = *it;
        if (f.sentences[j].article == si.article) continue;
        if (score[j] == 0.0f) cands.push_back(j);
        score[j] += k.weight;
      }
    }
    if (cands.size() > keep) {
      std::nth_element(cands.begin(), cands.begin() + keep, cands.end(),
                       [&](uint32_t x, uint32_t y) {
                         return score[x] != score[y] ? score[x] > score[y] : x < y;
                       });
      for (size_t c = keep; c < cands.size(); ++c) score[cands[c]] = 0.0f;
      cands.resize(keep);
    }
    std::sort(cands.begin(), cands.end());
    for (uint32_t j : cands) {
      score[j] = 0.0f;
      float s = similarity(f, si, f.sentences[j]);
      if (s >= threshold) out.push_back({i, j, s});
    }
  }
  return out;
}

struct Group {
  std::vector<uint32_t> members;   // global sentence indices
  std::vector<uint64_t> articles;  // bit set
};

std::string_view sentence_text(const Article& art, const Analysis& an, uint32_t s) {
  return an.sentences[s].span.of(art.text);
}

// Lower-cased words of a title, for the headline comparison: letters and digits,
// possessive "'s" dropped, words of three bytes or fewer and a few function words left
// out (compare has no analyser to stem titles with).
std::vector<std::string> title_words(std::string_view title) {
  static const char* const kFunction[] = {"with", "from", "that",  "this",  "would", "will",
                                          "into", "over", "after", "about", "says",  "said",
                                          "have", "been", "were",  "their", "they"};
  std::vector<std::string> out;
  std::string cur;
  bool all_caps = true;  // "US", "EU": short but names
  auto flush = [&] {
    if (cur.size() >= 2 && cur.compare(cur.size() - 2, 2, "'s") == 0) cur.resize(cur.size() - 2);
    bool keep = cur.size() > 3 || (cur.size() >= 2 && all_caps);
    for (const char* w : kFunction)
      if (cur == w) keep = false;
    if (keep && std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
    cur.clear();
    all_caps = true;
  };
  for (size_t i = 0; i < title.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (c >= 'A' && c <= 'Z') {
      cur.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      all_caps = all_caps && !(c >= 'a' && c <= 'z');
      cur.push_back(static_cast<char>(c));
    } else if (c == '\'' && !cur.empty()) {
      cur.push_back('\'');
    } else if (c == '.' && all_caps && !cur.empty()) {
      // "U.S." stays one word
    } else {
      flush();
    }
  }
  flush();
  // Strip curly apostrophe + s ("Japan’s") as well.
  for (auto& w : out) {
    static const std::string kCurly = "\xE2\x80\x99s";
    if (w.size() > kCurly.size() && w.compare(w.size() - kCurly.size(), kCurly.size(), kCurly) == 0)
      w.resize(w.size() - kCurly.size());
  }
  return out;
}

// Seconds since 1970 of an ISO 8601 date or date-time
// ("2025-09-16", "2025-09-16T09:40", "2025-09-16T09:40:00.5+01:00", "...Z"); a missing
// time is midnight and a missing zone UTC. Nothing when it does not parse.
std::optional<int64_t> epoch_seconds(std::string_view s) {
  size_t i = 0;
  auto num = [&](size_t digits, int& out) {
    if (i + digits > s.size()) return false;
    out = 0;
    for (size_t k = 0; k < digits; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    i += digits;
    return true;
  };
  auto expect = [&](char c) {
    if (i < s.size() && s[i] == c) return ++i, true;
    return false;
  };
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!num(4, y) || !expect('-') || !num(2, mo) || !expect('-') || !num(2, d)) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return std::nullopt;
  int64_t offset = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    ++i;
    if (!num(2, h) || !expect(':') || !num(2, mi)) return std::nullopt;
    if (expect(':') && !num(2, sec)) return std::nullopt;
    if (expect('.') || expect(','))
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (expect('Z')) {
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int sign = s[i] == '-' ? -1 : 1;
      ++i;
      int oh, om = 0;
      if (!num(2, oh)) return std::nullopt;
      if (expect(':')) {
        if (!num(2, om)) return std::nullopt;
      } else if (i < s.size()) {
        num(2, om);
      }
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (i != s.size()) return std::nullopt;
  // Days from civil (H. Hinnant's algorithm).
  int yy = y - (mo <= 2);
  int era = (yy >= 0 ? yy : yy - 399) / 400;
  int yoe = yy - era * 400;
  int doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = static_cast<int64_t>(era) * 146097 + doe - 719468;
  return days * 86400 + h * 3600 + mi * 60 + sec - offset;
}

bool same_title_word(const std::string& a, const std::string& b) {
  if (a == b) return true;
  // A shared start of five bytes stands in for a stem ("warns"/"warned" stay apart,
  // "tension"/"tensions" join).
  size_t n = std::min(a.size(), b.size());
  return n >= 5 && a.compare(0, n, b, 0, n) == 0 && std::max(a.size(), b.size()) - n <= 3;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

float sentence_similarity(const Analysis& a, uint32_t sa, const Analysis& b, uint32_t sb,
                          const analyze::Lexical& lexical) {
  if (sa >= a.sentences.size() || sb >= b.sentences.size()) return 0;
  Features f = build_features({&a, &b}, lexical);
  return similarity(f, f.at(0, sa), f.at(1, sb));
}

Comparison compare(const std::vector<Article>& articles, const std::vector<Analysis>& analyses,
                   const analyze::Lexical& lexical, const Options& options) {
  Comparison out;
  const size_t na = std::min(articles.size(), analyses.size());
  if (na == 0) return out;
  std::vector<const Analysis*> an;
  for (size_t i = 0; i < na; ++i) an.push_back(&analyses[i]);
  std::vector<std::string> outlets;
  for (size_t i = 0; i < na; ++i) outlets.push_back(articles[i].outlet);
  Features f = build_features(an, lexical, outlets);
  const size_t ns = f.sentences.size();
  const size_t words = (na + 63) / 64;

  // Facts: the most similar pairs first; two groups merge when they share no
  // article, or (adjacent_join) when their members in each shared article are two
  // adjacent sentences, so a fact cannot chain through a sentence elsewhere in an
  // article.
  std::vector<Pair> pairs = candidate_pairs(f, na, options.fact_threshold);
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    if (x.sim != y.sim) return x.sim > y.sim;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  });
  std::unordered_map<uint64_t, float> sims;
  sims.reserve(pairs.size() * 2);
  for (const Pair& p : pairs) sims.emplace(pair_key(p.a, p.b), p.sim);

  std::vector<uint32_t> group_of(ns);
  std::vector<Group> groups(ns);
  for (uint32_t i = 0; i < ns; ++i) {
    group_of[i] = i;
    if (!f.sentences[i].eligible) continue;
    groups[i].members = {i};
    groups[i].articles.assign(words, 0);
    uint32_t art = f.sentences[i].article;
    groups[i].articles[art / 64] |= uint64_t{1} << (art % 64);
  }
  // Similarity of any two eligible sentences, scored on demand: group linkage needs
  // pairs the candidate search did not score.
  std::unordered_map<uint64_t, float> full;
  auto sim_full = [&](uint32_t a, uint32_t b) {
    uint64_t key = pair_key(a, b);
    if (auto it = sims.find(key); it != sims.end()) return it->second;
    auto [it, fresh] = full.try_emplace(key, 0.0f);
    if (fresh) it->second = similarity(f, f.sentences[a], f.sentences[b]);
    return it->second;
  };
  // Mean similarity of sentence s to the members of g, leaving out `skip`.
  auto mean_to = [&](uint32_t s, const Group& g, uint32_t skip) {
    float sum = 0;
    size_t n = 0;
    for (uint32_t m : g.members) {
      if (m == skip) continue;
      sum += sim_full(s, m), ++n;
    }
    return n == 0 ? 0.0f : sum / static_cast<float>(n);
  };
  const float linkage = kLinkageShare * options.fact_threshold;
  auto set_bit = [&](Group& g, uint32_t art, bool on) {
    uint64_t bit = uint64_t{1} << (art % 64);
    if (on)
      g.articles[art / 64] |= bit;
    else
      g.articles[art / 64] &= ~bit;
  };
  // Keeps the smaller id as the surviving group so the outcome does not depend on
  // which side of the pair came first.
  auto merge = [&](uint32_t ga, uint32_t gb) {
    uint32_t keep = std::min(ga, gb), drop = std::max(ga, gb);
    Group& k = groups[keep];
    Group& d = groups[drop];
    for (uint32_t m : d.members) group_of[m] = keep;
    k.members.insert(k.members.end(), d.members.begin(), d.members.end());
    for (size_t w = 0; w < words; ++w) k.articles[w] |= d.articles[w];
    d.members.clear();
  };
  auto in_group = [&](const Group& g, uint32_t art) {
    return (g.articles[art / 64] >> (art % 64)) & 1;
  };
  // One outlet may state in two sentences what another states in one ("We had 130
  // firefighters on the quay. The fire is now contained," against "the 130
  // firefighters had contained the flames"). Two groups that share articles join
  // when, in every article they share, their members together form one run of
  // adjacent sentences of one paragraph (at most kMaxRun) and some sentence of
  // another article reaches the fact threshold with each of them, the pair linking them
  // comes from an article only one of them holds (two sentences of near-copies stay
  // two facts), and the mean similarity over their cross pairs from different
  // articles reaches the linkage.
  // x holds p.a and y holds p.b.
  auto adjacent_join = [&](const Pair& p, const Group& x, const Group& y) {
    if (in_group(y, f.sentences[p.a].article) && in_group(x, f.sentences[p.b].article)) return false;
    std::vector<uint32_t> all(x.members);
    all.insert(all.end(), y.members.begin(), y.members.end());
    std::sort(all.begin(), all.end());  // global indices: by article, then sentence
    for (size_t i = 0; i < all.size();) {
      size_t j = i + 1;
      const SentenceFeatures& first = f.sentences[all[i]];
      while (j < all.size() && f.sentences[all[j]].article == first.article) ++j;
      if (j - i > 1) {
        if (j - i > kMaxRun) return false;
        const Analysis& an = analyses[first.article];
        for (size_t k = i + 1; k < j; ++k) {
          const SentenceFeatures& s = f.sentences[all[k]];
          if (s.sentence != f.sentences[all[k - 1]].sentence + 1) return false;
          if (an.sentences[s.sentence].paragraph != an.sentences[first.sentence].paragraph)
            return false;
        }
        // Some sentence of another article states what each of the run states.
        bool spanned = false;
        for (size_t o = 0; o < all.size() && !spanned; ++o) {
          if (f.sentences[all[o]].article == first.article) continue;
          spanned = true;
          for (size_t k = i; k < j && spanned; ++k)
            spanned = sim_full(all[o], all[k]) >= options.fact_threshold;
        }
        if (!spanned) return false;
      }
      i = j;
    }
    float sum = 0;
    size_t n = 0;
    for (uint32_t a : x.members)
      for (uint32_t b : y.members)
        if (f.sentences[a].article != f.sentences[b].article) sum += sim_full(a, b), ++n;
    return n > 0 && sum / static_cast<float>(n) >= linkage;
  };
  std::vector<float> closest_y;
  for (const Pair& p : pairs) {
    uint32_t ga = group_of[p.a], gb = group_of[p.b];
    if (ga == gb) continue;
    Group& x = groups[ga];
    Group& y = groups[gb];
    bool disjoint = true;
    for (size_t w = 0; w < words; ++w)
      if (x.articles[w] & y.articles[w]) disjoint = false;
    if (!disjoint && adjacent_join(p, x, y)) {
      merge(ga, gb);
      continue;
    }
    if (!disjoint) {
      // A single sentence may displace the member of its own article from a fact
      // when it fits the rest of the fact clearly better: the pair that placed the
      // incumbent came first only because it was one strong link, not the best fit.
      for (int side = 0; side < 2; ++side) {
        uint32_t s = side == 0 ? p.b : p.a;
        uint32_t gs = group_of[s], gf = group_of[side == 0 ? p.a : p.b];
        Group& host = groups[gf];
        if (groups[gs].members.size() != 1 || host.members.size() < 3) continue;
        uint32_t art = f.sentences[s].article;
        uint32_t incumbent = UINT32_MAX;
        size_t held_here = 0;
        for (uint32_t m : host.members)
          if (f.sentences[m].article == art) incumbent = m, ++held_here;
        if (held_here != 1) continue;
        float challenger = mean_to(s, host, incumbent);
        float held = mean_to(incumbent, host, incumbent);
        if (challenger < linkage || challenger < held + kDisplaceMargin) continue;
        std::erase(host.members, incumbent);
        host.members.push_back(s);
        groups[gs].members.clear();
        group_of[s] = gf;
        group_of[incumbent] = incumbent;
        Group& back = groups[incumbent];
        back.members = {incumbent};
        back.articles.assign(words, 0);
        set_bit(back, art, true);
        break;
      }
      continue;
    }
    // Average linkage: a sentence that matches one member well but the rest of the
    // fact poorly (a short timeline line) states something else. And every member
    // must come near (kEachShare of the linkage) some member of the other group: a
    // pair that joined on one shared phrase must not ride into a fact on its
    // partner's links.
    if (x.members.size() + y.members.size() > 2) {
      float sum = 0;
      closest_y.assign(y.members.size(), 0.0f);
      bool each = true;
      for (uint32_t a : x.members) {
        float closest = 0;
        for (size_t j = 0; j < y.members.size(); ++j) {
          float v = sim_full(a, y.members[j]);
          sum += v;
          closest = std::max(closest, v);
          closest_y[j] = std::max(closest_y[j], v);
        }
        each = each && closest >= kEachShare * linkage;
      }
      for (float v : closest_y) each = each && v >= kEachShare * linkage;
      float mean = sum / static_cast<float>(x.members.size() * y.members.size());
      if (mean < linkage || !each) continue;
    }
    merge(ga, gb);
  }

  // A sentence may state two facts ("Vey, who won by 37 votes, said he was confident
  // the result would stand"): after grouping, a sentence also joins each other fact
  // that lacks its article when its mean similarity to that fact's members reaches
  // the fact threshold itself (stricter than the linkage that built the groups), and
  // what it shares with that fact is mostly not what it shares with its own. At
  // most one such sentence per fact and article: the closest.
  std::vector<std::vector<uint32_t>> extra(ns);
  {
    std::unordered_map<uint64_t, std::pair<float, uint32_t>> best;  // (group, article) -> (mean, s)
    std::vector<uint8_t> hit_here, hit_own;
    std::vector<uint64_t> order;
    auto consider = [&](uint32_t g, uint32_t s) {
      const Group& grp = groups[g];
      uint32_t art = f.sentences[s].article;
      if (grp.members.empty() || in_group(grp, art)) return;
      // The sentence must state something of this fact that its own fact does not
      // hold: most of the weight of its words matched by this fact's members is
      // matched by none of its own fact's other members. Otherwise this fact is a
      // second wording of the sentence's own (a timeline line, a recap).
      const SentenceFeatures& sf = f.sentences[s];
      hit_here.assign(sf.words.size(), 0);
      hit_own.assign(sf.words.size(), 0);
      for (uint32_t m : grp.members) mark_matched(sf, f.sentences[m], hit_here);
      for (uint32_t o : groups[group_of[s]].members)
        if (o != s) mark_matched(sf, f.sentences[o], hit_own);
      float here = 0, novel = 0;
      for (size_t i = 0; i < sf.words.size(); ++i) {
        if (!hit_here[i]) continue;
        here += sf.words[i].weight;
        if (!hit_own[i]) novel += sf.words[i].weight;
      }
      if (here <= 0 || novel < kNovelShare * here) return;
      float mean = mean_to(s, grp, UINT32_MAX);
      if (mean < options.fact_threshold) return;
      uint64_t key = (static_cast<uint64_t>(g) << 32) | art;
      auto [it, fresh] = best.try_emplace(key, mean, s);
      if (fresh) {
        order.push_back(key);
      } else if (mean > it->second.first || (mean == it->second.first && s < it->second.second)) {
        it->second = {mean, s};
      }
    };
    for (const Pair& p : pairs) {
      if (group_of[p.a] == group_of[p.b]) continue;
      consider(group_of[p.a], p.b);
      consider(group_of[p.b], p.a);
    }
    for (uint64_t key : order) extra[key >> 32].push_back(best[key].second);
  }

  // Pairs that were not scored count as unrelated: every member joined its fact
  // through at least one scored pair, and scoring the rest of a fifty-member fact
  // would cost more than the alignment itself.
  auto sim_of = [&](uint32_t a, uint32_t b) {
    uint64_t key = pair_key(a, b);
    if (auto it = sims.find(key); it != sims.end()) return it->second;
    auto it = full.find(key);
    return it != full.end() ? it->second : 0.0f;
  };

  struct Built {
    Fact fact;
    uint32_t first;  // global index of the earliest member, for ordering
  };
  std::vector<Built> built;
  for (uint32_t g = 0; g < ns; ++g) {
    Group& grp = groups[g];
    if (grp.members.empty()) continue;
    grp.members.insert(grp.members.end(), extra[g].begin(), extra[g].end());
    std::sort(grp.members.begin(), grp.members.end());  // by article, then sentence
    Built b;
    b.first = grp.members.front();
    float best_centrality = -1;
    uint32_t centre = grp.members.front();
    for (uint32_t m : grp.members) {
      const SentenceFeatures& s = f.sentences[m];
      FactMember fm;
      fm.article = s.article;
      fm.sentence = s.sentence;
      fm.similarity = grp.members.size() == 1 ? 1.0f : 0.0f;
      float centrality = 0;
      for (uint32_t o : grp.members) {
        if (o == m) continue;
        float v = sim_of(m, o);
        fm.similarity = std::max(fm.similarity, v);
        centrality += v;
      }
      if (centrality > best_centrality) best_centrality = centrality, centre = m;
      b.fact.members.push_back(fm);
      if (b.fact.articles.empty() || b.fact.articles.back() != s.article)
        b.fact.articles.push_back(s.article);
    }
    const SentenceFeatures& c = f.sentences[centre];
    b.fact.summary =
        std::string(sentence_text(articles[c.article], analyses[c.article], c.sentence));
    built.push_back(std::move(b));
  }
  std::stable_sort(built.begin(), built.end(), [](const Built& x, const Built& y) {
    if (x.fact.articles.size() != y.fact.articles.size())
      return x.fact.articles.size() > y.fact.articles.size();
    return x.first < y.first;
  });
  std::vector<float> substance;  // content weight of the heaviest member
  for (auto& b : built) {
    float w = 0;
    for (const auto& m : b.fact.members) w = std::max(w, f.at(m.article, m.sentence).weight);
    substance.push_back(w);
    out.facts.push_back(std::move(b.fact));
  }

  // Per article: additions, omissions, sourcing, framing, headline.
  out.articles.resize(na);
  for (uint32_t fi = 0; fi < out.facts.size(); ++fi) {
    const Fact& fact = out.facts[fi];
    if (fact.articles.size() == 1) out.articles[fact.articles[0]].only_here.push_back(fi);
    size_t needed = na >= 3 ? 2 : 1;
    if (fact.articles.size() >= needed) {
      for (uint32_t a = 0; a < na; ++a)
        if (!std::binary_search(fact.articles.begin(), fact.articles.end(), a))
          out.articles[a].omitted.push_back(fi);
    }
  }
  auto by_substance = [&](std::vector<uint32_t>& v) {
    std::stable_sort(v.begin(), v.end(), [&](uint32_t x, uint32_t y) {
      if (out.facts[x].articles.size() != out.facts[y].articles.size())
        return out.facts[x].articles.size() > out.facts[y].articles.size();
      if (substance[x] != substance[y]) return substance[x] > substance[y];
      return x < y;
    });
  };

  // Speakers across articles: by entity key when the quote names an entity, else by
  // the lower-cased words naming the source.
  struct SpeakerAcc {
    std::string name;
    std::vector<uint32_t> quotes;
    std::map<SourceKind, uint32_t> kinds;
    std::vector<std::string> affiliations;
    size_t first_seen = 0;
  };
  std::map<std::string, SpeakerAcc> speakers;
  std::vector<std::string> key_name(f.key_count);
  std::vector<EntityType> key_type(f.key_count, EntityType::kOther);
  for (uint32_t a = 0; a < na; ++a) {
    for (uint32_t e = 0; e < analyses[a].entities.size(); ++e) {
      const Entity& ent = analyses[a].entities[e];
      uint32_t k = f.entity_key[a][e];
      std::string& cur = key_name[k];
      if (cur.empty() || ent.name.size() > cur.size() ||
          (ent.name.size() == cur.size() && ent.name < cur)) {
        cur = ent.name;
        key_type[k] = ent.type;
      }
    }
  }
  auto speaker_key = [&](uint32_t a, const Quote& q) -> std::string {
    if (q.entity >= 0 && static_cast<size_t>(q.entity) < analyses[a].entities.size())
      return "e" + std::to_string(f.entity_key[a][q.entity]);
    std::string key = lower(q.speaker);
    // "The US report" and "a US report" are one source.
    for (const char* article : {"the ", "a ", "an "}) {
      if (key.rfind(article, 0) == 0) {
        key.erase(0, std::char_traits<char>::length(article));
        break;
      }
    }
    if (key.empty()) return {};
    return "s" + key;
  };
  auto speaker_name = [&](uint32_t a, const Quote& q) -> std::string {
    if (q.entity >= 0 && static_cast<size_t>(q.entity) < analyses[a].entities.size())
      return key_name[f.entity_key[a][q.entity]];
    return q.speaker;
  };
  size_t seen = 0;
  for (uint32_t a = 0; a < na; ++a) {
    for (const Quote& q : analyses[a].quotes) {
      if (q.continues >= 0) continue;  // a part of the attribution counted already
      std::string key = speaker_key(a, q);
      if (key.empty()) continue;
      auto [it, inserted] = speakers.try_emplace(key);
      SpeakerAcc& acc = it->second;
      if (inserted) {
        acc.name = speaker_name(a, q);
        acc.quotes.assign(na, 0);
        acc.first_seen = seen++;
      }
      ++acc.quotes[a];
      ++acc.kinds[q.kind];
      if (q.entity >= 0 && static_cast<size_t>(q.entity) < analyses[a].entities.size()) {
        for (const std::string& aff : analyses[a].entities[q.entity].affiliations)
          if (std::find(acc.affiliations.begin(), acc.affiliations.end(), aff) == acc.affiliations.end())
            acc.affiliations.push_back(aff);
      }
    }
  }

  for (uint32_t a = 0; a < na; ++a) {
    ArticleComparison& ac = out.articles[a];
    by_substance(ac.only_here);
    by_substance(ac.omitted);

    const Analysis& anl = analyses[a];
    SourcingProfile& sp = ac.sourcing;
    std::vector<std::pair<std::string, uint32_t>> counts;  // key, count (first-seen order)
    std::vector<std::string> names;
    for (const Quote& q : anl.quotes) {
      if (q.continues >= 0) continue;  // one attribution in parts counts once
      (q.direct ? sp.direct : sp.indirect)++;
      size_t k = static_cast<size_t>(q.kind);
      if (k < 6) ++sp.by_kind[k];
      std::string key = speaker_key(a, q);
      if (key.empty()) continue;
      auto it =
          std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == key; });
      if (it == counts.end()) {
        counts.emplace_back(key, 1);
        names.push_back(speaker_name(a, q));
      } else {
        ++it->second;
      }
    }
    std::vector<size_t> order(counts.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return counts[x].second > counts[y].second; });
    for (size_t i : order) sp.sources.push_back(names[i]);

    FramingProfile& fp = ac.framing;
    fp.density = anl.word_count > 0 ? 100.0f * static_cast<float>(anl.framing.size()) /
                                          static_cast<float>(anl.word_count)
                                    : 0.0f;
    for (const FramingSpan& s : anl.framing) {
      size_t c = static_cast<size_t>(s.category);
      if (c < 5) ++fp.by_category[c];
    }
    fp.strongest.resize(anl.framing.size());
    std::iota(fp.strongest.begin(), fp.strongest.end(), 0u);
    std::stable_sort(fp.strongest.begin(), fp.strongest.end(), [&](uint32_t x, uint32_t y) {
      return anl.framing[x].strength > anl.framing[y].strength;
    });
    for (const Sentence& s : anl.sentences) {
      if (s.is_heading) continue;
      (s.is_opinion ? fp.opinion_sentences : fp.reporting_sentences)++;
    }
  }

  // Headlines: share of each title's words found in the other titles.
  std::vector<std::vector<std::string>> titles(na);
  for (uint32_t a = 0; a < na; ++a) titles[a] = title_words(articles[a].title);
  for (uint32_t a = 0; a < na; ++a) {
    if (titles[a].empty()) continue;
    size_t found = 0;
    for (const auto& w : titles[a]) {
      bool hit = false;
      for (uint32_t o = 0; o < na && !hit; ++o) {
        if (o == a) continue;
        for (const auto& x : titles[o])
          if (same_title_word(w, x)) hit = true;
      }
      found += hit;
    }
    out.articles[a].title_overlap =
        static_cast<float>(found) / static_cast<float>(titles[a].size());
  }

  // Entity coverage.
  std::vector<EntityCoverage> ents(f.key_count);
  for (uint32_t k = 0; k < f.key_count; ++k) {
    ents[k].name = key_name[k];
    ents[k].type = key_type[k];
    ents[k].mentions.assign(na, 0);
  }
  for (uint32_t a = 0; a < na; ++a)
    for (uint32_t e = 0; e < analyses[a].entities.size(); ++e)
      ents[f.entity_key[a][e]].mentions[a] +=
          static_cast<uint32_t>(analyses[a].entities[e].mentions.size());
  auto total = [](const std::vector<uint32_t>& v) {
    return std::accumulate(v.begin(), v.end(), 0u);
  };
  std::erase_if(ents, [&](const EntityCoverage& c) { return total(c.mentions) == 0; });
  std::stable_sort(ents.begin(), ents.end(), [&](const EntityCoverage& x, const EntityCoverage& y) {
    uint32_t tx = total(x.mentions), ty = total(y.mentions);
    if (tx != ty) return tx > ty;
    return x.name < y.name;
  });
  out.entities = std::move(ents);

  // Speakers.
  std::vector<const SpeakerAcc*> sorted;
  for (const auto& [key, acc] : speakers) sorted.push_back(&acc);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const SpeakerAcc* x, const SpeakerAcc* y) {
    uint32_t tx = total(x->quotes), ty = total(y->quotes);
    if (tx != ty) return tx > ty;
    return x->first_seen < y->first_seen;
  });
  for (const SpeakerAcc* acc : sorted) {
    SpeakerCoverage sc;
    sc.speaker = acc->name;
    sc.quotes = acc->quotes;
    sc.affiliations = acc->affiliations;
    uint32_t best = 0;
    for (const auto& [kind, n] : acc->kinds)
      if (n > best) best = n, sc.kind = kind;
    out.speakers.push_back(std::move(sc));
  }

  // Timeline: by instant (time zones applied); dates that do not parse after those
  // that do, in text order; unknown dates last.
  std::vector<std::optional<int64_t>> instant(na);
  for (uint32_t a = 0; a < na; ++a) instant[a] = epoch_seconds(articles[a].published);
  out.timeline.resize(na);
  std::iota(out.timeline.begin(), out.timeline.end(), 0u);
  std::stable_sort(out.timeline.begin(), out.timeline.end(), [&](uint32_t x, uint32_t y) {
    const std::string& px = articles[x].published;
    const std::string& py = articles[y].published;
    if (px.empty() != py.empty()) return !px.empty();
    if (instant[x].has_value() != instant[y].has_value()) return instant[x].has_value();
    if (instant[x] && *instant[x] != *instant[y]) return *instant[x] < *instant[y];
    return !instant[x] && px < py;
  });
  return out;
}

}  // namespace parallax::compare
