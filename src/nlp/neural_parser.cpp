#include "nlp/neural_parser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <thread>

#include "nlp/parser.h"
#include "nlp/perceptron.h"
#include "text/chars.h"

namespace dyad::nlp {
namespace {

using nn::Tensor;

constexpr int kUnknownRow = 0;  // embedding row of an unknown word or tag
constexpr int kRootRow = 1;     // row of the artificial root word
constexpr int kFirstRow = 2;
constexpr int kAffixes = 7;     // prefixes of 1-3 bytes, suffixes of 1-4
constexpr int kShapes = 5 * 2 * 2 * 2 * 2 * 5;
constexpr float kNegative = -1e30f;

struct InputIds {
  int word = kUnknownRow;
  int tag = kUnknownRow;
  int shape = kUnknownRow;
  int affixes = 0;
  std::array<int, kAffixes> affix{};
};

// A coarse word shape: the first character's class, all capitals, digits, hyphen,
// period, and a length bucket; unknown words lean on it and on their affixes.
int shape_id(std::string_view form) {
  int first = 4;
  bool all_caps = form.size() > 1;
  bool digit = false;
  bool hyphen = false;
  bool period = false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(form[i]);
    const bool upper = c >= 'A' && c <= 'Z';
    const bool lower = c >= 'a' && c <= 'z';
    if (i == 0) first = upper ? 0 : lower ? 1 : (c >= '0' && c <= '9') ? 2 : c < 0x80 ? 3 : 4;
    if (!upper) all_caps = false;
    digit |= c >= '0' && c <= '9';
    hyphen |= c == '-';
    period |= c == '.';
  }
  const std::size_t n = form.size();
  const int len = n <= 1 ? 0 : n == 2 ? 1 : n == 3 ? 2 : n <= 6 ? 3 : 4;
  int id = first;
  id = id * 2 + (all_caps ? 1 : 0);
  id = id * 2 + (digit ? 1 : 0);
  id = id * 2 + (hyphen ? 1 : 0);
  id = id * 2 + (period ? 1 : 0);
  id = id * 5 + len;
  return kFirstRow + id;
}

std::string joint_tag(const Token& t) { return t.upos + "\t" + t.xpos; }

InputIds word_ids(const NeuralParserModel& m, const Token& t) {
  InputIds id;
  const std::string lower = text::ascii_lower(t.form);
  if (auto it = m.words.find(lower); it != m.words.end()) id.word = it->second;
  if (auto it = m.tag_ids.find(joint_tag(t)); it != m.tag_ids.end()) id.tag = kFirstRow + it->second;
  id.shape = shape_id(t.form);
  const auto mask = (std::uint64_t{1} << m.dims.affix_bits) - 1;
  const std::string_view l(lower);
  for (std::size_t k = 1; k <= 4 && k <= l.size(); ++k) {
    id.affix[static_cast<std::size_t>(id.affixes++)] =
        static_cast<int>(hash_combine(hash_bytes(l.substr(l.size() - k)), 10 + k) & mask);
  }
  for (std::size_t k = 1; k <= 3 && k < l.size(); ++k) {
    id.affix[static_cast<std::size_t>(id.affixes++)] =
        static_cast<int>(hash_combine(hash_bytes(l.substr(0, k)), 20 + k) & mask);
  }
  return id;
}

InputIds root_ids() {
  InputIds id;
  id.word = kRootRow;
  id.tag = kRootRow;
  id.shape = kRootRow;
  return id;
}

// Everything a forward pass computes that its backward pass or the decoder reads.
struct Pass {
  int T = 0;  // words + 1 (position 0 is the root)
  std::vector<InputIds> ids;
  std::vector<Tensor> x;              // x[l]: input of layer l (after dropout); x[layers]: top
  std::vector<Tensor> mask;           // dropout masks of x[l] (training only)
  std::vector<nn::LstmTrace> trace;   // [2l + direction]
  Tensor a, b, ub;                    // arc projections after ReLU (and dropout), U b
  std::vector<float> hb;              // u . b
  Tensor ld, lh;                      // label projections of dependents and heads
  Tensor scores;                      // [T x T]: row dependent, column head
};

// Dropout (inverted: kept units are scaled up in training, nothing changes at run time).
void dropout(Tensor& x, Tensor& mask, float p, std::mt19937_64& rng) {
  mask.resize(x.rows, x.cols);
  const float keep = 1.0f / (1.0f - p);
  const auto threshold = static_cast<std::uint64_t>(static_cast<double>(p) * 18446744073709551615.0);
  for (std::size_t i = 0; i < x.v.size(); ++i) {
    mask.v[i] = rng() < threshold ? 0.0f : keep;
    x.v[i] *= mask.v[i];
  }
}

void relu_dropout(float* x, int n, bool train, float p, std::mt19937_64& rng) {
  const float keep = 1.0f / (1.0f - p);
  const auto threshold = static_cast<std::uint64_t>(static_cast<double>(p) * 18446744073709551615.0);
  for (int k = 0; k < n; ++k) {
    x[k] = std::max(0.0f, x[k]);
    if (train) x[k] = rng() < threshold ? 0.0f : x[k] * keep;
  }
}

void forward(const NeuralParserModel& m, Pass& p, bool train, float drop, std::mt19937_64& rng) {
  const int T = p.T;
  const int layers = m.dims.layers;
  const int h = m.dims.hidden;
  p.x.resize(static_cast<std::size_t>(layers) + 1);
  p.mask.resize(static_cast<std::size_t>(layers) + 1);
  p.trace.resize(2 * static_cast<std::size_t>(layers));
  const int dw = m.dims.word;
  const int da = m.dims.affix;
  const int ds = m.dims.shape;
  const int dt = m.dims.tag;
  Tensor& x0 = p.x[0];
  x0.resize(T, m.input_width());
  for (int t = 0; t < T; ++t) {
    float* row = x0.row(t);
    const InputIds& id = p.ids[static_cast<std::size_t>(t)];
    std::memcpy(row, m.word_emb.row(id.word), sizeof(float) * static_cast<std::size_t>(dw));
    for (int k = 0; k < id.affixes; ++k) {
      nn::kernels::axpy(1.0f, m.affix_emb.row(id.affix[static_cast<std::size_t>(k)]), da, row + dw);
    }
    std::memcpy(row + dw + da, m.shape_emb.row(id.shape), sizeof(float) * static_cast<std::size_t>(ds));
    std::memcpy(row + dw + da + ds, m.tag_emb.row(id.tag), sizeof(float) * static_cast<std::size_t>(dt));
  }
  if (train) dropout(x0, p.mask[0], drop, rng);
  for (int l = 0; l < layers; ++l) {
    const auto L = static_cast<std::size_t>(l);
    nn::lstm_forward(m.lstm[2 * L], p.x[L], false, p.trace[2 * L]);
    nn::lstm_forward(m.lstm[2 * L + 1], p.x[L], true, p.trace[2 * L + 1]);
    Tensor& out = p.x[L + 1];
    out.resize(T, 2 * h);
    for (int t = 0; t < T; ++t) {
      std::memcpy(out.row(t), p.trace[2 * L].h.row(t), sizeof(float) * static_cast<std::size_t>(h));
      std::memcpy(out.row(t) + h, p.trace[2 * L + 1].h.row(t), sizeof(float) * static_cast<std::size_t>(h));
    }
    if (train) dropout(out, p.mask[L + 1], drop, rng);
  }
  const Tensor& top = p.x[static_cast<std::size_t>(layers)];
  const int arc = m.dims.arc;
  // Row 0 (the root) of the dependent projections is computed with the rest but unused.
  m.arc_dep.forward_rows(top, p.a);
  m.arc_head.forward_rows(top, p.b);
  for (int t = 0; t < T; ++t) {
    relu_dropout(p.a.row(t), arc, train, drop, rng);
    relu_dropout(p.b.row(t), arc, train, drop, rng);
  }
  m.arc_bilinear.forward_rows(p.b, p.ub);
  p.hb.assign(static_cast<std::size_t>(T), 0.0f);
  for (int t = 0; t < T; ++t) m.arc_bias.forward(p.b.row(t), &p.hb[static_cast<std::size_t>(t)]);
  m.label_dep.forward_rows(top, p.ld);
  m.label_head.forward_rows(top, p.lh);
  p.scores.resize(T, T);
  for (int i = 1; i < T; ++i) {
    float* s = p.scores.row(i);
    for (int j = 0; j < T; ++j) {
      s[j] = j == i ? kNegative
                    : nn::kernels::dot(p.a.row(i), p.ub.row(j), arc) + p.hb[static_cast<std::size_t>(j)];
    }
  }
}

// z = ReLU(ld_dep + lh_head), then the label scores.
void label_scores(const NeuralParserModel& m, const Pass& p, int dep, int head, std::vector<float>& z,
                  std::vector<float>& out) {
  const int L = m.dims.label;
  z.resize(static_cast<std::size_t>(L));
  const float* a = p.ld.row(dep);
  const float* b = p.lh.row(head);
  for (int k = 0; k < L; ++k) z[static_cast<std::size_t>(k)] = std::max(0.0f, a[k] + b[k]);
  out.resize(m.deprels.size());
  m.label_out.forward(z.data(), out.data());
}

// Parameter slots, in the order NeuralParserModel::parameters registers them.
enum LinearSlot : int { kTagOut, kArcDep, kArcHead, kArcBilinear, kArcBias, kLabelDep, kLabelHead, kLabelOut };
constexpr std::size_t kWordSlot = 0, kAffixSlot = 1, kShapeSlot = 2, kTagSlot = 3;
std::size_t lstm_slot(std::size_t k) { return 4 + 3 * k; }
std::size_t linear_slot(const NeuralParserModel& m, int which) {
  return 4 + 3 * m.lstm.size() + 2 * static_cast<std::size_t>(which);
}

void linear_backward(const NeuralParserModel& m, const nn::Linear& layer, int which, const float* x,
                     const float* dy, float* dx, nn::Gradients& g) {
  const std::size_t s = linear_slot(m, which);
  layer.backward(x, dy, dx, g.at(s), g.at(s + 1));
}

struct SentenceLoss {
  double arc = 0;
  double label = 0;
  double tag = 0;
  std::size_t words = 0;
  std::size_t heads_right = 0;
};

// The losses of one sentence and their gradients (added to g). heads, labels and tags
// are gold, indexed by position (1..T-1).
void backward(const NeuralParserModel& m, Pass& p, const std::vector<int>& heads,
              const std::vector<int>& labels, const std::vector<int>& tags, float drop,
              nn::Gradients& g, SentenceLoss& loss) {
  const int T = p.T;
  const int layers = m.dims.layers;
  const int h = m.dims.hidden;
  const int arc = m.dims.arc;
  const int L = m.dims.label;
  const Tensor& top = p.x[static_cast<std::size_t>(layers)];
  Tensor dtop(T, 2 * h);
  // Arcs: softmax over each word's possible heads.
  Tensor da(T, arc);
  Tensor db(T, arc);
  Tensor dub(T, arc);
  std::vector<float> dhb(static_cast<std::size_t>(T), 0.0f);
  std::vector<float> prob(static_cast<std::size_t>(T));
  for (int i = 1; i < T; ++i) {
    std::memcpy(prob.data(), p.scores.row(i), sizeof(float) * static_cast<std::size_t>(T));
    const int gold = heads[static_cast<std::size_t>(i)];
    const int guess = static_cast<int>(std::max_element(prob.begin(), prob.end()) - prob.begin());
    nn::softmax(prob.data(), T);
    loss.arc -= std::log(std::max(prob[static_cast<std::size_t>(gold)], 1e-30f));
    loss.heads_right += guess == gold ? 1 : 0;
    ++loss.words;
    prob[static_cast<std::size_t>(gold)] -= 1.0f;
    for (int j = 0; j < T; ++j) {
      const float d = prob[static_cast<std::size_t>(j)];
      if (j == i || d == 0.0f) continue;
      nn::kernels::axpy(d, p.ub.row(j), arc, da.row(i));
      nn::kernels::axpy(d, p.a.row(i), arc, dub.row(j));
      dhb[static_cast<std::size_t>(j)] += d;
    }
  }
  const float keep = 1.0f / (1.0f - drop);
  for (int t = 0; t < T; ++t) {
    float* dbt = db.row(t);
    linear_backward(m, m.arc_bias, kArcBias, p.b.row(t), &dhb[static_cast<std::size_t>(t)], dbt, g);
    linear_backward(m, m.arc_bilinear, kArcBilinear, p.b.row(t), dub.row(t), dbt, g);
    const float* bt = p.b.row(t);
    for (int k = 0; k < arc; ++k) dbt[k] = bt[k] > 0 ? dbt[k] * keep : 0.0f;
    linear_backward(m, m.arc_head, kArcHead, top.row(t), dbt, dtop.row(t), g);
    if (t == 0) continue;
    float* dat = da.row(t);
    const float* at = p.a.row(t);
    for (int k = 0; k < arc; ++k) dat[k] = at[k] > 0 ? dat[k] * keep : 0.0f;
    linear_backward(m, m.arc_dep, kArcDep, top.row(t), dat, dtop.row(t), g);
  }
  // Labels of the gold arcs.
  Tensor dld(T, L);
  Tensor dlh(T, L);
  std::vector<float> z;
  std::vector<float> out;
  std::vector<float> dz(static_cast<std::size_t>(L));
  const std::size_t lo = linear_slot(m, kLabelOut);
  for (int i = 1; i < T; ++i) {
    const int head = heads[static_cast<std::size_t>(i)];
    label_scores(m, p, i, head, z, out);
    const int gold = labels[static_cast<std::size_t>(i)];
    nn::softmax(out.data(), static_cast<int>(out.size()));
    loss.label -= std::log(std::max(out[static_cast<std::size_t>(gold)], 1e-30f));
    out[static_cast<std::size_t>(gold)] -= 1.0f;
    std::fill(dz.begin(), dz.end(), 0.0f);
    m.label_out.backward(z.data(), out.data(), dz.data(), g.at(lo), g.at(lo + 1));
    for (int k = 0; k < L; ++k) {
      const float d = z[static_cast<std::size_t>(k)] > 0 ? dz[static_cast<std::size_t>(k)] : 0.0f;
      dld.row(i)[k] += d;
      dlh.row(head)[k] += d;
    }
  }
  for (int t = 0; t < T; ++t) {
    if (t > 0) linear_backward(m, m.label_dep, kLabelDep, top.row(t), dld.row(t), dtop.row(t), g);
    linear_backward(m, m.label_head, kLabelHead, top.row(t), dlh.row(t), dtop.row(t), g);
  }
  // Tags, from the first layer.
  Tensor dx1(T, 2 * h);
  std::vector<float> ts(m.tags.size());
  for (int i = 1; i < T; ++i) {
    m.tag_out.forward(p.x[1].row(i), ts.data());
    const int gold = tags[static_cast<std::size_t>(i)];
    nn::softmax(ts.data(), static_cast<int>(ts.size()));
    if (gold >= 0) {
      loss.tag -= std::log(std::max(ts[static_cast<std::size_t>(gold)], 1e-30f));
      ts[static_cast<std::size_t>(gold)] -= 1.0f;
      linear_backward(m, m.tag_out, kTagOut, p.x[1].row(i), ts.data(), dx1.row(i), g);
    }
  }
  // The encoder, top down.
  Tensor dcur = std::move(dtop);
  Tensor dhf(T, h);
  Tensor dhr(T, h);
  for (int l = layers - 1; l >= 0; --l) {
    const auto Lx = static_cast<std::size_t>(l);
    if (l == 0) nn::kernels::axpy(1.0f, dx1.v.data(), static_cast<int>(dx1.size()), dcur.v.data());
    const Tensor& mk = p.mask[Lx + 1];
    for (std::size_t k = 0; k < dcur.v.size(); ++k) dcur.v[k] *= mk.v[k];
    for (int t = 0; t < T; ++t) {
      std::memcpy(dhf.row(t), dcur.row(t), sizeof(float) * static_cast<std::size_t>(h));
      std::memcpy(dhr.row(t), dcur.row(t) + h, sizeof(float) * static_cast<std::size_t>(h));
    }
    Tensor dx(T, p.x[Lx].cols);
    for (std::size_t dir = 0; dir < 2; ++dir) {
      const std::size_t k = 2 * Lx + dir;
      const std::size_t s = lstm_slot(k);
      nn::lstm_backward(m.lstm[k], p.x[Lx], dir == 1, p.trace[k], dir == 0 ? dhf : dhr, dx, g.at(s),
                        g.at(s + 1), g.at(s + 2));
    }
    dcur = std::move(dx);
  }
  // Embeddings.
  const Tensor& m0 = p.mask[0];
  for (std::size_t k = 0; k < dcur.v.size(); ++k) dcur.v[k] *= m0.v[k];
  const int dw = m.dims.word;
  const int dA = m.dims.affix;
  const int ds = m.dims.shape;
  const int dt = m.dims.tag;
  for (int t = 0; t < T; ++t) {
    const float* gr = dcur.row(t);
    const InputIds& id = p.ids[static_cast<std::size_t>(t)];
    nn::kernels::axpy(1.0f, gr, dw, g.sparse_row(kWordSlot, id.word));
    for (int k = 0; k < id.affixes; ++k) {
      nn::kernels::axpy(1.0f, gr + dw, dA, g.sparse_row(kAffixSlot, id.affix[static_cast<std::size_t>(k)]));
    }
    nn::kernels::axpy(1.0f, gr + dw + dA, ds, g.sparse_row(kShapeSlot, id.shape));
    nn::kernels::axpy(1.0f, gr + dw + dA + ds, dt, g.sparse_row(kTagSlot, id.tag));
  }
}

void sentence_ids(const NeuralParserModel& m, const Sentence& s, std::vector<InputIds>& ids) {
  ids.clear();
  ids.push_back(root_ids());
  for (const Token& t : s.tokens) ids.push_back(word_ids(m, t));
}

// The best projective tree under the arc log-probabilities, one word under the root;
// heads[i] for word i (1-based).
std::vector<int> decode_heads(const Pass& p) {
  const int T = p.T;
  const int n = T - 1;
  std::vector<float> logp(static_cast<std::size_t>(T));
  std::vector<float> arcs(static_cast<std::size_t>(T) * static_cast<std::size_t>(T), kNegative);
  for (int i = 1; i < T; ++i) {
    std::memcpy(logp.data(), p.scores.row(i), sizeof(float) * static_cast<std::size_t>(T));
    const float lse = nn::softmax(logp.data(), T);
    for (int j = 0; j < T; ++j) {
      if (j == i) continue;
      // log p = score - logsumexp; the root arcs carry a large penalty so that exactly
      // one is chosen.
      const float lp = p.scores.row(i)[j] - lse;
      arcs[static_cast<std::size_t>(j) * static_cast<std::size_t>(T) + static_cast<std::size_t>(i)] =
          j == 0 ? lp - 1000.0f : lp;
    }
  }
  return eisner(arcs, n);
}

}  // namespace

