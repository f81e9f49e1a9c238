// penn_to_dependencies: Penn trees to UD v2 dependencies, on trees written for these
// tests. Each case lists every word's head (1-based, 0 the root) and relation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dyad/penn.h"
#include "dyad/validation.h"

namespace dyad {
namespace {

struct Arc {
  std::string form;
  int head;
  std::string deprel;
};

struct Case {
  std::string name;
  std::string tree;
  std::vector<Arc> arcs;
};

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases{
      {"subject object oblique",
       "(ROOT (S (NP (DT The) (NNP Gondor) (NN army)) (VP (VBD shelled) (NP (NNS villages)) "
       "(PP (IN near) (NP (DT the) (NN border)))) (. .)))",
       {{"The", 3, "det"},
        {"Gondor", 3, "compound"},
        {"army", 4, "nsubj"},
        {"shelled", 0, "root"},
        {"villages", 4, "obj"},
        {"near", 8, "case"},
        {"the", 8, "det"},
        {"border", 4, "obl"},
        {".", 4, "punct"}}},
      {"passive with a by agent",
       "(ROOT (S (NP (NNS Envoys)) (VP (VBD were) (VP (VBN expelled) (PP (IN by) (NP (NNP Rohan))))) (. .)))",
       {{"Envoys", 3, "nsubj:pass"},
        {"were", 3, "aux:pass"},
        {"expelled", 0, "root"},
        {"by", 5, "case"},
        {"Rohan", 3, "obl:agent"},
        {".", 3, "punct"}}},
      {"modal, and an infinitive's subject raised to object",
       "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB urge) (S (NP (NNP Gondor)) (VP (TO to) "
       "(VP (VB resume) (NP (NNS talks))))))) (. .)))",
       {{"Arnor", 3, "nsubj"},
        {"will", 3, "aux"},
        {"urge", 0, "root"},
        {"Gondor", 3, "obj"},
        {"to", 6, "mark"},
        {"resume", 3, "xcomp"},
        {"talks", 6, "obj"},
        {".", 3, "punct"}}},
      {"open complement without a subject",
       "(ROOT (S (NP (NNS Rebels)) (VP (VBD vowed) (S (VP (TO to) (VP (VB fight) (ADVP (RB on)))))) (. .)))",
       {{"Rebels", 2, "nsubj"},
        {"vowed", 0, "root"},
        {"to", 4, "mark"},
        {"fight", 2, "xcomp"},
        {"on", 4, "advmod"},
        {".", 2, "punct"}}},
      {"possessive and copula",
       "(ROOT (S (NP (NP (NNP Rohan) (POS 's)) (NN king)) (VP (VBZ is) (ADJP (RB very) (JJ angry))) (. .)))",
       {{"Rohan", 3, "nmod:poss"},
        {"'s", 1, "case"},
        {"king", 6, "nsubj"},
        {"is", 6, "cop"},
        {"very", 6, "advmod"},
        {"angry", 0, "root"},
        {".", 6, "punct"}}},
      {"coordinated subject and a relative clause",
       "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD signed) (NP (NP (DT a) (NN pact)) "
       "(SBAR (WHNP (WDT that)) (S (VP (VBZ ends) (NP (DT the) (NN feud))))))) (. .)))",
       {{"Arnor", 4, "nsubj"},
        {"and", 3, "cc"},
        {"Gondor", 1, "conj"},
        {"signed", 0, "root"},
        {"a", 6, "det"},
        {"pact", 4, "obj"},
        {"that", 8, "nsubj"},
        {"ends", 6, "acl:relcl"},
        {"the", 10, "det"},
        {"feud", 8, "obj"},
        {".", 4, "punct"}}},
      {"complement clause holding an adverbial clause",
       "(ROOT (S (NP (NNS Officials)) (VP (VBD said) (SBAR (IN that) (S (NP (NNP Rohan)) (VP (VBD attacked) "
       "(SBAR (IN after) (S (NP (NNS talks)) (VP (VBD failed)))))))) (. .)))",
       {{"Officials", 2, "nsubj"},
        {"said", 0, "root"},
        {"that", 5, "mark"},
        {"Rohan", 5, "nsubj"},
        {"attacked", 2, "ccomp"},
        {"after", 8, "mark"},
        {"talks", 8, "nsubj"},
        {"failed", 5, "advcl"},
        {".", 2, "punct"}}},
      {"double object, particle, coordinated verbs",
       "(ROOT (S (NP (PRP They)) (VP (VP (VBD gave) (NP (DT the) (NNS envoys)) (NP (NNS gifts))) (CC and) "
       "(VP (VBD called) (PRT (RP off)) (NP (DT the) (NN siege)))) (. .)))",
       {{"They", 2, "nsubj"},
        {"gave", 0, "root"},
        {"the", 4, "det"},
        {"envoys", 2, "iobj"},
        {"gifts", 2, "obj"},
        {"and", 7, "cc"},
        {"called", 2, "conj"},
        {"off", 7, "compound:prt"},
        {"the", 10, "det"},
        {"siege", 7, "obj"},
        {".", 2, "punct"}}},
      {"reduced relative and a number",
       "(ROOT (S (NP (NP (CD Twelve) (NNS soldiers)) (VP (VBN wounded) (PP (IN in) (NP (NNP Osgiliath))))) "
       "(VP (VBD returned)) (. .)))",
       {{"Twelve", 2, "nummod"},
        {"soldiers", 6, "nsubj"},
        {"wounded", 2, "acl"},
        {"in", 5, "case"},
        {"Osgiliath", 3, "obl"},
        {"returned", 0, "root"},
        {".", 6, "punct"}}},
      {"a reported clause heads its reporting verb",
       "(ROOT (S (S (NP (NNP Rohan)) (VP (VBD mustered) (NP (NNS riders)))) (, ,) (NP (NNS scouts)) "
       "(VP (VBD said)) (. .)))",
       {{"Rohan", 2, "nsubj"},
        {"mustered", 0, "root"},
        {"riders", 2, "obj"},
        {",", 6, "punct"},
        {"scouts", 6, "nsubj"},
        {"said", 2, "parataxis"},
        {".", 2, "punct"}}},
      {"a bare participle after a preposition is an adjective",
       "(ROOT (S (NP (NNS Orcs)) (VP (VBD marched) (PP (IN toward) (S (VP (VBN ruined) (NP (NNP Osgiliath)))))) "
       "(. .)))",
       {{"Orcs", 2, "nsubj"},
        {"marched", 0, "root"},
        {"toward", 5, "case"},
        {"ruined", 5, "amod"},
        {"Osgiliath", 2, "obl"},
        {".", 2, "punct"}}},
      {"a by agent on an adverb of a passive verb",
       "(ROOT (S (NP (NNP Bree)) (VP (VBD was) (VP (VBN warned) (ADVP (RB again) (PP (IN by) (NP (NNS rangers)))))) "
       "(. .)))",
       {{"Bree", 3, "nsubj:pass"},
        {"was", 3, "aux:pass"},
        {"warned", 0, "root"},
        {"again", 3, "advmod"},
        {"by", 6, "case"},
        {"rangers", 3, "obl:agent"},
        {".", 3, "punct"}}},
      {"do with a bare infinitive bracketed as a clause",
       "(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (S (VP (VB protest) (NP (DT the) (NN toll))))) (. .)))",
       {{"Arnor", 3, "nsubj"},
        {"did", 3, "aux"},
        {"protest", 0, "root"},
        {"the", 5, "det"},
        {"toll", 3, "obj"},
        {".", 3, "punct"}}},
      {"a copula with a later clause",
       "(ROOT (S (NP (NNP Gondor)) (VP (VBZ is) (ADJP (JJ ready)) (SBAR (IN because) (S (NP (NNS beacons)) "
       "(VP (VBD burned))))) (. .)))",
       {{"Gondor", 3, "nsubj"},
        {"is", 3, "cop"},
        {"ready", 0, "root"},
        {"because", 6, "mark"},
        {"beacons", 6, "nsubj"},
        {"burned", 3, "advcl"},
        {".", 3, "punct"}}},
  };
  return kCases;
}

TEST(PennDependencies, HeadsAndRelations) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    auto s = penn_to_dependencies(c.tree);
    ASSERT_TRUE(s.ok()) << s.error().to_string();
    ASSERT_EQ(s->tokens.size(), c.arcs.size());
    for (std::size_t i = 0; i < c.arcs.size(); ++i) {
      SCOPED_TRACE(c.arcs[i].form);
      EXPECT_EQ(s->tokens[i].form, c.arcs[i].form);
      EXPECT_EQ(s->tokens[i].head, c.arcs[i].head);
      EXPECT_EQ(s->tokens[i].deprel, c.arcs[i].deprel);
    }
  }
}

