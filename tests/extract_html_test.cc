// extract_html: metadata sources, boilerplate removal, structure, encodings, errors
// and robustness, on hand-written pages under tests/data/html/.
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "parallax/extract.h"
#include "test_util.h"

namespace parallax {
namespace {

using extract::extract_html;
using extract::Extraction;
using extract::HtmlOptions;

std::string page(const std::string& name) {
  return testing::read_file(testing::source_dir() + "/tests/data/html/" + name);
}

Extraction must_extract(const std::string& bytes, const HtmlOptions& o = {}) {
  auto r = extract_html(bytes, o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : Extraction{};
}

bool contains(const std::string& hay, const std::string& needle) {
  return hay.find(needle) != std::string::npos;
}

// A page with enough prose to count as an article, around `body` markup.
std::string simple_page(const std::string& head, const std::string& body) {
  return "<html><head>" + head + "</head><body><div class=\"article\">" + body +
         "<p>The committee met for the third time this month and agreed to publish its findings "
         "before the summer recess, after months of hearings.</p>"
         "<p>Members said the report would include recommendations on funding, staffing and the "
         "oversight of regional offices that have struggled to cope.</p></div></body></html>";
}

// ---------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------

TEST(ExtractHtmlMetadata, JsonLdGraphGivesHeadlineAuthorsAndDates) {
  HtmlOptions o;
  o.source = "graph_article.html";
  Extraction e = must_extract(page("graph_article.html"), o);
  const Article& a = e.article;
  EXPECT_EQ(a.title, "Harbour town votes to rebuild its old lighthouse");
  // One author through an @id reference into the graph, one inline.
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0], "Ada Marlow");
  EXPECT_EQ(a.authors[1], "Tom Reyes");
  EXPECT_EQ(a.published, "2021-03-04T09:30:00+01:00");
  EXPECT_EQ(a.modified, "2021-03-05T10:00:00+01:00");
  EXPECT_EQ(a.outlet, "The Coastal Courier");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(e.canonical_url, "https://courier.example.org/news/2021/03/04/lighthouse");
  EXPECT_EQ(a.description, "Councillors backed the plan after a long debate.");
  // The relative og:image is resolved against the page URL.
  EXPECT_EQ(a.image, "https://courier.example.org/img/lighthouse.jpg");
  EXPECT_EQ(e.encoding, "utf-8");
  EXPECT_EQ(a.source, "graph_article.html");
  EXPECT_EQ(a.id.size(), 16u);
}

TEST(ExtractHtmlMetadata, OpenGraphMetaAuthorAndPublishedTime) {
  Extraction e = must_extract(page("og_meta_article.html"));
  const Article& a = e.article;
  EXPECT_EQ(a.title, "Neue Brücke über den Fluss eröffnet");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0], "Greta Hansen");  // "Von" dropped
  EXPECT_EQ(a.published, "2022-08-15T14:05:00+02:00");
  EXPECT_EQ(a.outlet, "Stadtanzeiger");
  EXPECT_EQ(a.url, "https://stadtanzeiger.example.de/lokales/bruecke");
  EXPECT_EQ(a.language, "de");
}

TEST(ExtractHtmlMetadata, MicrodataHeadlineAuthorDate) {
  Extraction e = must_extract(page("microdata_article.html"));
  EXPECT_EQ(e.article.title, "Late frost cuts the apple harvest by a third");
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Lena Fischer");
  EXPECT_EQ(e.article.published, "2019-10-02");
}

TEST(ExtractHtmlMetadata, TimeElementAndTitleSuffix) {
  std::string html = simple_page("<title>Committee to report before recess | Daily Ledger</title>"
                                 "<meta property=\"og:site_name\" content=\"Daily Ledger\">",
                                 "<p>Published <time datetime=\"2020-05-06T08:00:00Z\">6 May</time></p>");
  Extraction e = must_extract(html);
  EXPECT_EQ(e.article.title, "Committee to report before recess");
  EXPECT_EQ(e.article.published, "2020-05-06T08:00:00Z");
}

TEST(ExtractHtmlMetadata, DateFromUrlWhenMarkupHasNone) {
  HtmlOptions o;
  o.url = "https://news.example.com/2018/11/23/committee-report";
  Extraction e = must_extract(simple_page("<title>Committee</title>", ""), o);
  EXPECT_EQ(e.article.published, "2018-11-23");
  EXPECT_EQ(e.article.url, o.url);
}

TEST(ExtractHtmlMetadata, BylineSplitsAuthorsAndDropsEmail) {
  std::string html = simple_page("<title>Committee</title>",
                                 "<div class=\"author-line\">By Jo Park, jo.park@example.com and Sam Lee</div>");
  Extraction e = must_extract(html);
  ASSERT_EQ(e.article.authors.size(), 2u);
  EXPECT_EQ(e.article.authors[0], "Jo Park");
  EXPECT_EQ(e.article.authors[1], "Sam Lee");
}

TEST(ExtractHtmlMetadata, KickerInHeadingIsNotPartOfTheTitle) {
  // The kicker is marked by its class; the separator between is visually hidden.
  std::string html = simple_page(
      "<meta property=\"og:title\" content=\"Harbours: Ferry fares rise again in spring\">",
      "<h1><span class=\"headline-kicker\">Harbours</span><span class=\"visually-hidden\">: </span>"
      "<span class=\"headline-text\">Ferry fares rise again in spring</span></h1>");
  EXPECT_EQ(must_extract(html).article.title, "Ferry fares rise again in spring");
  // A date in a heading's first element is a kicker too.
  std::string dated = simple_page(
      "<title>Minister opens the new rail bridge</title>",
      "<h1><span class=\"top\"><time datetime=\"2022-02-01\">1 February 2022</time></span>"
      "<span>Minister opens the new rail bridge</span></h1>");
  EXPECT_EQ(must_extract(dated).article.title, "Minister opens the new rail bridge");
  // A heading whose first element is emphasis inside one headline keeps it.
  std::string emph = simple_page("<title>Night trains return to the valley</title>",
                                 "<h1><em>Night trains</em> return to the valley</h1>");
  EXPECT_EQ(must_extract(emph).article.title, "Night trains return to the valley");
}