// ---- model --------------------------------------------------------------------------

void NeuralParserModel::init(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  word_emb.resize(kFirstRow + static_cast<int>(words.size()), dims.word);
  affix_emb.resize(1 << dims.affix_bits, dims.affix);
  shape_emb.resize(kFirstRow + kShapes, dims.shape);
  tag_emb.resize(kFirstRow + static_cast<int>(tags.size()), dims.tag);
  nn::init_uniform(word_emb, rng, 0.1f);
  nn::init_uniform(affix_emb, rng, 0.1f);
  nn::init_uniform(shape_emb, rng, 0.1f);
  nn::init_uniform(tag_emb, rng, 0.1f);
  lstm.assign(2 * static_cast<std::size_t>(dims.layers), nn::LstmDirection());
  for (int l = 0; l < dims.layers; ++l) {
    const int in = l == 0 ? input_width() : 2 * dims.hidden;
    lstm[2 * static_cast<std::size_t>(l)].init(in, dims.hidden, rng);
    lstm[2 * static_cast<std::size_t>(l) + 1].init(in, dims.hidden, rng);
  }
  const int top = 2 * dims.hidden;
  tag_out.init(top, static_cast<int>(tags.size()), rng);
  arc_dep.init(top, dims.arc, rng);
  arc_head.init(top, dims.arc, rng);
  arc_bilinear.init(dims.arc, dims.arc, rng);
  arc_bias.init(dims.arc, 1, rng);
  label_dep.init(top, dims.label, rng);
  label_head.init(top, dims.label, rng);
  label_out.init(dims.label, static_cast<int>(deprels.size()), rng);
}

