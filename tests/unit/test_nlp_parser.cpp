// Parser building blocks: projectivisation, Eisner decoding, perceptron model files, the
// beam parser on a toy treebank, and the model loaders' handling of bad files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "nlp/model_io.h"
#include "nlp/models.h"
#include "nlp/parser.h"
#include "nlp/perceptron.h"
#include "test_nlp_data.h"

namespace dyad::nlp {
namespace {

using testing::toy_treebank;

bool projective(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  for (int d = 1; d <= n; ++d) {
    const int h = heads[static_cast<std::size_t>(d - 1)];
    if (h <= 0) continue;
    for (int k = std::min(d, h) + 1; k < std::max(d, h); ++k) {
      int a = k;
      while (a != 0 && a != h) a = heads[static_cast<std::size_t>(a - 1)];
      if (a != h) return false;
    }
  }
  return true;
}

TEST(Projectivize, LiftsCrossingArcs) {
  struct Case {
    std::vector<int> heads;
    std::vector<int> expected;
  };
  const Case cases[] = {
      {{2, 0, 2}, {2, 0, 2}},           // already projective
      {{3, 4, 0, 3}, {3, 3, 0, 3}},     // 2 -> 4 crosses 3's span: lifted to 3
      {{0, 4, 1, 1}, {0, 1, 1, 1}},     // 2 -> 4 crosses 3 (child of 1)
  };
  for (const Case& c : cases) {
    const auto out = projectivize(c.heads);
    EXPECT_EQ(out, c.expected);
    EXPECT_TRUE(projective(out));
  }
}

TEST(Eisner, FindsTheBestProjectiveTree) {
  // Three words; scores favour 2 as root with 1 and 3 as its dependents.
  const int n = 3;
  std::vector<float> score(16, 0.0f);
  auto set = [&](int h, int d, float v) { score[static_cast<std::size_t>(h * (n + 1) + d)] = v; };
  set(0, 2, 10);
  set(2, 1, 5);
  set(2, 3, 5);
  set(1, 3, 6);  // tempting but would cross nothing; 1 -> 3 loses to 2 -> 3 + 2 -> 1 overall
  const auto heads = eisner(score, n);
  EXPECT_EQ(heads[1], 2);
  EXPECT_EQ(heads[2], 0);
  EXPECT_EQ(heads[3], 2);
}

TEST(Eisner, NeverCrossesArcs) {
  // Votes that prefer the crossing tree 1<-3, 2<-4 get a projective compromise.
  const int n = 4;
  std::vector<float> score(25, 0.0f);
  auto set = [&](int h, int d, float v) { score[static_cast<std::size_t>(h * (n + 1) + d)] = v; };
  set(0, 3, 1);
  set(3, 1, 3);
  set(4, 2, 3);
  set(3, 4, 1);
  set(1, 2, 2);
  const auto heads = eisner(score, n);
  std::vector<int> h(heads.begin() + 1, heads.end());
  EXPECT_TRUE(projective(h));
  int roots = 0;
  for (int x : h) roots += x == 0 ? 1 : 0;
  EXPECT_GE(roots, 1);
}

TEST(Perceptron, SparseModelSurvivesSaveAndLoad) {
  SparseTrainer t(3);
  const std::uint64_t f1[] = {feature(1, 7), feature(2, 9)};
  const std::uint64_t f2[] = {feature(1, 8)};
  for (int i = 0; i < 5; ++i) {
    t.update(f1, 2, 2, 0);
    t.tick();
    t.update(f2, 1, 1, 2);
    t.tick();
  }
  const SparseModel m = t.finish();
  BinaryWriter w;
  m.save(w);
  SparseModel back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.load(r));
  float a[3] = {0, 0, 0};
  float b[3] = {0, 0, 0};
  m.score(f1, 2, a);
  back.score(f1, 2, b);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(a[c], b[c], 1e-3f);
  EXPECT_GT(b[2], b[0]);
  // A truncated payload is refused, not read past its end.
  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, w.data().size() / 2, w.data().size() - 1}) {
    SparseModel bad;
    BinaryReader rr(std::string_view(w.data()).substr(0, cut));
    EXPECT_FALSE(bad.load(rr)) << cut;
  }
}

TEST(Perceptron, TrainingIsDeterministic) {
  auto train = [] {
    DenseHashedTrainer t(4, 10);
    for (std::size_t i : shuffled_indices(50, 42)) {
      const std::uint64_t f[] = {feature(3, i), feature(4, i % 7)};
      t.update(f, 2, static_cast<int>(i % 4), static_cast<int>((i + 1) % 4));
      t.tick();
    }
    BinaryWriter w;
    t.finish().save(w);
    return w.data();
  };
  EXPECT_EQ(train(), train());
  EXPECT_EQ(shuffled_indices(10, 1), shuffled_indices(10, 1));
}


std::vector<int> heads_of(const Sentence& s) {
  std::vector<int> h;
  for (const Token& t : s.tokens) h.push_back(t.head);
  return h;
}

TEST(BeamParser, LearnsAToyTreebankAndKeepsItsWidthInTheFile) {
  const std::vector<Sentence> train = toy_treebank();
  ParserTrainOptions options;
  options.beam = 4;
  options.members = 2;  // one left to right, one right to left
  options.threads = 1;
  options.epochs = 12;
  options.label_epochs = 5;
  options.hash_bits = 14;
  const auto model = train_parser(train, options);
  ASSERT_EQ(model->beams, (std::vector<int>{4, 4}));
  BinaryWriter w;
  model->save(w);
  ParserModel back;
  BinaryReader r(w.data());
  ASSERT_TRUE(back.load(r, kParserVersion));
  EXPECT_EQ(back.beams, model->beams);
  for (const Sentence& gold : train) {
    for (int members : {1, 2}) {
      Sentence s = gold;
      for (Token& t : s.tokens) {
        t.head = -1;
        t.deprel.clear();
      }
      parse_sentence(back, s, members);
      EXPECT_EQ(heads_of(s), heads_of(gold)) << gold.tokens[0].form << ", members " << members;
      for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        EXPECT_EQ(s.tokens[i].deprel, gold.tokens[i].deprel) << gold.tokens[i].form;
      }
    }
  }
}

TEST(BeamParser, TrainingIsDeterministic) {
  ParserTrainOptions options;
  options.beam = 3;
  options.members = 1;
  options.epochs = 3;
  options.label_epochs = 2;
  options.hash_bits = 12;
  auto bytes = [&] {
    BinaryWriter w;
    train_parser(toy_treebank(), options)->save(w);
    return w.data();
  };
  EXPECT_EQ(bytes(), bytes());
}

TEST(ModelFiles, BadFilesAreErrorsNotCrashes) {
  const auto dir = std::filesystem::temp_directory_path() / "dyad_test_nlp_models";
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "parser.bin").string();
  {
    std::ofstream(path) << "not a model";
  }
  auto r = load_parser(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  // Right header, wrong kind.
  ASSERT_TRUE(write_model_file(path, "tagger", kTaggerVersion, "xyz").ok());
  r = load_parser(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  // Right kind, other version.
  ASSERT_TRUE(write_model_file(path, kParserKind, kParserVersion + 7, "xyz").ok());
  r = load_parser(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupported);
  // Right kind and version, garbage payload.
  ASSERT_TRUE(write_model_file(path, kParserKind, kParserVersion, std::string(100, '\x07')).ok());
  r = load_parser(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kParse);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dyad::nlp
