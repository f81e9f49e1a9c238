// The field's reference suites as quality floors. A floor starts at the first measured
// value and only rises: lower it and a regression lands silently.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/validation.h"
#include "test_support.h"

namespace dyad {
namespace {

TEST(ValidationSuites, UniversalPetrarchOnGivenParses) {
  const std::string rel = "data/validation/universalpetrarch/PETR_Validate_records_2_02.xml";
  DYAD_REQUIRE_SHARED(rel);
  auto suite = read_suite(testing::shared_path(rel));
  ASSERT_TRUE(suite.ok()) << suite.error().to_string();
  EXPECT_EQ(suite->format, "universalpetrarch");
  EXPECT_EQ(suite->records.size(), 274u);
  auto report = run_suite(*suite);
  ASSERT_TRUE(report.ok()) << report.error().to_string();
  // The denominator: evaluated records in <Include> categories with a readable parse.
  EXPECT_EQ(report->counted, 245);
  EXPECT_GE(report->passed, 213) << "UniversalPetrarch pass count fell below its floor";
}

TEST(ValidationSuites, MalformedSuiteIsAnErrorNotACrash) {
  const auto path = std::filesystem::temp_directory_path() / "dyad_bad_suite.xml";
  std::ofstream(path) << "<Validation><Environment><Verbfile>x.txt</Verbfile></Environment>"
                         "<Sentence id=\"A\" category=\"DEMO\" date=\"19950101\"><Text>Hi";
  auto suite = read_suite(path.string());
  ASSERT_FALSE(suite.ok());
  EXPECT_EQ(suite.error().code, ErrorCode::kParse);
  EXPECT_NE(suite.error().where.find(":1"), std::string::npos);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad
