#include "parallax/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <zlib.h>

#include "ingest/ingest_internal.h"
#include "test_util.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using ingest::Batch;
using ingest::Options;

std::string fixture(const std::string& name) {
  return testing::source_dir() + "/tests/data/ingest/" + name;
}

std::vector<std::string> paragraphs(const Article& a) {
  std::vector<std::string> out;
  for (const auto& p : a.paragraphs) out.emplace_back(p.span.of(a.text));
  return out;
}

// A fresh directory under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("parallax_ingest_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

Batch read_one(const std::string& path, const Options& o = {}) {
  Batch b;
  ingest::read_path(path, o, b);
  return b;
}

// ---------------------------------------------------------------------------
// Plain text and Markdown
// ---------------------------------------------------------------------------

TEST(IngestText, FirstLineIsTitleAndEachLineAParagraph) {
  Batch b = read_one(fixture("plain.txt"));
  ASSERT_TRUE(b.errors.empty()) << b.errors[0].message();
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.inputs, 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.title, "Harbour crane collapses during storm");
  // Runs of space collapse, U+00A0 becomes a space, ends are trimmed.
  EXPECT_EQ(paragraphs(a),
            (std::vector<std::string>{
                "A crane at the northern harbour fell into the water on Tuesday night, port "
                "officials said.",
                "Nobody was injured, the harbour master told reporters.",
                "Shipping resumed on Wednesday morning after divers checked the berth."}));
  EXPECT_EQ(a.text.find("\n\n"), a.paragraphs[0].span.end);
  // Each paragraph knows the line of the file it came from (the title is line 1).
  std::vector<int32_t> lines;
  for (const Paragraph& p : a.paragraphs) lines.push_back(p.line);
  EXPECT_EQ(lines, (std::vector<int32_t>{3, 4, 6}));
  EXPECT_EQ(a.source, fixture("plain.txt"));
  EXPECT_EQ(a.id, hash_id(a.text));  // no URL: the text names it
  EXPECT_EQ(a.id.size(), 16u);
  EXPECT_TRUE(a.outlet.empty());
  EXPECT_TRUE(a.published.empty());
}

TEST(IngestText, OutletFromOptionsWhenTheInputNamesNone) {
  Options o;
  o.outlet = "Coastal Wire";
  Batch b = read_one(fixture("plain.txt"), o);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].outlet, "Coastal Wire");
  // ... but the front matter's outlet wins.
  Batch m = read_one(fixture("front_matter.md"), o);
  ASSERT_EQ(m.articles.size(), 1u);
  EXPECT_EQ(m.articles[0].outlet, "The Riverside Courier");
}

TEST(IngestMarkdown, FrontMatterFieldsAndBlockKinds) {
  Batch b = read_one(fixture("front_matter.md"));
  ASSERT_TRUE(b.errors.empty()) << b.errors[0].message();
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.title, "Council approves new bridge: a \"long\" wait ends");
  EXPECT_EQ(a.outlet, "The Riverside Courier");
  EXPECT_EQ(a.url, "https://Example.ORG/news/bridge-vote/#comments");
  // The id hashes the canonical URL: host lower-cased, fragment and trailing slash gone.
  EXPECT_EQ(a.id, hash_id("https://example.org/news/bridge-vote"));
  EXPECT_EQ(a.published, "2023-06-06");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Mara Lind", "Tom Okafor"}));

  std::vector<std::string> ps = paragraphs(a);
  ASSERT_EQ(ps.size(), 8u) << a.text;
  EXPECT_EQ(ps[0], "Council approves new bridge");
  EXPECT_EQ(a.paragraphs[0].kind, BlockKind::kHeading);
  // Lines of one paragraph are joined; emphasis markers go.
  EXPECT_EQ(ps[1],
            "The city council voted nine to two on Monday to fund a second bridge across the "
            "river, ending a debate that began in 2019.");
  EXPECT_EQ(a.paragraphs[1].kind, BlockKind::kParagraph);
  EXPECT_EQ(ps[2], "What happens next");
  EXPECT_EQ(a.paragraphs[2].kind, BlockKind::kHeading);
  EXPECT_EQ(ps[3], "Surveyors start work in August.");
  EXPECT_EQ(ps[4], "Construction is expected to take three years.");
  EXPECT_EQ(ps[5], "A public consultation opens first.");
  for (int i : {3, 4, 5}) EXPECT_EQ(a.paragraphs[i].kind, BlockKind::kListItem) << i;
  EXPECT_EQ(ps[6],
            "\"We have waited long enough,\" said councillor Ana Ruiz, who proposed the plan.");
  EXPECT_EQ(a.paragraphs[6].kind, BlockKind::kBlockQuote);
  // Links keep their text, images go.
  EXPECT_EQ(ps[7], "Read the full council minutes and the budget.");
  // The line each block starts on, after eight lines of front matter.
  std::vector<int32_t> lines;
  for (const Paragraph& p : a.paragraphs) lines.push_back(p.line);
  EXPECT_EQ(lines, (std::vector<int32_t>{9, 11, 14, 16, 17, 18, 20, 23}));
}

