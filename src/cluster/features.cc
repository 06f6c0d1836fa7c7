#include "cluster/features.h"

#include <cld2/public/compact_lang_det.h>
#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <xxhash.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace parallax::cluster::internal {
namespace {

// ASCII letters only, without the C library's locale lookup (a hot loop).
inline bool ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// English function words, plus words every news report uses whatever its event
// ("said", "told", weekdays): they say nothing about which event it is. Other
// languages rely on IDF alone.
constexpr const char* kStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing",
    "don't", "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get",
    "gets", "got", "had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "isn't",
    "it", "its", "itself", "just", "like", "made", "make", "many", "may", "me", "might", "more", "most",
    "much", "must", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
    "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "same", "says",
    "said", "say", "see", "she", "should", "shouldn't", "since", "so", "some", "still", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "though", "through", "to", "too", "told", "two", "under", "until", "up", "upon", "us", "very",
    "via", "was", "wasn't", "way", "we", "well", "were", "weren't", "what", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "won't", "would",
    "wouldn't", "yet", "you", "your", "yours", "yourself", "according", "added", "around", "back",
    "going", "know", "last", "later", "least", "less", "let", "lot", "mr", "mrs", "ms", "new", "next",
    "among", "another", "three", "first", "year", "years", "week", "weeks", "day", "days", "time",
    "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august",
    "september", "october", "november", "december", "percent", "people", "told", "reported", "report",
    "reports", "news", "statement", "including", "come", "came", "take", "took", "want", "think",
    "thing", "things", "go", "went", "put", "part", "say", "good", "really", "something", "anything",
    "nothing", "everything", "often", "already", "always", "never", "across", "along", "away",
    "whole", "because", "rather", "instead", "s", "t", "re", "ve", "ll", "d", "m",
};

struct SvHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
};

const std::unordered_set<std::string, SvHash, std::equal_to<>>& english_stopwords() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string, SvHash, std::equal_to<>>();
    for (const char* w : kStopwords) s->insert(w);
    return s;
  }();
  return *set;
}

// Snowball stemmer with a memo of the stems it gave (as feature keys): news repeats
// its words, and a hash lookup costs a fraction of a Snowball run.
class Stemmer {
 public:
  explicit Stemmer(const std::string& language) {
    if (language != "und") snowball_ = sb_stemmer_new(language.c_str(), "UTF_8");
    english_ = language == "en";
  }
  ~Stemmer() {
    if (snowball_) sb_stemmer_delete(snowball_);
  }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  struct Entry {
    uint64_t key = 0;   // hash of the stem
    bool stop = false;  // a stopword of the language
  };

  // The word's stem key and whether it is a stopword, from the memo when seen before.
  // The memo is keyed by a 64-bit hash of the word (a collision among the words of a
  // stream is vanishingly unlikely) in an open-addressing table.
  Entry lookup(std::string_view word) {
    const uint64_t h = XXH3_64bits(word.data(), word.size()) | 1;  // 0 marks an empty slot
    if (slots_.empty()) slots_.assign(kSlots, Slot{});
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(h >> 16) & mask;
    while (slots_[i].word != 0) {
      if (slots_[i].word == h) return slots_[i].entry;
      i = (i + 1) & mask;
    }
    Entry e;
    e.stop = english_ && english_stopwords().count(word) > 0;
    if (snowball_) {
      const sb_symbol* s = sb_stemmer_stem(snowball_, reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
      const int len = sb_stemmer_length(snowball_);
      e.key = s ? XXH3_64bits_withSeed(s, static_cast<size_t>(len), 1) : XXH3_64bits_withSeed(word.data(), word.size(), 1);
    } else {
      e.key = XXH3_64bits_withSeed(word.data(), word.size(), 1);
    }
    // A stream of millions of articles meets millions of words: bound the memo.
    if (++used_ * 2 > slots_.size()) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
      used_ = 1;
      i = static_cast<size_t>(h >> 16) & mask;
    }
    slots_[i] = {h, e};
    return e;
  }

