// The dictionary linter: each kind of finding on a small dictionary made to have it (and
// a clean one with none), the `dyad dict lint` command's output and exit codes, and the
// counts on the real PETRARCH2 dictionaries.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include <unistd.h>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

std::vector<LintFinding> lint(const std::string& text) {
  Lexicon lex;
  (void)parse_dyad_dictionary(text, "d.dyad", lex, {});
  return lint_lexicon(lex);
}

TEST(DictLint, FindsEachKindOfProblem) {
  struct Case {
    const char* text;
    const char* kind;   // the one finding expected
    const char* where;
    const char* says;   // part of the message
  };
  const Case cases[] = {
      {"actor A [USA]\nactor A [GBR]\n", "duplicate", "d.dyad:2", "names actor"},
      {"agent NAVY [~NAV]\nagent NAVY [~MIL]\n", "duplicate", "d.dyad:2", "is agent [~MIL] here"},
      {"discard WORLD CUP\ndiscard WORLD CUP\n", "duplicate", "d.dyad:2", "repeats line 1"},
      {"class SAY [010]\n  verb SAY\nclass TELL [010]\n  verb SAY\n", "duplicate", "d.dyad:4", "in class TELL here"},
      {"class SAY [010]\n  verb SAY\n  pattern * TO  [011]\n  pattern * TO  [012]\n", "duplicate", "d.dyad:4",
       "with code [011], not [012]"},
      {"class SAY [010]\n  verb SAY\n  pattern * TO  [011]\n  pattern * (TO +)  [012]\n", "unreachable", "d.dyad:4",
       "never fires"},
      {"class SAY [010]\n  pattern * TO  [011]\n", "unreachable", "d.dyad:1", "no verbs"},
      {"class SAY [999]\n  verb SAY\n", "bad-code", "d.dyad:1", "\"999\" is not in the CAMEO table"},
      {"class SAY [010]\n  verb SAY\n  pattern * TO  [042:4321]\n", "bad-code", "d.dyad:3", "paired code \"4321\""},
      {"actor A [USAGO]\n", "bad-code", "d.dyad:1", "malformed actor code \"USAGO\""},
      {"agent NAVY [~na]\n", "bad-code", "d.dyad:1", "malformed agent code"},
      {"class SAY [010]\n  verb SAY\n  pattern * &NOWHERE  [011]\n", "undefined-synset", "d.dyad:3", "&NOWHERE"},
      {"synset A\n  &B\n", "undefined-synset", "synset A", "&B"},
      {"actor A [USAGOV 2010-01-01..2009-01-01]\n", "bad-date-range", "d.dyad:1", "ends before it starts"},
      {"actor A [USA 2010-02-30..]\n", "syntax", "d.dyad:1", "bad date"},
  };
  for (const auto& c : cases) {
    const auto findings = lint(c.text);
    ASSERT_EQ(findings.size(), 1u) << c.text << (findings.empty() ? "" : "first: " + findings[0].message);
    EXPECT_EQ(findings[0].kind, c.kind) << c.text;
    EXPECT_EQ(findings[0].where, c.where) << c.text;
    EXPECT_NE(findings[0].message.find(c.says), std::string::npos) << c.text << " -> " << findings[0].message;
  }
}

TEST(DictLint, CleanDictionaryHasNoFindings) {
  const auto findings = lint(R"(
synset WEAPON
  GUN
class ATTACK [190]
  verb ATTACK
  verb STRIKE forms: STRUCK
  pattern * &WEAPON  [193]
  pattern * (WITH &WEAPON)  [193]
  pattern * TARGET +  [190]
  pattern $ * (WITH AIRCRAFT)  [195]
actor BARACK OBAMA  [USAGOV 2009-01-20..2017-01-20]
actor UNITED NATIONS  [IGOUNO]
  UN
actor OBAMA  [USAGOV 2009-01-20..2017-01-20]
agent NAVY  [~NAV]
agent MSF  [NGO~]
discard WORLD CUP
)");
  for (const auto& f : findings) ADD_FAILURE() << f.where << ": " << f.kind << ": " << f.message;
}

TEST(DictLint, FindingsAreInFileOrder) {
  const auto findings = lint("actor A [USAGO]\nactor B [X]\nactor C [USAGOV 2010-01-01..2009-01-01]\n");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].where, "d.dyad:1");
  EXPECT_EQ(findings[1].where, "d.dyad:2");
  EXPECT_EQ(findings[2].where, "d.dyad:3");
}

struct CommandRun {
  int code = -1;
  std::string out;
};

