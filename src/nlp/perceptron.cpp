#include "nlp/perceptron.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace dyad::nlp {
namespace {

// Weights are stored as int16 with one scale a model: plenty for perceptron weights.
float quant_scale(float max_abs) { return max_abs > 0 ? max_abs / 32767.0f : 1.0f; }

std::int16_t quantise(float w, float scale) {
  const float q = std::round(w / scale);
  return static_cast<std::int16_t>(std::clamp(q, -32767.0f, 32767.0f));
}

}  // namespace

// ---- SparseModel --------------------------------------------------------------------

void SparseModel::build(int classes,
                        std::vector<std::pair<std::uint64_t, std::vector<Entry>>> rows) {
  classes_ = classes;
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  n_features_ = rows.size();
  std::size_t cap = 16;
  while (cap < rows.size() * 2) cap *= 2;
  mask_ = cap - 1;
  slots_.assign(cap, Slot{});
  entries_.clear();
  for (auto& [key, entries] : rows) {
    std::size_t i = static_cast<std::size_t>(key) & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i].key = key;
    slots_[i].start = static_cast<std::uint32_t>(entries_.size());
    slots_[i].count = static_cast<std::uint32_t>(entries.size());
    entries_.insert(entries_.end(), entries.begin(), entries.end());
  }
}

float SparseModel::weight(std::uint64_t feat, int cls) const {
  if (slots_.empty()) return 0;
  const Slot* s = find(feat);
  if (s == nullptr) return 0;
  for (std::uint32_t k = 0; k < s->count; ++k) {
    if (entries_[s->start + k].cls == static_cast<std::uint32_t>(cls)) {
      return entries_[s->start + k].weight;
    }
  }
  return 0;
}

void SparseModel::save(BinaryWriter& w) const {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint16_t> counts;
  std::vector<std::uint16_t> cls;
  std::vector<std::int16_t> weights;
  float max_abs = 0;
  for (const Entry& e : entries_) max_abs = std::max(max_abs, std::fabs(e.weight));
  const float scale = quant_scale(max_abs);
  std::vector<const Slot*> order;
  for (const Slot& s : slots_) {
    if (s.key != 0) order.push_back(&s);
  }
  std::sort(order.begin(), order.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  for (const Slot* s : order) {
    keys.push_back(s->key);
    counts.push_back(static_cast<std::uint16_t>(s->count));
    for (std::uint32_t k = 0; k < s->count; ++k) {
      cls.push_back(static_cast<std::uint16_t>(entries_[s->start + k].cls));
      weights.push_back(quantise(entries_[s->start + k].weight, scale));
    }
  }
  // Keys are sorted: store them as deltas, which compress far better.
  for (std::size_t i = keys.size(); i-- > 1;) keys[i] -= keys[i - 1];
  w.put<std::int32_t>(classes_);
  w.put<float>(scale);
  w.put_vector(keys);
  w.put_vector(counts);
  w.put_vector(cls);
  w.put_vector(weights);
}

bool SparseModel::load(BinaryReader& r) {
  std::int32_t classes = 0;
  float scale = 0;
  std::vector<std::uint64_t> keys;
  std::vector<std::uint16_t> counts;
  std::vector<std::uint16_t> cls;
  std::vector<std::int16_t> weights;
  if (!r.get(classes) || !r.get(scale) || !r.get_vector(keys) || !r.get_vector(counts) ||
      !r.get_vector(cls) || !r.get_vector(weights)) {
    return false;
  }
  if (classes <= 0 || classes > 65535 || keys.size() != counts.size() ||
      cls.size() != weights.size() || !std::isfinite(scale)) {
    return false;
  }
  for (std::size_t i = 1; i < keys.size(); ++i) keys[i] += keys[i - 1];
  std::vector<std::pair<std::uint64_t, std::vector<Entry>>> rows;
  rows.reserve(keys.size());
  std::size_t at = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0 || (i > 0 && keys[i] == keys[i - 1])) return false;
    if (counts[i] > cls.size() - at) return false;
    std::vector<Entry> entries;
    for (std::uint16_t k = 0; k < counts[i]; ++k, ++at) {
      if (cls[at] >= classes) return false;
      entries.push_back({cls[at], static_cast<float>(weights[at]) * scale});
    }
    rows.emplace_back(keys[i], std::move(entries));
  }
  if (at != cls.size()) return false;
  build(classes, std::move(rows));
  return true;
}