TEST(ExtractHtmlMetadata, LogoHeadingAndSectionNameAreNotTheTitle) {
  // The only <h1> is the site's logo linking home.
  std::string logo = simple_page(
      "<meta property=\"og:title\" content=\"Council backs the new cycle lanes\">",
      "<h1><a href=\"https://www.ledger.example/\">The Ledger</a></h1>");
  EXPECT_EQ(must_extract(logo).article.title, "Council backs the new cycle lanes");
  // A one-word section name shares nothing with a longer headline.
  std::string section = simple_page(
      "<meta property=\"og:title\" content=\"Council backs the new cycle lanes after long debate\">",
      "<h1>Politics</h1>");
  EXPECT_EQ(must_extract(section).article.title, "Council backs the new cycle lanes after long debate");
  // A reworded headline that shares words with the meta title stays.
  std::string reworded = simple_page(
      "<meta property=\"og:title\" content=\"Cycle lanes approved\">",
      "<h1>Council approves cycle lanes on three streets</h1>");
  EXPECT_EQ(must_extract(reworded).article.title, "Council approves cycle lanes on three streets");
}

TEST(ExtractHtmlMetadata, UtcTimeRollingToNextDayKeepsThePagesLocalDate) {
  // 02:30 UTC on the 7th is the evening of the 6th where the page is published.
  std::string html = simple_page(
      "<meta property=\"article:published_time\" content=\"2023-06-07T02:30:00+00:00\">",
      "<p class=\"date\"><time datetime=\"2023-06-06T22:30:00-04:00\">June 6, 2023</time></p>");
  EXPECT_EQ(must_extract(html).article.published.substr(0, 10), "2023-06-06");
  // A date shown without a zone, the day before, when the UTC time is early.
  std::string shown = simple_page(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2023-06-07T01:10:00Z\"}</script>",
      "<div class=\"post-date\">6 June 2023</div>");
  EXPECT_EQ(must_extract(shown).article.published.substr(0, 10), "2023-06-06");
  // No date on the page disagrees: the UTC stamp stays as written.
  std::string alone = simple_page(
      "<meta property=\"article:published_time\" content=\"2023-06-07T02:30:00Z\">", "");
  EXPECT_EQ(must_extract(alone).article.published, "2023-06-07T02:30:00Z");
  // A midday UTC time cannot be another day's local date of a usual zone.
  std::string midday = simple_page(
      "<meta property=\"article:published_time\" content=\"2023-06-07T12:00:00Z\">",
      "<div class=\"post-date\">8 June 2023</div>");
  EXPECT_EQ(must_extract(midday).article.published.substr(0, 10), "2023-06-07");
}

TEST(ExtractHtmlMetadata, DateOpeningTheFirstParagraphAndItalianMonths) {
  std::string opening = simple_page(
      "<title>Committee</title>",
      "<p>27.1.2022 - The committee met for the fourth time and heard from the regional offices about "
      "their budgets, staffing and the backlog of cases that built up over the winter.</p>");
  EXPECT_EQ(must_extract(opening).article.published, "2022-01-27");
  std::string italian = simple_page("<title>Comitato</title>", "<p class=\"info\">Pubblicato il 14 gennaio 2020</p>");
  EXPECT_EQ(must_extract(italian).article.published, "2020-01-14");
}

TEST(ExtractHtmlMetadata, BylineWithDateHandleAndStaffRole) {
  std::string dated = simple_page("<title>Committee</title>",
                                  "<p class=\"byline\">VON <a href=\"/a/kim\">KIM NORD</a> am 21. April 2020</p>");
  Extraction e = must_extract(dated);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "KIM NORD");
  std::string staff = simple_page("<title>Committee</title><meta property=\"og:site_name\" content=\"Valley Voice\">",
                                  "<div class=\"byline\">By Ana Ruiz and Li Wei | Valley Voice Staff</div>");
  e = must_extract(staff);
  ASSERT_EQ(e.article.authors.size(), 2u);
  EXPECT_EQ(e.article.authors[0], "Ana Ruiz");
  EXPECT_EQ(e.article.authors[1], "Li Wei");
  std::string handle = simple_page(
      "<title>Committee</title><meta name=\"author\" content=\"Noor Haddad @noorh\">", "");
  e = must_extract(handle);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Noor Haddad");
  std::string degree = simple_page("<title>Committee</title><meta name=\"author\" content=\"Ravi Menon, PhD\">", "");
  e = must_extract(degree);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Ravi Menon");
}

TEST(ExtractHtmlMetadata, AuthorLabelFollowedByTheName) {
  // "By" in its own element, the name in the next one.
  std::string split = simple_page("<title>Committee</title>",
                                  "<div><span class=\"x1\">By</span><span><a href=\"/p/1\">Mara Stone</a></span></div>");
  Extraction e = must_extract(split);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Mara Stone");
  // A heading "Autor" over a paragraph with the name.
  std::string labelled = simple_page("<title>Ausschuss</title>",
                                     "<h4>Autor</h4><p><a href=\"/p/2\">Jonas Berg</a></p>");
  e = must_extract(labelled);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Jonas Berg");
  // The Yoast reading-time pair in <meta>.
  std::string yoast = simple_page(
      "<title>Committee</title><meta name=\"twitter:label1\" content=\"Written by\">"
      "<meta name=\"twitter:data1\" content=\"Pia Lund\">",
      "");
  e = must_extract(yoast);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Pia Lund");
}

TEST(ExtractHtmlMetadata, BylineCompletesAnAuthorListCutShort) {
  std::string html = simple_page(
      "<title>Committee</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}</script>",
      "<div class=\"byline\">By Ana Ruiz and Li Wei</div>");
  Extraction e = must_extract(html);
  ASSERT_EQ(e.article.authors.size(), 2u);
  EXPECT_EQ(e.article.authors[0], "Ana Ruiz");
  EXPECT_EQ(e.article.authors[1], "Li Wei");
  // A byline that lists other people does not replace the structured author.
  std::string other = simple_page(
      "<title>Committee</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Ana Ruiz\"}}</script>",
      "<div class=\"byline\">By Li Wei and Tom Berg</div>");
  e = must_extract(other);
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Ana Ruiz");
}