TEST(IngestMarkdown, HeadingIsTitleWithoutFrontMatter) {
  Batch b = read_one(fixture("heading_title.md"));
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.title, "Farmers report record apple harvest");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs(a)[1], "Prices at the market fell by a third.");
}

TEST(IngestText, FrontMatterDashListAndAliases) {
  Batch b = read_one(fixture("dash_authors.txt"));
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.title, "Storm closes schools across the valley");
  EXPECT_EQ(a.outlet, "Valley Morning Post");  // "source"
  EXPECT_EQ(a.published, "2023-06-06");        // "date", "6th Jun 2023"
  EXPECT_EQ(a.language, "en");                 // "EN"
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Priya Nair", "Jonas Berg"}));
  EXPECT_EQ(a.paragraphs.size(), 2u);  // plain text: one per line
}

TEST(IngestMarkdown, CommaSeparatedAuthorsAndDateTime) {
  Batch b = read_one(fixture("comma_authors.md"));
  ASSERT_EQ(b.articles.size(), 1u);
  const Article& a = b.articles[0];
  EXPECT_EQ(a.title, "Library extends opening hours");  // "headline"
  EXPECT_EQ(a.outlet, "Northside Gazette");             // "publisher"
  EXPECT_EQ(a.published, "2023-06-06T10:00:00");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Lena Park", "Omar Haddad"}));
}

TEST(IngestText, UnknownExtensionThatIsTextIsRead) {
  Batch b = read_one(fixture("scraped.news"));
  ASSERT_TRUE(b.errors.empty()) << b.errors[0].message();
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].title, "Tram line extension opens to passengers");
  EXPECT_EQ(b.articles[0].paragraphs.size(), 2u);
}

TEST(IngestText, MarkdownInlineMarkup) {
  Batch b;
  RawDocument d;
  d.source = "inline.md";
  d.media_type = "text/markdown";
  d.bytes =
      "Title\n\nA __bold__ and *soft* claim with `code`, snake_case names, 5 * 3, "
      "and <https://example.org/x> plus [a link](https://e.org/a_(b)) here.\n";
  ingest::read_document(d, {}, b);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(paragraphs(b.articles[0])[0],
            "A bold and soft claim with code, snake_case names, 5 * 3, and "
            "https://example.org/x plus a link here.");
}

// ---------------------------------------------------------------------------
// JSON Lines
// ---------------------------------------------------------------------------

