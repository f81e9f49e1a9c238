#include "nlp/parser.h"

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <thread>

#include "text/chars.h"

namespace dyad::nlp {
namespace {

enum Move : int { kShift = 0, kReduce = 1, kLeft = 2, kRight = 3, kMoves = 4 };

constexpr std::uint64_t kNone = 0x4e4f4e45ULL;

// Per-word hashes; index 0 is the root, index n+1 the "no word" sentinel.
struct Words {
  std::vector<std::uint64_t> w;  // lowercased form
  std::vector<std::uint64_t> p;  // XPOS
  std::vector<std::uint64_t> u;  // UPOS
  std::vector<std::uint64_t> l;  // lemma
  std::vector<std::uint64_t> x;  // last three letters of the lowercased form
  std::vector<std::string> upos;
  int n = 0;

  // Position i of a reversed view is word n+1-i of the sentence.
  void build(const Sentence& s, bool reversed = false) {
    n = static_cast<int>(s.tokens.size());
    const auto size = static_cast<std::size_t>(n) + 2;
    w.assign(size, kNone);
    p.assign(size, kNone);
    u.assign(size, kNone);
    l.assign(size, kNone);
    x.assign(size, kNone);
    upos.assign(size, "");
    w[0] = hash_bytes("<ROOT>");
    p[0] = hash_bytes("<ROOT>");
    u[0] = hash_bytes("<ROOT>");
    l[0] = hash_bytes("<ROOT>");
    x[0] = hash_bytes("<ROOT>");
    for (int i = 1; i <= n; ++i) {
      const Token& t = s.tokens[static_cast<std::size_t>(reversed ? n - i : i - 1)];
      const auto k = static_cast<std::size_t>(i);
      const std::string lower = text::ascii_lower(t.form);
      w[k] = hash_bytes(lower);
      x[k] = hash_bytes(lower.size() > 3 ? std::string_view(lower).substr(lower.size() - 3) : std::string_view(lower));
      p[k] = hash_bytes(t.xpos);
      u[k] = hash_bytes(t.upos);
      l[k] = hash_bytes(t.lemma);
      upos[k] = t.upos;
    }
  }
  // Index into the arrays for word i (-1 means none).
  std::size_t at(int i) const {
    return i < 0 || i > n ? static_cast<std::size_t>(n) + 1 : static_cast<std::size_t>(i);
  }
  std::uint64_t W(int i) const { return w[at(i)]; }
  std::uint64_t P(int i) const { return p[at(i)]; }
  std::uint64_t U(int i) const { return u[at(i)]; }
  std::uint64_t L(int i) const { return l[at(i)]; }
  std::uint64_t X(int i) const { return x[at(i)]; }
};

struct State {
  int n = 0;
  int b = 1;  // buffer front; the buffer is b..n
  std::vector<int> stack;
  std::vector<int> head;
  std::vector<int> lc1, lc2, rc1, rc2, nl, nr;
  std::vector<char> in_stack;
  bool root_has_child = false;

  void init(int words) {
    n = words;
    b = 1;
    const auto size = static_cast<std::size_t>(n) + 1;
    stack.assign(1, 0);
    head.assign(size, -1);
    lc1.assign(size, -1);
    lc2.assign(size, -1);
    rc1.assign(size, -1);
    rc2.assign(size, -1);
    nl.assign(size, 0);
    nr.assign(size, 0);
    in_stack.assign(size, 0);
    in_stack[0] = 1;
    root_has_child = false;
  }
  bool done() const { return b > n; }
  int s0() const { return stack.back(); }

  void arc(int h, int d) {
    head[static_cast<std::size_t>(d)] = h;
    const auto hh = static_cast<std::size_t>(h);
    if (h == 0) root_has_child = true;
    if (d < h) {
      ++nl[hh];
      if (lc1[hh] < 0 || d < lc1[hh]) {
        lc2[hh] = lc1[hh];
        lc1[hh] = d;
      } else if (lc2[hh] < 0 || d < lc2[hh]) {
        lc2[hh] = d;
      }
    } else {
      ++nr[hh];
      if (rc1[hh] < 0 || d > rc1[hh]) {
        rc2[hh] = rc1[hh];
        rc1[hh] = d;
      } else if (rc2[hh] < 0 || d > rc2[hh]) {
        rc2[hh] = d;
      }
    }
  }

  void legal(bool* ok) const {
    const int s = s0();
    const bool buffer = b <= n;
    ok[kShift] = buffer;
    ok[kRight] = buffer && (s != 0 || !root_has_child);
    ok[kLeft] = buffer && s != 0 && head[static_cast<std::size_t>(s)] < 0;
    ok[kReduce] = s != 0 && head[static_cast<std::size_t>(s)] >= 0;
  }

  void apply(int move) {
    const int s = s0();
    switch (move) {
      case kShift:
        stack.push_back(b);
        in_stack[static_cast<std::size_t>(b)] = 1;
        ++b;
        break;
      case kReduce:
        stack.pop_back();
        in_stack[static_cast<std::size_t>(s)] = 0;
        break;
      case kLeft:
        arc(b, s);
        stack.pop_back();
        in_stack[static_cast<std::size_t>(s)] = 0;
        break;
      case kRight:
        arc(s, b);
        stack.push_back(b);
        in_stack[static_cast<std::size_t>(b)] = 1;
        ++b;
        break;
      default:
        break;
    }
  }