TEST(ExtractHtmlMetadata, SiteAsAuthorOnlyWhenNoPersonIsNamed) {
  std::string head = "<title>Committee</title><meta property=\"og:site_name\" content=\"Valley Voice\">"
                     "<meta name=\"author\" content=\"Valley Voice\">";
  Extraction e = must_extract(simple_page(head, ""));
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Valley Voice");
  e = must_extract(simple_page(head, "<div class=\"byline\">By Ana Ruiz</div>"));
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Ana Ruiz");
}

TEST(ExtractHtmlMetadata, InitialsAreDroppedButAgencyCreditsKept) {
  Extraction e = must_extract(simple_page("<title>Committee</title><meta name=\"author\" content=\"JD\">",
                                          "<div class=\"byline\">By Jana Dvorak</div>"));
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "Jana Dvorak");
  e = must_extract(simple_page("<title>Committee</title><meta name=\"author\" content=\"AFP\">", ""));
  ASSERT_EQ(e.article.authors.size(), 1u);
  EXPECT_EQ(e.article.authors[0], "AFP");
}

TEST(ExtractHtmlMetadata, HeadingMatchesMetaTitleDespiteTypographicQuotes) {
  std::string p = simple_page(
      "<meta property=\"og:title\" content=\"Mayor says 'we won't wait' on bridge repairs\">",
      "<h1>Mayor says \u2018we won\u2019t wait\u2019 on bridge repairs</h1>");
  EXPECT_EQ(must_extract(p).article.title, "Mayor says \u2018we won\u2019t wait\u2019 on bridge repairs");
}

TEST(ExtractHtmlMetadata, FullerHeadingWinsOverAMetaTitleCutShort) {
  std::string cut = simple_page("<meta property=\"og:title\" content=\"Ferry operator adds crossings\">",
                                "<h1>Ferry operator adds crossings for the summer season</h1>");
  EXPECT_EQ(must_extract(cut).article.title, "Ferry operator adds crossings for the summer season");
  // Words before the meta title, without a separator, are a kicker: the meta title wins.
  std::string kicker = simple_page("<meta property=\"og:title\" content=\"Ferry operator adds crossings\">",
                                   "<h1><span>Transport news</span> Ferry operator adds crossings</h1>");
  EXPECT_EQ(must_extract(kicker).article.title, "Ferry operator adds crossings");
  // Set off by a separator, the rest is decoration and the heading is the headline.
  std::string decorated = simple_page(
      "<meta property=\"og:title\" content=\"Ferry operator adds crossings | Harbour Weekly\">",
      "<h1>Ferry operator adds crossings</h1>");
  EXPECT_EQ(must_extract(decorated).article.title, "Ferry operator adds crossings");
}

TEST(ExtractHtmlMetadata, SiteNameWithoutSpacesInCjkTitlesAndHostNameInTitles) {
  std::string cjk = simple_page("<title>\u5e02\u653f\u5e9c\u5ba3\u5e03\u65b0\u7684\u516c\u4ea4\u7ebf\u8def"
                                "\u4e0b\u5468\u5f00\u901a-\u6d77\u6e2f\u65e5\u62a5</title>",
                                "");
  EXPECT_EQ(must_extract(cjk).article.title,
            "\u5e02\u653f\u5e9c\u5ba3\u5e03\u65b0\u7684\u516c\u4ea4\u7ebf\u8def\u4e0b\u5468\u5f00\u901a");
  // A year range is not a separator.
  std::string years = simple_page("<title>\u62a5\u544a2019-2020\u5e74\u5ea6</title>", "");
  EXPECT_EQ(must_extract(years).article.title, "\u62a5\u544a2019-2020\u5e74\u5ea6");
  HtmlOptions o;
  o.url = "https://www.harbour-weekly.example/news/ferry";
  std::string host = simple_page("<title>Ferry operator adds crossings - Harbour Weekly Online</title>", "");
  EXPECT_EQ(must_extract(host, o).article.title, "Ferry operator adds crossings");
  // A headline that names the site is not the site's name.
  std::string named = simple_page("<title>Harbour Weekly readers pick a ferry - Blog</title>", "");
  EXPECT_EQ(must_extract(named, o).article.title, "Harbour Weekly readers pick a ferry - Blog");
}

TEST(ExtractHtmlMetadata, UrlDateOutranksATeasersTimeAndGarbledTimesKeepTheDay) {
  HtmlOptions o;
  o.url = "https://blog.example.org/2019/10/22/fixing-old-radios/";
  std::string teaser = simple_page(
      "<title>Fixing old radios</title>",
      "<ul class=\"related\"><li><time datetime=\"2009-04-11 18:06:36\">11 April 2009</time> Older post</li></ul>");
  EXPECT_EQ(must_extract(teaser, o).article.published, "2019-10-22");
  std::string garbled = simple_page(
      "<title>Sewing a tablecloth</title><script type=\"application/ld+json\">{\"@type\": \"HowTo\", "
      "\"name\": \"Sewing a tablecloth\", \"datePublished\": \"2022-01-10T22:06:08:684Z\"}</script>",
      "");
  EXPECT_EQ(must_extract(garbled).article.published.substr(0, 10), "2022-01-10");
}

TEST(ExtractHtmlMetadata, LaterDateInTheBylineIsTheDateShownAnUpdateIsModified) {
  const std::string head = "<title>Heat pumps</title><meta property=\"article:published_time\" content=\"2019-06-17\">";
  std::string shown = simple_page(head, "<p class=\"byline\">By Mara Quint, 4 June 2020</p>");
  EXPECT_EQ(must_extract(shown).article.published.substr(0, 10), "2020-06-04");
  // A date the byline calls an update is the revision's: published stays the first
  // publication, the update is the modified time.
  std::string updated = simple_page(head, "<p class=\"byline\">By Mara Quint, updated 4 June 2020</p>");
  EXPECT_EQ(must_extract(updated).article.published.substr(0, 10), "2019-06-17");
  EXPECT_EQ(must_extract(updated).article.modified.substr(0, 10), "2020-06-04");
  // An earlier date beside the name is a teaser's or a profile's: the metadata stands.
  std::string earlier = simple_page(head, "<p class=\"byline\">By Mara Quint, 2 May 2018</p>");
  EXPECT_EQ(must_extract(earlier).article.published.substr(0, 10), "2019-06-17");
  // Without the author's name the date is not the byline's.
  std::string elsewhere = simple_page(head, "<p class=\"date\">4 June 2020</p>");
  EXPECT_EQ(must_extract(elsewhere).article.published.substr(0, 10), "2019-06-17");
}

