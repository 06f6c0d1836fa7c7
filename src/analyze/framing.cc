#include "framing.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/lexicon.h"
#include "text.h"

namespace parallax::analyze {

namespace {

// Wording inside a direct quote is the speaker's, not the outlet's: it is still
// reported (the outlet chose to quote it) but weighs half as much.
constexpr float kQuotedFactor = 0.5f;
// Indirect speech is the outlet's paraphrase: its wording counts half towards the
// sentence opining.
constexpr float kIndirectFactor = 0.5f;
// Hedges below this are careful reporting ("may", "reportedly"), not doubt cast by
// the writer; scare quotes (kScareQuoteStrength) are pointed.
constexpr float kPointedHedge = 0.4f;
// A sentence opines when the summed strength of the outlet's evaluative wording
// reaches this: one clearly evaluative word (0.5) or two weaker ones. The one value
// chosen on the development half of the BABE media-bias set (see
// data/lexicons/README.md); the lexicon strengths were written before it.
constexpr float kOpinionWeight = 0.45f;
// Share of capitalised longer words above which a sentence is a title-case headline.
constexpr float kTitleCaseShare = 0.6f;
// Short quoted phrases without a speaker or cue are scare quotes: the outlet
// distancing itself from a term.
constexpr uint32_t kScareQuoteMaxWords = 3;
constexpr float kScareQuoteStrength = 0.4f;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }
};

using FirstWordIndex =
    std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>>;

struct Entry {
  std::string text;
  FrameCategory category = FrameCategory::kLoaded;
  float strength = 0;
  // A degree adverb ("very", "highly") only grades the word after it: it is slant
  // when that word is itself evaluative ("very cruel"), not before a neutral one
  // ("very close", "highly trained").
  bool grades_next = false;
  // A fixed term whose loaded word is used descriptively ("regime change", "terrorist
  // attack"): it wins the longest match so the shorter entry inside it is not reported,
  // and reports nothing itself.
  bool neutral = false;
};

// One way of writing an entry as consecutive word tokens.
struct Variant {
  std::vector<std::string> keys;  // stems, or normalised words for exact entries
  std::vector<char> hyphen;       // per key: joined to the previous one by a hyphen
  uint32_t entry = 0;
  bool exact = false;
};

struct LanguageLexicon {
  std::string language;
  std::vector<Entry> entries;
  std::vector<Variant> variants;
  FirstWordIndex by_stem;  // first key of stem variants
  FirstWordIndex by_norm;  // first key of exact variants
};

