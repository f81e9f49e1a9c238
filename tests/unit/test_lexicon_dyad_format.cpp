// dyad's dictionary format: what each construct reads into, what a broken line reports,
// and that writing then reading any lexicon gives it back (docs/dictionaries.md).
#include <gtest/gtest.h>

#include <climits>
#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include "dyad/date.h"
#include "dyad/lexicon.h"
#include "unit/test_lexicon_compare.h"

namespace dyad {
namespace {

Lexicon parse(const std::string& text, LoadOptions options = {}) {
  Lexicon lex;
  (void)parse_dyad_dictionary(text, "t.dyad", lex, options);
  return lex;
}

long day(const char* iso) { return parse_date(iso)->days(); }

std::vector<std::string> names_of(const Lexicon& lex, const PhraseIndex& index, std::size_t entry) {
  std::vector<std::string> out;
  for (const PhraseRef* r : index.all()) {
    if (r->entry == entry) out.push_back(testing::show(r->phrase));
  }
  (void)lex;
  return out;
}

TEST(DyadFormat, ReadsActorsWithNamesStemsAndDatedCodes) {
  const Lexicon lex = parse(R"(# leaders
actor BARACK OBAMA
  OBAMA                          # a surname alone
  PRESIDENT OBAMA
  [USAELI ..2009-01-19]
  [USAGOV 2009-01-20..2017-01-20]
  [USAELI 2017-01-21..]

actor ARGENTIN*  [ARG]
actor AFGHANISTAN  [AFG]
  id: AFGHANISTAN_ROOT
  AFGHAN
)");
  ASSERT_TRUE(lex.issues.empty()) << lex.issues.front().where << " " << lex.issues.front().message;
  ASSERT_EQ(lex.actors.size(), 3u);
  const ActorEntry& obama = lex.actors[0];
  EXPECT_EQ(obama.id, "BARACK_OBAMA_");
  EXPECT_EQ(obama.where, "t.dyad:2");
  ASSERT_EQ(obama.codes.size(), 3u);
  EXPECT_EQ(obama.codes[0].code, "USAELI");
  EXPECT_EQ(obama.codes[0].from, LONG_MIN);
  EXPECT_EQ(obama.codes[0].to, day("2009-01-19"));
  EXPECT_EQ(obama.codes[1].from, day("2009-01-20"));
  EXPECT_EQ(obama.codes[1].to, day("2017-01-20"));
  EXPECT_EQ(obama.codes[2].to, LONG_MAX);
  EXPECT_EQ(obama.code_on(Date{2012, 5, 1}), "USAGOV");
  EXPECT_EQ(obama.code_on(Date{2020, 5, 1}), "USAELI");
  EXPECT_EQ(names_of(lex, lex.actor_phrases, 0).size(), 3u);

  EXPECT_EQ(lex.actors[1].id, "ARGENTIN");  // a stem: no "_"
  EXPECT_EQ(names_of(lex, lex.actor_phrases, 1), std::vector<std::string>{"\"ARGENTIN*\""});
  EXPECT_EQ(lex.actors[2].id, "AFGHANISTAN_ROOT");
  std::vector<const PhraseRef*> hits;
  lex.actor_phrases.candidates("ARGENTINA", hits);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]->entry, 1u);
}

