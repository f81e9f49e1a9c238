// Tables of cases for the core value types: actor codes, dates, datelines, UTF-8, CAMEO.
#include <gtest/gtest.h>

#include "dyad/actor.h"
#include "dyad/cameo.h"
#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/utf8.h"

namespace dyad {
namespace {

TEST(ActorCode, SplitsCountryAndRoles) {
  struct Case {
    const char* code;
    const char* country;
    std::vector<std::string> roles;
  };
  const Case cases[] = {
      {"USAGOV", "USA", {"GOV"}},       {"VENMIL", "VEN", {"MIL"}},
      {"---REB", "", {"REB"}},          {"IGOUNO", "IGO", {"UNO"}},
      {"USAGOVMIL", "USA", {"GOV", "MIL"}}, {" ~RUS ", "RUS", {}},
      {"---", "", {}},
  };
  for (const auto& c : cases) {
    const ActorCode a = parse_actor_code(c.code);
    EXPECT_EQ(a.country, c.country) << c.code;
    EXPECT_EQ(a.roles, c.roles) << c.code;
  }
  EXPECT_EQ(parse_actor_code("---REB").to_string(), "---REB");
  EXPECT_EQ(parse_actor_code("USAGOV").to_string(), "USAGOV");
}

TEST(Date, ParsesIsoAndCompactForms) {
  EXPECT_EQ(parse_date("2026-03-04")->to_string(), "2026-03-04");
  EXPECT_EQ(parse_date("19950101")->to_string(), "1995-01-01");
  EXPECT_EQ(parse_date("2026-03-04T10:00:00Z")->to_string(), "2026-03-04");
  EXPECT_EQ(parse_date("2026-03")->to_string(), "2026-03");
  EXPECT_EQ(parse_date("2026")->to_string(), "2026");
  EXPECT_FALSE(parse_date("2026-02-30"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("March 3"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Date, DayArithmeticRoundTrips) {
  for (long d : {-800000L, -1L, 0L, 1L, 19000L, 20500L, 2932896L}) {
    EXPECT_EQ(Date::from_days(d).days(), d);
  }
  EXPECT_EQ(Date::from_days(0).to_string(), "1970-01-01");
  EXPECT_EQ((Date{2024, 3, 1}.days() - Date{2024, 2, 28}.days()), 2);  // leap year
}

TEST(Dateline, FindsWireDatelines) {
  const Date ref{2026, 1, 10};
  struct Case {
    const char* text;
    const char* date;  // expected, or "" for none
  };
  const Case cases[] = {
      {"CARACAS, Dec 3 (Reuters) - The government said", "2025-12-03"},
      {"CARACAS, Jan 5 (Meridian Wire) - Talks resumed", "2026-01-05"},
      {"LONDON, 3 December 2024 - Ministers met", "2024-12-03"},
      {"WASHINGTON, Sept. 9, 2025 (AP) - The envoy", "2025-09-09"},
      {"Officials said on Monday - after talks - that", ""},
      {"PARIS, France - A summit opened", ""},
      {"No dateline here at all.", ""},
  };
  for (const auto& c : cases) {
    const auto d = parse_dateline(c.text, ref);
    EXPECT_EQ(d ? d->to_string() : std::string(), c.date) << c.text;
  }
}

TEST(Utf8, FindsFirstMalformedByte) {
  EXPECT_FALSE(find_invalid_utf8("plain ascii"));
  EXPECT_FALSE(find_invalid_utf8("Caf\xC3\xA9 Bogot\xC3\xA1 \xE2\x80\x94 \xF0\x9F\x98\x80"));
  EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);               // truncated
  EXPECT_EQ(find_invalid_utf8("a\xC0\xAF"), 1u);            // overlong
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);        // surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);     // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ok\xFFok"), 2u);
  EXPECT_EQ(line_col("ab\ncd", 4), "2:2");
}

TEST(Document, ContentIdDependsOnTextOnly) {
  EXPECT_EQ(content_id("same text"), content_id("same text"));
  EXPECT_NE(content_id("same text"), content_id("same text."));
  EXPECT_EQ(content_id("").size(), 16u);
}

TEST(Cameo, KnowsCodesRootsAndScales) {
  const CameoCode* c = find_cameo("195");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->root, "19");
  EXPECT_EQ(c->quad_class, 4);
  EXPECT_DOUBLE_EQ(c->goldstein(GoldsteinScale::kGdelt), -10.0);
  // GDELT's and ICEWS's scales differ on 016, 022, 164 and 165.
  const CameoCode* c164 = find_cameo("164");
  ASSERT_NE(c164, nullptr);
  EXPECT_NE(c164->goldstein_gdelt, c164->goldstein_icews);
  EXPECT_EQ(find_cameo("999"), nullptr);
  EXPECT_EQ(cameo_root("1951"), "19");
  EXPECT_EQ(cameo_root("XYZ"), "");
}

TEST(Cameo, DescribesMentionsWithPloverAndAcled) {
  Mention m;
  m.code = "195";
  describe_code(m, GoldsteinScale::kGdelt);
  EXPECT_EQ(m.quad_class, 4);
  EXPECT_EQ(m.goldstein, -10.0);
  EXPECT_EQ(m.plover_type, "ASSAULT");
  EXPECT_EQ(m.acled_type, "Explosions/Remote violence");
  EXPECT_EQ(m.acled_sub_type, "Air/drone strike");

  Mention visit;
  visit.code = "042";
  describe_code(visit, GoldsteinScale::kGdelt);
  EXPECT_EQ(visit.quad_class, 1);
  EXPECT_EQ(visit.plover_type, "CONSULT");
  EXPECT_EQ(visit.plover_mode, "visit");

  Mention statement;
  statement.code = "010";
  describe_code(statement, GoldsteinScale::kGdelt);
  EXPECT_TRUE(statement.plover_type.empty());
  EXPECT_EQ(statement.root, "01");

  Mention custom;  // reference suites define codes outside CAMEO
  custom.code = "ZZZ";
  describe_code(custom, GoldsteinScale::kGdelt);
  EXPECT_EQ(custom.quad_class, 0);
  EXPECT_TRUE(custom.root.empty());
}

}  // namespace
}  // namespace dyad