bool parse_category(std::string_view s, Entry& e) {
  if (s == "degree") {
    e.category = FrameCategory::kIntensifier;
    e.grades_next = true;
    return true;
  }
  if (s == "neutral") {
    e.category = FrameCategory::kLoaded;
    e.neutral = true;
    return true;
  }
  FrameCategory& out = e.category;
  static constexpr std::pair<std::string_view, FrameCategory> kNames[] = {
      {"label", FrameCategory::kLabel},
      {"loaded", FrameCategory::kLoaded},
      {"intensifier", FrameCategory::kIntensifier},
      {"hedge", FrameCategory::kHedge},
      {"opinion", FrameCategory::kOpinion},
  };
  for (const auto& [name, c] : kNames) {
    if (s == name) {
      out = c;
      return true;
    }
  }
  return false;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t end = s.find_first_of(seps, pos);
    if (end == std::string_view::npos) end = s.size();
    if (end > pos) out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// The keys of an entry's words; with `split_hyphens` a hyphenated word gives one key
// per part, each marked as joined to the one before by a hyphen.
Variant variant_of(std::string_view entry, bool split_hyphens, bool exact,
                   std::string_view language) {
  Variant v;
  v.exact = exact;
  for (std::string_view word : split(entry, " ")) {
    auto parts = split_hyphens ? split(word, "-") : std::vector<std::string_view>{word};
    for (size_t i = 0; i < parts.size(); ++i) {
      std::string norm = normalize(parts[i]);
      v.keys.push_back(exact ? norm : stem(norm, language));
      v.hyphen.push_back(i > 0);
    }
  }
  return v;
}

void add_variant(LanguageLexicon& lex, Variant variant, uint32_t entry) {
  const auto& keys = variant.keys;
  const bool exact = variant.exact;
  if (keys.empty()) return;
  // Two entries that reduce to the same keys (an adjective and its adverb under one
  // stem) keep the stronger one.
  FirstWordIndex& index = exact ? lex.by_norm : lex.by_stem;
  auto& bucket = index[keys.front()];
  for (uint32_t v : bucket) {
    Variant& other = lex.variants[v];
    if (other.keys == keys && other.hyphen == variant.hyphen) {
      if (lex.entries[entry].strength > lex.entries[other.entry].strength) other.entry = entry;
      return;
    }
  }
  bucket.push_back(static_cast<uint32_t>(lex.variants.size()));
  variant.entry = entry;
  lex.variants.push_back(std::move(variant));
}

Status parse_lexicon(std::string_view name, std::string_view text, LanguageLexicon& lex) {
  for (const auto& row : lexicon_rows(text)) {
    std::string_view entry = trim(row[0]);
    if (entry.empty()) return invalid_input(std::string(name) + ": a row has no entry");
    auto fail = [&](const std::string& what) {
      return invalid_input(std::string(name) + ": entry '" + std::string(entry) + "': " + what);
    };
    if (row.size() < 3) return fail("needs entry, category and strength columns");
    Entry e;
    e.text = std::string(entry);
    if (!parse_category(trim(row[1]), e)) {
      return fail("unknown category '" + std::string(trim(row[1])) + "'");
    }
    std::string_view s = trim(row[2]);
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), e.strength);
    if (ec != std::errc() || ptr != s.data() + s.size() || e.strength < 0 || e.strength > 1) {
      return fail("strength '" + std::string(s) + "' is not a number in 0..1");
    }
    bool exact = false;
    if (row.size() > 3) {
      std::string_view mode = trim(row[3]);
      if (mode == "exact") {
        exact = true;
      } else if (!mode.empty() && mode != "stem") {
        return fail("match mode '" + std::string(mode) + "' is neither stem nor exact");
      }
    }
    uint32_t index = static_cast<uint32_t>(lex.entries.size());
    lex.entries.push_back(std::move(e));
    // A hyphenated entry matches whether the segmenter keeps "self-serving" as one
    // token or splits it at the hyphen.
    add_variant(lex, variant_of(entry, false, exact, lex.language), index);
    if (entry.find('-') != std::string_view::npos) {
      add_variant(lex, variant_of(entry, true, exact, lex.language), index);
    }
  }
  return {};
}

// "framing.tsv" is English; "framing_xx.tsv" with a two-letter code is language xx;
// any other "framing_*.tsv" adds English entries.
std::string language_of_file(std::string_view name) {
  constexpr std::string_view kPrefix = "framing_", kSuffix = ".tsv";
  if (name.size() == kPrefix.size() + 2 + kSuffix.size() && name.starts_with(kPrefix) &&
      name.ends_with(kSuffix)) {
    std::string code(name.substr(kPrefix.size(), 2));
    if (code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z') return code;
  }
  return "en";
}

// The text between two words of a phrase: spaces (or a hyphen, "cold-war mentality"),
// or exactly a hyphen where the entry writes one ("so-called", not "so called").
bool joins_words(std::string_view gap, bool hyphen) {
  if (hyphen) {
    return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";
  }
  if (gap.empty()) return false;
  for (size_t i = 0; i < gap.size();) {
    unsigned char c = gap[i];
    if (c == ' ' || c == '\t' || c == '-') {
      ++i;
    } else if (c == 0xC2 && i + 1 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0xA0) {
      i += 2;  // no-break space
    } else if (c == 0xE2 && i + 2 < gap.size() && static_cast<unsigned char>(gap[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(gap[i + 2]) == 0x90 ||
                static_cast<unsigned char>(gap[i + 2]) == 0x91)) {
      i += 3;  // U+2010 hyphen, U+2011 non-breaking hyphen
    } else {
      return false;
    }
  }
  return true;
}

// True when the gap before a word opens a new clause where any word may be
// capitalised: a quote mark, a bracket, a colon or a dash.
bool opens_clause(std::string_view gap) {
  for (size_t i = 0; i < gap.size(); ++i) {
    char c = gap[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == ':') return true;
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < gap.size() &&
        static_cast<unsigned char>(gap[i + 1]) == 0x80) {
      unsigned char d = gap[i + 2];
      if (d == 0x93 || d == 0x94 || d == 0x98 || d == 0x9C) return true;  // – — ‘ “
    }
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < gap.size() &&
        static_cast<unsigned char>(gap[i + 1]) == 0xAB) {
      return true;  // «
    }
  }
  return false;
}

}  // namespace

struct FramingLexicon::Data {
  std::vector<LanguageLexicon> languages;
};

