// The field's reference suites as quality floors. A floor starts at the first measured
// value and only rises: lower it and a regression lands silently.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/nlp.h"
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
  EXPECT_GE(report->passed, 222) << "UniversalPetrarch pass count fell below its floor";
}

// Suites without UD parses go through dyad's own models (PETRARCH's Penn trees converted
// to dependencies and lemmatised; TABARI's text tagged and parsed): the whole path.
SuiteReport run_with_our_parser(const std::string& rel) {
  auto suite = read_suite(testing::shared_path(rel));
  EXPECT_TRUE(suite.ok()) << suite.error().to_string();
  auto analyzer = Analyzer::load(default_nlp_models_dir());
  EXPECT_TRUE(analyzer.ok()) << analyzer.error().to_string();
  if (!suite.ok() || !analyzer.ok()) return {};
  // PETRARCH's records carry Penn trees: converted to dependencies, they are lemmatised.
  auto report = run_suite(
      *suite,
      [&](const std::string& text) -> std::optional<Sentence> {
        auto s = analyzer->analyze(text);
        if (!s || s->empty()) return std::nullopt;
        return std::move(s->front());
      },
      analyzer_tagged_parser(*analyzer));
  EXPECT_TRUE(report.ok());
  return report.ok() ? *report : SuiteReport{};
}

TEST(ValidationSuites, PetrarchUnitTestsOnOurParses) {
  const std::string rel = "data/validation/petrarch2-unittest/PETR.UnitTest.records.xml";
  DYAD_REQUIRE_SHARED(rel);
  const SuiteReport r = run_with_our_parser(rel);
  EXPECT_EQ(r.counted, 274) << "ERROR records (malformed Penn trees) are excluded";
  EXPECT_GE(r.passed, 250) << "PETRARCH unit-test pass count fell below its floor";
}

TEST(ValidationSuites, TabariValidateOnOurParses) {
  const std::string rel = "data/validation/tabari/Validate.text";
  DYAD_REQUIRE_SHARED(rel);
  const SuiteReport r = run_with_our_parser(rel);
  EXPECT_EQ(r.counted, 472);
  EXPECT_GE(r.passed, 273) << "TABARI Validate.text pass count fell below its floor";
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