  // Words left without a head get one: the root's child (or the first of them becomes it).
  void finish() {
    int root_child = -1;
    for (int i = 1; i <= n; ++i) {
      if (head[static_cast<std::size_t>(i)] == 0) root_child = i;
    }
    for (int i = 1; i <= n; ++i) {
      if (head[static_cast<std::size_t>(i)] >= 0) continue;
      if (root_child < 0) {
        head[static_cast<std::size_t>(i)] = 0;
        root_child = i;
      } else {
        head[static_cast<std::size_t>(i)] = root_child;
      }
    }
  }
};

std::uint64_t dist_bucket(int d) {
  if (d <= 4) return static_cast<std::uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  if (d <= 14) return 7;
  return 8;
}

std::uint64_t cap(int v) { return static_cast<std::uint64_t>(std::min(v, 4)); }

void transition_features(const Words& x, const State& st, std::vector<std::uint64_t>& f) {
  f.clear();
  const int s0 = st.s0();
  const int s1 = st.stack.size() >= 2 ? st.stack[st.stack.size() - 2] : -1;
  const int n0 = st.b <= st.n ? st.b : -1;
  const int n1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const int n2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  auto get = [](const std::vector<int>& v, int i) { return i < 0 ? -1 : v[static_cast<std::size_t>(i)]; };
  const int s0h = get(st.head, s0);
  const int s0h2 = get(st.head, s0h);
  const int s0l = get(st.lc1, s0);
  const int s0l2 = get(st.lc2, s0);
  const int s0r = get(st.rc1, s0);
  const int s0r2 = get(st.rc2, s0);
  const int n0l = get(st.lc1, n0);
  const int n0l2 = get(st.lc2, n0);

  const std::uint64_t S0w = x.W(s0), S0p = x.P(s0), N0w = x.W(n0), N0p = x.P(n0);
  const std::uint64_t N1w = x.W(n1), N1p = x.P(n1), N2w = x.W(n2), N2p = x.P(n2);
  const std::uint64_t S0wp = hash_combine(S0w, S0p);
  const std::uint64_t N0wp = hash_combine(N0w, N0p);
  const std::uint64_t d = n0 >= 0 ? dist_bucket(n0 - s0) : 0;
  const std::uint64_t vl_s0 = cap(get(st.nl, s0)), vr_s0 = cap(get(st.nr, s0));
  const std::uint64_t vl_n0 = cap(get(st.nl, n0));
  const std::uint64_t S0hp = x.P(s0h), S0lp = x.P(s0l), S0rp = x.P(s0r), N0lp = x.P(n0l);

  f.push_back(feature(0, 0));
  f.push_back(feature(1, S0w));
  f.push_back(feature(2, S0p));
  f.push_back(feature(3, S0wp));
  f.push_back(feature(4, N0w));
  f.push_back(feature(5, N0p));
  f.push_back(feature(6, N0wp));
  f.push_back(feature(7, N1w));
  f.push_back(feature(8, N1p));
  f.push_back(feature(9, N1w, N1p));
  f.push_back(feature(10, N2w));
  f.push_back(feature(11, N2p));
  f.push_back(feature(12, N2w, N2p));
  f.push_back(feature(13, S0wp, N0wp));
  f.push_back(feature(14, S0wp, N0w));
  f.push_back(feature(15, S0w, N0wp));
  f.push_back(feature(16, S0wp, N0p));
  f.push_back(feature(17, S0p, N0wp));
  f.push_back(feature(18, S0w, N0w));
  f.push_back(feature(19, S0p, N0p));
  f.push_back(feature(20, N0p, N1p));
  f.push_back(feature(21, N0p, N1p, N2p));
  f.push_back(feature(22, S0p, N0p, N1p));
  f.push_back(feature(23, S0hp, S0p, N0p));
  f.push_back(feature(24, S0p, S0lp, N0p));
  f.push_back(feature(25, S0p, S0rp, N0p));
  f.push_back(feature(26, S0p, N0p, N0lp));
  f.push_back(feature(27, S0w, d));
  f.push_back(feature(28, S0p, d));
  f.push_back(feature(29, N0w, d));
  f.push_back(feature(30, N0p, d));
  f.push_back(feature(31, S0w, N0w, d));
  f.push_back(feature(32, S0p, N0p, d));
  f.push_back(feature(33, S0w, vr_s0));
  f.push_back(feature(34, S0p, vr_s0));
  f.push_back(feature(35, S0w, vl_s0));
  f.push_back(feature(36, S0p, vl_s0));
  f.push_back(feature(37, N0w, vl_n0));
  f.push_back(feature(38, N0p, vl_n0));
  f.push_back(feature(39, x.W(s0h)));
  f.push_back(feature(40, S0hp));
  f.push_back(feature(41, x.W(s0l)));
  f.push_back(feature(42, S0lp));
  f.push_back(feature(43, x.W(s0r)));
  f.push_back(feature(44, S0rp));
  f.push_back(feature(45, x.W(n0l)));
  f.push_back(feature(46, N0lp));
  f.push_back(feature(47, x.W(s0h2)));
  f.push_back(feature(48, x.P(s0h2)));
  f.push_back(feature(49, x.W(s0l2)));
  f.push_back(feature(50, x.P(s0l2)));
  f.push_back(feature(51, x.W(s0r2)));
  f.push_back(feature(52, x.P(s0r2)));
  f.push_back(feature(53, x.W(n0l2)));
  f.push_back(feature(54, x.P(n0l2)));
  f.push_back(feature(55, S0p, S0lp, x.P(s0l2)));
  f.push_back(feature(56, S0p, S0rp, x.P(s0r2)));
  f.push_back(feature(57, S0p, S0hp, x.P(s0h2)));
  f.push_back(feature(58, N0p, N0lp, x.P(n0l2)));
  f.push_back(feature(59, x.P(s1), S0p, N0p));
  f.push_back(feature(60, x.W(s1), x.P(s1)));
  f.push_back(feature(61, s0h >= 0, S0p, N0p));
  f.push_back(feature(62, x.U(s0), x.U(n0), d));
  f.push_back(feature(63, S0p, N0p, N1w));
  f.push_back(feature(64, x.L(s0), x.L(n0)));
  // Suffixes and coarse tags: robustness to tagging errors on rare words.
  f.push_back(feature(65, x.X(n0)));
  f.push_back(feature(66, x.X(s0)));
  f.push_back(feature(67, x.U(s0), x.U(n0)));
  f.push_back(feature(68, S0p, x.X(n0)));
  f.push_back(feature(69, x.X(s0), N0p));
  f.push_back(feature(70, x.X(n1)));
  f.push_back(feature(71, x.U(n0), x.U(n1)));
  f.push_back(feature(72, x.U(s0), x.U(s0l), x.U(n0)));
}

// ---- labelling ----------------------------------------------------------------------

struct Tree {
  std::vector<std::vector<int>> children;  // per node 0..n, in order
  void build(const std::vector<int>& head, int n) {
    children.assign(static_cast<std::size_t>(n) + 1, {});
    for (int i = 1; i <= n; ++i) {
      const int h = head[static_cast<std::size_t>(i)];
      if (h >= 0 && h <= n) children[static_cast<std::size_t>(h)].push_back(i);
    }
  }
};

bool function_word(const std::string& upos) {
  return upos == "ADP" || upos == "SCONJ" || upos == "PART" || upos == "AUX" || upos == "DET" ||
         upos == "CCONJ" || upos == "PRON" || upos == "PUNCT";
}

void label_features(const Words& x, const std::vector<int>& head, const Tree& tree,
                    const std::vector<int>& labels, int d, std::vector<std::uint64_t>& f) {
  f.clear();
  const int h = head[static_cast<std::size_t>(d)];
  const int g = h > 0 ? head[static_cast<std::size_t>(h)] : -1;
  const std::uint64_t dir = d < h ? 1 : 2;
  const std::uint64_t dist = dist_bucket(std::abs(d - h));
  const std::uint64_t hl = h > 0 ? static_cast<std::uint64_t>(labels[static_cast<std::size_t>(h)] + 1) : 0;
  f.push_back(feature(200, 0));
  f.push_back(feature(201, x.U(d)));
  f.push_back(feature(202, x.P(d)));
  f.push_back(feature(203, x.W(d)));
  f.push_back(feature(204, x.L(d)));
  f.push_back(feature(205, x.U(h)));
  f.push_back(feature(206, x.P(h)));
  f.push_back(feature(207, x.W(h)));
  f.push_back(feature(208, x.L(h)));
  f.push_back(feature(209, x.P(d), x.P(h)));
  f.push_back(feature(210, x.U(d), x.U(h), dir));
  f.push_back(feature(211, x.W(d), x.P(h)));
  f.push_back(feature(212, x.P(d), x.W(h)));
  f.push_back(feature(213, x.L(d), x.L(h)));
  f.push_back(feature(214, hash_combine(x.U(d), x.U(h)), dir, dist));
  f.push_back(feature(215, x.P(d), x.P(h), x.P(g)));
  f.push_back(feature(224, x.W(d), dir));
  f.push_back(feature(225, x.L(d), x.U(h), dir));
  f.push_back(feature(228, x.L(d), x.P(d), x.P(h)));
  f.push_back(feature(229, hash_combine(x.W(d), x.W(h)), dir));
  f.push_back(feature(230, x.U(d), x.P(d - 1), x.P(d + 1)));
  f.push_back(feature(232, hl, x.U(d)));
  f.push_back(feature(233, hl, x.U(d), dir));
  f.push_back(feature(234, hl, x.P(d), x.P(h)));
  const auto& kids = tree.children[static_cast<std::size_t>(d)];
  f.push_back(feature(221, x.U(d), cap(static_cast<int>(kids.size()))));
  if (!kids.empty()) {
    f.push_back(feature(219, x.U(d), x.U(kids.front())));
    f.push_back(feature(220, x.U(d), x.U(kids.back())));
  }
  for (int c : kids) {
    const bool fw = function_word(x.upos[static_cast<std::size_t>(c)]);
    f.push_back(feature(216, x.U(d), x.U(c), fw ? x.L(c) : 0));
    if (fw) {
      f.push_back(feature(217, x.P(d), x.L(c)));
      f.push_back(feature(218, x.L(c), x.U(h), dir));
      f.push_back(feature(235, x.L(c), x.U(d), x.U(h)));
    }
  }
  // Rank among the head's children on the same side (iobj before obj, etc.).
  if (h >= 0) {
    int rank = 0;
    for (int c : tree.children[static_cast<std::size_t>(h)]) {
      if ((c < h) == (d < h) && std::abs(c - h) < std::abs(d - h)) ++rank;
    }
    f.push_back(feature(226, hash_combine(dir, cap(rank)), x.U(d), x.U(h)));
  }
  // Punctuation between head and dependent.
  bool comma = false;
  const int lo = std::min(d, h);
  const int hi = std::max(d, h);
  if (hi - lo < 40) {
    for (int k = lo + 1; k < hi; ++k) {
      if (x.upos[static_cast<std::size_t>(k)] == "PUNCT") comma = true;
    }
  }
  f.push_back(feature(222, x.P(d), x.P(h), comma));
}

// Words from the root down, so that a head is labelled before its dependents.
std::vector<int> top_down(const Tree& tree) {
  std::vector<int> order;
  std::vector<int> queue = {0};
  for (std::size_t k = 0; k < queue.size(); ++k) {
    for (int c : tree.children[static_cast<std::size_t>(queue[k])]) {
      queue.push_back(c);
      order.push_back(c);
    }
  }
  return order;
}

}  // namespace

// ---- model --------------------------------------------------------------------------

void ParserModel::save(BinaryWriter& w) const {
  w.put_strings(deprels);
  w.put<std::uint32_t>(static_cast<std::uint32_t>(members.size()));
  for (std::size_t k = 0; k < members.size(); ++k) {
    w.put<std::uint8_t>(reversed[k] ? 1 : 0);
    w.put<std::uint8_t>(static_cast<std::uint8_t>(k < beams.size() ? beams[k] : 1));
    members[k].save(w);
  }
  labels.save(w);
}

bool ParserModel::load(BinaryReader& r, std::uint32_t version) {
  if (!r.get_strings(deprels) || deprels.empty()) return false;
  std::uint32_t count = 1;
  if (version >= 2 && (!r.get(count) || count == 0 || count > 16)) return false;
  members.assign(count, DenseHashedModel());
  reversed.assign(count, false);
  beams.assign(count, 1);
  for (std::uint32_t k = 0; k < count; ++k) {
    std::uint8_t rev = 0;
    std::uint8_t beam = 1;
    if (version >= 2 && !r.get(rev)) return false;
    if (version >= 3 && (!r.get(beam) || beam < 1 || beam > kMaxBeam)) return false;
    if (!members[k].load(r) || members[k].classes() != kMoves) return false;
    reversed[k] = rev != 0;
    beams[k] = beam;
  }
  if (!labels.load(r) || labels.classes() != static_cast<int>(deprels.size())) return false;
  root_label = -1;
  for (std::size_t i = 0; i < deprels.size(); ++i) {
    if (deprels[i] == "root") root_label = static_cast<int>(i);
  }
  return root_label >= 0 && r.at_end();
}

namespace {

// The heads of a finished state, in the sentence's order: heads[i] for word i (1-based).
void sentence_heads(const State& st, bool rev, std::vector<int>& heads) {
  const int n = st.n;
  heads.assign(static_cast<std::size_t>(n) + 1, -1);
  for (int i = 1; i <= n; ++i) {
    const int h = st.head[static_cast<std::size_t>(i)];
    if (rev) {
      heads[static_cast<std::size_t>(n + 1 - i)] = h == 0 ? 0 : n + 1 - h;
    } else {
      heads[static_cast<std::size_t>(i)] = h;
    }
  }
}

// Greedy parse of one member; heads[i] for word i (1-based) of the sentence.
void greedy_heads(const DenseHashedModel& m, bool rev, const Sentence& sentence,
                  std::vector<int>& heads, std::vector<std::uint64_t>& f) {
  const int n = static_cast<int>(sentence.tokens.size());
  Words x;
  x.build(sentence, rev);
  State st;
  st.init(n);
  while (!st.done()) {
    transition_features(x, st, f);
    for (std::uint64_t k : f) m.prefetch(k);
    float scores[kMoves] = {0, 0, 0, 0};
    m.score(f.data(), f.size(), scores);
    bool ok[kMoves];
    st.legal(ok);
    st.apply(argmax(scores, kMoves, ok));
  }
  st.finish();
  sentence_heads(st, rev, heads);
}

// Beam search: every item of the beam is a parser state with the moves that built it.
// Finished items stay in the beam unchanged, so items of different lengths compete on
// their total scores.
struct BeamItem {
  State st;
  float score = 0;
  std::vector<std::uint8_t> moves;
};

struct Candidate {
  int parent;
  int move;  // -1: a finished item carried over
  float score;
};

// One step: expands every item by its legal moves and keeps the `width` best (ties go to
// the earlier item, then the lower move, so decoding is deterministic).
template <typename Scorer>
void beam_step(const Scorer& m, const Words& x, int width, std::vector<BeamItem>& beam,
               std::vector<BeamItem>& next, std::vector<Candidate>& cands,
               std::vector<std::uint64_t>& f) {
  cands.clear();
  for (std::size_t i = 0; i < beam.size(); ++i) {
    const BeamItem& item = beam[i];
    if (item.st.done()) {
      cands.push_back({static_cast<int>(i), -1, item.score});
      continue;
    }
    transition_features(x, item.st, f);
    float scores[kMoves] = {0, 0, 0, 0};
    m.score(f.data(), f.size(), scores);
    bool ok[kMoves];
    item.st.legal(ok);
    for (int mv = 0; mv < kMoves; ++mv) {
      if (ok[mv]) cands.push_back({static_cast<int>(i), mv, item.score + scores[mv]});
    }
  }
  const auto keep = std::min(cands.size(), static_cast<std::size_t>(width));
  std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(keep), cands.end(),
                    [](const Candidate& a, const Candidate& b) {
                      if (a.score != b.score) return a.score > b.score;
                      if (a.parent != b.parent) return a.parent < b.parent;
                      return a.move < b.move;
                    });
  next.resize(keep);
  for (std::size_t j = 0; j < keep; ++j) {
    const Candidate& c = cands[j];
    const BeamItem& from = beam[static_cast<std::size_t>(c.parent)];
    next[j].st = from.st;
    next[j].moves = from.moves;
    next[j].score = c.score;
    if (c.move >= 0) {
      next[j].st.apply(c.move);
      next[j].moves.push_back(static_cast<std::uint8_t>(c.move));
    }
  }
  beam.swap(next);
}

bool all_done(const std::vector<BeamItem>& beam) {
  return std::all_of(beam.begin(), beam.end(), [](const BeamItem& b) { return b.st.done(); });
}

void beam_heads(const DenseHashedModel& m, bool rev, int width, const Sentence& sentence,
                std::vector<int>& heads, std::vector<std::uint64_t>& f) {
  const int n = static_cast<int>(sentence.tokens.size());
  Words x;
  x.build(sentence, rev);
  std::vector<BeamItem> beam(1);
  beam[0].st.init(n);
  std::vector<BeamItem> next;
  std::vector<Candidate> cands;
  while (!all_done(beam)) beam_step(m, x, width, beam, next, cands, f);
  State& best = beam[0].st;  // beam_step keeps the beam sorted, best first
  best.finish();
  sentence_heads(best, rev, heads);
}

void member_heads(const ParserModel& model, std::size_t k, const Sentence& sentence,
                  std::vector<int>& heads, std::vector<std::uint64_t>& f) {
  const int width = k < model.beams.size() ? model.beams[k] : 1;
  if (width > 1) {
    beam_heads(model.members[k], model.reversed[k], width, sentence, heads, f);
  } else {
    greedy_heads(model.members[k], model.reversed[k], sentence, heads, f);
  }
}

}  // namespace

