// How the coder reads PETRARCH2's semantics when a suite asks for them (the CoderOptions
// and LoadOptions that run_suite sets for the PETRARCH unit tests), on our own sentences
// and a small made-up dictionary; and the Penn-tree words those records carry.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "dyad/coder.h"
#include "dyad/conllu.h"
#include "dyad/penn.h"

#include "test_coder_data.h"

namespace dyad {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  return testing::write_temp("dyad_petr_", name, text);
}

std::shared_ptr<const Lexicon> lexicon(const LoadOptions& options = {}) {
  LexiconFiles f;
  f.actors = {write_temp("actors.txt", "VALDORIA_ [VLD]\nOSTRA_ [OST]\nMERIN [MRN]\n")};
  f.agents = {write_temp("agents.txt", "OFFICIAL [~GOV]\n")};
  f.verbs = {write_temp("verbs.txt",
                        "&TIES\n+ECONOMIC\n+CULTURAL\n\n"
                        "--- CRITICIZE [111] ---\nCRITICIZE\nCONDEMN\n"
                        "--- FIRE [---] ---\nFIRE\n"
                        "--- FIRE [190] ---\nFIRE\n- * SHELLS [194]\n"
                        "--- ABANDON [345] ---\nABANDON\n- * EFFORT [987]\n- * NEW_&TIES_RELATIONS [903]\n"
                        "--- RESTORE [064] ---\nRESTORE\n"
                        "--- ATTACK [190] ---\nATTACK\n"
                        "--- SIGN [057] ---\nSIGN\n- RELUCTANTLY * PACT [058]\n"
                        "--- MARCH [181] ---\nMARCH\n")};
  auto loaded = load_petrarch_lexicon(f, options);
  EXPECT_TRUE(loaded.ok());
  EXPECT_TRUE((*loaded)->issues.empty());
  return *loaded;
}

// A sentence from lines "form lemma UPOS XPOS head relation".
Sentence parse(const std::vector<std::string>& words) {
  std::string conllu;
  int id = 0;
  for (const auto& line : words) {
    std::istringstream in(line);
    std::string form, lemma, upos, xpos, head, rel;
    in >> form >> lemma >> upos >> xpos >> head >> rel;
    conllu += std::to_string(++id) + "\t" + form + "\t" + lemma + "\t" + upos + "\t" + xpos + "\t_\t" + head + "\t" +
              rel + "\t_\t_\n";
  }
  auto s = read_conllu(conllu + "\n");
  EXPECT_TRUE(s.ok()) << s.error().to_string();
  return s->front();
}

using testing::events;

std::vector<std::string> code(const Sentence& s, CoderOptions options, const LoadOptions& load = {}) {
  options.reference_semantics = true;
  Document d;
  d.published = *parse_date("2015-01-01");
  return events(Coder(lexicon(load), options).code(d, s));
}

TEST(CoderPetrarch, PassiveWithoutAgentReadsAsActiveWhenAsked) {
  // "Valdoria was criticized over its dispute with Ostra."
  const Sentence s = parse({"Valdoria Valdoria PROPN NNP 3 nsubj:pass", "was be AUX VBD 3 aux:pass",
                            "criticized criticize VERB VBN 0 root", "over over ADP IN 6 case",
                            "its its PRON PRP$ 6 nmod:poss", "dispute dispute NOUN NN 3 obl",
                            "with with ADP IN 8 case", "Ostra Ostra PROPN NNP 6 nmod"});
  EXPECT_EQ(code(s, {}), (std::vector<std::string>{"OST VLD 111"}));  // UniversalPetrarch's reading
  CoderOptions petrarch2;
  petrarch2.agentless_passive_as_active = true;
  EXPECT_EQ(code(s, petrarch2), (std::vector<std::string>{"VLD OST 111"}));
}

