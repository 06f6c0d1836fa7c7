#include "analyze/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "test_util.h"

namespace parallax::analyze {
namespace {

using ::parallax::testing::analyzer;

struct Found {
  std::string text;
  Analysis analysis;

  const Entity* named(std::string_view name) const {
    for (const auto& e : analysis.entities) {
      if (e.name == name) return &e;
    }
    return nullptr;
  }
  // The entity one of whose mentions reads exactly `surface`.
  const Entity* mentioned_as(std::string_view surface) const {
    for (const auto& e : analysis.entities) {
      for (const auto& m : e.mentions) {
        if (m.span.of(text) == surface) return &e;
      }
    }
    return nullptr;
  }
  size_t count(const Entity& e, std::string_view surface, bool pronoun = false) const {
    size_t n = 0;
    for (const auto& m : e.mentions) n += m.span.of(text) == surface && m.pronoun == pronoun;
    return n;
  }
};

Found run(std::string text) {
  Found f;
  f.text = std::move(text);
  f.analysis = analyzer().analyze_text(f.text, "en");
  return f;
}

// The analysis of a whole article (title and outlet count for salience).
Found run(const Article& article) {
  Found f;
  f.text = article.text;
  f.analysis = analyzer().analyze(article);
  return f;
}

bool has_role(const Entity& e, std::string_view role) {
  return std::find(e.roles.begin(), e.roles.end(), role) != e.roles.end();
}

std::string describe(const Found& f) {
  std::string s;
  for (const auto& e : f.analysis.entities) {
    s += std::string(to_string(e.type)) + " '" + e.name + "' x" + std::to_string(e.mentions.size());
    for (const auto& r : e.roles) s += " [" + r + "]";
    s += "\n";
  }
  return s;
}

// Skips the suite's text-based tests until the segmenter produces tokens.
#define REQUIRE_TOKENS(f) \
  if ((f).analysis.tokens.empty()) GTEST_SKIP() << "the segmenter produced no tokens"

TEST(EntitiesRoles, TitleBeforeNameIsARole) {
  auto f = run("President Lucia Ferrante opened the summit on Tuesday.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Lucia Ferrante");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(has_role(*e, "President"));
  EXPECT_EQ(f.mentioned_as("President Lucia Ferrante"), nullptr);  // the title is not the name
}

TEST(EntitiesRoles, NationalityJoinsTheRole) {
  auto f = run("Brazilian Foreign Minister Mauro Vieira arrived in Lisbon late on Sunday.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Mauro Vieira");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(has_role(*e, "Brazilian Foreign Minister")) << describe(f);
  EXPECT_EQ(f.named("Brazilian"), nullptr);  // part of the role, not a nationality mention
  ASSERT_NE(f.named("Lisbon"), nullptr);
  EXPECT_EQ(f.named("Lisbon")->type, EntityType::kPlace);
}

TEST(EntitiesRoles, CountryPossessiveBeforeTitle) {
  auto f = run("Spain's Defence Minister Margarita Robles visited the base.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Margarita Robles");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*e, "Spain's Defence Minister")) << describe(f);
  const Entity* spain = f.named("Spain");
  ASSERT_NE(spain, nullptr);
  EXPECT_EQ(f.count(*spain, "Spain"), 1u);  // the span stops before the 's
}

TEST(EntitiesRoles, LowerCaseRoleNounMarksAPerson) {
  auto f = run("Kremlin spokesman Dmitry Peskov told reporters the talks would go on.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Dmitry Peskov");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(has_role(*e, "Kremlin spokesman")) << describe(f);
  ASSERT_NE(f.named("Kremlin"), nullptr);
}

TEST(EntitiesRoles, AmbassadorToACountry) {
  auto f = run("Mexican Ambassador to the US Esteban Moctezuma met the governor.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Esteban Moctezuma");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*e, "Mexican Ambassador to the US")) << describe(f);
  EXPECT_NE(f.named("United States"), nullptr);
}

TEST(EntitiesRoles, DottedAbbreviationsNeedTheirDot) {
  // "Sen." is a title; "Sen" without the dot is part of a name.
  auto f = run("Sen. Ruth Alvarez spoke first. Prime Minister Hun Sen spoke next.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Ruth Alvarez"), nullptr) << describe(f);
  const Entity* hun = f.named("Hun Sen");
  ASSERT_NE(hun, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*hun, "Prime Minister"));
}

TEST(EntitiesCoreference, SurnameJoinsFullName) {
  auto f =
      run("Chancellor Olaf Scholz travelled to Vilnius. Scholz said the alliance would hold. "
          "Reporters asked Scholz's aides about it.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Olaf Scholz");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(f.count(*e, "Scholz"), 2u) << describe(f);
  EXPECT_NE(std::find(e->aliases.begin(), e->aliases.end(), "Scholz"), e->aliases.end());
  EXPECT_EQ(f.named("Scholz"), nullptr);
}

TEST(EntitiesCoreference, GazetteerAliasesAreOneEntity) {
  auto f =
      run("The North Atlantic Treaty Organization met in Madrid. NATO's members agreed, and "
          "NATO will meet again next year.");
  REQUIRE_TOKENS(f);
  const Entity* nato = f.mentioned_as("North Atlantic Treaty Organization");
  ASSERT_NE(nato, nullptr) << describe(f);
  EXPECT_EQ(nato->type, EntityType::kOrganisation);
  EXPECT_EQ(f.mentioned_as("NATO"), nato);
  EXPECT_EQ(f.count(*nato, "NATO"), 2u);  // "NATO's" is a mention of "NATO"
  EXPECT_EQ(nato->mentions.size(), 3u);
}

TEST(EntitiesCoreference, AcronymDefinedInTheText) {
  auto f =
      run("The Global Coastal Resilience Fund (GCRF) approved four projects. The GCRF said "
          "more would follow.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Global Coastal Resilience Fund");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
  EXPECT_EQ(f.count(*e, "GCRF"), 2u) << describe(f);
  EXPECT_EQ(f.named("GCRF"), nullptr);
}

TEST(EntitiesCoreference, UsAliasesAndThePronounUs) {
  auto f = run("Tell us what the U.S. will do. The United States has not said; the US may wait.");
  REQUIRE_TOKENS(f);
  const Entity* us = f.named("United States");
  ASSERT_NE(us, nullptr) << describe(f);
  EXPECT_EQ(us->mentions.size(), 3u) << describe(f);
  EXPECT_EQ(f.mentioned_as("us"), nullptr);
}

TEST(EntitiesCoreference, RoleNounRefersBack) {
  auto f =
      run("Polish President Andrzej Duda met Chancellor Karl Nehammer in Warsaw. Later the "
          "Polish leader said the border would stay open.");
  REQUIRE_TOKENS(f);
  const Entity* duda = f.named("Andrzej Duda");
  ASSERT_NE(duda, nullptr) << describe(f);
  EXPECT_EQ(f.count(*duda, "the Polish leader", true), 1u) << describe(f);
  const Entity* nehammer = f.named("Karl Nehammer");
  ASSERT_NE(nehammer, nullptr);
  EXPECT_EQ(nehammer->mentions.size(), 1u);
}

TEST(EntitiesCoreference, PronounStartingASentence) {
  auto f = run("Governor Ana Ruiz signed the bill. She called it overdue.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Ana Ruiz");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(f.count(*e, "She", true), 1u);
}

