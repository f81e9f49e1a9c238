// The coder on hand-parsed sentences with a small made-up dictionary: each case pins one
// rule (compounds, passives, negation, threats, attribution, agents, dates, names).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "dyad/coder.h"
#include "dyad/conllu.h"

#include "test_coder_data.h"

namespace dyad {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  return testing::write_temp("dyad_coder_", name, text);
}

std::shared_ptr<const Lexicon> test_lexicon() {
  static const auto lex = [] {
    LexiconFiles f;
    f.actors = {write_temp("actors.txt",
                           "VALDORIA_ [VLD]\n+VALDORIAN_\n"
                           "OSTRA_ [OST]\n+OSTRAN_\n"
                           "MERIN_ [MRN]\n"
                           "RED_BAND_ [VLDREB]\n"
                           "MARA_QUELL_\n\t[VLDELI 19900101-20091231]\n\t[VLDGOV 20100101-20301231]\n")};
    f.agents = {write_temp("agents.txt",
                           "TROOP [~MIL]\nOFFICIAL [~GOV]\nPOLICE [~COP]\nSTUDENT [~EDU]\nOPPOSITION [~OPP]\n"
                           "PROTESTER [~CVL]\nPEOPLE [~CVL]\nMAYOR [~GOV]\nGUNMAN [~UAF]\nREBEL [~REB]\n"
                           "WOMEN [~CVL]\nRIGHTS ACTIVIST [~HRI]\nFIGHTER [~UAF]\n")};
    f.verbs = {write_temp("verbs.txt",
                          "--- SHELL [194] ---\nSHELL\n"
                          "--- CONDEMN [111] ---\nCONDEMN\nCRITICIZE\n"
                          "--- ATTACK [190] ---\nATTACK\n"
                          "--- THREATEN [130] ---\nTHREATEN\n- * ATTACK [138]\n"
                          "--- SAY [010] ---\nSAY\n"
                          "--- VISIT [042:043] ---\nVISIT\n"
                          "--- MEET [040] ---\nMEET {MET}\n"
                          "--- SIGN [057] ---\nSIGN\n"
                          "--- ARREST [173] ---\nARREST\n"
                          "--- AGREE [030] ---\nAGREE\n"
                          "--- KILL [190] ---\nKILL\n"
                          "--- MARCH [141] ---\nMARCH\n"
                          "--- DEPLOY [152] ---\nDEPLOY\n"
                          "--- ASK [020] ---\nASK\n"
                          "--- ACCUSE [112] ---\nACCUSE\n"
                          "--- REFUSE [---] ---\nREFUSE\n"
                          "--- WITHDRAW [0874] ---\nWITHDRAW {WITHDREW}\n"
                          "--- IMPOSE_CURFEW [1723] ---\nIMPOSE\n"
                          "--- RECALL [161] ---\nRECALL\n"
                          "--- SEND [070] ---\nSEND {SENT}\n"
                          "--- INVESTIGATE [090] ---\nINVESTIGATE\n"
                          "--- PRESS [100] ---\nPRESS\n- * ON [190]\n")};
    auto loaded = load_petrarch_lexicon(f);
    EXPECT_TRUE(loaded.ok());
    EXPECT_TRUE((*loaded)->issues.empty());
    return *loaded;
  }();
  return lex;
}

Sentence parse(const std::string& conllu) {
  auto s = read_conllu(conllu);
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  return s->front();
}

using testing::events;

Document doc(const std::string& date, const std::string& text = "") {
  Document d;
  d.published = *parse_date(date);
  d.text = text;
  return d;
}

TEST(Coder, AgentComposesWithNationalityAndTargetSitsInTheObjectPhrase) {
  const Coder coder(test_lexicon());
  const auto c = coder.code(doc("2015-01-01"), parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                                                      "2\ttroops\ttroop\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                                                      "3\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                      "4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n"
                                                      "5\tport\tport\tNOUN\tNN\t_\t3\tobj\t_\t_\n"
                                                      "6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n"
                                                      "7\tOstra\tOstra\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
                                                      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLDMIL OST 194"}));
  ASSERT_EQ(c.mentions.size(), 1u);
  EXPECT_EQ(c.mentions[0].quad_class, 4);
  EXPECT_EQ(c.mentions[0].source.text, "Valdorian troops");
}

TEST(Coder, PassiveByAgentWithCompoundSource) {
  const Coder coder(test_lexicon());
  const auto c = coder.code(doc("2015-01-01"), parse("1\tOstra\tOstra\tPROPN\tNNP\t_\t3\tnsubj:pass\t_\t_\n"
                                                      "2\twas\tbe\tAUX\tVBD\t_\t3\taux:pass\t_\t_\n"
                                                      "3\tcondemned\tcondemn\tVERB\tVBN\t_\t0\troot\t_\t_\n"
                                                      "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
                                                      "5\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tobl\t_\t_\n"
                                                      "6\tand\tand\tCCONJ\tCC\t_\t7\tcc\t_\t_\n"
                                                      "7\tMerin\tMerin\tPROPN\tNNP\t_\t5\tconj\t_\t_\n"
                                                      "8\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 111", "MRN OST 111"}));
}

TEST(Coder, NegatedActIsNotCodedAndSaysWhy) {
  const auto sentence = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                              "2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_\n"
                              "3\tnot\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
                              "4\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_\n"
                              "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
                              "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n");
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), sentence);
  EXPECT_TRUE(c.mentions.empty());
  EXPECT_EQ(c.reason, NoEventReason::kNegated);
  CoderOptions keep;
  keep.keep_flagged = true;
  const auto flagged = Coder(test_lexicon(), keep).code(doc("2015-01-01"), sentence);
  ASSERT_EQ(flagged.mentions.size(), 1u);
  EXPECT_TRUE(flagged.mentions[0].context.negated) << "kept, but never as a plain act";
}

