#include "coder/actors.h"

#include <algorithm>
#include <deque>

namespace dyad::coding {
namespace {

bool matches_word(const LexWord& lw, const Word& w) {
  return word_matches(lw, w.form) || (!lw.stem && word_matches(lw, w.lemma));
}

// Length of `phrase` matched at word `i`, or 0.
int match_at(const Phrase& phrase, const SentenceView& v, int i) {
  const int n = static_cast<int>(phrase.size());
  if (i + n > v.size()) return 0;
  for (int k = 0; k < n; ++k) {
    if (!matches_word(phrase[static_cast<std::size_t>(k)], v[i + k])) return 0;
  }
  return n;
}

// Relations that attach a word inside the noun phrase of its head.
bool internal_relation(const Word& w) {
  return w.rel == "compound" || w.rel == "flat" || w.rel == "amod" || w.rel == "det" ||
         w.rel == "nummod" || w.rel == "fixed" || w.rel == "goeswith" ||
         (w.rel == "nmod" && w.sub == "poss");
}

}  // namespace

bool is_phrase_internal(const Word& w) { return internal_relation(w); }

ActorFinder::ActorFinder(const Lexicon& lexicon, const SentenceView& view, const Date& date)
    : lex_(lexicon), v_(view), date_(date), actor_at_(static_cast<std::size_t>(view.size()), -1) {
  match_phrases();
  build_actors();
}

void ActorFinder::match_phrases() {
  std::vector<const PhraseRef*> cands;
  for (int i = 0; i < v_.size();) {
    PhraseMatch best;
    for (bool agent : {false, true}) {
      cands.clear();
      const PhraseIndex& index = agent ? lex_.agent_phrases : lex_.actor_phrases;
      index.candidates(v_[i].form, cands);
      if (agent && v_[i].lemma != v_[i].form) index.candidates(v_[i].lemma, cands);
      for (const PhraseRef* ref : cands) {
        const int n = match_at(ref->phrase, v_, i);
        // Longest wins; an actor beats an agent of the same length.
        if (n > best.end - best.begin) best = PhraseMatch{i, i + n, agent, ref->entry};
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
  // Climb modifier relations, and "of" phrases ("the president of Brazil"), to the head.
  for (int guard = 0; guard < v_.size(); ++guard) {
    const Word& w = v_[i];
    if (w.head < 0) return i;
    const bool of_phrase = w.rel == "nmod" && v_.has_kid_lemma(i, "case", {"OF"});
    if (!internal_relation(w) && !of_phrase && w.rel != "appos") return i;
    i = w.head;
  }
  return i;
}

void ActorFinder::build_actors() {
  // Group the phrase matches by the noun phrase they sit in.
  std::vector<std::vector<const PhraseMatch*>> by_head(static_cast<std::size_t>(v_.size()));
  for (const auto& m : matches_) {
    int h = m.end - 1;  // the word of the match whose head lies outside it
    for (int k = m.begin; k < m.end; ++k) {
      if (v_[k].head < m.begin || v_[k].head >= m.end) {
        h = k;
        break;
      }
    }
    by_head[static_cast<std::size_t>(phrase_head(h))].push_back(&m);
  }
  for (int head = 0; head < v_.size(); ++head) {
    const auto& group = by_head[static_cast<std::size_t>(head)];
    if (group.empty()) continue;
    NounActor a;
    a.head = head;
    a.first = group.front()->begin;
    a.last = group.front()->end - 1;
    std::vector<std::string> before, after;
    const PhraseMatch* primary = nullptr;
    for (const PhraseMatch* m : group) {
      a.first = std::min(a.first, m->begin);
      a.last = std::max(a.last, m->end - 1);
      if (m->agent) {
        const AgentEntry& ag = lex_.agents[m->entry];
        (ag.before ? before : after).push_back(ag.code);
      } else if (!primary) {
        primary = m;
      }
    }
    std::string code;
    if (primary) {
      const ActorEntry& e = lex_.actors[primary->entry];
      code = e.code_on(date_);
      a.entry = e.id;
      if (code.empty()) continue;  // out of its date range and no default: not this actor
    }
    ActorCode base = parse_actor_code(code);
    a.has_country = !base.country.empty();
    ActorCode out;
    // Agents written "XXX~" go first and take the primary slot ("MSF Arnor" -> NGOARN).
    for (const auto& b : before) {
      ActorCode part = parse_actor_code(b);
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
    for (const auto& ag : after) {
      // An agent code is written as roles ("GOV", "GOVFRM"), 3 letters each.
      for (std::size_t k = 0; k + 3 <= ag.size(); k += 3) {
        const std::string role = ag.substr(k, 3);
        if (std::find(out.roles.begin(), out.roles.end(), role) == out.roles.end()) out.roles.push_back(role);
      }
    }
    if (out.empty()) continue;
    if (a.entry.empty()) a.entry = lex_.agents[group.front()->entry].id;
    a.code = std::move(out);
    actor_at_[static_cast<std::size_t>(head)] = static_cast<int>(actors_.size());
    actors_.push_back(std::move(a));
  }
}

const NounActor* ActorFinder::at(int head) const {
  if (head < 0 || head >= v_.size()) return nullptr;
  const int k = actor_at_[static_cast<std::size_t>(head)];
  return k < 0 ? nullptr : &actors_[static_cast<std::size_t>(k)];
}

std::vector<const NounActor*> ActorFinder::with_conjuncts(int head) const {
  std::vector<const NounActor*> out;
  std::vector<int> todo{head};
  for (std::size_t k = 0; k < todo.size() && k < 64; ++k) {
    if (const NounActor* a = at(todo[k])) out.push_back(a);
    for (int c : v_.kids_with(todo[k], "conj")) todo.push_back(c);
  }
  return out;
}

std::vector<const NounActor*> ActorFinder::find_in(int root) const {
  // Breadth first: the actor closest to the top of the phrase wins; embedded clauses
  // (relative clauses, adverbial clauses, clausal complements) are not entered.
  std::deque<int> queue{root};
  std::vector<char> seen(static_cast<std::size_t>(v_.size()), 0);
  while (!queue.empty()) {
    const int n = queue.front();
    queue.pop_front();
    if (seen[static_cast<std::size_t>(n)]) continue;
    seen[static_cast<std::size_t>(n)] = 1;
    if (at(n)) return with_conjuncts(n);
    for (int k : v_[n].kids) {
      const Word& w = v_[k];
      if (w.rel == "acl" || w.rel == "advcl" || w.rel == "ccomp" || w.rel == "parataxis" ||
          w.rel == "punct" || (w.rel == "conj" && w.upos == "VERB")) {
        continue;
      }
      queue.push_back(k);
    }
  }
  return {};
}

}  // namespace dyad::coding