 private:
  struct Slot {
    uint64_t word = 0;
    Entry entry;
  };
  static constexpr size_t kSlots = size_t{1} << 19;
  sb_stemmer* snowball_ = nullptr;
  bool english_ = false;
  std::vector<Slot> slots_;
  size_t used_ = 0;
};

Stemmer& stemmer_for(const std::string& language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<Stemmer>> stemmers;
  auto& s = stemmers[language];
  if (!s) s = std::make_unique<Stemmer>(language);
  return *s;
}

struct Word {
  std::string_view lower;    // case-folded
  std::string_view surface;  // as written
  bool capitalized = false;
  bool sentence_start = false;
  bool after_punct = false;  // punctuation (not only space) since the previous word
  bool numeric = false;
};

// Calls on_word(const Word&) for each run of letters and digits. A possessive "'s"
// is dropped; an apostrophe inside a word ("don't") keeps it whole.
template <typename F>
void scan_words(std::string_view text, F&& on_word) {
  std::string lower;
  lower.reserve(64);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  int32_t start = -1;
  bool sentence_start = true, punct = false, cap = false, numeric = true;
  bool next_sentence = true, next_punct = false;
  auto flush = [&](int32_t end) {
    if (start >= 0 && !lower.empty()) {
      Word w;
      w.lower = lower;
      w.surface = text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start));
      w.capitalized = cap;
      w.sentence_start = sentence_start;
      w.after_punct = punct;
      w.numeric = numeric;
      on_word(w);
      next_sentence = false;
      next_punct = false;
    }
    lower.clear();
    start = -1;
  };
  auto begin_word = [&](int32_t at, bool upper) {
    start = at;
    cap = upper;
    numeric = true;
    sentence_start = next_sentence;
    punct = next_punct;
  };
  while (i < n) {
    const int32_t at = i;
    uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      const bool lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z', dig = c >= '0' && c <= '9';
      if (lo || up || dig) {
        if (start < 0) begin_word(at, up);
        if (!dig) numeric = false;
        lower += static_cast<char>(up ? c + 32 : c);
        continue;
      }
      if (c == '\'' && start >= 0 && i < n && s[i] < 0x80 && std::isalpha(s[i])) {
        // "Obama's" -> "obama"; "don't" stays whole.
        if ((s[i] == 's' || s[i] == 'S') && (i + 1 >= n || !std::isalnum(s[i + 1]))) {
          flush(at);
          ++i;
          continue;
        }
        lower += '\'';
        continue;
      }
      flush(at);
      if (c == '.' || c == '!' || c == '?' || c == '\n') next_sentence = true;
      if (c != ' ' && c != '\t' && c != '\r') next_punct = true;
      continue;
    }
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp == 0x2019 && start >= 0 && i < n && s[i] < 0x80 && std::isalpha(s[i])) {
      if ((s[i] == 's' || s[i] == 'S') && (i + 1 >= n || !std::isalnum(s[i + 1]))) {
        flush(at);
        ++i;
        continue;
      }
      lower += '\'';
      continue;
    }
    if (cp < 0 || !u_isalnum(cp)) {
      flush(at);
      if (cp == 0x2026 || cp == 0x3002) next_sentence = true;  // ellipsis, ideographic full stop
      if (cp != 0xA0) next_punct = true;
      continue;
    }
    if (start < 0) begin_word(at, u_isupper(cp) || u_istitle(cp));
    if (!u_isdigit(cp)) numeric = false;
    cp = u_foldCase(cp, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, cp);
    lower.append(buf, static_cast<size_t>(len));
  }
  flush(n);
}

constexpr size_t kMaxEntityWords = 4;