TEST(IngestJsonl, FieldsOfNewsPleaseTrafilaturaAndNewspaper) {
  std::string path = fixture("extractors.jsonl");
  Batch b = read_one(path);
  ASSERT_TRUE(b.errors.empty()) << b.errors[0].message();
  ASSERT_EQ(b.articles.size(), 4u);

  const Article& np = b.articles[0];  // news-please
  EXPECT_EQ(np.source, path + ":1");
  EXPECT_EQ(np.title, "Port reopens after strike");
  EXPECT_EQ(np.outlet, "harbour-times.example");
  EXPECT_EQ(np.published, "2023-06-06T10:00:00");
  EXPECT_EQ(np.url, "https://harbour-times.example/port-reopens");
  EXPECT_EQ(np.id, hash_id("https://harbour-times.example/port-reopens"));
  EXPECT_EQ(np.authors, (std::vector<std::string>{"Ida Moss", "Ken Ito"}));
  EXPECT_EQ(np.language, "en");
  EXPECT_EQ(paragraphs(np), (std::vector<std::string>{"Dock workers returned to work on Monday.",
                                                      "The strike had lasted nine days.",
                                                      "Ships queued outside the harbour."}));

  const Article& tr = b.articles[1];  // trafilatura
  EXPECT_EQ(tr.source, path + ":2");
  EXPECT_EQ(tr.outlet, "Transit Weekly");              // sitename before hostname
  EXPECT_EQ(tr.url, "https://transit.example/fares");  // "source" holds the URL
  EXPECT_EQ(tr.id, "tw-1029");
  EXPECT_EQ(tr.authors, (std::vector<std::string>{"Sam Cole", "Ria Das"}));
  EXPECT_EQ(tr.published, "2023-06-07");
  EXPECT_EQ(tr.paragraphs.size(), 2u);  // "text" before "raw_text"

  const Article& n4 = b.articles[2];  // newspaper4k
  EXPECT_EQ(n4.id, "4471");           // numeric id kept
  EXPECT_EQ(n4.url, "https://museum-news.example/wing");
  EXPECT_EQ(n4.published, "2023-06-08T09:30:00+02:00");
  EXPECT_EQ(n4.authors, (std::vector<std::string>{"Eva Lund"}));

  EXPECT_EQ(b.articles[3].published, "2023-06-09");
  EXPECT_EQ(b.articles[3].id, hash_id(b.articles[3].text));
}

TEST(IngestJsonl, BadLineBetweenTwoGoodOnesIsOneErrorNamingTheLine) {
  std::string path = fixture("bad_line.jsonl");
  Batch b = read_one(path);
  ASSERT_EQ(b.articles.size(), 2u);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].code(), StatusCode::kInvalidInput);
  EXPECT_TRUE(b.errors[0].message().starts_with(path + ":2: not a JSON object ("))
      << b.errors[0].message();
  EXPECT_EQ(b.articles[0].title, "First good article");
  EXPECT_EQ(b.articles[1].title, "Second good article");
  EXPECT_EQ(b.articles[1].source, path + ":3");
}

TEST(IngestJsonl, LineWithoutTextFieldAndNonObjectLine) {
  std::string path = fixture("no_text_field.jsonl");
  Batch b = read_one(path);
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(b.errors.size(), 2u);
  EXPECT_TRUE(b.errors[0].message().starts_with(path + ":1: no text field"))
      << b.errors[0].message();
  EXPECT_EQ(b.errors[1].message(), path + ":2: not a JSON object (an array)");
}

TEST(IngestJsonl, InvalidUtf8OnOneLineSparesTheOthers) {
  TempDir dir;
  std::string p = dir.write("mixed.jsonl",
                            "{\"text\": \"Good one.\"}\n{\"text\": \"bad \xC3\x28 byte\"}\n"
                            "{\"text\": \"Good two.\"}\n");
  Batch b = read_one(p);
  EXPECT_EQ(b.articles.size(), 2u);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_TRUE(b.errors[0].message().starts_with(p + ":2: invalid UTF-8 at byte 14"))
      << b.errors[0].message();
}

// ---------------------------------------------------------------------------
// Standard input and sniffing
// ---------------------------------------------------------------------------

TEST(IngestStdin, SniffsJsonlAndMarkdown) {
  TempDir dir;
  std::string jsonl = dir.write("in1", "  {\"title\": \"T\", \"text\": \"Body line.\"}\n");
  ASSERT_NE(std::freopen(jsonl.c_str(), "rb", stdin), nullptr);
  Batch b = read_one("-");
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].source, "-:1");
  EXPECT_EQ(b.articles[0].title, "T");

  std::string md = dir.write("in2", "# Heading title\n\nFirst **bold** paragraph\nwraps here.\n");
  ASSERT_NE(std::freopen(md.c_str(), "rb", stdin), nullptr);
  Batch m = read_one("-");
  ASSERT_EQ(m.articles.size(), 1u);
  EXPECT_EQ(m.articles[0].source, "-");
  EXPECT_EQ(m.articles[0].title, "Heading title");
  EXPECT_EQ(paragraphs(m.articles[0]),
            (std::vector<std::string>{"First bold paragraph wraps here."}));

  std::string txt = dir.write("in3", "Plain title\nLine one.\nLine two.\n");
  ASSERT_NE(std::freopen(txt.c_str(), "rb", stdin), nullptr);
  Batch t = read_one("-");
  ASSERT_EQ(t.articles.size(), 1u);
  EXPECT_EQ(t.articles[0].paragraphs.size(), 2u);  // plain: a paragraph per line
}