TEST(PennDependencies, RolesDecideTheOpenPartsOfSpeech) {
  auto s = penn_to_dependencies(
      "(ROOT (S (NP (NNS Envoys)) (VP (VBD were) (VP (VBN sent) (S (VP (TO to) (VP (VB talk) "
      "(PP (IN with) (NP (NNP Rohan)))))))) (. .)))");
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  EXPECT_EQ(s->tokens[1].upos, "AUX");    // were: a passive auxiliary
  EXPECT_EQ(s->tokens[3].upos, "PART");   // to: an infinitive's mark
  EXPECT_EQ(s->tokens[5].upos, "ADP");    // with: a case
  auto had = penn_to_dependencies("(ROOT (S (NP (NNP Arnor)) (VP (VBD had) (NP (NNS doubts)))))");
  ASSERT_TRUE(had.ok());
  EXPECT_EQ(had->tokens[1].upos, "VERB");  // a main verb, not an auxiliary
  EXPECT_EQ(had->tokens[1].deprel, "root");
}

TEST(PennDependencies, SpansAndBracketWordsComeFromTheWordReader) {
  const std::string text = "Arnor (again) protested.";
  auto s = penn_to_dependencies(
      "(ROOT (S (NP (NNP Arnor)) (PRN (-LRB- -LRB-) (ADVP (RB again)) (-RRB- -RRB-)) (VP (VBD protested)) (. .)))",
      text);
  ASSERT_TRUE(s.ok()) << s.error().to_string();
  ASSERT_EQ(s->tokens.size(), 6u);
  EXPECT_EQ(s->tokens[1].form, "(");
  EXPECT_EQ(s->tokens[1].deprel, "punct");
  EXPECT_EQ(s->tokens[4].head, 0);
  EXPECT_EQ(text.substr(s->tokens[4].span.begin, s->tokens[4].span.size()), "protested");
}

