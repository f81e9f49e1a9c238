// The verbless main clause: the tagger's costliest error on news. EWT is web text, and its
// tagger reads the past-tense verb of a plain news sentence as a participle, a noun or an
// adjective often enough ("Israeli aircraft struck hundreds of targets": "struck" a noun
// compound; "Indian and Pakistani troops exchanged fire": "exchanged" a reduced relative),
// and the parser then hangs the whole sentence on a noun. A sentence that reports something
// has a finite verb; when the tree's root is not a verb and has no copula or auxiliary, the
// word after the subject that can be a past-tense verb is retagged as one and the sentence
// parsed again. The new tree is kept only if it has a verb at its root.
//
// The parser also splits a long subject in two ("Ukrainian | President Volodymyr Zelensky
// asked", "Former British prime minister | Tony Blair called"), giving one predicate two
// subjects, which UD never does; the first part is joined to the second. A relative clause
// can take over the sentence the same way ("Russia, which annexed Crimea in 2014, held
// exercises": "annexed" the root with two subjects, "held" hung on it), and a reduced
// relative after an object can pass for the verb's complement ("seized a rig owned by an
// American company": "owned" an xcomp of "seized"); both are put back.
#include <algorithm>
#include <vector>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "nlp/models.h"
#include "text/chars.h"

namespace dyad::nlp {
namespace {

bool nominal(const Token& t) { return t.upos == "NOUN" || t.upos == "PROPN" || t.upos == "PRON" || t.upos == "NUM"; }

// A root the parser made of a noun or adjective on purpose: a copular clause ("X is a
// state") or a clause with an auxiliary keeps its root.
bool verbless_root(const Sentence& s, std::size_t root) {
  const std::string& upos = s.tokens[root].upos;
  if (upos == "VERB" || upos == "AUX") return false;
  for (const Token& t : s.tokens) {
    if (t.head != static_cast<int>(root + 1)) continue;
    if (t.deprel == "cop" || t.deprel == "aux" || t.deprel == "aux:pass") return false;
  }
  return true;
}

// Whether a word form can be a past-tense verb: tagged as a verb already, or written like
// one ("-ed", or an irregular past such as "struck", "shot", "held").
bool past_tense_form(const Token& t) {
  if (t.upos == "VERB") return true;
  if (t.upos != "NOUN" && t.upos != "ADJ") return false;
  const std::string form = text::ascii_lower(t.form);
  if (form.size() > 4 && form.ends_with("ed")) return true;
  // Participle-only forms ("broken", "shown") cannot be a finite verb.
  if (form.ends_with("en") || form.ends_with("wn") || form.ends_with("ne")) return false;
  return !irregular_verb_lemma(form).empty();
}

// The word to make the clause's verb: the first that follows a nominal and can be a
// past-tense verb, not the sentence's first or last word.
std::optional<std::size_t> verb_candidate(const Sentence& s) {
  for (std::size_t i = 1; i + 1 < s.tokens.size(); ++i) {
    if (!nominal(s.tokens[i - 1]) || !past_tense_form(s.tokens[i])) continue;
    if (s.tokens[i].xpos == "VBD" && s.tokens[i].upos == "VERB") continue;  // already finite
    return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> root_of(const Sentence& s) {
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].head == 0) return i;
  }
  return std::nullopt;
}

// The first and last word of a word's subtree (0-based).
std::pair<std::size_t, std::size_t> subtree_span(const Sentence& s, std::size_t word) {
  std::size_t first = word, last = word;
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    // Walk up from i; it is in the subtree if it reaches `word`.
    std::size_t k = i;
    for (std::size_t steps = 0; steps <= s.tokens.size(); ++steps) {
      if (k == word) {
        first = std::min(first, i);
        last = std::max(last, i);
        break;
      }
      const int head = s.tokens[k].head;
      if (head <= 0) break;
      k = static_cast<std::size_t>(head - 1);
    }
  }
  return {first, last};
}

bool subject_relation(const std::string& deprel) { return deprel == "nsubj" || deprel == "nsubj:pass"; }

}  // namespace