std::vector<int> eisner(const std::vector<float>& score, int n) {
  // score[h * (n + 1) + d]: arc h -> d. Standard first-order projective DP over spans with
  // complete (C) and incomplete (I) items, right- (0) and left-headed (1).
  const auto N = static_cast<std::size_t>(n) + 1;
  auto at = [N](int a, int b) { return static_cast<std::size_t>(a) * N + static_cast<std::size_t>(b); };
  constexpr float kNeg = -1e30f;
  std::vector<float> c0(N * N, kNeg), c1(N * N, kNeg), i0(N * N, kNeg), i1(N * N, kNeg);
  std::vector<int> bc0(N * N, -1), bc1(N * N, -1), bi0(N * N, -1), bi1(N * N, -1);
  for (int k = 0; k <= n; ++k) {
    c0[at(k, k)] = 0;
    c1[at(k, k)] = 0;
  }
  // Direction 1: head on the left (s -> t); direction 0: head on the right (t -> s).
  for (int len = 1; len <= n; ++len) {
    for (int s = 0; s + len <= n; ++s) {
      const int t = s + len;
      float best = kNeg;
      int arg = -1;
      for (int r = s; r < t; ++r) {
        const float v = c1[at(s, r)] + c0[at(r + 1, t)];
        if (v > best) {
          best = v;
          arg = r;
        }
      }
      // Left arc t -> s (not into the root), right arc s -> t.
      if (s > 0) {
        i0[at(s, t)] = best + score[at(t, s)];
        bi0[at(s, t)] = arg;
      }
      i1[at(s, t)] = best + score[at(s, t)];
      bi1[at(s, t)] = arg;
      best = kNeg;
      arg = -1;
      for (int r = s; r < t; ++r) {
        const float v = c0[at(s, r)] + i0[at(r, t)];
        if (v > best) {
          best = v;
          arg = r;
        }
      }
      c0[at(s, t)] = best;
      bc0[at(s, t)] = arg;
      best = kNeg;
      arg = -1;
      for (int r = s + 1; r <= t; ++r) {
        const float v = i1[at(s, r)] + c1[at(r, t)];
        if (v > best) {
          best = v;
          arg = r;
        }
      }
      c1[at(s, t)] = best;
      bc1[at(s, t)] = arg;
    }
  }
  std::vector<int> heads(N, -1);
  // Iterative backtracking: (kind, s, t) with kind 0 = C0, 1 = C1, 2 = I0, 3 = I1.
  std::vector<std::array<int, 3>> stack = {{1, 0, n}};
  while (!stack.empty()) {
    const auto [kind, s, t] = stack.back();
    stack.pop_back();
    if (s >= t) continue;
    if (kind == 0) {
      const int r = bc0[at(s, t)];
      stack.push_back({0, s, r});
      stack.push_back({2, r, t});
    } else if (kind == 1) {
      const int r = bc1[at(s, t)];
      stack.push_back({3, s, r});
      stack.push_back({1, r, t});
    } else {
      const int r = kind == 2 ? bi0[at(s, t)] : bi1[at(s, t)];
      if (kind == 2) {
        heads[static_cast<std::size_t>(s)] = t;
      } else {
        heads[static_cast<std::size_t>(t)] = s;
      }
      stack.push_back({1, s, r});
      stack.push_back({0, r + 1, t});
    }
  }
  return heads;
}