TEST(CoderPetrarch, VerbListedTwiceTakesThePatternsOfBothListings) {
  // "Valdoria fired shells at Ostra."
  const Sentence s = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "fired fire VERB VBD 0 root",
                            "shells shell NOUN NNS 2 obj", "at at ADP IN 5 case", "Ostra Ostra PROPN NNP 2 obl"});
  EXPECT_TRUE(code(s, {}).empty());  // the first listing codes nothing
  CoderOptions every;
  every.every_listing_patterns = true;
  EXPECT_EQ(code(s, every), (std::vector<std::string>{"VLD OST 194"}));
}

TEST(CoderPetrarch, PatternWordsAsWrittenDoNotMatchAPlural) {
  // "Valdoria abandoned efforts with Ostra."
  const Sentence s = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "abandoned abandon VERB VBD 0 root",
                            "efforts effort NOUN NNS 2 obj", "with with ADP IN 5 case",
                            "Ostra Ostra PROPN NNP 3 nmod"});
  EXPECT_EQ(code(s, {}), (std::vector<std::string>{"VLD OST 987"}));
  CoderOptions written;
  written.pattern_words_as_written = true;
  EXPECT_EQ(code(s, written), (std::vector<std::string>{"VLD OST 345"}));
}

TEST(CoderPetrarch, ClosedConnectorAllowsNothingBetweenItsWords) {
  // "Valdoria abandoned new global economic relations with Ostra."
  const Sentence loose = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "abandoned abandon VERB VBD 0 root",
                                "new new ADJ JJ 6 amod", "global global ADJ JJ 6 amod",
                                "economic economic ADJ JJ 6 amod", "relations relation NOUN NNS 2 obj",
                                "with with ADP IN 8 case", "Ostra Ostra PROPN NNP 6 nmod"});
  // "Valdoria abandoned new economic relations with Ostra."
  const Sentence tight = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "abandoned abandon VERB VBD 0 root",
                                "new new ADJ JJ 5 amod", "economic economic ADJ JJ 5 amod",
                                "relations relation NOUN NNS 2 obj", "with with ADP IN 7 case",
                                "Ostra Ostra PROPN NNP 5 nmod"});
  LoadOptions closed;
  closed.closed_connectors = true;
  EXPECT_EQ(code(loose, {}), (std::vector<std::string>{"VLD OST 903"}));  // "_" read as a space
  EXPECT_EQ(code(loose, {}, closed), (std::vector<std::string>{"VLD OST 345"}));
  EXPECT_EQ(code(tight, {}, closed), (std::vector<std::string>{"VLD OST 903"}));
}

TEST(CoderPetrarch, ActInAnAdverbialClauseIsFoldedIntoTheCodedVerb) {
  // "Valdoria restored ties with Ostra after Merin attacked Ostra."
  const Sentence s = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "restored restore VERB VBD 0 root",
                            "ties tie NOUN NNS 2 obj", "with with ADP IN 5 case", "Ostra Ostra PROPN NNP 3 nmod",
                            "after after SCONJ IN 8 mark", "Merin Merin PROPN NNP 8 nsubj",
                            "attacked attack VERB VBD 2 advcl", "Ostra Ostra PROPN NNP 8 obj"});
  EXPECT_EQ(code(s, {}), (std::vector<std::string>{"VLD OST 064", "MRN OST 190"}));
  CoderOptions fold;
  fold.fold_adverbial_acts = true;
  EXPECT_EQ(code(s, fold), (std::vector<std::string>{"VLD OST 064"}));
}

TEST(CoderPetrarch, ComplementReadsTheWordsBeforeItsGoverningVerb) {
  // "Valdoria reluctantly tried to sign a pact with Ostra."
  const Sentence s = parse({"Valdoria Valdoria PROPN NNP 3 nsubj", "reluctantly reluctantly ADV RB 3 advmod",
                            "tried try VERB VBD 0 root", "to to PART TO 5 mark", "sign sign VERB VB 3 xcomp",
                            "a a DET DT 7 det", "pact pact NOUN NN 5 obj", "with with ADP IN 9 case",
                            "Ostra Ostra PROPN NNP 7 nmod"});
  EXPECT_EQ(code(s, {}), (std::vector<std::string>{"VLD OST 058"}));
  CoderOptions own_clause;
  own_clause.clause_only_patterns = true;
  EXPECT_EQ(code(s, own_clause), (std::vector<std::string>{"VLD OST 057"}));
}