TEST(EntitiesTypes, NationalitiesAndPlurals) {
  auto f = run("Italian officials met Greek diplomats. Many Italians were surprised.");
  REQUIRE_TOKENS(f);
  const Entity* it = f.named("Italian");
  ASSERT_NE(it, nullptr) << describe(f);
  EXPECT_EQ(it->type, EntityType::kNationality);
  EXPECT_EQ(it->mentions.size(), 2u);
  ASSERT_NE(f.named("Greek"), nullptr);
  EXPECT_EQ(f.named("Italy"), nullptr);  // the adjective is not the place
}

TEST(EntitiesTypes, OrganisationNamesWithOf) {
  auto f = run("A statement from the Ministry of Health and Welfare said clinics would reopen.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Ministry of Health and Welfare");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
}

TEST(EntitiesTypes, NationalityBeforeAnOrganisationStaysInItsName) {
  auto f = run("The Peruvian Ministry of Energy and Mines issued a statement.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Peruvian Ministry of Energy and Mines");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
}

TEST(EntitiesTypes, SpeechVerbMarksAPerson) {
  auto f = run("The plan was criticised. Teodora Vasquez said it came too late.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Teodora Vasquez");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
}

TEST(EntitiesTypes, PersonOfAStateStaysTwoEntities) {
  auto f = run("Sen. Maria Delgado of Nevada and the Gulf of Mexico Fishery Council disagreed.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Maria Delgado"), nullptr) << describe(f);
  EXPECT_EQ(f.named("Maria Delgado")->type, EntityType::kPerson);
  const Entity* council = f.named("Gulf of Mexico Fishery Council");
  ASSERT_NE(council, nullptr) << describe(f);
  EXPECT_EQ(council->type, EntityType::kOrganisation);
}

TEST(EntitiesTypes, AppositiveBeforeSpeechVerb) {
  auto f = run("\"The nets were empty,\" the skipper, Arne Holt, said.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Arne Holt"), nullptr) << describe(f);
  EXPECT_EQ(f.named("Arne Holt")->type, EntityType::kPerson);
}

TEST(EntitiesTypes, WordNetGazetteerTypesUnlistedPlaces) {
  // Neither city is in our gazetteer; WordNet's instance nouns know them.
  auto f = run("Flights from Timbuktu were redirected to Mandalay.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Timbuktu"), nullptr) << describe(f);
  EXPECT_EQ(f.named("Timbuktu")->type, EntityType::kPlace);
  ASSERT_NE(f.named("Mandalay"), nullptr);
  EXPECT_EQ(f.named("Mandalay")->type, EntityType::kPlace);
  auto g = run("Tourists queued at the memorial to Abraham Lincoln.");
  ASSERT_NE(g.named("Abraham Lincoln"), nullptr) << describe(g);
  EXPECT_EQ(g.named("Abraham Lincoln")->type, EntityType::kPerson);
}

TEST(EntitiesTypes, MediaAndHyphenatedNames) {
  auto f =
      run("According to Reuters, the Indo-Pacific strategy annoyed Beijing. US-led drills and "
          "Japan-China talks continued.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Reuters"), nullptr) << describe(f);
  EXPECT_EQ(f.named("Reuters")->type, EntityType::kOrganisation);
  ASSERT_NE(f.named("Indo-Pacific"), nullptr);
  ASSERT_NE(f.named("United States"), nullptr);  // "US-led"
  ASSERT_NE(f.named("Japan"), nullptr);          // "Japan-China": two places
  ASSERT_NE(f.named("China"), nullptr);
}

TEST(EntitiesNoise, SentenceInitialWordsAreNotEntities) {
  auto f =
      run("However, the talks failed. Meanwhile, officials waited. Analysts expect little. "
          "Speaking later, one adviser disagreed. In May the vote passed.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(f.analysis.entities.empty()) << describe(f);
}

TEST(EntitiesNoise, TitleCaseHeadlinesGiveOnlyKnownNames) {
  auto f = run("Ministers Clash Over Budget As Deadline Looms In Berlin\n\nThe debate went on.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Berlin"), nullptr) << describe(f);
  EXPECT_EQ(f.analysis.entities.size(), 1u) << describe(f);
}

TEST(EntitiesNoise, NoBreakSpacesJoinNames) {
  // News pages put U+00A0 between words; names must still join across it.
  auto f = run("Premier\xC2\xA0Li\xC2\xA0Qiang visited\xC2\xA0the Ministry\xC2\xA0of Finance.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Li Qiang");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*e, "Premier"));
  EXPECT_NE(f.named("Ministry of Finance"), nullptr) << describe(f);
}

TEST(EntitiesOrder, ByFirstMentionAndSpansPointIntoText) {
  auto f = run("Kenya and Ghana signed a deal. Ghana's president praised Kenya.");
  REQUIRE_TOKENS(f);
  ASSERT_GE(f.analysis.entities.size(), 2u) << describe(f);
  EXPECT_EQ(f.analysis.entities[0].name, "Kenya");
  EXPECT_EQ(f.analysis.entities[1].name, "Ghana");
  for (const auto& e : f.analysis.entities) {
    for (const auto& m : e.mentions) {
      ASSERT_LE(m.span.end, f.text.size());
      EXPECT_FALSE(m.span.empty());
    }
  }
}

TEST(EntitiesLexicon, Loads) {
  auto lex = EntityLexicon::load();
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_NE(lex->data, nullptr);
}

// ---- the seed articles --------------------------------------------------------------

Found seed(const std::string& dir, std::string_view prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/data/seeds")) {
    if (entry.path().filename().string().starts_with(prefix)) {
      return run(::parallax::testing::read_file(entry.path().string()));
    }
  }
  return {};
}

bool role_contains(const Entity& e, std::string_view part) {
  for (const auto& r : e.roles) {
    if (r.find(part) != std::string::npos) return true;
  }
  return false;
}

void expect_person(const Found& f, std::string_view name) {
  const Entity* e = f.named(name);
  ASSERT_NE(e, nullptr) << name << " missing:\n" << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson) << name;
}

TEST(EntitiesSeeds, RussianOutlet) {
  PARALLAX_REQUIRE_SHARED(dir);
  Found f = seed(dir, "000_");
  if (f.text.empty()) GTEST_SKIP() << "seed 000 absent";
  REQUIRE_TOKENS(f);
  const Entity* macron = f.named("Emmanuel Macron");
  ASSERT_NE(macron, nullptr) << describe(f);
  EXPECT_EQ(macron->type, EntityType::kPerson);
  EXPECT_TRUE(role_contains(*macron, "President"));
  EXPECT_GE(f.count(*macron, "Macron"), 4u);
  EXPECT_GE(f.count(*macron, "the French president", true), 1u) << describe(f);
  const Entity* hayashi = f.named("Yoshimasa Hayashi");
  ASSERT_NE(hayashi, nullptr) << describe(f);
  EXPECT_TRUE(role_contains(*hayashi, "Foreign Minister"));
  EXPECT_EQ(f.count(*hayashi, "the top Japanese official", true), 1u);
  for (auto name : {"Li Shangfu", "Koji Tomita", "Shinzo Abe", "Fumio Kishida", "Lloyd Austin"}) {
    expect_person(f, name);
  }
  const Entity* nato = f.named("NATO");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->type, EntityType::kOrganisation);
  EXPECT_EQ(f.mentioned_as("North Atlantic Treaty Organization"), nato);
  // "People's Republic of China (PRC)" is China, not Taiwan's "Republic of China".
  EXPECT_EQ(f.mentioned_as("PRC"), f.named("China"));
  const Entity* quad = f.mentioned_as("QUAD");
  ASSERT_NE(quad, nullptr);
  EXPECT_EQ(quad->type, EntityType::kOrganisation);
  // No entity from sentence-initial connectives.
  for (auto word : {"However", "Furthermore", "Meanwhile", "Speaking", "Earlier"}) {
    EXPECT_EQ(f.mentioned_as(word), nullptr) << word;
  }
}

