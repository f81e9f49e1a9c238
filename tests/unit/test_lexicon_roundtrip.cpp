// The real PETRARCH2 dictionaries through dyad's format: load PETRARCH2, write dyad files,
// read them back, and get the same lexicon. Also checks the committed default set against
// a fresh conversion, so the files under data/ cannot drift from the importer.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "dyad/lexicon.h"
#include "dyad/paths.h"
#include "unit/test_lexicon_compare.h"

namespace dyad {
namespace {

const std::string kPetrarch2 = DYAD_SOURCE_DIR "/../shared/data/dictionaries/petrarch2";

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

#define REQUIRE_SHARED(path)                                                                   \
  do {                                                                                         \
    if (!std::filesystem::exists(path)) {                                                      \
      if (in_ci()) FAIL() << "CI=true but the shared data is missing: " << (path);             \
      GTEST_SKIP() << "no shared data at " << (path) << " (tests that need ../shared skip)";   \
    }                                                                                          \
  } while (0)

LexiconFiles petrarch2_files() {
  LexiconFiles f;
  f.verbs = {kPetrarch2 + "/CAMEO.2.0.txt"};
  f.actors = {kPetrarch2 + "/Phoenix.Countries.actors.txt", kPetrarch2 + "/Phoenix.International.actors.txt",
              kPetrarch2 + "/Phoenix.MilNonState.actors.txt"};
  f.agents = {kPetrarch2 + "/Phoenix.agents.txt"};
  f.discards = {kPetrarch2 + "/Phoenix.discards.txt"};
  return f;
}

std::string temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

TEST(LexiconRoundTrip, Petrarch2ThroughDyadFormatIsTheSameLexicon) {
  REQUIRE_SHARED(kPetrarch2);
  auto original = load_petrarch_lexicon(petrarch2_files());
  ASSERT_TRUE(original) << original.error().to_string();
  const Lexicon& a = **original;
  // The real dictionaries are big: a broken reader would show here first.
  EXPECT_GT(a.actors.size(), 10000u);
  EXPECT_GT(a.agents.size(), 500u);
  EXPECT_GT(a.verb_classes.size(), 200u);
  EXPECT_GT(a.synsets.size(), 30u);
  EXPECT_GT(a.discards.size(), 500u);

  const std::string dir = temp_dir("roundtrip");
  auto written = write_dyad_folder(a, dir, "round-trip test");
  ASSERT_TRUE(written) << written.error().to_string();
  EXPECT_EQ(written->size(), 6u);  // verbs, three actor files, agents, discards

  auto back = load_lexicon_dir(dir, LoadOptions{.strict = true});
  ASSERT_TRUE(back) << back.error().to_string();
  const Lexicon& b = **back;
  EXPECT_TRUE(b.issues.empty()) << b.issues.front().where << ": " << b.issues.front().message;
  EXPECT_EQ(testing::compare_lexicons(a, b), "");

  std::size_t patterns_a = 0, patterns_b = 0;
  for (const auto& c : a.verb_classes) patterns_a += c.patterns.size();
  for (const auto& c : b.verb_classes) patterns_b += c.patterns.size();
  EXPECT_EQ(patterns_a, patterns_b);
  EXPECT_GT(patterns_a, 4000u);

  // Writing what was read gives the same bytes: the format is a fixed point.
  const std::string again = temp_dir("roundtrip-again");
  auto rewritten = write_dyad_folder(b, again, "round-trip test");
  ASSERT_TRUE(rewritten);
  ASSERT_EQ(rewritten->size(), written->size());
  for (std::size_t i = 0; i < written->size(); ++i) {
    EXPECT_EQ(slurp((*written)[i]), slurp((*rewritten)[i])) << (*written)[i];
  }
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(again);
}

TEST(LexiconRoundTrip, CommittedDefaultSetMatchesAFreshImport) {
  REQUIRE_SHARED(kPetrarch2);
  const std::string committed = DYAD_SOURCE_DIR "/data/dictionaries/default";
  ASSERT_TRUE(std::filesystem::exists(committed)) << "the default dictionaries are not committed";
  auto original = load_petrarch_lexicon(petrarch2_files());
  ASSERT_TRUE(original);
  auto shipped = load_lexicon_dir(committed, LoadOptions{.strict = true});
  ASSERT_TRUE(shipped) << shipped.error().to_string();
  EXPECT_EQ(testing::compare_lexicons(**original, **shipped), "");

  // Byte for byte too: the import is deterministic, so a writer change shows up here until
  // the default set is imported again.
  const std::string fresh = temp_dir("fresh-import");
  const std::string cmd = std::string(DYAD_BINARY) + " dict import --quiet --from petrarch2 " + kPetrarch2 +
                          " --out " + fresh + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(committed)) {
    EXPECT_EQ(slurp(e.path().string()), slurp(fresh + "/" + e.path().filename().string()))
        << e.path() << " differs from a fresh `dyad dict import`: re-run it";
    ++files;
  }
  EXPECT_EQ(files, 7u);  // six .dyad files and the LICENSE
  std::filesystem::remove_all(fresh);
}

TEST(LexiconRoundTrip, DefaultLexiconLoadsWithoutIssues) {
  auto strict = load_lexicon_dir(default_data_dir() + "/dictionaries/default", LoadOptions{.strict = true});
  ASSERT_TRUE(strict) << strict.error().to_string();
  auto lex = load_default_lexicon();
  ASSERT_TRUE(lex) << lex.error().to_string();
  EXPECT_GT((*lex)->actors.size(), (*strict)->actors.size());  // the current actors come on top
  EXPECT_NE((*lex)->version.find(".txt@"), std::string::npos) << (*lex)->version;
  EXPECT_GT((*lex)->verbs.size(), 1000u);
  EXPECT_NE((*lex)->version.find("verbs.dyad@"), std::string::npos) << (*lex)->version;
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// A short stem ("PLA*") names an acronym and its plural, not every word it begins
// ("PLAN"); TABARI's words keep its prefix reading; longer stems begin any word.
TEST(WordMatches, AShortStemIsAnAcronym) {
  const LexWord pla{"PLA", true};
  EXPECT_TRUE(word_matches(pla, "PLA"));
  EXPECT_TRUE(word_matches(pla, "PLAS"));
  EXPECT_FALSE(word_matches(pla, "PLAN"));
  EXPECT_FALSE(word_matches(pla, "PLANT"));
  const LexWord tabari{"PLA", true, false, true};
  EXPECT_TRUE(word_matches(tabari, "PLAN"));
  const LexWord soldier{"SOLDIER", true};
  EXPECT_TRUE(word_matches(soldier, "SOLDIERS"));
}

}  // namespace
}  // namespace dyad