// "PLA*" is an acronym (PLA, PLAS); "PLA**" a short stem that begins any word, as TABARI
// reads it (LexWord::any_prefix); an escaped star stays part of the word.
TEST(DyadFormat, TwoStarsMarkAShortStemThatBeginsAnyWord) {
  const Lexicon lex = parse(R"(actor PLA*  [CHNMIL]
actor PLA**  [CHN]
actor PLA\**  [XXX]
class RIDE  [042]
  verb RIDE
  pattern * GON**  [043]
  pattern * GON*  [044]
discard CUP**
)");
  ASSERT_TRUE(lex.issues.empty()) << lex.issues.front().where << " " << lex.issues.front().message;
  ASSERT_EQ(lex.actors.size(), 3u);
  std::map<std::string, LexWord> by_code;
  for (const PhraseRef* r : lex.actor_phrases.all()) by_code[lex.actors[r->entry].codes.front().code] = r->phrase.at(0);
  ASSERT_EQ(by_code.size(), 3u);
  EXPECT_EQ(by_code["CHNMIL"].text, "PLA");
  EXPECT_FALSE(by_code["CHNMIL"].any_prefix);
  EXPECT_FALSE(word_matches(by_code["CHNMIL"], "PLAN"));
  EXPECT_EQ(by_code["CHN"].text, "PLA");
  EXPECT_TRUE(by_code["CHN"].stem);
  EXPECT_TRUE(by_code["CHN"].any_prefix);
  EXPECT_TRUE(word_matches(by_code["CHN"], "PLAN"));
  EXPECT_EQ(by_code["XXX"].text, "PLA*");
  EXPECT_FALSE(by_code["XXX"].any_prefix);
  const auto& patterns = lex.verb_classes.at(0).patterns;
  ASSERT_EQ(patterns.size(), 2u);
  EXPECT_TRUE(patterns[0].after.at(0).word.any_prefix);
  EXPECT_EQ(patterns[0].after.at(0).word.text, "GON");
  EXPECT_FALSE(patterns[1].after.at(0).word.any_prefix);
  ASSERT_EQ(lex.discards.size(), 1u);
  EXPECT_TRUE(word_matches(lex.discards[0].phrase.at(0), "CUPBOARD"));
  // Written back with the same marks.
  const std::string text = write_dyad_dictionary(lex);
  for (const char* line : {"actor PLA*  [CHNMIL]\n", "actor PLA**  [CHN]\n", "actor PLA\\**  [XXX]\n",
                           "  pattern * GON**  [043]\n", "discard CUP**\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line << " in\n" << text;
  }
}

TEST(DyadFormat, ReadsAgentsBeforeAndAfterTheCountry) {
  const Lexicon lex = parse(R"(
agent NAVY  [~NAV]
  NAVIES
agent MEDECINS SANS FRONTIERES  [NGO~]
  MSF
agent FISHERMAN  [~AGR]
  id: FISHER!PERSON!
  FISHERMEN
)");
  ASSERT_TRUE(lex.issues.empty()) << lex.issues.front().message;
  ASSERT_EQ(lex.agents.size(), 3u);
  EXPECT_EQ(lex.agents[0].id, "NAVY");
  EXPECT_EQ(lex.agents[0].code, "NAV");
  EXPECT_FALSE(lex.agents[0].before);
  EXPECT_EQ(lex.agents[1].id, "MEDECINS_SANS_FRONTIERES");
  EXPECT_EQ(lex.agents[1].code, "NGO");
  EXPECT_TRUE(lex.agents[1].before);
  EXPECT_EQ(lex.agents[2].id, "FISHER!PERSON!");
  EXPECT_EQ(lex.agent_phrases.size(), 6u);
}

TEST(DyadFormat, ReadsVerbClassesVerbsAndPatterns) {
  const Lexicon lex = parse(R"(
synset WEAPON
  GUN
  ROCKET LAUNCHER
  &ARMS
synset ARMS
  RIFLE

class VISIT [042:043]
  verb VISIT
  verb FLY forms: FLEW FLOWN FLIES  [042]
  verb BLOW +UP forms: BLEW BLOWN
  verb ABUS*
  pattern * (TO +)  [042:043]
  pattern $ * {STATE VISIT} &WEAPON ^ %  [043]
  pattern IN\* *  [---]
)");
  ASSERT_TRUE(lex.issues.empty()) << lex.issues.front().where << " " << lex.issues.front().message;
  ASSERT_EQ(lex.verb_classes.size(), 1u);
  const VerbClass& c = lex.verb_classes[0];
  EXPECT_EQ(c.name, "VISIT");
  EXPECT_EQ(c.code, "042");
  EXPECT_EQ(c.paired, "043");
  ASSERT_EQ(lex.verbs.size(), 4u);
  EXPECT_EQ(lex.verbs[1].forms, (std::vector<std::string>{"FLEW", "FLOWN", "FLIES"}));
  EXPECT_EQ(lex.verbs[1].code, "042");
  EXPECT_EQ(lex.verbs[2].words, (std::vector<std::string>{"BLOW", "UP"}));
  EXPECT_EQ(lex.verbs[2].verb_index, 1u);
  EXPECT_TRUE(lex.verbs[3].stem);
  EXPECT_EQ(lex.verbs[3].words, std::vector<std::string>{"ABUS"});
  EXPECT_EQ(lex.verbs_by_word.at("FLEW"), std::vector<std::size_t>{1});
  EXPECT_EQ(lex.verbs_by_word.at("UP"), std::vector<std::size_t>{2});

  ASSERT_EQ(c.patterns.size(), 3u);
  using K = PatternItem::Kind;
  const VerbPattern& p0 = c.patterns[0];
  ASSERT_EQ(p0.after.size(), 4u);
  EXPECT_EQ(p0.after[0].kind, K::kPrepBegin);
  EXPECT_EQ(p0.after[1].word.text, "TO");
  EXPECT_EQ(p0.after[2].kind, K::kTarget);
  EXPECT_EQ(p0.after[3].kind, K::kPrepEnd);
  EXPECT_EQ(p0.paired, "043");
  EXPECT_EQ(p0.specificity, 1);
  EXPECT_EQ(p0.where, "t.dyad:14");
  const VerbPattern& p1 = c.patterns[1];
  ASSERT_EQ(p1.before.size(), 1u);
  EXPECT_EQ(p1.before[0].kind, K::kSource);
  ASSERT_EQ(p1.after.size(), 7u);
  EXPECT_EQ(p1.after[4].kind, K::kSynset);
  EXPECT_EQ(p1.after[4].synset, "WEAPON");
  EXPECT_EQ(p1.after[5].kind, K::kSkip);
  EXPECT_EQ(p1.after[6].kind, K::kCompound);
  EXPECT_EQ(p1.specificity, 3);
  // "\*" is a literal star, not the verb's place nor a stem.
  ASSERT_EQ(c.patterns[2].before.size(), 1u);
  EXPECT_EQ(c.patterns[2].before[0].word.text, "IN*");
  EXPECT_FALSE(c.patterns[2].before[0].word.stem);

  EXPECT_EQ(lex.synsets.at("WEAPON").size(), 3u);
  EXPECT_EQ(lex.expand_synset("WEAPON").size(), 3u);  // GUN, ROCKET LAUNCHER, RIFLE
}

TEST(DyadFormat, ReadsDiscardsAndNegations) {
  const Lexicon lex = parse("discard WORLD CUP\ndiscard-story MANCHESTER UNITED\nnegate 190 as 087\n");
  ASSERT_TRUE(lex.issues.empty());
  ASSERT_EQ(lex.discards.size(), 2u);
  EXPECT_FALSE(lex.discards[0].whole_story);
  EXPECT_TRUE(lex.discards[1].whole_story);
  EXPECT_EQ(lex.negations.at("190"), "087");
}

TEST(DyadFormat, ReportsBrokenLinesWithFileAndLine) {
  struct Case {
    const char* text;
    const char* where;    // of the first issue
    const char* message;  // part of it
  };
  const Case cases[] = {
      {"actor X [USA 2009-13-01..]\n", "t.dyad:1", "bad date"},
      {"actor X [USA 2009-01-01]\n", "t.dyad:1", "bad date range"},
      {"actor X [USA\n", "t.dyad:1", "unclosed"},
      {"\n\nactors X [USA]\n", "t.dyad:3", "unknown keyword"},
      {"  X\n", "t.dyad:1", "outside any block"},
      {"actor X [USA]\n  Y [GBR]\n", "t.dyad:2", "cannot carry a [code]"},
      {"actor\n", "t.dyad:1", "without a name or an id"},
      {"agent NAVY [NAV]\n", "t.dyad:1", "needs one \"~\""},
      {"agent NAVY\n", "t.dyad:1", "needs one [code]"},
      {"class X [010]\n  pattern * TO\n", "t.dyad:2", "ends with its [code]"},
      {"class X [010]\n  pattern TO [011]\n", "t.dyad:2", "without the verb's place"},
      {"class X [010]\n  pattern * TO * [011]\n", "t.dyad:2", "two \"*\""},
      {"class X [010]\n  verb +A +B\n", "t.dyad:2", "two words marked"},
      {"class X [010]\n  verb A* +B\n", "t.dyad:2", "only the verb word"},
      {"class X [010]\n  AGREE\n", "t.dyad:2", "\"verb\" and \"pattern\""},
      {"class X\n", "t.dyad:1", "needs one [code]"},
      {"synset\n", "t.dyad:1", "synset NAME"},
      {"negate 190 087\n", "t.dyad:1", "negate CODE as CODE"},
      {"discard\n", "t.dyad:1", "empty discard"},
      {"actor A\\", "t.dyad:1", "backslash"},
      {"actor \xC3\x28 [USA]\n", "t.dyad:1", "malformed UTF-8"},
  };
  for (const auto& c : cases) {
    const Lexicon lex = parse(c.text);
    ASSERT_FALSE(lex.issues.empty()) << c.text;
    EXPECT_EQ(lex.issues.front().where, c.where) << c.text;
    EXPECT_NE(lex.issues.front().message.find(c.message), std::string::npos)
        << c.text << " -> " << lex.issues.front().message;
  }
}

TEST(DyadFormat, LenientModeSkipsTheBrokenLineStrictModeStopsThere) {
  const std::string text = "actor A [USA]\nactor B [GBR 2001-02-30..]\nactor C [FRA]\n";
  Lexicon lenient;
  EXPECT_TRUE(parse_dyad_dictionary(text, "t.dyad", lenient, {}));
  EXPECT_EQ(lenient.issues.size(), 1u);
  EXPECT_EQ(lenient.actors.size(), 2u);  // A and C

  Lexicon strict;
  const Status s = parse_dyad_dictionary(text, "t.dyad", strict, LoadOptions{.strict = true});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().where, "t.dyad:2");
  EXPECT_EQ(s.error().code, ErrorCode::kParse);
  EXPECT_EQ(strict.actors.size(), 1u);  // nothing after the first broken line
}

