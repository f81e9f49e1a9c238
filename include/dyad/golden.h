// Our own labelled sentences (tests/golden): reading them and scoring a coder on them.
// Format and labelling rules: tests/golden/README.md.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "dyad/coder.h"
#include "dyad/result.h"
#include "dyad/sentence.h"
#include "dyad/validation.h"

namespace dyad {

struct GoldenSentence {
  std::string id;
  Date date;
  std::string text;
  std::vector<ExpectedEvent> events;  // target "---" when no target is named
  std::vector<std::string> tags;
  std::string where;                  // file:line
};

// Reads a golden JSON Lines file. A malformed line is an error with file:line.
Result<std::vector<GoldenSentence>> read_golden(const std::string& path);

struct Prf {
  int true_positives = 0, predicted = 0, expected = 0;
  double precision() const { return predicted ? static_cast<double>(true_positives) / predicted : 0; }
  double recall() const { return expected ? static_cast<double>(true_positives) / expected : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct GoldenScore {
  Prf code;   // over (source, target, code)
  Prf root;   // over (source, target, root)
  std::map<std::string, Prf> by_root;  // (source, target, root), per expected/predicted root
  // Precision of predicted events by confidence band [0.0,0.5), [0.5,0.6), ... [0.9,1.0].
  std::map<std::string, Prf> by_confidence;
  struct Miss {
    const GoldenSentence* sentence;
    std::vector<ExpectedEvent> actual;
  };
  std::vector<Miss> misses;  // sentences whose predicted set differs from the expected set
};

// Parses raw text into sentences (dyad's analyzer, or a stand-in in tests).
using TextParser = std::function<Result<std::vector<Sentence>>(const std::string& text)>;

// Codes every sentence and scores it. Events compare on the actor codes (country and
// roles) and the event code; flagged (negated, hypothetical) mentions are not acts and
// are left out, as the labels leave them out.
Result<GoldenScore> score_golden(const std::vector<GoldenSentence>& sentences, const Coder& coder,
                                 const TextParser& parser);

}  // namespace dyad