void NeuralParserModel::parameters(nn::Parameters& p) {
  p.add(&word_emb, true);
  p.add(&affix_emb, true);
  p.add(&shape_emb, true);
  p.add(&tag_emb, true);
  for (auto& d : lstm) d.add_to(p);
  tag_out.add_to(p);
  arc_dep.add_to(p);
  arc_head.add_to(p);
  arc_bilinear.add_to(p);
  arc_bias.add_to(p);
  label_dep.add_to(p);
  label_head.add_to(p);
  label_out.add_to(p);
}

void NeuralParserModel::save(BinaryWriter& w) const {
  for (int v : {dims.word, dims.affix, dims.affix_bits, dims.shape, dims.tag, dims.hidden, dims.layers,
                dims.arc, dims.label}) {
    w.put<std::int32_t>(v);
  }
  std::vector<std::string> by_row(words.size());
  for (const auto& [word, row] : words) by_row[static_cast<std::size_t>(row - kFirstRow)] = word;
  w.put_strings(by_row);
  w.put_strings(tags);
  w.put_strings(deprels);
  nn::save_tensor(w, word_emb);
  nn::save_tensor(w, affix_emb);
  nn::save_tensor(w, shape_emb);
  nn::save_tensor(w, tag_emb);
  for (const auto& d : lstm) d.save(w);
  for (const nn::Linear* l : {&tag_out, &arc_dep, &arc_head, &arc_bilinear, &arc_bias, &label_dep,
                              &label_head, &label_out}) {
    l->save(w);
  }
}