TEST(IngestDocument, SniffsWhenMediaTypeIsEmpty) {
  Batch b;
  ingest::read_document({"{\"text\": \"A.\"}\n{\"text\": \"B.\"}\n", "", "mem", ""}, {}, b);
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[1].source, "mem:2");
  EXPECT_EQ(b.inputs, 1u);
}

// ---------------------------------------------------------------------------
// Malformed inputs: each an error naming the input; the batch goes on
// ---------------------------------------------------------------------------

TEST(IngestErrors, EachBadInputIsCountedAndTheBatchGoesOn) {
  TempDir dir;
  std::string binary = dir.write("photo.txt", std::string("GIF89a\0\0\x01\x02", 10) + "rest");
  std::string controls = dir.write("controls.txt", std::string(50, '\x01') + std::string(100, 'a'));
  std::string latin1 = dir.write("latin1.txt", "Caf\xE9 opens\nA new caf\xE9 opened today.\n");
  std::vector<std::string> paths = {fixture("empty.txt"),
                                    fixture("whitespace.txt"),
                                    binary,
                                    controls,
                                    latin1,
                                    dir.path(),
                                    dir.path() + "/missing.txt",
                                    fixture("only_title.txt"),
                                    fixture("plain.txt")};
  Batch b = ingest::read_paths(paths);
  EXPECT_EQ(b.inputs, paths.size());
  ASSERT_EQ(b.articles.size(), 1u);
  ASSERT_EQ(b.errors.size(), paths.size() - 1);
  auto msg = [&](size_t i) { return b.errors[i].message(); };
  EXPECT_EQ(msg(0), fixture("empty.txt") + ": empty file");
  EXPECT_EQ(msg(1), fixture("whitespace.txt") + ": only white space");
  EXPECT_EQ(msg(2), binary + ": binary data (NUL byte at offset 6)");
  EXPECT_TRUE(msg(3).starts_with(controls + ": binary data (50 of 150 bytes")) << msg(3);
  EXPECT_EQ(msg(4), latin1 + ": invalid UTF-8 at byte offset 3 (convert the file to UTF-8)");
  EXPECT_EQ(msg(5), dir.path() + ": is a directory, not a file");
  EXPECT_EQ(b.errors[6].code(), StatusCode::kNotFound);
  EXPECT_EQ(msg(6), dir.path() + "/missing.txt: no such file");
  EXPECT_EQ(msg(7), fixture("only_title.txt") + ": no text after the title");
  for (size_t i = 0; i < b.errors.size(); ++i) {
    if (i != 6) {
      EXPECT_EQ(b.errors[i].code(), StatusCode::kInvalidInput) << msg(i);
    }
  }
}

TEST(IngestErrors, TwentyMegabytesAcceptedUnderTheLimitRejectedOver) {
  TempDir dir;
  std::string line = "Paragraph of generated filler text that stands in for a long report.\n";
  std::string big = "A very long generated document\n";
  while (big.size() < (20u << 20)) big += line;
  std::string p = dir.write("big.txt", big);

  Batch ok = read_one(p);  // default limit: 64 MiB
  ASSERT_TRUE(ok.errors.empty()) << ok.errors[0].message();
  ASSERT_EQ(ok.articles.size(), 1u);
  EXPECT_EQ(ok.articles[0].paragraphs.size(), (big.size() - 31) / line.size());

  Options small;
  small.max_bytes = 10u << 20;
  Batch rejected = read_one(p, small);
  EXPECT_TRUE(rejected.articles.empty());
  ASSERT_EQ(rejected.errors.size(), 1u);
  EXPECT_EQ(rejected.errors[0].code(), StatusCode::kTooLarge);
  EXPECT_TRUE(rejected.errors[0].message().starts_with(p + ": ")) << rejected.errors[0].message();
}