CommandRun run(const std::string& args) {
  CommandRun r;
  const std::string cmd = std::string(DYAD_BINARY) + " " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe.release());
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(DictLint, CommandPrintsOneLinePerFindingAndExitsOneWhenThereAreAny) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad-test-lint-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string bad = (dir / "bad.dyad").string(), good = (dir / "good.dyad").string();
  std::ofstream(bad) << "actor A [USAGO]\nclass SAY [999]\n  verb SAY\n";
  std::ofstream(good) << "actor A [USA]\nclass SAY [010]\n  verb SAY\n";
  const CommandRun r = run("dict lint " + bad);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, bad + ":1: bad-code: actor A_: malformed actor code \"USAGO\"\n" + bad +
                       ":2: bad-code: class SAY: event code \"999\" is not in the CAMEO table\n");
  const CommandRun ok = run("dict lint " + good);
  EXPECT_EQ(ok.code, 0);
  EXPECT_EQ(ok.out, "");
  EXPECT_EQ(run("dict lint " + (dir / "absent.dyad").string()).code, 2);
  std::filesystem::remove_all(dir);
}

// Two folders loaded as layers, as load_default_lexicon() loads default/ and current/.
class LayeredLint : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("dyad-test-lint-layers-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "base");
    std::filesystem::create_directories(dir_ / "top");
    put("base/a.dyad",
        "actor URSULA VON DER LEYEN  [DEUGOV 2005-11-22..2019-07-17]\n"
        "agent SPOKESMAN  [~MED]\n"
        "class CANCEL  [160]\n"
        "  verb CANCEL\n"
        "  pattern * TALKS  [160]\n"
        "  pattern * AGAINST  [160]\n"
        "class ARRIVE  [---]\n"
        "  verb ARRIVE\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void put(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::vector<LintFinding> lint_layers() {
    auto lex = load_lexicon_dirs({(dir_ / "base").string(), (dir_ / "top").string()});
    EXPECT_TRUE(lex) << lex.error().to_string();
    return lex ? lint_lexicon(**lex) : std::vector<LintFinding>{};
  }
  std::filesystem::path dir_;
};

// What current/ does to the import: an agent, a verb and patterns of the same words with
// other codes, which the coder takes over the earlier layer's. None is a finding.
constexpr const char* kOverrides =
    "actor URSULA VON DER LEYEN  [DEUGOV 2005-11-22..2019-07-17] [IGOEUREEC 2019-12-01..]\n"
    "agent SPOKESMAN  [~GOV]\n"
    "extend CANCEL\n"
    "  pattern * TALKS  [164]\n"
    "  pattern * (AGAINST +)  [161]\n"
    "class ARRIVE_VISIT  [042]\n"
    "  verb ARRIVE\n";

TEST_F(LayeredLint, ALaterLayersOverridesAreNoFindings) {
  put("top/b.dyad", kOverrides);
  for (const auto& f : lint_layers()) ADD_FAILURE() << f.where << ": " << f.kind << ": " << f.message;
}

TEST_F(LayeredLint, DuplicatesWithinALayerAreStillFound) {
  put("top/b.dyad", std::string(kOverrides) +
                        "agent SPOKESMAN  [~OPP]\n"    // line 8
                        "extend CANCEL\n"
                        "  pattern * TALKS  [162]\n"   // line 10
                        "class REACH  [042]\n"
                        "  verb ARRIVE\n"              // line 12
                        "actor VON DER LEYEN  [DEUELI]\n"
                        "  URSULA VON DER LEYEN\n");   // line 14
  const auto findings = lint_layers();
  const std::string top = (dir_ / "top" / "b.dyad").string();
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].where, top + ":8");
  EXPECT_EQ(findings[0].kind, "duplicate");
  EXPECT_EQ(findings[0].message, "\"SPOKESMAN\" is agent [~OPP] here and [~GOV] at line 2");
  EXPECT_EQ(findings[1].where, top + ":10");
  EXPECT_EQ(findings[1].message, "pattern * TALKS in class CANCEL repeats line 4 with code [164], not [162]");
  EXPECT_EQ(findings[2].where, top + ":12");
  EXPECT_EQ(findings[2].message, "verb ARRIVE is in class REACH here and in class ARRIVE_VISIT at line 7");
  EXPECT_EQ(findings[3].where, top + ":13");
  EXPECT_EQ(findings[3].message,
            "\"URSULA VON DER LEYEN\" names actor VON_DER_LEYEN_ [DEUELI] and actor URSULA_VON_DER_LEYEN_ "
            "[DEUGOV 2005-11-22..2019-07-17 IGOEUREEC 2019-12-01..] (line 1)");
}

