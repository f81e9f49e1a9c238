// The event coder: a parsed sentence in, CAMEO-coded mentions out.
//
// It works on Universal Dependencies v2 parses (UD v1 labels such as dobj, nsubjpass and
// nmod are mapped to v2 on the way in: docs/coder.md lists the mapping). For each verb the
// dictionaries know, it finds the most specific verb pattern that matches the verb's
// phrase, the source from the subject (or the "by" agent of a passive), the target from
// the object and prepositional complements, and writes one mention per source-target
// pair. A sentence without an event says why, as a NoEventReason.
//
// A Coder is immutable after construction and may be shared by any number of threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/cameo.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/sentence.h"

namespace dyad {

enum class NoEventReason {
  kNone,          // the sentence has events
  kNotParsed,     // no dependency parse to code from
  kDiscarded,     // a discard phrase matched (sports, weather, ...)
  kNoVerb,        // no verb in the dictionaries
  kNullCode,      // verbs matched, but only patterns coded "---"
  kNoActor,       // no actor at all
  kNoSource,      // a coded verb without a source actor
  kNoTarget,      // a coded verb with a source but no target (and targets are required)
  kNegated,       // the act is negated ("did not attack")
  kHypothetical,  // the act is only threatened, planned or conditional
  kBackground,    // the act is dated in an earlier year ("in 2019 they restored ties")
  kSelfEvent,     // source and target are the same actor
};

// "no_verb", "negated", ...: stable names for output and tests.
const char* no_event_reason_name(NoEventReason reason);

struct CoderOptions {
  GoldsteinScale goldstein = GoldsteinScale::kGdelt;
  // Drop events without a target (PETRARCH's require_dyad). When false an event without
  // a target is written with an empty target actor.
  bool require_target = true;
  // Write negated and hypothetical acts with their context flag set instead of dropping
  // them (they are never written as plain acts).
  bool keep_flagged = false;
  // Behave like the field's reference coders (PETRARCH, TABARI) where dyad's own rules
  // differ; `dyad validate` sets it. Then: an agent without a country ("police") is coded
  // ---COP and takes no country from the sentence's places or the dateline; negated and
  // modal acts are coded as acts; an act
  // governed by another coded verb ("noted that X regretted") is not coded (dyad keeps it
  // flagged), unless the governing verb has no source ("It has been noted that X
  // delayed"); a passive without a "by" agent takes its source from another actor in its
  // prepositional phrases (dyad leaves it without a source).
  bool reference_semantics = false;
  // Code a report verb that attributes another clause ("..., officials said") as a
  // statement of its own as well. PETRARCH2 does; dyad and UniversalPetrarch do not.
  bool attribution_events = false;
  // Match a pattern's words before the verb on the verb's own clause only, as
  // UniversalPetrarch does. By default a complement clause's verb also reads the verb that
  // governs it, as PETRARCH2 and TABARI read the words before the verb ("Ethiopia
  // indicated it would act now" matches INDICATED WOULD * NOW).
  bool clause_only_patterns = false;
  // A verb listed in several classes takes the patterns of all of them, as PETRARCH2
  // does ("SHOT" listed once for "shot and wounded" and again for "was shot dead"). By
  // default and for UniversalPetrarch the first listing's class alone applies.
  bool every_listing_patterns = false;
  // A pattern's word matches the sentence's word as written, as in PETRARCH2, whose
  // patterns match the parse tree's words: "* EFFORT" is not "abandoned efforts". By
  // default (and for UniversalPetrarch) it also matches its plural and the word's lemma.
  bool pattern_words_as_written = false;
  // An act in an adverbial clause of a coded verb is part of that verb's event, not one of
  // its own, as PETRARCH2 folds a verb phrase's clauses into its event ("X restored ties
  // with Y years after crowds burned its embassy" is the restoring only).
  bool fold_adverbial_acts = false;
  // Read a passive without a "by" agent as an active clause, as PETRARCH2 does: its
  // subject is the source ("X was criticized over its dispute with Y": X toward Y), and a
  // pattern's "$" and "+" place the actors otherwise ("+ * FROM $"). By default and for
  // UniversalPetrarch the subject of a passive is its target.
  bool agentless_passive_as_active = false;
  // Read "###" and "+++" as TABARI does: a verb, pattern or actor coded ### discards the
  // sentence, one coded +++ marks it too complex to code. For PETRARCH they are codes.
  bool tabari_discard_codes = false;
  // Write an actor coded as several at once ("FRO/BIL/SAM", the Shire's hobbits) as one
  // event per member, as PETRARCH2 does; dyad and UniversalPetrarch keep the joint code.
  bool split_joint_codes = false;
  // TABARI's DEFAULT: option: the actor codes given to a clause that has no source or no
  // target ("DEFSRC", "DEFTAR"); empty for none.
  std::string default_source, default_target;
  // TABARI's complexity cap: sentences with more verbs than this are not coded (0: none).
  int max_verbs = 0;
  // Versions stamped on every mention.
  std::string models_version;
};

// What the coder made of one sentence.
struct SentenceCoding {
  std::vector<Mention> mentions;
  NoEventReason reason = NoEventReason::kNone;  // why there is no mention, when none
  std::vector<std::string> trace;               // steps, for `--explain`
};

class Coder {
 public:
  Coder(std::shared_ptr<const Lexicon> lexicon, CoderOptions options = {});

  // Codes one parsed sentence of `document`. Sentence spans index into document.text.
  SentenceCoding code(const Document& document, const Sentence& sentence) const;

  // Codes every sentence of a document, applying story-level discards and letting a
  // person named in full earlier in the document be found by surname alone.
  std::vector<SentenceCoding> code_document(const Document& document,
                                            const std::vector<Sentence>& sentences) const;

  const Lexicon& lexicon() const { return *lexicon_; }
  const CoderOptions& options() const { return options_; }

 private:
  std::shared_ptr<const Lexicon> lexicon_;
  CoderOptions options_;
};

// UD v1 relation names mapped to v2 ("dobj" -> "obj", "nsubjpass" -> "nsubj:pass", nmod
// on a verb -> "obl"); v2 relations pass through. `head_is_verbal` says whether the word's
// head is a verb, adjective or auxiliary, which decides nmod -> obl.
std::string ud_v2_relation(const std::string& relation, bool head_is_verbal);

}  // namespace dyad