// ---- SparseTrainer ------------------------------------------------------------------

const std::vector<SparseTrainer::Entry>* SparseTrainer::find(std::uint64_t key) const {
  const std::size_t mask = keys_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(mix64(key)) & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return &rows_[index_[i]];
    if (keys_[i] == 0) return nullptr;
  }
}

std::vector<SparseTrainer::Entry>* SparseTrainer::find(std::uint64_t key) {
  return const_cast<std::vector<Entry>*>(static_cast<const SparseTrainer*>(this)->find(key));
}

std::vector<SparseTrainer::Entry>& SparseTrainer::insert(std::uint64_t key) {
  if (auto* row = find(key)) return *row;
  if ((rows_.size() + 1) * 2 > keys_.size()) {
    std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
    std::vector<std::uint32_t> index(keys.size(), 0);
    const std::size_t mask = keys.size() - 1;
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      if (keys_[k] == 0) continue;
      std::size_t i = static_cast<std::size_t>(mix64(keys_[k])) & mask;
      while (keys[i] != 0) i = (i + 1) & mask;
      keys[i] = keys_[k];
      index[i] = index_[k];
    }
    keys_ = std::move(keys);
    index_ = std::move(index);
  }
  const std::size_t mask = keys_.size() - 1;
  std::size_t i = static_cast<std::size_t>(mix64(key)) & mask;
  while (keys_[i] != 0) i = (i + 1) & mask;
  keys_[i] = key;
  index_[i] = static_cast<std::uint32_t>(rows_.size());
  rows_.emplace_back();
  return rows_.back();
}

void SparseTrainer::score(const std::uint64_t* feats, std::size_t n, float* scores) const {
  for (std::size_t i = 0; i < n; ++i) {
    const auto* row = find(feats[i]);
    if (row == nullptr) continue;
    for (const Entry& e : *row) scores[e.cls] += e.weight;
  }
}

void SparseTrainer::add(std::vector<Entry>& row, int cls, float delta) {
  for (Entry& e : row) {
    if (e.cls == static_cast<std::uint32_t>(cls)) {
      e.total += static_cast<double>(clock_ - e.stamp) * e.weight;
      e.stamp = clock_;
      e.weight += delta;
      return;
    }
  }
  row.push_back({static_cast<std::uint32_t>(cls), delta, 0.0, clock_});
}

void SparseTrainer::update(const std::uint64_t* feats, std::size_t n, int gold, int guess,
                           float step) {
  if (gold == guess) return;
  for (std::size_t i = 0; i < n; ++i) {
    auto& row = insert(feats[i]);
    add(row, gold, step);
    if (guess >= 0) add(row, guess, -step);
  }
}

SparseModel SparseTrainer::finish(float prune) const {
  std::vector<std::pair<std::uint64_t, std::vector<SparseModel::Entry>>> rows;
  rows.reserve(rows_.size());
  for (std::size_t k = 0; k < keys_.size(); ++k) {
    if (keys_[k] == 0) continue;
    const std::uint64_t key = keys_[k];
    const auto& row = rows_[index_[k]];
    std::vector<SparseModel::Entry> entries;
    for (const Entry& e : row) {
      const double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
      const auto avg = static_cast<float>(total / static_cast<double>(clock_));
      if (std::fabs(avg) > prune && avg != 0.0f) entries.push_back({e.cls, avg});
    }
    if (entries.empty()) continue;
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.cls < b.cls; });
    rows.emplace_back(key, std::move(entries));
  }
  SparseModel m;
  m.build(classes_, std::move(rows));
  return m;
}