// An earlier layer's pattern that is more specific wins whatever the layers: the later one
// can never fire, and that is still a finding.
TEST_F(LayeredLint, AMoreSpecificEarlierPatternStillMakesALaterOneUnreachable) {
  Lexicon lex;
  ASSERT_TRUE(parse_dyad_dictionary("class CANCEL  [160]\n  verb CANCEL\n  pattern * TALKS  [160]\n", "a.dyad", lex, {}));
  const LayerStart start = layer_start(lex);
  ASSERT_TRUE(parse_dyad_dictionary("extend CANCEL\n  pattern * TALKS  [164]\n", "b.dyad", lex, {}));
  mark_layer(lex, start, 1);
  ASSERT_EQ(lex.verb_classes[0].patterns.size(), 2u);
  EXPECT_EQ(lex.verb_classes[0].patterns[1].layer, 1);
  EXPECT_TRUE(lint_lexicon(lex).empty());
  lex.verb_classes[0].patterns[0].specificity = 2;  // as if it named one more word
  const auto findings = lint_lexicon(lex);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "unreachable");
  EXPECT_EQ(findings[0].where, "b.dyad:2");
}

// `dyad dict lint` makes each folder a layer, whether it is given or holds a file given.
TEST_F(LayeredLint, CommandLintsFoldersAsLayers) {
  put("top/b.dyad", kOverrides);
  const std::string base = (dir_ / "base").string(), top = (dir_ / "top").string();
  for (const std::string& args : {base + " " + top, base + "/a.dyad " + top + "/b.dyad"}) {
    const CommandRun r = run("dict lint " + args);
    EXPECT_EQ(r.code, 0) << args;
    EXPECT_EQ(r.out, "") << args;
  }
  put("top/c.dyad", "agent SPOKESMAN  [~OPP]\n");
  const CommandRun r = run("dict lint " + base + " " + top);
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, top + "/c.dyad:1: duplicate: \"SPOKESMAN\" is agent [~OPP] here and [~GOV] at " + top + "/b.dyad:2\n");
  // Both folders' files in one folder are one layer: the corrections are duplicates there.
  std::filesystem::copy_file(dir_ / "top" / "b.dyad", dir_ / "base" / "b.dyad");
  const std::string one = run("dict lint " + base).out;
  EXPECT_NE(one.find(base + "/b.dyad:1: duplicate: \"URSULA VON DER LEYEN\""), std::string::npos) << one;
  EXPECT_NE(one.find(base + "/b.dyad:2: duplicate: \"SPOKESMAN\""), std::string::npos) << one;
}

// The shipped set: current/'s corrections of the import (its actors, agents, verbs and
// patterns of the same words) are not reported as duplicates of default/'s entries.
TEST(DictLint, ShippedSetsCorrectionsAreNoDuplicates) {
  const std::string dicts = DYAD_SOURCE_DIR "/data/dictionaries";
  const CommandRun r = run("dict lint " + dicts + "/default " + dicts + "/current");
  ASSERT_NE(r.code, 2);
  std::size_t lines = 0;
  for (std::size_t pos = 0; pos < r.out.size();) {
    const auto nl = r.out.find('\n', pos);
    const std::string line = r.out.substr(pos, nl - pos);
    pos = nl == std::string::npos ? r.out.size() : nl + 1;
    ++lines;
    // Discards have no layers (the coder applies them all): their repeats across folders
    // are still findings.
    const bool layered = line.find(": discard \"") == std::string::npos;
    if (line.rfind(dicts + "/current/", 0) != 0 || !layered) continue;
    EXPECT_EQ(line.find(dicts + "/default/"), std::string::npos) << line;
  }
  EXPECT_GT(lines, 300u);  // the import's own findings are still there
}

TEST(DictLint, Petrarch2DictionariesHaveTheKnownFindings) {
  const std::string dir = DYAD_SOURCE_DIR "/../shared/data/dictionaries/petrarch2";
  if (!std::filesystem::exists(dir)) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL() << "CI=true but the shared data is missing: " << dir;
    GTEST_SKIP() << "no shared data at " << dir;
  }
  const CommandRun r = run("dict lint " + dir);
  EXPECT_EQ(r.code, 1);
  // Findings the public dictionaries are known to have (they are not fixed by hand).
  for (const char* known : {
           "CAMEO.2.0.txt:867: duplicate: pattern * STRIKE in class ARRANGE repeats line 858 with code [140], not [143]",
           "CAMEO.2.0.txt:3870: unreachable: pattern * {MEETING} in class START never fires",
           "CAMEO.2.0.txt:2059: bad-code: pattern * (INTO COMPUTER): event code \"176\"",
           "CAMEO.2.0.txt:8443: undefined-synset: pattern * (IN &WEATHER) uses &WEATHER",
           "Phoenix.Countries.actors.txt:14187: bad-date-range: actor KAMAL_GANZOURI_",
           "Phoenix.International.actors.txt:1842: bad-code: actor ASSOCIATION_FOR_SUSTAINABLE_HUMAN_DEVELOPMENT_",
       }) {
    EXPECT_NE(r.out.find(known), std::string::npos) << known;
  }
}

}  // namespace
}  // namespace dyad
