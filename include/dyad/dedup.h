// Deduplication: many reports of one real event become one event.
//
// The coder makes one Mention per report. Deduplication groups the mentions that report the
// same real-world act (same dyad, a compatible code, dates within a short window, the same
// place when both places are known, and sentences that say the same thing) into one event,
// so an event is counted once however many outlets carry it. The mentions themselves are kept:
// assign_events only says which event each mention belongs to.
//
// The grouping is a pure function of the set of mentions: it does not depend on their order,
// on threads or on anything stored. Event ids are stable: when later mentions join an event,
// it keeps the id it had (see assign_events). The algorithm and its thresholds are documented
// in docs/dedup.md, with its precision and recall on our labelled set (tests/dedup/).
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace dyad {

// One mention as deduplication sees it: the store fills this from its mentions table.
struct DedupMention {
  std::string id;              // the stable mention key (the store's mention id)
  std::string source, target;  // actor codes as written ("USAGOV", "VENMIL", "---REB")
  std::string code;            // event code ("195", "042")
  int day = 0;                 // event date as days since 1970-01-01 (document date until enrich)
  std::string place;           // place key; empty when unknown. A 3-letter country code
                               // ("SYR") may stand in until geolocation: it must agree but
                               // counts as no evidence of sameness.
  std::string outlet;          // the reporting outlet, for distinct-source counts
  std::string document_id;     // the document (two mentions of one document may be one event)
  std::string text;            // the sentence text, for similarity
};

// The thresholds and weights of the grouping, tuned on the development part of the labelled
// set (docs/dedup.md). A mention joins an event when its average pair score with the
// event's mentions reaches min_similarity; the pair score is the sentences' similarity in
// [0, 1] plus the bonuses for what the two mentions agree on, minus the penalties.
struct DedupOptions {
  // Mentions of one event are at most this many days apart (reports trail the act).
  int window_days = 2;
  double min_similarity = 0.40;
  double same_code_bonus = 0.20;   // the same event code (a visit and its hosting count as one)
  double same_day_bonus = 0.10;    // the same day
  double same_place_bonus = 0.25;  // the same place key, finer than a country
  // Actors whose roles conflict (USAGOV vs USAMIL; "USA" vs "USAGOV" does not conflict).
  // The target's roles say what was hit (an army base or a pipeline), the source's only who
  // in a state acted, which outlets word differently: the penalties differ accordingly.
  double source_role_conflict_penalty = 0.10;
  double target_role_conflict_penalty = 0.40;
};

// Groups mentions into events and names the events.
//
// The grouping does not depend on input order. `previous` maps mention id -> event id from
// earlier runs: a group takes the id held by most of its previously assigned mentions (ties:
// the smallest id; an id goes to one group only, the one holding most of its mentions), and
// otherwise a new id derived from its earliest mention (by day, then id): "ev-" + that
// mention's id. Returns mention id -> event id for every input mention. Mentions with the same
// id are taken once (the first in input order wins; callers should not pass duplicates).
std::unordered_map<std::string, std::string> assign_events(
    std::span<const DedupMention> mentions,
    const std::unordered_map<std::string, std::string>& previous, const DedupOptions& options);

// Regroups a store's mentions after a change, with the grouping assign_events would give all
// of them at once, re-deciding only the mentions the change can move.
//
// `stored` holds the stored mentions of one dyad (both directions) that take part in events,
// each with its event in `stored_events`, for every day from 2 * window_days before the first
// changed day through `loaded_through`. `fresh` holds the new mentions; `removed_days` the days
// on which stored mentions were removed (they are no longer in `stored`). In each block,
// mentions are re-decided from the first changed day on, until the events still open agree
// with the stored ones again: from there on nothing can move. Event ids stay stable as in
// assign_events (an event that existed keeps its id).
struct Regrouping {
  // Mention id -> event id for every fresh mention and every stored mention re-decided (its
  // event may be the one it had). Stored mentions not listed keep their events.
  std::unordered_map<std::string, std::string> events;
  // Set when re-deciding had not settled by `loaded_through`: call again with stored
  // mentions through this day.
  std::optional<int> needs_through;
  // The last day re-decided in any block (the first changed day - 1 when none was).
  int settled_after = 0;
};
Regrouping regroup_events(std::span<const DedupMention> stored,
                          const std::unordered_map<std::string, std::string>& stored_events,
                          std::span<const DedupMention> fresh, const std::set<int>& removed_days, int loaded_through,
                          const DedupOptions& options);
// The same, with the fresh mentions given by pointer (a store's batch, not copied per stretch).
Regrouping regroup_events(std::span<const DedupMention> stored,
                          const std::unordered_map<std::string, std::string>& stored_events,
                          std::span<const DedupMention* const> fresh, const std::set<int>& removed_days,
                          int loaded_through, const DedupOptions& options);

// The pieces of the grouping, exposed for tests and for `dyad` tools that explain a merge.

// Whether two event codes can describe the same act: the same CAMEO root, or a pair the
// field codes both ways (assault 18x and fight 19x; visit 042 and host a visit 043).
bool dedup_codes_compatible(const std::string& a, const std::string& b);

// Similarity of two sentences in [0, 1]: a weighted Dice overlap of their content words,
// in which names (capitalised words inside the sentence) weigh more than common words.
double dedup_text_similarity(const std::string& a, const std::string& b);

// Pair precision and recall of a grouping against gold groups, over all pairs of mentions:
// a pair is predicted when both mentions get the same event, and true when both have the same
// gold label. Mentions missing from either map are ignored.
struct PairScores {
  long true_positives = 0;
  long false_positives = 0;
  long false_negatives = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};
PairScores score_pairs(const std::unordered_map<std::string, std::string>& predicted,
                       const std::unordered_map<std::string, std::string>& gold);

}  // namespace dyad
