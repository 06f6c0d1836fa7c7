#include "features.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace parallax::compare {
namespace {

// Stems are ids into a sorted vocabulary so that sums over a sentence's words run in
// the same order whatever the order of the articles: permuting the inputs gives
// bit-identical similarities.
struct Vocabulary {
  std::vector<std::string> sorted;
  std::unordered_map<std::string_view, uint32_t> ids;
};

// "two" -> "2": numbers spelled out, as news style writes those below ten.
const char* number_word(std::string_view norm) {
  static constexpr std::pair<std::string_view, const char*> kWords[] = {
      {"one", "1"},  {"two", "2"},  {"three", "3"},   {"four", "4"},
      {"five", "5"}, {"six", "6"},  {"seven", "7"},   {"eight", "8"},
      {"nine", "9"}, {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"}};
  for (const auto& [w, n] : kWords)
    if (norm == w) return n;
  return nullptr;
}

bool is_content(const Token& t) {
  return t.is_word && !t.is_stop && !t.is_number && !t.stem.empty();
}

// The key a token is aligned by: its stem for a content word; for a number, '#' and
// its digits without group separators, spelled-out numbers included ("two", "2" and
// "2,000" -> "#2", "#2", "#2000"), so that a figure two outlets both give weighs as
// much as the rare word it is. Empty for other tokens.
std::string word_key(const Token& t) {
  if (!t.is_word) return {};
  if (const char* spelled = number_word(t.norm)) return std::string("#") + spelled;
  if (t.is_number) {
    std::string key = "#";
    for (char c : t.norm)
      if (c != ',') key.push_back(c);
    return key.size() > 1 ? key : std::string();
  }
  return is_content(t) ? t.stem : std::string();
}

bool is_number_key(std::string_view key) { return !key.empty() && key[0] == '#'; }

// A figure specific enough to identify a fact: a decimal ("61.2") or a whole number
// above twelve with two or more significant digits that does not look like a year.
// "Three dead", "20 minutes", "500 people" or "in 2024" recur in statements of
// different facts; "41 injured", "130 firefighters" and "2,300 residents" rarely do.
bool is_specific_figure(std::string_view key) {
  if (!is_number_key(key)) return false;
  std::string_view digits = key.substr(1);
  if (digits.find('.') != std::string_view::npos) return true;
  if (digits.empty() || digits.size() > 9) return !digits.empty();
  uint32_t v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  bool year = digits.size() == 4 && v >= 1900 && v <= 2099;
  size_t significant = digits.find_last_not_of('0') + 1 - digits.find_first_not_of('0');
  return v > 12 && !year && significant >= 2;
}

std::string lower_form(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '.') continue;  // "U.S." and "US" are one name
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '-') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "North Atlantic Treaty Organization" -> "nato"; empty unless two or more words
// start with a capital.
std::string acronym(std::string_view name) {
  std::string out;
  for (auto w : split_words(name)) {
    if (w[0] >= 'A' && w[0] <= 'Z') out.push_back(static_cast<char>(w[0] - 'A' + 'a'));
  }
  return out.size() >= 2 ? out : std::string();
}

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller index becomes the root, so keys do not depend on merge order.
  void unite(uint32_t a, uint32_t b) {
    a = find(a), b = find(b);
    if (a == b) return;
    if (a < b)
      parent[b] = a;
    else
      parent[a] = b;
  }
};

// Probabilistic IDF (as in BM25), floored: a word in half the sentences says nothing
// about which fact a sentence states, one in two sentences says much.
float idf(size_t n, size_t df) {
  float v = std::log((static_cast<float>(n) - static_cast<float>(df) + 0.5f) /
                     (static_cast<float>(df) + 0.5f));
  return std::max(v, kMinIdf);
}

void assign_entity_keys(const std::vector<const Analysis*>& analyses, Features& f) {
  std::vector<std::pair<uint32_t, uint32_t>> nodes;  // (article, entity)
  for (uint32_t a = 0; a < analyses.size(); ++a)
    for (uint32_t e = 0; e < analyses[a]->entities.size(); ++e) nodes.emplace_back(a, e);
  UnionFind uf(nodes.size());
  std::unordered_map<std::string, uint32_t> form_owner;
  // Multi-word person names by their last word, to join "Macron" to "Emmanuel Macron"
  // unless two different people share the surname.
  std::unordered_map<std::string, std::vector<std::pair<std::string, uint32_t>>> by_surname;
  auto add_form = [&](const std::string& form, uint32_t node) {
    if (form.empty()) return;
    auto [it, inserted] = form_owner.emplace(form, node);
    if (!inserted) uf.unite(it->second, node);
  };
  for (uint32_t n = 0; n < nodes.size(); ++n) {
    const Entity& e = analyses[nodes[n].first]->entities[nodes[n].second];
    add_form(lower_form(e.name), n);
    for (const auto& al : e.aliases) add_form(lower_form(al), n);
    auto words = split_words(e.name);
    if (words.size() >= 2) {
      add_form(acronym(e.name), n);
      if (e.type == EntityType::kPerson) {
        auto& v = by_surname[lower_form(words.back())];
        v.emplace_back(lower_form(e.name), n);
      }
    }
  }
  for (uint32_t n = 0; n < nodes.size(); ++n) {
    const Entity& e = analyses[nodes[n].first]->entities[nodes[n].second];
    if (e.type != EntityType::kPerson && e.type != EntityType::kOther) continue;
    auto words = split_words(e.name);
    if (words.size() != 1) continue;
    auto it = by_surname.find(lower_form(words[0]));
    if (it == by_surname.end()) continue;
    const auto& v = it->second;
    bool one_person =
        std::all_of(v.begin(), v.end(), [&](const auto& p) { return p.first == v[0].first; });
    if (one_person) uf.unite(n, v[0].second);
  }
  // Dense keys numbered by first appearance in input order of the root.
  std::unordered_map<uint32_t, uint32_t> key_of_root;
  f.entity_key.assign(analyses.size(), {});
  for (uint32_t n = 0; n < nodes.size(); ++n) {
    uint32_t root = uf.find(n);
    auto [it, inserted] = key_of_root.emplace(root, static_cast<uint32_t>(key_of_root.size()));
    f.entity_key[nodes[n].first].push_back(it->second);
  }
  f.key_count = key_of_root.size();
  f.key_articles.assign(f.key_count, {});
  for (uint32_t a = 0; a < analyses.size(); ++a) {
    for (uint32_t e = 0; e < analyses[a]->entities.size(); ++e) {
      if (analyses[a]->entities[e].mentions.empty()) continue;
      auto& v = f.key_articles[f.entity_key[a][e]];
      if (v.empty() || v.back() != a) v.push_back(a);
    }
  }
}

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Index of the sentence holding byte `pos`, or -1.
int sentence_at(const Analysis& a, uint32_t pos) {
  auto it = std::upper_bound(a.sentences.begin(), a.sentences.end(), pos,
                             [](uint32_t p, const Sentence& s) { return p < s.span.begin; });
  if (it == a.sentences.begin()) return -1;
  --it;
  return pos < it->span.end ? static_cast<int>(it - a.sentences.begin()) : -1;
}

// The first kMaxSensesPerPos synsets of each part of speech (ids carry the part of
// speech in their low two bits) of a word, its possessive "'s" dropped.
std::vector<uint32_t> first_senses(const analyze::Lexical& lexical, std::string_view norm) {
  if (norm.size() > 2 && norm.substr(norm.size() - 2) == "'s") norm.remove_suffix(2);
  const std::vector<uint32_t>& all = lexical.synsets(norm);
  std::vector<uint32_t> out;
  size_t per_pos[4] = {0, 0, 0, 0};
  for (uint32_t id : all)
    if (per_pos[id & 3]++ < kMaxSensesPerPos) out.push_back(id);
  return out;
}

// The token after a dateline opening the article's first sentence ("HARROWMERE,
// Caldora (Compass Wire) - ..."): capitalised words, commas and brackets up to a
// dash among the first ten tokens. 0 when there is none. Where and by whom a story
// was filed is not what it reports.
uint32_t dateline(const Analysis& an, const Sentence& s) {
  uint32_t end = std::min<uint32_t>(s.first_token + std::min<uint32_t>(s.token_count, 10),
                                    static_cast<uint32_t>(an.tokens.size()));
  bool words = false;
  for (uint32_t ti = s.first_token; ti < end; ++ti) {
    const Token& t = an.tokens[ti];
    if (t.norm == "-" || t.norm == "\xE2\x80\x93" || t.norm == "\xE2\x80\x94" || t.norm == "--")
      return words ? ti + 1 : 0;
    if (t.is_word) {
      if (!t.capitalized && !t.is_number) return 0;
      words = true;
    } else if (t.norm != "," && t.norm != "(" && t.norm != ")" && t.norm != "/" && t.norm != ".") {
      return 0;
    }
  }
  return 0;
}

// Stems (English Snowball) of the verbs that report speech without saying anything
// about it: "said", "told", "added", "according to", "stated", "noted".
bool is_plain_cue(std::string_view stem) {
  static constexpr std::string_view kPlain[] = {"accord", "add",   "comment", "explain",
                                                "note",   "remark", "report", "said",
                                                "say",    "state", "tell",    "told",
                                                "write",  "wrote", "written"};
  return std::find(std::begin(kPlain), std::end(kPlain), stem) != std::end(kPlain);
}

// True when `s` lies inside one of `spans` (sorted by begin; they may nest).
bool in_spans(const std::vector<Span>& spans, const Span& s) {
  for (const Span& p : spans) {
    if (p.begin > s.begin) break;
    if (p.contains(s)) return true;
  }
  return false;
}

}  // namespace

