// TABARI's dictionaries and validation suite: small files written here for each rule of
// the format, then the real files in ../shared (GPL: read at test time, never copied).
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include "dyad/lexicon.h"
#include "dyad/validation.h"
#include "unit/test_lexicon_compare.h"

namespace dyad {
namespace {

const std::string kTabari = DYAD_SOURCE_DIR "/../shared/data/validation/tabari";

#define REQUIRE_TABARI()                                                                     \
  do {                                                                                       \
    if (!std::filesystem::exists(kTabari)) {                                                 \
      const char* ci = std::getenv("CI");                                                    \
      if (ci && std::string(ci) == "true") FAIL() << "CI=true but " << kTabari << " is missing"; \
      GTEST_SKIP() << "no TABARI files at " << kTabari;                                      \
    }                                                                                        \
  } while (0)

class TabariFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("dyad-test-tabari-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const auto p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  std::filesystem::path dir_;
};

TEST_F(TabariFiles, ActorsWithStemsSynonymsDatedAndCompoundCodes) {
  const std::string path = write("t.actors", R"(<NOUN>
SHEEP
</NOUN>
RIVENDELL  [RIV]
LAKE_TOWN_  [LKT] ; a comment
BARD
+BOWMAN_
	[LKTGOV > 20300101]
	[LKT]
#IGNORED  [XXX]
BREE_AND_SHIRE  [BRE/SHI]
OLD_KING  [KNG 400101-451231] [---]
~~FINISH
AFTER_THE_END  [ZZZ]
)");
  Lexicon lex;
  ASSERT_TRUE(read_tabari_actor_file(path, lex, LoadOptions{.strict = true}));
  ASSERT_EQ(lex.actors.size(), 5u);
  EXPECT_EQ(lex.actors[0].id, "RIVENDELL");
  EXPECT_EQ(lex.actors[1].id, "LAKE_TOWN_");
  EXPECT_EQ(lex.actors[2].id, "BARD");
  ASSERT_EQ(lex.actors[2].codes.size(), 2u);
  EXPECT_EQ(lex.actors[2].codes[0].code, "LKTGOV");
  EXPECT_EQ(lex.actors[2].codes[0].from, parse_date("2030-01-01")->days());
  EXPECT_EQ(lex.actors[3].codes.front().code, "BRE/SHI");
  EXPECT_EQ(lex.actors[4].codes.front().to, parse_date("1945-12-31")->days());
  std::map<std::string, bool> first_word_stem;  // first word of each name -> is a stem
  for (const PhraseRef* r : lex.actor_phrases.all()) first_word_stem[r->phrase.front().text] = r->phrase.front().stem;
  EXPECT_EQ(first_word_stem.size(), 6u);
  EXPECT_TRUE(first_word_stem.at("RIVENDELL"));  // no "_": a stem, any word it begins
  EXPECT_FALSE(first_word_stem.at("LAKE"));      // "LAKE_": exact
  EXPECT_FALSE(first_word_stem.at("BOWMAN"));
  EXPECT_EQ(first_word_stem.count("AFTER"), 0u);  // after ~~FINISH
}

TEST_F(TabariFiles, VerbsBlocksFormsAlternativesAndSynsets) {
  const std::string path = write("t.verbs", R"(<SYNSETS>
&BEAST
+WARG
+GREAT_EAGLE
&HOST
+&BEAST
</SYNSETS>
<TIME>
TOMORROW [+1]
</TIME>
RIDE  [042] ;a comment
{ RODE_ RIDDEN_ }
- * TO_ +  [042:043]
- $ * { WITH | ALONGSIDE } &BEAST  [062]
BURN= [---]
- * DOWN_ +  [1712]
SUMMON UP_ [020]
)");
  Lexicon lex;
  ASSERT_TRUE(read_tabari_verb_file(path, lex, LoadOptions{.strict = true}));
  ASSERT_EQ(lex.verb_classes.size(), 3u);
  ASSERT_EQ(lex.verbs.size(), 3u);
  EXPECT_EQ(lex.verb_classes[0].code, "042");
  EXPECT_TRUE(lex.verbs[0].stem);
  EXPECT_EQ(lex.verbs[0].forms, (std::vector<std::string>{"RODE", "RIDDEN"}));
  EXPECT_EQ(lex.verbs_by_word.at("RODE"), std::vector<std::size_t>{0});
  ASSERT_EQ(lex.verb_classes[0].patterns.size(), 3u);  // one, then two alternatives
  const VerbPattern& to = lex.verb_classes[0].patterns[0];
  EXPECT_EQ(to.paired, "043");
  ASSERT_EQ(to.after.size(), 2u);
  EXPECT_FALSE(to.after[0].word.stem);
  EXPECT_EQ(to.after[1].kind, PatternItem::Kind::kTarget);
  EXPECT_EQ(lex.verb_classes[0].patterns[1].after[0].word.text, "WITH");
  EXPECT_EQ(lex.verb_classes[0].patterns[2].after[0].word.text, "ALONGSIDE");
  EXPECT_EQ(lex.verb_classes[0].patterns[2].after[1].synset, "BEAST");
  EXPECT_FALSE(lex.verbs[1].stem);  // "BURN=": exact
  EXPECT_EQ(lex.verbs[2].words, (std::vector<std::string>{"SUMMON", "UP"}));
  EXPECT_EQ(lex.synsets.at("HOST").size(), 1u);
  EXPECT_EQ(lex.expand_synset("HOST").size(), 2u);
}

TEST_F(TabariFiles, BrokenLinesAreIssuesWithFileAndLine) {
  struct Case {
    const char* text;
    int line;
    const char* says;
  };
  const Case cases[] = {
      {"- * TO  [042]\n", 1, "before any verb"},
      {"RIDE [042]\n- * { TO | AT ]  [042]\n", 2, "unclosed \"{\""},
      {"RIDE [042]\n- * TO * AT [042]\n", 2, "two \"*\""},
      {"RIDE [042]\n- TO  [042]\n", 2, "verb's place"},
      {"RIDE [042]\n- * \xFF\xFE  [042]\n", 2, "malformed UTF-8"},
      {"RIDE [042\n", 1, "unclosed"},
  };
  for (const auto& c : cases) {
    Lexicon lex;
    const std::string path = write("b.verbs", c.text);
    ASSERT_TRUE(read_tabari_verb_file(path, lex, {})) << c.text;  // lenient: reported, not fatal
    ASSERT_FALSE(lex.issues.empty()) << c.text;
    EXPECT_EQ(lex.issues.front().where, path + ":" + std::to_string(c.line)) << c.text;
    EXPECT_NE(lex.issues.front().message.find(c.says), std::string::npos) << lex.issues.front().message;
    Lexicon strict;
    EXPECT_FALSE(read_tabari_verb_file(path, strict, LoadOptions{.strict = true})) << c.text;
  }
  Lexicon lex;
  const std::string actors = write("b.actors", "GONDOR [ 950101-990101]\n  [GON]\n");
  (void)read_tabari_actor_file(actors, lex, {});
  ASSERT_FALSE(lex.issues.empty());
  EXPECT_NE(lex.issues.front().message.find("actor code missing"), std::string::npos);
}

TEST_F(TabariFiles, AgentsOptionsAndProject) {
  write("t.agents", "POLICE_   [  ~COP] ;JON 2/8/95\nRELIEF_AGENCY_ {RELIEF_AGENCIES_} [NGO~]\n");
  write("t.options", "// a comment\nCOMPLEX: VERBS[5] CONJ[4]\nSET: CODE BY SENTENCE\nLABEL: 01=YIELD\n~~~~\nCOMPLEX: NEVER\n");
  write("t.actors", "ROHAN [ROH]\n");
  write("t.verbs", "RIDE [042]\n");
  const std::string project = write("t.project", "A test project\n<actorsfile> t.actors\n<verbsfile>\tt.verbs\n"
                                                 "<agentsfile> t.agents\n<optionsfile> t.options\n<textfile> t.text\n"
                                                 "<session 1> <coder x>\n");
  auto p = read_tabari_project(project);
  ASSERT_TRUE(p) << p.error().to_string();
  EXPECT_EQ(p->title, "A test project");
  EXPECT_EQ(p->agents, std::vector<std::string>{(dir_ / "t.agents").string()});
  EXPECT_EQ(p->text, (dir_ / "t.text").string());
  auto lex = load_tabari_project(project, LoadOptions{.strict = true});
  ASSERT_TRUE(lex) << lex.error().to_string();
  ASSERT_EQ((*lex)->agents.size(), 2u);
  EXPECT_EQ((*lex)->agents[0].code, "COP");
  EXPECT_FALSE((*lex)->agents[0].before);
  EXPECT_TRUE((*lex)->agents[1].before);
  EXPECT_EQ((*lex)->agent_phrases.size(), 3u);
  EXPECT_EQ((*lex)->actors.size(), 1u);
  auto options = read_tabari_options(p->options);
  ASSERT_TRUE(options);
  ASSERT_EQ(options->size(), 3u);  // nothing after "~~"
  EXPECT_EQ((*options)[0].command, "COMPLEX");
  EXPECT_EQ((*options)[0].value, "VERBS[5] CONJ[4]");
  EXPECT_EQ((*options)[1].command, "SET");
  EXPECT_FALSE(read_tabari_project(write("empty.project", "nothing here\n")));
}

// TABARI reads a short stem as the prefix of any word ("PLA" begins PLAN, where dyad's
// "PLA*" is an acronym). Written in dyad's format ("PLA**") and read back, names and
// pattern words keep that reading, and `dyad dict import --from tabari` keeps it too.
TEST_F(TabariFiles, ShortStemsKeepThePrefixReadingThroughDyadFormat) {
  write("t.actors", "PLA  [CHNMIL]\nARGENTIN  [ARG]\nUN_  [IGOUNO]\n");
  write("t.verbs", "RIDE  [042]\n- * TO_ GON +  [043]\n");
  Lexicon a;
  ASSERT_TRUE(read_tabari_actor_file((dir_ / "t.actors").string(), a, LoadOptions{.strict = true}));
  ASSERT_TRUE(read_tabari_verb_file((dir_ / "t.verbs").string(), a, LoadOptions{.strict = true}));
  const std::string text = write_dyad_dictionary(a);
  EXPECT_NE(text.find("actor PLA**  [CHNMIL]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("actor ARGENTIN*  [ARG]\n"), std::string::npos) << text;  // a long stem needs no mark
  EXPECT_NE(text.find("  pattern * TO GON** +  [043]\n"), std::string::npos) << text;
  Lexicon b;
  const Status read = parse_dyad_dictionary(text, "t.dyad", b, LoadOptions{.strict = true});
  ASSERT_TRUE(read) << read.error().to_string() << "\n" << text;
  EXPECT_EQ(testing::compare_lexicons(a, b), "") << text;
  EXPECT_EQ(write_dyad_dictionary(b), text);

  // The same words match, name by name and in the pattern.
  auto first_words = [](const Lexicon& lex) {
    std::map<std::string, LexWord> out;
    for (const PhraseRef* r : lex.actor_phrases.all()) out[lex.actors[r->entry].codes.front().code] = r->phrase.front();
    out["pattern"] = lex.verb_classes.at(0).patterns.at(0).after.at(1).word;
    return out;
  };
  const auto x = first_words(a), y = first_words(b);
  ASSERT_EQ(x.size(), 4u);
  ASSERT_EQ(y.size(), 4u);
  EXPECT_TRUE(y.at("CHNMIL").any_prefix);
  EXPECT_TRUE(y.at("pattern").any_prefix);
  for (const char* word : {"PLA", "PLAS", "PLAN", "PLANT", "ARGENTINA", "UN", "UNS", "UNITED", "GON", "GONE", "GONDOR"}) {
    for (const auto& [code, w] : x) EXPECT_EQ(word_matches(w, word), word_matches(y.at(code), word)) << code << " " << word;
  }
  EXPECT_TRUE(word_matches(y.at("CHNMIL"), "PLAN"));
  EXPECT_TRUE(word_matches(y.at("pattern"), "GONDOR"));

  // Through the command: the imported folder names the PLA entry for "PLAN".
  const std::filesystem::path out = dir_ / "out";
  const std::string cmd = std::string(DYAD_BINARY) + " dict import --from tabari " + dir_.string() + " --out " +
                          out.string() + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  auto imported = load_lexicon_dir(out.string(), LoadOptions{.strict = true});
  ASSERT_TRUE(imported) << imported.error().to_string();
  EXPECT_EQ(testing::compare_lexicons(a, **imported), "");
  std::vector<const PhraseRef*> cands;
  (*imported)->actor_phrases.candidates("PLAN", cands);
  std::vector<std::string> codes;
  for (const PhraseRef* r : cands) {
    if (r->phrase.size() == 1 && word_matches(r->phrase[0], "PLAN")) codes.push_back((*imported)->actors[r->entry].codes.front().code);
  }
  EXPECT_EQ(codes, std::vector<std::string>{"CHNMIL"});
}

TEST_F(TabariFiles, ValidationTextRecords) {
  write("v.actors", "ROHAN [ROH]\n");
  write("v.verbs", "RIDE [042]\n");
  write("v.options", "COMPLEX: VERBS[3] CONJ[4]\n");
  write("v.project", "V\n<actorsfile> v.actors\n<verbsfile> v.verbs\n<optionsfile> v.options\n<textfile> v.text\n");
  const std::string text = write("v.text", R"(
#####
# a suite of our own
#####

950103  RIDE-01
Rohan rode to Gondor on Tuesday
and Gondor received them.
/*\n----
\n{ ROH / GON / 042 } 950103
\n{ GON / ROH / 043 }
\n-{ ROH / GON / 999 } */

950104  RIDE-02
Nobody rode anywhere./*
\n{---} */

950105  OPT-01
A record that changes the options.
/*\n{ OPTION: COMPLEX: VERBS[7] CONJ[4] }
\n{ OPTION: SET: TIME SHIFT = FALSE } */

20150607 DATE-01
A record with an eight-digit date.
/*\n{ ROH / GON / 042 }   /*

950106  NOSPACE
A record whose comment above was left open.
/*\n{+++} */

990101  FINAL-01
The end of the evaluated records.

950107  DEBUG-01
Read but not evaluated.
/*\n{ ROH / GON / 042 } */
)");
  auto suite = read_suite(text);
  ASSERT_TRUE(suite) << suite.error().to_string();
  EXPECT_EQ(suite->format, "tabari");
  EXPECT_EQ(suite->tabari_project, (dir_ / "v.project").string());
  EXPECT_EQ(suite->dictionaries.actors, std::vector<std::string>{(dir_ / "v.actors").string()});
  ASSERT_EQ(suite->records.size(), 7u);
  const SuiteRecord& r = suite->records[0];
  EXPECT_EQ(r.id, "RIDE-01");
  EXPECT_EQ(r.category, "RIDE");
  EXPECT_EQ(r.date.to_string(), "1995-01-03");
  EXPECT_EQ(r.text, "Rohan rode to Gondor on Tuesday and Gondor received them.");
  EXPECT_EQ(r.where, text + ":6");
  EXPECT_EQ(r.expected, (std::vector<ExpectedEvent>{{"ROH", "GON", "042"}, {"GON", "ROH", "043"}}));
  EXPECT_EQ(r.options.at("max_verbs"), "3");  // from the project's options
  EXPECT_TRUE(r.evaluate);
  EXPECT_TRUE(suite->records[1].expected.empty());
  EXPECT_EQ(suite->records[1].text, "Nobody rode anywhere.");
  EXPECT_EQ(suite->records[2].options.at("max_verbs"), "7");
  EXPECT_EQ(suite->records[2].options.at("tabari.set.time shift"), "FALSE");
  EXPECT_EQ(suite->records[3].date.to_string(), "2015-06-07");
  EXPECT_EQ(suite->records[3].expected.size(), 1u);
  EXPECT_EQ(suite->records[4].id, "NOSPACE");  // not swallowed by the open comment
  EXPECT_TRUE(suite->records[4].evaluate);
  EXPECT_FALSE(suite->records[5].evaluate);
  EXPECT_FALSE(suite->records[6].evaluate);
  EXPECT_FALSE(suite->records[6].parse.has_value());
}

TEST(TabariShared, ValidateProjectLoads) {
  REQUIRE_TABARI();
  auto lex = load_tabari_project(kTabari + "/Validate.project");
  ASSERT_TRUE(lex) << lex.error().to_string();
  EXPECT_TRUE((*lex)->issues.empty()) << (*lex)->issues.front().where << ": " << (*lex)->issues.front().message;
  EXPECT_GT((*lex)->actors.size(), 100u);
  EXPECT_GT((*lex)->agents.size(), 80u);
  EXPECT_GT((*lex)->verb_classes.size(), 250u);
  const auto& gollum = std::find_if((*lex)->actors.begin(), (*lex)->actors.end(),
                                    [](const ActorEntry& e) { return e.id == "GOLLUM"; });
  ASSERT_NE(gollum, (*lex)->actors.end());
  ASSERT_EQ(gollum->codes.size(), 3u);
  EXPECT_EQ(gollum->code_on(Date{1994, 1, 1}), "HOB");
  EXPECT_EQ(gollum->code_on(Date{1996, 1, 1}), "HOBGOV");
  EXPECT_EQ(gollum->code_on(Date{2001, 1, 1}), "HOBREB");
}

TEST(TabariShared, MalformedUtf8LinesAreIssuesNotCrashes) {
  REQUIRE_TABARI();
  Lexicon verbs;
  ASSERT_TRUE(read_tabari_verb_file(kTabari + "/CAMEO.091003.master.verbs", verbs, {}));
  EXPECT_GT(verbs.verb_classes.size(), 1000u);
  std::size_t utf8 = 0;
  for (const auto& i : verbs.issues) utf8 += i.message.find("malformed UTF-8") != std::string::npos;
  EXPECT_GE(utf8, 1u);
  Lexicon discards;
  ASSERT_TRUE(read_tabari_discard_file(kTabari + "/discards.txt", discards, {}));
  std::size_t bad = 0;
  for (const auto& i : discards.issues) {
    bad += i.message.find("malformed UTF-8") != std::string::npos;
    EXPECT_EQ(i.where.rfind(kTabari + "/discards.txt:", 0), 0u) << i.where;
  }
  EXPECT_GE(bad, 1u);
  Lexicon strict;
  EXPECT_FALSE(read_tabari_discard_file(kTabari + "/discards.txt", strict, LoadOptions{.strict = true}));
}

TEST(TabariShared, ValidateTextSuite) {
  REQUIRE_TABARI();
  auto suite = read_suite(kTabari + "/Validate.text");
  ASSERT_TRUE(suite) << suite.error().to_string();
  EXPECT_EQ(suite->format, "tabari");
  EXPECT_EQ(suite->records.size(), 481u);  // every "YYMMDD  ID" header in the file
  std::size_t evaluated = 0;
  for (const auto& r : suite->records) evaluated += r.evaluate;
  EXPECT_EQ(evaluated, 472u);  // the records before FINAL-01: the 472 TABARI passes
  auto find = [&](const std::string& id) {
    return std::find_if(suite->records.begin(), suite->records.end(), [&](const SuiteRecord& r) { return r.id == id; });
  };
  auto demo4 = find("DEMO-04");
  ASSERT_NE(demo4, suite->records.end());
  EXPECT_EQ(demo4->expected, (std::vector<ExpectedEvent>{{"DAG", "GON", "032"}, {"GON", "DAG", "033"}}));
  EXPECT_EQ(demo4->date.to_string(), "1995-01-03");
  auto demo5 = find("DEMO-05");  // its only expectation is switched off: "-{...}"
  ASSERT_NE(demo5, suite->records.end());
  EXPECT_TRUE(demo5->expected.empty());
  EXPECT_EQ(suite->records.front().options.at("max_verbs"), "5");  // Validate.options: COMPLEX
  auto agents11 = find("AGENTS-11");  // its header carries the date twice
  EXPECT_NE(agents11, suite->records.end());
}

}  // namespace
}  // namespace dyad
