#include "dyad/coder.h"

#include <algorithm>
#include <set>

#include "coder/actors.h"
#include "coder/patterns.h"
#include "coder/sentence_view.h"
#include "dyad/version.h"

namespace dyad {

const char* no_event_reason_name(NoEventReason r) {
  switch (r) {
    case NoEventReason::kNone: return "none";
    case NoEventReason::kNotParsed: return "not_parsed";
    case NoEventReason::kDiscarded: return "discarded";
    case NoEventReason::kNoVerb: return "no_verb";
    case NoEventReason::kNullCode: return "null_code";
    case NoEventReason::kNoActor: return "no_actor";
    case NoEventReason::kNoSource: return "no_source";
    case NoEventReason::kNoTarget: return "no_target";
    case NoEventReason::kNegated: return "negated";
    case NoEventReason::kHypothetical: return "hypothetical";
    case NoEventReason::kBackground: return "background";
    case NoEventReason::kSelfEvent: return "self_event";
  }
  return "none";
}

namespace coding {
namespace {

bool is_verb(const Word& w) {
  return w.upos == "VERB" && w.rel != "aux" && w.rel != "cop";
}

bool is_report_verb(const Word& w) {
  static const std::set<std::string> kReport = {"SAY", "TELL", "REPORT", "CLAIM", "STATE", "ANNOUNCE",
                                                "ADD", "CONFIRM", "WRITE", "DECLARE", "INSIST", "CONCLUDE"};
  return kReport.count(w.lemma) > 0;
}

// CAMEO names the act that is appealed for (02x), promised (03x), demanded (10x) or refused
// (12x) with parallel sub-codes: material cooperation, diplomatic cooperation, aid,
// political reform, yielding, meeting, mediation. `act` is the code of the act itself
// ("reopen trade" 061, "release" 0841); the result is the family's code for asking for,
// promising, demanding or refusing it ("agreed to reopen trade" 0311, "demanded that X
// release" 1053), or empty when the family has no code for that kind of act.
std::string family_code(const std::string& family, const std::string& act) {
  if (act.size() < 3 || (family != "02" && family != "03" && family != "10" && family != "12")) return {};
  const std::string kind = act.substr(0, 2);
  const char third = act[2];
  auto with_sub = [&](char slot, char sub) {
    std::string code = family + slot;
    if (sub != 0) code += sub;
    return find_cameo(code) ? code : family + slot;
  };
  if (kind == "06") return with_sub('1', third >= '1' && third <= '4' ? third : 0);
  if (kind == "05") return family == "12" ? std::string() : family + '2';
  if (kind == "07") return with_sub(family == "12" ? '2' : '3', third >= '1' && third <= '4' ? third : 0);
  if (kind == "08" && third == '3') {
    return with_sub(family == "12" ? '3' : '4', act.size() > 3 ? act[3] : 0);
  }
  if (kind == "08") {
    // Yielding: 081 administrative sanctions, 082 dissent, 084 release, 085 economic
    // sanctions, 086 international involvement, 087 de-escalation.
    static const std::string kYieldSubs = "12-3456";  // 081..087 -> sub-code
    const int k = third - '1';
    const char sub = k >= 0 && k < static_cast<int>(kYieldSubs.size()) && kYieldSubs[k] != '-' ? kYieldSubs[k] : 0;
    return with_sub(family == "12" ? '4' : '5', sub);
  }
  if (kind == "04" && third == '5') {
    return family + (family == "03" ? '9' : family == "12" ? '6' : '8');
  }
  if (kind == "04") return family + (family == "12" ? '5' : '6');
  // Asking for, promising or demanding an end to something (trade, aid, talks) is about a
  // change of policy.
  if (kind == "16" && family != "12") return with_sub('4', '2');
  return {};
}

// A threat (13x) named by what is threatened: sanctions, breaking relations, repression,
// force ("threatened to halt exports" 1312, "warned it would strike" 138).
std::string threat_code(const std::string& act) {
  if (act.size() < 3) return {};
  const std::string head = act.substr(0, 3);
  static const std::pair<const char*, const char*> kThreats[] = {
      {"160", "131"}, {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"},
      {"165", "135"}, {"166", "136"}, {"172", "132"}, {"171", "137"}, {"173", "137"},
      {"174", "137"}, {"175", "137"}, {"191", "1381"}, {"192", "1382"}, {"204", "1385"}};
  for (const auto& [from, to] : kThreats) {
    if (head == from) {
      // 172x -> 132x: the restriction threatened keeps its sub-code.
      if (head == "172" && act.size() == 4 && find_cameo(std::string("132") + act[3])) return std::string("132") + act[3];
      return to;
    }
  }
  const std::string root = act.substr(0, 2);
  if (root == "14") return "133";
  if (root == "18" || root == "19" || root == "20" || root == "15") return "138";
  return {};
}

// Verbs that announce an act of one's own to come: "agreed to reopen", "pledged to deepen",
// "offered to send". What they govern is an intent (03x), whatever their own code.
bool is_intent_verb(const Word& w) {
  static const std::set<std::string> kIntent = {"AGREE", "PROMISE", "PLEDGE", "VOW", "OFFER",
                                               "PLAN", "INTEND", "PREPARE", "UNDERTAKE"};
  return kIntent.count(w.lemma) > 0;
}

// The code a verb takes from the act it governs: "threatened to halt exports" is a threat
// of sanctions (1312), "demanded that X release" a demand for release (1053). Only a
// family's residual code is refined (020, 030, 100, 120, 130), so that a pattern that
// already chose a sub-code keeps it. Empty when nothing is refined.
std::string governing_code(const Word& w, const std::string& given, const std::string& act) {
  if (act.empty() || act == "---") return {};
  // "refused to allow inspectors": a refusal the dictionary leaves uncoded is a rejection
  // (120) of what it governs.
  const bool refusal = w.lemma == "REFUSE" || w.lemma == "DECLINE" || w.lemma == "REJECT";
  const std::string own = given == "---" && refusal ? "120" : given;
  const std::string act_root = cameo_root(act);
  if (is_intent_verb(w)) {
    // A promise of force is a threat ("prepared to sink any warship").
    if (act_root == "13" || act_root >= "15") return threat_code(act);
    return family_code("03", act);
  }
  if (own.size() != 3 || own[2] != '0') return {};
  const std::string family = own.substr(0, 2);
  if (family == "13") return threat_code(act);
  return family_code(family, act);
}

// An act stated as one's own future ("will strike", "would send"): CAMEO codes the
// statement, an intent to cooperate (03x) or a threat of force (138), not the act.
std::string future_code(const std::string& act) {
  if (act.size() < 3 || act == "---") return {};
  const std::string root = cameo_root(act);
  // A pattern that already codes the intent ("send reinforcements" 0332) keeps it.
  if (root == "03") return act;
  if (root >= "04" && root <= "08") return family_code("03", act);
  if (root >= "15") return threat_code(act);
  return {};
}

// "1971" -> 1971 for a four-digit year from 1800 on; 0 for any other word.
int year_of(std::string_view word) {
  if (word.size() != 4 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return 0;
  }
  const int year = std::stoi(std::string(word));
  return year >= 1800 ? year : 0;
}

// A discard phrase that is one year, such as PETRARCH's "1914" ... "2013".
bool year_discard(const Phrase& phrase) { return phrase.size() == 1 && year_of(phrase.front().text) > 0; }

// The words that are the verb's subject, and whether the clause is passive.
struct Subject {
  int word = -1;
  bool passive = false;
  // Further subjects before the verb after a conjunction: a parser that loses a long
  // coordination ("Evil Mordor, the awful Fornost, and good Gondor welcomed") hangs its
  // last member on the verb as a second subject.
  std::vector<int> more;
};

// The phrase of word `k` opens with a coordinating conjunction, or follows one: "..., and
// good Gondor".
bool after_conjunction(const SentenceView& v, int k) {
  const int start = v.subtree(k).front();
  return !v.kids_with(k, "cc").empty() || (start > 0 && v[start - 1].upos == "CCONJ");
}

Subject subject_of(const SentenceView& v, int verb) {
  Subject s;
  bool passive_subject = false, passive_aux = false, perfect = false, object = false, be = false, agent = false;
  for (int k : v[verb].kids) {
    const Word& w = v[k];
    if ((w.rel == "nsubj" || w.rel == "csubj") && s.word < 0) {
      s.word = k;
      passive_subject = w.sub == "pass";
    } else if (w.rel == "nsubj" && k < verb && (w.sub == "pass") == passive_subject && after_conjunction(v, k)) {
      s.more.push_back(k);
    }
    if (w.rel == "aux" && w.sub == "pass") passive_aux = true;
    if (w.rel == "aux" && w.sub.empty() && w.lemma == "HAVE") perfect = true;
    if (w.rel == "obj") object = true;
    if ((w.rel == "cop" || w.rel == "aux") && w.lemma == "BE") be = true;
    if ((w.rel == "obl" || w.rel == "nmod") && w.sub == "agent") agent = true;
  }
  // "Eriador was fiercely opposed by Osgiliath" parsed with "was" as a copula: a form of
  // "be" and a "by" agent make it passive all the same.
  if (be && agent && s.word >= 0 && !object) passive_aux = true;
  // A parser sometimes reads a past tense or a perfect's participle as passive ("police
  // arrested students", "the toll has risen"): without a passive auxiliary, "have" or an
  // object makes it active, and so does a finite form with no "be" ("thousands of
  // Armenians protested": a finite verb without an auxiliary cannot be passive).
  const bool finite_alone = v[verb].finite && !be;
  s.passive = passive_aux || (passive_subject && !perfect && !object && !finite_alone);
  return s;
}

// The passive's "by" agent: obl:agent, or an obl/nmod whose preposition is "by".
int by_agent(const SentenceView& v, int verb) {
  for (int k : v[verb].kids) {
    const Word& w = v[k];
    if ((w.rel == "obl" || w.rel == "nmod") && (w.sub == "agent" || v.has_kid_lemma(k, "case", {"BY"}))) {
      return k;
    }
  }
  return -1;
}

ActorRules actor_rules(const CoderOptions& opt, const DocumentContext* context) {
  ActorRules rules;
  rules.countryless_agents = true;
  rules.place_countries = !opt.reference_semantics;
  rules.document = context;
  rules.head_actor_wins = !opt.reference_semantics;
  rules.drop_descriptive_agents = !opt.reference_semantics;
  rules.conjunct_of_phrase = opt.reference_semantics;
  return rules;
}

struct Clause {
  std::vector<const NounActor*> sources, targets;
  bool inherited_source = false;
  bool oblique_target = false;
  bool locative_target = false;  // the target is only where the act happened ("in Geneva")
};

class SentenceCoder {
 public:
  SentenceCoder(const Coder& coder, const Document& doc, const Sentence& sentence, const DocumentContext* context,
                SentenceCoding& out)
      : coder_(coder), lex_(coder.lexicon()), doc_(doc), sentence_(sentence), v_(sentence),
        actors_(lex_, v_, doc.published, actor_rules(coder.options(), context)), out_(out) {
    default_source_.code = parse_actor_code(coder.options().default_source);
    default_target_.code = parse_actor_code(coder.options().default_target);
    default_source_.has_country = default_target_.has_country = true;
  }

  void run();
  // People named in full here, for the sentences after: surname -> actor entry.
  void add_surnames(DocumentContext& context) const {
    for (const auto& a : actors_.all()) {
      if (a.name_last >= 0) context.surnames.emplace(v_[a.name_last].form, a.actor_entry);
    }
  }

 private:
  // The verb's subject, with the passive read as the options say.
  Subject subject(int verb) const;
  std::vector<const NounActor*> sources_of(int verb, int depth) const;
  Clause clause_of(int verb, const VerbCoding& vc) const;
  std::vector<const NounActor*> actor_from(int word) const;
  std::vector<const NounActor*> targets_active(int verb, bool& oblique, bool* locative = nullptr) const;
  bool all_locative(const std::vector<const NounActor*>& actors) const;
  std::vector<const NounActor*> receiver_of_sent(int verb, const std::vector<const NounActor*>& object) const;
  std::string text_of(const NounActor& a) const;
  Actor make_actor(const NounActor& a) const;
  void emit(int verb, const VerbCoding& vc, const Clause& c, const EventContext& ctx);
  void infer_target(const NounActor& src, const ActorCode& source, const std::string& code, Actor& target) const;
  void protesters(const NounActor& src, const std::string& code, Actor& source) const;
  // An act with no target named whose target CAMEO takes to be domestic (docs/coder.md):
  // a protest (14x) toward the protesters' state, administrative sanctions (172x) toward
  // the state's own civilians, a ceasefire (0871) toward the rebels' government.
  bool untargeted_domestic_act(const std::string& code, const Clause& c) const {
    const bool domestic = code.starts_with("14") || code.starts_with("172") || code == "0871";
    return !coder_.options().reference_semantics && domestic && c.targets.empty() && c.sources.size() == 1;
  }
  std::string killing_code(int verb, const std::string& code, const NounActor* target) const;
  Clause posture_targets(int verb, const std::string& code, Clause c) const;
  // One mention per member of a joint code ("FRO/BIL/SAM"), when the options ask for it.
  std::vector<Mention> split_joint(Mention m) const;
  bool discarded() const;
  void apply_defaults(Clause& c) const;
  // TABARI's ### (discard) and +++ (too complex) on an actor or verb of the sentence.
  bool tabari_discarded(const std::vector<std::pair<int, const VerbEntry*>>& verbs,
                        const std::vector<VerbCoding>& codings);
  bool dated_in_earlier_year(int verb) const;
  int governed_act(int verb, const std::vector<VerbCoding>& codings, int depth) const;
  void refine_by_governed_acts(std::vector<VerbCoding>& codings);
  void refine_by_threatened_noun(int verb, VerbCoding& vc) const;
  void refine_accusation(int verb, VerbCoding& vc) const;
  void refine_investigation(int verb, VerbCoding& vc) const;
  void refine_meeting_by_purpose(int verb, VerbCoding& vc) const;
  std::vector<const NounActor*> speaker_for_state(int verb, int reporter, std::vector<const NounActor*> sources) const;
  void refine_by_requested_noun(int verb, VerbCoding& vc) const;

  const Coder& coder_;
  const Lexicon& lex_;
  const Document& doc_;
  const Sentence& sentence_;
  SentenceView v_;
  ActorFinder actors_;
  SentenceCoding& out_;
  // TABARI's DEFAULT: actors for a clause without a source or target (options).
  NounActor default_source_, default_target_;
};

Subject SentenceCoder::subject(int verb) const {
  Subject s = subject_of(v_, verb);
  // PETRARCH2 reads a passive as such only by its "by" agent: "X was criticized over its
  // dispute with Y" is X's act toward Y unless a pattern's "$" says otherwise.
  if (s.passive && coder_.options().agentless_passive_as_active && by_agent(v_, verb) < 0) s.passive = false;
  return s;
}

std::vector<const NounActor*> SentenceCoder::sources_of(int verb, int depth) const {
  const Subject s = subject(verb);
  const Word& w = v_[verb];
  if (s.word >= 0 && s.passive) {
    const int agent = by_agent(v_, verb);
    return agent >= 0 ? actors_.find_in(agent) : std::vector<const NounActor*>{};
  }
  if (s.word >= 0) {
    auto found = actors_.find_in(s.word);
    // "An explosion at a market in Baghdad killed 30 people": a place inside the subject's
    // phrase is where it happened, not who acted.
    if (!coder_.options().reference_semantics) {
      std::erase_if(found, [&](const NounActor* a) {
        return a->head != s.word &&
               v_.has_kid_lemma(a->head, "case", {"IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "ACROSS", "AROUND"});
      });
    }
    if (!found.empty() || v_[s.word].upos != "PRON") {
      for (int k : s.more) {
        for (const NounActor* a : actors_.find_in(k)) {
          if (std::find(found.begin(), found.end(), a) == found.end()) found.push_back(a);
        }
      }
      return found;
    }
  }
  bool pronoun = s.word >= 0;
  if (!pronoun && !coder_.options().reference_semantics) {
    // The tagger's misreadings of a subject before the verb: a country name tagged as an
    // adverb ("Indonesia called on ...": advmod) is the subject when it is an actor, and
    // a pronoun labelled expletive ("said it would take measures") is a pronoun subject.
    for (int k : w.kids) {
      if (k >= verb) break;
      if (v_[k].rel == "advmod") {
        auto found = actors_.find_in(k);
        if (!found.empty()) return found;
      }
      if (v_[k].rel == "expl" && v_[k].upos == "PRON") pronoun = true;
    }
  }
  if (depth > 8 || w.head < 0) return {};
  // "Ethiopia indicated it would act": a pronoun subject of a complement clause is the
  // governing clause's subject.
  if (pronoun) {
    if (w.rel == "ccomp" || w.rel == "advcl" || w.rel == "conj") return sources_of(w.head, depth + 1);
    return {};
  }
  // Subjects shared with a governing clause: "Arnor is about to restore", "Gollum was
  // seen to break into" (xcomp, whatever the governor's voice), "Arnor met Gondor and
  // signed a pact" (conj).
  if (w.rel == "xcomp") {
    const Subject gs = subject_of(v_, w.head);
    if (gs.word >= 0 && v_[gs.word].upos != "PRON") return actors_.find_in(gs.word);
    return sources_of(w.head, depth + 1);
  }
  if (w.rel == "conj") return sources_of(w.head, depth + 1);
  // A relative clause's subject is the noun it modifies.
  if (w.rel == "acl" && w.sub == "relcl") return actors_.find_in(w.head);
  return {};
}

// Whether every actor is only a place named with "in" or "at" ("talks in Geneva").
bool SentenceCoder::all_locative(const std::vector<const NounActor*>& actors) const {
  const auto in_place = [&](int w) {
    return (v_[w].rel == "obl" || v_[w].rel == "nmod") && v_.has_kid_lemma(w, "case", {"IN", "AT", "INSIDE", "OFF", "NEAR", "OUTSIDE"});
  };
  return std::all_of(actors.begin(), actors.end(), [&](const NounActor* a) {
    if (in_place(a->head)) return true;
    // "at Ankara airport", "in Nigeria's Benue state": a place naming the place's noun.
    int noun = a->head;
    while (noun >= 0 && (v_[noun].rel == "compound" || (v_[noun].rel == "nmod" && v_[noun].sub == "poss"))) {
      noun = v_[noun].head;
    }
    if (noun >= 0 && noun != a->head && !coder_.options().reference_semantics && in_place(noun)) return true;
    // "in the Sea of Japan": a place named by the of-phrase of a place (dyad's reading).
    const int of_head = v_[a->head].head;
    return !coder_.options().reference_semantics && of_head >= 0 && v_.has_kid_lemma(a->head, "case", {"OF"}) &&
           in_place(of_head);
  });
}

// "Rwanda began deploying 1,000 soldiers to Mozambique", "sent rescue workers to Turkey":
// when the object is only people or things sent (agents with no country), the country they
// go to is the target. Empty when the verb has no such "to" phrase.
std::vector<const NounActor*> SentenceCoder::receiver_of_sent(int verb, const std::vector<const NounActor*>& object) const {
  if (coder_.options().reference_semantics) return {};
  if (!std::none_of(object.begin(), object.end(), [](const NounActor* a) { return a->has_country; })) return {};
  // The "to" phrase on the verb, or hung by the parser on the object ("sent a team of
  // rescue workers to Turkey").
  std::vector<int> phrases = v_.kids_with(verb, "obl");
  for (int k : v_.kids_with(verb, "obj")) {
    for (int w : v_.subtree(k)) {
      if (w != k && v_[w].rel == "nmod") phrases.push_back(w);
    }
  }
  for (int k : phrases) {
    if (!v_.has_kid_lemma(k, "case", {"TO"})) continue;
    auto t = actors_.find_in(k);
    std::erase_if(t, [](const NounActor* a) { return !a->has_country; });
    if (!t.empty()) return t;
  }
  return {};
}

std::vector<const NounActor*> SentenceCoder::targets_active(int verb, bool& oblique, bool* locative) const {
  oblique = false;
  for (const char* rel : {"obj", "iobj"}) {
    for (int k : v_.kids_with(verb, rel)) {
      auto t = actors_.find_in(k);
      if (t.empty()) continue;
      if (auto receiver = receiver_of_sent(verb, t); !receiver.empty()) {
        oblique = true;
        return receiver;
      }
      if (locative != nullptr) *locative = all_locative(t);
      return t;
    }
  }
  for (int k : v_[verb].kids) {
    const Word& w = v_[k];
    // "According to Ukrainian officials, ...": who reports the act is not its target.
    if (v_.has_kid_lemma(k, "case", {"ACCORDING", "ACCORD"})) continue;
    if ((w.rel == "obl" || w.rel == "nmod") && w.sub != "tmod" && w.sub != "agent") {
      auto t = actors_.find_in(k);
      if (!t.empty()) {
        oblique = true;
        if (locative != nullptr) *locative = all_locative(t);
        return t;
      }
    }
  }
  // "Arnor believes Dagolath can cope": the subject of a clausal complement.
  for (int k : v_.kids_with(verb, "ccomp")) {
    const Subject cs = subject_of(v_, k);
    if (cs.word < 0) continue;
    auto t = actors_.find_in(cs.word);
    if (!t.empty()) {
      oblique = true;
      return t;
    }
  }
  // "began talks to normalise relations with Gondor": the complement clause's object.
  for (int k : v_.kids_with(verb, "xcomp")) {
    if (subject_of(v_, k).word >= 0) continue;
    bool inner = false;
    auto t = targets_active(k, inner);
    if (!t.empty()) {
      oblique = true;
      return t;
    }
  }
  // The reference coders take the first actor after the verb in its phrase, and a parser
  // may hang part of that phrase on the verb as an adverbial clause ("marched very close
  // to the border with Mordor": close an advcl).
  if (coder_.options().reference_semantics) {
    for (int k : v_.kids_with(verb, "advcl")) {
      // A true adverbial clause ("after a hafling was reported") has its own subject,
      // conjunction or auxiliary.
      if (k < verb || subject_of(v_, k).word >= 0 || v_.first_kid(k, "mark") >= 0 || v_.first_kid(k, "aux") >= 0) {
        continue;
      }
      auto t = actors_.find_in(k);
      if (!t.empty()) {
        oblique = true;
        return t;
      }
    }
  }
  // "marched very close to the border with Mordor": the phrase may hang on an adverb of
  // the verb.
  if (coder_.options().reference_semantics) {
    for (int k : v_.kids_with(verb, "advmod")) {
      if (k < verb) continue;
      for (int o : v_[k].kids) {
        if (v_[o].rel != "obl" && v_[o].rel != "nmod") continue;
        auto t = actors_.find_in(o);
        if (!t.empty()) {
          oblique = true;
          return t;
        }
      }
    }
  }
  return {};
}

std::vector<const NounActor*> SentenceCoder::actor_from(int word) const {
  for (const auto& a : actors_.all()) {
    if (a.first >= word) return actors_.with_conjuncts(a.head);
  }
  return {};
}

Clause SentenceCoder::clause_of(int verb, const VerbCoding& vc) const {
  Clause c;
  const Subject s = subject(verb);
  if (s.word >= 0 && s.passive) {
    c.targets = actors_.find_in(s.word);
    const int agent = by_agent(v_, verb);
    if (agent >= 0) {
      c.sources = actors_.find_in(agent);
    } else if (coder_.options().reference_semantics) {
      // PETRARCH: "X was criticized over its dispute with Y" -> Y criticized X.
      for (int k : v_[verb].kids) {
        if (v_[k].rel != "obl" && v_[k].rel != "nmod") continue;
        c.sources = actors_.find_in(k);
        if (!c.sources.empty()) break;
      }
    }
    return c;
  }
  c.sources = sources_of(verb, 0);
  c.inherited_source = s.word < 0;
  // A pattern's "+" and "$" say where the target and source are: "celebrated Eid at
  // Osgiliath with +", "+ received money $" (the receiver is the target).
  if (vc.target_from >= 0) c.targets = actor_from(vc.target_from);
  if (vc.source_from >= 0) {
    auto marked = actor_from(vc.source_from);
    if (!marked.empty()) c.sources = std::move(marked);
  }
  if (c.targets.empty()) c.targets = targets_active(verb, c.oblique_target, &c.locative_target);
  return c;
}

std::string SentenceCoder::text_of(const NounActor& a) const {
  const Span sp = v_.span_of(a.first, a.last);
  if (!sp.empty() && sp.end <= doc_.text.size()) return doc_.text.substr(sp.begin, sp.size());
  std::string s;
  for (int k = a.first; k <= a.last; ++k) {
    if (!s.empty()) s += ' ';
    s += sentence_.tokens[static_cast<std::size_t>(k)].form;
  }
  return s;
}

Actor SentenceCoder::make_actor(const NounActor& a) const {
  Actor out;
  out.code = a.code;
  out.entry = a.entry;
  out.text = text_of(a);
  out.span = v_.span_of(a.first, a.last);
  return out;
}

int SentenceCoder::governed_act(int verb, const std::vector<VerbCoding>& codings, int depth) const {
  // The coded act in the verb's complement ("threatened to halt", "demanded that X
  // release"), looking through one uncoded verb ("agreed to let inspectors visit").
  for (int k : v_[verb].kids) {
    if (v_[k].rel != "xcomp" && v_[k].rel != "ccomp") continue;
    const VerbCoding& kc = codings[static_cast<std::size_t>(k)];
    if (kc.entry && !kc.code.empty() && kc.code != "---") return k;
    if (depth == 0) {
      if (const int inner = governed_act(k, codings, 1); inner >= 0) return inner;
    }
  }
  return -1;
}

// A word's code in a table of (lemma, code), or empty.
template <std::size_t N>
std::string code_for(const std::pair<const char*, const char*> (&table)[N], const Word& w) {
  for (const auto& [lemma, code] : table) {
    if (w.lemma == lemma || w.form == lemma) return code;
  }
  return {};
}

// A refinement of a verb's code, said in its provenance.
void recode(VerbCoding& vc, const std::string& code, const char* why) {
  vc.code = code;
  vc.paired.clear();
  vc.where += why;
}

// "threatened a nuclear strike", "threatened sanctions": a threat named by its object noun
// rather than by a governed verb. Only the family's residual code (130) is refined.
void SentenceCoder::refine_by_threatened_noun(int verb, VerbCoding& vc) const {
  if (vc.code != "130") return;
  static const std::pair<const char*, const char*> kThreatened[] = {
      {"STRIKE", "138"}, {"ATTACK", "138"},    {"WAR", "138"},      {"INVASION", "138"},
      {"RETALIATION", "138"}, {"REPRISAL", "138"}, {"SANCTION", "1312"}, {"EMBARGO", "1312"},
      {"BOYCOTT", "1312"}, {"TARIFF", "1312"}};
  for (int obj : v_.kids_with(verb, "obj")) {
    const std::string code = code_for(kThreatened, v_[obj]);
    if (code.empty()) continue;
    recode(vc, code, " (by the threatened act)");
    return;
  }
}

// "asked Germany for air defence systems", "demanded the release of", "called for a
// ceasefire": an appeal, demand, promise or refusal named by the noun of what is asked
// for, as its object or under "for". The noun stands for an act (weapons: military aid,
// 072; talks: 046) and the family's code for that act is taken, as for a governed verb.
void SentenceCoder::refine_by_requested_noun(int verb, VerbCoding& vc) const {
  if (vc.code != "020" && vc.code != "030" && vc.code != "100" && vc.code != "120") return;
  static const std::pair<const char*, const char*> kActs[] = {
      {"WEAPON", "072"},  {"ARM", "072"},        {"ARMS", "072"},        {"AMMUNITION", "072"},
      {"MISSILE", "072"}, {"TANK", "072"},       {"HELICOPTER", "072"},  {"JET", "072"},
      {"AID", "070"},     {"ASSISTANCE", "070"}, {"LOAN", "071"},        {"RELEASE", "0841"},
      {"TALKS", "046"},   {"NEGOTIATION", "046"}, {"DIALOGUE", "046"},   {"CEASEFIRE", "0871"},
      {"TRUCE", "0871"},  {"WITHDRAWAL", "0874"}, {"RESIGNATION", "0831"}, {"MEDIATION", "045"}};
  std::vector<int> nouns = v_.kids_with(verb, "obj");
  for (int k : v_.kids_with(verb, "obl")) {
    if (v_.has_kid_lemma(k, "case", {"FOR"})) nouns.push_back(k);
  }
  // "more air defence systems": the system's kind names the act.
  const auto act_of = [&](int noun) -> std::string {
    const Word& w = v_[noun];
    if (w.lemma == "SYSTEM" && (v_.has_kid_lemma(noun, "compound", {"DEFENCE", "DEFENSE", "MISSILE", "WEAPON"}))) return "072";
    if (w.lemma == "AID" || w.lemma == "ASSISTANCE") {
      if (v_.has_kid_lemma(noun, "amod", {"MILITARY"})) return "072";
      if (v_.has_kid_lemma(noun, "amod", {"HUMANITARIAN"})) return "073";
      if (v_.has_kid_lemma(noun, "amod", {"ECONOMIC", "FINANCIAL"})) return "071";
    }
    return code_for(kActs, w);
  };
  for (int noun : nouns) {
    const std::string act = act_of(noun);
    if (act.empty()) continue;
    const std::string refined = family_code(vc.code.substr(0, 2), act);
    if (refined.empty() || refined == vc.code) continue;
    recode(vc, refined, " (by what is asked for)");
    return;
  }
}

// "accused Russia of hacking", "accused the United States of preparing a military
// invasion": CAMEO sorts accusations (112) by what is alleged: crime or corruption 1121,
// human rights abuses 1122, aggression 1123, war crimes 1124, espionage 1125. The allegation
// is the verb's "of" clause or phrase, by its head word, or by the object of a head that
// only prepares it (prepare, plan, plot).
void SentenceCoder::refine_accusation(int verb, VerbCoding& vc) const {
  if (vc.code != "112") return;
  static const std::pair<const char*, const char*> kAlleged[] = {
      {"CORRUPTION", "1121"}, {"FRAUD", "1121"},       {"BRIBERY", "1121"},    {"EMBEZZLEMENT", "1121"},
      {"TORTURE", "1122"},    {"TORTURING", "1122"},   {"ABUSE", "1122"},      {"REPRESSION", "1122"},
      {"ATTACK", "1123"},     {"INVADE", "1123"},      {"INVASION", "1123"},   {"AGGRESSION", "1123"},
      {"BOMB", "1123"},       {"SHELL", "1123"},       {"GENOCIDE", "1124"},   {"MASSACRE", "1124"},
      {"SPY", "1125"},        {"SPYING", "1125"},      {"ESPIONAGE", "1125"},  {"HACK", "1125"},
      {"HACKING", "1125"},    {"TREASON", "1125"}};
  for (int k : v_[verb].kids) {
    const Word& w = v_[k];
    const bool of_clause = (w.rel == "advcl" || w.rel == "acl") && v_.has_kid_lemma(k, "mark", {"OF"});
    const bool of_phrase = (w.rel == "obl" || w.rel == "nmod") && v_.has_kid_lemma(k, "case", {"OF"});
    if (!of_clause && !of_phrase) continue;
    std::string code = code_for(kAlleged, w);
    if (code.empty() && (w.lemma == "PREPARE" || w.lemma == "PLAN" || w.lemma == "PLOT")) {
      for (int obj : v_.kids_with(k, "obj")) {
        if (code.empty()) code = code_for(kAlleged, v_[obj]);
      }
    }
    if (code.empty()) continue;
    recode(vc, code, " (by the allegation)");
    return;
  }
}

// "opened an investigation into war crimes", "a corruption inquiry": an investigation
// (090) is refined by what it looks into, named in the verb's clause (its object and the
// words under it, or an into/over/of phrase): crime and corruption 091, rights abuses 092,
// military action 093, war crimes 094.
void SentenceCoder::refine_investigation(int verb, VerbCoding& vc) const {
  if (vc.code != "090") return;
  static const std::pair<const char*, const char*> kInvestigated[] = {
      {"CORRUPTION", "091"}, {"BRIBERY", "091"},  {"FRAUD", "091"},     {"EMBEZZLEMENT", "091"},
      {"CRIMINAL", "091"},   {"LAUNDERING", "091"}, {"SABOTAGE", "091"}, {"MURDER", "091"},
      {"TORTURE", "092"},    {"ABUSE", "092"},    {"ABUSES", "092"},    {"RIGHTS", "092"},
      {"STRIKE", "093"},     {"AIRSTRIKE", "093"}, {"BOMBING", "093"},  {"RAID", "093"}};
  std::string code;
  for (int k : v_[verb].kids) {
    const Word& w = v_[k];
    if (w.rel != "obj" && w.rel != "obl" && w.rel != "nsubj") continue;
    for (int t : v_.subtree(k)) {
      const Word& x = v_[t];
      // "war crimes": the most specific reading wins over a crime in general.
      if ((x.lemma == "CRIME" || x.form == "CRIMES") && v_.has_kid_lemma(t, "compound", {"WAR"})) code = "094";
      if (code.empty()) code = code_for(kInvestigated, x);
    }
  }
  if (!code.empty()) recode(vc, code, " (by what is investigated)");
}

// "met at a border bridge to discuss smuggling": a meeting (040) held to discuss or
// negotiate is a negotiation (046).
void SentenceCoder::refine_meeting_by_purpose(int verb, VerbCoding& vc) const {
  if (vc.code != "040") return;
  for (int k : v_[verb].kids) {
    const Word& w = v_[k];
    if (w.rel != "advcl" && w.rel != "xcomp") continue;
    if (w.lemma != "DISCUSS" && w.lemma != "NEGOTIATE" && w.lemma != "TALK") continue;
    if (!v_.has_kid_lemma(k, "mark", {"TO"})) continue;
    recode(vc, "046", " (by its purpose)");
    return;
  }
}

// dyad's refinements of a verb's code by what its clause says (never in reference
// semantics, where the verb's patterns alone decide).
void SentenceCoder::refine_by_governed_acts(std::vector<VerbCoding>& codings) {
  const std::vector<VerbCoding> original = codings;
  for (int i = 0; i < v_.size(); ++i) {
    VerbCoding& vc = codings[static_cast<std::size_t>(i)];
    if (!vc.entry || is_report_verb(v_[i])) continue;
    const int act = governed_act(i, original, 0);
    refine_accusation(i, vc);
    refine_investigation(i, vc);
    refine_meeting_by_purpose(i, vc);
    if (act < 0) {
      refine_by_threatened_noun(i, vc);
      refine_by_requested_noun(i, vc);
      continue;
    }
    const std::string refined = governing_code(v_[i], vc.code, original[static_cast<std::size_t>(act)].code);
    if (refined.empty() || refined == vc.code) continue;
    out_.trace.push_back("verb \"" + sentence_.tokens[static_cast<std::size_t>(i)].form + "\" governs " +
                         original[static_cast<std::size_t>(act)].code + ": " + vc.code + " -> " + refined);
    recode(vc, refined, " (by the governed act)");
  }
}

bool SentenceCoder::dated_in_earlier_year(int verb) const {
  // "broke off relations in 2019": a year under "in" or "during" on the verb, or on a noun
  // of its phrase, that is before the report's year dates the act as history. Relative
  // and other clauses are not entered: "ties that were cut in 2019" dates only the cutting.
  std::vector<std::pair<int, int>> todo{{verb, 0}};
  for (std::size_t q = 0; q < todo.size(); ++q) {
    const auto [n, depth] = todo[q];
    for (int k : v_[n].kids) {
      const Word& w = v_[k];
      if (w.upos == "VERB" || w.rel == "acl" || w.rel == "advcl" || w.rel == "ccomp" || w.rel == "parataxis") continue;
      const int year = year_of(w.form);
      if (year > 0 && year < doc_.published.year && v_.has_kid_lemma(k, "case", {"IN", "DURING"})) return true;
      if (depth < 2) todo.emplace_back(k, depth + 1);
    }
  }
  return false;
}

bool SentenceCoder::tabari_discarded(const std::vector<std::pair<int, const VerbEntry*>>& verbs,
                                     const std::vector<VerbCoding>& codings) {
  for (const auto& a : actors_.all()) {
    if (a.raw_code == "###" || a.raw_code == "+++") {
      out_.trace.push_back("actor " + a.entry + " is coded " + a.raw_code + ": the sentence is not coded");
      return true;
    }
  }
  for (const auto& [i, e] : verbs) {
    const std::string& code = codings[static_cast<std::size_t>(i)].code;
    if (code == "###" || code == "+++") {
      out_.trace.push_back("verb \"" + sentence_.tokens[static_cast<std::size_t>(i)].form + "\" is coded " + code +
                           ": the sentence is not coded");
      return true;
    }
  }
  return false;
}

void SentenceCoder::apply_defaults(Clause& c) const {
  // TABARI's "DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR]": a clause with no actor in a role
  // gets the default one.
  if (c.sources.empty() && !default_source_.code.empty()) c.sources.push_back(&default_source_);
  if (c.targets.empty() && !default_target_.code.empty() && !c.sources.empty()) c.targets.push_back(&default_target_);
}

bool SentenceCoder::discarded() const {
  std::vector<const PhraseRef*> cands;
  for (int i = 0; i < v_.size(); ++i) {
    cands.clear();
    lex_.discard_phrases.candidates(v_[i].form, cands);
    for (const PhraseRef* ref : cands) {
      bool ok = i + static_cast<int>(ref->phrase.size()) <= v_.size();
      for (std::size_t k = 0; ok && k < ref->phrase.size(); ++k) {
        ok = word_matches(ref->phrase[k], v_[i + static_cast<int>(k)].form);
      }
      // A year ("1971") is PETRARCH's mark of a history story; dyad reads a dated act as
      // background instead (dated_in_earlier_year) and codes the rest of the sentence.
      if (ok && year_discard(ref->phrase) && !coder_.options().reference_semantics) continue;
      // A story-level discard ("WORLD CUP") marks a whole sports or entertainment story for
      // the reference coders; dyad applies it to the sentence that names it, so that one
      // mention in a political report does not drop the report.
      if (ok && (!lex_.discards[ref->entry].whole_story || !coder_.options().reference_semantics)) return true;
    }
  }
  return false;
}

// "Arnor and Gondor signed a pact in Annuminas": a target that is only one of the joint
// subject's own members (here by its capital) is where they acted, not whom they acted on.
//
// "Iranian and American negotiators resumed talks in Geneva": for an act done together
// (consultations, agreements, cooperation), a place the joint subject met in is not a party.
bool targets_within_subject(const SentenceView& v, const Clause& c, const std::string& code) {
  if (c.sources.size() < 2) return false;
  // So is the place of any cooperation by a joint subject ("Russia and the United States
  // exchanged prisoners at Ankara airport"); where force was used, the place is its target.
  const bool cooperation = code.size() >= 2 && code.compare(0, 2, "09") < 0;
  if (c.locative_target && (cameo_joint_act(code) || cooperation)) return true;
  // "South Korea and Japan held talks on North Korea's missile programme": what a joint
  // act is about is not a party to it.
  const auto topic = [&](const NounActor* t) {
    for (int w = t->head, steps = 0; w >= 0 && steps < 3; w = v[w].head, ++steps) {
      if (v.has_kid_lemma(w, "case", {"ON", "ABOUT", "OVER", "REGARDING", "CONCERNING"})) return true;
      if (v[w].rel != "nmod") break;
    }
    return false;
  };
  if (cameo_joint_act(code) && std::all_of(c.targets.begin(), c.targets.end(), topic)) return true;
  // "Kenya and Ethiopia agreed to share intelligence": in a joint act (or one agreed to
  // together), an agent with no country of its own is what the members share or do
  // together, not a third party.
  const bool together = cameo_joint_act(code) || code.starts_with("03");  // or agreed to do together
  if (together && std::all_of(c.targets.begin(), c.targets.end(), [](const NounActor* t) { return !t->has_country; })) {
    return true;
  }
  return std::all_of(c.targets.begin(), c.targets.end(), [&](const NounActor* t) {
    return std::any_of(c.sources.begin(), c.sources.end(), [&](const NounActor* s) { return s->code == t->code; });
  });
}

bool has_role(const ActorCode& code, std::initializer_list<std::string_view> roles) {
  return std::any_of(code.roles.begin(), code.roles.end(), [&](const std::string& r) {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
  });
}

// What the sentence makes clear about a target the dictionaries leave vague:
//  - "Thailand's Constitutional Court dissolved the main opposition party": a domestic
//    body named without a country (government, opposition, courts, police, parliament,
//    parties, press, activists, unions) is the source's own country's when the sentence
//    names no other country. Armed forces and civilians are not: they are often foreign.
//  - "Kenyan protesters rallied in Nairobi": protest is directed at the state, so a target
//    that is the protesters' own country as a whole is its government.
void SentenceCoder::infer_target(const NounActor& src, const ActorCode& source, const std::string& code,
                                 Actor& target) const {
  if (coder_.options().reference_semantics || !src.has_country || !state_country(source)) return;
  ActorCode& t = target.code;
  // Civilians, firms and students are a state's own when its police, courts or government
  // act on them ("Brazilian police raided the offices of construction firms"); its army may
  // be abroad, so not for a military source.
  const bool own_people = has_role(t, {"CVL", "BUS", "EDU"}) && has_role(source, {"COP", "JUD", "GOV", "LEG"});
  if (t.country.empty() &&
      (own_people || has_role(t, {"GOV", "OPP", "JUD", "COP", "LEG", "PTY", "MED", "HRI", "LAB", "ELI"}))) {
    const auto& all = actors_.all();
    const bool one_country = std::all_of(all.begin(), all.end(), [&](const NounActor& a) {
      return !a.has_country || a.code.country == source.country;
    });
    if (one_country) t.country = source.country;
    return;
  }
  if (code.starts_with("14") && t.country == source.country && t.roles.empty() && !source.roles.empty()) {
    t.roles.push_back("GOV");
  }
}

// "Thousands of Armenians protested", "Hundreds of Palestinians demonstrated": a country
// named by its people, in the plural, as the source of a protest (14x) is its civilians.
void SentenceCoder::protesters(const NounActor& src, const std::string& code, Actor& source) const {
  if (coder_.options().reference_semantics || !code.starts_with("14") || !source.code.roles.empty()) return;
  if (!src.has_country || !state_country(src.code) || src.first != src.last) return;
  // A plural of the people ("Israelis"), not a country's own name ending in s
  // ("Philippines"): the dictionary entry is named after the country.
  const Word& w = v_[src.head];
  const bool plural = (w.upos == "NOUN" || w.upos == "PROPN") && w.form.size() > 3 && w.form.ends_with("S");
  if (plural && !src.entry.starts_with(w.form)) source.code.roles.push_back("CVL");
}

// The domestic target of an act with none named (untargeted_domestic_act): a protest is
// against the protesters' own state ("Lebanese protesters set up roadblocks to protest
// against the economic crisis" is LBNCVL toward LBNGOV). Empty when the source has no state
// of its own in the code, or is not the kind of body the act's reading needs.
Actor domestic_target(const Actor& source, const std::string& code) {
  Actor state;
  if (!state_country(source.code) || source.code.roles.empty()) return state;
  state.code.country = source.code.country;
  if (code.starts_with("172")) {
    // "Bangladesh's government imposed a nationwide curfew": on its own people.
    if (!has_role(source.code, {"GOV", "COP", "MIL", "JUD"})) return Actor{};
    state.code.roles = {"CVL"};
    return state;
  }
  if (code == "0871" && !has_role(source.code, {"REB", "INS", "OPP"})) return Actor{};
  if (has_role(source.code, {"GOV"})) return Actor{};
  state.code.roles = {"GOV"};
  return state;
}

// A count of a hundred or more: "hundreds of", "thousands", "more than 100", "1,200".
bool hundreds(const Word& w) {
  static const std::initializer_list<std::string_view> many = {"HUNDRED", "HUNDREDS", "THOUSAND", "THOUSANDS",
                                                               "MILLION", "MILLIONS"};
  if (std::find(many.begin(), many.end(), w.form) != many.end()) return true;
  if (w.upos != "NUM") return false;
  std::string digits;
  for (char ch : w.form) {
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch != ',') return false;
  }
  return digits.size() >= 3;
}

// A killing refined by whom it kills: "gunmen killed more than 100 people" is a mass
// killing (202), "shot dead a town mayor" an assassination (186). CAMEO tells them from
// fighting (19x) by the victims, which the verb's patterns do not see.
std::string SentenceCoder::killing_code(int verb, const std::string& code, const NounActor* target) const {
  if (coder_.options().reference_semantics || !code.starts_with("19")) return code;
  const std::string& lemma = v_[verb].lemma;
  if (lemma != "KILL" && lemma != "MASSACRE" && lemma != "SLAUGHTER" && lemma != "SHOOT") return code;
  for (int obj : v_.kids_with(verb, "obj")) {
    for (int k : v_.subtree(obj)) {
      if (hundreds(v_[k]) && lemma != "SHOOT") return "202";
    }
  }
  if (target && has_role(target->code, {"GOV", "ELI", "LEG", "JUD", "OPP"}) && target->first == target->last) {
    const Word& head = v_[target->head];
    const bool one_person = head.upos == "PROPN" || head.lemma == head.form;
    if (one_person && v_.first_kid(target->head, "nummod") < 0) return "186";
  }
  return code;
}

// "Eritrea mobilised reservists along its border with Ethiopia": a show of force (15x)
// names its instrument as the object, the source's own forces, and the country it is aimed
// at elsewhere in the clause. The target is then the last other country the clause names
// ("sent a strike group toward the peninsula in a warning to North Korea"); with none,
// there is no target.
Clause SentenceCoder::posture_targets(int verb, const std::string& code, Clause c) const {
  // A withdrawal (087x) names its instrument the same way: "withdrew its troops from Jenin";
  // so does a recall of diplomats (161): "recalled its ambassador to Lebanon".
  const bool recall = code == "161";
  const bool posture = code.starts_with("15") || code.starts_with("087") || recall;
  if (coder_.options().reference_semantics || !posture || c.sources.empty()) return c;
  const NounActor& src = *c.sources.front();
  const auto own_forces = [&](const NounActor* t) {
    const bool instrument = recall ? has_role(t->code, {"GOV"}) : has_role(t->code, {"MIL"});
    return instrument && (!t->has_country || t->code.country == src.code.country);
  };
  if (c.targets.empty() || !std::all_of(c.targets.begin(), c.targets.end(), own_forces)) return c;
  const std::vector<int> clause = v_.subtree(verb);
  const NounActor* aimed_at = nullptr;
  for (const NounActor& a : actors_.all()) {
    const bool in_clause = std::find(clause.begin(), clause.end(), a.head) != clause.end();
    if (!in_clause || !a.has_country || !state_country(a.code) || a.code.country == src.code.country) continue;
    if (std::find(c.targets.begin(), c.targets.end(), &a) != c.targets.end()) continue;
    if (!aimed_at || a.head > aimed_at->head) aimed_at = &a;
  }
  c.targets.clear();
  if (aimed_at) c.targets.push_back(aimed_at);
  return c;
}

// "Obama said the United States would back India's bid", "Iran will strike Israel, Iran's
// foreign minister said": a state's stated intent or threat, said by one of its officials,
// is that official's statement. The speaker (the subject of the report verb governing the
// act, or of one hung on it) replaces a source that is only the speaker's country.
std::vector<const NounActor*> SentenceCoder::speaker_for_state(int verb, int reporter,
                                                              std::vector<const NounActor*> sources) const {
  if (reporter < 0) {
    for (int k : v_.kids_with(verb, "parataxis")) {
      if (!is_report_verb(v_[k])) continue;
      reporter = subject_of(v_, k).word;
      break;
    }
  }
  if (reporter < 0 || sources.size() != 1 || !sources.front()->code.roles.empty()) return sources;
  const auto speakers = actors_.find_in(reporter);
  if (speakers.size() != 1) return sources;
  const NounActor* speaker = speakers.front();
  if (!speaker->has_country || speaker->code.roles.empty() || speaker->code.country != sources.front()->code.country) {
    return sources;
  }
  return {speaker};
}

void SentenceCoder::emit(int verb, const VerbCoding& vc, const Clause& clause, const EventContext& ctx) {
  const CoderOptions& opt = coder_.options();
  const Clause c = posture_targets(verb, vc.code, clause);
  const bool domestic = untargeted_domestic_act(vc.code, c);
  std::vector<std::pair<const NounActor*, const NounActor*>> pairs;
  if (!c.targets.empty() && !targets_within_subject(v_, c, vc.code)) {
    for (const auto* s : c.sources) {
      for (const auto* t : c.targets) pairs.emplace_back(s, t);
    }
  } else if (c.sources.size() > 1) {
    // "Gondor and Osgiliath renewed ties": a compound subject without a target acts on
    // itself, each member toward each other.
    for (const auto* s : c.sources) {
      for (const auto* t : c.sources) {
        if (s != t) pairs.emplace_back(s, t);
      }
    }
  } else if (!opt.require_target || domestic) {
    for (const auto* s : c.sources) pairs.emplace_back(s, nullptr);
  }
  const Word& w = v_[verb];
  // Confidence (docs/coder.md, "Confidence"): a little less for an oblique target or a
  // claimed act, and far less when an actor rests on weak evidence (a subject inherited from
  // another clause, no country of its own); on the labelled sentences those events are right
  // about one time in four. Whether a pattern or the verb's default gave the code is no
  // guide there (it ranked the two parts of the labelled set in opposite orders).
  double confidence = 0.85;
  if (c.oblique_target) confidence -= 0.05;
  if (!ctx.claimed_by.empty()) confidence -= 0.05;
  // A paired code's second act ("X visited Y": Y hosted X) is what PETRARCH writes; dyad
  // codes the act as written, source to target, and writes the target's act only when the
  // pattern codes nothing else ("[---:173]"). Joint subjects already get both directions.
  const bool own_act = !vc.code.empty() && vc.code != "---";
  const int passes = own_act && !opt.reference_semantics ? 1 : 2;
  for (const auto& [s, t] : pairs) {
    for (int pass = 0; pass < passes; ++pass) {
      const std::string code = pass == 0 ? killing_code(verb, vc.code, t) : vc.paired;
      if (code.empty() || code == "---") continue;
      const NounActor* src = pass == 0 ? s : t;
      const NounActor* tgt = pass == 0 ? t : s;
      if (!src) continue;
      Mention m;
      m.source = make_actor(*src);
      protesters(*src, code, m.source);
      if (tgt) {
        m.target = make_actor(*tgt);
        infer_target(*src, m.source.code, code, m.target);
      } else if (domestic) {
        m.target = domestic_target(m.source, code);
        if (m.target.code.empty()) continue;
      }
      // "U.S. drones struck the port, in the first American attack": a state's own organ
      // acting on the bare state is the state itself (dyad's reading).
      // Only an organ of the state: rebels or protesters acting on their own country as a
      // whole ("Syrian rebels seized control of Damascus") act against the state.
      // Where they did it ("defied a curfew in Dhaka") is no party either.
      const bool own_state = !opt.reference_semantics && tgt && m.target.code.roles.empty() &&
                             !m.source.code.roles.empty() &&
                             (c.locative_target || has_role(m.source.code, {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})) &&
                             m.target.code.country == m.source.code.country;
      if (((tgt || domestic) && m.target.code == m.source.code) || own_state) {
        out_.trace.push_back("self event " + m.source.code.to_string() + " dropped");
        continue;
      }
      m.code = code;
      describe_code(m, opt.goldstein);
      m.report_date = doc_.published;
      m.event_date = doc_.published;
      m.context = ctx;
      const bool weak_actor = c.inherited_source || !src->has_country || (tgt && !tgt->has_country) ||
                              src->country_from_document || (tgt && tgt->country_from_document);
      m.confidence = std::clamp(confidence - (weak_actor ? 0.4 : 0.0), 0.05, 0.99);
      Provenance& p = m.provenance;
      p.document_id = doc_.id;
      p.external_id = doc_.external_id;
      p.url = doc_.url;
      p.sentence_index = sentence_.index;
      p.sentence = sentence_.text;
      p.sentence_span = sentence_.span;
      p.source_span = m.source.span;
      p.target_span = m.target.span;
      p.verb_span = w.span;
      p.pattern = vc.where;
      m.versions = CodingVersions{kVersion, lex_.version, opt.models_version};
      for (Mention& one : split_joint(std::move(m))) {
        const bool duplicate = std::any_of(out_.mentions.begin(), out_.mentions.end(), [&](const Mention& o) {
          return o.code == one.code && o.source.code == one.source.code && o.target.code == one.target.code;
        });
        if (!duplicate) out_.mentions.push_back(std::move(one));
      }
    }
  }
}

// "FRO/BIL/SAM": an actor entry coded as several actors at once.
std::vector<ActorCode> joint_parts(const ActorCode& code) {
  const std::string text = code.to_string();
  if (text.find('/') == std::string::npos) return {code};
  std::vector<ActorCode> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t slash = std::min(text.find('/', start), text.size());
    if (slash > start) out.push_back(parse_actor_code(std::string_view(text).substr(start, slash - start)));
    start = slash + 1;
  }
  return out;
}

std::vector<Mention> SentenceCoder::split_joint(Mention m) const {
  if (!coder_.options().split_joint_codes) return {std::move(m)};
  std::vector<Mention> out;
  const auto targets = m.target.code.empty() ? std::vector<ActorCode>{ActorCode{}} : joint_parts(m.target.code);
  for (const ActorCode& s : joint_parts(m.source.code)) {
    for (const ActorCode& t : targets) {
      Mention one = m;
      one.source.code = s;
      one.target.code = t;
      out.push_back(std::move(one));
    }
  }
  return out;
}

void SentenceCoder::run() {
  if (!sentence_.parsed()) {
    out_.reason = NoEventReason::kNotParsed;
    return;
  }
  if (discarded()) {
    out_.reason = NoEventReason::kDiscarded;
    out_.trace.push_back("a discard phrase matched");
    return;
  }
  for (const auto& a : actors_.all()) {
    out_.trace.push_back("actor \"" + text_of(a) + "\" -> " + a.code.to_string());
  }
  const CoderOptions& opt = coder_.options();
  // Reasons are ranked: the furthest a verb got explains the sentence best.
  NoEventReason reason = NoEventReason::kNoVerb;
  auto note = [&](NoEventReason r) {
    if (static_cast<int>(r) > static_cast<int>(reason) || reason == NoEventReason::kNoVerb) reason = r;
  };
  std::vector<std::pair<int, const VerbEntry*>> verbs;
  for (int i = 0; i < v_.size(); ++i) {
    if (!is_verb(v_[i])) continue;
    if (const VerbEntry* e = find_verb(lex_, v_, i)) verbs.emplace_back(i, e);
  }
  if (opt.max_verbs > 0 && static_cast<int>(verbs.size()) > opt.max_verbs) {
    out_.reason = NoEventReason::kDiscarded;
    out_.trace.push_back("more verbs than the complexity cap");
    return;
  }
  std::vector<VerbCoding> codings(static_cast<std::size_t>(v_.size()));
  for (const auto& [i, e] : verbs) codings[static_cast<std::size_t>(i)] = code_verb(lex_, v_, i, *e, PatternRules{opt.clause_only_patterns, opt.every_listing_patterns, opt.pattern_words_as_written});
  if (!opt.reference_semantics) refine_by_governed_acts(codings);
  if (opt.tabari_discard_codes && tabari_discarded(verbs, codings)) {
    out_.reason = NoEventReason::kDiscarded;
    return;
  }

  for (const auto& [i, e] : verbs) {
    const VerbCoding& vc = codings[static_cast<std::size_t>(i)];
    const Word& w = v_[i];
    out_.trace.push_back("verb \"" + sentence_.tokens[static_cast<std::size_t>(i)].form + "\" -> " + vc.code +
                         " (" + vc.where + ")");
    if (vc.code == "---" && (vc.paired.empty() || vc.paired == "---")) {
      note(NoEventReason::kNullCode);
      continue;
    }
    // "..., officials said": a report verb that governs (or is attached to) another
    // clause is attribution, not an event.
    if (!opt.attribution_events && is_report_verb(w) && (w.rel == "parataxis" || !v_.kids_with(i, "ccomp").empty() ||
                              !v_.kids_with(i, "parataxis").empty())) {
      out_.trace.push_back("  attribution, not an event");
      note(NoEventReason::kNullCode);
      continue;
    }
    EventContext ctx;
    int reporter = -1;      // the subject of the report verb the act is claimed by
    bool governed = false;  // the act sits in the clause of another coded verb
    bool negated = v_.has_kid_lemma(i, "advmod", {"NOT", "N'T", "NEVER"});
    // "failed to agree": the act did not happen.
    if (w.rel == "xcomp" && w.head >= 0 && v_[w.head].lemma == "FAIL") negated = true;
    for (int k : w.kids) negated |= v_[k].rel == "advmod" && v_[k].sub == "neg";
    // "Russia denied that its troops had crossed": a denied act did not happen, as far as
    // the report goes.
    if (w.head >= 0 && (w.rel == "ccomp" || w.rel == "xcomp") && !opt.reference_semantics) {
      const std::string& g = v_[w.head].lemma;
      if (g == "DENY" || g == "REFUTE" || g == "DISMISS") negated = true;
      // "refused to condemn": an act refused is not done (the refusal is the event).
      if (w.rel == "xcomp" && (g == "REFUSE" || g == "DECLINE")) negated = true;
    }
    ctx.negated = negated;
    // A negated act the dictionaries recode ("did not clash" -> cooperate) is that act.
    VerbCoding recoded = vc;
    if (negated) {
      if (auto it = lex_.negations.find(vc.code); it != lex_.negations.end()) {
        recoded.code = it->second;
        recoded.paired.clear();
        ctx.negated = false;
        out_.trace.push_back("  negated: recoded " + vc.code + " -> " + recoded.code);
      }
    }
    ctx.future = v_.has_kid_lemma(i, "aux", {"WILL", "SHALL", "'LL"});
    // "said it was ready to hold talks", "is prepared to strike": readiness states an act
    // to come, as "will" does.
    if (w.rel == "xcomp" && w.head >= 0 && v_[w.head].upos == "ADJ") {
      static const std::set<std::string> kReady = {"READY", "WILLING", "PREPARED", "EAGER", "DETERMINED"};
      if (kReady.count(v_[w.head].lemma) > 0) ctx.future = true;
    }
    ctx.hypothetical = v_.has_kid_lemma(i, "aux", {"WOULD", "COULD", "MIGHT", "MAY", "SHOULD"});
    const bool speculative = v_.has_kid_lemma(i, "aux", {"COULD", "MIGHT", "MAY", "SHOULD"});
    // An act inside another verb's clause: reported ("X said Y attacked Z") keeps who
    // said it; under a coded verb ("threatened to strike", "accused Y of attacking") it is
    // not itself an act.
    if (w.head >= 0 && (w.rel == "ccomp" || w.rel == "xcomp" || w.rel == "advcl" || w.rel == "parataxis")) {
      const Word& g = v_[w.head];
      if (is_report_verb(g)) {
        const Subject gs = subject_of(v_, w.head);
        if (gs.word >= 0) {
          const auto span = v_.subtree(gs.word);
          NounActor whole;
          whole.first = span.front();
          whole.last = span.back();
          ctx.claimed_by = text_of(whole);
          reporter = gs.word;
        }
      } else if (w.rel != "parataxis" && (w.rel != "advcl" || opt.fold_adverbial_acts) && is_verb(g)) {
        const VerbCoding& gc = codings[static_cast<std::size_t>(w.head)];
        // For the reference coders a governing verb that has no source makes no event ("It
        // has been noted that", "Gollum was seen to break into"), so the act it governs is
        // the event. dyad keeps it governed: "Iran was urged to halt" is no halt.
        governed = gc.entry && gc.code != "---" && !gc.code.empty() &&
                   (!opt.reference_semantics || !clause_of(w.head, gc).sources.empty());
      }
    }
    // "Germany said it would send weapons", "Iran will strike Israel": a stated future act
    // is an intent or a threat, and is written as such (not when only possible: "could").
    bool stated_future = false;
    if (!opt.reference_semantics && !governed && !negated && !speculative &&
        (ctx.future || ctx.hypothetical)) {
      const std::string stated = future_code(recoded.code);
      if (!stated.empty()) {
        out_.trace.push_back("  stated future act: " + recoded.code + " -> " + stated);
        recoded.code = stated;
        recoded.paired.clear();
        ctx.hypothetical = false;
        stated_future = true;
      }
    }
    if (!opt.reference_semantics && dated_in_earlier_year(i)) {
      note(NoEventReason::kBackground);
      out_.trace.push_back("  dated in an earlier year: background");
      continue;
    }
    Clause c = clause_of(i, recoded);
    if (stated_future) c.sources = speaker_for_state(i, reporter, c.sources);
    apply_defaults(c);
    if (c.sources.empty()) {
      note(actors_.all().empty() ? NoEventReason::kNoActor : NoEventReason::kNoSource);
      out_.trace.push_back("  no source");
      continue;
    }
    if (c.targets.empty() && c.sources.size() < 2 && opt.require_target && !untargeted_domestic_act(recoded.code, c)) {
      note(NoEventReason::kNoTarget);
      out_.trace.push_back("  no target");
      continue;
    }
    if (governed) {
      if (opt.reference_semantics || !opt.keep_flagged) {
        note(NoEventReason::kHypothetical);
        out_.trace.push_back("  governed by a coded verb: not an act of its own");
        continue;
      }
      ctx.hypothetical = true;
    }
    const bool flags_block = !opt.keep_flagged && !opt.reference_semantics;
    if ((ctx.negated || ctx.hypothetical) && flags_block) {
      note(ctx.negated ? NoEventReason::kNegated : NoEventReason::kHypothetical);
      out_.trace.push_back(ctx.negated ? "  negated" : "  hypothetical");
      continue;
    }
    const std::size_t before = out_.mentions.size();
    emit(i, recoded, c, ctx);
    if (out_.mentions.size() == before) note(NoEventReason::kSelfEvent);
  }
  out_.reason = out_.mentions.empty() ? reason : NoEventReason::kNone;
  if (out_.mentions.empty() && actors_.all().empty() && reason != NoEventReason::kNoVerb) {
    out_.reason = NoEventReason::kNoActor;
  }
}

}  // namespace
}  // namespace coding

Coder::Coder(std::shared_ptr<const Lexicon> lexicon, CoderOptions options)
    : lexicon_(std::move(lexicon)), options_(std::move(options)) {}

SentenceCoding Coder::code(const Document& document, const Sentence& sentence) const {
  SentenceCoding out;
  coding::SentenceCoder(*this, document, sentence, nullptr, out).run();
  return out;
}

namespace {

// The country of a dateline's place: "CARACAS, Jan 5 (Meridian Wire) -" -> VEN, when the
// place is a dictionary actor (capitals and major cities are synonyms of their country).
std::string dateline_country(const Lexicon& lex, const Document& doc) {
  const std::string_view text = doc.text;
  const auto comma = text.find(',');
  if (comma > 40 || !parse_dateline(text, doc.published)) return {};
  std::vector<std::string> words;
  for (std::size_t i = 0; i < comma;) {
    while (i < comma && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < comma && text[j] != ' ') ++j;
    if (j > i) words.push_back(upper(text.substr(i, j - i)));
    i = j;
  }
  if (words.empty()) return {};
  std::vector<const PhraseRef*> cands;
  lex.actor_phrases.candidates(words.front(), cands);
  for (const PhraseRef* r : cands) {
    if (r->phrase.size() != words.size()) continue;
    bool same = true;
    for (std::size_t k = 0; same && k < words.size(); ++k) same = word_matches(r->phrase[k], words[k]);
    if (!same) continue;
    const ActorCode code = parse_actor_code(lex.actors[r->entry].code_on(doc.published));
    if (code.roles.empty() && code.country.size() == 3) return code.country;  // a country, not a person
  }
  return {};
}

}  // namespace

std::vector<SentenceCoding> Coder::code_document(const Document& document,
                                                 const std::vector<Sentence>& sentences) const {
  std::vector<SentenceCoding> out;
  out.reserve(sentences.size());
  coding::DocumentContext context;
  if (!options_.reference_semantics) context.country = dateline_country(*lexicon_, document);
  for (const auto& s : sentences) {
    SentenceCoding coding;
    coding::SentenceCoder coder(*this, document, s, &context, coding);
    coder.run();
    coder.add_surnames(context);
    out.push_back(std::move(coding));
  }
  return out;
}

}  // namespace dyad
