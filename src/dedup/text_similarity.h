// Content words of a sentence and their weighted overlap (see dyad/dedup.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::dedup {

struct WeightedWord {
  std::string word;  // lower-cased and suffix-stripped
  double weight = 0;
};
// Sorted by word, one entry per word.
using WeightedWords = std::vector<WeightedWord>;

WeightedWords content_words(std::string_view text);

// Weighted Dice overlap in [0, 1]: the weight of the shared words over the weight of all.
double similarity(const WeightedWords& a, const WeightedWords& b);

}  // namespace dyad::dedup
