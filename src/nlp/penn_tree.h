// The bracket reading shared by read_penn_words and penn_to_dependencies (penn.cpp,
// penn_deps.cpp): a tree's "(", ")", labels and words, and a word as the text writes it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::nlp {

std::vector<std::string_view> penn_tree_tokens(std::string_view tree);

// The word as the text has it: treebanks escape brackets and write quotes as `` and ''.
std::string restore_penn_word(std::string_view word);

// True when tokens[i..i+3] are "(", a tag, a word, ")": a leaf, one word of the sentence.
bool penn_leaf_at(const std::vector<std::string_view>& tokens, std::size_t i);

}  // namespace dyad::nlp