TEST(ExtractHtmlMetadata, DateLabelledAsPublishedBeforeTheLastChange) {
  std::string p = simple_page("<title>Poems of the coast</title>",
                              "<p>Last change: 30.10.2023<br>Published: 02.11.2023<br>Read 61 times</p>");
  EXPECT_EQ(must_extract(p).article.published.substr(0, 10), "2023-11-02");
}

TEST(ExtractHtmlMetadata, TwoDigitYearInADateMarkedElement) {
  std::string p = simple_page("<title>Night market</title>",
                              "<div class=\"article-meta\">Von: Lena Brandt | <span>31.10.23</span></div>");
  EXPECT_EQ(must_extract(p).article.published, "2023-10-31");
  // Version numbers outside date-marked elements are not dates.
  std::string version = simple_page("<title>Release notes</title>", "<p>Version 1.2.23 is out.</p>");
  EXPECT_EQ(must_extract(version).article.published, "");
}

TEST(ExtractHtmlMetadata, BylineLineEndsAtALineBreak) {
  // The dateline after the <br> is not a third author.
  std::string p = simple_page(
      "<title>Salt roads</title>",
      "<p>Von <strong><a href=\"/a\">Ada Marlow</a></strong> und <strong>Tom Reyes</strong>"
      "<br><span></span><br>Harbourton /Westland</p>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow", "Tom Reyes"}));
}

TEST(ExtractHtmlMetadata, LoginNamesAndBrandsGiveWayToTheNameInTheByline) {
  // A login name in the metadata, the site's brand as "author", and a byline whose
  // next field starts after a comma ("Datum:").
  std::string p = simple_page(
      "<title>Quiet harbours</title><meta name=\"author\" content=\"Seascaper\">"
      "<meta name=\"dcterms.creator\" content=\"ada_marlow\">",
      "<ul><li class=\"submitted\"><span>Author: <a href=\"/authors/ada\">Ada Marlow</a>, Datum: "
      "03.Mar.19</span>"
      "</li></ul>");
  HtmlOptions o;
  o.url = "https://www.seascap.er/harbours/quiet";
  EXPECT_EQ(must_extract(p, o).article.authors, (std::vector<std::string>{"Ada Marlow"}));
  // With nothing better the login name is still what the page says.
  std::string alone =
      simple_page("<title>Quiet harbours</title><meta name=\"author\" content=\"ada_marlow\">", "");
  EXPECT_EQ(must_extract(alone).article.authors, (std::vector<std::string>{"ada_marlow"}));
}

TEST(ExtractHtmlMetadata, DescriptionAfterASpacedDashIsNotAName) {
  std::string p = simple_page("<title>Safer harbours</title>",
                              "<span class=\"byline-author\">Posted by Ada Marlow, Tom Reyes and "
                              "Lin C Park - Harbour Safety team</span>");
  EXPECT_EQ(must_extract(p).article.authors,
            (std::vector<std::string>{"Ada Marlow", "Tom Reyes", "Lin C Park"}));
  // A brand with its slogan is not an author at all.
  std::string slogan = simple_page(
      "<title>Safer harbours</title><meta name=\"author\" content=\"KEEL \u2013 Das Magazin "
      "f\u00fcr Segler\">",
      "<p>Von Ada Marlow</p>");
  EXPECT_EQ(must_extract(slogan).article.authors, (std::vector<std::string>{"Ada Marlow"}));
}

TEST(ExtractHtmlMetadata, SocialProfileLinksInABylineAreNotNames) {
  std::string p = simple_page(
      "<title>Night shifts</title>",
      "<div class=\"entry-meta-author\"><a href=\"/author/ada/\">Ada</a> "
      "<a class=\"author-twitter\" href=\"https://twitter.com/adasea\">adasea</a></div>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada"}));
}

TEST(ExtractHtmlMetadata, RedaktionLabelAndNameAfterTheDate) {
  std::string p = simple_page(
      "<title>Fair supply chains</title>",
      "<div class=\"news-single-timedata\">05.02.2020 <span>-&nbsp;Redaktion: Ada Marlow "
      "(Pressesprecherin)</span></div>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow"}));
  std::string von = simple_page("<title>Fair supply chains</title>",
                                "<h2>Stars <span>06.11.2023 13:30 von Ines </span></h2>");
  EXPECT_EQ(must_extract(von).article.authors, (std::vector<std::string>{"Ines"}));
}

TEST(ExtractHtmlMetadata, OrganisationsAndTheSitesOwnBylineGiveWayToAPerson) {
  // An organisation by its legal form in <meta>, the site's name in a teaser's
  // byline before the article's own.
  std::string p = simple_page(
      "<title>Tariffs</title><meta property=\"og:site_name\" content=\"The Tide Review\">"
      "<meta name=\"author\" content=\"Friends of the Tide e.V.\">",
      "<div class=\"teaser\"><p>By The Tide Review</p></div><p><em>Written by: <a href=\"/x\">Ada "
      "Marlow</a></em></p>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow"}));
  // A web agency's credit with its domain names nobody.
  std::string agency = simple_page(
      "<title>Tariffs</title><meta name=\"author\" content=\"Example Web GmbH www.ex-web.test\">",
      "");
  EXPECT_TRUE(must_extract(agency).article.authors.empty());
}

TEST(ExtractHtmlMetadata, CommentDatesAreNotTheArticles) {
  // The author answers in the comments days later: the post's date stands.
  std::string p = simple_page("<title>Parsing notes</title>",
                              "<p class=\"meta\"><time class=\"entry-date published\" "
                              "datetime=\"2019-08-02T15:57:41+00:00\">August 2, "
                              "2019</time> <span class=\"byline\">by Ada Marlow</span></p>"
                              "<ol class=\"comment-list\"><li><div class=\"comment-meta\">Ada "
                              "Marlow says: <time datetime=\"2019-08-05\">"
                              "August 5, 2019</time></div><p>Thanks for reading.</p></li></ol>");
  EXPECT_EQ(must_extract(p).article.published.substr(0, 10), "2019-08-02");
}