bool merge_split_subjects(Sentence& sentence) {
  // Each predicate's subjects, in word order, gathered in one pass.
  std::vector<std::vector<std::size_t>> subjects_of(sentence.tokens.size() + 1);
  for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
    const Token& t = sentence.tokens[i];
    if (t.head >= 0 && subject_relation(t.deprel)) subjects_of[static_cast<std::size_t>(t.head)].push_back(i);
  }
  bool merged = false;
  for (const auto& subjects : subjects_of) {
    for (std::size_t k = 0; k + 1 < subjects.size(); ++k) {
      const std::size_t a = subjects[k], b = subjects[k + 1];
      // Only a subject that runs straight into the next one is its first part.
      if (subtree_span(sentence, a).second + 1 != subtree_span(sentence, b).first) continue;
      Token& t = sentence.tokens[a];
      // A possessor read as a subject of its own: "Azerbaijan 's | armed forces moved".
      const std::size_t last_of_a = subtree_span(sentence, a).second;
      if (last_of_a > a && sentence.tokens[last_of_a].deprel == "case" && sentence.tokens[last_of_a].head == static_cast<int>(a + 1) &&
          (sentence.tokens[last_of_a].form == "'s" || sentence.tokens[last_of_a].form == "'" ||
           sentence.tokens[last_of_a].form == "\u2019s")) {
        t.head = static_cast<int>(b + 1);
        t.deprel = "nmod:poss";
        merged = true;
        continue;
      }
      // A title or nationality before a name: "Ukrainian | President Zelensky".
      if (sentence.tokens[b].upos != "PROPN" || (t.upos != "ADJ" && t.upos != "NOUN" && t.upos != "PROPN")) continue;
      // "Mordor, Fornost and Gondor welcomed": the last member of a lost coordination is
      // not a name's second half.
      const std::size_t start = subtree_span(sentence, b).first;
      const std::string& before = sentence.tokens[start - 1].upos;
      if (sentence.tokens[start].upos == "CCONJ" || before == "CCONJ" || before == "PUNCT") continue;
      t.head = static_cast<int>(b + 1);
      t.deprel = t.upos == "ADJ" ? "amod" : "compound";
      merged = true;
    }
  }
  return merged;
}

namespace {

std::vector<std::size_t> children(const Sentence& s, std::size_t head, const char* deprel) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (s.tokens[i].head == static_cast<int>(head + 1) && s.tokens[i].deprel == deprel) out.push_back(i);
  }
  return out;
}

bool relative_pronoun(const Token& t) {
  const std::string form = text::ascii_lower(t.form);
  return (t.xpos == "WDT" || t.xpos == "WP") && (form == "which" || form == "who" || form == "that");
}

// "Russia, which annexed Crimea, held exercises" parsed with "annexed" heading both
// "Russia" and "which": "held" becomes the predicate of "Russia", and "annexed" the
// relative clause it is.
bool lift_main_clause_over_relative(Sentence& s, std::size_t p) {
  const auto subjects = children(s, p, "nsubj");
  if (subjects.size() != 2) return false;
  const std::size_t noun = subjects[0], pronoun = subjects[1];
  if (!nominal(s.tokens[noun]) || !relative_pronoun(s.tokens[pronoun]) || noun > pronoun) return false;
  // The main verb: a verb after the relative clause hung on it, with no subject of its own.
  std::optional<std::size_t> main;
  for (const char* rel : {"parataxis", "conj", "advcl"}) {
    for (const std::size_t k : children(s, p, rel)) {
      if (s.tokens[k].upos != "VERB" || k < p || !children(s, k, "nsubj").empty()) continue;
      if (!main || k < *main) main = k;
    }
    if (main) break;
  }
  if (!main) return false;
  Token& verb = s.tokens[*main];
  const std::size_t after = subtree_span(s, *main).first;
  verb.head = s.tokens[p].head;
  verb.deprel = s.tokens[p].deprel;
  // What followed the relative clause belongs to the main verb (its last punctuation).
  for (std::size_t i = after; i < s.tokens.size(); ++i) {
    if (s.tokens[i].head == static_cast<int>(p + 1)) s.tokens[i].head = static_cast<int>(*main + 1);
  }
  s.tokens[noun].head = static_cast<int>(*main + 1);
  s.tokens[p].head = static_cast<int>(noun + 1);
  s.tokens[p].deprel = "acl:relcl";
  return true;
}

