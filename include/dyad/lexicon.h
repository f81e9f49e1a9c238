// Dictionaries: actors, agents, verbs with their patterns, synonym sets and discards.
//
// A Lexicon is built once by the loaders (PETRARCH2 and PETRARCH-1 text formats, TABARI,
// dyad's own format) and is immutable afterwards, so all coder threads share one without
// locks. Words are kept in upper case, as the field's dictionaries write them; a phrase's
// words are matched against a sentence's tokens (their forms or lemmas).
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dyad/date.h"
#include "dyad/result.h"

namespace dyad {

// One word of a dictionary phrase. A stem ("ARGENTIN") matches every word that starts with
// it, as in TABARI; an exact word ("ARNOR_", or any word joined to the next by "_")
// matches the word itself and its regular plural.
// Hashes strings and string_views alike, so lookups take a string_view without building
// a string (C++20 heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct LexWord {
  std::string text;
  bool stem = false;
  // The dictionary listed the word's plurals itself (PETRARCH's "POLICE {}" has none):
  // only the word as written matches, not its regular plural.
  bool exact = false;
  // A short stem ("PLA*") begins any word, as TABARI reads it, instead of naming only an
  // acronym and its plural (dyad's reading of the other formats). dyad's format writes
  // such a stem with two stars ("PLA**").
  bool any_prefix = false;
};
// A stem of this many letters or fewer is a short stem: an acronym unless `any_prefix`.
inline constexpr std::size_t kShortStemLength = 3;
using Phrase = std::vector<LexWord>;

// An actor code valid over a range of report dates (days since 1970-01-01, inclusive).
struct DatedCode {
  std::string code;
  long from = LONG_MIN;
  long to = LONG_MAX;
  bool dated() const { return from != LONG_MIN || to != LONG_MAX; }
};

struct ActorEntry {
  std::string id;                // the entry's first name ("BARACK_OBAMA")
  std::vector<DatedCode> codes;  // in file order
  std::string where;             // file:line of the entry
  int layer = 0;                 // as AgentEntry::layer: for the same words, a later layer's wins

  // The code in force on `date`: the first dated code whose range holds it, else the
  // first undated code, else empty. With an unknown date, the undated code, else the last.
  std::string code_on(const Date& date) const;
};

// An agent composes with a country: "navy" [~MIL] gives VEN + MIL for "Venezuelan navy".
// A few agents come before the country ("MSF" [NGO~] gives NGO + ARN).
struct AgentEntry {
  std::string id;
  std::string code;      // without the "~"
  bool before = false;   // written "XXX~": goes in front of the country
  std::string where;
  // The folder it came from in a layered load (load_default_lexicon: 0 default, 1 current):
  // for the same words, an entry of a later layer wins, so data/dictionaries/current can
  // correct the imported set without editing it.
  int layer = 0;
};

// An element of a verb pattern, in the dictionaries' syntax:
//   WORD        a word (or stem) that must appear in the region, in order
//   &NAME       any phrase of synonym set NAME
//   {A B}       the words A B next to each other
//   (PREP ...)  a prepositional phrase: PREP then its words
//   $  +        where the source / target actor must be found
//   ^  %        skip the next noun phrase / compound actor (kept, not enforced)
struct PatternItem {
  enum class Kind { kWord, kSynset, kPhraseBegin, kPhraseEnd, kPrepBegin, kPrepEnd, kSource, kTarget, kSkip, kCompound };
  Kind kind = Kind::kWord;
  LexWord word;          // for kWord
  std::string synset;    // for kSynset, without "&"
  int synset_index = -1; // into Lexicon::synset_members, set by finalize_lexicon()
  // For kPhraseBegin: PETRARCH-1's closed connector ("NEW_&TIETYPES_RELATIONS"), whose
  // words stand next to each other with nothing between; a "{...}" phrase lets another
  // adjective of the same noun stand inside it.
  bool closed = false;
};

struct VerbPattern {
  std::vector<PatternItem> before;  // what comes before the verb ("- PRESS * ...")
  std::vector<PatternItem> after;   // what comes after it
  std::string code;                 // event code; "---" codes nothing
  std::string paired;               // second code of "[042:043]": the target's act, or empty
  std::string where;                // file:line, reported as the pattern that fired
  int specificity = 0;              // number of words: the most specific match wins
  int layer = 0;                    // as AgentEntry::layer: of two equal matches, a later layer's wins
};