// Weighted counts by feature key in an open-addressing table (cleared per article by
// walking the keys it holds, not the table).
class Accumulator {
 public:
  void add(uint64_t key, float w, bool entity) {
    if ((terms_.size() + 1) * 2 > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>(key * 0x9E3779B97F4A7C15ull >> 20) & mask;
    while (true) {
      uint32_t& slot = slots_[i];
      if (slot == 0) {
        terms_.push_back({key, w, entity});
        slot = static_cast<uint32_t>(terms_.size());
        return;
      }
      Feature& f = terms_[slot - 1];
      if (f.key == key && f.entity == entity) {
        f.weight += w;
        return;
      }
      i = (i + 1) & mask;
    }
  }
  std::vector<Feature>& terms() { return terms_; }
  void clear() {
    std::fill(slots_.begin(), slots_.end(), 0u);
    terms_.clear();
  }

 private:
  void grow() {
    std::vector<Feature> keep = std::move(terms_);
    terms_.clear();
    slots_.assign(slots_.empty() ? 4096 : slots_.size() * 2, 0u);
    for (const Feature& f : keep) add(f.key, f.weight, f.entity);
  }
  std::vector<uint32_t> slots_;  // 1 + index into terms_, 0 when empty
  std::vector<Feature> terms_;
};

// Words that sit next to a number without saying what it counts.
constexpr std::string_view kFactFillers[] = {
    "the", "a", "an", "of", "in", "on", "at", "to", "for", "by", "from", "with", "and", "or", "as",
    "is", "was", "were", "are", "be", "been", "than", "that", "this", "its", "his", "her", "their",
    "about", "some", "over", "nearly", "almost", "more", "least", "after", "before", "into", "up",
    "said", "says", "has", "have", "had", "but", "all", "only", "just", "around", "under", "per",
};

bool fact_filler(std::string_view w) {
  return std::find(std::begin(kFactFillers), std::end(kFactFillers), w) != std::end(kFactFillers);
}

struct FactToken {
  std::string_view text;  // lower-cased word, or the number without thousands separators
  bool number = false;
  bool joined_before = false;  // only spaces or a hyphen since the previous token
};

constexpr size_t kMaxFacts = 64;
constexpr uint64_t kYearUnit = 0x9e3779b9u;

}  // namespace

std::string article_language(const Article& article) {
  if (!article.language.empty()) {
    std::string code = article.language.substr(0, article.language.find_first_of("-_"));
    for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return code;
  }
  std::string sample = article.title;
  sample += '\n';
  size_t take = std::min<size_t>(article.text.size(), 2048);
  // Do not cut a UTF-8 sequence.
  while (take < article.text.size() && take > 0 && (static_cast<uint8_t>(article.text[take]) & 0xC0) == 0x80) --take;
  sample.append(article.text, 0, take);
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), true, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  std::string code = CLD2::LanguageCode(lang);
  if (code == "iw") return "he";
  if (code.starts_with("xx") || code.empty()) return "und";
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code;
}