TEST(IngestErrors, HtmlIsNamedNotReadAsText) {
  TempDir dir;
  std::string page = dir.write("page.html", "<p>Hello</p>\n");
  std::string sniffed = dir.write("page.dat", "  <!DOCTYPE html>\n<html><body>Hi</body></html>\n");
  Batch b = ingest::read_paths({page, sniffed});
  EXPECT_TRUE(b.articles.empty());
  ASSERT_EQ(b.errors.size(), 2u);
  EXPECT_TRUE(b.errors[0].message().starts_with(page + ": an HTML page")) << b.errors[0].message();
  EXPECT_TRUE(b.errors[1].message().starts_with(sniffed + ": an HTML page"))
      << b.errors[1].message();
}

TEST(IngestHtml, PagesGoToTheGivenReaderInInputOrder) {
  TempDir dir;
  std::string first = dir.write("a.txt", "First title\nA line of the first article.\n");
  std::string page = dir.write("b.html", "<html><body><p>Hello</p></body></html>");
  std::string bad = dir.write("c.htm", "<html><body></body></html>");
  std::string last = dir.write("d.txt", "Last title\nA line of the last article.\n");
  Options o;
  o.outlet = "Given";
  o.html = [](const RawDocument& doc) -> Result<Article> {
    if (doc.bytes.find("<p>") == std::string::npos) return invalid_input(doc.source + ": no article found");
    Article a;
    a.source = doc.source;
    a.title = "From the page";
    a.add_paragraph("Hello");
    return a;
  };
  Batch b = ingest::read_paths({first, page, bad, last}, o);
  ASSERT_EQ(b.articles.size(), 3u);
  EXPECT_EQ(b.articles[0].title, "First title");
  EXPECT_EQ(b.articles[1].title, "From the page");
  EXPECT_EQ(b.articles[1].outlet, "Given");
  EXPECT_EQ(b.articles[2].title, "Last title");
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].message(), bad + ": no article found");
}

std::string gzip(const std::string& bytes) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(static_cast<uLong>(bytes.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(IngestGzip, CompressedTextIsReadByItsInnerExtension) {
  TempDir dir;
  std::string md = dir.write("story.md.gz", gzip("---\ntitle: Zipped\noutlet: The Gazette\n---\nBody text here.\n"));
  Batch b = read_one(md);
  ASSERT_EQ(b.articles.size(), 1u) << (b.errors.empty() ? "" : b.errors[0].message());
  EXPECT_EQ(b.articles[0].title, "Zipped");
  EXPECT_EQ(b.articles[0].outlet, "The Gazette");
}

TEST(IngestGzip, TruncatedStreamIsAnErrorNamingTheFile) {
  TempDir dir;
  std::string whole = gzip(std::string(20000, 'a') + "\nMore text.\n");
  std::string cut = dir.write("cut.txt.gz", whole.substr(0, whole.size() / 2));
  std::string good = dir.write("good.txt", "A title\nA body line.\n");
  Batch b = ingest::read_paths({cut, good});
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].message(), cut + ": truncated gzip stream");
  EXPECT_EQ(b.articles.size(), 1u);
}

TEST(IngestGzip, DecompressionStopsAtTheSizeLimit) {
  TempDir dir;
  std::string bomb = dir.write("bomb.txt.gz", gzip(std::string(8u << 20, 'x')));
  Options o;
  o.max_bytes = 1u << 20;
  Batch b = read_one(bomb, o);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_EQ(b.errors[0].code(), StatusCode::kTooLarge);
}

TEST(IngestErrors, Utf16IsNamedAndByteOrderMarkIsDropped) {
  TempDir dir;
  std::string u16 = dir.write("u16.txt", std::string("\xFF\xFEH\0i\0", 6));
  Batch b = read_one(u16);
  ASSERT_EQ(b.errors.size(), 1u);
  EXPECT_NE(b.errors[0].message().find("UTF-16"), std::string::npos);
  std::string bom = dir.write("bom.txt", "\xEF\xBB\xBFTitle here\nBody line.\n");
  Batch c = read_one(bom);
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].title, "Title here");
}

// ---------------------------------------------------------------------------
// Dates and small utilities
// ---------------------------------------------------------------------------

