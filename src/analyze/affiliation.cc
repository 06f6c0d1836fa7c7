// Whom a person speaks for, as the text states it: Entity::affiliations.
//
// Read from the words around a person's mentions, in the ways news writes it:
// - a party code after the name: "Sen. Jo Vale (D-Ore.)", "Rep. Al Moss, R-Texas,";
// - an apposition: "Lis Hart, a spokeswoman for the Vale campaign", "Tom Rue,
//   Democrat of Vermont", "Ana Ruiz, president of the Harbour Union", "Jo Vale of
//   Ohio, the Republican leader";
// - a name or party before the role: "Union President Ana Ruiz", "Vale spokeswoman Lis
//   Hart", "Democratic Sen. Jo Vale", and the group around a name ("Vale campaign
//   spokeswoman Lis Hart": "Vale campaign", as written);
// - the person's roles ("House Republican leader", "Rep.", "Senator"): a party named in
//   them, and the chamber of a legislator's title;
// - the party of the person one speaks for ("a spokesman for Sen. Jo Vale (D-Ore.)").
// Organisations come from the entity finder (with their canonical names); a capitalised
// name followed by a group noun ("the Vale campaign") is taken as it is written.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/entities.h"
#include "analyze/text.h"

namespace parallax::analyze {
namespace {

// The canonical names of the two US parties in our gazetteer (data/lexicons/entities.tsv),
// for the party codes "D-" and "R-" that stand for them.
constexpr std::string_view kDemocrats = "Democratic Party", kRepublicans = "Republican Party";

// Nouns that make a name into the group around it ("the Vale campaign").
bool group_noun(std::string_view n) {
  static constexpr std::string_view kNouns[] = {"campaign",   "administration", "team",
                                                "office",     "committee",      "foundation",
                                                "government", "cabinet",        "caucus"};
  return std::find(std::begin(kNouns), std::end(kNouns), n) != std::end(kNouns);
}

// Roles held within an organisation ("a Harbour Union official").
bool member_role(std::string_view n) {
  static constexpr std::string_view kRoles[] = {
      "member",   "spokesman", "spokeswoman", "spokesperson", "official",   "aide",
      "adviser",  "advisor",   "leader",      "chairman",     "chairwoman", "chair",
      "director", "president", "head",        "executive",    "lawyer",     "attorney",
      "staffer",  "employee",  "founder",     "strategist",   "organizer",  "organiser"};
  return std::find(std::begin(kRoles), std::end(kRoles), n) != std::end(kRoles);
}

// Words after which an apposition says where someone works or whom they serve.
bool link_word(std::string_view n) { return n == "for" || n == "of" || n == "at" || n == "with"; }

// US legislators' titles and the chamber they sit in.
std::string_view chamber_of(std::string_view w) {
  if (w == "rep" || w == "representative" || w == "congressman" || w == "congresswoman" ||
      w == "house")
    return "House of Representatives";
  if (w == "sen" || w == "senator" || w == "senate") return "Senate";
  return {};
}

class Finder {
 public:
  Finder(std::string_view text, Analysis& out) : text_(text), out_(out), toks_(out.tokens) {}