// "seized a rig owned by an American company": a past participle right after the object,
// with a "by" agent, modifies the object.
bool attach_reduced_relative(Sentence& s, std::size_t p) {
  bool moved = false;
  // The parser reads such a participle as an open or a clausal complement; a clausal one
  // with a subject, marker or auxiliary of its own is a true clause and stays.
  std::vector<std::size_t> complements = children(s, p, "xcomp");
  for (const std::size_t c : children(s, p, "ccomp")) {
    const bool bare = children(s, c, "nsubj").empty() && children(s, c, "nsubj:pass").empty() &&
                      children(s, c, "mark").empty() && children(s, c, "aux").empty() &&
                      children(s, c, "aux:pass").empty();
    if (bare) complements.push_back(c);
  }
  for (const std::size_t x : complements) {
    Token& t = s.tokens[x];
    if (t.xpos != "VBN") continue;
    const bool agent = !children(s, x, "obl:agent").empty();
    if (!agent) continue;
    for (const std::size_t o : children(s, p, "obj")) {
      if (subtree_span(s, o).second + 1 != x) continue;
      t.head = static_cast<int>(o + 1);
      t.deprel = "acl";
      moved = true;
    }
  }
  return moved;
}

// "Pakistani troops opened fire on Indian posts, the Indian army said" parsed with "opened"
// a participle of "troops" and both "troops" and "army" subjects of "said": the report's
// clause is the complement of "said", with "troops" its subject.
bool split_reported_clause(Sentence& s, std::size_t p) {
  static const std::set<std::string> kReport = {"say", "tell", "report", "announce", "claim", "add", "confirm"};
  if (kReport.count(text::ascii_lower(s.tokens[p].lemma)) == 0) return false;
  const auto subjects = children(s, p, "nsubj");
  if (subjects.size() != 2 || subjects[1] > p) return false;
  const std::size_t first = subjects[0], second = subjects[1];
  for (const std::size_t v : children(s, first, "acl")) {
    Token& verb = s.tokens[v];
    if (verb.upos != "VERB" || (verb.xpos != "VBD" && verb.xpos != "VBN") || v < first) continue;
    if (subtree_span(s, v).second >= second) continue;
    verb.head = static_cast<int>(p + 1);
    verb.deprel = "ccomp";
    verb.xpos = "VBD";
    s.tokens[first].head = static_cast<int>(v + 1);
    return true;
  }
  return false;
}

// "Gunmen opened fire on tourists ..., police said" parsed with "Gunmen" an oblique of
// "said" and "opened" its participle: as above, the report's clause is the complement of
// "said". Only a past tense (or a participle with an object, which a passive cannot
// have), with the report verb's own subject right before it.
bool lift_reported_participle(Sentence& s, std::size_t p) {
  static const std::set<std::string> kReport = {"say", "tell", "report", "announce", "claim", "add", "confirm"};
  if (kReport.count(text::ascii_lower(s.tokens[p].lemma)) == 0) return false;
  const auto subjects = children(s, p, "nsubj");
  if (subjects.size() != 1 || subjects[0] < p - std::min<std::size_t>(p, 3)) return false;
  for (std::size_t first = 0; first < subjects[0]; ++first) {
    const Token& noun = s.tokens[first];
    if (noun.head != static_cast<int>(p + 1) || (noun.deprel != "obl" && noun.deprel != "dep")) continue;
    if (noun.upos != "NOUN" && noun.upos != "PROPN") continue;
    for (const std::size_t v : children(s, first, "acl")) {
      Token& verb = s.tokens[v];
      // A passive participle takes no object: "opened fire" with one is the past tense.
      const bool past = verb.xpos == "VBD" || (verb.xpos == "VBN" && !children(s, v, "obj").empty());
      if (verb.upos != "VERB" || !past || v < first) continue;
      verb.head = static_cast<int>(p + 1);
      verb.deprel = "ccomp";
      verb.xpos = "VBD";
      Token& subject = s.tokens[first];
      subject.head = static_cast<int>(v + 1);
      subject.deprel = "nsubj";
      return true;
    }
  }
  return false;
}

}  // namespace