void featurize(const Article& article, const std::string& language, const Options& options,
               ArticleFeatures& out) {
  thread_local Accumulator acc;
  acc.clear();
  out.language = language;
  out.terms.clear();
  out.entity_names.clear();
  Stemmer& stemmer = stemmer_for(language);
  auto is_stop = [&](std::string_view w) { return stemmer.lookup(w).stop; };

  // Entity runs: capitalised words next to each other with nothing but space between.
  struct RunWord {
    std::string lower;
    std::string_view surface;
    bool sentence_start = false;
  };
  std::vector<RunWord> run_buf(kMaxEntityWords + 2);
  size_t run_len = 0;
  std::string key_text, surface;
  auto close_run = [&](float weight) {
    // A capitalised word opening a sentence is a name only when a name follows it.
    size_t b = 0;
    if (run_len > 0 && run_buf[0].sentence_start && (run_len == 1 || is_stop(run_buf[0].lower))) b = 1;
    if (run_len > b && run_len - b <= kMaxEntityWords) {
      key_text.clear();
      surface.clear();
      for (size_t k = b; k < run_len; ++k) {
        if (k > b) {
          key_text += ' ';
          surface += ' ';
        }
        key_text += run_buf[k].lower;
        surface += run_buf[k].surface;
      }
      uint64_t key = XXH3_64bits_withSeed(key_text.data(), key_text.size(), 2);
      acc.add(key, weight, true);
      if (std::none_of(out.entity_names.begin(), out.entity_names.end(),
                       [&](const auto& p) { return p.first == key; }))
        out.entity_names.emplace_back(key, surface);
    }
    run_len = 0;
  };

  auto on_text = [&](std::string_view text, float base, bool entities, uint32_t lead,
                     uint32_t head) {
    uint32_t count = 0;
    float run_weight = base;
    scan_words(text, [&](const Word& w) {
      const float weight = count < lead ? base * static_cast<float>(options.lead_weight) : base;
      ++count;
      const Stemmer::Entry entry = stemmer.lookup(w.lower);
      const bool stopword = entry.stop;
      if (entities) {
        const bool continues = w.capitalized && !w.after_punct && !w.sentence_start && run_len > 0;
        if (!continues && run_len > 0) close_run(run_weight);
        if (w.capitalized && !w.numeric && (!stopword || w.sentence_start)) {
          if (run_len == 0) run_weight = weight;
          if (run_len < run_buf.size()) {
            // The surface views point into `text`, which outlives the run.
            run_buf[run_len].lower.assign(w.lower);
            run_buf[run_len].surface = w.surface;
            run_buf[run_len].sentence_start = w.sentence_start;
          }
          ++run_len;
        } else if (run_len > 0) {
          close_run(run_weight);
        }
      }
      if (stopword || w.lower.size() < 2) return;
      if (w.numeric && w.lower.size() < 3) return;
      acc.add(entry.key, weight, false);
      if (count <= head) out.head.push_back(entry.key);
    });
    if (entities && run_len > 0) close_run(run_weight);
  };

  // Headlines in title case capitalise every word: take names from them only when
  // most words are lower case.
  size_t title_words = 0, title_caps = 0;
  scan_words(article.title, [&](const Word& w) {
    ++title_words;
    title_caps += w.capitalized;
  });
  const bool title_entities = title_words > 0 && title_caps * 2 <= title_words;
  out.head.clear();
  on_text(article.title, static_cast<float>(options.title_weight), title_entities, 0, UINT32_MAX);
  on_text(article.text, 1.f, true, options.lead_words, kHeadWords);
  std::sort(out.head.begin(), out.head.end());
  out.head.erase(std::unique(out.head.begin(), out.head.end()), out.head.end());

  const float ew = static_cast<float>(options.entity_weight);
  out.terms.assign(acc.terms().begin(), acc.terms().end());
  for (Feature& f : out.terms) {
    f.weight = f.weight >= 1.f ? 1.f + std::log(f.weight) : f.weight;
    if (f.entity) f.weight *= ew;
  }
  std::sort(out.terms.begin(), out.terms.end(), [](const Feature& a, const Feature& b) { return a.key < b.key; });
  extract_facts(article.title, article.text, out.facts);
}

}  // namespace parallax::cluster::internal