void parse_sentence(const ParserModel& model, Sentence& sentence, int members) {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0 || model.members.empty()) return;
  const std::size_t voters = members <= 0 ? model.members.size()
                                          : std::min(model.members.size(), static_cast<std::size_t>(members));
  Words x;
  x.build(sentence);
  std::vector<std::uint64_t> f;
  f.reserve(96);
  std::vector<int> heads;
  member_heads(model, 0, sentence, heads, f);
  if (voters > 1 && n > 2 && n <= static_cast<int>(kMaxVoteWords)) {
    // Members vote on arcs; the projective tree with most votes wins (the first member
    // breaks ties), with exactly one word under the root.
    const auto N = static_cast<std::size_t>(n) + 1;
    std::vector<float> votes(N * N, 0.0f);
    bool agree = true;
    std::vector<int> other;
    for (std::size_t k = 0; k < voters; ++k) {
      if (k > 0) {
        member_heads(model, k, sentence, other, f);
        agree = agree && other == heads;
      }
      const std::vector<int>& hk = k == 0 ? heads : other;
      const float weight = k == 0 ? 1.01f : 1.0f;
      for (int d = 1; d <= n; ++d) {
        votes[static_cast<std::size_t>(hk[static_cast<std::size_t>(d)]) * N + static_cast<std::size_t>(d)] += weight;
      }
    }
    if (!agree) {
      for (int d = 1; d <= n; ++d) votes[static_cast<std::size_t>(d)] -= 1000.0f;
      heads = eisner(votes, n);
    }
  }
  Tree tree;
  tree.build(heads, n);
  std::vector<int> labels(static_cast<std::size_t>(n) + 1, -1);
  const int classes = static_cast<int>(model.deprels.size());
  std::vector<float> scores(static_cast<std::size_t>(classes));
  std::vector<bool> allowed_v(static_cast<std::size_t>(classes), true);
  for (int d : top_down(tree)) {
    const auto dd = static_cast<std::size_t>(d);
    if (heads[dd] == 0) {
      labels[dd] = model.root_label;
      continue;
    }
    label_features(x, heads, tree, labels, d, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.labels.score(f.data(), f.size(), scores.data());
    scores[static_cast<std::size_t>(model.root_label)] = -1e30f;
    labels[dd] = argmax(scores.data(), classes);
  }
  for (int i = 1; i <= n; ++i) {
    Token& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
    t.head = heads[static_cast<std::size_t>(i)];
    const int lab = labels[static_cast<std::size_t>(i)];
    t.deprel = lab >= 0 ? model.deprels[static_cast<std::size_t>(lab)] : "dep";
  }
}