// A verb: its words (one, or a phrasal verb such as BLOW UP), the irregular forms the
// dictionary lists, and its class (the "--- NAME [code] ---" block it is in).
struct VerbEntry {
  std::vector<std::string> words;   // upper case; words[verb_index] is the verb itself
  std::size_t verb_index = 0;
  std::vector<std::string> forms;   // irregular forms of the verb word
  std::string code;                 // the verb's own code, empty to use the class's
  std::string paired;
  std::size_t verb_class = 0;
  std::string where;
  bool stem = false;                // the verb word is a stem (TABARI "ABUS"): any word it begins
  int layer = 0;                    // as AgentEntry::layer: a later layer's verb wins
};

struct VerbClass {
  std::string name;
  std::string code;     // the block's default code, "---" for none
  std::string paired;
  std::vector<VerbPattern> patterns;
  std::string where;
};

struct Discard {
  Phrase phrase;
  bool whole_story = false;  // "+" in the file: discard the document, not just the sentence
  std::string where;
};

// Where a phrase table points: which entry a phrase names.
struct PhraseRef {
  Phrase phrase;
  std::size_t entry = 0;
  // Added by the index itself, not written in a dictionary: the hyphen-split form of a
  // phrase ("AL-QAEDA" also as "AL - QAEDA", as UD tokenizers split it).
  bool derived = false;
};

// Phrases indexed by their first word (exact words) or first stem, for fast lookup
// against a sentence's words.
class PhraseIndex {
 public:
  void add(Phrase phrase, std::size_t entry);
  // Candidate phrases whose first word could match `word` (upper case): exact entries
  // for the word, its singular, and stem entries that are prefixes of it.
  void candidates(std::string_view word, std::vector<const PhraseRef*>& out) const;
  // The same, narrowed by the sentence's next word: phrases of two or more words are
  // returned only when their second word is one of `next` (that word's upper-case form
  // and lemma; its singulars are tried too). Fast once sort() has run.
  void candidates(std::string_view word, const std::vector<std::string_view>& next,
                  std::vector<const PhraseRef*>& out) const;
  // Orders each bucket by second word for the narrowed lookup. finalize_lexicon() calls it.
  void sort();
  std::size_t size() const { return size_; }
  // Every phrase with the entry it names: the exact buckets, then the stem buckets, each in
  // byte order of their keys, and within a bucket in the order they were added (by second
  // word once sort() has run). For writers and the linter; deterministic for a given
  // sequence of add() calls.
  std::vector<const PhraseRef*> all() const;

 private:
  using Table = std::unordered_map<std::string, std::vector<PhraseRef>, StringHash, std::equal_to<>>;
  Table exact_;
  Table stems_;  // keyed by the stem's first kStemKey letters (all of it when shorter)
  static constexpr std::size_t kStemKey = 3;
  // A Bloom filter over the exact first words (two bits a word in 2^20): most words of a
  // sentence start no phrase, and this rejects them without touching the big table.
  static constexpr std::size_t kBloomBits = std::size_t{1} << 20;
  std::vector<std::uint64_t> bloom_ = std::vector<std::uint64_t>(kBloomBits / 64, 0);
  bool short_stems_ = false;  // some stem is shorter than kStemKey
  bool sorted_ = false;
  bool may_be_exact(std::string_view word) const;
  std::size_t size_ = 0;
};

// A problem found while loading: reported, and in lenient mode the line is skipped.
struct LexiconIssue {
  std::string where;  // file:line
  std::string message;
};

struct Lexicon {
  std::vector<ActorEntry> actors;
  PhraseIndex actor_phrases;
  std::vector<AgentEntry> agents;
  PhraseIndex agent_phrases;
  std::vector<VerbClass> verb_classes;
  std::vector<VerbEntry> verbs;
  std::unordered_map<std::string, std::vector<std::size_t>> verbs_by_word;  // verb word and forms
  std::unordered_map<std::string, std::vector<Phrase>> synsets;             // NAME -> phrases
  std::vector<Discard> discards;
  PhraseIndex discard_phrases;
  // What a negated act codes as, from a PICO file: "did not clash" (110) -> 050.
  std::unordered_map<std::string, std::string> negations;
  std::string version;             // names and hashes of the files loaded
  std::vector<LexiconIssue> issues;

  // Each synset's members with nested synsets expanded, indexed by
  // PatternItem::synset_index: built by finalize_lexicon() so matching needs no lookup.
  std::vector<std::vector<Phrase>> synset_members;
  // For each entry of synset_members, the first words its members can start with (stems
  // apart), so a pattern skips a synset none of whose members can start in a sentence.
  struct SynsetStarts {
    std::unordered_set<std::string, StringHash, std::equal_to<>> words;
    std::vector<std::string> stems;
  };
  std::vector<SynsetStarts> synset_starts;

