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
// - the party of the person one speaks for ("a spokesman for Sen. Jo Vale (D-Ore.)"),
//   unless one's own is stated;
// - the state or country of an office ("Ohio Attorney General Jo Vale", "Ohio's attorney
//   general, Jo Vale");
// - the principal across a possessive ("Vale's campaign press secretary, Lis Hart":
//   "Vale campaign") or after "to" ("a top adviser to Sen. Vale").
// An apposition holds no verb: a clause after the comma ("Jo Vale, also lambasted ...",
// "..., to get information") names nobody one speaks for; a verb form before the name
// ends the role words ("Police arrested suspect Jo Vale").
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
      "member",    "spokesman", "spokeswoman", "spokesperson", "official",   "aide",
      "adviser",   "advisor",   "leader",      "chairman",     "chairwoman", "chair",
      "director",  "president", "head",        "executive",    "lawyer",     "attorney",
      "staffer",   "employee",  "founder",     "strategist",   "organizer",  "organiser",
      "secretary", "manager",   "editor",      "chief",        "general",    "counsel",
      "governor",  "mayor",     "minister",    "coordinator",  "consultant", "treasurer",
      "deputy"};
  return std::find(std::begin(kRoles), std::end(kRoles), n) != std::end(kRoles);
}

// Common irregular past forms: a verb between a name and the words before it ("Three
// Trump campaign officials told Mr. Mueller's team").
bool irregular_past(std::string_view n) {
  static constexpr std::string_view kWords[] = {
      "told", "said", "met",   "sent", "wrote",  "gave",    "took",    "made",   "saw",
      "left", "led",  "ran",   "won",  "lost",   "held",    "brought", "found",  "kept",
      "put",  "set",  "spent", "paid", "heard",  "became",  "began",   "came",   "went",
      "got",  "hit",  "cut",   "let",  "sought", "thought", "taught",  "caught", "fought"};
  return std::find(std::begin(kWords), std::end(kWords), n) != std::end(kWords);
}

bool determiner(std::string_view n) {
  return n == "a" || n == "an" || n == "the" || n == "his" || n == "her" || n == "their" ||
         n == "its";
}

// Words in -ing that stand in a role as adjectives ("acting Attorney General").
bool adjective_ing(std::string_view n) {
  static constexpr std::string_view kWords[] = {"acting",   "ranking",   "managing", "presiding",
                                                "outgoing", "incoming",  "sitting",  "leading",
                                                "founding", "governing", "visiting"};
  return std::find(std::begin(kWords), std::end(kWords), n) != std::end(kWords);
}

// The name of a party, as the entity finder writes it ("Democratic Party").
bool party_name(std::string_view n) { return n.size() > 6 && n.ends_with(" Party"); }