bool Features::article_mentions(uint32_t article, uint32_t key) const {
  const auto& v = key_articles[key];
  return std::binary_search(v.begin(), v.end(), article);
}

Features build_features(const std::vector<const Analysis*>& analyses,
                        const analyze::Lexical& lexical, const std::vector<std::string>& outlets) {
  Features f;
  // Vocabulary of content stems, sorted.
  Vocabulary vocab;
  for (const Analysis* a : analyses)
    for (const Token& t : a->tokens)
      if (std::string key = word_key(t); !key.empty()) vocab.sorted.push_back(std::move(key));
  sort_unique(vocab.sorted);
  vocab.ids.reserve(vocab.sorted.size());
  for (uint32_t i = 0; i < vocab.sorted.size(); ++i) vocab.ids.emplace(vocab.sorted[i], i);
  f.stems.assign(vocab.sorted.begin(), vocab.sorted.end());

  // Words of the outlets' names, lower-cased ASCII letters and digits.
  std::vector<std::string> outlet_words;
  for (const std::string& o : outlets) {
    std::string cur;
    for (size_t i = 0; i <= o.size(); ++i) {
      unsigned char c = i < o.size() ? static_cast<unsigned char>(o[i]) : ' ';
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
        cur.push_back(static_cast<char>(c));
      } else if (c >= 'A' && c <= 'Z') {
        cur.push_back(static_cast<char>(c - 'A' + 'a'));
      } else if (!cur.empty()) {
        outlet_words.push_back(std::move(cur));
        cur.clear();
      }
    }
  }
  sort_unique(outlet_words);
  f.outlet_stem.assign(vocab.sorted.size(), 0);
  if (!outlet_words.empty()) {
    for (const Analysis* a : analyses)
      for (const Token& t : a->tokens)
        if (is_content(t) && !number_word(t.norm) &&
            std::binary_search(outlet_words.begin(), outlet_words.end(), t.norm))
          f.outlet_stem[vocab.ids.at(t.stem)] = 1;
  }

  std::vector<uint32_t> family(vocab.sorted.size());
  for (uint32_t i = 0; i < vocab.sorted.size(); ++i) {
    std::string_view s = vocab.sorted[i];
    family[i] = i;
    if (is_number_key(s)) continue;  // 230 and 2300 are different figures
    for (size_t len = 5; len < s.size(); ++len) {
      if (s.size() - len > 3) continue;
      auto it = vocab.ids.find(s.substr(0, len));
      if (it != vocab.ids.end()) {
        family[i] = family[it->second];
        break;
      }
    }
  }

  assign_entity_keys(analyses, f);
  // Entities that are a compared outlet naming itself ("The Klaxon says", "told the
  // Ledger"): the outlet speaking, not a party to the story.
  std::vector<uint8_t> outlet_key(f.key_count, 0);
  if (!outlet_words.empty()) {
    for (uint32_t ai = 0; ai < analyses.size(); ++ai) {
      for (uint32_t e = 0; e < analyses[ai]->entities.size(); ++e) {
        std::string name = lower_form(analyses[ai]->entities[e].name);
        bool all = false;
        for (std::string_view w : split_words(name)) {
          if (w == "the") continue;
          all = std::binary_search(outlet_words.begin(), outlet_words.end(), std::string(w));
          if (!all) break;
        }
        if (all) outlet_key[f.entity_key[ai][e]] = 1;
      }
    }
  }

  std::vector<uint32_t> df(vocab.sorted.size(), 0);
  std::vector<uint32_t> key_df(f.key_count, 0);
  for (uint32_t ai = 0; ai < analyses.size(); ++ai) {
    const Analysis& an = *analyses[ai];
    f.first_sentence.push_back(static_cast<uint32_t>(f.sentences.size()));
    std::vector<Span> peripheral, cues;
    for (const FramingSpan& fs : an.framing)
      if (fs.category == FrameCategory::kHedge || fs.category == FrameCategory::kIntensifier)
        peripheral.push_back(fs.span);
    // A plain attribution cue ("said", "told reporters", "according to") says who
    // speaks, not what happened: every outlet uses one, in every other sentence. A
    // cue that is itself news ("urged", "warned", "denied") keeps its weight.
    for (const Quote& q : an.quotes)
      if (!q.cue.empty()) cues.push_back(q.cue);
    std::sort(cues.begin(), cues.end(), [](const Span& x, const Span& y) { return x.begin < y.begin; });
    std::sort(peripheral.begin(), peripheral.end(),
              [](const Span& x, const Span& y) { return x.begin < y.begin; });
    size_t base = f.sentences.size();
    f.sentences.resize(base + an.sentences.size());
    for (uint32_t si = 0; si < an.sentences.size(); ++si) {
      const Sentence& s = an.sentences[si];
      SentenceFeatures& sf = f.sentences[base + si];
      sf.article = ai;
      sf.sentence = si;
      uint32_t end = std::min<uint32_t>(s.first_token + s.token_count, an.tokens.size());
      const uint32_t dateline_end = si == 0 ? dateline(an, s) : 0;
      for (uint32_t ti = s.first_token; ti < end; ++ti) {
        const Token& t = an.tokens[ti];
        const std::string key = word_key(t);
        if (key.empty()) continue;
        Word w;
        w.stem = vocab.ids.at(key);
        w.family = family[w.stem];
        const bool number = is_number_key(key);
        if (!number) w.senses = first_senses(lexical, t.norm);
        w.figure = is_specific_figure(key);
        bool opening_connective =
            ti == s.first_token && ti + 1 < end && an.tokens[ti + 1].norm == ",";
        if (opening_connective || ti < dateline_end || in_spans(peripheral, t.span) ||
            f.outlet_stem[w.stem] || (is_plain_cue(t.stem) && in_spans(cues, t.span)))
          w.role = kPeripheral;
        if (number) {
          // A number is known by its word id; its unit is the content word after it.
          sf.numbers.push_back(w.stem);
          for (uint32_t u = ti + 1; u < end && u <= ti + 2; ++u) {
            const Token& unit = an.tokens[u];
            if (is_content(unit) && !unit.is_number && !number_word(unit.norm)) {
              sf.measures.emplace_back(vocab.ids.at(unit.stem), w.stem);
              break;
            }
          }
        }
        sf.words.push_back(std::move(w));
      }
      // Unique by stem; a word that is peripheral in one place and not in another
      // keeps its full weight.
      std::stable_sort(sf.words.begin(), sf.words.end(), [](const Word& x, const Word& y) {
        return x.stem != y.stem ? x.stem < y.stem : x.role > y.role;
      });
      sf.words.erase(std::unique(sf.words.begin(), sf.words.end(),
                                 [](const Word& x, const Word& y) { return x.stem == y.stem; }),
                     sf.words.end());
      for (const Word& w : sf.words) {
        ++df[w.stem];
        sf.families.push_back(w.family);
        sf.synsets.insert(sf.synsets.end(), w.senses.begin(), w.senses.end());
      }
      sort_unique(sf.families);
      sort_unique(sf.synsets);
      sort_unique(sf.numbers);
      sort_unique(sf.measures);
      // A line whose content words are all capitalised is a headline, a caption or a
      // list of names, not a statement.
      size_t lower_words = 0;
      for (uint32_t ti = s.first_token; ti < end; ++ti)
        lower_words += !word_key(an.tokens[ti]).empty() && !an.tokens[ti].capitalized;
      sf.eligible = !s.is_heading && sf.words.size() >= kMinContentWords && lower_words >= 2;
    }
    // Entities and the people each sentence is centred on.
    for (uint32_t e = 0; e < an.entities.size(); ++e) {
      const Entity& ent = an.entities[e];
      uint32_t key = f.entity_key[ai][e];
      // Groups ("investigators", "Democratic lawmakers") are common nouns, which the
      // sentence's words already count: as entities they would count twice.
      if (outlet_key[key] || ent.type == EntityType::kGroup) continue;
      for (const Mention& m : ent.mentions) {
        if (m.sentence >= an.sentences.size()) continue;
        SentenceFeatures& sf = f.sentences[base + m.sentence];
        sf.entities.push_back(key);
        if (ent.type != EntityType::kPerson) continue;
        // Named among the sentence's first words: its subject, as a rule in news prose.
        const Sentence& s = an.sentences[m.sentence];
        uint32_t words_before = 0;
        uint32_t end = std::min<uint32_t>(s.first_token + s.token_count, an.tokens.size());
        for (uint32_t ti = s.first_token; ti < end && an.tokens[ti].span.begin < m.span.begin; ++ti)
          words_before += an.tokens[ti].is_word;
        if (words_before > 5) continue;
        sf.centre.push_back(key);
        sf.anchored.push_back(key);
        // The person's action: the first content word after the name ("Macron had
        // urged" -> urge), within three tokens.
        uint32_t ti = s.first_token;
        while (ti < end && an.tokens[ti].span.begin < m.span.end) ++ti;
        for (uint32_t k = 0; ti < end && k < 3; ++ti) {
          const Token& t = an.tokens[ti];
          if (!t.is_word) continue;
          if (is_content(t) && !number_word(t.norm)) {
            // "X said" twice is the same person speaking, not the same statement.
            if (!is_plain_cue(t.stem)) sf.actions.emplace_back(key, family[vocab.ids.at(t.stem)]);
            break;
          }
          ++k;
        }
      }
    }
    for (const Quote& q : an.quotes) {
      if (q.entity < 0 || static_cast<size_t>(q.entity) >= an.entities.size()) continue;
      if (an.entities[q.entity].type != EntityType::kPerson) continue;
      uint32_t key = f.entity_key[ai][q.entity];
      if (outlet_key[key]) continue;
      std::vector<uint32_t> ss;
      if (q.sentence < an.sentences.size()) ss.push_back(q.sentence);
      if (!q.content.empty()) {
        int b = sentence_at(an, q.content.begin), e = sentence_at(an, q.content.end - 1);
        if (b >= 0 && e >= b)
          for (int s = b; s <= e; ++s) ss.push_back(static_cast<uint32_t>(s));
      }
      for (uint32_t s : ss) {
        f.sentences[base + s].centre.push_back(key);
        // Words in quotation marks make up most of the sentence: they are the
        // speaker's, not a claim another outlet could give to someone else.
        const Span& sp = an.sentences[s].span;
        uint32_t quoted = 0;
        if (q.direct && q.content.begin < sp.end && q.content.end > sp.begin)
          quoted = std::min(q.content.end, sp.end) - std::max(q.content.begin, sp.begin);
        if (2 * quoted >= sp.end - sp.begin) f.sentences[base + s].anchored.push_back(key);
      }
    }
    for (size_t si = base; si < f.sentences.size(); ++si) {
      SentenceFeatures& sf = f.sentences[si];
      sort_unique(sf.entities);
      sort_unique(sf.centre);
      sort_unique(sf.anchored);
      sort_unique(sf.actions);
      for (uint32_t k : sf.entities) ++key_df[k];
    }
  }

  // Which articles use each word (or a synonym of it), for the foreign-word discount.
  const size_t mask_words = (analyses.size() + 63) / 64;
  std::unordered_map<uint32_t, std::vector<uint64_t>> family_mask, sense_mask;
  auto mark = [&](std::vector<uint64_t>& m, uint32_t article) {
    if (m.empty()) m.assign(mask_words, 0);
    m[article / 64] |= uint64_t{1} << (article % 64);
  };
  for (const SentenceFeatures& sf : f.sentences) {
    for (uint32_t fam : sf.families) mark(family_mask[fam], sf.article);
    for (uint32_t syn : sf.synsets) mark(sense_mask[syn], sf.article);
  }
  for (SentenceFeatures& sf : f.sentences) {
    for (Word& w : sf.words) {
      w.known = family_mask[w.family];
      for (uint32_t sense : w.senses) {
        const auto& m = sense_mask[sense];
        for (size_t k = 0; k < m.size(); ++k) w.known[k] |= m[k];
      }
    }
  }

  size_t n = std::max<size_t>(f.sentences.size(), 1);
  for (SentenceFeatures& sf : f.sentences) {
    sf.weight = 0;
    for (Word& w : sf.words) {
      w.weight = idf(n, df[w.stem]) * w.role;
      sf.weight += w.weight;
    }
  }
  f.rare_idf = idf(n, kRarePerArticle * static_cast<uint32_t>(std::max<size_t>(analyses.size(), 1)));
  f.entity_weight.resize(f.key_count);
  for (size_t k = 0; k < f.key_count; ++k)
    f.entity_weight[k] = idf(n, std::max<uint32_t>(key_df[k], 1));
  return f;
}