TEST(ExtractHtmlMetadata, BareMetaDateGivesWayToTheDateShown) {
  std::string p = simple_page(
      "<title>Riesling day</title><meta name=\"date\" content=\"2021-12-20T11:02:44+01:00\">",
      "<span class=\"date\">27.01.2022</span>");
  EXPECT_EQ(must_extract(p).article.published.substr(0, 10), "2022-01-27");
  // Without a date on the page the meta date stands; a publication time wins over both.
  std::string bare =
      simple_page("<title>Riesling day</title><meta name=\"date\" content=\"2021-12-20\">", "");
  EXPECT_EQ(must_extract(bare).article.published.substr(0, 10), "2021-12-20");
  std::string labelled = simple_page(
      "<title>Riesling day</title><meta name=\"date\" content=\"2021-12-20\">"
      "<meta property=\"article:published_time\" content=\"2021-12-19\">",
      "<span class=\"date\">27.01.2022</span>");
  EXPECT_EQ(must_extract(labelled).article.published.substr(0, 10), "2021-12-19");
}

// A paragraph of prose over the 300 bytes that make a paragraph rather than a line.
const std::string kLongParagraph =
    "<p>The harbour board spent most of the autumn arguing about the dredging contract, the "
    "cost of the new pilot boats and the question of who should pay for the repairs to the "
    "north mole, which the winter storms had damaged twice in as many years; in the end the "
    "members agreed to split the bill with the town and to ask the province for the rest.</p>";

TEST(ExtractHtmlMetadata, FooterOfAnArticleNamesItsAuthor) {
  // The <footer> of an <article> carries the byline; the page's own footer does not.
  std::string p =
      simple_page("<title>Dredging</title>",
                  "<article><p>The board met again.</p><footer class=\"post-footer\"><span "
                  "class=\"author\">Posted by <a rel=\"author\" href=\"/a/ada\">Ada Marlow</a> at "
                  "18:52</span></footer></article>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow"}));
  std::string page_footer = simple_page("<title>Dredging</title>",
                                        "<p>The board met again.</p><footer><span "
                                        "class=\"author\">Site by Tom Reyes</span></footer>");
  EXPECT_TRUE(must_extract(page_footer).article.authors.empty());
}

TEST(ExtractHtmlMetadata, UserNamesKeepTheirDigits) {
  std::string line = simple_page("<title>Knots</title>", "<p>by harbor77</p>");
  EXPECT_EQ(must_extract(line).article.authors, (std::vector<std::string>{"harbor77"}));
  std::string byline = simple_page("<title>Knots</title>",
                                   "<span class=\"author\"><a href=\"/u/k4tla\">k4tla</a></span>");
  EXPECT_EQ(must_extract(byline).article.authors, (std::vector<std::string>{"k4tla"}));
  // A domain with digits is not a user name.
  std::string domain =
      simple_page("<title>Knots</title><meta name=\"author\" content=\"tide24.example\">", "");
  EXPECT_TRUE(must_extract(domain).article.authors.empty());
}

TEST(ExtractHtmlMetadata, ShareaholicAuthorMeta) {
  std::string p = simple_page(
      "<title>Knots</title><meta name=\"shareaholic:article_author_name\" content=\"Ada Marlow\">",
      "");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow"}));
}

TEST(ExtractHtmlMetadata, InstitutionGivesWayToAPersonNamedLater) {
  const std::string head =
      "<title>Dredging</title><meta name=\"author\" content=\"Landesamt f\u00fcr Hafenbau und "
      "K\u00fcstenschutz\">";
  std::string p = simple_page(head, "<p itemscope><span itemprop=\"author\">Ada Marlow</span></p>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow"}));
  // Alone it is still what the page says.
  std::vector<std::string> alone = must_extract(simple_page(head, "")).article.authors;
  ASSERT_FALSE(alone.empty());
  EXPECT_EQ(alone[0], "Landesamt f\u00fcr Hafenbau");
}

TEST(ExtractHtmlMetadata, MicrodataAuthorsOfTheFirstItemOnly) {
  std::string p = simple_page(
      "<title>Dredging</title>",
      "<div itemscope itemtype=\"https://schema.org/Article\"><span itemprop=\"author\">Ada "
      "Marlow</span></div><aside><div itemscope itemtype=\"https://schema.org/Article\"><span "
      "itemprop=\"author\">Tom Reyes</span></div><div itemscope "
      "itemtype=\"https://schema.org/Article\"><span itemprop=\"author\">Lin "
      "Park</span></div></aside>");
  EXPECT_EQ(must_extract(p).article.authors, (std::vector<std::string>{"Ada Marlow"}));
}

TEST(ExtractHtmlMetadata, LineNamingTheKindOfTextAndItsAuthor) {
  std::string de = simple_page("<title>Deiche</title>", "<p>Ein Gastbeitrag von Lena Brandt</p>");
  EXPECT_EQ(must_extract(de).article.authors, (std::vector<std::string>{"Lena Brandt"}));
  std::string it = simple_page("<title>Dighe</title>", "<p>Un articolo di Marta Bellini</p>");
  EXPECT_EQ(must_extract(it).article.authors, (std::vector<std::string>{"Marta Bellini"}));
  // A first name in the metadata is completed by the line.
  std::string first = simple_page("<title>Deiche</title><meta name=\"author\" content=\"Lena\">",
                                  "<p><strong>Eine Kolumne von Lena Brandt</strong></p>");
  EXPECT_EQ(must_extract(first).article.authors, (std::vector<std::string>{"Lena Brandt"}));
  // Credits for other work are not bylines.
  std::string design = simple_page("<title>Deiche</title>", "<p>Website designed by Tom Reyes</p>");
  EXPECT_TRUE(must_extract(design).article.authors.empty());
}