// Words after which an apposition says where someone works or whom they serve.
bool link_word(std::string_view n) {
  return n == "for" || n == "of" || n == "at" || n == "with" || n == "to";  // "an aide to"
}

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
      // A party of one's own wins ("Obama's transportation secretary, Ray LaHood, a
      // former Republican congressman").
      if (std::any_of(affs.begin(), affs.end(), party_name)) continue;
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

  // "another leading Dem", "a Republican": a singular party noun after a determiner,
  // not itself an apposition ("Gerald Connolly, a Virginia Democrat, Mr. Shulman said").
  bool one_partisan(int32_t k) const {
    if (owner_[k] < 0 || !is_party(owner_[k]) || norm(k).ends_with("s")) return false;
    for (int32_t d = k - 1; d >= 0 && d >= k - 3 && same_sentence(d, k); --d) {
      std::string_view w = norm(d);
      if (w == "a" || w == "an" || w == "another" || w == "the" || w == "one" || w == "fellow")
        return !(valid(d - 1) && norm(d - 1) == ",");
      if (!toks_[d].is_word) return false;
    }
    return false;
  }

  bool is_party(int32_t e) const { return party_name(out_.entities[e].name); }

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
      // So does a party noun for one person ("Another leading Dem, Sen. Jo Vale"; not
      // "Unlike Democrats, Trump").
      if (norm(k) == "," && !crossed && valid(k - 1) && toks_[k - 1].is_word &&
          (member_role(norm(k - 1)) || one_partisan(k - 1))) {
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
        // "Obama campaign spokeswoman Lis Smith", "Obama's current campaign press
        // secretary, Ben LaBolt": the group around the name, as written.
        if (words > 1 && ent.type != EntityType::kPlace && ent.type != EntityType::kNationality) {
          int32_t g = k + 1;
          while (g < b && !(toks_[g].is_word && group_noun(norm(g)))) ++g;
          if (g + 1 < b) {
            // A person by surname ("Mr. Trump's campaign": "Trump campaign").
            int32_t first = k;
            while (ent.type != EntityType::kPerson && valid(first - 1) && owner_[first - 1] == e)
              --first;
            const uint32_t from = toks_[first].span.begin;
            std::string name(text_.substr(from, toks_[k].span.end - from));
            for (std::string_view pos : {"'s", "\u2019s"})
              if (name.ends_with(pos)) name.resize(name.size() - pos.size());
            found.push_back(name + " " + std::string(norm(g)));
            return;
          }
        }
        // "Nebraska Attorney General Jon Bruning", "Nebraska's attorney general, Jon
        // Bruning": an office of a state or a country speaks for it.
        if (ent.type == EntityType::kPlace && words > 0) {
          found.push_back(ent.name);
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
        // A verb form ends the role: "Police arrested suspect Jo Vale", "officials told
        // Mr. Vale", "officers surrounding Jo Vale" (an -ing form only right before the
        // name: "wrestling executive Linda McMahon"; not "acting", "ranking").
        if (toks_[k].is_stop ||
            (!toks_[k].capitalized &&
             ((n.size() > 3 && n.ends_with("ed")) || irregular_past(n) ||
              (words == 0 && n.size() > 4 && n.ends_with("ing") && !adjective_ing(n)))))
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
    // One who holds an office holds it somewhere: "Sen. Jo Vale of Ohio", "Sheriff Jo
    // Vale, in western Nebraska,".
    const bool office = !out_.entities[self].roles.empty();
    auto place_at = [&](int32_t j) {
      return valid(j) && owner_[j] >= 0 && owner_[j] != self &&
             out_.entities[owner_[j]].type == EntityType::kPlace;
    };
    // "Jo Vale of New York, the Democratic leader": past the place.
    if (toks_[k].is_word && norm(k) == "of") {
      if (office && place_at(k + 1)) found.push_back(out_.entities[owner_[k + 1]].name);
      int32_t j = k + 1;
      while (valid(j) && same_sentence(j, e) && toks_[j].is_word && toks_[j].capitalized) ++j;
      if (j > k + 1 && valid(j) && norm(j) == ",") k = j;
    }
    bool paren = norm(k) == "(";
    bool comma = norm(k) == ",";
    if (!paren && !comma) return;
    ++k;
    if (office && comma && valid(k) && toks_[k].is_word && norm(k) == "in") {
      int32_t j = k + 1;
      while (valid(j) && toks_[j].is_word && !toks_[j].capitalized && j < k + 3) ++j;  // "western"
      if (place_at(j)) {
        found.push_back(out_.entities[owner_[j]].name);
        return;
      }
    }
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
    bool relative = false;  // inside a relative clause ("the admiral who served as ...")
    for (; valid(k) && same_sentence(k, e) && words < 12; ++k) {
      std::string_view n = norm(k);
      if (!toks_[k].is_word) {
        // "president of the Kansas City, Mo., branch of the NAACP": a state between
        // commas after a city belongs to the phrase.
        const bool state =
            n == "," && valid(k + 2) && toks_[k + 1].is_word && toks_[k + 1].capitalized &&
            ((owner_[k + 1] >= 0 && out_.entities[owner_[k + 1]].type == EntityType::kPlace) ||
             (toks_[k + 1].span.size() <= 5 && norm(k + 2) == "."));  // "Mo.", "Calif."
        if (state) {
          int32_t j = k + 1;
          while (valid(j + 1) &&
                 ((owner_[k + 1] >= 0 && owner_[j + 1] == owner_[k + 1]) || norm(j + 1) == "."))
            ++j;
          if (valid(j + 1) && norm(j + 1) == "," && j - k <= 3) {
            k = j + 1;
            continue;
          }
        }
        if (n == "," || n == ";" || n == ":" || n == "(" || n == "\"" || n == "“" || n == "”")
          break;
        continue;
      }
      ++words;
      // A relative clause, a verb, an infinitive ("..., to get information").
      if (words == 1 && (n == "who" || n == "which" || n == "says" || n == "to" ||
                         (!toks_[k].capitalized && n.ends_with("ing") && !adjective_ing(n) &&
                          !(valid(k + 1) && norm(k + 1) == "as"))))
        return;  // a participle: "..., according to the Globe" (not "running as the
                 // Republican nominee")
      // An apposition holds no verb outside a relative clause: "Sen. Jo Vale, also
      // lambasted ...", "Laura Ingraham, Mr. Brat was able to ..." (a past form after a
      // determiner is an adjective: "the retired general").
      if (words > 1 && (n == "who" || n == "which" || n == "that")) relative = true;
      if (!relative && !toks_[k].capitalized &&
          (is_auxiliary(n) || n.ends_with("n't") || n.ends_with("n\u2019t") ||
           ((n.ends_with("ed") || irregular_past(n)) &&
            !(valid(k - 1) && determiner(norm(k - 1))))))
        return;
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
          // "advisory board member for Secure America Now": a name the entity finder
          // split ("Secure", "America"), as written when no person is in it.
          int32_t run = k;
          bool person = false, split = false;
          while (valid(run + 1) && same_sentence(run + 1, k) && toks_[run + 1].is_word &&
                 toks_[run + 1].capitalized &&
                 toks_[run + 1].span.begin == toks_[run].span.end + 1) {
            ++run;
            if (owner_[run] != ent) split = true;
          }
          bool unowned = false;  // a word no entity holds ("Secure", "Now")
          for (int32_t r = k; r <= run; ++r) {
            person =
                person || (owner_[r] >= 0 && out_.entities[owner_[r]].type == EntityType::kPerson);
            unowned = unowned || owner_[r] < 0;
          }
          if (split && unowned && !person) {
            found.push_back(std::string(
                text_.substr(toks_[k].span.begin, toks_[run].span.end - toks_[k].span.begin)));
            return;
          }
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