TEST(EntitiesSeeds, ChineseOutlet) {
  PARALLAX_REQUIRE_SHARED(dir);
  Found f = seed(dir, "004_");
  if (f.text.empty()) GTEST_SKIP() << "seed 004 absent";
  REQUIRE_TOKENS(f);
  for (auto name : {"Wang Wenbin", "Hirokazu Matsuno", "Hun Sen", "Emmanuel Macron"}) {
    expect_person(f, name);
  }
  const Entity* ft = f.named("Financial Times");
  ASSERT_NE(ft, nullptr) << describe(f);
  EXPECT_EQ(ft->type, EntityType::kOrganisation);
  EXPECT_TRUE(role_contains(*f.named("Hirokazu Matsuno"), "Chief Cabinet Secretary"));
  // One NATO however it is written ("NATO", "NATO's").
  size_t natos = 0;
  for (const auto& e : f.analysis.entities) natos += e.name == "NATO";
  EXPECT_EQ(natos, 1u);
  const Entity* us = f.named("United States");
  ASSERT_NE(us, nullptr);
  EXPECT_GE(us->mentions.size(), 5u);
}

// ---- regressions: compound titles, names with "and", short names, untyped people ----

TEST(EntitiesRoles, CompoundTitleWithServiceWordsStaysInTheRole) {
  auto f =
      run("Chief Fire Officer Maren Tolliday said the blaze on the quay was contained. "
          "Deputy Police Commissioner Ansel Varga told reporters the road would stay shut.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Maren Tolliday");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(has_role(*e, "Chief Fire Officer")) << describe(f);
  const Entity* v = f.named("Ansel Varga");
  ASSERT_NE(v, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*v, "Deputy Police Commissioner")) << describe(f);
  // No title word is left in a name or made an entity of its own.
  EXPECT_EQ(f.mentioned_as("Fire Officer Maren Tolliday"), nullptr) << describe(f);
  EXPECT_EQ(f.named("Police"), nullptr) << describe(f);
}

TEST(EntitiesRoles, MiddleInitialAndSuffixStayInTheName) {
  auto f = run("Attorney General Marcus T. Ellery Jr. announced the charges on Tuesday.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Marcus T. Ellery Jr.");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(has_role(*e, "Attorney General"));
}

TEST(EntitiesRoles, PartyLeaderBeforeAName) {
  auto f = run("Green Party leader Tamsin Orrell called the plan reckless.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Tamsin Orrell");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kPerson);
}

TEST(EntitiesTypes, OrganisationWithAndStaysOne) {
  auto f = run("Crews from Dunmere Fire and Rescue reached the warehouse within minutes.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Dunmere Fire and Rescue");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
  EXPECT_EQ(f.named("Rescue"), nullptr) << describe(f);
  auto g = run("Pupils from Hollin Primary and St Edra's Academy were sent home early.");
  REQUIRE_TOKENS(g);
  EXPECT_EQ(g.mentioned_as("Hollin Primary and St Edra's Academy"), nullptr) << describe(g);
}

TEST(EntitiesTypes, CompanyOfTwoNamesWithAndStaysOne) {
  auto f =
      run("Shares in Marks and Spencer fell on Monday. Marks and Spencer said its food sales "
          "were weak.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Marks and Spencer");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
  EXPECT_EQ(f.named("Spencer"), nullptr) << describe(f);
}

TEST(EntitiesTypes, PlacesOrPeopleJoinedByAndStayApart) {
  auto f =
      run("Britain and France signed the treaty. Tomasz Wrenn and Aldo Pirelli said the vote "
          "was fair.");
  REQUIRE_TOKENS(f);
  EXPECT_EQ(f.mentioned_as("Britain and France"), nullptr) << describe(f);
  EXPECT_NE(f.mentioned_as("France"), nullptr) << describe(f);
  const Entity* w = f.named("Tomasz Wrenn");
  const Entity* p = f.named("Aldo Pirelli");
  ASSERT_NE(w, nullptr) << describe(f);
  ASSERT_NE(p, nullptr) << describe(f);
  EXPECT_EQ(w->type, EntityType::kPerson);
  EXPECT_EQ(p->type, EntityType::kPerson);
}

TEST(EntitiesCoreference, ShortOutletNameWithTheJoinsTheOutlet) {
  auto f =
      run("The Daily Clarion first reported the closure. The mill had lost money for years, "
          "the Clarion said.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Daily Clarion");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
  EXPECT_EQ(f.count(*e, "Clarion"), 1u) << describe(f);
  EXPECT_EQ(f.named("Clarion"), nullptr) << describe(f);
}

TEST(EntitiesCoreference, SpeakingShortNameJoinsTheCompany) {
  auto f =
      run("The quay is run by Ostrow Cargo Terminals under a lease. Ostrow said the cranes "
          "were safe.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Ostrow Cargo Terminals");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);  // a plural common noun ends it
  EXPECT_EQ(f.count(*e, "Ostrow"), 1u) << describe(f);
}

TEST(EntitiesTypes, UntypedNamesBecomePeopleFromTheirContext) {
  auto f =
      run("\"We are ready for the season,\" said Ilse Marrow, the club's treasurer. "
          "Petra Lindqvist, 41, was among the passengers on the ferry. "
          "Orla Brennock opened the shop in 1998. Brennock still works the till every morning. "
          "The council rejected Ilka Dorrance's plan for the square.");
  REQUIRE_TOKENS(f);
  for (const char* name : {"Ilse Marrow", "Petra Lindqvist", "Orla Brennock", "Ilka Dorrance"}) {
    const Entity* e = f.named(name);
    ASSERT_NE(e, nullptr) << name << "\n" << describe(f);
    EXPECT_EQ(e->type, EntityType::kPerson) << name << "\n" << describe(f);
  }
}

TEST(EntitiesTypes, PlaceNamesWithSurnamesAreNotPeople) {
  // A later one-word mention is no cue when the first word is a common word.
  auto f = run("Ships were sent to Port Varnel on Tuesday. Varnel has two berths free.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Port Varnel");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_NE(e->type, EntityType::kPerson) << describe(f);
}