TEST(ExtractHtmlMetadata, SignatureClosingTheArticle) {
  std::string italic =
      simple_page("<title>Dredging</title>", kLongParagraph + "<p><em>Odile Marchand</em></p>");
  EXPECT_EQ(must_extract(italic).article.authors, (std::vector<std::string>{"Odile Marchand"}));
  std::string dash =
      simple_page("<title>Dredging</title>", kLongParagraph + "<p>\u2014 Odile Marchand</p>");
  EXPECT_EQ(must_extract(dash).article.authors, (std::vector<std::string>{"Odile Marchand"}));
  // In parentheses after the last sentence, with closing marks.
  std::string closing = simple_page(
      "<title>Dredging</title>",
      kLongParagraph + "<p><strong>The vote is next week.</strong> (Odile P. Marchand) +++</p>");
  EXPECT_EQ(must_extract(closing).article.authors, (std::vector<std::string>{"Odile P. Marchand"}));
  // A subheading in bold is not a signature, nor is a name that more prose follows.
  std::string heading = simple_page("<title>Dredging</title>",
                                    kLongParagraph + "<p><strong>Harbour Board</strong></p>");
  EXPECT_TRUE(must_extract(heading).article.authors.empty());
  std::string inside =
      simple_page("<title>Dredging</title>",
                  kLongParagraph + "<p><em>Odile Marchand</em></p>" + kLongParagraph);
  EXPECT_TRUE(must_extract(inside).article.authors.empty());
}

TEST(ExtractHtmlMetadata, ChineseBylineLabels) {
  std::string editor = simple_page("<title>\u6e2f\u53e3</title>",
                                   "<span>\u8d23\u4efb\u7f16\u8f91\uff1a \u6797\u6d77 </span>");
  EXPECT_EQ(must_extract(editor).article.authors, (std::vector<std::string>{"\u6797\u6d77"}));
  std::string reporter =
      simple_page("<title>\u6e2f\u53e3</title>", "<p>\u8bb0\u8005:\u6797\u6d77</p>");
  EXPECT_EQ(must_extract(reporter).article.authors, (std::vector<std::string>{"\u6797\u6d77"}));
}

TEST(ExtractHtmlBoilerplate, StandfirstBeforeTheBodyContainerIsKept) {
  std::string html =
      "<html><head><title>Towpath reopens</title></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      "<h1>Towpath reopens after two years</h1>"
      "<div class=\"x-intro\">Walkers are back on the river path, and the repairs cost twice the "
      "estimate.</div>"
      "<div class=\"x-body\">"
      "<p>The river authority has opened the old towpath again after two years of repairs to the "
      "embankment, and walkers were back on it by the first weekend.</p>"
      "<p>Repairs cost more than planned because the stone facing had to be replaced along most of "
      "the northern bank, the authority said in a statement.</p></div>"
      "<footer><p>Copyright the river gazette, all rights reserved.</p></footer></body></html>";
  Extraction e = must_extract(html);
  EXPECT_TRUE(contains(e.article.text, "Walkers are back on the river path")) << e.article.text;
  EXPECT_TRUE(contains(e.article.text, "stone facing")) << e.article.text;
  EXPECT_FALSE(contains(e.article.text, "all rights reserved")) << e.article.text;
}

TEST(ExtractHtmlBoilerplate, HeadingAnchorIdsDoNotMarkHeadingsAsBoilerplate) {
  std::string html = simple_page("<title>Towpath</title>",
                                 "<p>The river authority has opened the old towpath again after two years of "
                                 "repairs to the embankment.</p>"
                                 "<h3 id=\"nav_only_the_stones_remain\">Only the stones remain</h3>");
  Extraction e = must_extract(html);
  EXPECT_TRUE(contains(e.article.text, "Only the stones remain")) << e.article.text;
}

TEST(ExtractHtmlBoilerplate, TopicClassesDoNotMarkThePostAsBoilerplate) {
  // CMS post classes list the post's tags; the comments below hold more text than
  // the post. The post is still the article.
  std::string post =
      "<p>The river authority has opened the old towpath again after two years of repairs to the "
      "embankment, and walkers were back on it by the first weekend.</p>"
      "<p>Repairs cost more than planned because the stone facing had to be replaced along most of "
      "the northern bank, the authority said in a statement.</p>";
  std::string comments;
  for (int i = 0; i < 8; ++i) {
    comments += "<div class=\"comment-body\"><p>I walked the towpath on Sunday and it was busy with "
                "families and cyclists all afternoon, which was lovely to see again.</p></div>";
  }
  std::string html = "<html><head><title>Towpath reopens</title></head><body>"
                     "<div class=\"post type-post tag-tags tag-tag-cloud tag-related-links tag-sidebar "
                     "category-news\">" + post + "</div><div id=\"comments\">" + comments +
                     "</div></body></html>";
  Extraction e = must_extract(html);
  EXPECT_TRUE(contains(e.article.text, "opened the old towpath again")) << e.article.text;
}

// ---------------------------------------------------------------------------
// Main text
// ---------------------------------------------------------------------------

TEST(ExtractHtmlBoilerplate, KeepsTheStoryAndDropsTheRest) {
  Extraction e = must_extract(page("graph_article.html"));
  const std::string& t = e.article.text;
  EXPECT_TRUE(contains(t, "The town council voted on Thursday evening"));
  EXPECT_TRUE(contains(t, "planned for the second week of April."));
  EXPECT_TRUE(contains(t, "keep the light burning"));
  for (const char* junk : {"We use cookies", "Home", "Share on Facebook", "Sea wall repairs delayed",
                           "About time!", "Typical of this council", "morning briefing",
                           "inbox every morning", "Photo: Courier archive", "Copyright 2021",
                           "By Ada Marlow"}) {
    EXPECT_FALSE(contains(t, junk)) << junk;
  }
  // The headline is the title, not a paragraph.
  EXPECT_FALSE(contains(t, "Harbour town votes"));
}