std::vector<int> projectivize(const std::vector<int>& heads) {
  // heads[i] for word i+1; work on 1-based arrays.
  const int n = static_cast<int>(heads.size());
  std::vector<int> h(static_cast<std::size_t>(n) + 1, 0);
  for (int i = 1; i <= n; ++i) h[static_cast<std::size_t>(i)] = heads[static_cast<std::size_t>(i - 1)];
  auto dominates = [&](int a, int b) {  // a is an ancestor of b
    int k = b;
    for (int steps = 0; steps <= n && k > 0; ++steps) {
      k = h[static_cast<std::size_t>(k)];
      if (k == a) return true;
      if (k < 0) return false;
    }
    return false;
  };
  for (int guard = 0; guard < n * n + 1; ++guard) {
    // The shortest non-projective arc is lifted first.
    int worst = -1;
    int worst_len = 1 << 30;
    for (int d = 1; d <= n; ++d) {
      const int hd = h[static_cast<std::size_t>(d)];
      if (hd <= 0) continue;
      const int lo = std::min(d, hd);
      const int hi = std::max(d, hd);
      bool proj = true;
      for (int k = lo + 1; k < hi && proj; ++k) {
        if (!dominates(hd, k)) proj = false;
      }
      if (!proj && hi - lo < worst_len) {
        worst = d;
        worst_len = hi - lo;
      }
    }
    if (worst < 0) break;
    const auto w = static_cast<std::size_t>(worst);
    h[w] = h[static_cast<std::size_t>(h[w])];
  }
  return {h.begin() + 1, h.end()};
}

