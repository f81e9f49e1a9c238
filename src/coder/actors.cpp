#include "coder/actors.h"

#include <algorithm>
#include <deque>

namespace dyad::coding {
namespace {

bool matches_word(const LexWord& lw, const Word& w) {
  return word_matches(lw, w.form) || (!lw.stem && !lw.exact && word_matches(lw, w.lemma));
}

// Word `w` modifies the noun that the word before it modifies too, so it may stand inside
// a name: "Ithilen state-run television" names ITHILEN TELEVISION.
bool inner_modifier(const SentenceView& v, int w) {
  const Word& x = v[w];
  return (x.rel == "compound" || x.rel == "amod") && x.head >= 0 && x.head == v[w - 1].head && x.head > w;
}

// Number of words `phrase` spans when matched at word `i`, or 0.
// "anti-government protesters", "Port-au-Prince": a word joined by a hyphen to the word
// before or after it (no space on either side of the hyphen) is part of a longer word, not
// an agent of its own ("Prince" is no GOV).
bool hyphen_joined(const SentenceView& v, int first, int last) {
  const auto glued = [&](int a, int b) { return v[a].span.end > v[a].span.begin && v[a].span.end == v[b].span.begin; };
  if (first >= 2 && v[first - 1].form == "-" && glued(first - 2, first - 1) && glued(first - 1, first)) return true;
  return last + 2 < v.size() && v[last + 1].form == "-" && glued(last, last + 1) && glued(last + 1, last + 2);
}

int match_at(const Phrase& phrase, const SentenceView& v, int i) {
  int at = i;
  for (std::size_t k = 0; k < phrase.size(); ++k, ++at) {
    while (k > 0 && at < v.size() && !matches_word(phrase[k], v[at]) && inner_modifier(v, at)) ++at;
    if (at >= v.size() || !matches_word(phrase[k], v[at])) return 0;
  }
  return at - i;
}

// How precisely a phrase matched, to break ties between phrases of equal length:
// exact words beat stems, and long stems beat short ones ("KUWAIT" over "KU").
std::size_t precision(const Phrase& phrase) {
  std::size_t p = 0;
  for (const auto& w : phrase) p += w.text.size() + (w.stem ? 0 : 100);
  return p;
}

// Relations that attach a word inside the noun phrase of its head.
// A title before a name is one noun phrase with it: "Fornost President Umbardacil" reads
// as President nmod:desc of Umbardacil, and "Bree Prime Minister Romendacil" may put the
// titled name in apposition to the country. An apposition counts only when nothing
// (such as a comma) stands between it and what it names: "Osgiliath, the state's foe" is
// a second noun phrase.
bool internal_relation(const Word& w) {
  return w.rel == "compound" || w.rel == "flat" || w.rel == "amod" || w.rel == "det" ||
         w.rel == "nummod" || w.rel == "fixed" || w.rel == "goeswith" ||
         (w.rel == "nmod" && (w.sub == "poss" || w.sub == "desc"));
}

// The apposition at word `i` follows its head word with nothing between ("Bree Prime
// Minister Romendacil"), so the two are one noun phrase; a comma, or another conjunct
// ("Fornost and the evil awful Gondor"), before it makes it a second one.
bool close_apposition(const SentenceView& v, int i) {
  const Word& w = v[i];
  if (w.rel != "appos" || w.head < 0 || w.head > i) return false;
  return v.subtree(i).front() == w.head + 1;
}

void append_roles(ActorCode& out, const std::string& code) {
  // Role codes are written 3 letters each ("GOV", "GOVFRM").
  for (std::size_t k = 0; k + 3 <= code.size(); k += 3) {
    const std::string role = code.substr(k, 3);
    if (std::find(out.roles.begin(), out.roles.end(), role) == out.roles.end()) out.roles.push_back(role);
  }
}

}  // namespace

bool is_phrase_internal(const Word& w) { return internal_relation(w); }

ActorFinder::ActorFinder(const Lexicon& lexicon, const SentenceView& view, const Date& date,
                         ActorRules rules)
    : lex_(lexicon), v_(view), date_(date), rules_(rules),
      actor_at_(static_cast<std::size_t>(view.size())) {
  match_phrases();
  build_actors();
  add_place_countries();
  share_conjunct_countries();
  resolve_possessors();
  apply_place_country();
  drop_descriptive_agents();
  apply_document_country();
  drop_countryless();
  for (std::size_t k = 0; k < actors_.size(); ++k) {
    actor_at_[static_cast<std::size_t>(actors_[k].head)].push_back(static_cast<int>(k));
  }
}

void ActorFinder::match_phrases() {
  std::vector<const PhraseRef*> cands;
  std::vector<std::string_view> next;
  for (int i = 0; i < v_.size();) {
    PhraseMatch best;
    std::size_t best_precision = 0;
    next.clear();
    // The next word, and the word after the modifiers that may stand inside a name.
    for (int j = i + 1; j < v_.size(); ++j) {
      next.push_back(v_[j].form);
      if (v_[j].lemma != v_[j].form) next.push_back(v_[j].lemma);
      if (!inner_modifier(v_, j)) break;
    }
    for (bool agent : {false, true}) {
      cands.clear();
      const PhraseIndex& index = agent ? lex_.agent_phrases : lex_.actor_phrases;
      index.candidates(v_[i].form, next, cands);
      if (agent && v_[i].lemma != v_[i].form) index.candidates(v_[i].lemma, next, cands);
      for (const PhraseRef* ref : cands) {
        const int n = match_at(ref->phrase, v_, i);
        if (n == 0 || (agent && rules_.head_actor_wins && hyphen_joined(v_, i, i + n - 1))) continue;
        const std::size_t p = precision(ref->phrase);
        // Longest wins, then the most precise; an actor beats an agent on a full tie, and
        // between agents the later dictionary layer wins (data/dictionaries/current).
        const int len = best.end - best.begin;
        const bool later_agent = agent && best.agent && n == len && p == best_precision &&
                                 lex_.agents[ref->entry].layer > lex_.agents[best.entry].layer;
        // Between two actors of the same words, one in office on the report's date wins
        // over one whose dated codes all lie outside it ("Olaf Scholz" in 2023 is the
        // chancellor, not the 2008 labour minister), and then the later layer's, as for
        // agents: data/dictionaries/current keeps leaders' terms up to date where the
        // import has only their first office ("Ursula von der Leyen" is the Commission's).
        const bool tie = !agent && !best.agent && n == len && p == best_precision;
        const bool best_in_force = tie && !lex_.actors[best.entry].code_on(date_).empty();
        const bool ref_in_force = tie && !lex_.actors[ref->entry].code_on(date_).empty();
        const bool in_force = tie && !best_in_force && ref_in_force;
        const bool later_actor = tie && best_in_force == ref_in_force &&
                                 lex_.actors[ref->entry].layer > lex_.actors[best.entry].layer;
        if (n > len || (n == len && p > best_precision) || later_agent || in_force || later_actor) {
          best = PhraseMatch{i, i + n, agent, ref->entry};
          best_precision = p;
        }
      }
    }
    // "Maduro" alone after "Nicolas Maduro" earlier in the document.
    if (best.end == best.begin && rules_.document && v_[i].upos == "PROPN") {
      if (auto it = rules_.document->surnames.find(v_[i].form); it != rules_.document->surnames.end()) {
        best = PhraseMatch{i, i + 1, false, it->second};
      }
    }
    if (best.end > best.begin) {
      matches_.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
}

int ActorFinder::phrase_head(int i) const {
  // Climb modifier relations to the noun the phrase is about. A conjunct of a modifier
  // ("Japanese and Indian warships") is a modifier of the same noun.
  for (int guard = 0; guard < v_.size(); ++guard) {
    const Word& w = v_[i];
    if (w.head < 0) return i;
    const bool conjunct_modifier = w.rel == "conj" && internal_relation(v_[w.head]) && v_[w.head].head >= 0;
    if (!internal_relation(w) && !conjunct_modifier && !close_apposition(v_, i)) return i;
    i = w.head;
  }
  return i;
}

std::optional<NounActor> ActorFinder::compose(int head, const std::vector<const PhraseMatch*>& group) const {
  NounActor a;
  a.head = head;
  a.first = group.front()->begin;
  a.last = group.front()->end - 1;
  std::vector<std::string> before, after;
  const PhraseMatch* primary = nullptr;
  // "women's rights activists": a possessor agent says whose rights, not who the people
  // are, when an agent names the phrase's head.
  const bool head_agent = std::any_of(group.begin(), group.end(), [&](const PhraseMatch* m) {
    return m->agent && m->begin <= head && head < m->end;
  });
  for (const PhraseMatch* m : group) {
    a.first = std::min(a.first, m->begin);
    a.last = std::max(a.last, m->end - 1);
    const Word& top = v_[top_word(*m)];
    if (m->agent && head_agent && !(m->begin <= head && head < m->end) && top.rel == "nmod" && top.sub == "poss" &&
        rules_.head_actor_wins) {
      continue;
    }
    if (m->agent) {
      const AgentEntry& ag = lex_.agents[m->entry];
      (ag.before ? before : after).push_back(ag.code);
    } else if (!primary || (rules_.head_actor_wins && m->begin <= head && head < m->end)) {
      // The actor named by the phrase's head wins over a country modifying it: "Ukrainian
      // President Petro Poroshenko" is the person (UKRGOV), not the country (UKR).
      primary = m;
    }
  }
  ActorCode base;
  if (primary) {
    const ActorEntry& e = lex_.actors[primary->entry];
    const std::string code = e.code_on(date_);
    if (code.empty()) return std::nullopt;  // out of its date range, no default
    a.raw_code = code;
    a.entry = e.id;
    a.actor_entry = primary->entry;
    if (primary->end - primary->begin >= 2 && v_[primary->end - 1].upos == "PROPN") a.name_last = primary->end - 1;
    base = parse_actor_code(code);
    a.country_from_modifier = primary->end - 1 < head || primary->begin > head;
  } else {
    a.entry = lex_.agents[group.front()->entry].id;
  }
  ActorCode out;
  // Agents written "XXX~" come first and take the primary slot ("MSF Arnor" -> NGOARN).
  for (const auto& b : before) {
    const ActorCode part = parse_actor_code(b);
    if (out.country.empty()) {
      out.country = part.country;
    } else {
      out.roles.push_back(part.country);
    }
    out.roles.insert(out.roles.end(), part.roles.begin(), part.roles.end());
  }
  if (out.country.empty()) {
    out.country = base.country;
  } else if (!base.country.empty()) {
    out.roles.push_back(base.country);
  }
  out.roles.insert(out.roles.end(), base.roles.begin(), base.roles.end());
  // "Islamic State militants", "Boko Haram fighters": a named armed group is identified,
  // so the agent's unidentified armed force (UAF) adds nothing to it.
  const bool named_group = primary && !base.roles.empty();
  for (const auto& ag : after) {
    if (named_group && rules_.head_actor_wins && ag == "UAF") continue;
    append_roles(out, ag);
  }
  if (out.empty()) return std::nullopt;
  // An agent written "XXX~" holds the first slot but is no country ("human rights
  // activists in Arnor" is NGMARN): the actor still has none of its own.
  a.prefix_agent = !before.empty() && base.country.empty();
  a.has_country = !out.country.empty() && !a.prefix_agent;
  a.code = std::move(out);
  return a;
}

int ActorFinder::top_word(const PhraseMatch& m) const {
  for (int k = m.begin; k < m.end; ++k) {
    if (v_[k].head < m.begin || v_[k].head >= m.end) return k;
  }
  return m.end - 1;
}

void ActorFinder::build_actors() {
  // Group the phrase matches by the noun phrase they sit in.
  std::vector<std::vector<const PhraseMatch*>> by_head(static_cast<std::size_t>(v_.size()));
  for (const auto& m : matches_) by_head[static_cast<std::size_t>(phrase_head(top_word(m)))].push_back(&m);
  for (int head = 0; head < v_.size(); ++head) {
    const auto& group = by_head[static_cast<std::size_t>(head)];
    if (group.empty()) continue;
    // Coordinated countries sharing one noun ("Japanese and Indian warships") are one
    // actor each, with the noun's agents.
    std::vector<const PhraseMatch*> primaries, agents;
    bool coordinated = false;
    for (const PhraseMatch* m : group) {
      (m->agent ? agents : primaries).push_back(m);
      // A conjunct inside the matched name itself ("Lula da Silva" misparsed) is not a
      // second country.
      if (!m->agent && v_[top_word(*m)].rel == "conj") coordinated = true;
    }
    // "police and security forces": coordinated agents with no actor are one actor each.
    const bool coordinated_agents =
        primaries.empty() && agents.size() > 1 &&
        std::any_of(agents.begin(), agents.end(), [&](const PhraseMatch* m) { return v_[top_word(*m)].rel == "conj"; });
    if (coordinated_agents) {
      for (const PhraseMatch* m : agents) {
        if (auto a = compose(head, {m})) actors_.push_back(std::move(*a));
      }
      continue;
    }
    if (coordinated && primaries.size() > 1) {
      for (const PhraseMatch* p : primaries) {
        std::vector<const PhraseMatch*> one{p};
        one.insert(one.end(), agents.begin(), agents.end());
        if (auto a = compose(head, one)) actors_.push_back(std::move(*a));
      }
      continue;
    }
    if (auto a = compose(head, group)) actors_.push_back(std::move(*a));
  }
}

void ActorFinder::give_country(NounActor& a, const ActorCode& place, bool with_roles) const {
  std::vector<std::string> parts{place.country};
  if (with_roles) parts.insert(parts.end(), place.roles.begin(), place.roles.end());
  if (a.prefix_agent) {
    // "NGM~" then the place: NGMARN.
    a.code.roles.insert(a.code.roles.begin(), parts.begin(), parts.end());
  } else {
    a.code.country = place.country;
    std::vector<std::string> roles(parts.begin() + 1, parts.end());
    for (const auto& r : a.code.roles) {
      if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
    }
    a.code.roles = std::move(roles);
  }
  a.has_country = true;
}

void ActorFinder::add_place_countries() {
  // "officials in Arnor and Gondor", "soldiers from Gondor", "the ambassadors of Arnor,
  // Osgiliath and Gondor", "a spokesman for the Gondorian embassy": an agent without a country takes the countries of a place or
  // state named in a prepositional phrase on it (or on the agent it is coordinated with).
  auto country_actors_under = [&](int noun) {
    std::vector<const NounActor*> found;
    for (int k : v_[noun].kids) {
      const Word& w = v_[k];
      if (w.rel != "nmod" || !v_.has_kid_lemma(k, "case", {"IN", "FROM", "OF", "FOR"})) continue;
      std::vector<int> heads{k};
      for (std::size_t q = 0; q < heads.size() && q < 32; ++q) {
        for (int c : v_.kids_with(heads[q], "conj")) heads.push_back(c);
      }
      for (int h : heads) {
        for (const auto& a : actors_) {
          if (a.head == h && a.has_country) found.push_back(&a);
        }
      }
      if (!found.empty()) break;
    }
    return found;
  };
  std::vector<NounActor> added;
  for (auto& a : actors_) {
    if (a.has_country) continue;
    auto places = country_actors_under(a.head);
    // Coordinated agents share the phrase: "lawmakers and officials in Arnor".
    for (int h = a.head; places.empty() && v_[h].rel == "conj" && v_[h].head >= 0;) {
      h = v_[h].head;
      places = country_actors_under(h);
    }
    for (int c : v_.kids_with(a.head, "conj")) {
      if (places.empty()) places = country_actors_under(c);
    }
    if (places.empty()) continue;
    for (std::size_t k = 0; k < places.size(); ++k) {
      NounActor composed = a;
      // "human rights activists of Gonzo GMO": the agent belongs to the whole actor
      // (GONGMO), whose roles come before its own (GONGMOOPP).
      give_country(composed, places[k]->code, true);
      if (k == 0) {
        a = composed;
      } else {
        added.push_back(composed);
      }
    }
  }
  actors_.insert(actors_.end(), added.begin(), added.end());
}

void ActorFinder::share_conjunct_countries() {
  // "Danish media and government": a country given as a modifier of the first conjunct
  // carries over to the agents coordinated with it.
  for (auto& a : actors_) {
    if (a.has_country || v_[a.head].rel != "conj") continue;
    const int first = v_[a.head].head;
    for (const auto& b : actors_) {
      if (b.head == first && b.has_country && b.country_from_modifier) {
        a.code.country = b.code.country;
        // Roles of the modifier itself ("Danish Islamist" -> DNKMUS) carry over too.
        a.has_country = true;
        break;
      }
    }
  }
}

void ActorFinder::resolve_possessors() {
  // "The Nigerian army said its soldiers had killed", "Venezuela put its armed forces on
  // alert", "Mexico's president said his government would": an agent owned by a possessive
  // pronoun is of the country of the subject before it
  // (the nearest actor with a country that is some verb's subject, else the nearest one).
  if (!rules_.head_actor_wins) return;  // dyad's reading; the reference coders leave it
  for (auto& a : actors_) {
    if (a.has_country || !v_.has_kid_lemma(a.head, "nmod", {"ITS", "THEIR", "HIS", "HER"})) continue;
    const NounActor* owner = nullptr;
    for (const auto& b : actors_) {
      if (&b == &a || !b.has_country || b.last >= a.first) continue;
      const bool subject = v_[b.head].rel == "nsubj";
      const bool owner_subject = owner && v_[owner->head].rel == "nsubj";
      if (!owner || (subject && !owner_subject) || (subject == owner_subject && b.last > owner->last)) owner = &b;
    }
    if (!owner) continue;
    // "Iran and Saudi Arabia reopened their embassies": owned by a joint subject, the
    // agent is the subject's own, no party of its own.
    const Word& o = v_[owner->head];
    const bool joint_owner = o.rel == "conj" || !v_.kids_with(owner->head, "conj").empty();
    if (joint_owner && v_.has_kid_lemma(a.head, "nmod", {"THEIR"})) {
      a.code = ActorCode{};  // dropped below
      continue;
    }
    give_country(a, parse_actor_code(owner->code.country), false);
  }
  actors_.erase(std::remove_if(actors_.begin(), actors_.end(), [](const NounActor& a) { return a.code.empty(); }),
                actors_.end());
}

void ActorFinder::apply_place_country() {
  // "Police deployed in central Minsk", "gunmen killed people in raids on villages in
  // northern Burkina Faso": when the sentence sets its acts in one country's places, the
  // agents it names without a country are that country's. A place is a country or city
  // actor under a locative preposition, named as the phrase's head ("near the Indian
  // border" names a border, not a place of India).
  if (!rules_.place_countries) return;
  const auto locative = [&](int w) {
    return v_.has_kid_lemma(w, "case", {"IN", "NEAR", "THROUGH", "ACROSS", "AT", "OUTSIDE", "INSIDE", "AROUND"});
  };
  const auto place = [&](const NounActor& a) {
    if (!a.has_country || !a.code.roles.empty() || a.country_from_modifier) return false;
    if (locative(a.head)) return true;
    // "in the Sinjar region of northern Iraq", "in Pakistan's Khyber district": the place
    // named by the of-phrase or the possessor of a place.
    const int of_head = v_[a.head].head;
    const bool owner = v_.has_kid_lemma(a.head, "case", {"OF"}) || (v_[a.head].rel == "nmod" && v_[a.head].sub == "poss");
    return owner && of_head >= 0 && locative(of_head);
  };
  std::string country;
  for (const auto& a : actors_) {
    if (!place(a)) continue;
    if (!country.empty() && country != a.code.country) return;  // places of two countries
    country = a.code.country;
  }
  if (country.empty()) return;
  // "Valdoria deployed troops near Ostra": the troops are the acting state's, not the
  // place's. Another country named otherwise ("protested against U.S. sanctions") does not
  // say whose the agents are.
  for (const auto& a : actors_) {
    const Word& w = v_[a.head];
    const bool acting = w.rel == "nsubj" && w.sub != "pass";
    if (acting && a.has_country && a.code.country != country && state_country(a.code)) {
      return;
    }
  }
  for (auto& a : actors_) {
    // Unidentified attackers stay unidentified: the place says where, not whose.
    const auto& roles = a.code.roles;
    if (a.has_country || std::find(roles.begin(), roles.end(), "UAF") != roles.end()) continue;
    give_country(a, parse_actor_code(country), false);
    a.country_from_document = true;
  }
}

void ActorFinder::apply_document_country() {
  // "Police fired tear gas" in a report datelined in Caracas: the police are Venezuela's.
  if (!rules_.place_countries || !rules_.document || rules_.document->country.empty()) return;
  for (auto& a : actors_) {
    if (a.has_country) continue;
    give_country(a, parse_actor_code(rules_.document->country), false);
    a.country_from_document = true;
  }
}

void ActorFinder::drop_descriptive_agents() {
  if (!rules_.drop_descriptive_agents) return;
  const auto descriptive = [&](const NounActor& a) {
    if (a.has_country && !a.country_from_document) return false;
    // "the rebel-held city": who holds a place describes the place, it is not a party here.
    const int parent = v_[a.head].head;
    if (parent >= 0 && v_[parent].rel == "amod" &&
        (v_[parent].lemma == "HOLD" || v_[parent].lemma == "CONTROL" || v_[parent].lemma == "OCCUPY")) {
      return true;
    }
    if (a.has_country || a.first != a.last || v_[a.first].upos != "ADJ" || v_[a.first].rel != "amod") return false;
    const int noun = v_[a.first].head;
    // "naval forces" are a party; "naval exercises" are an act.
    return std::none_of(actors_.begin(), actors_.end(), [&](const NounActor& b) {
      return &b != &a && b.first <= noun && noun <= b.last;
    });
  };
  std::vector<NounActor> kept;
  for (const NounActor& a : actors_) {
    if (!descriptive(a)) kept.push_back(a);
  }
  actors_ = std::move(kept);
}

void ActorFinder::drop_countryless() {
  if (rules_.countryless_agents) return;
  actors_.erase(std::remove_if(actors_.begin(), actors_.end(), [](const NounActor& a) { return !a.has_country; }),
                actors_.end());
}

std::vector<const NounActor*> ActorFinder::at(int head) const {
  std::vector<const NounActor*> out;
  if (head < 0 || head >= v_.size()) return out;
  for (int k : actor_at_[static_cast<std::size_t>(head)]) out.push_back(&actors_[static_cast<std::size_t>(k)]);
  return out;
}

std::vector<const NounActor*> ActorFinder::with_conjuncts(int head) const {
  std::vector<const NounActor*> out;
  std::vector<int> todo{head};
  for (std::size_t k = 0; k < todo.size() && k < 64; ++k) {
    const auto here = at(todo[k]);
    for (const NounActor* a : here) out.push_back(a);
    // "Ithilen's sheep and goats of Gondor": a conjunct that names no actor is the actor
    // of its of-phrase, as the reference coders take a phrase's first actor.
    if (here.empty() && k > 0 && rules_.conjunct_of_phrase) {
      for (int m : v_.kids_with(todo[k], "nmod")) {
        if (!v_.has_kid_lemma(m, "case", {"OF"})) continue;
        for (const NounActor* a : at(m)) out.push_back(a);
      }
    }
    const auto conj = v_.kids_with(todo[k], "conj");
    for (int c : conj) todo.push_back(c);
    // "Mordor, the awful Arnor, and Gondor": in a list, an apposition is a member; so is
    // one that carries the list's other members ("Mordor, the Shire, Arnor and Bree").
    for (int a : v_.kids_with(todo[k], "appos")) {
      if (!conj.empty() || !v_.kids_with(a, "conj").empty()) todo.push_back(a);
    }
    // "Eriadori and Calenardhon leaders": coordinated modifiers of one noun.
    for (int m : v_[todo[k]].kids) {
      if (!internal_relation(v_[m])) continue;
      for (int c : v_.kids_with(m, "conj")) todo.push_back(c);
    }
  }
  return out;
}

std::vector<const NounActor*> ActorFinder::find_in(int root) const {
  // Breadth first: the actor closest to the top of the phrase wins; relative clauses,
  // adverbial clauses and clausal complements are not entered.
  std::deque<int> queue{root};
  std::vector<char> seen(static_cast<std::size_t>(v_.size()), 0);
  while (!queue.empty()) {
    const int n = queue.front();
    queue.pop_front();
    if (seen[static_cast<std::size_t>(n)]) continue;
    seen[static_cast<std::size_t>(n)] = 1;
    if (!at(n).empty()) return with_conjuncts(n);
    for (int k : v_[n].kids) {
      const Word& w = v_[k];
      if ((w.rel == "acl" && w.sub == "relcl") || w.rel == "advcl" || w.rel == "ccomp" ||
          w.rel == "parataxis" || w.rel == "punct" || (w.rel == "conj" && w.upos == "VERB")) {
        continue;
      }
      queue.push_back(k);
    }
  }
  return {};
}

}  // namespace dyad::coding
