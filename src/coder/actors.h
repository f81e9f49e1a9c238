// Actor recognition on a parsed sentence: dictionary phrases for actors and agents, grouped
// into noun phrases whose codes compose ("Venezuelan" VEN + "navy" ~MIL -> VENMIL).
#pragma once

#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "coder/sentence_view.h"
#include "dyad/actor.h"
#include "dyad/date.h"
#include "dyad/lexicon.h"

namespace dyad::coding {

// A state's own code in the actor's first slot, not an organisation's (IGO, NGO, MNC).
inline bool state_country(const ActorCode& code) {
  return code.country.size() == 3 && code.country != "IGO" && code.country != "NGO" && code.country != "MNC";
}

// A dictionary phrase found in the sentence: words [begin, end).
struct PhraseMatch {
  int begin = 0, end = 0;
  bool agent = false;
  std::size_t entry = 0;
};

// An actor as a noun phrase: its head word, the words it was matched on, its code.
struct NounActor {
  int head = -1;
  int first = 0, last = 0;  // first and last matched word
  ActorCode code;
  std::string entry;
  std::string raw_code;  // the dictionary's code for the report date ("###" in TABARI: discard)
  bool has_country = false;  // the code came with a country (not agent alone)
  bool country_from_modifier = false;  // "Danish media": the country is a modifier
  bool prefix_agent = false;  // the first slot holds an agent written "NGM~", not a country
  bool country_from_document = false;  // an agent given the dateline's or a place's country
  std::size_t actor_entry = static_cast<std::size_t>(-1);  // the actor dictionary entry
  int name_last = -1;  // last word of the actor's name when it is a name of 2+ words
};

// What earlier sentences of the same document tell about this one.
struct DocumentContext {
  // Surnames of people named in full before ("Nicolas Maduro" -> "MADURO"), by entry.
  std::unordered_map<std::string, std::size_t> surnames;
  // The country of the dateline's place ("CARACAS, Jan 5 -" -> VEN), or empty.
  std::string country;
};

struct ActorRules {
  // Code an agent with no country ("police", "gunmen") as ---COP, ---UAF. PETRARCH does
  // not; dyad does by default so that such actors are never dropped.
  bool countryless_agents = true;
  // Give an agent without a country the country of the sentence's places or of the
  // document's dateline (dyad's rule; the reference coders write ---COP).
  bool place_countries = true;
  // Surnames and the dateline country of the document, or nullptr.
  const DocumentContext* document = nullptr;
  // The actor named at a phrase's head wins over a country modifying it ("Ukrainian
  // President Petro Poroshenko" is UKRGOV). PETRARCH keeps the first actor of the phrase.
  bool head_actor_wins = true;
  // A role adjective with no country that describes a thing, not a party ("naval
  // exercises", "military operation"), is no actor. PETRARCH codes it.
  bool drop_descriptive_agents = true;
  // A conjunct naming no actor is the actor of its of-phrase ("sheep and goats of
  // Gondor": Gondor), as the reference coders read it.
  bool conjunct_of_phrase = false;
};

class ActorFinder {
 public:
  ActorFinder(const Lexicon& lexicon, const SentenceView& view, const Date& date,
              ActorRules rules = {});

  // The actors of the noun phrase headed by word `head` (several for "officials in Arnor
  // and Gondor"); empty when it names none.
  std::vector<const NounActor*> at(int head) const;
  // Actors of the phrase headed by `head` and of its conjuncts ("A, B and C").
  std::vector<const NounActor*> with_conjuncts(int head) const;
  // The nearest actors (with conjuncts) in the subtree of `root`, searching shallow
  // words first and not entering embedded clauses.
  std::vector<const NounActor*> find_in(int root) const;
  const std::vector<NounActor>& all() const { return actors_; }
  // Head of the noun phrase word `i` belongs to.
  int phrase_head(int i) const;

 private:
  void match_phrases();
  void build_actors();
  // The word of a match whose head lies outside it.
  int top_word(const PhraseMatch& m) const;
  std::optional<NounActor> compose(int head, const std::vector<const PhraseMatch*>& group) const;
  void add_place_countries();
  // Gives an actor without a country the place's (and, `with_roles`, its roles).
  void give_country(NounActor& a, const ActorCode& place, bool with_roles) const;
  void share_conjunct_countries();
  void drop_countryless();
  void drop_descriptive_agents();
  void resolve_possessors();
  void apply_place_country();
  void apply_document_country();

  const Lexicon& lex_;
  const SentenceView& v_;
  Date date_;
  std::vector<PhraseMatch> matches_;
  std::vector<NounActor> actors_;
  ActorRules rules_;
  std::vector<std::vector<int>> actor_at_;  // word -> indexes into actors_ of its phrase
};

// Words that do not open a new noun phrase: modifiers inside one.
bool is_phrase_internal(const Word& w);

}  // namespace dyad::coding