// ---- training -----------------------------------------------------------------------

namespace {

struct GoldTree {
  std::vector<int> head;   // 1-based, size n+1
  std::vector<int> label;  // deprel ids
};

int cost(const State& st, const std::vector<int>& gold, int move) {
  const int s = st.s0();
  const int b = st.b;
  const int n = st.n;
  auto g = [&](int i) { return gold[static_cast<std::size_t>(i)]; };
  int c = 0;
  switch (move) {
    case kLeft: {
      for (int k = b; k <= n; ++k) c += g(k) == s ? 1 : 0;
      const int gh = g(s);
      if (gh > b && gh <= n) ++c;  // a head in the stack was lost already
      break;
    }
    case kRight: {
      const int gh = g(b);
      if (gh != s) {
        if ((gh >= 0 && gh <= n && gh < b && st.in_stack[static_cast<std::size_t>(gh)]) ||
            (gh > b && gh <= n)) {
          ++c;
        }
      }
      for (int k : st.stack) {
        if (k != 0 && st.head[static_cast<std::size_t>(k)] < 0 && g(k) == b) ++c;
      }
      break;
    }
    case kReduce: {
      for (int k = b; k <= n; ++k) c += g(k) == s ? 1 : 0;
      break;
    }
    case kShift: {
      const int gh = g(b);
      if (gh >= 0 && gh < b && st.in_stack[static_cast<std::size_t>(gh)]) ++c;
      for (int k : st.stack) {
        if (k != 0 && st.head[static_cast<std::size_t>(k)] < 0 && g(k) == b) ++c;
      }
      break;
    }
    default:
      break;
  }
  return c;
}

}  // namespace