// A lexicon with the awkward cases: words that need escapes, odd ids, class names with
// spaces, codes of every shape. Written and read back, it must not change.
TEST(DyadFormat, WriteThenReadGivesTheSameLexicon) {
  Lexicon a;
  // Built field by field: the structs grow (with defaults) as the coder needs more.
  auto actor = [&](std::string id, std::vector<DatedCode> codes, std::vector<Phrase> names) {
    ActorEntry e;
    e.id = std::move(id);
    e.codes = std::move(codes);
    e.where = "x:1";
    a.actors.push_back(std::move(e));
    for (auto& n : names) a.actor_phrases.add(std::move(n), a.actors.size() - 1);
  };
  actor("BARACK_OBAMA_", {{"USAGOV", day("2009-01-20"), day("2017-01-20")}, {"USAELI"}},
        {parse_phrase("BARACK_OBAMA_"), parse_phrase("OBAMA_"), parse_phrase("ARGENTIN")});
  actor("AL GORE", {{"USA", LONG_MIN, day("2001-01-01")}}, {Phrase{{"#1", false}, {"STAR*", false}, {"[X]", true}}});
  actor("NO NAMES", {{"---"}}, {});
  actor("weird\\id:", {{"ABC", day("1990-01-01"), LONG_MAX}}, {Phrase{{"&AMP", false}}, Phrase{{"ID:", false}}});
  auto agent = [&](std::string id, std::string code, bool before) {
    AgentEntry g;
    g.id = std::move(id);
    g.code = std::move(code);
    g.before = before;
    a.agents.push_back(std::move(g));
  };
  agent("CATTLE!PERSON!", "AGR", false);
  a.agent_phrases.add(parse_phrase("CATTLEMAN_"), 0);
  a.agent_phrases.add(parse_phrase("CATTLEMEN_"), 0);
  agent("MSF", "NGO", true);
  a.agent_phrases.add(Phrase{{"MSF", false}}, 1);
  auto verb_class = [&](std::string name, std::string code, std::string paired) {
    VerbClass c;
    c.name = std::move(name);
    c.code = std::move(code);
    c.paired = std::move(paired);
    a.verb_classes.push_back(std::move(c));
  };
  verb_class("SAY  TWICE", "010", "");
  verb_class("", "042", "043");
  using K = PatternItem::Kind;
  auto word = [](std::string w, bool stem = false) {
    PatternItem i;
    i.word = LexWord{std::move(w), stem};
    return i;
  };
  auto mark = [](K k) {
    PatternItem i;
    i.kind = k;
    return i;
  };
  PatternItem syn = mark(K::kSynset);
  syn.synset = "WEAPON";
  VerbPattern p;
  p.before = {mark(K::kSource), word("(")};
  p.after = {mark(K::kPrepBegin), word("TO"), mark(K::kTarget), mark(K::kPrepEnd), mark(K::kPhraseBegin), word("+"),
             word("*"), mark(K::kPhraseEnd), syn, word("ATTACK", true), mark(K::kSkip), mark(K::kCompound)};
  p.code = "";
  p.paired = "173";
  p.specificity = 6;  // words and synsets: ( TO + * &WEAPON ATTACK
  a.verb_classes[1].patterns.push_back(p);
  auto verb = [&](std::vector<std::string> words, std::size_t verb_index, std::vector<std::string> forms,
                  std::string code, std::size_t verb_class_index, bool stem) {
    VerbEntry v;
    v.words = std::move(words);
    v.verb_index = verb_index;
    v.forms = std::move(forms);
    v.code = std::move(code);
    v.verb_class = verb_class_index;
    v.stem = stem;
    const std::size_t i = a.verbs.size();
    a.verbs_by_word[v.words[v.verb_index]].push_back(i);
    for (const auto& f : v.forms) a.verbs_by_word[f].push_back(i);
    a.verbs.push_back(std::move(v));
  };
  verb({"SAY"}, 0, {"SAID"}, "", 0, false);
  verb({"+PLUS", "UP"}, 1, {}, "011", 0, false);
  verb({"ABUS"}, 0, {}, "", 1, true);
  a.synsets["WEAPON"] = {Phrase{{"GUN", false}}, Phrase{{"&ARMS", false}}, Phrase{{"ROCKET", false}, {"LAUNCHER*", false}}};
  a.synsets["EMPTY"];
  auto discard = [&](Phrase phrase, bool story) {
    Discard d;
    d.phrase = std::move(phrase);
    d.whole_story = story;
    a.discards.push_back(std::move(d));
  };
  discard(parse_phrase("WORLD_CUP"), false);
  discard(Phrase{{"#HASHTAG", false}}, true);
  for (std::size_t i = 0; i < a.discards.size(); ++i) a.discard_phrases.add(a.discards[i].phrase, i);
  a.negations = {{"190", "087"}, {"087", "190"}};

  const std::string text = write_dyad_dictionary(a);
  Lexicon b;
  const Status s = parse_dyad_dictionary(text, "w.dyad", b, LoadOptions{.strict = true});
  ASSERT_TRUE(s) << s.error().to_string() << "\n" << text;
  EXPECT_EQ(testing::compare_lexicons(a, b), "") << text;
  EXPECT_EQ(write_dyad_dictionary(b), text);
}