namespace {

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::binary_search(v.begin(), v.end(), x);
}

struct Matched {
  float matched = 0;  // weight of `a`'s words found in `b`, with soft matches
  int words = 0;      // how many of `a`'s words matched
  float total = 0;    // weight of `a`'s words, foreign ones discounted
  bool evidence = false;  // a rare word outside the outlets' names matched by stem or family
  bool figure = false;    // a rare specific figure matched
};

Matched matched_weight(const Features& f, const SentenceFeatures& a, const SentenceFeatures& b) {
  Matched m;
  const size_t word = b.article / 64;
  const uint64_t bit = uint64_t{1} << (b.article % 64);
  size_t j = 0;
  for (const Word& w : a.words) {
    while (j < b.words.size() && b.words[j].stem < w.stem) ++j;
    float match = 0;
    if (j < b.words.size() && b.words[j].stem == w.stem) {
      match = 1;
    } else if (contains(b.families, w.family)) {
      match = kFamilyMatch;
    } else {
      for (uint32_t sense : w.senses) {
        if (contains(b.synsets, sense)) {
          match = kSynonymMatch;
          break;
        }
      }
    }
    m.matched += match * w.weight;
    m.words += match > 0;
    // Framing and attribution words (role below 1) are never evidence.
    if (match >= kFamilyMatch && w.role == 1 && w.weight >= f.rare_idf && !f.outlet_stem[w.stem]) {
      m.evidence = true;
      m.figure |= w.figure && match == 1;
    }
    bool known = match > 0 || (w.known[word] & bit) != 0;
    m.total += known ? w.weight : kForeignWordShare * w.weight;
  }
  return m;
}

}  // namespace