  // Synset members with nested synsets expanded (cycles are cut).
  std::vector<Phrase> expand_synset(const std::string& name) const;
};

// Resolves every pattern's synset references into Lexicon::synset_members. Loaders call
// it once everything is read (a pattern may name a synset defined in a later file); a
// reference to an undefined synset stays -1 and never matches.
void finalize_lexicon(Lexicon& lexicon);

// Upper-cases ASCII letters and folds accented Latin letters to their base letter
// ("Díaz" -> "DIAZ", "Bogotá" -> "BOGOTA"), so names match with or without accents;
// other bytes are unchanged.
std::string upper(std::string_view s);

// True when dictionary word `w` matches sentence word `word` (upper case).
bool word_matches(const LexWord& w, std::string_view word);

// Splits a dictionary phrase ("PRESIDENT_GEORGE_W._BUSH", "HAMAS WING", "ARNOR_") into
// words, marking which are stems.
Phrase parse_phrase(std::string_view text);

struct LexiconFiles {
  std::vector<std::string> verbs, actors, agents, discards;
  std::vector<std::string> pico;  // UniversalPetrarch's internal coding ontology
};

struct LoadOptions {
  bool strict = false;  // stop at the first broken line instead of reporting and skipping it
  // PETRARCH actor files: match every word of a name as a word (PETRARCH2), not a lone
  // word without "_" as a stem (TABARI's reading, the default: "ARGENTIN").
  bool exact_actor_words = false;
  // PETRARCH verb files: read words joined by "_" outside braces in a pattern
  // ("NEW_&TIETYPES_RELATIONS") as PETRARCH-1's closed connector, a phrase with nothing
  // between its words (PatternItem::closed). Off, "_" separates words as a space does,
  // as the PETRARCH2 production dictionaries (and dyad's import of them) read it.
  bool closed_connectors = false;
};

// Loads PETRARCH-family text dictionaries (PETRARCH2, PETRARCH-1 verb syntax, and the
// TABARI-derived files the validation suites use). Broken lines become `issues` with
// file:line; in strict mode the first one is returned as the error.
Result<std::shared_ptr<const Lexicon>> load_petrarch_lexicon(const LexiconFiles& files,
                                                             const LoadOptions& options = {});

// Parsers of single dictionary files, adding to `lexicon` (used by the loaders and tests).
Status read_verb_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
Status read_actor_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
Status read_agent_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
Status read_discard_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
// UniversalPetrarch's PICO file: each CAMEO code's internal value; a code written as the
// negation (0xFFFF) of another code's value gives a pair of Lexicon::negations.
Status read_pico_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);

// Parses "YYMMDD" or "YYYYMMDD" dictionary dates (6-digit years: 00-29 are 20xx).
std::optional<Date> parse_dictionary_date(std::string_view text);

// ---- dyad's own dictionary format (docs/dictionaries.md) ------------------------------
//
// Plain UTF-8 text, one block per entry: "actor", "agent", "synset", "class" (with its
// "verb" and "pattern" lines), "discard", "discard-story" and "negate". Files end in
// ".dyad"; a folder of them loads in byte order of the file names.

// Reads one dyad-format file into `lexicon`. Broken lines become issues with file:line;
// in strict mode the first one is returned as the error.
Status read_dyad_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
// The same from text in memory; `name` is the file name used in file:line.
Status parse_dyad_dictionary(std::string_view text, const std::string& name, Lexicon& lexicon,
                             const LoadOptions& options);

// What write_dyad_dictionary writes. `from` keeps only the actors, agents, discards and
// verb classes whose `where` names that file (as "FILE:line"); empty keeps everything.
struct DyadWriteOptions {
  bool synsets = true, verbs = true, actors = true, agents = true, discards = true, negations = true;
  std::string from;
  std::string header;  // comment text written at the top, one "# " line per line
};

// Writes (part of) a lexicon in dyad's format. Reading the text back gives the same
// entries, codes, phrases and patterns (only `where`, `version` and `issues` differ).
// Deterministic: the same lexicon always gives the same bytes.
std::string write_dyad_dictionary(const Lexicon& lexicon, const DyadWriteOptions& options = {});

