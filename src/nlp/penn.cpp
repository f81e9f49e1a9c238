#include "dyad/penn.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "nlp/penn_tree.h"

namespace dyad::nlp {

std::vector<std::string_view> penn_tree_tokens(std::string_view tree) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < tree.size()) {
    const char c = tree[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back(tree.substr(i, 1));
      ++i;
    } else {
      std::size_t j = i;
      while (j < tree.size() && tree[j] != '(' && tree[j] != ')' && !std::isspace(static_cast<unsigned char>(tree[j]))) ++j;
      out.push_back(tree.substr(i, j - i));
      i = j;
    }
  }
  return out;
}

std::string restore_penn_word(std::string_view word) {
  static const std::array<std::pair<std::string_view, std::string_view>, 8> kEscapes{{{"-LRB-", "("},
                                                                                     {"-RRB-", ")"},
                                                                                     {"-LSB-", "["},
                                                                                     {"-RSB-", "]"},
                                                                                     {"-LCB-", "{"},
                                                                                     {"-RCB-", "}"},
                                                                                     {"``", "\""},
                                                                                     {"''", "\""}}};
  for (const auto& [from, to] : kEscapes) {
    if (word == from) return std::string(to);
  }
  return std::string(word);
}

bool penn_leaf_at(const std::vector<std::string_view>& tokens, std::size_t i) {
  const auto bracket = [](std::string_view t) { return t == "(" || t == ")"; };
  return tokens[i] == "(" && i + 3 < tokens.size() && !bracket(tokens[i + 1]) && !bracket(tokens[i + 2]) &&
         tokens[i + 3] == ")";
}

}  // namespace dyad::nlp

namespace dyad {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Forms of "be", "have" and "do", which are auxiliaries or main verbs by their use.
bool auxiliary_form(std::string_view word) {
  static const std::array<std::string_view, 22> kForms{"be",   "is",   "are",    "was",  "were", "been",
                                                       "being", "am",  "'s",     "'re",  "'m",   "have",
                                                       "has",  "had",  "having", "'ve",  "'d",   "do",
                                                       "does", "did",  "doing",  "done"};
  const std::string w = lower(word);
  return std::find(kForms.begin(), kForms.end(), w) != kForms.end();
}

}  // namespace

std::string upos_of_penn_tag(std::string_view tag, std::string_view word) {
  if (tag.starts_with("NNP")) return "PROPN";
  if (tag.starts_with("NN")) return "NOUN";
  if (tag == "MD") return "AUX";
  if (tag.starts_with("VB")) return auxiliary_form(word) ? "_" : "VERB";
  if (tag.starts_with("JJ")) return "ADJ";
  if (tag.starts_with("RB")) {
    const std::string w = lower(word);
    return w == "not" || w == "n't" ? "PART" : "ADV";
  }
  if (tag == "DT" || tag == "PDT") return "DET";
  if (tag == "PRP" || tag == "PRP$" || tag == "WP" || tag == "WP$" || tag == "EX") return "PRON";
  if (tag == "WRB") return "ADV";
  if (tag == "CD") return "NUM";
  if (tag == "CC") return "CCONJ";
  if (tag == "POS") return "PART";
  if (tag == "RP") return "ADP";
  if (tag == "UH") return "INTJ";
  if (tag == "FW" || tag == "LS") return "X";
  if (tag == "SYM" || tag == "$" || tag == "#") return "SYM";
  if (tag == "." || tag == "," || tag == ":" || tag == "``" || tag == "''" || tag == "-LRB-" || tag == "-RRB-" ||
      tag == "HYPH" || tag == "NFP") {
    return "PUNCT";
  }
  return "_";  // IN, TO, WDT and anything else: the tagger decides
}

Result<Sentence> read_penn_words(std::string_view tree, std::string_view text) {
  const auto tokens = nlp::penn_tree_tokens(tree);
  Sentence out;
  out.text = std::string(text);
  int depth = 0;
  std::size_t at = 0;  // where the search for the next word's span starts in `text`
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == "(") {
      ++depth;
    } else if (tokens[i] == ")") {
      if (--depth < 0) return make_error(ErrorCode::kParse, "Penn tree: a \")\" closes nothing");
    }
    // A leaf: "(TAG word)".
    if (!nlp::penn_leaf_at(tokens, i)) continue;
    Token t;
    t.form = nlp::restore_penn_word(tokens[i + 2]);
    t.xpos = std::string(tokens[i + 1]);
    t.upos = upos_of_penn_tag(t.xpos, t.form);
    t.lemma = t.feats = t.deps = t.misc = "_";
    // The word is next in the text but for spaces; a word the text writes otherwise
    // ("Dol_Amroth" in the tree) gets no span, and the words after it are still found.
    std::size_t start = at;
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
    if (text.substr(start).starts_with(t.form)) {
      t.span = Span{start, start + t.form.size()};
      at = t.span.end;
    }
    out.tokens.push_back(std::move(t));
  }
  if (depth != 0) return make_error(ErrorCode::kParse, "Penn tree: brackets do not balance");
  if (out.tokens.empty()) return make_error(ErrorCode::kParse, "Penn tree: no words");
  if (out.text.empty()) {
    for (const Token& t : out.tokens) out.text += (out.text.empty() ? "" : " ") + t.form;
  }
  return out;
}

}  // namespace dyad