namespace {

// Gold heads as a member reading in direction `rev` sees them (1-based, size n+1).
void member_gold(const std::vector<int>& gh, bool rev, std::vector<int>& g) {
  const int n = static_cast<int>(gh.size()) - 1;
  g.assign(static_cast<std::size_t>(n) + 1, -1);
  for (int i = 1; i <= n; ++i) {
    if (rev) {
      const int h = gh[static_cast<std::size_t>(n + 1 - i)];
      g[static_cast<std::size_t>(i)] = h == 0 ? 0 : n + 1 - h;
    } else {
      g[static_cast<std::size_t>(i)] = gh[static_cast<std::size_t>(i)];
    }
  }
}

// The static oracle's move: the first zero-cost move in a fixed order (arcs before
// reduce before shift), so every sentence has one gold sequence.
int oracle_move(const State& st, const std::vector<int>& gold) {
  bool ok[kMoves];
  st.legal(ok);
  for (int mv : {kLeft, kRight, kReduce, kShift}) {
    if (ok[mv] && cost(st, gold, mv) == 0) return mv;
  }
  for (int mv : {kShift, kRight, kReduce, kLeft}) {
    if (ok[mv]) return mv;
  }
  return -1;
}

// Replays `moves` from the start, adding `step` to each move's class on its state's
// features.
void reward_sequence(DenseHashedTrainer& trainer, const Words& x, int n,
                     const std::vector<std::uint8_t>& moves, std::size_t count, float step,
                     std::vector<std::uint64_t>& f) {
  State st;
  st.init(n);
  for (std::size_t t = 0; t < count && t < moves.size(); ++t) {
    transition_features(x, st, f);
    trainer.add_to_class(f.data(), f.size(), moves[t], step);
    st.apply(moves[t]);
  }
}

// Global training over a beam (Zhang & Clark 2008; Huang, Fayong & Guo 2012): the gold
// sequence is searched alongside the beam, and after each sentence the perceptron is
// updated where the best beam item outscores the gold prefix by most (max-violation).
DenseHashedModel train_member_beam(const std::vector<Sentence>& train,
                                   const std::vector<GoldTree>& gold, bool rev,
                                   std::uint64_t seed, const ParserTrainOptions& options,
                                   int index) {
  DenseHashedTrainer trainer(kMoves, options.hash_bits);
  const int width = std::clamp(options.beam, 2, kMaxBeam);
  std::vector<std::uint64_t> f;
  Words x;
  std::vector<int> g;
  std::vector<BeamItem> beam;
  std::vector<BeamItem> next;
  std::vector<Candidate> cands;
  BeamItem gold_item;
  std::vector<std::uint8_t> worst_moves;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::size_t updates = 0;
    std::size_t sentences = 0;
    for (std::size_t s : shuffled_indices(train.size(), seed + static_cast<std::uint64_t>(epoch))) {
      const int n = static_cast<int>(train[s].tokens.size());
      if (n == 0) continue;
      ++sentences;
      member_gold(gold[s].head, rev, g);
      x.build(train[s], rev);
      beam.assign(1, BeamItem());
      beam[0].st.init(n);
      gold_item = beam[0];
      float worst = 0;
      std::size_t worst_gold_len = 0;
      worst_moves.clear();
      while (!all_done(beam)) {
        beam_step(trainer, x, width, beam, next, cands, f);
        if (!gold_item.st.done()) {
          transition_features(x, gold_item.st, f);
          float scores[kMoves] = {0, 0, 0, 0};
          trainer.score(f.data(), f.size(), scores);
          const int mv = oracle_move(gold_item.st, g);
          gold_item.score += scores[mv];
          gold_item.st.apply(mv);
          gold_item.moves.push_back(static_cast<std::uint8_t>(mv));
        }
        const bool gold_in_beam = std::any_of(beam.begin(), beam.end(), [&](const BeamItem& b) {
          return b.moves == gold_item.moves;
        });
        const bool final_wrong = all_done(beam) && beam[0].moves != gold_item.moves;
        const float violation = beam[0].score - gold_item.score;
        if ((!gold_in_beam || final_wrong) && violation >= worst) {
          worst = violation;
          worst_gold_len = gold_item.moves.size();
          worst_moves = beam[0].moves;
        }
      }
      if (!worst_moves.empty()) {
        reward_sequence(trainer, x, n, gold_item.moves, worst_gold_len, 1.0f, f);
        reward_sequence(trainer, x, n, worst_moves, worst_moves.size(), -1.0f, f);
        ++updates;
      }
      trainer.tick();
    }
    if (options.progress) {
      options.progress("parser " + std::to_string(index + 1) + (rev ? " (right to left" : " (left to right") +
                       ", beam " + std::to_string(width) + "): epoch " + std::to_string(epoch + 1) +
                       " sentences updated " +
                       std::to_string(100.0 * static_cast<double>(updates) / static_cast<double>(sentences)) + "%");
    }
  }
  return trainer.finish();
}

DenseHashedModel train_member(const std::vector<Sentence>& train, const std::vector<GoldTree>& gold,
                              bool rev, std::uint64_t seed, const ParserTrainOptions& options,
                              int index) {
  DenseHashedTrainer trainer(kMoves, options.hash_bits);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<std::uint64_t> f;
  Words x;
  State st;
  std::vector<int> g;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::size_t correct = 0;
    std::size_t total = 0;
    const bool explore = epoch >= options.explore_from_epoch;
    for (std::size_t s : shuffled_indices(train.size(), seed + static_cast<std::uint64_t>(epoch))) {
      const int n = static_cast<int>(train[s].tokens.size());
      if (n == 0) continue;
      member_gold(gold[s].head, rev, g);
      x.build(train[s], rev);
      st.init(n);
      while (!st.done()) {
        transition_features(x, st, f);
        float scores[kMoves] = {0, 0, 0, 0};
        trainer.score(f.data(), f.size(), scores);
        bool ok[kMoves];
        st.legal(ok);
        int costs[kMoves];
        int min_cost = 1 << 30;
        for (int m = 0; m < kMoves; ++m) {
          costs[m] = ok[m] ? cost(st, g, m) : (1 << 30);
          min_cost = std::min(min_cost, costs[m]);
        }
        const int guess = argmax(scores, kMoves, ok);
        bool best_ok[kMoves];
        for (int m = 0; m < kMoves; ++m) best_ok[m] = ok[m] && costs[m] == min_cost;
        const int best = argmax(scores, kMoves, best_ok);
        if (costs[guess] > min_cost) {
          trainer.update(f.data(), f.size(), best, guess);
        } else {
          ++correct;
        }
        ++total;
        trainer.tick();
        int next = best;
        if (costs[guess] == min_cost) {
          next = guess;
        } else if (explore && coin(rng) < options.explore_probability) {
          next = guess;
        }
        st.apply(next);
      }
    }
    if (options.progress) {
      options.progress("parser " + std::to_string(index + 1) + (rev ? " (right to left)" : " (left to right)") +
                       ": epoch " + std::to_string(epoch + 1) + " transition accuracy " +
                       std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)));
    }
  }
  return trainer.finish();
}

}  // namespace

