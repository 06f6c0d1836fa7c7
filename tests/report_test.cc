// The three report formats over a small comparison of made-up articles.
#include "parallax/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parallax/compare.h"
#include "test_util.h"

namespace parallax {
namespace {

Article make_article(const std::string& outlet, const std::string& title,
                     const std::vector<std::string>& paras) {
  Article a;
  a.outlet = outlet;
  a.title = title;
  a.language = "en";
  a.id = hash_id(outlet + title);
  for (const auto& p : paras) a.add_paragraph(p);
  return a;
}

class Report : public ::testing::Test {
 protected:
  void SetUp() override {
    articles_.push_back(make_article(
        "Harwick Courier", "Council approves river bridge",
        {"The city council of Harwick approved the new river bridge on Tuesday after a long "
         "debate.",
         "Mayor Elena Vasquez said that delaying the project again would be a grave error.",
         "Local shop owners fear months of noise and blocked streets during construction."}));
    articles_.back().residue.push_back({"Share this article", "share prompt", 3, 9});
    articles_.push_back(make_article(
        "Valley Gazette", "Harwick votes for bridge",
        {"On Tuesday, Harwick's council voted to approve the planned bridge over the river.",
         "Elena Vasquez, the mayor, warned that another postponement would be a big mistake.",
         "\"This plan is reckless,\" said opposition councillor Tom Fraser, who promised to fight "
         "it in court."}));
    articles_.push_back(make_article(
        "North Herald", "Bridge approved amid opposition",
        {"Harwick council approved a bridge across the river on Tuesday after hours of argument.",
         "Engineers expect the old ferry service to stop once the bridge carries traffic."}));
    for (const auto& a : articles_) analyses_.push_back(testing::analyzer().analyze(a));
    cmp_ = compare::compare(articles_, analyses_, testing::analyzer().lexical());
    errors_.push_back(invalid_input("missing.txt: no such file"));
  }

  report::Input input() const { return {articles_, analyses_, cmp_, errors_}; }