  void run() {
    index();
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      Entity& ent = out_.entities[e];
      // Untyped names of two words or more are people far more often than not.
      if (ent.type != EntityType::kPerson &&
          !(ent.type == EntityType::kOther && ent.name.find(' ') != std::string::npos))
        continue;
      std::vector<std::string> found;
      for (const Mention& m : ent.mentions) {
        if (m.pronoun) continue;
        int32_t b = token_at(m.span.begin), end = token_at(m.span.end);
        before(b, static_cast<int32_t>(e), found);
        after(end, static_cast<int32_t>(e), found);
      }
      for (const std::string& role : ent.roles) from_role(role, found);
      for (std::string& f : found) {
        if (f != ent.name && std::find(ent.affiliations.begin(), ent.affiliations.end(), f) ==
                                 ent.affiliations.end())
          ent.affiliations.push_back(std::move(f));
      }
    }
    // One who speaks for a person ("Brendan Buck, spokesman for House Speaker John
    // Boehner (R-Ohio)") speaks for that person's party too; one step, parties only.
    std::unordered_map<std::string_view, size_t> person_by_name;
    for (size_t e = 0; e < out_.entities.size(); ++e)
      if (out_.entities[e].type == EntityType::kPerson)
        person_by_name.emplace(out_.entities[e].name, e);
    std::vector<std::vector<std::string>> parties(out_.entities.size());
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      for (const std::string& a : out_.entities[e].affiliations) {
        auto it = person_by_name.find(a);
        if (it == person_by_name.end() || it->second == e) continue;
        for (const std::string& p : out_.entities[it->second].affiliations)
          if (p.size() > 6 && p.ends_with(" Party")) parties[e].push_back(p);
      }
    }
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      auto& affs = out_.entities[e].affiliations;
      for (std::string& p : parties[e])
        if (std::find(affs.begin(), affs.end(), p) == affs.end()) affs.push_back(std::move(p));
    }
  }

 private:
  void index() {
    owner_.assign(toks_.size(), -1);
    for (size_t e = 0; e < out_.entities.size(); ++e) {
      // A group ("the Vale campaign") holds names of its own: the name keeps its words.
      const bool group = out_.entities[e].type == EntityType::kGroup;
      for (const Mention& m : out_.entities[e].mentions) {
        if (m.pronoun) continue;
        for (int32_t t = token_at(m.span.begin);
             t < static_cast<int32_t>(toks_.size()) && toks_[t].span.begin < m.span.end; ++t)
          if (!group || owner_[t] < 0) owner_[t] = static_cast<int32_t>(e);
      }
    }
  }

  int32_t token_at(uint32_t pos) const {
    auto it = std::lower_bound(toks_.begin(), toks_.end(), pos,
                               [](const Token& t, uint32_t p) { return t.span.begin < p; });
    return static_cast<int32_t>(it - toks_.begin());
  }
  bool valid(int32_t i) const { return i >= 0 && i < static_cast<int32_t>(toks_.size()); }
  std::string_view norm(int32_t i) const { return toks_[i].norm; }
  bool same_sentence(int32_t a, int32_t b) const { return toks_[a].sentence == toks_[b].sentence; }

  bool is_party(int32_t e) const {
    const std::string& n = out_.entities[e].name;
    return n.size() > 6 && n.ends_with(" Party");
  }

  // An organisation (or a person, for "Vale spokeswoman") standing for a group.
  void add_entity(int32_t e, std::vector<std::string>& found) const {
    const Entity& ent = out_.entities[e];
    if (ent.type == EntityType::kPlace || ent.type == EntityType::kNationality ||
        ent.type == EntityType::kOther)
      return;
    found.push_back(ent.name);
  }

  // "Union President Ana Ruiz", "Vale spokeswoman Lis Hart", "Democratic Sen. Jo Vale":
  // an entity ending at most four title or role words before the name.
  void before(int32_t b, int32_t self, std::vector<std::string>& found) const {
    int32_t k = b - 1;
    int words = 0;
    bool crossed = false;
    while (valid(k) && same_sentence(k, b) && words <= 4) {
      // "The House Republican leader, Representative Ella Brandt": one comma after a
      // role noun introduces the name.
      if (norm(k) == "," && !crossed && valid(k - 1) && toks_[k - 1].is_word &&
          member_role(norm(k - 1))) {
        crossed = true;
        words = 0;
        --k;
        continue;
      }
      if (owner_[k] >= 0 && owner_[k] != self) {
        int32_t e = owner_[k];
        const Entity& ent = out_.entities[e];
        // A person before the name is a principal only across a role word ("Vale
        // spokeswoman Lis Hart"), never directly ("Obama Warren").
        if (ent.type == EntityType::kPerson && words == 0) return;
        // "Obama campaign spokeswoman Lis Smith": the group around the name, as written.
        if (words > 1 && valid(k + 1) && toks_[k + 1].is_word && group_noun(norm(k + 1)) &&
            ent.type != EntityType::kPlace && ent.type != EntityType::kNationality) {
          int32_t first = k;
          while (valid(first - 1) && owner_[first - 1] == e) --first;
          const uint32_t from = toks_[first].span.begin;
          found.push_back(std::string(text_.substr(from, toks_[k].span.end - from)) + " " +
                          std::string(norm(k + 1)));
          return;
        }
        // Across a role word, a name the entity finder could not type ("NAACP
        // President Ben Jealous") is an organisation too.
        if (ent.type == EntityType::kOther && words > 0) {
          found.push_back(ent.name);
          return;
        }
        add_entity(e, found);
        return;
      }
      std::string_view n = norm(k);
      if (toks_[k].is_word) {
        // A verb's past form ends the role: "Police arrested suspect Jo Vale".
        if (toks_[k].is_stop || (!toks_[k].capitalized && n.size() > 3 && n.ends_with("ed")))
          return;
        ++words;
      } else if (n != "." && n != "'s" && n != "’s" && n != "'" && n != "’") {
        return;
      }
      --k;
    }
  }

  // A party code, or an apposition, after the name.
  void after(int32_t e, int32_t self, std::vector<std::string>& found) const {
    int32_t k = e;
    if (!valid(k)) return;
    // "Jo Vale of New York, the Democratic leader": past the place.
    if (toks_[k].is_word && norm(k) == "of") {
      int32_t j = k + 1;
      while (valid(j) && same_sentence(j, e) && toks_[j].is_word && toks_[j].capitalized) ++j;
      if (j > k + 1 && valid(j) && norm(j) == ",") k = j;
    }
    bool paren = norm(k) == "(";
    bool comma = norm(k) == ",";
    if (!paren && !comma) return;
    ++k;
    // "(D-Ore.)", "(R)", ", D-Texas,"; an independent ("I-Vt.") has no party.
    if (valid(k) && same_sentence(k, e) && party_code_length(text_, toks_[k].span.begin) > 0) {
      const char c = text_[toks_[k].span.begin];
      if (c != 'I') found.emplace_back(c == 'D' ? kDemocrats : kRepublicans);
      return;
    }
    if (!comma) return;
    // An apposition: up to the next comma or the sentence's end, at most twelve words.
    int words = 0;
    bool linked = false;
    for (; valid(k) && same_sentence(k, e) && words < 12; ++k) {
      std::string_view n = norm(k);
      if (!toks_[k].is_word) {
        if (n == "," || n == ";" || n == ":" || n == "(" || n == "\"" || n == "“" || n == "”")
          break;
        continue;
      }
      ++words;
      if (words == 1 && (n == "who" || n == "which" || n == "said" || n == "says")) return;
      // "Democrat of Vermont", "the Democratic leader", "a New York Republican", "the
      // Senate's top Democrat": a party word early in the apposition, before any link.
      if (toks_[k].capitalized && !linked && words <= 5) {
        if (n == "democrat" || n == "democratic") {
          found.emplace_back(kDemocrats);
          return;
        }
        if (n == "republican" || n == "gop") {
          found.emplace_back(kRepublicans);
          return;
        }
      }
      if (owner_[k] >= 0 && owner_[k] != self) {
        int32_t ent = owner_[k];
        int32_t last = k;
        while (valid(last + 1) && owner_[last + 1] == ent) ++last;
        // "the Vale campaign": the name with its group noun, as written.
        if (valid(last + 1) && toks_[last + 1].is_word && group_noun(norm(last + 1))) {
          found.push_back(std::string(
              text_.substr(toks_[k].span.begin, toks_[last + 1].span.end - toks_[k].span.begin)));
          return;
        }
        // "Democrat of Vermont", "a Republican from Ohio": a party anywhere in it.
        if (is_party(ent)) {
          found.push_back(out_.entities[ent].name);
          return;
        }
        // "an Intelligence Committee member", "a Harbour Union official".
        if (valid(last + 1) && toks_[last + 1].is_word && member_role(norm(last + 1))) {
          const Entity& x = out_.entities[ent];
          if (x.type == EntityType::kOrganisation || x.type == EntityType::kOther) {
            found.push_back(x.name);
            return;
          }
        }
        if (linked) {
          const Entity& x = out_.entities[ent];
          if (x.type == EntityType::kOrganisation || x.type == EntityType::kPerson) {
            add_entity(ent, found);
            return;
          }
        }
        k = last;
        continue;
      }
      if (link_word(n)) linked = true;
    }
  }

  // A party named in a role ("House Republican leader"), an organisation of the text
  // ("Harbour Union President"), and a legislator's chamber.
  void from_role(const std::string& role, std::vector<std::string>& found) const {
    for (const Entity& org : out_.entities) {
      if (org.type != EntityType::kOrganisation) continue;
      bool named = has_words(role, org.name);
      for (size_t a = 0; a < org.aliases.size() && !named; ++a)
        named = has_words(role, org.aliases[a]);
      if (named) found.push_back(org.name);
    }
    std::string word, prev;
    auto flush = [&] {
      if (word.empty()) return;
      std::string lower;
      for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "democratic" || lower == "democrat") found.emplace_back(kDemocrats);
      if (lower == "republican" || lower == "gop") found.emplace_back(kRepublicans);
      // "White House" is the president's office, not the chamber.
      if (std::string_view ch = chamber_of(lower); !ch.empty() && prev != "white")
        found.emplace_back(ch);
      prev = std::move(lower);
      word.clear();
    };
    for (char c : role) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        word += c;
      } else {
        flush();
      }
    }
    flush();
  }

  // True when `words` stands in `hay` as whole words, case as written.
  static bool has_words(std::string_view hay, std::string_view words) {
    if (words.empty()) return false;
    for (size_t p = hay.find(words); p != std::string_view::npos; p = hay.find(words, p + 1)) {
      size_t end = p + words.size();
      bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(hay[p - 1]));
      bool right = end >= hay.size() || !std::isalnum(static_cast<unsigned char>(hay[end]));
      if (left && right) return true;
    }
    return false;
  }

  std::string_view text_;
  Analysis& out_;
  const std::vector<Token>& toks_;
  std::vector<int32_t> owner_;  // token -> entity whose (non-pronoun) mention holds it
};

}  // namespace

void find_affiliations(std::string_view text, Analysis& out) {
  if (out.entities.empty() || out.tokens.empty()) return;
  Finder(text, out).run();
}

}  // namespace parallax::analyze