TEST(EntitiesTypes, PossessiveInsideAnInstitutionName) {
  auto f = run("Patients were taken to St Agatha's Hospital in the town centre.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("St Agatha's Hospital");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->type, EntityType::kOrganisation);
}

TEST(EntitiesSamples, HarbourFireNamesAndRoles) {
  std::filesystem::path dir =
      std::filesystem::path(::parallax::testing::source_dir()) / "samples" / "harbour-fire";
  if (!std::filesystem::exists(dir / "caldoran-ledger.md")) GTEST_SKIP() << "samples absent";
  // The sample corpus is ours (samples/README.md); the names below are its truth table's.
  auto f = run(::parallax::testing::read_file((dir / "caldoran-ledger.md").string()));
  REQUIRE_TOKENS(f);
  const Entity* quill = f.named("Gareth Quill");
  ASSERT_NE(quill, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*quill, "Chief Fire Officer")) << describe(f);
  const Entity* service = f.named("Brackhaven Fire and Rescue");
  ASSERT_NE(service, nullptr) << describe(f);
  EXPECT_EQ(service->type, EntityType::kOrganisation);
  EXPECT_EQ(f.named("Rescue"), nullptr) << describe(f);
}

// ---------------------------------------------------------------------------
// Affiliations: whom a person speaks for
// ---------------------------------------------------------------------------

bool affiliated(const Entity* e, std::string_view group) {
  return e && std::find(e->affiliations.begin(), e->affiliations.end(), group) != e->affiliations.end();
}

std::string affiliations_of(const Found& f) {
  std::string s;
  for (const auto& e : f.analysis.entities) {
    s += "'" + e.name + "':";
    for (const auto& a : e.affiliations) s += " [" + a + "]";
    s += "\n";
  }
  return s;
}