bool NeuralParserModel::load(BinaryReader& r) {
  std::int32_t v[9];
  for (std::int32_t& x : v) {
    if (!r.get(x) || x <= 0 || x > 4096) return false;
  }
  dims = {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]};
  if (dims.affix_bits > 24 || dims.layers > 4) return false;
  std::vector<std::string> by_row;
  if (!r.get_strings(by_row) || !r.get_strings(tags) || !r.get_strings(deprels)) return false;
  if (tags.empty() || deprels.empty()) return false;
  words.clear();
  for (std::size_t i = 0; i < by_row.size(); ++i) words.emplace(by_row[i], kFirstRow + static_cast<int>(i));
  tag_ids.clear();
  for (std::size_t i = 0; i < tags.size(); ++i) tag_ids.emplace(tags[i], static_cast<int>(i));
  root_label = -1;
  for (std::size_t i = 0; i < deprels.size(); ++i) {
    if (deprels[i] == "root") root_label = static_cast<int>(i);
  }
  if (root_label < 0) return false;
  if (!nn::load_tensor(r, word_emb) || !nn::load_tensor(r, affix_emb) || !nn::load_tensor(r, shape_emb) ||
      !nn::load_tensor(r, tag_emb)) {
    return false;
  }
  if (word_emb.rows != kFirstRow + static_cast<int>(words.size()) || word_emb.cols != dims.word ||
      affix_emb.rows != (1 << dims.affix_bits) || affix_emb.cols != dims.affix ||
      shape_emb.rows != kFirstRow + kShapes || shape_emb.cols != dims.shape ||
      tag_emb.rows != kFirstRow + static_cast<int>(tags.size()) || tag_emb.cols != dims.tag) {
    return false;
  }
  lstm.assign(2 * static_cast<std::size_t>(dims.layers), nn::LstmDirection());
  for (std::size_t k = 0; k < lstm.size(); ++k) {
    const int in = k < 2 ? input_width() : 2 * dims.hidden;
    if (!lstm[k].load(r) || lstm[k].in() != in || lstm[k].hidden() != dims.hidden) return false;
  }
  const int top = 2 * dims.hidden;
  const int n_tags = static_cast<int>(tags.size());
  const int n_labels = static_cast<int>(deprels.size());
  struct Expect {
    nn::Linear* layer;
    int in;
    int out;
  };
  for (const Expect& e : {Expect{&tag_out, top, n_tags}, Expect{&arc_dep, top, dims.arc},
                          Expect{&arc_head, top, dims.arc}, Expect{&arc_bilinear, dims.arc, dims.arc},
                          Expect{&arc_bias, dims.arc, 1}, Expect{&label_dep, top, dims.label},
                          Expect{&label_head, top, dims.label}, Expect{&label_out, dims.label, n_labels}}) {
    if (!e.layer->load(r) || e.layer->in() != e.in || e.layer->out() != e.out) return false;
  }
  return r.at_end();
}