TEST(Coder, ThreatToAttackIsAThreatNotAnAttack) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                                      "2\tthreatened\tthreaten\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
                                                                      "4\tattack\tattack\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
                                                                      "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n"
                                                                      "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 138"}));
}

TEST(Coder, AttributionKeepsWhoClaimedItAndIsNotAnEvent) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tMerin\tMerin\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                                      "2\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
                                                                      "4\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\t_\n"
                                                                      "5\tofficials\tofficial\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
                                                                      "6\tsaid\tsay\tVERB\tVBD\t_\t2\tparataxis\t_\t_\n"
                                                                      "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"MRN OST 194"}));
}

TEST(Coder, CompoundSubjectWithoutTargetActsOnEachOther) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                                                                      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                                                                      "3\tMerin\tMerin\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                                                                      "4\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "5\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_\n"
                                                                      "6\tpact\tpact\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
                                                                      "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD MRN 057", "MRN VLD 057"}));
}

// A joint act's place is where the parties met, not a party: "Valdoria and Merin signed a
// pact in Ostra" is between Valdoria and Merin. A strike "in Ostra" still hits Ostra.
TEST(Coder, AJointActsPlaceIsNotItsTarget) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                                                                      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                                                                      "3\tMerin\tMerin\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                                                                      "4\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "5\ta\ta\tDET\tDT\t_\t6\tdet\t_\t_\n"
                                                                      "6\tpact\tpact\tNOUN\tNN\t_\t4\tobj\t_\t_\n"
                                                                      "7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n"
                                                                      "8\tOstra\tOstra\tPROPN\tNNP\t_\t6\tnmod\t_\t_\n"
                                                                      "9\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD MRN 057", "MRN VLD 057"}));
  const auto strike = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                                                                           "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                                                                           "3\tMerin\tMerin\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                                                                           "4\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                           "5\ttargets\ttarget\tNOUN\tNNS\t_\t4\tobj\t_\t_\n"
                                                                           "6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n"
                                                                           "7\tOstra\tOstra\tPROPN\tNNP\t_\t5\tnmod\t_\t_\n"
                                                                           "8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(strike), (std::vector<std::string>{"VLD OST 194", "MRN OST 194"}));
}

// A later dictionary layer's pattern wins over an earlier one of the same words: the
// corrections in data/dictionaries/current beat the imported dictionary.
TEST(Coder, ALaterLayersPatternWinsATie) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_coder_layers_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "base");
  std::filesystem::create_directories(dir / "fix");
  std::ofstream(dir / "base" / "d.dyad") << "actor VALDORIA [VLD]\nactor OSTRA [OST]\n"
                                            "class LIFT  [---]\n  verb LIFT\n  pattern * SANCTION  [0351]\n";
  std::ofstream(dir / "fix" / "d.dyad") << "extend LIFT\n  pattern * SANCTION  [085]\n";
  const auto sentence = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                              "2\tlifted\tlift\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                              "3\tsanctions\tsanction\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                              "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
                              "5\tOstra\tOstra\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n"
                              "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n");
  auto base = load_lexicon_dirs({(dir / "base").string()});
  auto layered = load_lexicon_dirs({(dir / "base").string(), (dir / "fix").string()});
  ASSERT_TRUE(base && layered);
  EXPECT_EQ(events(Coder(*base).code(doc("2015-01-01"), sentence)), (std::vector<std::string>{"VLD OST 0351"}));
  EXPECT_EQ(events(Coder(*layered).code(doc("2015-01-01"), sentence)), (std::vector<std::string>{"VLD OST 085"}));
  std::filesystem::remove_all(dir);
}

// So does a later layer's actor of the same words: current/ keeps a leader's later office.
TEST(Coder, ALaterLayersActorWinsATie) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_coder_actor_layers_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "base");
  std::filesystem::create_directories(dir / "fix");
  std::ofstream(dir / "base" / "d.dyad") << "actor ARIN TOLL [VLDGOVLAB]\nactor OSTRA [OST]\n"
                                            "class CONDEMN  [111]\n  verb CONDEMN\n";
  std::ofstream(dir / "fix" / "d.dyad") << "actor ARIN TOLL [IGOUNO]\n";
  const auto sentence = parse("1\tArin\tArin\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                              "2\tToll\tToll\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
                              "3\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                              "4\tOstra\tOstra\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  auto base = load_lexicon_dirs({(dir / "base").string()});
  auto layered = load_lexicon_dirs({(dir / "base").string(), (dir / "fix").string()});
  ASSERT_TRUE(base && layered);
  EXPECT_EQ(events(Coder(*base).code(doc("2015-01-01"), sentence)), (std::vector<std::string>{"VLDGOVLAB OST 111"}));
  EXPECT_EQ(events(Coder(*layered).code(doc("2015-01-01"), sentence)), (std::vector<std::string>{"IGOUNO OST 111"}));
  std::filesystem::remove_all(dir);
}

// "ready to meet" states a meeting to come: an intent to meet (036), not a meeting.
TEST(Coder, ReadinessToActIsAnIntent) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                                                                      "2\tis\tbe\tAUX\tVBZ\t_\t3\tcop\t_\t_\n"
                                                                      "3\tready\tready\tADJ\tJJ\t_\t0\troot\t_\t_\n"
                                                                      "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
                                                                      "5\tmeet\tmeet\tVERB\tVB\t_\t3\txcomp\t_\t_\n"
                                                                      "6\tOstra\tOstra\tPROPN\tNNP\t_\t5\tobj\t_\t_\n"
                                                                      "7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 036"}));
}

