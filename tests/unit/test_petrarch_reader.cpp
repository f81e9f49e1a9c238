// PETRARCH-family dictionary files: what each line means, and how broken lines are told.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dyad/lexicon.h"

namespace dyad {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("dyad_lex_" + name);
  std::ofstream(p) << text;
  return p.string();
}

TEST(PetrarchReader, ActorsWithSynonymsAndDateRanges) {
  const std::string path = write_temp("actors.txt",
                                      "# comment\n"
                                      "VALDORIA_ [VLD]\n"
                                      "+VALDORIAN_\n"
                                      "MARA_QUELL_\n"
                                      "+PRESIDENT_QUELL_\n"
                                      "\t[VLDELI 19900101-20091231]\n"
                                      "\t[VLDGOV 100101-201231]\n"
                                      "\t[VLDELI]\n"
                                      "BROKEN_ [VLDGOV 2009-2010]\n"
                                      "OSTRAN [OST]\n");
  Lexicon lex;
  ASSERT_TRUE(read_actor_file(path, lex, {}).ok());
  ASSERT_EQ(lex.actors.size(), 3u) << "the broken entry is skipped, not kept without a code";
  const ActorEntry& quell = lex.actors[1];
  EXPECT_EQ(quell.code_on(Date{2005, 6, 1}), "VLDELI");
  EXPECT_EQ(quell.code_on(Date{2015, 6, 1}), "VLDGOV");
  EXPECT_EQ(quell.code_on(Date{2024, 6, 1}), "VLDELI") << "undated code outside the ranges";
  ASSERT_EQ(lex.issues.size(), 1u);
  EXPECT_EQ(lex.issues[0].where, path + ":9");
  EXPECT_NE(lex.issues[0].message.find("date"), std::string::npos);

  std::vector<const PhraseRef*> cands;
  lex.actor_phrases.candidates("OSTRANIAN", cands);  // a lone word is a stem
  ASSERT_EQ(cands.size(), 1u);
  EXPECT_EQ(lex.actors[cands[0]->entry].id, "OSTRAN");
}

TEST(PetrarchReader, StrictModeStopsAtTheFirstBrokenLine) {
  const std::string path = write_temp("strict.txt", "A_ [AAA]\nB_ [BBB 20201301-20211231]\nC_ [CCC]\n");
  Lexicon lex;
  LoadOptions strict;
  strict.strict = true;
  const Status s = read_actor_file(path, lex, strict);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().where, path + ":2");
}

TEST(PetrarchReader, AgentsComposeBeforeOrAfterAndExpandMacros) {
  const std::string path = write_temp("agents.txt",
                                      "!PERSON! = MAN, WOMAN\n"
                                      "NAVY [~MIL]\n"
                                      "RELIEF_GROUP {} [NGO~]\n"
                                      "POLICE!PERSON! [~COP]\n"
                                      "NO_CODE_HERE\n");
  Lexicon lex;
  ASSERT_TRUE(read_agent_file(path, lex, {}).ok());
  ASSERT_EQ(lex.agents.size(), 3u);
  EXPECT_EQ(lex.agents[0].code, "MIL");
  EXPECT_FALSE(lex.agents[0].before);
  EXPECT_TRUE(lex.agents[1].before);
  std::vector<const PhraseRef*> cands;
  lex.agent_phrases.candidates("POLICEWOMAN", cands);
  EXPECT_EQ(cands.size(), 1u) << "!PERSON! expands to each alternative";
  ASSERT_EQ(lex.issues.size(), 1u);
  EXPECT_EQ(lex.issues[0].where, path + ":5");
}

TEST(PetrarchReader, VerbClassesPatternsAndSynsets) {
  const std::string path = write_temp("verbs.txt",
                                      "&PORT\n+HARBOR\n+HARBOUR\n+DOCKS\n\n"
                                      "--- STRIKE_CLASS [190] ---\n"
                                      "BOMB\n"
                                      "STRIKE {STRIKES STRUCK STRIKING}\n"
                                      "+BLOW_UP {+BLEW_UP}\n"
                                      "- * (FROM AIR) [195]\n"
                                      "- * &PORT + [195]  # strikes on ports\n"
                                      "- * {PEACE DEAL} [057]\n"
                                      "- * NO_CODE\n"
                                      "--- VISIT [042:043] ---\n"
                                      "VISIT\n");
  Lexicon lex;
  ASSERT_TRUE(read_verb_file(path, lex, {}).ok());
  ASSERT_EQ(lex.verb_classes.size(), 2u);
  EXPECT_EQ(lex.verb_classes[0].code, "190");
  EXPECT_EQ(lex.verb_classes[1].code, "042");
  EXPECT_EQ(lex.verb_classes[1].paired, "043");
  ASSERT_EQ(lex.verb_classes[0].patterns.size(), 3u);
  EXPECT_EQ(lex.verb_classes[0].patterns[1].specificity, 1);
  EXPECT_EQ(lex.synsets.at("PORT").size(), 3u);
  ASSERT_TRUE(lex.verbs_by_word.count("STRUCK"));
  ASSERT_TRUE(lex.verbs_by_word.count("BLOW"));
  const VerbEntry& blow = lex.verbs[lex.verbs_by_word.at("BLOW").front()];
  EXPECT_EQ(blow.words, (std::vector<std::string>{"BLOW", "UP"}));
  ASSERT_EQ(lex.issues.size(), 1u);
  EXPECT_EQ(lex.issues[0].where, path + ":13");
}

TEST(PetrarchReader, DictionaryDates) {
  EXPECT_EQ(parse_dictionary_date("990202")->to_string(), "1999-02-02");
  EXPECT_EQ(parse_dictionary_date("020412")->to_string(), "2002-04-12");
  EXPECT_EQ(parse_dictionary_date("20130305")->to_string(), "2013-03-05");
  EXPECT_FALSE(parse_dictionary_date("2004017"));
  EXPECT_FALSE(parse_dictionary_date("99x202"));
}

TEST(PetrarchReader, MissingFileIsAnError) {
  Lexicon lex;
  const Status s = read_verb_file("/nonexistent/verbs.txt", lex, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dyad