TEST(CoderPetrarch, TargetOnAnAdverbOfTheVerbAndConjunctByItsOfPhrase) {
  // "Valdoria marched close to the border with Ostra."
  const Sentence march = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "marched march VERB VBD 0 root",
                                "close close ADV RB 2 advmod", "to to ADP TO 6 case", "the the DET DT 6 det",
                                "border border NOUN NN 3 obl", "with with ADP IN 8 case",
                                "Ostra Ostra PROPN NNP 6 nmod"});
  EXPECT_EQ(code(march, {}), (std::vector<std::string>{"VLD OST 181"}));
  // "Valdoria's farmers and workers of Ostra condemned Merin."
  const Sentence farmers = parse({"Valdoria Valdoria PROPN NNP 3 nmod:poss", "'s 's PART POS 1 case",
                                  "farmers farmer NOUN NNS 8 nsubj", "and and CCONJ CC 5 cc",
                                  "workers worker NOUN NNS 3 conj", "of of ADP IN 7 case",
                                  "Ostra Ostra PROPN NNP 5 nmod", "condemned condemn VERB VBD 0 root",
                                  "Merin Merin PROPN NNP 8 obj"});
  EXPECT_EQ(code(farmers, {}), (std::vector<std::string>{"VLD MRN 111", "OST MRN 111"}));
}

TEST(CoderPetrarch, ExactActorWordsAreNoStems) {
  // "Valdoria condemned Merinos."
  const Sentence s = parse({"Valdoria Valdoria PROPN NNP 2 nsubj", "condemned condemn VERB VBD 0 root",
                            "Merinos Merinos PROPN NNPS 2 obj"});
  EXPECT_EQ(code(s, {}), (std::vector<std::string>{"VLD MRN 111"}));  // TABARI's stem reading
  LoadOptions exact;
  exact.exact_actor_words = true;
  EXPECT_TRUE(code(s, {}, exact).empty());
}

TEST(PennWords, WordsTagsAndSpansOfATree) {
  const std::string text = "Valdoria (again) didn't fire.";
  auto s = read_penn_words("(ROOT (S (NP (NNP Valdoria)) (PRN (-LRB- -LRB-) (RB again) (-RRB- -RRB-)) "
                           "(VP (VBD did) (RB n't) (VP (VB fire))) (. .)))",
                           text);
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  std::vector<std::string> got;
  for (const Token& t : s->tokens) got.push_back(t.form + "/" + t.xpos + "/" + t.upos);
  EXPECT_EQ(got, (std::vector<std::string>{"Valdoria/NNP/PROPN", "(/-LRB-/PUNCT", "again/RB/ADV", ")/-RRB-/PUNCT",
                                           "did/VBD/_", "n't/RB/PART", "fire/VB/VERB", "././PUNCT"}));
  EXPECT_EQ(text.substr(s->tokens[2].span.begin, s->tokens[2].span.size()), "again");
  EXPECT_EQ(text.substr(s->tokens[5].span.begin, s->tokens[5].span.size()), "n't");
  EXPECT_EQ(s->tokens[0].head, -1);  // for a parser to fill
}

TEST(PennWords, UnbalancedOrEmptyTreesAreErrors) {
  EXPECT_EQ(read_penn_words("(ROOT (S (NNP Valdoria)").error().code, ErrorCode::kParse);
  EXPECT_EQ(read_penn_words("(ROOT (S (NNP Valdoria))))").error().code, ErrorCode::kParse);
  EXPECT_EQ(read_penn_words("(ROOT)").error().code, ErrorCode::kParse);
}

}  // namespace
}  // namespace dyad
