// Penn constituency trees to UD v2 dependencies (penn_to_dependencies, dyad/penn.h).
//
// Two steps, as in Stanford's converter: every phrase's head word is found by Collins's
// head rules changed to prefer content words (a prepositional phrase is headed by its
// noun, a verb phrase with an auxiliary by its main verb, a copular one by its predicate),
// and every other word of the phrase hangs on that head by a relation read from the two
// phrases' categories and their order. A few relations need the whole clause and are set
// afterwards (passive subjects, an object raised out of an infinitive, parts of speech).
#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <vector>

#include "dyad/penn.h"
#include "nlp/penn_tree.h"

namespace dyad {
namespace {

struct Node {
  std::string_view label;     // the category without function tags: "NP" of "NP-TMP"
  std::string_view function;  // the function tag: "TMP" of "NP-TMP", else empty
  int word = -1;              // a leaf's word (0-based), else -1
  std::vector<int> kids;
  int head = -1;  // the head word (0-based), once attached
};

struct Tree {
  std::vector<Node> nodes;
  int root = -1;
};

// "NP-TMP" is NP with the function TMP; "-LRB-" and "-NONE-" are labels of their own.
void split_label(std::string_view label, Node& n) {
  const auto cut = label.find_first_of("-=", 1);
  n.label = label.substr(0, cut);
  if (cut != std::string_view::npos) n.function = label.substr(cut + 1);
}

// Reads the bracketed tree into nodes, numbering leaves as read_penn_words numbers words.
class TreeReader {
 public:
  explicit TreeReader(const std::vector<std::string_view>& tokens) : tokens_(tokens) {}

  Result<Tree> read() {
    Tree tree;
    auto root = phrase(tree, 0);
    if (!root) return root.error();
    if (pos_ != tokens_.size()) return fail("more than one tree");
    tree.root = *root;
    return tree;
  }

 private:
  static Error fail(std::string_view why) { return make_error(ErrorCode::kParse, "Penn tree: " + std::string(why)); }

  Result<int> phrase(Tree& tree, int depth) {
    if (depth > kMaxPennDepth) return fail("nested too deep");
    if (pos_ >= tokens_.size() || tokens_[pos_] != "(") return fail("a phrase must open with \"(\"");
    Node n;
    if (nlp::penn_leaf_at(tokens_, pos_)) {
      n.label = tokens_[pos_ + 1];
      n.word = words_++;
      pos_ += 4;
    } else {
      ++pos_;
      if (pos_ < tokens_.size() && tokens_[pos_] != "(" && tokens_[pos_] != ")") split_label(tokens_[pos_++], n);
      while (pos_ < tokens_.size() && tokens_[pos_] != ")") {
        if (tokens_[pos_] != "(") return fail("a word outside a (TAG word) leaf");
        auto kid = phrase(tree, depth + 1);
        if (!kid) return kid.error();
        n.kids.push_back(*kid);
      }
      if (pos_ >= tokens_.size()) return fail("brackets do not balance");
      ++pos_;
      if (n.kids.empty()) return fail("an empty phrase");
    }
    tree.nodes.push_back(std::move(n));
    return static_cast<int>(tree.nodes.size()) - 1;
  }