TEST(Coder, LeaderCodedByTheReportDate) {
  const auto s = parse("1\tMara\tMara\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                       "2\tQuell\tQuell\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
                       "3\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "4\tOstra\tOstra\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2005-06-01"), s)), (std::vector<std::string>{"VLDELI OST 111"}));
  EXPECT_EQ(events(coder.code(doc("2015-06-01"), s)), (std::vector<std::string>{"VLDGOV OST 111"}));
}

TEST(Coder, PairedCodesAndSurnameAfterAccentedFirstMention) {
  const std::vector<Sentence> sentences = {
      parse("1\tPresident\tpresident\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
            "2\tMara\tMara\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
            "3\tQu\xC3\xA9ll\tQu\xC3\xA9ll\tPROPN\tNNP\t_\t2\tflat\t_\t_\n"
            "4\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_\n"
            "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n"),
      parse("1\tQuell\tQuell\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
            "2\tthen\tthen\tADV\tRB\t_\t3\tadvmod\t_\t_\n"
            "3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
            "4\tOstran\tOstran\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
            "5\tofficials\tofficial\tNOUN\tNNS\t_\t3\tobj\t_\t_\n\n")};
  const auto c = Coder(test_lexicon()).code_document(doc("2015-06-01"), sentences);
  ASSERT_EQ(c.size(), 2u);
  // The visit as written; the host's act of the pair [042:043] only in reference semantics.
  EXPECT_EQ(events(c[0]), (std::vector<std::string>{"VLDGOV OST 042"}));
  EXPECT_EQ(events(c[1]), (std::vector<std::string>{"VLDGOV OSTGOV 040"}));
  // Coded alone, the second sentence does not know who "Quell" is.
  EXPECT_TRUE(Coder(test_lexicon()).code(doc("2015-06-01"), sentences[1]).mentions.empty());
  CoderOptions reference;
  reference.reference_semantics = true;
  EXPECT_EQ(events(Coder(test_lexicon(), reference).code_document(doc("2015-06-01"), sentences)[0]),
            (std::vector<std::string>{"VLDGOV OST 042", "OST VLDGOV 043"}));
}

TEST(Coder, JointSubjectActingInOneMembersPlaceActsOnEachOther) {
  // "Valdoria and Ostra signed in Ostra": the place is where, not whom.
  const auto s = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                       "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                       "3\tOstra\tOstra\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                       "4\tsigned\tsign\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobl\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), s)),
            (std::vector<std::string>{"VLD OST 057", "OST VLD 057"}));
}

TEST(Coder, AgentsWithoutCountryTakeTheCountryOfTheSentencesPlaces) {
  const auto s = parse("1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                       "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "3\tstudents\tstudent\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                       "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
                       "5\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), s)), (std::vector<std::string>{"OSTCOP OSTEDU 173"}));
}

// "Valdoria arrested the opposition": a domestic body named without a country is the
// source's own, unless the sentence names another country.
TEST(Coder, ADomesticTargetWithoutCountryIsTheSourcesOwn) {
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                       "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
                                                       "4\topposition\topposition\tNOUN\tNN\t_\t2\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD VLDOPP 173"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                       "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
                                                       "4\topposition\topposition\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
                                                       "5\tfrom\tfrom\tADP\tIN\t_\t6\tcase\t_\t_\n"
                                                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t4\tnmod\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OSTOPP 173"}));
}

// Protesters marching against their own country protest against its government.
TEST(Coder, AProtestAgainstTheProtestersOwnCountryIsAgainstItsGovernment) {
  const auto s = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                       "2\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                       "3\tmarched\tmarch\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "4\tagainst\tagainst\tADP\tIN\t_\t5\tcase\t_\t_\n"
                       "5\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tobl\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLDCVL VLDGOV 141"}));
}

// A killing is coded by its victims: hundreds killed is a mass killing (202), one official
// killed an assassination (186), a few people a plain attack (190).
TEST(Coder, AKillingIsCodedByItsVictims) {
  const auto killed = [](const std::string& object_rows) {
    return events(Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tGunmen\tgunman\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                                                                      "2\tkilled\tkill\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
                                                                      object_rows + "\n")));
  };
  EXPECT_EQ(killed("3\thundreds\thundred\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                   "4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_\n"
                   "5\tpeople\tpeople\tNOUN\tNNS\t_\t3\tnmod\t_\t_\n"),
            (std::vector<std::string>{"---UAF ---CVL 202"}));
  EXPECT_EQ(killed("3\t120\t120\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
                   "4\tpeople\tpeople\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"),
            (std::vector<std::string>{"---UAF ---CVL 202"}));
  EXPECT_EQ(killed("3\tfive\tfive\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
                   "4\tpeople\tpeople\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"),
            (std::vector<std::string>{"---UAF ---CVL 190"}));
  EXPECT_EQ(killed("3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
                   "4\tmayor\tmayor\tNOUN\tNN\t_\t2\tobj\t_\t_\n"),
            (std::vector<std::string>{"---UAF ---GOV 186"}));
}

// A show of force names the source's own troops as its object and the country it is aimed
// at elsewhere: that country is the target, and without one there is none.
TEST(Coder, AShowOfForceTargetsTheCountryItIsAimedAtNotItsOwnTroops) {
  const Coder coder(test_lexicon());
  const std::string deployed = "1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                               "2\tdeployed\tdeploy\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                               "3\ttroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_\n";
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse(deployed + "4\tnear\tnear\tADP\tIN\t_\t5\tcase\t_\t_\n"
                                                                  "5\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 152"}));
  EXPECT_TRUE(events(coder.code(doc("2015-01-01"), parse(deployed + "\n"))).empty());
  // A withdrawal names its instrument the same way.
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                       "2\twithdrew\twithdraw\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tits\tits\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_\n"
                                                       "4\ttroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                                                       "5\tfrom\tfrom\tADP\tIN\t_\t6\tcase\t_\t_\n"
                                                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 0874"}));
  // So does a recall of one's own diplomats.
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                       "2\trecalled\trecall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tits\tits\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_\n"
                                                       "4\tofficials\tofficial\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                                                       "5\tfrom\tfrom\tADP\tIN\t_\t6\tcase\t_\t_\n"
                                                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 161"}));
}