// ---- parsing ------------------------------------------------------------------------

void neural_parse_sentence(const NeuralParserModel& model, Sentence& sentence, bool retag) {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0) return;
  Pass p;
  p.T = n + 1;
  sentence_ids(model, sentence, p.ids);
  std::mt19937_64 unused(0);
  forward(model, p, false, 0.0f, unused);
  const std::vector<int> heads = decode_heads(p);
  std::vector<float> z;
  std::vector<float> out;
  for (int i = 1; i <= n; ++i) {
    Token& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
    const int h = heads[static_cast<std::size_t>(i)];
    t.head = h;
    if (h == 0) {
      t.deprel = "root";
      continue;
    }
    label_scores(model, p, i, h, z, out);
    out[static_cast<std::size_t>(model.root_label)] = kNegative;
    t.deprel = model.deprels[static_cast<std::size_t>(argmax(out.data(), static_cast<int>(out.size())))];
  }
  if (retag) {
    Tensor scores;
    model.tag_out.forward_rows(p.x[1], scores);
    for (int i = 1; i <= n; ++i) {
      const std::string& tag = model.tags[static_cast<std::size_t>(argmax(scores.row(i), scores.cols))];
      Token& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
      const auto tab = tag.find('\t');
      t.upos = tag.substr(0, tab);
      t.xpos = tag.substr(tab + 1);
    }
  }
}