TEST(DyadFormat, WriterFiltersBySourceFile) {
  Lexicon lex;
  (void)parse_dyad_dictionary("actor A [USA]\nagent NAVY [~NAV]\n", "one.dyad", lex, {});
  (void)parse_dyad_dictionary("actor B [GBR]\n", "two.dyad", lex, {});
  DyadWriteOptions only_two;
  only_two.from = "two.dyad";
  const std::string text = write_dyad_dictionary(lex, only_two);
  EXPECT_EQ(text.find("actor A"), std::string::npos);
  EXPECT_NE(text.find("actor B"), std::string::npos);
  EXPECT_EQ(text.find("agent"), std::string::npos);
}

TEST(DyadFormat, FolderLoadsInNameOrderAndRejectsAMissingFolder) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad-test-folder-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "later");
  std::ofstream(dir / "b.dyad") << "actor SECOND [GBR]\n";
  std::ofstream(dir / "a.dyad") << "actor FIRST [USA]\n";
  std::ofstream(dir / "notes.txt") << "not a dictionary\n";
  std::ofstream(dir / "later" / "x.dyad") << "actor THIRD [FRA]\n";
  auto lex = load_lexicon_dirs({dir.string(), (dir / "later").string(), (dir / "absent").string()});
  ASSERT_TRUE(lex) << lex.error().to_string();
  ASSERT_EQ((*lex)->actors.size(), 3u);
  EXPECT_EQ((*lex)->actors[0].id, "FIRST_");
  EXPECT_EQ((*lex)->actors[1].id, "SECOND_");
  EXPECT_EQ((*lex)->actors[2].id, "THIRD_");
  EXPECT_NE((*lex)->version.find("a.dyad@"), std::string::npos);
  EXPECT_FALSE(load_lexicon_dir((dir / "absent").string()));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad
