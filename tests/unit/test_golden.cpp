// Our labelled sentences (tests/golden) as quality floors for the whole path: dyad's own
// tokenizer, tagger and parser, the shipped dictionaries, the coder. The floors start at the
// first measured value and only rise; heldout.jsonl and heldout2.jsonl are frozen and never
// tuned on.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "dyad/golden.h"
#include "dyad/nlp.h"
#include "test_support.h"

namespace dyad {
namespace {

struct Floors {
  const char* file;
  double code_f1, root_f1, root_precision;
};

GoldenScore score_file(const std::string& file) {
  auto sentences = read_golden(std::string(DYAD_SOURCE_DIR) + "/tests/golden/" + file);
  EXPECT_TRUE(sentences.ok()) << sentences.error().to_string();
  auto lexicon = load_default_lexicon();
  EXPECT_TRUE(lexicon.ok()) << lexicon.error().to_string();
  auto analyzer = Analyzer::load(default_nlp_models_dir());
  EXPECT_TRUE(analyzer.ok()) << analyzer.error().to_string();
  if (!sentences.ok() || !lexicon.ok() || !analyzer.ok()) return {};
  const Coder coder(*lexicon);
  auto score = score_golden(*sentences, coder, [&](const std::string& text) { return analyzer->analyze(text); });
  EXPECT_TRUE(score.ok());
  return score.ok() ? *score : GoldenScore{};
}

TEST(Golden, FloorsOnDevAndHeldout) {
  const Floors floors[] = {
      {"dev.jsonl", 0.53, 0.70, 0.77},
      // Wire-style development sentences, written blind on 2026-12-04.
      {"dev2.jsonl", 0.21, 0.29, 0.38},
      {"heldout.jsonl", 0.35, 0.53, 0.62},
      // Written blind on 2026-12-04 in the style of wire copy, after heldout.jsonl had been
      // consulted too often to stay a clean test (tests/golden/README.md).
      {"heldout2.jsonl", 0.25, 0.39, 0.47},
  };
  for (const auto& f : floors) {
    const GoldenScore s = score_file(f.file);
    EXPECT_GE(s.code.f1(), f.code_f1) << f.file << ": F1 on (source, target, code)";
    EXPECT_GE(s.root.f1(), f.root_f1) << f.file << ": F1 on (source, target, root)";
    EXPECT_GE(s.root.precision(), f.root_precision) << f.file << ": precision on (source, target, root)";
    std::printf("%s: code F1 %.3f, root P %.3f R %.3f F1 %.3f\n", f.file, s.code.f1(), s.root.precision(),
                s.root.recall(), s.root.f1());
    // Per root, for the CI log (the issue asks for it on each part).
    for (const auto& [root, prf] : s.by_root) {
      std::printf("  %s root %s: P %.3f R %.3f F1 %.3f (%d coded, %d expected)\n", f.file, root.c_str(),
                  prf.precision(), prf.recall(), prf.f1(), prf.predicted, prf.expected);
    }
    // Confidence means something: events below 0.5 are right less often than those at 0.8
    // and above, on both parts.
    const Prf low = s.by_confidence.count("0.0-0.5") ? s.by_confidence.at("0.0-0.5") : Prf{};
    const Prf high = s.by_confidence.count("0.8-0.9") ? s.by_confidence.at("0.8-0.9") : Prf{};
    ASSERT_GT(low.predicted, 0) << f.file;
    ASSERT_GT(high.predicted, 0) << f.file;
    EXPECT_LT(low.precision() + 0.2, high.precision()) << f.file << ": precision by confidence band";
  }
}

TEST(Golden, MalformedLineIsAnErrorWithWhere) {
  const auto path = std::filesystem::temp_directory_path() / "dyad_bad_golden.jsonl";
  std::ofstream(path) << R"({"id":"x","date":"2020-01-01","text":"A.","events":[]})" << "\n{broken\n";
  auto g = read_golden(path.string());
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().where, path.string() + ":2");
}

}  // namespace
}  // namespace dyad