// ---- training -----------------------------------------------------------------------

namespace {

struct DevScores {
  double uas = 0;
  double las = 0;
  double upos = 0;
};

std::string universal(const std::string& rel) { return rel.substr(0, rel.find(':')); }

DevScores score_dev(const NeuralParserModel& m, const std::vector<Sentence>& dev,
                    const std::vector<Sentence>& gold) {
  std::size_t words = 0;
  std::size_t uas = 0;
  std::size_t las = 0;
  std::size_t upos = 0;
  for (std::size_t s = 0; s < dev.size() && s < gold.size(); ++s) {
    Sentence sys = dev[s];
    neural_parse_sentence(m, sys, true);
    for (std::size_t i = 0; i < sys.tokens.size() && i < gold[s].tokens.size(); ++i) {
      const Token& a = sys.tokens[i];
      const Token& b = gold[s].tokens[i];
      ++words;
      if (a.head == b.head) {
        ++uas;
        if (universal(a.deprel) == universal(b.deprel)) ++las;
      }
      if (a.upos == b.upos) ++upos;
    }
  }
  const double w = words > 0 ? static_cast<double>(words) : 1.0;
  return {100.0 * static_cast<double>(uas) / w, 100.0 * static_cast<double>(las) / w,
          100.0 * static_cast<double>(upos) / w};
}

struct Example {
  std::vector<InputIds> ids;  // with the tagger's tags
  std::vector<int> heads, labels, tags;
  std::vector<int> counts;  // training frequency of each position's word (root: large)
};

}  // namespace