// A threat named by its object noun is coded by what is threatened.
TEST(Coder, AThreatNamedByItsObjectNounIsCodedByWhatIsThreatened) {
  const auto threatened = [](const std::string& noun, const std::string& lemma) {
    return events(Coder(test_lexicon()).code(doc("2015-01-01"),
                                             parse(std::string("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                               "2\tthreatened\tthreaten\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                               "3\t") + noun + "\t" + lemma + "\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
                                                   "4\tagainst\tagainst\tADP\tIN\t_\t5\tcase\t_\t_\n"
                                                   "5\tOstra\tOstra\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n\n")));
  };
  EXPECT_EQ(threatened("strike", "strike"), (std::vector<std::string>{"VLD OST 138"}));
  EXPECT_EQ(threatened("sanctions", "sanction"), (std::vector<std::string>{"VLD OST 1312"}));
  EXPECT_EQ(threatened("retribution", "retribution"), (std::vector<std::string>{"VLD OST 130"}));
}

// An appeal named by the noun of what is asked for takes the appeal's code for that act.
TEST(Coder, AnAppealIsCodedByWhatIsAskedFor) {
  const auto asked_for = [](const std::string& noun, const std::string& lemma) {
    return events(Coder(test_lexicon()).code(doc("2015-01-01"),
                                             parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                   "2\tasked\task\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                   "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
                                                   "4\tfor\tfor\tADP\tIN\t_\t5\tcase\t_\t_\n"
                                                   "5\t" + noun + "\t" + lemma + "\tNOUN\tNNS\t_\t2\tobl\t_\t_\n\n")));
  };
  EXPECT_EQ(asked_for("weapons", "weapon"), (std::vector<std::string>{"VLD OST 0232"}));
  EXPECT_EQ(asked_for("talks", "talks"), (std::vector<std::string>{"VLD OST 026"}));
  EXPECT_EQ(asked_for("patience", "patience"), (std::vector<std::string>{"VLD OST 020"}));
}

// A state's stated threat, said by one of its officials, is the official's statement.
TEST(Coder, AStatesStatedIntentSaidByItsOfficialIsTheOfficials) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                                                                      "2\tofficials\tofficial\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                                                                      "3\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "4\tValdoria\tValdoria\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
                                                                      "5\twould\twould\tAUX\tMD\t_\t6\taux\t_\t_\n"
                                                                      "6\tattack\tattack\tVERB\tVB\t_\t3\tccomp\t_\t_\n"
                                                                      "7\tOstra\tOstra\tPROPN\tNNP\t_\t6\tobj\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLDGOV OST 138"}));
}

// An accusation is coded by what it alleges.
TEST(Coder, AnAccusationIsCodedByWhatItAlleges) {
  const auto accused_of = [](const std::string& verb, const std::string& lemma) {
    return events(Coder(test_lexicon()).code(doc("2015-01-01"),
                                             parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                   "2\taccused\taccuse\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                   "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
                                                   "4\tof\tof\tSCONJ\tIN\t_\t5\tmark\t_\t_\n"
                                                   "5\t" + verb + "\t" + lemma + "\tVERB\tVBG\t_\t2\tadvcl\t_\t_\n\n")));
  };
  EXPECT_EQ(accused_of("spying", "spy"), (std::vector<std::string>{"VLD OST 1125"}));
  EXPECT_EQ(accused_of("torturing", "torture"), (std::vector<std::string>{"VLD OST 1122"}));
  EXPECT_EQ(accused_of("lying", "lie"), (std::vector<std::string>{"VLD OST 112"}));
}

// A meeting held to discuss something is a negotiation.
TEST(Coder, AMeetingHeldToDiscussIsANegotiation) {
  const std::string met = "1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                          "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                          "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n";
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse(met + "\n"))), (std::vector<std::string>{"VLD OST 040"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse(met + "4\tto\tto\tPART\tTO\t_\t5\tmark\t_\t_\n"
                                                             "5\tdiscuss\tdiscuss\tVERB\tVB\t_\t2\tadvcl\t_\t_\n"
                                                             "6\ttrade\ttrade\tNOUN\tNN\t_\t5\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 046"}));
}

// "the rebel-held town": who holds a place describes it; the rebels are no party here.
TEST(Coder, WhoHoldsAPlaceIsNoPartyToTheAct) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                                      "2\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "3\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_\n"
                                                                      "4\trebel\trebel\tNOUN\tNN\t_\t6\tobl:unmarked\t_\t_\n"
                                                                      "5\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\t_\n"
                                                                      "6\theld\thold\tVERB\tVBN\t_\t7\tamod\t_\t_\n"
                                                                      "7\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
                                                                      "8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_\n"
                                                                      "9\tOstra\tOstra\tPROPN\tNNP\t_\t7\tnmod\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 194"}));
}

// A finite verb with no auxiliary is active whatever the parser's subject relation says.
TEST(Coder, AFiniteVerbWithoutAuxiliaryIsActive) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj:pass\t_\t_\n"
                                                                      "2\tmarched\tmarch\tVERB\tVBD\tVerbForm=Fin\t0\troot\t_\t_\n"
                                                                      "3\tagainst\tagainst\tADP\tIN\t_\t4\tcase\t_\t_\n"
                                                                      "4\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 141"}));
}

// "women's rights activists" are rights activists: a possessor agent does not add its role.
TEST(Coder, APossessorAgentDoesNotAddItsRole) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                                      "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "3\twomen\twoman\tNOUN\tNNS\t_\t6\tnmod:poss\t_\t_\n"
                                                                      "4\t's\t's\tPART\tPOS\t_\t3\tcase\t_\t_\n"
                                                                      "5\trights\tright\tNOUN\tNNS\t_\t6\tcompound\t_\t_\n"
                                                                      "6\tactivists\tactivist\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD VLDHRI 173"}));
}

