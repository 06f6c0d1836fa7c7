// Scoring entity ranking and quote speakers on an events set with annotations
// (see parallax/eval_entities.h).
#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "bias.h"
#include "parallax/analyze.h"
#include "parallax/eval_entities.h"

namespace parallax::eval {

namespace fs = std::filesystem;

namespace {

// Words that say how a person is addressed, not who: dropped before matching.
bool honorific(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {"mr", "mrs", "ms",   "miss",
                                                              "dr", "sir", "dame", "the"};
  return kWords.count(w) > 0;
}

// "democrats" and "democrat" meet; "ross" keeps its double s.
std::string singular(std::string w) {
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

// Equal words, or one cut short where the other goes on with a non-ASCII letter: the
// set's speaker ids lost everything from the first accented letter ("Felipe_Calder"
// for Felipe Calderón). An article that spells the name without its accent
// ("Calderon") goes on with the plain letters: a tail of one or two of them after a
// cut of five letters or more is taken as the same word.
bool same_word(const std::string& a, const std::string& b) {
  if (a == b) return true;
  // Agent nouns spelt either way: "protestor" and "protester", "adviser" and "advisor".
  if (a.size() == b.size() && a.size() >= 7) {
    const size_t n = a.size();
    const bool ends_a = (a.compare(n - 2, 2, "or") == 0 || a.compare(n - 2, 2, "er") == 0);
    const bool ends_b = (b.compare(n - 2, 2, "or") == 0 || b.compare(n - 2, 2, "er") == 0);
    if (ends_a && ends_b && a.compare(0, n - 2, b, 0, n - 2) == 0) return true;
  }
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  if (s.size() < 3 || l.compare(0, s.size(), s) != 0) return false;
  return static_cast<unsigned char>(l[s.size()]) >= 0x80 || (s.size() >= 5 && l.size() - s.size() <= 2);
}

bool all_in(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  for (const auto& w : part) {
    bool found = false;
    for (const auto& x : whole) found = found || same_word(w, x);
    if (!found) return false;
  }
  return true;
}

// Edges of a phrase that are not its words: quotation marks, spaces, punctuation.
bool edge_byte(std::string_view s, size_t i, size_t& len) {
  unsigned char c = s[i];
  if (c == ' ' || c == '"' || c == '\'' || c == ',' || c == '.' || c == '\n' || c == ':' ||
      c == ';') {
    len = 1;
    return true;
  }
  // U+2018/2019/201C/201D: E2 80 98/99/9C/9D.
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = s[i + 2];
    if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
      len = 3;
      return true;
    }
  }
  return false;
}

Span trim_edges(std::string_view text, Span s) {
  size_t len = 0;
  while (s.begin < s.end && edge_byte(text, s.begin, len)) s.begin += static_cast<uint32_t>(len);
  // Trailing: step back over one byte or a three-byte mark.
  while (s.end > s.begin) {
    if (edge_byte(text, s.end - 1, len) && len == 1) {
      --s.end;
    } else if (s.end >= s.begin + 3 && edge_byte(text, s.end - 3, len) && len == 3) {
      s.end -= 3;
    } else {
      break;
    }
  }
  return s;
}

}  // namespace

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.size() > 2 && cur.compare(cur.size() - 2, 2, "'s") == 0) cur.resize(cur.size() - 2);
    while (!cur.empty() && cur.back() == '\'') cur.pop_back();
    if (!cur.empty() && !honorific(cur)) out.push_back(singular(cur));
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = name[i];
    if (c == '.' || c == '-') continue;  // "U.S." meets "US", "Wal-Mart" "Walmart"
    if (c == '\'' ||
        (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
         static_cast<unsigned char>(name[i + 2]) == 0x99)) {
      cur.push_back('\'');
      if (c == 0xE2) i += 2;
      continue;
    }
    if (c >= 0x80 || std::isalnum(c)) {
      cur.push_back(static_cast<char>(std::tolower(c)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool names_match(std::string_view gold, std::string_view ours, bool ours_is_person) {
  std::vector<std::string> g = name_words(gold), o = name_words(ours);
  if (g.empty() || o.empty()) return false;
  if (g.size() == o.size() && all_in(g, o)) return true;
  // A person by surname: "Barack Obama" and "President Obama", not "Michelle Obama".
  if (ours_is_person && same_word(g.back(), o.back()) &&
      (g.size() == 1 || o.size() == 1 || same_word(g[0], o[0]))) {
    return true;
  }
  // A name inside a longer one: "Obama" and "Obama administration", "Congress" and
  // "U.S. Congress".
  return g.size() < o.size() ? all_in(g, o) : all_in(o, g);
}

bool named_speaker(std::string_view speaker) {
  if (speaker.empty() || speaker.starts_with("other")) return false;
  return !name_words(speaker).empty();
}

std::vector<size_t> rank_entities(const Analysis& analysis) {
  std::vector<size_t> out;
  for (size_t e = 0; e < analysis.entities.size(); ++e) {
    if (!analysis.entities[e].mentions.empty()) out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [&](size_t x, size_t y) {
    return analysis.entities[x].salience > analysis.entities[y].salience;
  });
  return out;
}

size_t found_in_top(const std::vector<std::string>& gold, const std::vector<RankedName>& ranked,
                    size_t k) {
  size_t found = 0;
  const size_t n = std::min(k, ranked.size());
  for (const std::string& g : gold) {
    bool hit = false;
    for (size_t i = 0; i < n && !hit; ++i) {
      hit = names_match(g, ranked[i].name, ranked[i].person);
      for (size_t a = 0; a < ranked[i].aliases.size() && !hit; ++a) {
        hit = names_match(g, ranked[i].aliases[a], ranked[i].person);
      }
    }
    found += hit;
  }
  return found;
}

int covering_quote(std::string_view text, const std::vector<Quote>& quotes, Span phrase) {
  Span p = trim_edges(text, phrase);
  if (p.empty()) return -1;
  int best = -1;
  uint32_t best_overlap = 0;
  for (size_t q = 0; q < quotes.size(); ++q) {
    const Span& c = quotes[q].content;
    uint32_t b = std::max(c.begin, p.begin), e = std::min(c.end, p.end);
    uint32_t overlap = e > b ? e - b : 0;
    // On a tie the tighter quote: a quotation inside another's reported clause.
    if (overlap * 2 >= p.size() &&
        (overlap > best_overlap || (overlap == best_overlap && best >= 0 &&
                                    c.size() < quotes[static_cast<size_t>(best)].content.size()))) {
      best = static_cast<int>(q);
      best_overlap = overlap;
    }
  }
  return best;
}

namespace {

struct GoldArticle {
  std::vector<std::string> main_entities;
  std::vector<std::pair<std::string, std::string>> quoted;  // (txt, speaker)
};

// Words of a group label that say what kind of member, not which group
// ("Democratic lawmakers", "Nebraska officials").
bool member_noun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "lawmaker", "official", "member", "leader", "legislator", "senator", "representative",
      "staff", "aide", "spokesman", "spokeswoman", "spokesperson", "supporter"};
  return std::find(std::begin(kNouns), std::end(kNouns), w) != std::end(kNouns);
}

// Party words in one form: "Democrats", "Democratic" -> "democrat"; "GOP" -> "republican".
std::string party_form(std::string w) {
  if (w == "democratic") return "democrat";
  if (w == "gop") return "republican";
  return w;
}

}  // namespace

bool group_label(std::string_view gold) {
  std::vector<std::string> w = name_words(gold);
  if (w.empty()) return false;
  for (const std::string& x : w) {
    std::string p = party_form(x);
    if (member_noun(p) || p == "democrat" || p == "republican" || p == "campaign" ||
        p == "administration" || p == "committee" || p == "party")
      return true;
  }
  // An acronym ("NAACP") names an organisation, never a person.
  bool upper = w.size() == 1 && gold.size() >= 2;
  for (char c : gold) upper = upper && (std::isupper(static_cast<unsigned char>(c)) || c == '.' || c == '&');
  return upper;
}

bool affiliation_matches(std::string_view gold, const std::vector<std::string>& affiliations) {
  std::vector<std::string> have;
  for (const std::string& a : affiliations)
    for (std::string& w : name_words(a)) have.push_back(party_form(std::move(w)));
  size_t need = 0;
  for (std::string& w : name_words(gold)) {
    w = party_form(std::move(w));
    if (member_noun(w)) continue;
    ++need;
    if (std::find(have.begin(), have.end(), w) == have.end()) return false;
  }
  return need > 0;
}

namespace {

// How our speaker matches the gold one: not, by name, or through an affiliation.
enum class SpeakerMatch { kNo, kName, kAffiliation };

SpeakerMatch speaker_match(std::string_view gold, const Quote& q, const Analysis& a) {
  bool person = q.kind == SourceKind::kNamedPerson;
  if (q.entity >= 0 && static_cast<size_t>(q.entity) < a.entities.size()) {
    const Entity& e = a.entities[q.entity];
    person = person || e.type == EntityType::kPerson;
    if (names_match(gold, e.name, person)) return SpeakerMatch::kName;
    for (const auto& al : e.aliases) {
      if (names_match(gold, al, person)) return SpeakerMatch::kName;
    }
  }
  if (names_match(gold, q.speaker, person)) return SpeakerMatch::kName;
  // A group speaking through one of its own ("House Democrats" quoted through a
  // Democratic representative; "the Vale campaign" through its spokeswoman).
  if (q.entity >= 0 && static_cast<size_t>(q.entity) < a.entities.size() && group_label(gold) &&
      affiliation_matches(gold, a.entities[q.entity].affiliations))
    return SpeakerMatch::kAffiliation;
  return SpeakerMatch::kNo;
}

}  // namespace

Result<EntitiesReport> evaluate_entities(const std::string& dir) {
  const fs::path root = set_root(dir);
  const fs::path articles_path = root / "articles.jsonl";
  const fs::path annotations_path = root / "annotations.jsonl";
  std::ifstream articles_in(articles_path);
  if (!articles_in) {
    return not_found(articles_path.string() +
                     ": no such file (an annotated events set needs "
                     "articles.jsonl and annotations.jsonl)");
  }
  std::ifstream annotations_in(annotations_path);
  if (!annotations_in) {
    return not_found(annotations_path.string() +
                     ": no such file (an annotated events set needs "
                     "articles.jsonl and annotations.jsonl)");
  }
  EntitiesReport rep;
  rep.set = root.filename().string();

  // An id may repeat (BASIL gives four articles the id "empty"): the k-th article with an
  // id is scored against the k-th annotation with it, both files being in the same order.
  std::unordered_map<std::string, std::vector<GoldArticle>> gold;
  std::string line;
  size_t readable = 0;
  while (std::getline(annotations_in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string()) {
      ++rep.failed;
      continue;
    }
    ++readable;
    GoldArticle g;
    if (auto it = j.find("main_entities"); it != j.end() && it->is_array()) {
      for (const auto& e : *it) {
        if (e.is_string() && !e.get<std::string>().empty()) g.main_entities.push_back(e);
      }
    }
    if (auto it = j.find("phrases"); it != j.end() && it->is_array()) {
      for (const auto& p : *it) {
        if (!p.is_object() || p.value("quote", "") != "yes") continue;
        std::string speaker = p.value("speaker", "");
        std::string txt = p.value("txt", "");
        if (!named_speaker(speaker) || txt.empty()) continue;
        g.quoted.emplace_back(std::move(txt), std::move(speaker));
      }
    }
    gold[j["id"].get<std::string>()].push_back(std::move(g));
  }
  if (readable == 0) return invalid_input(annotations_path.string() + ": no readable annotation");

  auto analyzer = analyze::Analyzer::create();
  if (!analyzer.ok()) return analyzer.status();

  size_t article_lines = 0;
  std::unordered_map<std::string, size_t> seen;  // articles read so far per id
  while (std::getline(articles_in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("id") || !j["id"].is_string() ||
        !j.contains("text") || !j["text"].is_string()) {
      ++rep.failed;
      continue;
    }
    ++article_lines;
    const std::string& id = j["id"].get_ref<const std::string&>();
    auto it = gold.find(id);
    if (it == gold.end()) continue;
    const size_t occurrence = seen[id]++;
    if (occurrence >= it->second.size()) continue;
    const GoldArticle& g = it->second[occurrence];
    const std::string text = j["text"].get<std::string>();
    const std::string title = j.value("title", "");
    ++rep.articles;

    Article article;
    article.title = title;
    article.text = text;
    article.language = "en";
    if (j.contains("outlet") && j["outlet"].is_string())
      article.outlet = j["outlet"].get<std::string>();
    const auto t0 = std::chrono::steady_clock::now();
    Analysis a = (*analyzer)->analyze(article);
    rep.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::vector<RankedName> ranked;
    for (size_t e : rank_entities(a)) {
      const Entity& ent = a.entities[e];
      ranked.push_back({ent.name, ent.aliases, ent.type == EntityType::kPerson});
      if (ranked.size() == 5) break;
    }
    rep.gold_entities += g.main_entities.size();
    rep.found_at_5 += found_in_top(g.main_entities, ranked, 5);

    for (const auto& [txt, speaker] : g.quoted) {
      ++rep.speaker_phrases;
      std::string_view needle = txt;
      size_t pos = text.find(needle);
      if (pos == std::string::npos) {
        // The annotators' span may carry quotation marks or spaces the text lacks.
        Span inner = trim_edges(txt, {0, static_cast<uint32_t>(txt.size())});
        needle = inner.of(txt);
        if (!needle.empty()) pos = text.find(needle);
      }
      if (pos == std::string::npos || needle.empty()) continue;
      ++rep.phrases_located;
      int q = -1;
      for (; pos != std::string::npos && q < 0; pos = text.find(needle, pos + 1)) {
        q = covering_quote(
            text, a.quotes,
            {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + needle.size())});
      }
      if (q < 0) continue;
      ++rep.phrases_quoted;
      SpeakerMatch m = speaker_match(speaker, a.quotes[q], a);
      rep.speakers_right += m != SpeakerMatch::kNo;
      rep.by_affiliation += m == SpeakerMatch::kAffiliation;
    }
  }
  if (article_lines == 0) return invalid_input(articles_path.string() + ": no readable article");
  rep.published = published_paragraph(root / "README.md");
  return rep;
}

}  // namespace parallax::eval