std::shared_ptr<NeuralParserModel> train_neural_parser(const std::vector<Sentence>& gold,
                                                       const std::vector<Sentence>& tagged,
                                                       const NeuralParserTrainOptions& options,
                                                       const std::vector<Sentence>* dev,
                                                       const std::vector<Sentence>* dev_gold) {
  auto model = std::make_shared<NeuralParserModel>();
  NeuralParserModel& m = *model;
  m.dims = options.dims;
  // Vocabularies: words seen twice, every joint tag and relation of the treebank.
  std::map<std::string, int> counts;
  std::map<std::string, int> tag_set;
  std::map<std::string, int> rel_set;
  for (const Sentence& s : gold) {
    for (const Token& t : s.tokens) {
      ++counts[text::ascii_lower(t.form)];
      tag_set.emplace(joint_tag(t), 0);
      rel_set.emplace(t.deprel, 0);
    }
  }
  rel_set.emplace("root", 0);
  for (const auto& [word, c] : counts) {
    if (c >= 2) m.words.emplace(word, kFirstRow + static_cast<int>(m.words.size()));
  }
  for (auto& [tag, id] : tag_set) {
    id = static_cast<int>(m.tags.size());
    m.tags.push_back(tag);
    m.tag_ids.emplace(tag, id);
  }
  for (auto& [rel, id] : rel_set) {
    id = static_cast<int>(m.deprels.size());
    m.deprels.push_back(rel);
    if (rel == "root") m.root_label = id;
  }
  m.init(options.seed);

  std::vector<Example> data(gold.size());
  for (std::size_t s = 0; s < gold.size(); ++s) {
    Example& e = data[s];
    const Sentence& in = s < tagged.size() ? tagged[s] : gold[s];
    sentence_ids(m, in, e.ids);
    e.heads.assign(1, -1);
    e.labels.assign(1, -1);
    e.tags.assign(1, -1);
    e.counts.assign(1, 1 << 20);
    for (const Token& t : gold[s].tokens) {
      e.heads.push_back(std::max(0, t.head));
      e.labels.push_back(rel_set[t.deprel]);
      e.tags.push_back(tag_set[joint_tag(t)]);
      e.counts.push_back(counts[text::ascii_lower(t.form)]);
    }
  }

  nn::Parameters params;
  m.parameters(params);
  if (options.progress) {
    options.progress("neural parser: " + std::to_string(params.weights()) + " weights, " +
                     std::to_string(m.words.size()) + " words, " + std::to_string(gold.size()) +
                     " sentences");
  }
  std::vector<nn::Gradients> grads;
  grads.emplace_back(params);
  grads.emplace_back(params);
  nn::AdamOptions adam_options;
  adam_options.rate = options.rate;
  nn::Adam adam(params, adam_options);
  const auto batch = static_cast<std::size_t>(std::max(1, options.batch_sentences));
  const std::size_t steps_per_epoch = (gold.size() + batch - 1) / batch;
  const double total_steps = static_cast<double>(steps_per_epoch) * std::max(1, options.epochs);
  std::uint64_t step = 0;
  const float drop = options.dropout;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    const auto order = shuffled_indices(gold.size(), options.seed + 31 * static_cast<std::uint64_t>(epoch));
    SentenceLoss total[2];
    for (std::size_t start = 0; start < order.size(); start += batch) {
      const std::size_t end = std::min(order.size(), start + batch);
      // Two fixed halves of the batch (alternate sentences), each with its own gradient:
      // the sum is the same whether one thread or two compute them.
      auto half = [&](std::size_t shard) {
        grads[shard].clear();
        Pass p;
        for (std::size_t k = start + shard; k < end; k += 2) {
          const std::size_t s = order[k];
          const Example& e = data[s];
          if (e.ids.size() < 2) continue;
          std::mt19937_64 rng(mix64(options.seed ^ (static_cast<std::uint64_t>(epoch) << 40) ^ s));
          p.T = static_cast<int>(e.ids.size());
          p.ids = e.ids;
          std::uniform_real_distribution<float> coin(0.0f, 1.0f);
          for (std::size_t i = 1; i < p.ids.size(); ++i) {
            const float c = static_cast<float>(e.counts[i]);
            if (coin(rng) < options.word_dropout / (options.word_dropout + c)) p.ids[i].word = kUnknownRow;
          }
          forward(m, p, true, drop, rng);
          backward(m, p, e.heads, e.labels, e.tags, drop, grads[shard], total[shard]);
        }
      };
      if (options.threads >= 2) {
        std::thread other(half, 1);
        half(0);
        other.join();
      } else {
        half(0);
        half(1);
      }
      std::size_t words = 0;
      for (std::size_t k = start; k < end; ++k) words += data[order[k]].ids.size() - 1;
      grads[0].add(grads[1]);
      grads[0].scale(1.0f / static_cast<float>(std::max<std::size_t>(1, words)));
      const double norm = std::sqrt(grads[0].squared_norm());
      if (norm > options.clip) grads[0].scale(static_cast<float>(options.clip / norm));
      // Constant rate for the first half, then a linear decay to a tenth of it.
      const double progress = static_cast<double>(step) / total_steps;
      const double factor = progress < 0.5 ? 1.0 : std::max(0.1, 2.0 * (1.0 - progress));
      adam.step(params, grads[0], static_cast<float>(options.rate * factor));
      ++step;
    }
    if (options.progress) {
      const double w = static_cast<double>(total[0].words + total[1].words);
      char buf[256];
      std::snprintf(buf, sizeof(buf), "neural parser: epoch %d loss arcs %.4f labels %.4f tags %.4f, train heads %.2f%%",
                    epoch + 1, (total[0].arc + total[1].arc) / w, (total[0].label + total[1].label) / w,
                    (total[0].tag + total[1].tag) / w,
                    100.0 * static_cast<double>(total[0].heads_right + total[1].heads_right) / w);
      std::string line = buf;
      if (dev != nullptr && dev_gold != nullptr) {
        const DevScores d = score_dev(m, *dev, *dev_gold);
        std::snprintf(buf, sizeof(buf), "; dev UAS %.2f LAS %.2f UPOS %.2f", d.uas, d.las, d.upos);
        line += buf;
      }
      options.progress(line);
    }
  }
  return model;
}

}  // namespace dyad::nlp