// A protest is directed at the state: with no target named it is toward the protesters'
// own government, and a country named by its people protesting is its civilians.
TEST(Coder, AProtestWithoutATargetIsTowardTheProtestersGovernment) {
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                                                       "2\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                                                       "3\tmarched\tmarch\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"))),
            (std::vector<std::string>{"VLDCVL VLDGOV 141"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tThousands\tthousand\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
                                                       "2\tof\tof\tADP\tIN\t_\t3\tcase\t_\t_\n"
                                                       "3\tValdorians\tValdorian\tPROPN\tNNPS\t_\t1\tnmod\t_\t_\n"
                                                       "4\tmarched\tmarch\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
                                                       "6\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tobl\t_\t_\n\n"))),
            (std::vector<std::string>{"VLDCVL VLDGOV 141"}));
  // The state itself protesting toward no one is no event.
  EXPECT_TRUE(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                         "2\tmarched\tmarch\tVERB\tVBD\t_\t0\troot\t_\t_\n\n")))
                  .empty());
}

// "Red Band fighters": a named armed group is identified; "its troops" are the subject's.
TEST(Coder, ANamedGroupStaysIdentifiedAndItsTroopsAreItsCountrys) {
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tRed\tRed\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
                                                       "2\tBand\tBand\tPROPN\tNNP\t_\t3\tcompound\t_\t_\n"
                                                       "3\tfighters\tfighter\tNOUN\tNNS\t_\t4\tnsubj\t_\t_\n"
                                                       "4\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLDREB OST 190"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                       "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tits\tits\tPRON\tPRP$\t_\t4\tnmod:poss\t_\t_\n"
                                                       "4\ttroops\ttroop\tNOUN\tNNS\t_\t5\tnsubj\t_\t_\n"
                                                       "5\tattacked\tattack\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
                                                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLDMIL OST 190"}));
}

// What a joint act is about is not a party to it: "Valdoria and Ostra met on Merin".
TEST(Coder, WhatAJointActIsAboutIsNoParty) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                                                                      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                                                                      "3\tOstra\tOstra\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                                                                      "4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "5\ton\ton\tADP\tIN\t_\t6\tcase\t_\t_\n"
                                                                      "6\tMerin\tMerin\tPROPN\tNNP\t_\t4\tobl\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 040", "OST VLD 040"}));
}

// A denied or refused act is not coded; an agent owned by a joint subject is no party of
// its own.
TEST(Coder, ADeniedActIsNotCodedAndAJointSubjectsOwnAgentsAreNoParty) {
  const Coder coder(test_lexicon());
  EXPECT_TRUE(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                         "2\trefused\trefuse\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                         "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
                                                         "4\tcriticize\tcriticize\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
                                                         "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n")))
                  .empty());
  EXPECT_TRUE(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                         "2\tdenied\tdeny\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                         "3\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_\n"
                                                         "4\tits\tits\tPRON\tPRP$\t_\t5\tnmod:poss\t_\t_\n"
                                                         "5\ttroops\ttroop\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
                                                         "6\tattacked\tattack\tVERB\tVBD\t_\t2\tccomp\t_\t_\n"
                                                         "7\tOstra\tOstra\tPROPN\tNNP\t_\t6\tobj\t_\t_\n\n")))
                  .empty());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                                                       "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                                                       "3\tOstra\tOstra\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                                                       "4\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "5\ttheir\ttheir\tPRON\tPRP$\t_\t6\tnmod:poss\t_\t_\n"
                                                       "6\tofficials\tofficial\tNOUN\tNNS\t_\t4\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 111", "OST VLD 111"}));
}

// An uncoded refusal is a rejection of what it governs: "refused to meet" is 125.
TEST(Coder, AnUncodedRefusalRejectsWhatItGoverns) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                                      "2\trefused\trefuse\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
                                                                      "4\tmeet\tmeet\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
                                                                      "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 125"}));
}

// The tagger's misread subjects: a country tagged as an adverb, a pronoun as an expletive.
TEST(Coder, AMisreadSubjectBeforeTheVerbIsStillTheSubject) {
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tADV\tRB\t_\t2\tadvmod\t_\t_\n"
                                                       "2\tcriticized\tcriticize\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 111"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                                                       "2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                       "3\tit\tit\tPRON\tPRP\t_\t5\texpl\t_\t_\n"
                                                       "4\twould\twould\tAUX\tMD\t_\t5\taux\t_\t_\n"
                                                       "5\tattack\tattack\tVERB\tVB\t_\t2\tccomp\t_\t_\n"
                                                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n"))),
            (std::vector<std::string>{"VLD OST 138"}));
}

// Who reports an act ("according to Merin") is not its target.
TEST(Coder, TheSourceOfAReportIsNotTheTarget) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tAccording\taccord\tVERB\tVBG\t_\t3\tcase\t_\t_\n"
                                                                      "2\tto\tto\tADP\tIN\t_\t1\tfixed\t_\t_\n"
                                                                      "3\tMerin\tMerin\tPROPN\tNNP\t_\t6\tobl\t_\t_\n"
                                                                      "4\t,\t,\tPUNCT\t,\t_\t3\tpunct\t_\t_\n"
                                                                      "5\tValdoria\tValdoria\tPROPN\tNNP\t_\t6\tnsubj\t_\t_\n"
                                                                      "6\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n\n"));
  EXPECT_TRUE(events(c).empty());
}