TEST(EntitiesAffiliations, PartyCodeAndChamber) {
  auto f = run("Sen. Nina Halloway (D-Ore.) voted against the harbour bill on Tuesday. "
               "Rep. Carl Dunmore, R-Texas, voted for it.");
  REQUIRE_TOKENS(f);
  const Entity* nina = f.named("Nina Halloway");
  const Entity* carl = f.named("Carl Dunmore");
  EXPECT_TRUE(affiliated(nina, "Democratic Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(nina, "Senate")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(nina, "Republican Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(carl, "Republican Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(carl, "House of Representatives")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, ASpokeswomanForACampaign) {
  auto f = run("Laura Hartley, a spokeswoman for the Halloway campaign, called the advertisement "
               "misleading. Nina Halloway did not comment.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Laura Hartley"), "Halloway campaign")) << affiliations_of(f);
  EXPECT_TRUE(f.named("Nina Halloway") == nullptr || f.named("Nina Halloway")->affiliations.empty())
      << affiliations_of(f);
}

TEST(EntitiesAffiliations, TheCampaignBeforeARole) {
  auto f =
      run("Nina Halloway spoke in Dunmore. Halloway campaign spokeswoman Laura Hartley "
          "called the advertisement misleading.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Laura Hartley"), "Halloway campaign")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, ASpokesmanSpeaksForHisPrincipalsParty) {
  auto f =
      run("Tom Reed, a spokesman for Sen. Jo Vale (D-Ore.), said the vote would wait. "
          "Carl Moss, an aide to Ana Ruiz, said nothing.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Tom Reed"), "Jo Vale")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Tom Reed"), "Democratic Party")) << affiliations_of(f);
  // A principal whose party the text does not state lends none.
  ASSERT_NE(f.named("Carl Moss"), nullptr) << affiliations_of(f);
  for (const std::string& a : f.named("Carl Moss")->affiliations)
    EXPECT_FALSE(a.ends_with(" Party")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, PartyInAnAppositionOrARole) {
  auto f = run("Tom Rudge, Democrat of Vermont, said he would vote no. The House Republican leader, "
               "Representative Ella Brandt, said she would vote yes. Democratic Sen. Omar Greaves "
               "abstained.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Tom Rudge"), "Democratic Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Omar Greaves"), "Democratic Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Omar Greaves"), "Senate")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Ella Brandt"), "House of Representatives")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Ella Brandt"), "Republican Party")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(f.named("Ella Brandt"), "Democratic Party")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, PartyInAnAppositionAfterAPlace) {
  auto f =
      run("Senator Chuck Vale of New York, the Democratic leader, said no. Sen. Carla Rune, a New "
          "York Republican, said yes. Later, Nina Halloway, the Senate's top Democrat, left.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Chuck Vale"), "Democratic Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Carla Rune"), "Republican Party")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(f.named("Carla Rune"), "Democratic Party")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Nina Halloway"), "Democratic Party")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, AnIndependentHasNoParty) {
  auto f = run("Sen. Omar Greaves (I-Vt.) voted no, and Rep. Ella Brandt (R) voted yes.");
  REQUIRE_TOKENS(f);
  const Entity* omar = f.named("Omar Greaves");
  ASSERT_NE(omar, nullptr) << describe(f);
  EXPECT_FALSE(affiliated(omar, "Democratic Party")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(omar, "Republican Party")) << affiliations_of(f);
  EXPECT_EQ(f.named("Vt."), nullptr) << describe(f);
  EXPECT_TRUE(affiliated(f.named("Ella Brandt"), "Republican Party")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, TheWhiteHouseIsNotAChamber) {
  auto f = run("White House press secretary Dana Pruitt said the president would sign the bill.");
  REQUIRE_TOKENS(f);
  const Entity* dana = f.named("Dana Pruitt");
  ASSERT_NE(dana, nullptr) << describe(f);
  EXPECT_FALSE(affiliated(dana, "House of Representatives")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, ThePrincipalAcrossAPossessiveAndTheGroupAroundIt) {
  auto f = run(
      "Nina Halloway's current campaign press secretary, Laura Hartley, called the advertisement "
      "misleading. Tomas Brekke, a top adviser to Mayor Greta Lind, said nothing.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Laura Hartley"), "Halloway campaign")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Tomas Brekke"), "Greta Lind")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, WhereAnOfficeIsHeld) {
  auto f =
      run("Sen. Greta Lind of Ohio voted no. Sheriff Tomas Brekke, in western Nebraska, said the "
          "roads were closed. Carla Rune of Ohio, a teacher, watched.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Greta Lind"), "Ohio")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Tomas Brekke"), "Nebraska")) << affiliations_of(f);
  // Living somewhere is no office there.
  EXPECT_FALSE(affiliated(f.named("Carla Rune"), "Ohio")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, APartyNounIntroducingTheName) {
  auto f = run(
      "Another leading Dem, Sen. Greta Lind of Ohio, called it a bad deal. Like the Republicans, "
      "Tomas Brekke spoke for an hour. Asked by Rep. Carla Rune, a Virginia Democrat, Ola "
      "Berg said no.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Greta Lind"), "Democratic Party")) << affiliations_of(f);
  ASSERT_NE(f.named("Tomas Brekke"), nullptr) << describe(f);
  EXPECT_FALSE(affiliated(f.named("Tomas Brekke"), "Republican Party")) << affiliations_of(f);
  // The party noun closes Rune's apposition; it does not introduce Berg.
  EXPECT_TRUE(affiliated(f.named("Carla Rune"), "Democratic Party")) << affiliations_of(f);
  const Entity* berg = f.named("Ola Berg");
  ASSERT_NE(berg, nullptr) << describe(f);
  EXPECT_FALSE(affiliated(berg, "Democratic Party")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, AStateBetweenCommasStaysInTheApposition) {
  auto f =
      run("Greta Lind, president of the Harwick City, Mo., branch of the NAACP, said the vote was "
          "close.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Greta Lind"), "NAACP")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, AnOfficeOfAStateSpeaksForIt) {
  auto f = run(
      "Texas Attorney General Greta Lind sued on Monday. Ohio's attorney general, Tomas Brekke, "
      "joined the suit.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(affiliated(f.named("Greta Lind"), "Texas")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(f.named("Tomas Brekke"), "Ohio")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, AStatedPartyWinsOverThePrincipals) {
  auto f = run(
      "Democratic Mayor Greta Lind met the council. Mayor Greta Lind's transportation secretary, "
      "Tomas Brekke, a former Republican councillor, spoke first.");
  REQUIRE_TOKENS(f);
  const Entity* brekke = f.named("Tomas Brekke");
  EXPECT_TRUE(affiliated(brekke, "Greta Lind")) << affiliations_of(f);
  EXPECT_TRUE(affiliated(brekke, "Republican Party")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(brekke, "Democratic Party")) << affiliations_of(f);
}

TEST(EntitiesAffiliations, AClauseIsNoApposition) {
  // A verb, an auxiliary or an infinitive after the comma: no apposition, and nobody
  // the clause names is whom the person speaks for.
  auto f = run(
      "The campaign dispatched Tomas Brekke, a longtime adviser to Mayor Greta Lind, to get "
      "letters from Democratic officials. Sen. Ola Berg of Ohio, also lambasted the plan, "
      "comparing it to director Nina Halloway. With help from hosts like Carl Dunmore, Mr. Rune "
      "was able to win support from Mayor Lise Aamot.");
  REQUIRE_TOKENS(f);
  for (const char* name : {"Tomas Brekke", "Ola Berg", "Carl Dunmore"})
    ASSERT_NE(f.named(name), nullptr) << name << "\n" << describe(f);
  EXPECT_TRUE(affiliated(f.named("Tomas Brekke"), "Greta Lind")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(f.named("Tomas Brekke"), "Democratic Party")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(f.named("Ola Berg"), "Nina Halloway")) << affiliations_of(f);
  EXPECT_FALSE(affiliated(f.named("Carl Dunmore"), "Lise Aamot")) << affiliations_of(f);
  auto g =
      run("The mayor met Tomas Brekke, according to Reuters. Greta Lind, didn't talk to Mayor Nina "
          "Halloway on Monday. Carla Rune, running as the Republican nominee, spoke last. Lise "
          "Aamot, the retired admiral who served as the chairman of the Harbour Union, agreed.");
  REQUIRE_TOKENS(g);
  for (const char* name : {"Tomas Brekke", "Greta Lind", "Carla Rune", "Lise Aamot"})
    ASSERT_NE(g.named(name), nullptr) << name << "\n" << describe(g);
  EXPECT_FALSE(affiliated(g.named("Tomas Brekke"), "Reuters")) << affiliations_of(g);
  EXPECT_FALSE(affiliated(g.named("Greta Lind"), "Nina Halloway")) << affiliations_of(g);
  EXPECT_TRUE(affiliated(g.named("Carla Rune"), "Republican Party")) << affiliations_of(g);
  // A relative clause inside the apposition may hold verbs.
  EXPECT_TRUE(affiliated(g.named("Lise Aamot"), "Harbour Union")) << affiliations_of(g);
}

TEST(EntitiesAffiliations, AVerbEndsTheRoleWordsBeforeAName) {
  auto f =
      run("Three Halloway campaign officials told Mr. Tomas Brekke about the plan. Police officers "
          "surrounding Greta Lind shouted at the crowd.");
  REQUIRE_TOKENS(f);
  ASSERT_NE(f.named("Tomas Brekke"), nullptr) << describe(f);
  EXPECT_FALSE(affiliated(f.named("Tomas Brekke"), "Halloway campaign")) << affiliations_of(f);
  const Entity* lind = f.named("Greta Lind");
  ASSERT_NE(lind, nullptr) << describe(f);
  EXPECT_TRUE(lind->affiliations.empty()) << affiliations_of(f);
}

TEST(EntitiesAffiliations, NothingSaidNothingFound) {
  auto f = run("Nina Halloway walked to the harbour on Tuesday with Carl Dunmore.");
  REQUIRE_TOKENS(f);
  for (const auto& e : f.analysis.entities) EXPECT_TRUE(e.affiliations.empty()) << affiliations_of(f);
}

TEST(EntitiesNames, AFunctionWordOfTheLanguageIsNoGazetteerAlias) {
  // "Dem" is a short name for the Democrats in English and the article "dem" in German.
  Analysis de = analyzer().analyze_text(
      "Dem Präsidenten wurde am Montag in Berlin ein Bericht übergeben. Der Bericht lag "
      "dem Ausschuss schon vor.",
      "de");
  for (const auto& e : de.entities) EXPECT_NE(e.name, "Democratic Party");
  auto en = run("Another leading Dem, Sen. Greta Lind, spoke.");
  REQUIRE_TOKENS(en);
  EXPECT_NE(en.named("Democratic Party"), nullptr) << describe(en);
}

TEST(EntitiesNames, ACompanysShortNameBeforeItsFullName) {
  // "Kessel" comes first and never speaks; the rest of "Kessel Holdings Ltd" only says
  // it is a company, so both are one entity. A first word before a name whose rest
  // says more ("Harwick Port Authority") stays apart.
  auto f =
      run("The suit against Kessel grew on Monday. It claims that Kessel Holdings Ltd., "
          "the largest employer in Harwick, paid women less. Harwick Port Authority "
          "declined to comment.");
  REQUIRE_TOKENS(f);
  const Entity* kessel = f.named("Kessel Holdings Ltd");
  ASSERT_NE(kessel, nullptr) << describe(f);
  EXPECT_EQ(kessel->mentions.size(), 2u) << describe(f);
  EXPECT_EQ(f.named("Kessel"), nullptr) << describe(f);
  const Entity* harwick = f.named("Harwick");
  ASSERT_NE(harwick, nullptr) << describe(f);
  EXPECT_NE(harwick, f.named("Harwick Port Authority")) << describe(f);
}

TEST(EntitiesNames, HyphenatedLowerCaseInsideAName) {
  auto f = run("Crumb-a-Roo opened its first bakery in Harwick on Monday. The Harwick-based chain "
               "said Crumb-a-Roo would hire forty people.");
  REQUIRE_TOKENS(f);
  const Entity* e = f.named("Crumb-a-Roo");
  ASSERT_NE(e, nullptr) << describe(f);
  EXPECT_EQ(e->mentions.size(), 2u) << describe(f);
  EXPECT_EQ(f.named("Harwick-based"), nullptr) << describe(f);
}

// Whether an entity of that name and type was found.
::testing::AssertionResult found_as(const Found& f, std::string_view name, EntityType type) {
  const Entity* e = f.named(name);
  if (e == nullptr)
    return ::testing::AssertionFailure() << "no '" << name << "' in\n" << describe(f);
  if (e->type != type)
    return ::testing::AssertionFailure() << "'" << name << "' of another type in\n" << describe(f);
  return ::testing::AssertionSuccess();
}

TEST(EntitiesGroups, CollectiveActorsAreGroupEntities) {
  auto f =
      run("Protesters marched through Harwick on Monday. Harwick police fired tear gas at "
          "the protestors. Many protesters stayed until dawn, and demonstrators sang. "
          "Democratic lawmakers objected, and Republican lawmakers agreed.");
  REQUIRE_TOKENS(f);
  const Entity* protesters = f.named("protesters");
  ASSERT_NE(protesters, nullptr) << describe(f);
  EXPECT_EQ(protesters->type, EntityType::kGroup);
  // "Protesters", "protestors" (a spelling variant), "Many protesters" and
  // "demonstrators" (another word for the same people).
  EXPECT_EQ(protesters->mentions.size(), 4u) << describe(f);
  EXPECT_EQ(f.named("demonstrators"), nullptr) << describe(f);
  EXPECT_TRUE(found_as(f, "Harwick police", EntityType::kGroup));
  EXPECT_TRUE(found_as(f, "Democratic lawmakers", EntityType::kGroup));
  EXPECT_TRUE(found_as(f, "Republican lawmakers", EntityType::kGroup));
  // The names inside stay names of their own.
  EXPECT_NE(f.named("Harwick"), nullptr) << describe(f);
}

TEST(EntitiesGroups, AnAdministrationIsReferredBackTo) {
  auto f =
      run("The Vale administration said on Monday it would rebuild the pier. The "
          "administration sent engineers, and Vale administration officials declined to "
          "comment.");
  REQUIRE_TOKENS(f);
  const Entity* admin = f.named("Vale administration");
  ASSERT_NE(admin, nullptr) << describe(f);
  EXPECT_EQ(admin->mentions.size(), 3u) << describe(f);
  EXPECT_EQ(f.count(*admin, "administration"), 1u) << describe(f);
}

TEST(EntitiesGroups, TheAuthoritiesReferBackToTheAuthoritiesNamed) {
  auto f =
      run("Federal authorities arrested a man in Harwick on Friday. The authorities said "
          "he had mailed the packages.");
  REQUIRE_TOKENS(f);
  const Entity* authorities = f.named("Federal authorities");
  ASSERT_NE(authorities, nullptr) << describe(f);
  EXPECT_EQ(authorities->mentions.size(), 2u) << describe(f);
  // With no such group named before, "the authorities" alone is anyone.
  auto g = run("The authorities said the harbour would reopen on Friday.");
  REQUIRE_TOKENS(g);
  for (const auto& e : g.analysis.entities) EXPECT_NE(e.type, EntityType::kGroup) << describe(g);
}

TEST(EntitiesGroups, HeadsThatNameNoGroupAlone) {
  auto f =
      run("Officials said nothing on Monday. The police chief resigned, and the campaign "
          "manager left. Supporters cheered.");
  REQUIRE_TOKENS(f);
  for (const auto& e : f.analysis.entities) EXPECT_NE(e.type, EntityType::kGroup) << describe(f);
}

TEST(EntitiesPlaces, APartyCodeStateIsNoPlaceOfTheStory) {
  auto f =
      run("Sen. Harry Vance (D-Nev.) disagreed on Monday. Rep. Ted Orr, R-Texas, agreed. "
          "Sen. Mary Lusk (I-Vt.) abstained.");
  REQUIRE_TOKENS(f);
  EXPECT_NE(f.named("Harry Vance"), nullptr) << describe(f);
  for (const char* place : {"Nevada", "Nev", "Texas", "Vermont", "Vt", "D", "R", "I"})
    EXPECT_EQ(f.named(place), nullptr) << place << "\n" << describe(f);
}

TEST(EntitiesPlaces, StatesAndTheirAbbreviations) {
  auto f =
      run("Farmers in Iowa want rain. The Iowa harvest was poor, the governor of Nev. said, "
          "and police in Iowa City agreed.");
  REQUIRE_TOKENS(f);
  for (const char* place : {"Iowa", "Nevada", "Iowa City"})
    EXPECT_TRUE(found_as(f, place, EntityType::kPlace));
}

TEST(EntitiesPeople, APlaceThatIsAlsoAGivenName) {
  auto f = run("Virginia Foxx spoke in Raleigh on Monday. Foxx said the Texas Rangers had won.");
  REQUIRE_TOKENS(f);
  ASSERT_TRUE(found_as(f, "Virginia Foxx", EntityType::kPerson));
  EXPECT_EQ(f.named("Virginia Foxx")->mentions.size(), 2u) << describe(f);
  EXPECT_EQ(f.named("Texas Rangers"), nullptr) << describe(f);
  EXPECT_TRUE(found_as(f, "Texas", EntityType::kPlace));
}

TEST(EntitiesPeople, ASurnameThatIsAPlaceKeepsThePerson) {
  auto f =
      run("Raul Labrador announced a bid on Friday. Labrador said he had the votes, and "
          "Labrador's allies agreed.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(found_as(f, "Raul Labrador", EntityType::kPerson));
}

TEST(EntitiesPeople, ANicknameInsideAName) {
  auto f =
      run("The mayor picked William \"Mo\" Renwick, who ran her campaign. Renwick starts on "
          "Monday. She said \"No\" Tuesday.");
  REQUIRE_TOKENS(f);
  ASSERT_TRUE(found_as(f, "William \"Mo\" Renwick", EntityType::kPerson));
  const Entity& e = *f.named("William \"Mo\" Renwick");
  EXPECT_EQ(f.count(e, "William \"Mo\" Renwick"), 1u) << describe(f);
  EXPECT_EQ(f.count(e, "Renwick"), 1u) << describe(f);
  EXPECT_EQ(f.named("William"), nullptr) << describe(f);
}

TEST(EntitiesPeople, AGivenNameThatIsACommonWordOpensASentence) {
  auto f =
      run("Newt Halloway opened the bridge on Monday. Halloway said it was safe. Bill "
          "Orrell disagreed.");
  REQUIRE_TOKENS(f);
  ASSERT_TRUE(found_as(f, "Newt Halloway", EntityType::kPerson));
  EXPECT_EQ(f.named("Newt Halloway")->mentions.size(), 2u) << describe(f);
  EXPECT_NE(f.named("Bill Orrell"), nullptr) << describe(f);
}

TEST(EntitiesPeople, ANameAfterATitleBeforeAnOrganisationsNameIsAPerson) {
  auto f =
      run("Former Harwick Mayor Daria Bloomberg endorsed the plan. Apple declined to comment.");
  REQUIRE_TOKENS(f);
  ASSERT_TRUE(found_as(f, "Daria Bloomberg", EntityType::kPerson)) << describe(f);
  EXPECT_EQ(f.named("Daria"), nullptr) << describe(f);
  EXPECT_TRUE(found_as(f, "Apple", EntityType::kOrganisation)) << describe(f);

  // Her surname alone, later, is her, not the organisation of the same name.
  auto g =
      run("Former Harwick Mayor Daria Bloomberg endorsed the plan. \"It is time,\" Bloomberg said. "
          "Bloomberg spoke for ten minutes.");
  REQUIRE_TOKENS(g);
  ASSERT_TRUE(found_as(g, "Daria Bloomberg", EntityType::kPerson)) << describe(g);
  EXPECT_EQ(g.named("Daria Bloomberg")->mentions.size(), 3u) << describe(g);
  ASSERT_EQ(g.analysis.quotes.size(), 1u);
  EXPECT_EQ(g.analysis.quotes[0].speaker, "Daria Bloomberg");
  EXPECT_EQ(g.analysis.quotes[0].kind, SourceKind::kNamedPerson);
}

TEST(EntitiesCoreference, WrittenVariantsOfOneName) {
  auto f =
      run("The Harwick Revenue Board said on Monday that the H.R.B. would act. The HRB declined. "
          "The House of Representatives voted. The House passed the bill. Rep. Tomas G. Halloway "
          "spoke. Tomas Halloway left. Piet Kessler Jr. arrived. Piet Kessler sat down.");
  REQUIRE_TOKENS(f);
  const Entity* board = f.named("Harwick Revenue Board");
  ASSERT_NE(board, nullptr) << describe(f);
  EXPECT_EQ(board->mentions.size(), 3u) << describe(f);
  const Entity* house = f.named("House of Representatives");
  ASSERT_NE(house, nullptr) << describe(f);
  EXPECT_EQ(house->mentions.size(), 2u) << describe(f);
  const Entity* tomas = f.named("Tomas G. Halloway");
  ASSERT_NE(tomas, nullptr) << describe(f);
  EXPECT_EQ(tomas->mentions.size(), 2u) << describe(f);
  EXPECT_EQ(f.named("Tomas Halloway"), nullptr) << describe(f);
  const Entity* piet = f.named("Piet Kessler Jr.");
  ASSERT_NE(piet, nullptr) << describe(f);
  EXPECT_EQ(piet->mentions.size(), 2u) << describe(f);
}

TEST(EntitiesNames, AndTheStartsAnotherName) {
  auto f =
      run("The Harwick Port Authority and the Lowtown Harbour Board met on Monday. The Department "
          "of Health and Human Services stayed away.");
  REQUIRE_TOKENS(f);
  EXPECT_TRUE(found_as(f, "Harwick Port Authority", EntityType::kOrganisation)) << describe(f);
  EXPECT_NE(f.named("Lowtown Harbour Board"), nullptr) << describe(f);
  EXPECT_NE(f.named("Department of Health and Human Services"), nullptr) << describe(f);
}

TEST(EntitiesNames, OfNeverEndsAName) {
  auto f = run("Prosecutors in the Western District of Texas charged him on Monday.");
  REQUIRE_TOKENS(f);
  EXPECT_NE(f.named("Western District of Texas"), nullptr) << describe(f);
  EXPECT_EQ(f.named("Western District of"), nullptr) << describe(f);
}

TEST(EntitiesCoreference, AnAcronymOfTwoNamesJoinsNeither) {
  auto f = run("The Harwick Revenue Board met the Harbour Rescue Brigade. The HRB said nothing.");
  REQUIRE_TOKENS(f);
  const Entity* board = f.named("Harwick Revenue Board");
  ASSERT_NE(board, nullptr) << describe(f);
  EXPECT_EQ(board->mentions.size(), 1u) << describe(f);
}

TEST(EntitiesNames, AMonthAfterATitleIsAGivenName) {
  auto f = run("Gov. Jan Brewer vetoed the bill on Wednesday. Brewer said it went too far.");
  REQUIRE_TOKENS(f);
  const Entity* brewer = f.named("Jan Brewer");
  ASSERT_NE(brewer, nullptr) << describe(f);
  EXPECT_EQ(brewer->type, EntityType::kPerson) << describe(f);
  EXPECT_EQ(brewer->mentions.size(), 2u) << describe(f);
  // A month after a name or a preposition stays a month.
  auto g = run("Mayor Greta Lind spoke in Jan. Lind said little.");
  REQUIRE_TOKENS(g);
  EXPECT_EQ(g.named("Jan"), nullptr) << describe(g);
}

TEST(EntitiesNames, AMiddleInitialThatIsAlsoAWord) {
  auto f = run("Mayor Tomas A. Brekke said the pier would reopen. He got an A. Then he left.");
  REQUIRE_TOKENS(f);
  const Entity* brekke = f.named("Tomas A. Brekke");
  ASSERT_NE(brekke, nullptr) << describe(f);
  EXPECT_EQ(brekke->type, EntityType::kPerson) << describe(f);
  EXPECT_EQ(f.named("Tomas"), nullptr) << describe(f);
}

TEST(EntitiesNames, AnElectTitleNamesAPerson) {
  auto f =
      run("Representative-elect Kerrin Dalby, Democrat of Ohio, said she would refuse her "
          "pay.");
  REQUIRE_TOKENS(f);
  const Entity* dalby = f.named("Kerrin Dalby");
  ASSERT_NE(dalby, nullptr) << describe(f);
  EXPECT_EQ(dalby->type, EntityType::kPerson) << describe(f);
  EXPECT_TRUE(affiliated(dalby, "House of Representatives")) << describe(f);
}

TEST(EntitiesNames, AGivenNameBeforeAnOrganisationsNameIsAPerson) {
  // "Bloomberg" alone is a news agency in our gazetteer; after a given name it is a
  // surname. "Greta" is a given name of gender.tsv that WordNet does not know.
  auto f =
      run("The talks were chaired by Greta Bloomberg on Monday. Ms. Bloomberg said they "
          "would resume.");
  REQUIRE_TOKENS(f);
  const Entity* greta = f.named("Greta Bloomberg");
  ASSERT_NE(greta, nullptr) << describe(f);
  EXPECT_EQ(greta->type, EntityType::kPerson) << describe(f);
  EXPECT_EQ(greta->mentions.size(), 2u) << describe(f);
}

TEST(EntitiesCoreference, ASentenceOpeningHeIsNotAWomanNamedBefore) {
  auto f =
      run("Councillor Helen Varga asked Tomas Brekke about the pier on Monday. He said "
          "the repairs would start in spring.");
  REQUIRE_TOKENS(f);
  const Entity* varga = f.named("Helen Varga");
  const Entity* brekke = f.named("Tomas Brekke");
  ASSERT_NE(varga, nullptr) << describe(f);
  ASSERT_NE(brekke, nullptr) << describe(f);
  EXPECT_EQ(varga->mentions.size(), 1u) << describe(f);
  EXPECT_EQ(brekke->mentions.size(), 2u) << describe(f);
}

TEST(EntitiesSalience, TheArticlesOwnOutletIsTheChannel) {
  Article article;
  article.text =
      "Sources told Fox News that Greta Lind would resign. Fox News has learned that the "
      "harbour board met twice. Lind did not answer Fox News.";
  article.language = "en";
  // Salience of Fox News minus Greta Lind's, in an article of `outlet`.
  auto lead = [&](const char* outlet) {
    article.outlet = outlet;
    Found f = run(article);
    const Entity* own = f.named("Fox News");
    const Entity* lind = f.named("Greta Lind");
    if (own == nullptr || lind == nullptr) ADD_FAILURE() << describe(f);
    return own && lind ? own->salience - lind->salience : 0.0;
  };
  EXPECT_LT(lead("fox"), 0);
  // In another outlet's article the same text ranks Fox News first: it is then a subject.
  EXPECT_GT(lead("Harwick Daily"), 0);
}

TEST(EntitiesSalience, MentionsLeadAndTitleCount) {
  Article article;
  article.title = "Mayor Greta Lind defends harbour budget";
  article.text =
      "Mayor Greta Lind defended the harbour budget on Monday. Lind said the Harbour Board "
      "had asked for more. Lind added that the board would meet again. Councillor Sven Aas "
      "disagreed.";
  article.language = "en";
  Found f = run(article);
  REQUIRE_TOKENS(f);
  const Entity* lind = f.named("Greta Lind");
  const Entity* aas = f.named("Sven Aas");
  ASSERT_NE(lind, nullptr) << describe(f);
  ASSERT_NE(aas, nullptr) << describe(f);
  ASSERT_EQ(lind->mentions.size(), 3u) << describe(f);
  ASSERT_EQ(aas->mentions.size(), 1u) << describe(f);
  // Three mentions, 2 for the first sentence, 3 for each of "Greta Lind" and "Lind" in
  // the title; one mention in the fourth sentence.
  EXPECT_DOUBLE_EQ(lind->salience, 3 + 2 + 6);
  EXPECT_DOUBLE_EQ(aas->salience, 1);
  // Without a title, the same text gives no title points.
  Found g = run(article.text);
  ASSERT_NE(g.named("Greta Lind"), nullptr) << describe(g);
  EXPECT_DOUBLE_EQ(g.named("Greta Lind")->salience, 3 + 2);
}

TEST(EntitiesSalience, AHeadlineNamesAPersonByRole) {
  Article article;
  article.title = "Councillor Apologises to Harwick Mayor";
  article.text =
      "Councillor Sven Aas apologised on Monday to Mayor Greta Lind for remarks about the "
      "harbour budget. Aas said he regretted them.";
  article.language = "en";
  Found f = run(article);
  REQUIRE_TOKENS(f);
  const Entity* lind = f.named("Greta Lind");
  const Entity* aas = f.named("Sven Aas");
  ASSERT_NE(lind, nullptr) << describe(f);
  ASSERT_NE(aas, nullptr) << describe(f);
  // "Mayor" in the title is Lind, the one mayor: one mention, the lead, and a title
  // occurrence. "Councillor" is Aas: two mentions, the lead, the title.
  EXPECT_DOUBLE_EQ(lind->salience, 1 + 2 + 3) << describe(f);
  EXPECT_DOUBLE_EQ(aas->salience, 2 + 2 + 3) << describe(f);
  // Two mayors: the title's "Mayor" names neither.
  article.text += " Mayor Ola Berg of Sandvik called Lind.";
  Found g = run(article);
  ASSERT_NE(g.named("Greta Lind"), nullptr) << describe(g);
  EXPECT_DOUBLE_EQ(g.named("Greta Lind")->salience, 2 + 2) << describe(g);
}

TEST(EntitiesNames, AListedGivenNameMakesAPairAPerson) {
  // Neither WordNet nor a title, verb or pronoun says these are people: "Joaquín" is a
  // name of given_names.tsv, "Dick" a `given` row (a name that is also a common word).
  auto f = run("Crews led by Joaquín Ferreyra and Dick Halvorsen cleared the pier on Monday.");
  REQUIRE_TOKENS(f);
  const Entity* ferreyra = f.named("Joaquín Ferreyra");
  const Entity* halvorsen = f.named("Dick Halvorsen");
  ASSERT_NE(ferreyra, nullptr) << describe(f);
  ASSERT_NE(halvorsen, nullptr) << describe(f);
  EXPECT_EQ(ferreyra->type, EntityType::kPerson) << describe(f);
  EXPECT_EQ(halvorsen->type, EntityType::kPerson) << describe(f);
}

TEST(EntitiesNames, CounselAndAgentAreTitles) {
  auto f = run("Special Counsel Marta Quist met Special Agent Oren Valdt in Harlow on Monday.");
  REQUIRE_TOKENS(f);
  const Entity* quist = f.named("Marta Quist");
  const Entity* valdt = f.named("Oren Valdt");
  ASSERT_NE(quist, nullptr) << describe(f);
  ASSERT_NE(valdt, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*quist, "Special Counsel")) << describe(f);
  EXPECT_TRUE(has_role(*valdt, "Special Agent")) << describe(f);
  EXPECT_EQ(valdt->type, EntityType::kPerson) << describe(f);
}

TEST(EntitiesCoreference, TheSuspectIsThePersonTheTextCallsSo) {
  // Named before the name ("suspect Oren Valdt"), through "identified ... as", and in
  // an apposition; each later "the suspect", "the gunman", "the attacker" refers back.
  auto f =
      run("Police arrested suspect Oren Valdt, 41, on Friday. Officials identified the gunman to "
          "reporters as Teodor Raske. Ilse Brandvold, the alleged attacker, fled on foot. The "
          "suspect had lived in Harlow for a decade. The gunman fired 20 shots. The attacker was "
          "caught on Sunday.");
  REQUIRE_TOKENS(f);
  const Entity* valdt = f.named("Oren Valdt");
  const Entity* raske = f.named("Teodor Raske");
  const Entity* brandvold = f.named("Ilse Brandvold");
  ASSERT_NE(valdt, nullptr) << describe(f);
  ASSERT_NE(raske, nullptr) << describe(f);
  ASSERT_NE(brandvold, nullptr) << describe(f);
  EXPECT_TRUE(has_role(*valdt, "suspect")) << describe(f);
  EXPECT_TRUE(has_role(*raske, "gunman")) << describe(f);
  EXPECT_TRUE(has_role(*brandvold, "attacker")) << describe(f);
  EXPECT_EQ(f.count(*valdt, "The suspect", true), 1u) << describe(f);
  EXPECT_EQ(f.count(*raske, "The gunman", true), 1u) << describe(f);
  EXPECT_EQ(f.count(*brandvold, "The attacker", true), 1u) << describe(f);
  // Arrested by the police, not speaking for them.
  EXPECT_TRUE(valdt->affiliations.empty()) << describe(f);
}

TEST(EntitiesCoreference, AnOfficeIsNotWhatSomeoneIsInTheStory) {
  // "the official" is someone holding an office; a suspect holds none.
  auto f =
      run("Police arrested suspect Oren Valdt on Friday. The official in charge of the "
          "port declined to comment.");
  REQUIRE_TOKENS(f);
  const Entity* valdt = f.named("Oren Valdt");
  ASSERT_NE(valdt, nullptr) << describe(f);
  EXPECT_EQ(valdt->mentions.size(), 1u) << describe(f);
}

TEST(EntitiesSalience, AHeadlineNamesTheSuspect) {
  Article article;
  article.title = "Suspect held after harbour fire";
  article.text =
      "Police arrested suspect Oren Valdt on Friday. Harbour master Lene Sato said the fire "
      "started at dawn. Sato said the berths would reopen.";
  article.language = "en";
  Found f = run(article);
  REQUIRE_TOKENS(f);
  const Entity* valdt = f.named("Oren Valdt");
  const Entity* sato = f.named("Lene Sato");
  ASSERT_NE(valdt, nullptr) << describe(f);
  ASSERT_NE(sato, nullptr) << describe(f);
  // The headline's "Suspect" is Valdt: one mention, the lead, the title (3).
  EXPECT_DOUBLE_EQ(valdt->salience, 1 + 2 + 3) << describe(f);
  EXPECT_GT(valdt->salience, sato->salience) << describe(f);
}

}  // namespace
}  // namespace parallax::analyze