TEST(ExtractHtmlStructure, HeadingsListItemsAndQuotesKeepTheirKind) {
  Extraction e = must_extract(page("graph_article.html"));
  const Article& a = e.article;
  int headings = 0, items = 0, quotes = 0;
  for (const auto& p : a.paragraphs) {
    std::string_view t = p.span.of(a.text);
    if (p.kind == BlockKind::kHeading) {
      ++headings;
      EXPECT_EQ(t, "A long debate over costs");
    }
    if (p.kind == BlockKind::kListItem) {
      ++items;
      EXPECT_TRUE(t.find("Construction") == 0 || t.find("The lamp") == 0) << t;
    }
    if (p.kind == BlockKind::kBlockQuote) {
      ++quotes;
      EXPECT_TRUE(t.find("We owe it") == 0) << t;
    }
  }
  EXPECT_EQ(headings, 1);
  EXPECT_EQ(items, 2);
  EXPECT_EQ(quotes, 1);
  EXPECT_EQ(a.paragraphs.size(), 9u);
  // Paragraphs are joined by a blank line and spans point at them.
  EXPECT_EQ(a.paragraphs[0].span.begin, 0u);
  EXPECT_EQ(a.text.substr(a.paragraphs[1].span.begin - 2, 2), "\n\n");
}

TEST(ExtractHtmlStructure, DoubleBreakSplitsParagraphsAndSpaceIsNormalised) {
  std::string html = simple_page(
      "<title>t</title>",
      "<div>First   part of a long\n line that goes on for a while to be prose enough here.<br><br>"
      "Second&nbsp;part after two breaks, which also goes on long enough to count as prose.</div>");
  Extraction e = must_extract(html);
  EXPECT_TRUE(contains(e.article.text, "First part of a long line that goes on"));
  EXPECT_TRUE(contains(e.article.text, "prose enough here.\n\nSecond part after two breaks"));
}

TEST(ExtractHtmlErrors, PageWithOnlyLinksHasNoArticle) {
  HtmlOptions o;
  o.source = "links.html";
  auto r = extract_html(page("link_list.html"), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message(), "links.html: no article found");
}

TEST(ExtractHtmlErrors, EmptyAndWhitespaceInput) {
  HtmlOptions o;
  o.source = "empty.html";
  for (const std::string& in : {std::string(), std::string(" \n\t ")}) {
    auto r = extract_html(in, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_TRUE(contains(r.status().message(), "empty.html")) << r.status().message();
  }
}

TEST(ExtractHtmlErrors, BinaryGarbageIsNotHtml) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    junk.push_back(static_cast<char>(x >> 24));
  }
  auto r = extract_html(junk);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
}

TEST(ExtractHtmlErrors, OverMaxBytesIsTooLarge) {
  HtmlOptions o;
  o.source = "big.html";
  o.max_bytes = 1000;
  auto r = extract_html(std::string(1001, 'a'), o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kTooLarge);
  EXPECT_TRUE(contains(r.status().message(), "big.html"));
}

// ---------------------------------------------------------------------------
// Encodings
// ---------------------------------------------------------------------------

TEST(ExtractHtmlEncoding, Windows1252DeclaredInMeta) {
  Extraction e = must_extract(page("cp1252_declared.html"));
  EXPECT_EQ(e.encoding, "windows-1252");
  EXPECT_TRUE(contains(e.article.text, "Le café du village a rouvert"));
  EXPECT_TRUE(contains(e.article.text, "« Nous voulions garder l'âme"));
  EXPECT_EQ(e.article.title, "Le café rouvre");
}

TEST(ExtractHtmlEncoding, LyingMetaCharsetIsDetected) {
  // Declared UTF-8, written in windows-1252: the bytes are not valid UTF-8.
  Extraction e = must_extract(page("cp1252_lying_meta.html"));
  EXPECT_NE(e.encoding, "utf-8");
  EXPECT_TRUE(contains(e.article.text, "Le café du village a rouvert")) << e.article.text;
}

TEST(ExtractHtmlEncoding, Utf8DeclaredAsLatin1IsKeptAsUtf8) {
  std::string html = simple_page("<meta charset=\"iso-8859-1\"><title>Zürich</title>",
                                 "<p>Der Stadtrat von Zürich hat am Dienstag über die Zukunft des "
                                 "Hafens beraten und eine Entscheidung vertagt.</p>");
  Extraction e = must_extract(html);
  EXPECT_EQ(e.encoding, "utf-8");
  EXPECT_TRUE(contains(e.article.text, "Der Stadtrat von Zürich"));
}

TEST(ExtractHtmlEncoding, HttpContentTypeCharset) {
  std::string html = page("cp1252_declared.html");
  // The header names the same legacy charset; the meta is ignored when it disagrees.
  HtmlOptions o;
  o.content_type = "text/html; charset=ISO-8859-1";
  Extraction e = must_extract(html, o);
  EXPECT_EQ(e.encoding, "windows-1252");
  EXPECT_TRUE(contains(e.article.text, "café"));
}

TEST(ExtractHtmlEncoding, Utf8ByteOrderMark) {
  std::string html = "\xEF\xBB\xBF" + page("microdata_article.html");
  Extraction e = must_extract(html);
  EXPECT_EQ(e.encoding, "utf-8");
  EXPECT_EQ(e.article.title, "Late frost cuts the apple harvest by a third");
}

TEST(ExtractHtmlEncoding, Utf16ByteOrderMark) {
  std::string utf8 = page("og_meta_article.html");
  // To UTF-16LE by hand (the page is within the Basic Multilingual Plane).
  std::string le = "\xFF\xFE";
  size_t i = 0;
  while (i < utf8.size()) {
    auto c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c < 0xE0) {
      cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F);
      i += 2;
    } else {
      cp = ((c & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
      i += 3;
    }
    le.push_back(static_cast<char>(cp & 0xFF));
    le.push_back(static_cast<char>(cp >> 8));
  }
  Extraction e = must_extract(le);
  EXPECT_EQ(e.encoding, "utf-16le");
  EXPECT_EQ(e.article.title, "Neue Brücke über den Fluss eröffnet");
  EXPECT_TRUE(contains(e.article.text, "Fußgängerbrücke"));
}

// ---------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------