// Administrative sanctions with no target named fall on the state's own civilians.
TEST(Coder, ACurfewWithoutATargetIsOnTheStatesOwnPeople) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                                                                      "2\tpolice\tpolice\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                                                                      "3\timposed\timpose\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "4\ta\ta\tDET\tDT\t_\t5\tdet\t_\t_\n"
                                                                      "5\tcurfew\tcurfew\tNOUN\tNN\t_\t3\tobj\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLDCOP VLDCVL 1723"}));
}

// A state's own organ acting on the bare state is no event: "Valdorian troops attacked
// Valdoria" names the state twice.
TEST(Coder, AStatesOrganActingOnTheStateItselfIsNoEvent) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                                                                      "2\ttroops\ttroop\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                                                                      "3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "4\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n"));
  EXPECT_TRUE(events(c).empty());
  EXPECT_EQ(c.reason, NoEventReason::kSelfEvent);
}

// A place inside the subject's phrase ("an explosion in Ostra killed ...") did not act.
TEST(Coder, APlaceInsideTheSubjectIsNotTheSource) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tAn\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
                                                                      "2\texplosion\texplosion\tNOUN\tNN\t_\t5\tnsubj\t_\t_\n"
                                                                      "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n"
                                                                      "4\tOstra\tOstra\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n"
                                                                      "5\tkilled\tkill\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "6\tfive\tfive\tNUM\tCD\t_\t7\tnummod\t_\t_\n"
                                                                      "7\tpeople\tpeople\tNOUN\tNNS\t_\t5\tobj\t_\t_\n\n"));
  EXPECT_TRUE(events(c).empty());
}

// In a joint act, an agent with no country is what the members do together: "Valdoria
// and Ostra met officials" is a meeting of the two.
TEST(Coder, AJointActsCountrylessAgentIsNoThirdParty) {
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                                                                      "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                                                                      "3\tOstra\tOstra\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                                                                      "4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                                                                      "5\tofficials\tofficial\tNOUN\tNNS\t_\t4\tobj\t_\t_\n\n"));
  EXPECT_EQ(events(c), (std::vector<std::string>{"VLD OST 040", "OST VLD 040"}));
}

TEST(Coder, VerbFoundByItsRegularBaseWhenTheLemmaIsWrong) {
  // A lemmatiser's bad guess ("shelled" -> "shel") must not hide the verb SHELL.
  const auto s = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                       "2\ttroops\ttroop\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                       "3\tshelled\tshel\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "4\tOstra\tOstra\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLDMIL OST 194"}));
}

TEST(Coder, AVerbMisparsedAsTheRootNounsModifierIsThePredicate) {
  // "Valdorian troops shelled depots in Ostra": the past tense read as a participle, the
  // verb hung as an adjective on the object and the subject noun made the root.
  const auto on_object = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                               "2\ttroops\ttroop\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
                               "3\tshelled\tshell\tVERB\tVBN\t_\t4\tamod\t_\t_\n"
                               "4\tdepots\tdepot\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                               "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
                               "6\tOstra\tOstra\tPROPN\tNNP\t_\t2\tnmod\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), on_object)),
            (std::vector<std::string>{"VLDMIL OST 194"}));
  // The same with the verb as a clause on the subject ("troops attacked Ostra": acl).
  const auto on_subject = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                                "2\ttroops\ttroop\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
                                "3\tattacked\tattack\tVERB\tVBN\t_\t2\tacl\t_\t_\n"
                                "4\tOstra\tOstra\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), on_subject)),
            (std::vector<std::string>{"VLDMIL OST 190"}));
  // The verb on a noun inside the root's phrase: "Hundreds of Valdorian troops attacked Ostra".
  const auto nested = parse("1\tHundreds\thundred\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
                            "2\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n"
                            "3\tValdorian\tValdorian\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
                            "4\ttroops\ttroop\tNOUN\tNNS\t_\t1\tnmod\t_\t_\n"
                            "5\tattacked\tattack\tVERB\tVBN\t_\t4\tacl\t_\t_\n"
                            "6\tOstra\tOstra\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), nested)),
            (std::vector<std::string>{"VLDMIL OST 190"}));
  // A real reduced relative keeps its parse: "Ostra troops attacked by rebels" has no object.
  const auto relative = parse("1\tOstra\tOstra\tPROPN\tNNP\t_\t2\tcompound\t_\t_\n"
                              "2\ttroops\ttroop\tNOUN\tNNS\t_\t0\troot\t_\t_\n"
                              "3\tattacked\tattack\tVERB\tVBN\t_\t2\tacl\t_\t_\n"
                              "4\tby\tby\tADP\tIN\t_\t5\tcase\t_\t_\n"
                              "5\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tobl\t_\t_\n\n");
  const auto c = Coder(test_lexicon()).code(doc("2015-01-01"), relative);
  for (const auto& m : c.mentions) EXPECT_NE(m.source.code_string(), "OSTMIL");
}