std::shared_ptr<ParserModel> train_parser(const std::vector<Sentence>& train,
                                          const ParserTrainOptions& options) {
  auto model = std::make_shared<ParserModel>();
  std::map<std::string, int> label_ids;
  std::vector<GoldTree> gold(train.size());
  std::size_t lifted = 0;
  for (std::size_t s = 0; s < train.size(); ++s) {
    std::vector<int> heads;
    for (const Token& t : train[s].tokens) heads.push_back(std::max(t.head, 0));
    const std::vector<int> proj = projectivize(heads);
    gold[s].head.assign(1, -1);
    gold[s].label.assign(1, -1);
    for (std::size_t i = 0; i < proj.size(); ++i) {
      lifted += proj[i] != heads[i] ? 1 : 0;
      gold[s].head.push_back(proj[i]);
      const std::string& rel = train[s].tokens[i].deprel;
      auto [it, inserted] = label_ids.emplace(rel, static_cast<int>(model->deprels.size()));
      if (inserted) model->deprels.push_back(rel);
      gold[s].label.push_back(it->second);
    }
  }
  if (!label_ids.contains("root")) {
    label_ids.emplace("root", static_cast<int>(model->deprels.size()));
    model->deprels.push_back("root");
  }
  model->root_label = label_ids["root"];
  if (options.progress) {
    options.progress("parser: " + std::to_string(train.size()) + " sentences, " +
                     std::to_string(lifted) + " non-projective arcs lifted, " +
                     std::to_string(model->deprels.size()) + " relations");
  }

  // 1. Transitions: each member on its own thread, each deterministic on its own.
  const int count = std::max(1, options.members);
  model->members.assign(static_cast<std::size_t>(count), DenseHashedModel());
  model->reversed.assign(static_cast<std::size_t>(count), false);
  const int width = std::clamp(options.beam, 1, kMaxBeam);
  model->beams.assign(static_cast<std::size_t>(count), width);
  for (int k = 0; k < count; ++k) model->reversed[static_cast<std::size_t>(k)] = k % 2 == 1;
  auto run = [&](int k) {
    const bool rev = k % 2 == 1;
    const std::uint64_t seed = options.seed + 1000 * static_cast<std::uint64_t>(k);
    model->members[static_cast<std::size_t>(k)] =
        width > 1 ? train_member_beam(train, gold, rev, seed, options, k)
                  : train_member(train, gold, rev, seed, options, k);
  };
  const int threads = std::max(1, options.threads);
  for (int k = 0; k < count; k += threads) {
    std::vector<std::thread> pool;
    for (int j = k + 1; j < std::min(count, k + threads); ++j) pool.emplace_back(run, j);
    run(k);
    for (auto& t : pool) t.join();
  }
  Words x;
  std::vector<std::uint64_t> f;

  // 2. Labels, on the gold trees (original, non-projective heads).
  const int classes = static_cast<int>(model->deprels.size());
  SparseTrainer labeler(classes);
  std::vector<float> scores(static_cast<std::size_t>(classes));
  Tree tree;
  for (int epoch = 0; epoch < options.label_epochs; ++epoch) {
    std::size_t correct = 0;
    std::size_t total = 0;
    for (std::size_t s : shuffled_indices(train.size(), options.seed + 7777 + static_cast<std::uint64_t>(epoch))) {
      const int n = static_cast<int>(train[s].tokens.size());
      if (n == 0) continue;
      x.build(train[s]);
      std::vector<int> head(static_cast<std::size_t>(n) + 1, -1);
      for (int i = 1; i <= n; ++i) {
        head[static_cast<std::size_t>(i)] = std::max(train[s].tokens[static_cast<std::size_t>(i - 1)].head, 0);
      }
      tree.build(head, n);
      const auto& labels = gold[s].label;
      for (int d : top_down(tree)) {
        if (head[static_cast<std::size_t>(d)] == 0) continue;
        label_features(x, head, tree, labels, d, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        labeler.score(f.data(), f.size(), scores.data());
        scores[static_cast<std::size_t>(model->root_label)] = -1e30f;
        const int guess = argmax(scores.data(), classes);
        const int want = labels[static_cast<std::size_t>(d)];
        labeler.update(f.data(), f.size(), want, guess);
        labeler.tick();
        correct += guess == want ? 1 : 0;
        ++total;
      }
    }
    if (options.progress) {
      options.progress("parser: label epoch " + std::to_string(epoch + 1) + " accuracy " +
                       std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)));
    }
  }
  model->labels = labeler.finish();
  return model;
}

}  // namespace dyad::nlp
