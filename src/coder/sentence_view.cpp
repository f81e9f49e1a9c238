#include "coder/sentence_view.h"

#include <algorithm>
#include <functional>

#include "dyad/coder.h"
#include "dyad/lexicon.h"

namespace dyad {

std::string ud_v2_relation(const std::string& rel, bool head_is_verbal) {
  if (rel == "dobj") return "obj";
  if (rel == "nsubjpass") return "nsubj:pass";
  if (rel == "csubjpass") return "csubj:pass";
  if (rel == "auxpass") return "aux:pass";
  if (rel == "neg") return "advmod:neg";  // v2 folds negation into advmod; keep the hint
  if (rel == "name") return "flat";
  if (rel == "mwe") return "fixed";
  if (rel == "foreign") return "flat:foreign";
  if (rel == "nmod:agent") return "obl:agent";
  if (head_is_verbal && (rel == "nmod" || rel.rfind("nmod:", 0) == 0) && rel != "nmod:poss") {
    return "obl" + rel.substr(4);
  }
  return rel;
}

namespace coding {

SentenceView::SentenceView(const Sentence& sentence) {
  const auto& toks = sentence.tokens;
  words_.resize(toks.size());
  for (std::size_t i = 0; i < toks.size(); ++i) {
    Word& w = words_[i];
    w.form = upper(toks[i].form);
    w.lemma = toks[i].lemma.empty() || toks[i].lemma == "_" ? w.form : upper(toks[i].lemma);
    w.upos = toks[i].upos;
    w.finite = toks[i].feats.find("VerbForm=Fin") != std::string::npos || toks[i].xpos == "VBD" ||
               toks[i].xpos == "VBZ" || toks[i].xpos == "VBP";
    w.head = toks[i].head - 1;
    if (w.head >= static_cast<int>(toks.size())) w.head = -1;
    w.span = toks[i].span;
  }
  for (std::size_t i = 0; i < toks.size(); ++i) {
    Word& w = words_[i];
    const int h = w.head;
    const bool verbal = h >= 0 && (toks[static_cast<std::size_t>(h)].upos == "VERB" ||
                                   toks[static_cast<std::size_t>(h)].upos == "AUX" ||
                                   toks[static_cast<std::size_t>(h)].upos == "ADJ");
    const std::string rel = ud_v2_relation(toks[i].deprel, verbal);
    const auto colon = rel.find(':');
    w.rel = rel.substr(0, colon);
    w.sub = colon == std::string::npos ? std::string() : rel.substr(colon + 1);
    // "vowed to wage war": parsers often attach an infinitive of purpose as advcl; with
    // "to" and no subject of its own it is the verb's complement (xcomp).
    if (w.rel == "advcl" && toks[i].upos == "VERB") {
      bool to_mark = false, subject = false;
      for (std::size_t k = 0; k < toks.size(); ++k) {
        if (toks[k].head != static_cast<int>(i) + 1) continue;
        const std::string& d = toks[k].deprel;
        if (d == "mark" && (toks[k].form == "to" || toks[k].form == "To")) to_mark = true;
        if (d.rfind("nsubj", 0) == 0 || d.rfind("csubj", 0) == 0) subject = true;
      }
      if (to_mark && !subject) w.rel = "xcomp";
    }
  }
  lift_verb_under_noun_root();
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const int h = words_[i].head;
    if (h >= 0 && h != static_cast<int>(i)) words_[static_cast<std::size_t>(h)].kids.push_back(static_cast<int>(i));
  }
}

// "Turkish warplanes struck targets in Iraq": a greedy tagger often reads the past tense as
// a participle, and the parser then makes the subject noun the root with the verb as its
// modifier (amod or acl) and the object as the noun's own. A verb right after a root noun
// that governs an object, with no subject, relative word or auxiliary of its own, is the
// sentence's predicate: it becomes the root, the noun its subject, and the noun's
// dependents after the verb become the verb's.
void SentenceView::lift_verb_under_noun_root() {
  const int n = size();
  int root = -1;
  for (int i = 0; i < n; ++i) {
    if (words_[static_cast<std::size_t>(i)].head < 0) root = i;
  }
  if (root < 0 || (words_[static_cast<std::size_t>(root)].upos != "NOUN" &&
                   words_[static_cast<std::size_t>(root)].upos != "PROPN")) {
    return;
  }
  const auto child_lemma = [&](int head, const char* rel, const char* lemma) {
    for (int k = 0; k < n; ++k) {
      const Word& w = words_[static_cast<std::size_t>(k)];
      if (w.head == head && w.rel == rel && w.lemma == lemma) return true;
    }
    return false;
  };
  const auto child_rel = [&](int head, const char* rel) {
    for (int k = 0; k < n; ++k) {
      if (words_[static_cast<std::size_t>(k)].head == head && words_[static_cast<std::size_t>(k)].rel == rel) return k;
    }
    return -1;
  };
  // The verb hangs off the root noun ("troops exchanged fire": acl) or off the root's
  // object just after it ("warplanes struck targets": "struck" an amod of "targets").
  // Or off a noun inside the root's phrase before it ("Thousands of people marched
  // through Caracas": "marched" an acl of "people").
  const int root_object = child_rel(root, "obj");
  const auto in_root_phrase = [&](int word) {
    for (int h = word; h >= 0; h = words_[static_cast<std::size_t>(h)].head) {
      if (h == root) return true;
      if (words_[static_cast<std::size_t>(h)].rel != "nmod") return false;
    }
    return false;
  };
  int verb = -1;
  for (int k = root + 1; k < n && verb < 0; ++k) {
    const Word& w = words_[static_cast<std::size_t>(k)];
    if (w.upos != "VERB" || (w.rel != "amod" && w.rel != "acl" && !(w.rel == "advcl" && w.sub == "relcl"))) continue;
    // A reduced relative ("troops attacked by rebels") has no object; a nested head
    // ("thousands of people marched through ...") may have an oblique instead.
    const int oblique = child_rel(k, "obl");
    const bool agent = oblique >= 0 && (words_[static_cast<std::size_t>(oblique)].sub == "agent" ||
                                        child_lemma(oblique, "case", "BY"));
    const bool object = child_rel(k, "obj") >= 0;
    const bool on_root = w.head == root && (object || root_object > k);
    const bool on_object = (w.head == root_object && root_object > k) ||
                           (w.head != root && w.head < k && in_root_phrase(w.head) &&
                            (object || (oblique >= 0 && !agent)));
    const bool clause = child_rel(k, "nsubj") >= 0 || child_rel(k, "mark") >= 0 || child_rel(k, "aux") >= 0;
    // "Ithilen's militia vowed on Thursday to wage war": a verb the tagger calls finite is
    // no reduced relative (those are participles), object or not.
    const bool finite_on_root = w.head == root && w.finite && !agent;
    if ((on_root || on_object || finite_on_root) && !clause) verb = k;
  }
  if (verb < 0) {
    lift_parataxis_verb(root);
    lift_verb_before_object_root(root);
    return;
  }
  // Only the words between the noun and the verb may be the noun's: anything else, a verb.
  for (int k = root + 1; k < verb; ++k) {
    const Word& w = words_[static_cast<std::size_t>(k)];
    if (w.upos == "VERB" || w.upos == "AUX") return;
  }
  make_predicate(root, verb);
}

// "Sam Gamgee will be renewing his license": the parser may also make the subject noun the
// root and hang the whole predicate on it as parataxis. A verb in parataxis on the root
// noun, with no subject of its own and nothing between them but the noun's words and the
// verb's own, is the predicate.
void SentenceView::lift_parataxis_verb(int root) {
  const int n = size();
  int verb = -1;
  for (int k = root + 1; k < n; ++k) {
    const Word& w = words_[static_cast<std::size_t>(k)];
    if (w.head == root && w.rel == "parataxis" && w.upos == "VERB") {
      verb = k;
      break;
    }
  }
  if (verb < 0) return;
  const auto under = [&](int word, int top) {
    for (int h = word, guard = 0; h >= 0 && guard < n; h = words_[static_cast<std::size_t>(h)].head, ++guard) {
      if (h == top) return true;
    }
    return false;
  };
  for (int k = 0; k < n; ++k) {
    const Word& w = words_[static_cast<std::size_t>(k)];
    if (w.head == verb && (w.rel == "nsubj" || w.rel == "csubj")) return;
    if (k > root && k < verb && !under(k, verb) && (w.upos == "VERB" || w.upos == "AUX" || w.upos == "PUNCT")) return;
  }
  make_predicate(root, verb);
}

// "The ambassadors presented credentials to the president": the parser may read the past
// tense as an adjective of the object noun, which becomes the root with the subject as its
// own. A verb just before a root noun that has a subject, no copula and nothing of its own
// is the predicate, and the noun its object.
void SentenceView::lift_verb_before_object_root(int root) {
  const int n = size();
  if (root < 1) return;
  Word& verb = words_[static_cast<std::size_t>(root - 1)];
  if (verb.upos != "VERB" || verb.head != root || (verb.rel != "amod" && verb.rel != "acl")) return;
  int subject = -1;
  for (int k = 0; k < n; ++k) {
    const Word& w = words_[static_cast<std::size_t>(k)];
    if (w.head == root - 1) return;  // the verb has words of its own: a true modifier
    if (w.head == root && (w.rel == "cop" || w.rel == "aux")) return;
    if (w.head == root && w.rel == "nsubj" && k < root - 1 && subject < 0) subject = k;
  }
  if (subject < 0) return;
  verb.head = -1;
  verb.rel = "root";
  verb.sub.clear();
  Word& object = words_[static_cast<std::size_t>(root)];
  object.head = root - 1;
  object.rel = "obj";
  object.sub.clear();
  for (int k = 0; k < root - 1; ++k) {
    Word& w = words_[static_cast<std::size_t>(k)];
    if (w.head == root && (w.rel == "nsubj" || w.rel == "advmod" || w.rel == "obl" || w.rel == "punct")) w.head = root - 1;
  }
}

void SentenceView::make_predicate(int root, int verb) {
  const int n = size();
  Word& v = words_[static_cast<std::size_t>(verb)];
  v.head = -1;
  v.rel = "root";
  v.sub.clear();
  Word& r = words_[static_cast<std::size_t>(root)];
  r.head = verb;
  r.rel = "nsubj";
  r.sub.clear();
  for (int k = verb + 1; k < n; ++k) {
    Word& w = words_[static_cast<std::size_t>(k)];
    if (w.head != root) continue;
    w.head = verb;
    if (w.rel == "nmod" && w.sub != "poss") w.rel = "obl";
  }
}

std::vector<int> SentenceView::kids_with(int i, const char* rel) const {
  std::vector<int> out;
  for (int k : words_[static_cast<std::size_t>(i)].kids) {
    if (words_[static_cast<std::size_t>(k)].rel == rel) out.push_back(k);
  }
  return out;
}

int SentenceView::first_kid(int i, const char* rel) const {
  for (int k : words_[static_cast<std::size_t>(i)].kids) {
    if (words_[static_cast<std::size_t>(k)].rel == rel) return k;
  }
  return -1;
}

bool SentenceView::has_kid_lemma(int i, const char* rel, std::initializer_list<const char*> lemmas) const {
  for (int k : words_[static_cast<std::size_t>(i)].kids) {
    const Word& w = words_[static_cast<std::size_t>(k)];
    if (w.rel != rel) continue;
    for (const char* l : lemmas) {
      if (w.lemma == l || w.form == l) return true;
    }
  }
  return false;
}

std::vector<int> SentenceView::subtree(int i) const {
  std::vector<int> out;
  std::vector<int> stack{i};
  std::vector<char> seen(words_.size(), 0);  // guards against cyclic input parses
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    if (seen[static_cast<std::size_t>(n)]) continue;
    seen[static_cast<std::size_t>(n)] = 1;
    out.push_back(n);
    for (int k : words_[static_cast<std::size_t>(n)].kids) stack.push_back(k);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Span SentenceView::span_of(int first, int last) const {
  const Span a = words_[static_cast<std::size_t>(first)].span;
  const Span b = words_[static_cast<std::size_t>(last)].span;
  if (a.empty() || b.empty()) return {};
  return Span{a.begin, b.end};
}

}  // namespace coding
}  // namespace dyad