// Writes a whole lexicon into `dir` as dyad files: verbs.dyad (synsets and verb classes),
// one actors-NAME.dyad per actor file the entries came from, agents.dyad, discards.dyad
// and negations.dyad (each only when it has entries). The names sort in the order the
// sources were loaded, so load_lexicon_dir() rebuilds the same lexicon. `header` goes on
// top of every file. Returns the paths written.
Result<std::vector<std::string>> write_dyad_folder(const Lexicon& lexicon, const std::string& dir,
                                                   const std::string& header = {});

// Loads every "*.dyad" file in each folder, folders in order and files in byte order of
// their names. A folder that does not exist is an error for the first folder and skipped
// for the others.
Result<std::shared_ptr<const Lexicon>> load_lexicon_dirs(const std::vector<std::string>& dirs,
                                                         const LoadOptions& options = {});
Result<std::shared_ptr<const Lexicon>> load_lexicon_dir(const std::string& dir,
                                                        const LoadOptions& options = {});
// dyad's shipped dictionaries: default_data_dir() + "/dictionaries/default" (converted from
// PETRARCH2), then, if it exists, ".../dictionaries/current": its "*.dyad" files and its
// "*.txt" actor files in PETRARCH2 syntax (current office holders), in name order.
Result<std::shared_ptr<const Lexicon>> load_default_lexicon(const LoadOptions& options = {});

// How much of a lexicon was there before a folder was read: what the folder adds is a
// layer (the `layer` of its verbs, agents and actors, and of the patterns it adds, also to
// earlier classes through `extend`). load_lexicon_dirs() and `dyad dict lint` mark layers so.
struct LayerStart {
  std::size_t verbs = 0, agents = 0, actors = 0;
  std::vector<std::size_t> patterns;  // of each class already there
};
LayerStart layer_start(const Lexicon& lexicon);
// Sets `layer` on everything added since `start`.
void mark_layer(Lexicon& lexicon, const LayerStart& start, int layer);

// ---- dictionary linter (dyad dict lint) ----------------------------------------------

// One finding: where (file:line), a kind ("syntax", "duplicate", "unreachable",
// "bad-code", "undefined-synset", "bad-date-range") and what is wrong.
struct LintFinding {
  std::string where;
  std::string kind;
  std::string message;
};

// Checks a loaded lexicon: its load issues, the same phrase twice with different codes,
// the same pattern twice, patterns that can never fire (an earlier pattern of the class
// with the same words always wins; a class without verbs), event codes that are neither in
// the CAMEO table nor "---", malformed actor and agent codes, synsets used but never
// defined, and date ranges that end before they start. In file order of `where`.
// Actors, agents, verbs and patterns are compared within their `layer` only: one of a later layer
// with the same words as an earlier layer's overrides it by design (the coder prefers it),
// so it is no finding; a pattern of an earlier layer that is more specific still makes a
// later one unreachable.
std::vector<LintFinding> lint_lexicon(const Lexicon& lexicon);

// ---- TABARI dictionaries (.verbs, .actors, .agents, .options, .project) -----------------
//
// TABARI's semantics are loaded as far as the Lexicon can hold them: a word without a
// final "_" is a stem; each verb block ("WORD [code]" and its "- pattern" lines) becomes a
// verb class; "{ A | B }" alternatives in a pattern become one pattern per alternative.
// Lines with malformed UTF-8 (CAMEO.091003.master.verbs has some) are issues and skipped.

Status read_tabari_verb_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
Status read_tabari_actor_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
Status read_tabari_agent_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);
// One phrase a line ("+" in front: discard the whole story), as in PETRARCH.
Status read_tabari_discard_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options);

// One command of a TABARI .options file or of a validation record ("COMPLEX",
// "VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN").
struct TabariOption {
  std::string command;  // upper case, without the ":"
  std::string value;
  std::string where;
};
// Reads the commands of a .options file ("//" lines are comments; LABEL lines are kept).
Result<std::vector<TabariOption>> read_tabari_options(const std::string& path);
// Parses one "COMMAND: value" line; nullopt when it is not one.
std::optional<TabariOption> parse_tabari_option(std::string_view line);

// The files a TABARI .project names (paths made relative to the project's folder).
struct TabariProject {
  std::string path;
  std::string title;  // the first line
  std::vector<std::string> verbs, actors, agents, discards;
  std::string options, text;
};
Result<TabariProject> read_tabari_project(const std::string& path);
// Reads a .project and loads the dictionaries it names.
Result<std::shared_ptr<const Lexicon>> load_tabari_project(const std::string& path,
                                                           const LoadOptions& options = {});

}  // namespace dyad