  const std::vector<std::string_view>& tokens_;
  std::size_t pos_ = 0;
  int words_ = 0;
};

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool punctuation_tag(std::string_view tag) {
  return one_of(tag, {".", ",", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"});
}

bool be_form(std::string_view word) {
  return one_of(lower(word), {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m"});
}

bool auxiliary_form(std::string_view word) {
  return be_form(word) || one_of(lower(word), {"have", "has", "had", "having", "'ve", "'d", "do", "does", "did"});
}

// One of Collins's head rules: scan the phrase's children from the left or the right for
// the first one with a category of the list.
struct HeadRule {
  bool from_left;
  std::vector<std::string_view> labels;
};

// Collins (1999), as Stanford's converter uses it, but that content words come first
// (VP before TO and IN in S). NP is found by its own procedure.
const std::vector<HeadRule>* collins_rules(std::string_view label) {
  static const std::vector<std::pair<std::string_view, std::vector<HeadRule>>> kRules{
      {"ADJP", {{true, {"NNS", "QP", "NN", "$", "ADVP", "JJ", "VBN", "VBG", "ADJP", "JJR", "NP", "JJS", "DT", "FW",
                        "RBR", "RBS", "SBAR", "RB"}}}},
      {"ADVP", {{false, {"RB", "RBR", "RBS", "FW", "ADVP", "TO", "CD", "JJR", "JJ", "IN", "NP", "JJS", "NN"}}}},
      {"CONJP", {{false, {"CC", "RB", "IN"}}}},
      {"FRAG", {{false, {}}}},
      {"INTJ", {{true, {}}}},
      {"LST", {{false, {"LS", ":"}}}},
      {"NAC", {{true, {"NN", "NNS", "NNP", "NNPS", "NP", "NAC", "EX", "$", "CD", "QP", "PRP", "VBG", "JJ", "JJS", "JJR",
                       "ADJP", "FW"}}}},
      {"PP", {{true, {"IN", "TO", "VBG", "VBN", "RP", "FW"}}}},
      {"PRN", {{true, {"VP", "NP", "S", "SBAR", "PP", "ADJP"}}}},
      {"PRT", {{false, {"RP"}}}},
      {"QP", {{true, {"$", "IN", "NNS", "NN", "JJ", "RB", "DT", "CD", "NCD", "QP", "JJR", "JJS"}}}},
      {"RRC", {{false, {"VP", "NP", "ADVP", "ADJP", "PP"}}}},
      {"S", {{true, {"VP", "S", "SBAR", "ADJP", "UCP", "NP", "TO", "IN"}}}},
      {"SBAR", {{true, {"S", "SQ", "SINV", "SBAR", "FRAG", "WHNP", "WHPP", "WHADVP", "WHADJP", "IN", "DT"}}}},
      {"SBARQ", {{true, {"SQ", "S", "SINV", "SBARQ", "FRAG"}}}},
      {"SINV", {{true, {"VBZ", "VBD", "VBP", "VB", "MD", "VP", "S", "SINV", "ADJP", "NP"}}}},
      {"SQ", {{true, {"VBZ", "VBD", "VBP", "VB", "MD", "VP", "SQ"}}}},
      {"UCP", {{false, {}}}},
      // A verb phrase with no verb ("is (VP about (S to restore ...))") is its clause's.
      {"VP", {{true, {"TO", "VBD", "VBN", "MD", "VBZ", "VB", "VBG", "VBP", "VP", "ADJP", "NN", "NNS", "NP", "S",
                      "SBAR"}}}},
      {"WHADJP", {{true, {"CC", "WRB", "JJ", "ADJP"}}}},
      {"WHADVP", {{false, {"CC", "WRB"}}}},
      {"WHNP", {{true, {"WDT", "WP", "WP$", "WHADJP", "WHPP", "WHNP"}}}},
      {"WHPP", {{false, {"IN", "TO", "FW"}}}},
  };
  for (const auto& [name, rules] : kRules) {
    if (name == label) return &rules;
  }
  return nullptr;
}

class Converter {
 public:
  Converter(const Tree& tree, Sentence& s) : tree_(tree), s_(s) {}

  void run() {
    const int root = attach(tree_.root);
    set(root, -1, "root");
    mark_passives();
    raise_infinitive_subjects();
    participles_after_prepositions();
    decide_upos();
  }

 private:
  const Node& node(int i) const { return tree_.nodes[static_cast<std::size_t>(i)]; }
  bool leaf(int i) const { return node(i).word >= 0; }
  Token& word(int w) { return s_.tokens[static_cast<std::size_t>(w)]; }
  const Token& word(int w) const { return s_.tokens[static_cast<std::size_t>(w)]; }
  std::string_view label(int i) const { return node(i).label; }
  bool punct(int i) const { return leaf(i) && punctuation_tag(label(i)); }
  const std::vector<int>& kids(int i) const { return node(i).kids; }
  int head_of(int i) const { return heads_[static_cast<std::size_t>(i)]; }
  std::string_view head_tag(int i) const { return word(head_of(i)).xpos; }

  void set(int dependent, int head, std::string_view relation) {
    word(dependent).head = head + 1;
    word(dependent).deprel = std::string(relation);
  }

  // Attaches the phrase's words below its head word and returns that word.
  int attach(int n) {
    if (heads_.empty()) heads_.assign(tree_.nodes.size(), -1);
    if (leaf(n)) return heads_[static_cast<std::size_t>(n)] = node(n).word;
    for (int k : kids(n)) attach(k);
    const auto groups = conjuncts(n);
    int head = -1;
    if (groups.size() > 1) {
      head = attach_coordination(n, groups);
    } else if (const int said = reporting_phrase(n); said >= 0) {
      head = attach_reported(n, said);
    } else {
      head = attach_span(n, 0, static_cast<int>(kids(n).size()));
    }
    return heads_[static_cast<std::size_t>(n)] = head;
  }

  // Kids [b, e) of phrase n as one phrase: finds the head kid, hangs the others on it.
  int attach_span(int n, int b, int e) {
    const int h = head_kid(n, b, e);
    const int head = head_of(kids(n)[static_cast<std::size_t>(h)]);
    find_arguments(n, b, e, h);
    for (int k = b; k < e; ++k) {
      if (k != h) set(head_of(kids(n)[static_cast<std::size_t>(k)]), head, relation(n, b, h, k));
    }
    return head;
  }

  // ---- Reported speech ------------------------------------------------------------------

  // "Arnor attacked Gondor, officials said": a clause (S, SINV) opening with a whole
  // clause of its own, then a comma and the verb phrase that reports it. UD (and the
  // treebank our parser learnt from) makes the reported clause the head and the reporting
  // verb its parataxis, where Penn heads the sentence with the verb: the kid of that verb
  // phrase, else -1.
  int reporting_phrase(int n) const {
    if (label(n) != "S" && label(n) != "SINV") return -1;
    const auto& ks = kids(n);
    if (ks.size() < 3 || label(ks[0]) != "S" || !has_subject(ks[0]) || label(ks[1]) != ",") return -1;
    for (int k = 2; k < static_cast<int>(ks.size()); ++k) {
      if (label(ks[static_cast<std::size_t>(k)]) == "VP") return k;
      if (label(ks[static_cast<std::size_t>(k)]) != "NP" && !punct(ks[static_cast<std::size_t>(k)])) return -1;
    }
    return -1;
  }

  // The reported clause heads; the reporting verb is its parataxis and takes the words
  // between them (the comma, the subject) and after it, but the closing stop.
  int attach_reported(int n, int said) {
    const int head = head_of(kids(n)[0]);
    const int verb = head_of(kids(n)[static_cast<std::size_t>(said)]);
    set(verb, head, "parataxis");
    for (int k = 1; k < static_cast<int>(kids(n).size()); ++k) {
      if (k == said) continue;
      const int kid = kids(n)[static_cast<std::size_t>(k)];
      const bool last = k + 1 == static_cast<int>(kids(n).size());
      if (punct(kid)) {
        set(head_of(kid), last ? head : verb, "punct");
      } else {
        set(head_of(kid), verb, label(kid) == "NP" ? "nsubj" : modifier_relation(kid));
      }
    }
    return head;
  }

  // ---- Coordination -------------------------------------------------------------------

  // A coordination's conjuncts as kid ranges [b, e): the kids between coordinators
  // (CC, CONJP) and, in a coordination, commas. One range when the phrase coordinates
  // nothing (a leading "But" is no coordination).
  std::vector<std::pair<int, int>> conjuncts(int n) const {
    const auto& ks = kids(n);
    const int size = static_cast<int>(ks.size());
    const auto coordinator = [&](int k) {
      return label(ks[static_cast<std::size_t>(k)]) == "CC" || label(ks[static_cast<std::size_t>(k)]) == "CONJP";
    };
    const auto content = [&](int k) { return !punct(ks[static_cast<std::size_t>(k)]) && !coordinator(k); };
    int first = -1, last = -1;  // the first and last content kids
    for (int k = 0; k < size; ++k) {
      if (!content(k)) continue;
      if (first < 0) first = k;
      last = k;
    }
    bool coordinated = false;
    for (int k = first + 1; first >= 0 && k < last && !coordinated; ++k) coordinated = coordinator(k);
    if (!coordinated) return {{0, size}};
    std::vector<std::pair<int, int>> out;
    int start = 0;
    for (int k = 0; k <= size; ++k) {
      const bool cut = k == size || coordinator(k) || label(ks[static_cast<std::size_t>(k)]) == "," ||
                       label(ks[static_cast<std::size_t>(k)]) == ":";
      if (!cut) continue;
      bool has_content = false;
      for (int j = start; j < k; ++j) has_content = has_content || content(j);
      if (has_content) out.emplace_back(start, k);
      start = k + 1;
    }
    return out;
  }

  // The first conjunct heads the coordination; the others are its conj, and each
  // coordinator or comma is the cc or punct of the conjunct after it.
  int attach_coordination(int n, const std::vector<std::pair<int, int>>& groups) {
    std::vector<int> heads;
    heads.reserve(groups.size());
    for (const auto& [b, e] : groups) heads.push_back(attach_span(n, b, e));
    const int first = heads.front();
    for (std::size_t g = 1; g < heads.size(); ++g) set(heads[g], first, "conj");
    std::size_t next = 0;  // the conjunct after the kid
    for (int k = 0; k < static_cast<int>(kids(n).size()); ++k) {
      while (next < groups.size() && groups[next].second <= k) ++next;
      if (next < groups.size() && k >= groups[next].first) continue;  // inside a conjunct
      const int kid = kids(n)[static_cast<std::size_t>(k)];
      const int on = next < groups.size() ? heads[next] : first;  // a closing stop is the whole's
      const bool coordinator = label(kid) == "CC" || label(kid) == "CONJP";
      set(head_of(kid), on, coordinator ? "cc" : "punct");
    }
    return first;
  }

  // ---- Heads --------------------------------------------------------------------------

  int kid_at(int n, int k) const { return kids(n)[static_cast<std::size_t>(k)]; }

  // The first (or last) kid in [b, e) with a label of the list, else -1.
  template <typename Labels>
  int find_kid_of(int n, int b, int e, bool from_left, const Labels& labels) const {
    for (int i = 0; i < e - b; ++i) {
      const int k = from_left ? b + i : e - 1 - i;
      if (std::find(labels.begin(), labels.end(), label(kid_at(n, k))) != labels.end()) return k;
    }
    return -1;
  }
  int find_kid(int n, int b, int e, bool from_left, std::initializer_list<std::string_view> labels) const {
    return find_kid_of(n, b, e, from_left, labels);
  }

  // The first (or last) kid that is not punctuation, else the first.
  int content_kid(int n, int b, int e, bool from_left) const {
    for (int i = 0; i < e - b; ++i) {
      const int k = from_left ? b + i : e - 1 - i;
      if (!punct(kid_at(n, k))) return k;
    }
    return b;
  }

  int collins_head(int n, int b, int e) const {
    const auto* rules = collins_rules(label(n));
    if (!rules) return content_kid(n, b, e, true);
    // Each category of the list in turn, the first kid of it in the rule's direction
    // (Collins's NP procedure, below, takes the first kid of any of a set instead).
    for (const HeadRule& r : *rules) {
      for (const std::string_view category : r.labels) {
        const std::array<std::string_view, 1> one{category};
        if (const int k = find_kid_of(n, b, e, r.from_left, one); k >= 0) return k;
      }
    }
    return content_kid(n, b, e, rules->front().from_left);
  }

  // Collins's NP procedure, but that a possessive's "'s" is never the head.
  int noun_phrase_head(int n, int b, int e) const {
    if (e - b > 1 && label(kid_at(n, e - 1)) == "POS") --e;
    static const std::vector<HeadRule> kNounRules{{false, {"NN", "NNP", "NNPS", "NNS", "NX", "JJR"}},
                                                  {true, {"NP"}},
                                                  {false, {"$", "ADJP", "PRN"}},
                                                  {false, {"CD"}},
                                                  {false, {"JJ", "JJS", "RB", "QP"}}};
    for (const HeadRule& r : kNounRules) {
      if (const int k = find_kid_of(n, b, e, r.from_left, r.labels); k >= 0) return k;
    }
    return content_kid(n, b, e, false);
  }

  // The verb of a verb phrase, when it is an auxiliary of a verb phrase after it (MD, TO,
  // and the forms of be, have, do): the kid of that phrase, else -1.
  int auxiliary_complement(int n, int verb, int e) const {
    const int v = kid_at(n, verb);
    if (!leaf(v)) return -1;
    const std::string_view tag = label(v);
    if (tag != "MD" && tag != "TO" && !(tag.starts_with("VB") && auxiliary_form(word(node(v).word).form))) return -1;
    if (const int k = find_kid(n, verb + 1, e, true, {"VP"}); k >= 0) return k;
    // "did (S (VP allow ...))": a modal's or do's bare infinitive bracketed as a clause.
    const int k = find_kid(n, verb + 1, e, true, {"S"});
    const bool modal = tag == "MD" || one_of(lower(word(node(v).word).form), {"do", "does", "did"});
    return modal && k >= 0 && bare_infinitive_clause(kid_at(n, k)) ? k : -1;
  }

  // A clause (S) of one verb phrase headed by a bare infinitive (VB), no subject, no "to".
  bool bare_infinitive_clause(int s) const {
    int vp = -1;
    for (int k : kids(s)) {
      if (punct(k)) continue;
      if (label(k) != "VP" || vp >= 0) return false;
      vp = k;
    }
    return vp >= 0 && !kids(vp).empty() && label(kids(vp).front()) == "VB";
  }

  // A form of "be" with a predicate (a noun, adjective or prepositional phrase) and no
  // verb phrase: the predicate's kid, the head of the clause, else -1.
  int copular_predicate(int n, int verb, int e) const {
    const int v = kid_at(n, verb);
    if (!leaf(v) || !label(v).starts_with("VB") || !be_form(word(node(v).word).form)) return -1;
    for (int k = verb + 1; k < e; ++k) {
      const int kid = kid_at(n, k);
      if (one_of(label(kid), {"VP", "S", "SBAR"})) return -1;  // "is to act": the verb's complement
      if (one_of(label(kid), {"NP", "ADJP", "PP", "UCP"}) && node(kid).function != "TMP") return k;
    }
    return -1;
  }

  int head_kid(int n, int b, int e) const {
    if (e - b == 1) return b;
    const std::string_view l = label(n);
    if (l == "NP" || l == "NX" || l == "NML") return noun_phrase_head(n, b, e);
    if (l == "PP" || l == "WHPP") {
      // Its object heads it: the preposition is the object's case (or mark).
      const int prep = find_kid(n, b, e, true, {"IN", "TO", "VBG", "VBN", "RP", "FW", "RB", "JJ"});
      const int object = find_kid(n, prep < 0 ? b : prep + 1, e, true,
                                  {"NP", "S", "SBAR", "SQ", "ADJP", "ADVP", "PP", "VP", "QP", "WHNP", "UCP", "NX", "FRAG"});
      if (prep >= 0 && object >= 0) return object;
    }
    if (l == "SBAR") {
      if (const int k = find_kid(n, b, e, true, {"S", "SQ", "SINV", "SBARQ", "SBAR", "FRAG", "VP"}); k >= 0) return k;
    }
    const int h = collins_head(n, b, e);
    if (l == "VP" || l == "SQ" || l == "SINV") {
      if (const int k = auxiliary_complement(n, h, e); k >= 0) return k;
      if (const int k = copular_predicate(n, h, e); k >= 0) return k;
    }
    return h;
  }

  // ---- Relations ----------------------------------------------------------------------

  // Whether a clause (S) has a subject: a noun phrase or clause before its verb phrase.
  bool has_subject(int n) const {
    if (leaf(n)) return false;
    for (int k : kids(n)) {
      if (label(k) == "VP") return false;
      if ((label(k) == "NP" && node(k).function != "TMP" && node(k).function != "ADV") || label(k) == "SBAR" ||
          (label(k) == "S" && node(k).function == "SBJ")) {
        return true;
      }
    }
    return false;
  }

  // The subordinator of a clause (SBAR): its first IN, DT or WH word, lower-cased, else "".
  std::string subordinator(int n) const {
    for (int k : kids(n)) {
      if (leaf(k) && one_of(label(k), {"IN", "DT", "WDT", "WRB", "WP"})) return lower(word(node(k).word).form);
      if (one_of(label(k), {"WHNP", "WHADVP", "WHPP", "WHADJP"})) return lower(word(head_of(k)).form);
    }
    return "";
  }

  bool relative_clause(int n) const {
    if (label(n) != "SBAR") return false;
    for (int k : kids(n)) {
      if (one_of(label(k), {"WHNP", "WHADVP", "WHPP", "WHADJP"})) return true;
    }
    return false;
  }

  // A clause, so a clausal modifier (advcl, acl) where a noun would be obl or nmod
  // ("of attacking the town" is an advcl of the verb, "of the town" an obl).
  bool clausal(int n) const { return one_of(label(n), {"S", "SBAR", "SQ", "SINV", "SBARQ", "VP", "FRAG"}); }

  // The relation of a word or phrase in a clause or verb phrase that is not an argument.
  std::string_view modifier_relation(int dep) const {
    const std::string_view l = label(dep);
    if (l == "ADVP" || l == "WHADVP" || one_of(l, {"RB", "RBR", "RBS", "WRB"})) return "advmod";
    if (l == "PP" || l == "WHPP") return clausal_pp(dep) ? "advcl" : "obl";
    if (l == "NP") return "obl";
    if (l == "SBAR") return "advcl";
    if (l == "S" || l == "VP") return "advcl";
    if (l == "ADJP" || one_of(l, {"JJ", "JJR", "JJS"})) return "advmod";
    if (one_of(l, {"IN", "TO"})) return "mark";
    if (l == "PRN") return "parataxis";
    if (l == "PRT" || l == "RP") return "compound:prt";
    if (l == "EX") return "expl";
    if (l == "CC") return "cc";
    if (one_of(l, {"UH", "INTJ"})) return "discourse";
    return "dep";
  }

  // A prepositional phrase whose object is a clause ("of attacking the town").
  bool clausal_pp(int pp) const {
    if (leaf(pp)) return false;
    for (int k : kids(pp)) {
      if (head_of(k) == head_of(pp)) return clausal(k);
    }
    return false;
  }

  // A dependent of a clause or verb phrase: subjects before the verb, objects and
  // complements after it.
  std::string_view clause_relation(int n, int b, int h, int k) const {
    const int dep = kid_at(n, k);
    const int head = kid_at(n, h);
    const std::string_view l = label(dep);
    const std::string_view fn = node(dep).function;
    const bool before = k < h;
    if (leaf(dep) && label(n) != "S") {
      // The verb phrase's own auxiliary or copula, now hanging on its complement.
      if (label(dep) == "TO") return "mark";
      if (label(dep) == "MD") return "aux";
      if (label(dep).starts_with("VB") && auxiliary_form(word(node(dep).word).form)) {
        if (label(head) == "VP" || label(head) == "S") return passive_auxiliary(dep, head) ? "aux:pass" : "aux";
        return "cop";
      }
    }
    if (fn == "TMP" || fn == "ADV" || fn == "LOC") return l == "NP" ? "obl" : modifier_relation(dep);
    const bool subject_side = label(n) == "S" || label(n) == "SQ" || (label(n) == "SINV" && !before);
    if (subject_side && (l == "NP" || l == "WHNP") && (label(n) != "S" || before) && nearest_subject(k)) {
      return label(n) == "SINV" || before ? "nsubj" : "obj";
    }
    if (l == "SBAR" && before && label(n) == "S" && nearest_subject(k) && !adverbial(dep)) return "csubj";
    if (label(n) == "VP" && !before) {
      if (l == "NP") return args_.double_object && args_.first_object == k ? "iobj" : "obj";
      if (l == "S") return has_subject(dep) ? "ccomp" : (after_comma(n, b, k) ? "advcl" : "xcomp");
      if (l == "SBAR") return adverbial(dep) ? "advcl" : "ccomp";
      if (l == "ADJP") return "xcomp";
      if (l == "VP") return "xcomp";  // "will not wire (VP tap the links)": a verb's verb
      if (l == "SQ" || l == "SBARQ") return "ccomp";
    }
    if (l == "S" && label(n) == "S") return before && has_subject(dep) ? "ccomp" : "parataxis";
    if (l == "S" && label(n) == "SINV") return "ccomp";
    return modifier_relation(dep);
  }

  // "was" in "was attacked": a form of be whose verb phrase is headed by a participle.
  bool passive_auxiliary(int aux, int vp) const {
    if (!be_form(word(node(aux).word).form)) return false;
    for (int k : kids(vp)) {
      if (leaf(k) && label(k).starts_with("VB")) return label(k) == "VBN";
    }
    return false;
  }

  // An SBAR that is an adverbial clause: "because", "after", "while"... ("that",
  // "whether", "if" and none introduce a complement).
  bool adverbial(int sbar) const {
    const std::string s = subordinator(sbar);
    return !s.empty() && !one_of(s, {"that", "whether", "if", "what", "who", "which", "how", "why", "where", "whom"});
  }

  bool after_comma(int n, int b, int k) const { return k > b && label(kid_at(n, k - 1)) == ","; }

  // A noun phrase or clause without a function tag: a subject or object by its place.
  bool bare_argument(int kid, bool clauses) const {
    return node(kid).function.empty() &&
           (label(kid) == "NP" || label(kid) == "WHNP" || (clauses && label(kid) == "SBAR"));
  }

  // The kids of [b, e) around head kid h that are arguments by their place, found once a
  // phrase: the noun phrase next to the verb on each side is its subject (others are
  // obliques), and of two noun phrases after a verb the first is its indirect object.
  void find_arguments(int n, int b, int e, int h) {
    args_ = Arguments{};
    for (int k = h - 1; k >= b && args_.subject_before < 0; --k) {
      if (bare_argument(kid_at(n, k), true)) args_.subject_before = k;
    }
    for (int k = h + 1; k < e; ++k) {
      if (args_.subject_after < 0 && bare_argument(kid_at(n, k), true)) args_.subject_after = k;
      if (label(kid_at(n, k)) != "NP" || !node(kid_at(n, k)).function.empty()) continue;
      if (args_.first_object < 0) {
        args_.first_object = k;
      } else {
        args_.double_object = true;
      }
    }
  }

  bool nearest_subject(int k) const { return k == args_.subject_before || k == args_.subject_after; }

  // A dependent of a noun phrase.
  std::string_view noun_relation(int n, int h, int k) const {
    const int dep = kid_at(n, k);
    const std::string_view l = label(dep);
    const bool before = k < h;
    if (one_of(l, {"DT", "PDT", "WDT"})) return "det";
    if (one_of(l, {"PRP$", "WP$"})) return "nmod:poss";
    if (l == "POS") return "case";
    if (l == "NP" && possessive(dep)) return "nmod:poss";
    if (one_of(l, {"JJ", "JJR", "JJS", "ADJP", "VBN", "VBG", "WHADJP"})) return "amod";
    if (one_of(l, {"CD", "QP"})) return "nummod";
    if (one_of(l, {"NN", "NNS", "NNP", "NNPS", "NX", "NML", "FW"})) return before ? "compound" : "appos";
    if (l == "NP") {
      if (node(dep).function == "TMP") return "nmod";
      return before ? "compound" : "appos";
    }
    if (l == "PP" || l == "WHPP") return clausal_pp(dep) ? "acl" : "nmod";
    if (l == "SBAR") return relative_clause(dep) ? "acl:relcl" : "acl";
    if (l == "S" || l == "VP" || l == "RRC") return "acl";
    if (l == "PRN") return "appos";
    if (one_of(l, {"RB", "ADVP", "RBR", "RBS"})) return "advmod";
    if (l == "PRP") return before ? "compound" : "appos";
    if (l == "IN" || l == "TO") return "case";
    return modifier_relation(dep);
  }

  bool possessive(int np) const { return !leaf(np) && label(kids(np).back()) == "POS"; }

  std::string_view relation(int n, int b, int h, int k) const {
    const int dep = kid_at(n, k);
    if (punct(dep)) return "punct";
    const std::string_view l = label(n);
    if (l == "S" || l == "VP" || l == "SQ" || l == "SINV" || l == "SBARQ") return clause_relation(n, b, h, k);
    if (l == "NP" || l == "NX" || l == "NML" || l == "WHNP") return noun_relation(n, h, k);
    if (l == "PP" || l == "WHPP") {
      if (one_of(label(dep), {"IN", "TO", "VBG", "VBN", "RP", "FW", "JJ"}) && k < h) {
        return clausal(kid_at(n, h)) ? "mark" : "case";
      }
      return modifier_relation(dep);
    }
    if (l == "SBAR") return clause_word_relation(n, h, dep);
    if (l == "ADJP" || l == "ADVP" || l == "WHADVP" || l == "WHADJP") {
      if (label(dep) == "S") return "xcomp";
      if (label(dep) == "SBAR") return "ccomp";
      if (label(dep) == "NP") return "obl";
      return modifier_relation(dep);
    }
    if (l == "QP") return one_of(label(dep), {"CD"}) ? "compound" : "advmod";
    if (l == "PRT") return "compound:prt";
    return modifier_relation(dep);
  }

  // A word of an SBAR outside its clause: a complementizer ("that", "because") is the
  // clause's mark; a relative word is its subject when the clause has none, else its
  // object ("which", "whom"), or an adverb or oblique ("where", "in which").
  std::string_view clause_word_relation(int n, int h, int dep) const {
    const std::string_view l = label(dep);
    if (one_of(l, {"IN", "DT", "TO"})) return "mark";
    if (l == "WHNP" || one_of(l, {"WDT", "WP"})) return has_subject(kid_at(n, h)) ? "obj" : "nsubj";
    if (l == "WHADVP" || l == "WRB") return "advmod";
    if (l == "WHPP") return "obl";
    return modifier_relation(dep);
  }

  // ---- Passes over the whole sentence --------------------------------------------------

  // Each word's dependents, indexed once a pass so that a pass stays linear in the words.
  void index_dependents() {
    dependents_.assign(s_.tokens.size(), {});
    for (int w = 0; w < static_cast<int>(s_.tokens.size()); ++w) {
      if (word(w).head > 0) dependents_[static_cast<std::size_t>(word(w).head - 1)].push_back(w);
    }
  }

  // The dependents of `head` by `relation` as indexed (relations may change since).
  std::vector<int> dependents(int head, std::string_view relation) const {
    std::vector<int> out;
    for (int w : dependents_[static_cast<std::size_t>(head)]) {
      if (word(w).head == head + 1 && word(w).deprel == relation) out.push_back(w);
    }
    return out;
  }

  // A clause with a passive auxiliary has a passive subject, and its "by" phrase is the
  // agent, also where Penn hangs it on an adverb of the verb ("opposed (ADVP earlier (PP
  // by Osgiliath))").
  void mark_passives() {
    index_dependents();
    for (int v = 0; v < static_cast<int>(s_.tokens.size()); ++v) {
      if (dependents(v, "aux:pass").empty()) continue;
      for (int w : dependents(v, "nsubj")) word(w).deprel = "nsubj:pass";
      for (int w : dependents(v, "csubj")) word(w).deprel = "csubj:pass";
      std::vector<int> obliques = dependents(v, "obl");
      for (int a : dependents(v, "advmod")) {
        for (int w : dependents(a, "obl")) obliques.push_back(w);
      }
      for (int w : obliques) {
        if (!by_phrase(w)) continue;
        word(w).head = v + 1;
        word(w).deprel = "obl:agent";
      }
    }
  }

  bool by_phrase(int w) const {
    const auto cases = dependents(w, "case");
    return std::any_of(cases.begin(), cases.end(), [&](int c) { return lower(word(c).form) == "by"; });
  }

  // Penn writes "urged Arnor to resume talks" with "Arnor" the subject of the infinitive
  // (S (NP Arnor) (VP to resume ...)); UD makes it the object of "urged" and the
  // infinitive its open complement (xcomp).
  void raise_infinitive_subjects() {
    index_dependents();
    for (int c = 0; c < static_cast<int>(s_.tokens.size()); ++c) {
      if (word(c).deprel != "ccomp" || word(c).head <= 0) continue;
      const auto to = dependents(c, "mark");
      const bool infinitive = std::any_of(to.begin(), to.end(), [&](int m) { return lower(word(m).form) == "to"; });
      const auto subjects = dependents(c, "nsubj");
      if (!infinitive || subjects.size() != 1) continue;
      const int governor = word(c).head - 1;
      word(subjects.front()).head = governor + 1;
      word(subjects.front()).deprel = dependents(governor, "obj").empty() ? "obj" : "iobj";
      dependents_[static_cast<std::size_t>(governor)].push_back(subjects.front());
      word(c).deprel = "xcomp";
    }
  }

  // "against besieged Osgiliath", bracketed (PP against (S (VP besieged (NP Osgiliath)))):
  // a preposition takes no clause of a bare past participle, so the participle is an
  // adjective of the noun after it, and the noun the preposition's object.
  void participles_after_prepositions() {
    index_dependents();
    for (int v = 0; v < static_cast<int>(s_.tokens.size()); ++v) {
      Token& verb = word(v);
      if (verb.xpos != "VBN" || (verb.deprel != "advcl" && verb.deprel != "acl")) continue;
      const auto marks = dependents(v, "mark");
      const auto objects = dependents(v, "obj");
      if (marks.size() != 1 || objects.empty() || word(marks.front()).xpos != "IN" || marks.front() > v ||
          objects.front() < v || !dependents(v, "aux").empty() || !dependents(v, "aux:pass").empty() ||
          !dependents(v, "nsubj").empty()) {
        continue;
      }
      const int noun = objects.front();
      word(noun).head = verb.head;
      word(noun).deprel = verb.deprel == "advcl" ? "obl" : "nmod";
      word(marks.front()).head = noun + 1;
      word(marks.front()).deprel = "case";
      verb.head = noun + 1;
      verb.deprel = "amod";
    }
  }

  // Tags that leave the part of speech open are decided by the word's role.
  void decide_upos() {
    for (Token& t : s_.tokens) {
      if (t.upos != "_") continue;
      const std::string_view rel = t.deprel;
      if (t.xpos == "IN") {
        t.upos = rel == "mark" ? "SCONJ" : "ADP";
      } else if (t.xpos == "TO") {
        t.upos = rel == "mark" ? "PART" : "ADP";
      } else if (t.xpos == "WDT") {
        t.upos = rel == "det" ? "DET" : "PRON";
      } else if (t.xpos.starts_with("VB")) {
        t.upos = rel == "aux" || rel == "aux:pass" || rel == "cop" ? "AUX" : "VERB";
      } else {
        t.upos = "X";
      }
    }
  }

  const Tree& tree_;
  Sentence& s_;
  struct Arguments {
    int subject_before = -1, subject_after = -1, first_object = -1;
    bool double_object = false;
  };
  Arguments args_;                             // of the phrase being attached
  std::vector<int> heads_;                     // each node's head word
  std::vector<std::vector<int>> dependents_;  // each word's, by index_dependents()
};

}  // namespace

Result<Sentence> penn_to_dependencies(std::string_view tree, std::string_view text) {
  auto words = read_penn_words(tree, text);
  if (!words) return words.error();
  const auto tokens = nlp::penn_tree_tokens(tree);
  auto read = TreeReader(tokens).read();
  if (!read) return read.error();
  Sentence s = std::move(words).value();
  Converter(*read, s).run();
  return s;
}

}  // namespace dyad
