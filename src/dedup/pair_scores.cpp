// Pair precision and recall of a grouping against gold groups.
//
// Counting pairs by group sizes, not by enumerating them: within each (predicted, gold)
// cell every pair is a true positive; the predicted-group pairs minus those are false
// positives, the gold-group pairs minus those false negatives.
#include <map>
#include <utility>

#include "dyad/dedup.h"

namespace dyad {
namespace {

long pairs(long n) { return n * (n - 1) / 2; }

}  // namespace

double PairScores::precision() const {
  const long predicted = true_positives + false_positives;
  return predicted == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(predicted);
}

double PairScores::recall() const {
  const long gold = true_positives + false_negatives;
  return gold == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(gold);
}

double PairScores::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

PairScores score_pairs(const std::unordered_map<std::string, std::string>& predicted,
                       const std::unordered_map<std::string, std::string>& gold) {
  std::map<std::string, long> by_predicted;
  std::map<std::string, long> by_gold;
  std::map<std::pair<std::string, std::string>, long> by_both;
  for (const auto& [mention, event] : predicted) {
    auto g = gold.find(mention);
    if (g == gold.end()) continue;
    ++by_predicted[event];
    ++by_gold[g->second];
    ++by_both[{event, g->second}];
  }
  PairScores s;
  long predicted_pairs = 0;
  long gold_pairs = 0;
  for (const auto& [key, n] : by_both) s.true_positives += pairs(n);
  for (const auto& [key, n] : by_predicted) predicted_pairs += pairs(n);
  for (const auto& [key, n] : by_gold) gold_pairs += pairs(n);
  s.false_positives = predicted_pairs - s.true_positives;
  s.false_negatives = gold_pairs - s.true_positives;
  return s;
}

}  // namespace dyad
