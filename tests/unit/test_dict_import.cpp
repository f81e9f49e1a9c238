// `dyad dict import`: a small PETRARCH-format dictionary set written here goes through the
// command, and the folder it writes loads into the same lexicon as the source; the output
// is deterministic; bad input exits 2.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

#include "dyad/lexicon.h"
#include "unit/test_lexicon_compare.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

int run(const std::string& args) {
  const int status = std::system((std::string(DYAD_BINARY) + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

class DictImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad-test-import-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "src");
    put("src/Test.verbs.txt", R"(# verbs
&FLEET
+FRIGATE
+PATROL_BOAT

####### VERB PATTERNS #######

---  SAIL   [---]  ---
SAIL {SAILS SAILED SAILING}
STEAM
- * (TO) +                     [042:043]   # a port call
- * &FLEET (TO)                [150]

---  SEIZE   [171]  ---
SEIZE
IMPOUND
- * TANKER                     [1711]
)");
    put("src/Test.Ports.actors.txt", R"(CARTAGENA_  [COL]
+PUERTO_DE_CARTAGENA_
ANA_MARIA_RUIZ_
	[COLGOV 20180807-20220807]
	[COLELI]
)");
    put("src/Test.Fleets.actors.txt", "NORTHERN_SQUADRON_  [RUSNAV]\n");
    put("src/Test.agents.txt", "!CREW! = SAILOR, SAILORS\nHARBOUR_MASTER [~GOV]\nMERCHANT_!CREW! [~BUS]\n");
    put("src/Test.discards.txt", "REGATTA\n+ROWING_CLUB\n");
    put("src/LICENSE", "Our own test licence.\nCopyright (c) 2026 the dyad tests\n");
    put("src/PETR_config.ini",
        "[Dictionaries]\nverbfile_name = Test.verbs.txt\n"
        "actorfile_list = Test.Ports.actors.txt, Test.Fleets.actors.txt\n"
        "agentfile_name = Test.agents.txt\ndiscardfile_name = Test.discards.txt\n"
        "#[Dictionaries]\n#verbfile_name = Other.txt\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void put(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }

  LexiconFiles source_files() const {
    const std::string s = (dir_ / "src").string() + "/";
    LexiconFiles f;
    f.verbs = {s + "Test.verbs.txt"};
    f.actors = {s + "Test.Ports.actors.txt", s + "Test.Fleets.actors.txt"};
    f.agents = {s + "Test.agents.txt"};
    f.discards = {s + "Test.discards.txt"};
    return f;
  }
  fs::path dir_;
};

TEST_F(DictImport, WritesAFolderThatLoadsIntoTheSameLexicon) {
  const fs::path out = dir_ / "out";
  ASSERT_EQ(run("dict import --from petrarch2 " + (dir_ / "src").string() + " --out " + out.string()), 0);
  // The actor files are named after their sources; "test-ports" would sort after
  // "test-fleets" though it loads first, so they are numbered.
  for (const char* f : {"verbs.dyad", "actors-01-test-ports.dyad", "actors-02-test-fleets.dyad", "agents.dyad",
                        "discards.dyad"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  EXPECT_EQ(slurp(out / "LICENSE"), slurp(dir_ / "src" / "LICENSE"));
  EXPECT_NE(slurp(out / "verbs.dyad").find("Copyright (c) 2026 the dyad tests"), std::string::npos);

  auto source = load_petrarch_lexicon(source_files(), LoadOptions{.strict = true});
  ASSERT_TRUE(source) << source.error().to_string();
  auto converted = load_lexicon_dir(out.string(), LoadOptions{.strict = true});
  ASSERT_TRUE(converted) << converted.error().to_string();
  EXPECT_EQ(testing::compare_lexicons(**source, **converted), "");
  EXPECT_EQ((*converted)->actors.size(), 3u);
  EXPECT_EQ((*converted)->agents.size(), 2u);
  EXPECT_EQ((*converted)->verb_classes.size(), 2u);
  EXPECT_EQ((*converted)->discards.size(), 2u);
}

TEST_F(DictImport, OutputIsDeterministicAndStaleFilesGo) {
  const fs::path a = dir_ / "a", b = dir_ / "b";
  fs::create_directories(b);
  put("b/stale.dyad", "actor STALE [XXX]\n");
  ASSERT_EQ(run("dict import --from petrarch2 " + (dir_ / "src").string() + " --out " + a.string()), 0);
  ASSERT_EQ(run("dict import --from petrarch2 " + (dir_ / "src").string() + " --out " + b.string()), 0);
  EXPECT_FALSE(fs::exists(b / "stale.dyad"));
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(a)) {
    EXPECT_EQ(slurp(e.path()), slurp(b / e.path().filename())) << e.path();
    ++files;
  }
  EXPECT_EQ(files, 6u);  // five .dyad files and the LICENSE
}

TEST_F(DictImport, ExactAndStemNamesAreWrittenClearly) {
  const fs::path out = dir_ / "out";
  ASSERT_EQ(run("dict import --from petrarch2 " + (dir_ / "src").string() + " --out " + out.string()), 0);
  std::string actors;
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.path().filename().string().rfind("actors-", 0) == 0) actors += slurp(e.path());
  }
  EXPECT_NE(actors.find("actor CARTAGENA  [COL]\n  PUERTO DE CARTAGENA\n"), std::string::npos) << actors;
  EXPECT_NE(actors.find("actor ANA MARIA RUIZ\n  [COLGOV 2018-08-07..2022-08-07]\n  [COLELI]\n"), std::string::npos)
      << actors;
  const std::string verbs = slurp(out / "verbs.dyad");
  EXPECT_NE(verbs.find("class SAIL [---]\n  verb SAIL forms: SAILS SAILED SAILING\n  verb STEAM\n"), std::string::npos)
      << verbs;
  EXPECT_NE(verbs.find("  pattern * (TO) +  [042:043]\n"), std::string::npos) << verbs;
  const std::string agents = slurp(out / "agents.dyad");
  EXPECT_NE(agents.find("agent MERCHANT SAILOR  [~BUS]\n  id: MERCHANT_!CREW!\n  MERCHANT SAILORS\n"), std::string::npos)
      << agents;
  EXPECT_NE(slurp(out / "discards.dyad").find("discard-story ROWING CLUB\n"), std::string::npos);
}

TEST_F(DictImport, BadInputExitsTwo) {
  EXPECT_EQ(run("dict import --from petrarch2 " + (dir_ / "absent").string() + " --out " + (dir_ / "o").string()), 2);
  put("src/PETR_config.ini", "[Options]\nnothing = here\n");
  EXPECT_EQ(run("dict import --from petrarch2 " + (dir_ / "src").string() + " --out " + (dir_ / "o").string()), 2);
  EXPECT_EQ(run("dict import --from nonsense x --out y"), 2);
  EXPECT_EQ(run("dict"), 2);
}

}  // namespace
}  // namespace dyad
