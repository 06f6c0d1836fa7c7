#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/clean_internal.h"
#include "core/normalize.h"
#include "parallax/extract.h"
#include "parallax/ingest.h"
#include "test_util.h"

namespace parallax {
namespace {

Article read_article(const std::string& path) {
  ingest::Batch b = ingest::read_paths({path});
  EXPECT_TRUE(b.errors.empty()) << (b.errors.empty() ? "" : b.errors[0].message());
  EXPECT_EQ(b.articles.size(), 1u);
  return b.articles.empty() ? Article{} : b.articles[0];
}

std::string fixture(const std::string& name) {
  return testing::source_dir() + "/tests/data/clean/" + name;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(parallax::normalize_space(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return out;
}

size_t word_count(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// The last character before closing quotes is . ! or ?.
bool ends_like_sentence(std::string_view s) {
  while (!s.empty()) {
    if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) {
      s.remove_suffix(3);
    } else if (s.back() == '"' || s.back() == '\'' || s.back() == ')') {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// Every line of `original` that reads as a sentence of 8+ words is in `a.text`.
void expect_sentences_kept(const std::string& original, const Article& a) {
  for (const std::string& line : lines_of(original)) {
    if (line.starts_with("---")) continue;
    if (ends_like_sentence(line) && word_count(line) >= 8) {
      EXPECT_NE(a.text.find(line), std::string::npos) << "lost: " << line;
    }
  }
}

std::vector<std::string> residue_with(const Article& a, const std::string& reason) {
  std::vector<std::string> out;
  for (const auto& r : a.residue) {
    if (r.reason == reason) out.push_back(r.text);
  }
  return out;
}

bool has_residue(const Article& a, const std::string& text, const std::string& reason) {
  return std::any_of(a.residue.begin(), a.residue.end(),
                     [&](const Residue& r) { return r.text == text && r.reason == reason; });
}

std::vector<std::string> paragraphs(const Article& a) {
  std::vector<std::string> out;
  for (const auto& p : a.paragraphs) out.emplace_back(p.span.of(a.text));
  return out;
}

// ---------------------------------------------------------------------------
// Fixtures in the style of scraped pages
// ---------------------------------------------------------------------------

TEST(CleanScraped, LabelsTeasersPromptsAndCreditGoSentencesStay) {
  Article a = read_article(fixture("scraped_page.txt"));
  ASSERT_EQ(a.title, "Europe");  // as ingested: the first line
  size_t removed = extract::clean(a);
  EXPECT_EQ(a.title, "Ferry operators cancel crossings as gale sweeps the coast");
  EXPECT_TRUE(has_residue(a, "Europe", "section label"));
  EXPECT_TRUE(has_residue(a, "Share this article", "share prompt"));
  EXPECT_TRUE(has_residue(a, "Reuters", "credit"));
  EXPECT_TRUE(has_residue(a, "Read more: Storm Damage Bill Expected to Top Last Year's Record",
                          "related links"));
  EXPECT_TRUE(has_residue(a, "Business", "section label"));
  EXPECT_TRUE(has_residue(a, "Opinion", "section label"));
  EXPECT_TRUE(has_residue(a, "Shipping Insurers Brace for Higher Claims After Winter of Storms",
                          "teaser headline"));
  EXPECT_TRUE(has_residue(a, "Why Our Ports Need a Plan for Extreme Weather", "teaser headline"));
  EXPECT_TRUE(has_residue(a, "Follow us on Facebook", "share prompt"));
  EXPECT_TRUE(has_residue(a, "Comments (14)", "comment prompt"));
  EXPECT_EQ(removed, 10u);
  EXPECT_EQ(a.residue.size(), 10u);

  // What stays: the five sentences and the subheading, marked as one.
  std::vector<std::string> ps = paragraphs(a);
  ASSERT_EQ(ps.size(), 6u) << a.text;
  EXPECT_EQ(ps[3], "What Comes Next");
  EXPECT_EQ(a.paragraphs[3].kind, BlockKind::kHeading);
  EXPECT_EQ(a.paragraphs[0].kind, BlockKind::kParagraph);
  expect_sentences_kept(testing::read_file(fixture("scraped_page.txt")), a);

  // Where each piece stood: the index of the kept paragraph it preceded.
  for (const Residue& r : a.residue) {
    if (r.text == "Reuters") {
      EXPECT_EQ(r.paragraph, 1u);
    } else if (r.text == "Share this article") {
      EXPECT_EQ(r.paragraph, 0u);
    } else if (r.text == "Comments (14)") {
      EXPECT_EQ(r.paragraph, 6u);
    }
  }
  // Spans still point into the rebuilt text.
  EXPECT_EQ(a.paragraphs.back().span.end, a.text.size());
  // Each removed paragraph names its line in the file; the title (taken from line 1
  // before cleaning) names none.
  std::vector<std::string> file = lines_of(testing::read_file(fixture("scraped_page.txt")));
  for (const Residue& r : a.residue) {
    if (r.text == "Europe") {
      EXPECT_EQ(r.line, -1);
      continue;
    }
    ASSERT_GE(r.line, 1) << r.text;
    ASSERT_LE(static_cast<size_t>(r.line), file.size()) << r.text;
    EXPECT_EQ(file[r.line - 1], r.text);
  }
  // Kept paragraphs keep theirs.
  for (const Paragraph& p : a.paragraphs) {
    ASSERT_GE(p.line, 1);
    EXPECT_EQ(file[p.line - 1], p.span.of(a.text));
  }
}

TEST(CleanScraped, CaptionBylineTimestampAdvertRepeatAndTrailingTeaser) {
  Article a = read_article(fixture("markdown_page.md"));
  extract::clean(a);
  EXPECT_EQ(a.title, "Lighthouse keeper retires after forty years");
  EXPECT_TRUE(has_residue(a, "Harbour Master Ole Svensson", "caption"));
  EXPECT_TRUE(has_residue(a, "Harbour Master Ole Svensson", "repeated"));
  EXPECT_TRUE(has_residue(a, "By Karin Holm and Piet de Vries, Northern Shore News", "byline"));
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Karin Holm", "Piet de Vries"}));
  EXPECT_TRUE(has_residue(a, "Updated: 6 June 2023 14:00 GMT", "timestamp"));
  EXPECT_EQ(a.published, "2023-06-06T14:00:00Z");
  EXPECT_TRUE(has_residue(a, "Advertisement", "advertisement"));
  EXPECT_TRUE(has_residue(a, "Island Ferry Timetable Changes From Next Month Announced Today",
                          "teaser headline"));
  std::vector<std::string> ps = paragraphs(a);
  ASSERT_EQ(ps.size(), 5u) << a.text;
  EXPECT_EQ(ps[2], "Storms and rescues");
  EXPECT_EQ(a.paragraphs[2].kind, BlockKind::kHeading);
  expect_sentences_kept(testing::read_file(fixture("markdown_page.md")), a);
}

TEST(CleanScraped, ReportingThatLooksLikeResidueIsKept) {
  std::string original = testing::read_file(fixture("reporting_lookalikes.txt"));
  Article a = read_article(fixture("reporting_lookalikes.txt"));
  extract::clean(a);
  expect_sentences_kept(original, a);
  // Only the labels go.
  for (const Residue& r : a.residue) {
    EXPECT_EQ(r.reason, "section label") << r.text;
  }
  EXPECT_EQ(residue_with(a, "section label").size(), 4u);  // Analysis, Sport, Opinion, Asia
}

// ---------------------------------------------------------------------------
// The rule that protects reporting
// ---------------------------------------------------------------------------

TEST(CleanInvariant, SentenceOfEightWordsIsNeverRemovedWhereverItStands) {
  // Sentences (8+ words, ending . ! ?) that start with prompt words, are in Title
  // Case, or name a wire service, each put in every place residue stands.
  const std::vector<std::string> sentences = {
      "Read more about the plan in the council's report on Friday.",
      "Discuss the proposal with your neighbours, the mayor urged residents.",
      "Comments from the public will be accepted until the end of May.",
      "Subscribe Now Campaigns Have Lost Readers Money, The Study Found.",
      "Reuters And AFP Both Reported The Blast Shortly After Midnight.",
      "Why Would The Government Delay The Vote For A Second Time?",
      "Share This Article Buttons Were Removed From The Site Last Year!",
      "French President Emmanuel Macron met the Japanese prime minister on Tuesday.",
  };
  const std::vector<std::string> fillers = {
      "World", "Asia", "Opinion", "Discuss", "Reuters", "Short Teaser Headline Without An End"};
  for (const std::string& s : sentences) {
    for (size_t pos = 0; pos <= fillers.size(); ++pos) {
      Article a;
      a.title = "World";
      std::vector<std::string> ps = fillers;
      ps.insert(ps.begin() + static_cast<std::ptrdiff_t>(pos), s);
      for (const auto& p : ps) a.add_paragraph(p);
      extract::clean(a);
      // A question right under a label that stood as the title becomes the title:
      // moved, not removed.
      bool is_title = pos == 0 && a.title == s && (s.ends_with('?') || s.ends_with('!'));
      EXPECT_TRUE(is_title || a.text.find(s) != std::string::npos)
          << "removed at " << pos << ": " << s;
      for (const Residue& r : a.residue) EXPECT_NE(r.text, s);
    }
  }
}

TEST(CleanInvariant, ShapeOfAParagraph) {
  using extract::internal::shape_of;
  auto s = shape_of("He said it was \"over.\"");
  EXPECT_TRUE(s.ends_sentence);
  EXPECT_EQ(s.words, 5u);
  auto h = shape_of("Tension With China \xE2\x80\x93 Report");
  EXPECT_FALSE(h.ends_terminal);
  EXPECT_TRUE(h.starts_upper);
  EXPECT_EQ(h.words, 4u);  // the dash is not a word
  EXPECT_TRUE(shape_of("Head of State Visit").all_capitalised);
  EXPECT_FALSE(shape_of("Head of state visit").all_capitalised);
  EXPECT_FALSE(shape_of("Reuters/AFP").plain_words);
  EXPECT_TRUE(shape_of("\xC3\x89mile Zola").starts_upper);
}

TEST(CleanLexicon, PromptsMatchWholeShortParagraphsOnly) {
  using extract::internal::is_section_label;
  using extract::internal::lexicon_reason;
  using extract::internal::shape_of;
  auto reason = [](std::string_view p) { return std::string(lexicon_reason(p, shape_of(p))); };
  EXPECT_EQ(reason("DISCUSS"), "comment prompt");
  EXPECT_EQ(reason("12 Comments"), "comment prompt");
  EXPECT_EQ(reason("Share this article:"), "share prompt");
  EXPECT_EQ(reason("Sign up for our newsletter"), "newsletter prompt");
  EXPECT_EQ(reason("Photo: Lena Berg"), "credit");
  EXPECT_EQ(reason("Shared values"), "");  // "share" is whole-only
  EXPECT_EQ(reason("Discussions continue"), "");
  EXPECT_EQ(reason("Readmore"), "");
  EXPECT_TRUE(is_section_label("World"));
  EXPECT_TRUE(is_section_label("News / World \xC2\xBB Asia"));
  EXPECT_TRUE(is_section_label("Wirtschaft"));
  EXPECT_TRUE(is_section_label("\xC3\x89\x63onomie"));  // "Économie", folded
  EXPECT_FALSE(is_section_label("World leaders"));
  EXPECT_FALSE(is_section_label("Asia."));
}

// ---------------------------------------------------------------------------
// Behaviour
// ---------------------------------------------------------------------------

TEST(CleanBehaviour, TitleStaysWhenItIsNotALabel) {
  Article a;
  a.title = "Dam inspection finds cracks";
  a.add_paragraph("Engineers found three cracks in the dam wall during a routine inspection.");
  a.add_paragraph("Asia");
  EXPECT_EQ(extract::clean(a), 1u);
  EXPECT_EQ(a.title, "Dam inspection finds cracks");
  ASSERT_EQ(a.residue.size(), 1u);
  EXPECT_EQ(a.residue[0].paragraph, 1u);  // after the last kept paragraph
}

TEST(CleanBehaviour, LabelTitleOverASingleParagraphStays) {
  Article a;
  a.title = "World";
  a.add_paragraph("Storm warning");
  EXPECT_EQ(extract::clean(a), 0u);  // nothing would be left of the body
  EXPECT_EQ(a.title, "World");
  EXPECT_EQ(a.paragraphs.size(), 1u);
  Article empty;
  empty.title = "World";
  EXPECT_EQ(extract::clean(empty), 0u);
}

TEST(CleanBehaviour, DisabledChangesNothingAndSecondRunRemovesNothing) {
  Article a = read_article(fixture("scraped_page.txt"));
  Article copy = a;
  extract::CleanOptions off;
  off.enabled = false;
  EXPECT_EQ(extract::clean(a, off), 0u);
  EXPECT_EQ(a.text, copy.text);
  EXPECT_EQ(a.title, copy.title);
  EXPECT_GT(extract::clean(a), 0u);
  std::string once = a.text;
  EXPECT_EQ(extract::clean(a), 0u);
  EXPECT_EQ(a.text, once);
}

TEST(CleanBehaviour, DatelineDatesAnUndatedArticle) {
  Article a;
  a.title = "Talks resume";
  a.add_paragraph(
      "LISBON, 3 March 2024 - Negotiators met again on Sunday to settle the fishing quota "
      "dispute.");
  extract::clean(a);
  EXPECT_EQ(a.published, "2024-03-03");
  Article b;
  b.title = "Talks resume";
  b.published = "2024-03-04";
  b.add_paragraph("3 March 2024 \xE2\x80\x93 Negotiators met again on Sunday.");
  extract::clean(b);
  EXPECT_EQ(b.published, "2024-03-04");  // a given date wins
  Article c;
  c.title = "Talks resume";
  c.add_paragraph("Negotiators - tired after a long week - met again on Sunday.");
  extract::clean(c);
  EXPECT_EQ(c.published, "");
}

TEST(CleanBehaviour, RepeatedParagraphSecondOccurrenceGoes) {
  Article a;
  a.title = "Bridge reopens";
  a.add_paragraph("The bridge reopened to traffic on Monday after six weeks of repairs.");
  a.add_paragraph("Photo gallery");
  a.add_paragraph("Drivers had faced long detours through the old town centre.");
  a.add_paragraph("Photo gallery");
  extract::clean(a);
  EXPECT_EQ(a.paragraphs.size(), 3u);
  EXPECT_EQ(residue_with(a, "repeated"), (std::vector<std::string>{"Photo gallery"}));
}

// ---------------------------------------------------------------------------
// The seed articles (read at run time; skipped when ../shared is absent)
// ---------------------------------------------------------------------------

TEST(CleanSeed, Seed000LabelsTeasersAndDiscussGoEverySentenceStays) {
  PARALLAX_REQUIRE_SHARED(shared);
  std::string path = shared + "/data/seeds/000_7a62a86fc2548975.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  Article a = read_article(path);
  extract::clean(a);
  EXPECT_NE(a.title, "World");
  EXPECT_TRUE(a.title.starts_with("France Warns")) << a.title;
  EXPECT_TRUE(has_residue(a, "World", "section label"));
  auto labels = residue_with(a, "section label");
  EXPECT_EQ(std::count(labels.begin(), labels.end(), "Analysis"), 2);
  EXPECT_EQ(std::count(labels.begin(), labels.end(), "Asia"), 2);
  EXPECT_TRUE(has_residue(a, "Discuss", "comment prompt"));
  auto teasers = residue_with(a, "teaser headline");
  EXPECT_TRUE(std::any_of(teasers.begin(), teasers.end(), [](const std::string& t) {
    return t.starts_with("NATO's Liaison Office in Japan Part of Plan");
  }));
  for (const Residue& r : a.residue) {
    EXPECT_FALSE(ends_like_sentence(r.text) && word_count(r.text) >= 8) << r.text;
  }
  expect_sentences_kept(testing::read_file(path), a);
  // Every line that ends with '.' and has 8+ words, as the brief states it.
  for (const std::string& line : lines_of(testing::read_file(path))) {
    if (line.ends_with('.') && word_count(line) >= 8) {
      EXPECT_NE(a.text.find(line), std::string::npos) << line;
    }
  }
}

TEST(CleanSeed, Seed004NothingThatIsASentenceIsRemoved) {
  PARALLAX_REQUIRE_SHARED(shared);
  std::string path = shared + "/data/seeds/004_e2e51865d62719cd.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " is absent";
  std::string original = testing::read_file(path);
  Article a = read_article(path);
  size_t before = a.paragraphs.size();
  std::string title = a.title;
  extract::clean(a);
  EXPECT_EQ(a.title, title);
  EXPECT_LE(a.residue.size(), 1u);
  for (const Residue& r : a.residue) {
    EXPECT_EQ(r.reason, "caption") << r.text;
    EXPECT_FALSE(ends_like_sentence(r.text)) << r.text;
  }
  EXPECT_EQ(a.paragraphs.size() + a.residue.size(), before);
  // The dateline that opens the body dates the article.
  EXPECT_EQ(a.published, "2023-06-06");
  for (const std::string& line : lines_of(original)) {
    if (ends_like_sentence(line)) {
      EXPECT_NE(a.text.find(line), std::string::npos) << line;
    }
  }
}

}  // namespace
}  // namespace parallax