  std::vector<Article> articles_;
  std::vector<Analysis> analyses_;
  Comparison cmp_;
  std::vector<Status> errors_;
};

TEST_F(Report, TerminalHasLabelsSectionsAndUniqueFacts) {
  std::string out = report::terminal(input());
  for (const char* s :
       {"Harwick Courier", "Valley Gazette", "North Herald", "Reported by all",
        "Reported by several", "Only in", "leaves out", "Who is quoted", "Sourcing", "Framing",
        "Removed as page residue", "Share this article", "share prompt", "missing.txt"}) {
    EXPECT_NE(out.find(s), std::string::npos) << s << "\n" << out;
  }
  // A fact only the Herald reports is listed as its own.
  size_t only = out.find("Only in [3] North Herald");
  ASSERT_NE(only, std::string::npos) << out;
  EXPECT_NE(out.find("ferry", only), std::string::npos);
  EXPECT_EQ(out.find("\x1b["), std::string::npos) << "no colour unless asked";
}

TEST_F(Report, TerminalWrapsToWidthAndColoursWhenAsked) {
  report::Options o;
  o.width = 60;
  std::string out = report::terminal(input(), o);
  size_t start = 0;
  while (start < out.size()) {
    size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    std::string line = out.substr(start, nl - start);
    size_t width = 0;
    for (unsigned char c : line) width += (c & 0xC0) != 0x80;
    EXPECT_LE(width, 60u) << line;
    start = nl + 1;
  }
  o.color = true;
  EXPECT_NE(report::terminal(input(), o).find("\x1b[1m"), std::string::npos);
}

TEST_F(Report, TwoArticlesSayBoth) {
  std::vector<Article> two(articles_.begin(), articles_.begin() + 2);
  std::vector<Analysis> an(analyses_.begin(), analyses_.begin() + 2);
  Comparison c = compare::compare(two, an, testing::analyzer().lexical());
  std::vector<Status> none;
  std::string out = report::terminal({two, an, c, none});
  EXPECT_NE(out.find("Reported by both"), std::string::npos) << out;
  EXPECT_NE(out.find("shop owners"), std::string::npos) << out;
  EXPECT_EQ(out.find("Inputs that failed"), std::string::npos);
}

TEST_F(Report, JsonHasSchemaAndValidSpans) {
  nlohmann::json j = nlohmann::json::parse(report::json(input()));
  EXPECT_EQ(j["schema"], "parallax.compare/1");
  ASSERT_EQ(j["articles"].size(), 3u);
  std::vector<std::string> texts;
  for (const auto& a : j["articles"]) texts.push_back(a["text"].get<std::string>());
  // Every [begin, end] pair anywhere under an article lies inside that article's text.
  size_t spans = 0;
  std::function<void(const nlohmann::json&, size_t)> walk = [&](const nlohmann::json& v,
                                                                size_t size) {
    if (v.is_object()) {
      for (const auto& [k, x] : v.items()) {
        if ((k == "span" || k == "content" || k == "cue" || k == "speaker_span") && x.is_array()) {
          ASSERT_EQ(x.size(), 2u);
          uint32_t b = x[0], e = x[1];
          EXPECT_LE(b, e);
          EXPECT_LE(e, size);
          ++spans;
        } else {
          walk(x, size);
        }
      }
    } else if (v.is_array()) {
      for (const auto& x : v) walk(x, size);
    }
  };
  for (size_t a = 0; a < texts.size(); ++a) walk(j["articles"][a], texts[a].size());
  EXPECT_GT(spans, 10u);
  ASSERT_FALSE(j["facts"].empty());
  for (const auto& f : j["facts"]) {
    for (const auto& m : f["members"]) {
      size_t a = m["article"], s = m["sentence"];
      uint32_t b = m["span"][0], e = m["span"][1];
      ASSERT_LT(a, texts.size());
      EXPECT_LE(e, texts[a].size());
      auto sentence = j["articles"][a]["sentences"][s]["span"];
      EXPECT_EQ(sentence[0], b);
      EXPECT_EQ(sentence[1], e);
      EXPECT_FALSE(texts[a].substr(b, e - b).empty());
    }
    // The summary is the text of one of its members.
    bool found = false;
    for (const auto& m : f["members"]) {
      size_t a = m["article"];
      uint32_t b = m["span"][0], e = m["span"][1];
      found = found || texts[a].substr(b, e - b) == f["summary"].get<std::string>();
    }
    EXPECT_TRUE(found) << f["summary"];
  }
  EXPECT_EQ(j["comparison"].size(), 3u);
  EXPECT_EQ(j["timeline"].size(), 3u);
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["message"], "missing.txt: no such file");
  EXPECT_EQ(j["articles"][0]["residue"][0]["reason"], "share prompt");
  EXPECT_TRUE(j["comparison"][0]["sourcing"]["by_kind"].contains("anonymous"));
  EXPECT_TRUE(j["comparison"][0]["framing"]["by_category"].contains("hedge"));
  // Entities carry their salience: positive for every entity with a mention.
  size_t entities = 0;
  for (const auto& a : j["articles"]) {
    for (const auto& e : a["entities"]) {
      ASSERT_TRUE(e.contains("salience")) << e["name"];
      ASSERT_TRUE(e.contains("outlet")) << e["name"];
      if (!e["mentions"].empty()) {
        EXPECT_GT(e["salience"].get<double>(), 0.0) << e["name"];
      }
      ++entities;
    }
  }
  EXPECT_GT(entities, 0u);
}

TEST_F(Report, MarkdownHasHeadingsAndTables) {
  std::string md = report::markdown(input());
  for (const char* s :
       {"# Parallax", "## Articles", "## Reported by all", "## Reported by several", "## Only in",
        "leaves out", "## Who is quoted", "## Sourcing", "## Framing", "## Removed as page residue",
        "## Inputs that failed", "| Harwick Courier |", "ferry"}) {
    EXPECT_NE(md.find(s), std::string::npos) << s << "\n" << md;
  }
}

TEST_F(Report, EmptyComparisonStillFormats) {
  std::vector<Article> none;
  std::vector<Analysis> no_an;
  Comparison c;
  std::vector<Status> errs = {io_error("a.txt: unreadable")};
  report::Input in{none, no_an, c, errs};
  EXPECT_NE(report::terminal(in).find("a.txt: unreadable"), std::string::npos);
  EXPECT_NE(report::markdown(in).find("a.txt: unreadable"), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(report::json(in));
  EXPECT_EQ(j["schema"], "parallax.compare/1");
  EXPECT_TRUE(j["articles"].empty());
}

}  // namespace
}  // namespace parallax