namespace {

const LanguageLexicon* pick(const FramingLexicon& lexicon, std::string_view language) {
  if (!lexicon.data) return nullptr;
  // Unknown language (short texts often are): the English lexicon is the default.
  std::string_view want = language.empty() || language == "un" ? "en" : language;
  for (const auto& l : lexicon.data->languages) {
    if (l.language == want) return &l;
  }
  return nullptr;
}

struct WordToken {
  uint32_t token;
  bool initial;  // first word of its sentence or of a clause opened by a quote, colon...
};

bool is_quote_mark(const Token& t) { return !t.is_word && (t.norm == "\"" || t.norm == "'"); }

// A quote mark at tokens[i] opening 1..kScareQuoteMaxWords words closed by the same
// mark before `end`: fills the words' span and the closing mark's index.
bool scare_quote_at(std::string_view text, const std::vector<Token>& tokens, uint32_t i,
                    uint32_t end, Span& content, uint32_t& close) {
  const Token& open = tokens[i];
  if (!is_quote_mark(open)) return false;
  // An opening mark follows a space or a bracket and touches the next word.
  if (open.span.begin > 0) {
    char before = text[open.span.begin - 1];
    if (before != ' ' && before != '(' && before != '\n' && before != '\t') return false;
  }
  const Token& first = tokens[i + 1];
  if (!first.is_word || first.span.begin != open.span.end) return false;
  uint32_t words = 0;
  for (uint32_t j = i + 1; j < end; ++j) {
    const Token& t = tokens[j];
    if (t.is_word) {
      if (++words > kScareQuoteMaxWords) return false;
      continue;
    }
    if (is_quote_mark(t)) {
      // A possessive apostrophe ("the members' votes") is not a closing quote mark.
      if (t.norm != open.norm || t.span.begin != tokens[j - 1].span.end) return false;
      if (j + 1 < end && tokens[j + 1].is_word && tokens[j + 1].span.begin == t.span.end) {
        return false;
      }
      content = {first.span.begin, tokens[j - 1].span.end};
      close = j;
      return words > 0;
    }
    if (t.norm != "-") return false;  // a comma or a full stop: a quotation, not a term
  }
  return false;
}

// True when the word before a quoted term introduces it as a name ("what he called
// 'brain death'", "the slogan 'America first'"): a mention, not distance.
bool names_a_term(const std::vector<Token>& tokens, uint32_t sentence_begin, uint32_t open) {
  static constexpr std::string_view kNaming[] = {
      "called",   "dubbed", "termed", "labelled", "labeled", "named",  "nicknamed", "titled",
      "entitled", "word",   "words",  "term",     "phrase",  "slogan", "motto",     "as"};
  for (uint32_t k = open; k > sentence_begin;) {
    const Token& t = tokens[--k];
    if (!t.is_word) continue;
    for (std::string_view n : kNaming) {
      if (t.norm == n) return true;
    }
    return false;
  }
  return false;
}

}  // namespace

Result<FramingLexicon> FramingLexicon::load() {
  auto data = std::make_shared<Data>();
  for (const std::string& name : embedded_lexicon_names()) {
    if (!(name == "framing.tsv" || (name.starts_with("framing_") && name.ends_with(".tsv")))) {
      continue;
    }
    std::string language = language_of_file(name);
    LanguageLexicon* lex = nullptr;
    for (auto& l : data->languages) {
      if (l.language == language) lex = &l;
    }
    if (!lex) {
      data->languages.emplace_back();
      lex = &data->languages.back();
      lex->language = language;
    }
    Status s = parse_lexicon(name, embedded_lexicon(name), *lex);
    if (!s.ok()) return s;
  }
  bool has_english = false;
  for (const auto& l : data->languages) has_english |= l.language == "en" && !l.entries.empty();
  if (!has_english) return not_found("framing.tsv: no embedded English framing lexicon");
  return FramingLexicon{std::move(data)};
}