namespace parallax::cluster::internal {

void extract_facts(std::string_view title, std::string_view text, std::vector<Fact>& out) {
  out.clear();
  // Tokens of both parts in one buffer, so that the views stay valid; the buffers are
  // kept per thread, since this runs once per article of a stream.
  thread_local std::string buf;
  thread_local std::vector<FactToken> tokens;
  thread_local std::vector<std::pair<size_t, size_t>> spans;  // into buf, per token
  buf.clear();
  tokens.clear();
  spans.clear();
  buf.reserve(title.size() + std::min(text.size(), kFactBytes) + 2);
  auto scan = [&](std::string_view part) {
    bool joined = false;
    for (size_t i = 0; i < part.size();) {
      const unsigned char c = static_cast<unsigned char>(part[i]);
      const bool digit = c >= '0' && c <= '9';
      const bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
      if (!digit && !alpha) {
        // A hyphen or space keeps a number next to its word ("7.1-magnitude", "12 people").
        if (c != ' ' && c != '-') joined = false;
        ++i;
        continue;
      }
      const size_t start = buf.size();
      if (digit) {
        size_t j = i;
        while (j < part.size()) {
          const char d = part[j];
          if (d >= '0' && d <= '9') {
            buf += d;
            ++j;
          } else if ((d == ',' || d == '.') && j + 1 < part.size() && part[j + 1] >= '0' && part[j + 1] <= '9') {
            if (d == '.') buf += d;  // "1,200" and "1200" are one value
            ++j;
          } else {
            break;
          }
        }
        // "12th", "3rd": an ordinal is still the number; "4G", "B52": a name, not a figure.
        size_t k = j;
        while (k < part.size() && ascii_alpha(part[k])) ++k;
        const std::string_view suffix = part.substr(j, k - j);
        const bool ordinal = suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th";
        if (k > j && !ordinal) {
          buf.resize(start);
          i = k;
          joined = false;
          continue;
        }
        tokens.push_back({{}, true, joined});
        i = k;
      } else {
        size_t j = i;
        while (j < part.size() && (ascii_alpha(part[j]) || (part[j] >= '0' && part[j] <= '9'))) {
          buf += static_cast<char>(part[j] >= 'A' && part[j] <= 'Z' ? part[j] + 32 : part[j]);
          ++j;
        }
        tokens.push_back({{}, false, joined});
        i = j;
      }
      spans.emplace_back(start, buf.size() - start);
      joined = true;
    }
    // Title and text are not one phrase.
    tokens.push_back({{}, false, false});
    spans.emplace_back(buf.size(), 0);
  };
  scan(title);
  size_t take = std::min(text.size(), kFactBytes);
  while (take < text.size() && take > 0 && (static_cast<uint8_t>(text[take]) & 0xC0) == 0x80) --take;
  scan(text.substr(0, take));
  for (size_t k = 0; k < tokens.size(); ++k) tokens[k].text = std::string_view(buf).substr(spans[k].first, spans[k].second);

  auto unit_word = [&](size_t k) {
    const FactToken& t = tokens[k];
    return !t.number && t.text.size() >= 3 && t.text.size() <= 16 && !fact_filler(t.text);
  };
  auto add = [&](uint64_t unit, std::string_view value) {
    const uint64_t v = XXH3_64bits_withSeed(value.data(), value.size(), 3) & 0xffffffffu;
    out.push_back(((unit & 0xffffffffu) << 32) | v);
  };
  for (size_t k = 0; k < tokens.size() && out.size() < kMaxFacts; ++k) {
    const FactToken& t = tokens[k];
    if (!t.number || t.text.empty()) continue;
    if (t.text.size() == 4 && t.text.find('.') == std::string_view::npos) {
      int year = 0;
      for (char d : t.text) year = year * 10 + (d - '0');
      if (year >= 1900 && year <= 2099) {
        add(kYearUnit, t.text);
        continue;
      }
    }
    bool any = false;
    if (k + 1 < tokens.size() && tokens[k + 1].joined_before && unit_word(k + 1)) {
      add(XXH3_64bits_withSeed(tokens[k + 1].text.data(), tokens[k + 1].text.size(), 4), t.text);
      any = true;
    }
    if (k > 0 && t.joined_before && unit_word(k - 1)) {
      // The word before says what it counts only when nothing follows ("killed 12.",
      // "May 3,"), or it names it differently ("magnitude 7.1 quake").
      add(XXH3_64bits_withSeed(tokens[k - 1].text.data(), tokens[k - 1].text.size(), 4), t.text);
      any = true;
    }
    (void)any;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

FactMatch match_facts(const std::vector<Fact>& a, const std::vector<Fact>& b) {
  FactMatch m;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const uint32_t ua = fact_unit(a[i]), ub = fact_unit(b[j]);
    if (ua < ub) {
      while (i < a.size() && fact_unit(a[i]) == ua) ++i;
      continue;
    }
    if (ub < ua) {
      while (j < b.size() && fact_unit(b[j]) == ub) ++j;
      continue;
    }
    // One unit in both: its values agree in part, or not at all.
    uint32_t shared = 0;
    while (i < a.size() && j < b.size() && fact_unit(a[i]) == ua && fact_unit(b[j]) == ua) {
      if (a[i] < b[j]) ++i;
      else if (b[j] < a[i]) ++j;
      else {
        ++shared;
        ++i;
        ++j;
      }
    }
    while (i < a.size() && fact_unit(a[i]) == ua) ++i;
    while (j < b.size() && fact_unit(b[j]) == ua) ++j;
    m.shared += shared;
    m.conflicts += shared == 0;
  }
  return m;
}

}  // namespace parallax::cluster::internal