TEST(ExtractHtmlRobustness, TruncatedHtmlStillGivesTheText) {
  std::string html = page("graph_article.html");
  size_t cut = html.find("Residents who spoke");
  ASSERT_NE(cut, std::string::npos);
  Extraction e = must_extract(html.substr(0, cut + 40));
  EXPECT_TRUE(contains(e.article.text, "The town council voted"));
  // Cut in the middle of a tag and of a character reference: no crash either way.
  for (size_t n : {cut + 3, html.find("&") != std::string::npos ? html.find("&") + 2 : cut, html.size() / 2}) {
    auto r = extract_html(html.substr(0, n));
    if (r.ok()) {
      EXPECT_FALSE(r->article.text.empty());
    }
  }
}

TEST(ExtractHtmlRobustness, HundredThousandNestedDivsAreFlattened) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep inside the markup there is still a paragraph of real prose that an extractor "
          "should find, even though it sits under a hundred thousand levels of nesting.</p>"
          "<p>And a second paragraph follows it, long enough to count as the text of an article "
          "rather than a label or a caption.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  auto t0 = std::chrono::steady_clock::now();
  auto r = extract_html(html);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(contains(r->article.text, "Deep inside the markup"));
  ASSERT_FALSE(r->warnings.empty());
  EXPECT_TRUE(contains(r->warnings[0], "deeper than 512")) << r->warnings[0];
  EXPECT_LT(s, 10.0);
}

TEST(ExtractHtmlRobustness, FiftyMegabytePageUnderTheLimit) {
  std::string html = "<html><head><title>Long</title></head><body><div class=\"story\">";
  // Numbered, so that no paragraph repeats another (repeats are dropped).
  for (int i = 0; html.size() < (50u << 20); ++i) {
    html += "<p>Paragraph " + std::to_string(i) +
            " is one of many in a very long page, written to see that a large input is handled in "
            "reasonable time and memory without failing.</p>\n";
  }
  html += "</div></body></html>";
  auto t0 = std::chrono::steady_clock::now();
  auto r = extract_html(html);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_GT(r->article.paragraphs.size(), 100000u);
  EXPECT_LT(s, 30.0);
  HtmlOptions small;
  small.max_bytes = 40u << 20;
  auto big = extract_html(html, small);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kTooLarge);
}

TEST(ExtractHtmlRobustness, MalformedMarkupAndScriptsDoNotLeak) {
  std::string html =
      "<html><body><div class=story><p>Unclosed paragraph about the weather, which turned cold "
      "overnight across the northern hills and brought early snow.<p>Another one <b>with <i>bad "
      "nesting</b> of tags</i> that still reads as a sentence of reasonable length.<script>var "
      "secret = 'do not show';</script><style>.x{color:red}</style>"
      "<p>A third paragraph closes the story with a remark on the forecast for the weekend ahead.";
  Extraction e = must_extract(html);
  EXPECT_TRUE(contains(e.article.text, "Unclosed paragraph about the weather"));
  EXPECT_TRUE(contains(e.article.text, "with bad nesting of tags that still reads"));
  EXPECT_FALSE(contains(e.article.text, "secret"));
  EXPECT_FALSE(contains(e.article.text, "color:red"));
}

TEST(ExtractHtmlRobustness, ThreadsShareNothing) {
  std::string a = page("graph_article.html"), b = page("og_meta_article.html");
  std::vector<std::thread> ts;
  std::vector<int> ok(4, 0);
  for (int i = 0; i < 4; ++i) {
    ts.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) {
        auto r = extract_html(i % 2 ? a : b);
        ok[i] += r.ok() && (i % 2 ? contains(r->article.text, "lighthouse") : contains(r->article.text, "Brücke"));
      }
    });
  }
  for (auto& t : ts) t.join();
  for (int v : ok) EXPECT_EQ(v, 20);
}

// ---------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------

TEST(ExtractHtmlCli, JsonOnePerPageAndGzipInput) {
  std::string dir = testing::source_dir() + "/tests/data/html/";
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " extract -f json " + dir + "graph_article.html " + dir +
                                    "microdata_article.html.gz",
                                &out);
  ASSERT_EQ(rc, 0);
  std::vector<nlohmann::json> objs;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t e = out.find('\n', pos);
    if (e == std::string::npos) e = out.size();
    if (e > pos) objs.push_back(nlohmann::json::parse(out.substr(pos, e - pos)));
    pos = e + 1;
  }
  ASSERT_EQ(objs.size(), 2u);
  EXPECT_EQ(objs[0]["title"], "Harbour town votes to rebuild its old lighthouse");
  EXPECT_EQ(objs[0]["authors"].size(), 2u);
  EXPECT_EQ(objs[0]["encoding"], "utf-8");
  EXPECT_EQ(objs[0]["paragraphs"][2]["kind"], to_string(BlockKind::kHeading));
  EXPECT_EQ(objs[1]["title"], "Late frost cuts the apple harvest by a third");
  EXPECT_EQ(objs[1]["published"], "2019-10-02");
}

TEST(ExtractHtmlCli, BadPagesAreNamedCountedAndTheRestGoesOn) {
  std::string dir = testing::source_dir() + "/tests/data/html/";
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " extract -f text " + dir + "link_list.html " + dir +
                                    "missing_page.html " + dir + "og_meta_article.html 2>&1",
                                &out);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("link_list.html: no article found"), std::string::npos) << out;
  EXPECT_NE(out.find("missing_page.html"), std::string::npos) << out;
  EXPECT_NE(out.find("Neue Brücke über den Fluss eröffnet\n\nNach drei Jahren"), std::string::npos) << out;
  EXPECT_NE(out.find("2 of 3 pages failed"), std::string::npos) << out;
}

TEST(ExtractHtmlCli, MarkdownFromStandardInput) {
  std::string dir = testing::source_dir() + "/tests/data/html/";
  std::string out;
  int rc = testing::run_command(testing::cli_path() + " extract -f markdown - < " + dir + "graph_article.html", &out);
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(out.rfind("# Harbour town votes to rebuild its old lighthouse\n", 0), 0u) << out;
  EXPECT_NE(out.find("- Authors: Ada Marlow, Tom Reyes"), std::string::npos);
  EXPECT_NE(out.find("\n## A long debate over costs\n"), std::string::npos);
  EXPECT_NE(out.find("\n> We owe it to the fishermen"), std::string::npos);
  EXPECT_NE(out.find("\n- Construction is expected"), std::string::npos);
}

}  // namespace
}  // namespace parallax