void find_framing(std::string_view text, const FramingLexicon& lexicon, Analysis& out) {
  out.framing.clear();
  for (auto& s : out.sentences) s.is_opinion = false;
  const LanguageLexicon* lex = pick(lexicon, out.language);
  const auto& tokens = out.tokens;

  // Word tokens in order, with whether each starts a sentence or clause.
  std::vector<WordToken> words;
  words.reserve(tokens.size());
  std::vector<uint32_t> long_words(out.sentences.size(), 0), capital_words(out.sentences.size(), 0);
  for (uint32_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.is_word) continue;
    bool initial = true;
    if (!words.empty()) {
      const Token& prev = tokens[words.back().token];
      if (prev.sentence == t.sentence && prev.span.end <= t.span.begin) {
        initial = opens_clause(text.substr(prev.span.end, t.span.begin - prev.span.end));
      }
    }
    words.push_back({i, initial});
    if (t.sentence < out.sentences.size() && !t.is_number && t.span.size() >= 4) {
      ++long_words[t.sentence];
      capital_words[t.sentence] += t.capitalized;
    }
  }
  auto title_case = [&](uint32_t s) {
    return s < long_words.size() && long_words[s] >= 2 &&
           capital_words[s] >= kTitleCaseShare * static_cast<float>(long_words[s]);
  };

  // Longest match wins at each word; matches do not overlap.
  struct Graded {
    size_t span;       // index into out.framing
    size_t next_word;  // index into words of the word it grades
  };
  std::vector<Graded> graded;
  if (lex) {
    for (size_t w = 0; w < words.size();) {
      const Token& first = tokens[words[w].token];
      const Variant* best = nullptr;
      size_t best_last = w;
      auto consider = [&](const std::vector<uint32_t>* bucket) {
        if (!bucket) return;
        for (uint32_t vi : *bucket) {
          const Variant& v = lex->variants[vi];
          if (v.keys.size() == 1 && first.capitalized && !words[w].initial &&
              !title_case(first.sentence)) {
            continue;  // a name or a title ("May", "Regime Change" as a film)
          }
          size_t last = w;
          bool ok = true;
          for (size_t k = 1; k < v.keys.size() && ok; ++k) {
            size_t next = last + 1;
            if (next >= words.size()) {
              ok = false;
              break;
            }
            const Token& a = tokens[words[last].token];
            const Token& b = tokens[words[next].token];
            ok = a.sentence == b.sentence && a.span.end <= b.span.begin &&
                 joins_words(text.substr(a.span.end, b.span.begin - a.span.end), v.hyphen[k]) &&
                 (v.exact ? b.norm : b.stem) == v.keys[k];
            last = next;
          }
          if (!ok) continue;
          bool better = !best || v.keys.size() > best->keys.size() ||
                        (v.keys.size() == best->keys.size() &&
                         lex->entries[v.entry].strength > lex->entries[best->entry].strength);
          if (better) {
            best = &v;
            best_last = last;
          }
        }
      };
      auto find = [](const FirstWordIndex& index, std::string_view key) {
        auto it = index.find(key);
        return it == index.end() ? nullptr : &it->second;
      };
      consider(find(lex->by_stem, first.stem));
      consider(find(lex->by_norm, first.norm));
      if (!best) {
        ++w;
        continue;
      }
      const Entry& e = lex->entries[best->entry];
      if (e.neutral) {
        w = best_last + 1;
        continue;
      }
      if (e.grades_next) graded.push_back({out.framing.size(), best_last + 1});
      FramingSpan f;
      f.span = {first.span.begin, tokens[words[best_last].token].span.end};
      f.category = e.category;
      f.strength = e.strength;
      f.entry = e.text;
      f.sentence = first.sentence;
      out.framing.push_back(std::move(f));
      w = best_last + 1;
    }
  }
  if (!graded.empty()) {
    // From the last one back, so "very very cruel" keeps both.
    std::vector<char> drop(out.framing.size(), 0);
    std::vector<uint32_t> starts_at(out.framing.size());
    for (size_t i = 0; i < out.framing.size(); ++i) starts_at[i] = out.framing[i].span.begin;
    for (size_t g = graded.size(); g-- > 0;) {
      const Graded& d = graded[g];
      bool evaluative = false;
      size_t next = d.span + 1;
      if (next < out.framing.size() && !drop[next] && d.next_word < words.size()) {
        const Token& t = tokens[words[d.next_word].token];
        FrameCategory c = out.framing[next].category;
        bool adjacent =
            starts_at[next] == t.span.begin && t.sentence == out.framing[d.span].sentence;
        evaluative = adjacent && (c == FrameCategory::kLabel || c == FrameCategory::kLoaded ||
                                  c == FrameCategory::kIntensifier);
      }
      drop[d.span] = !evaluative;
    }
    size_t k = 0;
    for (size_t i = 0; i < out.framing.size(); ++i) {
      if (drop[i]) continue;
      if (k != i) out.framing[k] = std::move(out.framing[i]);  // no self-move: it empties strings
      ++k;
    }
    out.framing.resize(k);
  }

  // Quotes: sentences that report speech, and direct-quote content.
  std::vector<char> attributed(out.sentences.size(), 0);
  std::vector<Span> direct, any_content;
  for (const Quote& q : out.quotes) {
    if (q.content.empty()) continue;
    any_content.push_back(q.content);
    if (!q.cue.empty()) {
      if (q.sentence < attributed.size()) attributed[q.sentence] = 1;
      // A quote running over several sentences makes each of them reporting.
      for (uint32_t s = 0; s < out.sentences.size(); ++s) {
        if (out.sentences[s].span.overlaps(q.content)) attributed[s] = 1;
      }
    }
  }
  auto inside = [](const std::vector<Span>& spans, const Span& s) {
    for (const Span& c : spans) {
      if (c.contains(s)) return true;
    }
    return false;
  };
  auto overlaps_any = [](const std::vector<Span>& spans, const Span& s) {
    for (const Span& c : spans) {
      if (c.overlaps(s)) return true;
    }
    return false;
  };

  // Scare quotes: a short quoted term that nobody is said to have said is the
  // outlet keeping its distance from the word ('engagement', "reforms").
  std::vector<FramingSpan> scare;
  auto add_scare = [&](Span span, uint32_t sentence) {
    FramingSpan f;
    f.span = span;
    f.category = FrameCategory::kHedge;
    f.strength = kScareQuoteStrength;
    f.entry = "scare quotes";
    f.sentence = sentence;
    scare.push_back(std::move(f));
  };
  for (const Quote& q : out.quotes) {
    if (!q.direct || q.content.empty()) continue;
    bool is_scare = q.cue.empty() && q.speaker_span.empty() &&
                    (q.sentence >= attributed.size() || !attributed[q.sentence]);
    if (is_scare) {
      uint32_t n = 0;
      for (const Token& t : tokens) n += t.is_word && q.content.contains(t.span);
      is_scare = n >= 1 && n <= kScareQuoteMaxWords;
    }
    if (is_scare) {
      add_scare(q.content, q.sentence);
    } else {
      direct.push_back(q.content);
    }
  }
  for (uint32_t s = 0; s < out.sentences.size(); ++s) {
    const Sentence& sentence = out.sentences[s];
    if (attributed[s] || sentence.is_heading || title_case(s)) continue;
    uint32_t begin = sentence.first_token;
    uint32_t end = std::min<uint32_t>(begin + sentence.token_count, tokens.size());
    for (uint32_t i = begin; i + 2 < end; ++i) {
      Span content;
      uint32_t close = 0;
      if (!scare_quote_at(text, tokens, i, end, content, close)) continue;
      uint32_t outside_words = 0;
      for (uint32_t k = begin; k < end; ++k) {
        outside_words += tokens[k].is_word && (k < i || k > close);
      }
      if (outside_words > 0 && !overlaps_any(any_content, content) &&
          !names_a_term(tokens, begin, i)) {
        add_scare(content, s);
      }
      i = close;
    }
  }
  for (FramingSpan& f : out.framing) {
    if (inside(direct, f.span)) f.strength *= kQuotedFactor;
  }
  if (!scare.empty()) {
    out.framing.insert(out.framing.end(), scare.begin(), scare.end());
    std::stable_sort(
        out.framing.begin(), out.framing.end(),
        [](const FramingSpan& a, const FramingSpan& b) { return a.span.begin < b.span.begin; });
  }

  // Opinion or reporting: the evaluative weight of the outlet's own wording. A direct
  // quote is the speaker's and weighs nothing; indirect speech is the outlet's
  // paraphrase of someone else, so its loaded wording weighs half; pointed
  // doubt ("so-called", "claimed", scare quotes) weighs like a loaded word of the same
  // strength, while common hedges ("may", "reportedly") are careful reporting and weigh nothing.
  std::vector<Span> indirect;
  for (const Quote& q : out.quotes) {
    if (!q.direct && !q.content.empty()) indirect.push_back(q.content);
  }
  std::vector<float> weight(out.sentences.size(), 0);
  for (const FramingSpan& f : out.framing) {
    if (f.sentence >= out.sentences.size() || inside(direct, f.span)) continue;
    if (f.category == FrameCategory::kHedge && f.strength < kPointedHedge) continue;
    float w = f.strength;
    if (inside(indirect, f.span)) {
      // A modal or a stance marker in reported speech is the speaker's stance ("said
      // that Europe must act"); a loaded word there is the outlet's choice of words.
      if (f.category == FrameCategory::kOpinion || f.category == FrameCategory::kHedge) continue;
      w *= kIndirectFactor;
    }
    weight[f.sentence] += w;
  }
  for (uint32_t s = 0; s < out.sentences.size(); ++s) {
    out.sentences[s].is_opinion = weight[s] >= kOpinionWeight;
  }
}

}  // namespace parallax::analyze