// ---- DenseHashed --------------------------------------------------------------------

void DenseHashedModel::build(int classes, int bits, const std::vector<float>& weights) {
  classes_ = classes;
  bits_ = bits;
  mask_ = (std::size_t{1} << bits) - 1;
  float max_abs = 0;
  for (float x : weights) max_abs = std::max(max_abs, std::fabs(x));
  scale_ = quant_scale(max_abs);
  weights_.resize(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) weights_[i] = quantise(weights[i], scale_);
}

void DenseHashedModel::save(BinaryWriter& w) const {
  w.put<std::int32_t>(classes_);
  w.put<std::int32_t>(bits_);
  w.put<float>(scale_);
  w.put_vector(weights_);
}

bool DenseHashedModel::load(BinaryReader& r) {
  std::int32_t classes = 0;
  std::int32_t bits = 0;
  float scale = 0;
  std::vector<std::int16_t> q;
  if (!r.get(classes) || !r.get(bits) || !r.get(scale) || !r.get_vector(q)) return false;
  if (classes <= 0 || classes > 16 || bits < 4 || bits > 28 || !std::isfinite(scale)) return false;
  if (q.size() != (std::size_t{1} << bits) * static_cast<std::size_t>(classes)) return false;
  classes_ = classes;
  bits_ = bits;
  mask_ = (std::size_t{1} << bits) - 1;
  scale_ = scale;
  weights_ = std::move(q);
  return true;
}

DenseHashedTrainer::DenseHashedTrainer(int classes, int bits)
    : classes_(classes),
      bits_(bits),
      mask_((std::size_t{1} << bits) - 1),
      weights_((std::size_t{1} << bits) * static_cast<std::size_t>(classes), 0.0f),
      totals_(weights_.size(), 0.0),
      stamps_(weights_.size(), 0) {}

void DenseHashedTrainer::score(const std::uint64_t* feats, std::size_t n, float* scores) const {
  for (std::size_t i = 0; i < n; ++i) {
    const float* w = weights_.data() + row(feats[i]);
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void DenseHashedTrainer::add(std::size_t i, float delta) {
  totals_[i] += static_cast<double>(clock_ - stamps_[i]) * weights_[i];
  stamps_[i] = clock_;
  weights_[i] += delta;
}

void DenseHashedTrainer::update(const std::uint64_t* feats, std::size_t n, int gold, int guess,
                                float step) {
  if (gold == guess) return;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = row(feats[i]);
    add(r + static_cast<std::size_t>(gold), step);
    if (guess >= 0) add(r + static_cast<std::size_t>(guess), -step);
  }
}

void DenseHashedTrainer::add_to_class(const std::uint64_t* feats, std::size_t n, int cls,
                                      float step) {
  for (std::size_t i = 0; i < n; ++i) add(row(feats[i]) + static_cast<std::size_t>(cls), step);
}

DenseHashedModel DenseHashedTrainer::finish() const {
  std::vector<float> avg(weights_.size());
  for (std::size_t i = 0; i < avg.size(); ++i) {
    const double total = totals_[i] + static_cast<double>(clock_ - stamps_[i]) * weights_[i];
    avg[i] = static_cast<float>(total / static_cast<double>(clock_));
  }
  DenseHashedModel m;
  m.build(classes_, bits_, avg);
  return m;
}

// ---- helpers ------------------------------------------------------------------------

int argmax(const float* scores, int n, const bool* allowed) {
  int best = -1;
  for (int c = 0; c < n; ++c) {
    if (allowed != nullptr && !allowed[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

std::vector<std::size_t> shuffled_indices(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> idx(n);
  for (std::size_t i = 0; i < n; ++i) idx[i] = i;
  std::mt19937_64 rng(seed);
  for (std::size_t i = n; i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(rng() % i);
    std::swap(idx[i - 1], idx[j]);
  }
  return idx;
}

}  // namespace dyad::nlp