TEST(IngestDates, MonthAndWeekdayNames) {
  using parallax::is_month_or_weekday;
  for (const char* w : {"June", "Jun.", "juin", "März", "Montag", "sun", "Wednesday", "diciembre"})
    EXPECT_TRUE(is_month_or_weekday(w)) << w;
  for (const char* w : {"Jane", "mayor", "Monday's", "", "on"}) EXPECT_FALSE(is_month_or_weekday(w)) << w;
}

TEST(IngestUtilities, SpaceWords) {
  using parallax::space_words;
  EXPECT_EQ(space_words("  Jane  van Doe "), (std::vector<std::string_view>{"Jane", "van", "Doe"}));
  EXPECT_TRUE(space_words("").empty());
  EXPECT_TRUE(space_words("   ").empty());
  EXPECT_EQ(space_words("a\tb"), (std::vector<std::string_view>{"a\tb"}));  // spaces only
}

TEST(IngestDates, CommonFormsToIso8601) {
  using parallax::normalize_date;
  EXPECT_EQ(normalize_date("2023-06-06"), "2023-06-06");
  EXPECT_EQ(normalize_date("2023-06-06T10:00:00Z"), "2023-06-06T10:00:00Z");
  EXPECT_EQ(normalize_date("2023-06-06 10:00:00"), "2023-06-06T10:00:00");
  EXPECT_EQ(normalize_date("2023-06-06T10:00:00.250+0200"), "2023-06-06T10:00:00+02:00");
  EXPECT_EQ(normalize_date("June 6, 2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("6 Jun 2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("6th Jun 2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("Tuesday, 6 June 2023 14:05 GMT"), "2023-06-06T14:05:00Z");
  EXPECT_EQ(normalize_date("Jun. 21st, 2023 at 3:45 pm"), "2023-06-21T15:45:00");
  EXPECT_EQ(normalize_date("6. Juni 2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("6 juin 2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("6 de junio de 2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("06.06.2023"), "2023-06-06");
  EXPECT_EQ(normalize_date("25/12/2023"), "2023-12-25");
  EXPECT_EQ(normalize_date("12/25/2023"), "2023-12-25");
  // Kept as given when it can't be read for sure.
  EXPECT_EQ(normalize_date("05/06/2023"), "05/06/2023");
  EXPECT_EQ(normalize_date("2023-02-30"), "2023-02-30");
  EXPECT_EQ(normalize_date("last Tuesday"), "last Tuesday");
  EXPECT_EQ(normalize_date("  "), "");
}

TEST(IngestUtil, Utf8ValidationAndUrlCanonicalForm) {
  using parallax::canonical_url;
  using parallax::find_invalid_utf8;
  EXPECT_EQ(find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"),
            std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);       // overlong
  EXPECT_EQ(find_invalid_utf8("abc\xED\xA0\x80"), 3u);  // surrogate
  EXPECT_EQ(find_invalid_utf8("abcd\xE2\x80"), 4u);     // truncated
  EXPECT_EQ(canonical_url("HTTPS://News.Example.com/a/b/?x=1#top"),
            "https://news.example.com/a/b/?x=1");
  EXPECT_EQ(canonical_url("https://news.example.com/"), "https://news.example.com");
  EXPECT_EQ(canonical_url("https://news.example.com/Path/"), "https://news.example.com/Path");
}

TEST(IngestBytes, GunzipAndPlainFiles) {
  std::string dir = testing::source_dir() + "/tests/data/html/";
  auto plain = ingest::read_bytes(dir + "microdata_article.html");
  auto gz = ingest::read_bytes(dir + "microdata_article.html.gz");
  ASSERT_TRUE(plain.ok());
  ASSERT_TRUE(gz.ok()) << gz.status().message();
  EXPECT_EQ(*plain, *gz);
  auto missing = ingest::read_bytes(dir + "no_such_page.html");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  std::string corrupt = "\x1f\x8b\x08\x00garbage";
  auto bad = ingest::gunzip_if_gzip(corrupt, "corrupt.gz", 1 << 20);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("corrupt.gz"), std::string::npos);
  // Plain bytes pass unchanged; a stream that inflates past the limit is refused.
  auto same = ingest::gunzip_if_gzip("plain text", "p.txt", 1 << 20);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*same, "plain text");
  auto big = ingest::read_bytes(dir + "microdata_article.html.gz", 100);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kTooLarge);
}

}  // namespace
}  // namespace parallax