void mark_matched(const SentenceFeatures& a, const SentenceFeatures& b, std::vector<uint8_t>& hit) {
  hit.resize(a.words.size(), 0);
  size_t j = 0;
  for (size_t i = 0; i < a.words.size(); ++i) {
    const Word& w = a.words[i];
    while (j < b.words.size() && b.words[j].stem < w.stem) ++j;
    bool match = (j < b.words.size() && b.words[j].stem == w.stem) || contains(b.families, w.family);
    for (size_t k = 0; !match && k < w.senses.size(); ++k) match = contains(b.synsets, w.senses[k]);
    if (match) hit[i] = 1;
  }
}

namespace {

bool intersects(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) return true;
    if (a[i] < b[j])
      ++i;
    else
      ++j;
  }
  return false;
}

}  // namespace

float similarity(const Features& f, const SentenceFeatures& a, const SentenceFeatures& b) {
  if (a.words.empty() || b.words.empty() || a.weight <= 0 || b.weight <= 0) return 0;
  Matched ma = matched_weight(f, a, b), mb = matched_weight(f, b, a);
  if (ma.total <= 0 || mb.total <= 0) return 0;
  float p = ma.matched / ma.total, r = mb.matched / mb.total;
  float dice = (ma.matched + mb.matched) / (ma.total + mb.total);
  float cover = std::min(1.0f, static_cast<float>(std::min(a.words.size(), b.words.size())) /
                                   static_cast<float>(kMinCoverWords));
  float lex = kDiceShare * dice + (1 - kDiceShare) * std::max(p, r) * cover;

  // One word in common is a shared topic, not a shared statement.
  if (ma.words < kMinMatchedWords || mb.words < kMinMatchedWords) lex *= kSingleWordPenalty;

  float sim = lex;
  if (!a.entities.empty() || !b.entities.empty()) {
    float shared = 0, all = 0;
    size_t i = 0, j = 0;
    while (i < a.entities.size() || j < b.entities.size()) {
      if (j == b.entities.size() || (i < a.entities.size() && a.entities[i] < b.entities[j])) {
        all += f.entity_weight[a.entities[i++]];
      } else if (i == a.entities.size() || b.entities[j] < a.entities[i]) {
        all += f.entity_weight[b.entities[j++]];
      } else {
        shared += f.entity_weight[a.entities[i]];
        all += f.entity_weight[a.entities[i]];
        ++i, ++j;
      }
    }
    float jac = all > 0 ? shared / all : 0;
    sim = (1 - kEntityShare) * lex + kEntityShare * jac;
  }

  // The same person doing the same thing: "Macron urged" in both.
  for (const auto& act : a.actions) {
    if (std::binary_search(b.actions.begin(), b.actions.end(), act)) {
      sim += kActionBonus;
      break;
    }
  }

  // A rare specific figure in common: "2,300 residents of Saltmarsh" and "2,300 of
  // them ... out of Saltmarsh".
  const bool figure = ma.figure || mb.figure;
  if (!a.numbers.empty() && !b.numbers.empty()) {
    if (figure) {
      sim += kFigureBonus;
    } else if (intersects(a.numbers, b.numbers)) {
      sim += kNumberBonus;
    } else {
      bool conflict = false;
      for (const auto& [unit, num] : a.measures) {
        for (const auto& [unit2, num2] : b.measures)
          if (unit == unit2 && num != num2) conflict = true;
      }
      if (conflict) sim *= kNumberConflict;
    }
  }

  auto absent = [&](const SentenceFeatures& x, const SentenceFeatures& y) {
    for (uint32_t k : x.anchored)
      if (!f.article_mentions(y.article, k)) return true;
    return false;
  };
  // A shared rare figure identifies the fact even when one outlet drops its actor.
  bool missing = !figure && (absent(a, b) || absent(b, a));
  auto names = [](const SentenceFeatures& x, const SentenceFeatures& y) {
    return intersects(x.centre, y.entities) || intersects(x.centre, y.centre);
  };
  bool other_people = !a.centre.empty() && !b.centre.empty() && !names(a, b) && !names(b, a);
  if (missing && other_people)
    sim *= kDifferentPersonPenalty;
  else if (missing)
    sim *= kAbsentPersonPenalty;
  else if (other_people)
    sim *= kOtherPersonPenalty;
  // In a corpus too small for IDF to tell rare words from common ones, no word can
  // serve as evidence, and the rule would penalise every pair.
  if (!ma.evidence && !mb.evidence && f.rare_idf > kMinIdf) sim *= kNoEvidencePenalty;
  return std::clamp(sim, 0.0f, 1.0f);
}

}  // namespace parallax::compare