TEST(Coder, AgentsWithoutCountryTakeTheDatelineCountry) {
  const auto s = parse("1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
                       "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "3\tstudents\tstudent\tNOUN\tNNS\t_\t2\tobj\t_\t_\n\n");
  const Coder coder(test_lexicon());
  const auto in_ostra = coder.code_document(doc("2015-03-04", "OSTRA, Mar 3 (Test Wire) - Police arrested students."), {s});
  EXPECT_EQ(events(in_ostra[0]), (std::vector<std::string>{"OSTCOP OSTEDU 173"}));
  const auto undated = coder.code_document(doc("2015-03-04", "Police arrested students."), {s});
  EXPECT_EQ(events(undated[0]), (std::vector<std::string>{"---COP ---EDU 173"})) << "never dropped";
  // PETRARCH codes such an agent ---COP ("RUSCOP ---EDU" in its unit tests) and gives it
  // no country from the dateline.
  CoderOptions reference;
  reference.reference_semantics = true;
  const auto coded = Coder(test_lexicon(), reference).code_document(doc("2015-03-04", "OSTRA, Mar 3 (Test Wire) - Police arrested students."), {s});
  EXPECT_EQ(events(coded[0]), (std::vector<std::string>{"---COP ---EDU 173"}));
}

TEST(Coder, UnparsedSentenceSaysSo) {
  Sentence s;
  s.text = "Valdoria attacked Ostra.";
  EXPECT_EQ(Coder(test_lexicon()).code(doc("2015-01-01"), s).reason, NoEventReason::kNotParsed);
}

TEST(Coder, UdV1RelationsAreMapped) {
  EXPECT_EQ(ud_v2_relation("dobj", true), "obj");
  EXPECT_EQ(ud_v2_relation("nsubjpass", true), "nsubj:pass");
  EXPECT_EQ(ud_v2_relation("nmod", true), "obl");
  EXPECT_EQ(ud_v2_relation("nmod", false), "nmod");
  EXPECT_EQ(ud_v2_relation("nmod:poss", true), "nmod:poss");
  EXPECT_EQ(ud_v2_relation("nmod:tmod", true), "obl:tmod");
  EXPECT_EQ(ud_v2_relation("name", false), "flat");
  EXPECT_EQ(ud_v2_relation("obj", true), "obj");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, GoverningVerbTakesItsSubCodeFromTheGovernedAct) {
  // "threatened to shell" is a threat of force (138), not the residual threat (130).
  const auto threat = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                            "2\tthreatened\tthreaten\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                            "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
                            "4\tshell\tshell\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
                            "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), threat)), (std::vector<std::string>{"VLD OST 138"}));
  // "agreed to visit" is an intent to meet (036): what is agreed is promised, not done.
  const auto intent = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                            "2\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                            "3\tto\tto\tPART\tTO\t_\t4\tmark\t_\t_\n"
                            "4\tvisit\tvisit\tVERB\tVB\t_\t2\txcomp\t_\t_\n"
                            "5\tOstra\tOstra\tPROPN\tNNP\t_\t4\tobj\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), intent)), (std::vector<std::string>{"VLD OST 036"}));
  // Reference semantics keep the governing verb's own code.
  CoderOptions reference;
  reference.reference_semantics = true;
  EXPECT_EQ(events(Coder(test_lexicon(), reference).code(doc("2015-01-01"), threat)),
            (std::vector<std::string>{"VLD OST 130"}));
}

TEST(Coder, StatedFutureActIsAnIntentOrAThreat) {
  auto sentence = [](const char* aux) {
    return parse(std::string("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                             "2\t") + aux + "\t" + aux + "\tAUX\tMD\t_\t3\taux\t_\t_\n"
                             "3\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_\n"
                             "4\tOstra\tOstra\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  };
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("will"))), (std::vector<std::string>{"VLD OST 138"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("would"))), (std::vector<std::string>{"VLD OST 138"}));
  // Only possible, not stated: no event.
  EXPECT_TRUE(coder.code(doc("2015-01-01"), sentence("could")).mentions.empty());
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, ActDatedInAnEarlierYearIsBackground) {
  const auto s = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                       "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
                       "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
                       "5\t2009\t2009\tNUM\tCD\t_\t2\tobl\t_\t_\n\n");
  const Coder coder(test_lexicon());
  const auto old = coder.code(doc("2015-01-01"), s);
  EXPECT_TRUE(old.mentions.empty());
  EXPECT_EQ(old.reason, NoEventReason::kBackground);
  // The same year in the report's year is news.
  EXPECT_EQ(events(coder.code(doc("2009-05-01"), s)), (std::vector<std::string>{"VLD OST 111"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, ThePersonAtThePhrasesHeadWinsOverTheCountryModifyingIt) {
  // "Valdorian leader Mara Quell": the person (VLDGOV on this date), not Valdoria.
  const auto s = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t4\tamod\t_\t_\n"
                       "2\tleader\tleader\tNOUN\tNN\t_\t3\tnmod\t_\t_\n"
                       "3\tMara\tMara\tPROPN\tNNP\t_\t4\tcompound\t_\t_\n"
                       "4\tQuell\tQuell\tPROPN\tNNP\t_\t5\tnsubj\t_\t_\n"
                       "5\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "6\tOstra\tOstra\tPROPN\tNNP\t_\t5\tobj\t_\t_\n\n");
  EXPECT_EQ(events(Coder(test_lexicon()).code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLDGOV OST 111"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, PoliceActOnTheirOwnStatesPeople) {
  // "Valdorian police arrested protesters": the protesters are Valdoria's.
  const auto s = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                       "2\tpolice\tpolice\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n"
                       "3\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "4\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tobj\t_\t_\n\n");
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLDCOP VLDCVL 173"}));
  // An army may be abroad: "Valdorian troops attacked protesters" leaves them countryless.
  const auto troops = parse("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                            "2\ttroops\ttroop\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                            "3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                            "4\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tobj\t_\t_\n\n");
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), troops)), (std::vector<std::string>{"VLDMIL ---CVL 190"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, OfTwoActorsOfTheSameNameTheOneInOfficeWins) {
  // The first entry's only code ends in 2009; the second, loaded later (as data/dictionaries/
  // current is), holds the report's date.
  LexiconFiles f;
  f.actors = {write_temp("same_name_1.txt", "ARIN_TOLL_ [VLDGOVLAB 20080101-20091231]\nOSTRA_ [OST]\n"),
              write_temp("same_name_2.txt", "ARIN_TOLL_\n\t[VLDGOV 20180101-20251231]\n\t[VLDELI]\n")};
  f.verbs = {write_temp("same_name_verbs.txt", "--- CONDEMN [111] ---\nCONDEMN\n")};
  auto lex = load_petrarch_lexicon(f);
  ASSERT_TRUE(lex.ok()) << lex.error().to_string();
  const auto s = parse("1\tArin\tArin\tPROPN\tNNP\t_\t3\tnsubj\t_\t_\n"
                       "2\tToll\tToll\tPROPN\tNNP\t_\t1\tflat\t_\t_\n"
                       "3\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "4\tOstra\tOstra\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  const Coder coder(*lex);
  EXPECT_EQ(events(coder.code(doc("2023-06-01"), s)), (std::vector<std::string>{"VLDGOV OST 111"}));
  // While the first is in office, the first still wins.
  EXPECT_EQ(events(coder.code(doc("2009-06-01"), s)), (std::vector<std::string>{"VLDGOVLAB OST 111"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, WhereAJointSubjectCooperatedIsNoParty) {
  // "Valdoria and Ostra agreed at Merin airport": the place named by the airport's
  // modifier is where they met, not a third party.
  const auto s = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n"
                       "2\tand\tand\tCCONJ\tCC\t_\t3\tcc\t_\t_\n"
                       "3\tOstra\tOstra\tPROPN\tNNP\t_\t1\tconj\t_\t_\n"
                       "4\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "5\tat\tat\tADP\tIN\t_\t7\tcase\t_\t_\n"
                       "6\tMerin\tMerin\tPROPN\tNNP\t_\t7\tcompound\t_\t_\n"
                       "7\tairport\tairport\tNOUN\tNN\t_\t4\tobl\t_\t_\n\n");
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLD OST 030", "OST VLD 030"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, RebelsActingOnTheirOwnCountryActAgainstTheState) {
  auto sentence = [](const char* agent) {
    return parse(std::string("1\tValdorian\tValdorian\tADJ\tJJ\t_\t2\tamod\t_\t_\n"
                             "2\t") + agent + "\t" + agent + "\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
                             "3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                             "4\tValdoria\tValdoria\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\n");
  };
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("rebels"))), (std::vector<std::string>{"VLDREB VLD 190"}));
  // The state's own army on the bare state is the state itself: no event.
  EXPECT_TRUE(coder.code(doc("2015-01-01"), sentence("troops")).mentions.empty());
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, AWordJoinedByAHyphenIsNoAgentOfItsOwn) {
  // "Valdorian anti-official protesters attacked Ostra": "official" is inside
  // "anti-official", so the protesters are not officials.
  const auto s = parse("# text = Valdorian anti-official protesters attacked Ostra\n"
                       "1\tValdorian\tValdorian\tADJ\tJJ\t_\t5\tamod\t_\t_\n"
                       "2\tanti\tanti\tADJ\tJJ\t_\t4\tamod\t_\tSpaceAfter=No\n"
                       "3\t-\t-\tPUNCT\tHYPH\t_\t4\tpunct\t_\tSpaceAfter=No\n"
                       "4\tofficial\tofficial\tNOUN\tNN\t_\t5\tcompound\t_\t_\n"
                       "5\tprotesters\tprotester\tNOUN\tNNS\t_\t6\tnsubj\t_\t_\n"
                       "6\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "7\tOstra\tOstra\tPROPN\tNNP\t_\t6\tobj\t_\t_\n\n");
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLDCVL OST 190"}));
}

TEST(Coder, WhoIsSentSomewhereIsNotTheTarget) {
  // "Valdoria sent troops to Ostra": the country they go to, not the troops.
  const auto s = parse("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                       "2\tsent\tsend\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                       "3\ttroops\ttroop\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
                       "4\tto\tto\tADP\tIN\t_\t5\tcase\t_\t_\n"
                       "5\tOstra\tOstra\tPROPN\tNNP\t_\t3\tnmod\t_\t_\n\n");
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), s)), (std::vector<std::string>{"VLD OST 070"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, AnInvestigationIsRefinedByWhatItLooksInto) {
  auto sentence = [](const std::string& words) {
    std::string conllu = "1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                         "2\tinvestigated\tinvestigate\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                         "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n";
    conllu += words + "\n";
    return parse(conllu);
  };
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("4\tover\tover\tADP\tIN\t_\t5\tcase\t_\t_\n"
                                                             "5\tcorruption\tcorruption\tNOUN\tNN\t_\t2\tobl\t_\t_\n"))),
            (std::vector<std::string>{"VLD OST 091"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("4\tover\tover\tADP\tIN\t_\t6\tcase\t_\t_\n"
                                                             "5\twar\twar\tNOUN\tNN\t_\t6\tcompound\t_\t_\n"
                                                             "6\tcrimes\tcrime\tNOUN\tNNS\t_\t2\tobl\t_\t_\n"))),
            (std::vector<std::string>{"VLD OST 094"}));
  // Nothing said of what: the residual code stays.
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("4\tover\tover\tADP\tIN\t_\t5\tcase\t_\t_\n"
                                                             "5\tmatters\tmatter\tNOUN\tNNS\t_\t2\tobl\t_\t_\n"))),
            (std::vector<std::string>{"VLD OST 090"}));
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(Coder, ADateIsNoPartOfTheVerbsPattern) {
  // PRESS has "* ON [190]" ("pressed on the town"); "on Monday" only dates the act.
  auto sentence = [](const char* when) {
    return parse(std::string("1\tValdoria\tValdoria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                             "2\tpressed\tpress\tVERB\tVBD\t_\t0\troot\t_\t_\n"
                             "3\tOstra\tOstra\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
                             "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
                             "5\t") + when + "\t" + when + "\tPROPN\tNNP\t_\t2\tobl\t_\t_\n\n");
  };
  const Coder coder(test_lexicon());
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("Monday"))), (std::vector<std::string>{"VLD OST 100"}));
  EXPECT_EQ(events(coder.code(doc("2015-01-01"), sentence("Merin"))), (std::vector<std::string>{"VLD OST 190"}));
}

}  // namespace
}  // namespace dyad
