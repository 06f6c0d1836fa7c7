#include "parallax/core.h"

#include <gtest/gtest.h>

namespace parallax {
namespace {

TEST(Core, ResultHoldsValueOrStatus) {
  Result<int> ok = 3;
  EXPECT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  Result<int> bad = invalid_input("a.txt: empty file");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().message(), "a.txt: empty file");
}

TEST(Core, AddParagraphKeepsSpansIntoText) {
  Article a;
  a.add_paragraph("First one.");
  a.add_paragraph("Second.", BlockKind::kHeading);
  EXPECT_EQ(a.text, "First one.\n\nSecond.");
  ASSERT_EQ(a.paragraphs.size(), 2u);
  EXPECT_EQ(a.paragraphs[1].span.of(a.text), "Second.");
  EXPECT_EQ(a.paragraphs[1].kind, BlockKind::kHeading);
}

TEST(Core, LabelPrefersOutletThenFileStem) {
  Article a;
  a.id = "abc";
  EXPECT_EQ(a.label(), "abc");
  a.source = "dir/sub/000_7a62.txt";
  EXPECT_EQ(a.label(), "000_7a62");
  a.source = "feeds/news.jsonl:12";
  EXPECT_EQ(a.label(), "news");
  a.outlet = "The Courier";
  EXPECT_EQ(a.label(), "The Courier");
}

TEST(Core, HashIdIsStableHex) {
  EXPECT_EQ(hash_id("").size(), 16u);
  EXPECT_EQ(hash_id("abc"), hash_id("abc"));
  EXPECT_NE(hash_id("abc"), hash_id("abd"));
  // xxh64("", seed 0) is a published constant.
  EXPECT_EQ(hash_id(""), "ef46db3751d8e999");
}

}  // namespace
}  // namespace parallax