bool repair_clause_attachments(Sentence& sentence) {
  // Only a verb with two subjects or an open complement can need a repair: counted in one
  // pass, so that the usual sentence costs no more than that.
  std::vector<int> subjects(sentence.tokens.size() + 1, 0), complements(sentence.tokens.size() + 1, 0);
  for (const Token& t : sentence.tokens) {
    if (t.head < 0) continue;
    if (t.deprel == "nsubj") ++subjects[static_cast<std::size_t>(t.head)];
    if (t.deprel == "xcomp" || (t.deprel == "ccomp" && t.xpos == "VBN")) ++complements[static_cast<std::size_t>(t.head)];
  }
  bool changed = false;
  for (std::size_t p = 0; p < sentence.tokens.size(); ++p) {
    if (sentence.tokens[p].upos != "VERB") continue;
    if (subjects[p + 1] == 2) {
      changed |= lift_main_clause_over_relative(sentence, p);
      changed |= split_reported_clause(sentence, p);
    }
    if (subjects[p + 1] == 1) changed |= lift_reported_participle(sentence, p);
    if (complements[p + 1] > 0) changed |= attach_reduced_relative(sentence, p);
  }
  return changed;
}

// "Japanese and Australian fighter jets held joint exercises" parsed with "Japanese" the
// root, "jets" its object and "held" a clause under it, though the tags are right: the
// finite verb after the noun becomes the root, the noun its subject and the adjective (with
// its conjuncts) the noun's modifier.
// "Chinese and Russian warships began joint exercises" parsed with "Chinese" the root and
// "began" an adverbial clause of it, though "warships" is already the verb's subject: the
// verb becomes the root and the adjective (with its conjuncts) the subject's modifier.
bool lift_verb_over_adjective_of_subject(Sentence& s, std::size_t root) {
  const int root_id = static_cast<int>(root + 1);
  std::size_t noun = root + 1;
  while (noun < s.tokens.size() && (s.tokens[noun].head == root_id || s.tokens[noun].head == static_cast<int>(noun) + 2) &&
         !nominal(s.tokens[noun])) {
    ++noun;  // the adjective's own coordination ("and Russian")
  }
  if (noun >= s.tokens.size() || !nominal(s.tokens[noun]) || s.tokens[noun].deprel != "nsubj") return false;
  const int head = s.tokens[noun].head;
  if (head <= static_cast<int>(noun) + 1 || head > static_cast<int>(s.tokens.size())) return false;
  Token& v = s.tokens[static_cast<std::size_t>(head - 1)];
  if (v.upos != "VERB" || v.head != root_id || (v.xpos != "VBD" && v.xpos != "VBZ" && v.xpos != "VBP")) return false;
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    Token& t = s.tokens[i];
    if (t.head != root_id || static_cast<int>(i) == head - 1 || t.deprel == "conj" || t.deprel == "cc") continue;
    t.head = head;
  }
  v.head = 0;
  v.deprel = "root";
  s.tokens[root].head = static_cast<int>(noun + 1);
  s.tokens[root].deprel = "amod";
  return true;
}

bool lift_verb_over_adjective_root(Sentence& s, std::size_t root) {
  if (s.tokens[root].upos != "ADJ") return false;
  if (lift_verb_over_adjective_of_subject(s, root)) return true;
  const int root_id = static_cast<int>(root + 1);
  std::size_t noun = root + 1;
  while (noun < s.tokens.size() && !(s.tokens[noun].head == root_id && nominal(s.tokens[noun]))) {
    // Only the adjective's own coordination ("and Australian") may come between.
    const int head = s.tokens[noun].head;
    if (head < root_id || head > static_cast<int>(s.tokens.size())) return false;
    ++noun;
  }
  if (noun >= s.tokens.size()) return false;
  const std::size_t verb = subtree_span(s, noun).second + 1;
  if (verb >= s.tokens.size()) return false;
  const Token& v = s.tokens[verb];
  if (v.upos != "VERB" || v.head != root_id || (v.xpos != "VBD" && v.xpos != "VBZ" && v.xpos != "VBP")) return false;
  const int verb_id = static_cast<int>(verb + 1);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    Token& t = s.tokens[i];
    if (t.head != root_id || i == noun || i == verb || t.deprel == "conj" || t.deprel == "cc") continue;
    t.head = verb_id;
  }
  s.tokens[verb].head = 0;
  s.tokens[verb].deprel = "root";
  s.tokens[noun].head = verb_id;
  s.tokens[noun].deprel = "nsubj";
  s.tokens[root].head = static_cast<int>(noun + 1);
  s.tokens[root].deprel = "amod";
  return true;
}