TEST(PennDependencies, MalformedTreesAreParseErrors) {
  for (const std::string tree : {"(ROOT (S (NP (NNP Arnor)) stray (VP (VBD left))))",  // a word outside a leaf
                                 "(ROOT (S (NNP Arnor))) (ROOT (S (NNP Gondor)))",      // two trees
                                 "(ROOT (S (NNP Arnor))",                              // unbalanced
                                 "(ROOT (S () (NN x)))",                               // an empty phrase
                                 "(ROOT)", "", ")("}) {
    SCOPED_TRACE(tree);
    auto s = penn_to_dependencies(tree);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::kParse);
  }
  std::string deep;
  for (int i = 0; i <= kMaxPennDepth + 1; ++i) deep += "(X ";
  deep += "(NN word)";
  for (int i = 0; i <= kMaxPennDepth + 1; ++i) deep += ")";
  EXPECT_EQ(penn_to_dependencies(deep).error().code, ErrorCode::kParse);
}

TEST(PennDependencies, EveryWordHasOneHeadAndOneRoot) {
  for (const Case& c : cases()) {
    auto s = penn_to_dependencies(c.tree);
    ASSERT_TRUE(s.ok());
    int roots = 0;
    for (const Token& t : s->tokens) {
      EXPECT_GE(t.head, 0);
      EXPECT_LE(t.head, static_cast<int>(s->tokens.size()));
      roots += t.head == 0;
    }
    EXPECT_EQ(roots, 1) << c.name;
  }
}

// A PETRARCH record's tree is read converted; one that does not convert keeps its words
// and tags, without heads, for our parser.
TEST(PennDependencies, SuiteRecordsCarryConvertedTrees) {
  const auto path = std::filesystem::temp_directory_path() / "dyad_penn_suite.xml";
  std::ofstream(path) << "<Validation><Environment><Verbfile>x.txt</Verbfile></Environment>\n"
                         "<Sentence id=\"A\" category=\"DEMO\" date=\"20010101\"><Text>Arnor left.</Text>\n"
                         "<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBD left)) (. .)))</Parse></Sentence>\n"
                         "<Sentence id=\"B\" category=\"DEMO\" date=\"20010101\"><Text>Arnor left.</Text>\n"
                         "<Parse>(ROOT (S (NP (NNP Arnor)) stray (VP (VBD left)) (. .)))</Parse></Sentence>\n"
                         "</Validation>\n";
  auto suite = read_suite(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(suite.ok()) << suite.error().to_string();
  ASSERT_EQ(suite->records.size(), 2u);
  ASSERT_TRUE(suite->records[0].tagged && suite->records[1].tagged);
  const Sentence& converted = *suite->records[0].tagged;
  EXPECT_TRUE(converted.parsed());
  EXPECT_EQ(converted.tokens[0].deprel, "nsubj");
  EXPECT_EQ(converted.tokens[1].head, 0);
  EXPECT_FALSE(suite->records[1].tagged->parsed());
  EXPECT_EQ(suite->records[1].tagged->tokens.size(), 3u);
}

}  // namespace
}  // namespace dyad