// "Sebastian Pinera, Chile's president, appealed to protesters" parsed with the name the
// root, the title its apposition and "appealed" a parataxis of the name: the wire's usual
// lead. The finite verb right after the apposition's closing comma (auxiliaries and adverbs
// may come between) becomes the root, and the name its subject.
bool lift_verb_over_appositive_subject(Sentence& s, std::size_t root) {
  if (s.tokens[root].upos != "PROPN" && s.tokens[root].upos != "NOUN") return false;
  const int root_id = static_cast<int>(root + 1);
  const auto appositions = children(s, root, "appos");
  if (appositions.empty() || appositions.front() < root) return false;
  std::size_t at = subtree_span(s, appositions.front()).second + 1;
  if (at >= s.tokens.size() || s.tokens[at].form != ",") return false;
  ++at;
  while (at < s.tokens.size() && (s.tokens[at].upos == "AUX" || s.tokens[at].upos == "ADV")) ++at;
  if (at >= s.tokens.size()) return false;
  const Token& v = s.tokens[at];
  const bool finite = v.xpos == "VBD" || v.xpos == "VBZ" || v.xpos == "VBP" || v.xpos == "VBN";
  if (v.upos != "VERB" || !finite || v.head != root_id) return false;
  const int verb_id = static_cast<int>(at + 1);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    Token& t = s.tokens[i];
    // The name keeps what comes before the verb (its apposition, the comma closing it).
    if (t.head != root_id || i == at || i < at) continue;
    t.head = verb_id;
  }
  for (std::size_t i = appositions.front(); i < at; ++i) {
    Token& t = s.tokens[i];
    if (t.head == root_id && (t.upos == "AUX" || t.upos == "ADV")) t.head = verb_id;
  }
  Token& verb = s.tokens[at];
  verb.head = 0;
  verb.deprel = "root";
  s.tokens[root].head = verb_id;
  s.tokens[root].deprel = "nsubj";
  return true;
}

bool repair_verbless_root(const Models& models, Sentence& sentence) {
  if (sentence.tokens.size() < 4) return false;
  const auto root = root_of(sentence);
  if (!root || !verbless_root(sentence, *root)) return false;
  if (lift_verb_over_appositive_subject(sentence, *root)) return true;
  const auto verb = verb_candidate(sentence);
  if (!verb) return lift_verb_over_adjective_root(sentence, *root);
  Sentence trial = sentence;
  Token& t = trial.tokens[*verb];
  t.upos = "VERB";
  t.xpos = "VBD";
  lemmatize_sentence(models.lemmatizer, trial);
  parse_sentence(models.parser, trial, models.parser_members);
  const auto new_root = root_of(trial);
  if (!new_root || trial.tokens[*new_root].upos != "VERB") return false;
  sentence = std::move(trial);
  return true;
}

bool repair_infinitive_nouns(const Models& models, Sentence& sentence) {
  // "threatened to fire missiles" tagged with "to" as the infinitive's marker but "fire" as
  // a noun: after the marker comes a verb, so the word is retagged as one and the sentence
  // parsed again. A plural noun ("to talks") is left alone: it cannot be a base verb. The
  // new tree is always kept, so the sentence is changed in place: no copy for the usual
  // sentence, which has no such word.
  bool retagged = false;
  for (std::size_t i = 0; i + 1 < sentence.tokens.size(); ++i) {
    const Token& to = sentence.tokens[i];
    Token& next = sentence.tokens[i + 1];
    if (to.upos != "PART" || next.upos != "NOUN" || next.xpos != "NN" || text::ascii_lower(to.form) != "to") continue;
    next.upos = "VERB";
    next.xpos = "VB";
    next.feats = "VerbForm=Inf";
    retagged = true;
  }
  if (!retagged) return false;
  lemmatize_sentence(models.lemmatizer, sentence);
  parse_sentence(models.parser, sentence, models.parser_members);
  return true;
}

}  // namespace dyad::nlp
