// Averaged perceptrons over hashed features: the learning core of the tokenizer, tagger,
// lemmatiser-free parts and parser.
//
// Features are 64-bit hashes of (template id, values). Two model shapes:
//  - Sparse: exact feature keys, each with a short list of (class, weight) entries; used
//    where there are many classes (tags, labels) or few features (boundaries).
//  - DenseHashed: features hashed into a fixed table of rows of `classes` weights, no keys
//    (collisions tolerated); used by the parser's transition classifier, whose speed
//    matters most.
// Trainers keep the running sums for averaging; finished models are immutable.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "nlp/model_io.h"

namespace dyad::nlp {

// ---- hashing ------------------------------------------------------------------------

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return mix64(h ^ s.size());
}

// Combines a running feature hash with one more value.
inline std::uint64_t hash_combine(std::uint64_t h, std::uint64_t v) {
  return mix64(h * 0x9e3779b97f4a7c15ULL + v + 0x632be59bd9b4e019ULL);
}

inline std::uint64_t feature(std::uint32_t templ, std::uint64_t a) {
  return hash_combine(mix64(templ + 0x1234567ULL), a) | 1;  // never 0 (0 marks empty)
}
inline std::uint64_t feature(std::uint32_t templ, std::uint64_t a, std::uint64_t b) {
  return hash_combine(hash_combine(mix64(templ + 0x1234567ULL), a), b) | 1;
}
inline std::uint64_t feature(std::uint32_t templ, std::uint64_t a, std::uint64_t b,
                             std::uint64_t c) {
  return hash_combine(hash_combine(hash_combine(mix64(templ + 0x1234567ULL), a), b), c) | 1;
}

// ---- sparse models ------------------------------------------------------------------

class SparseModel {
 public:
  SparseModel() = default;

  int classes() const { return classes_; }
  bool empty() const { return slots_.empty(); }
  std::size_t features() const { return n_features_; }

  // Adds the weights of `feats` to scores[0..classes).
  void score(const std::uint64_t* feats, std::size_t n, float* scores) const {
    if (slots_.empty()) return;
    for (std::size_t i = 0; i < n; ++i) {
      const Slot* s = find(feats[i]);
      if (s == nullptr) continue;
      const Entry* e = entries_.data() + s->start;
      for (std::uint32_t k = 0; k < s->count; ++k) scores[e[k].cls] += e[k].weight;
    }
  }
  // Weight of one (feature, class) pair; 0 when absent.
  float weight(std::uint64_t feat, int cls) const;

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);

  // Built by SparseTrainer::finish.
  struct Entry {
    std::uint32_t cls;
    float weight;
  };
  void build(int classes, std::vector<std::pair<std::uint64_t, std::vector<Entry>>> rows);

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t start = 0;
    std::uint32_t count = 0;
  };
  const Slot* find(std::uint64_t key) const {
    std::size_t i = static_cast<std::size_t>(key) & mask_;
    for (;;) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s;
      if (s.key == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  int classes_ = 0;
  std::size_t n_features_ = 0;
  std::size_t mask_ = 0;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

class SparseTrainer {
 public:
  explicit SparseTrainer(int classes) : classes_(classes) {}

  int classes() const { return classes_; }
  void score(const std::uint64_t* feats, std::size_t n, float* scores) const;
  // One perceptron step: +1 for `gold`, -1 for `guess` on every feature (no-op if equal).
  void update(const std::uint64_t* feats, std::size_t n, int gold, int guess, float step = 1.0f);
  // Advances the averaging clock by one example.
  void tick() { ++clock_; }
  // The averaged model; entries with |weight| below `prune` are dropped.
  SparseModel finish(float prune = 0.0f) const;

 private:
  struct Entry {
    std::uint32_t cls;
    float weight;
    double total;
    std::uint64_t stamp;
  };
  void add(std::vector<Entry>& row, int cls, float delta);

  // Open addressing from feature key to row index: far faster than a node-based map.
  std::vector<Entry>* find(std::uint64_t key);
  const std::vector<Entry>* find(std::uint64_t key) const;
  std::vector<Entry>& insert(std::uint64_t key);

  int classes_;
  std::uint64_t clock_ = 1;
  std::vector<std::uint64_t> keys_ = std::vector<std::uint64_t>(1024, 0);
  std::vector<std::uint32_t> index_ = std::vector<std::uint32_t>(1024, 0);
  std::vector<std::vector<Entry>> rows_;
};

// ---- dense hashed models ------------------------------------------------------------

class DenseHashedModel {
 public:
  int classes() const { return classes_; }
  bool empty() const { return weights_.empty(); }

  std::size_t row(std::uint64_t feat) const {
    return (static_cast<std::size_t>(mix64(feat)) & mask_) * static_cast<std::size_t>(classes_);
  }
  void prefetch(std::uint64_t feat) const { __builtin_prefetch(weights_.data() + row(feat)); }
  // Weights are kept as int16 (with one scale) in memory too: half the cache footprint.
  void score(const std::uint64_t* feats, std::size_t n, float* scores) const {
    std::int32_t acc[16] = {0};
    const int c = classes_ <= 16 ? classes_ : 16;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int16_t* w = weights_.data() + row(feats[i]);
      for (int k = 0; k < c; ++k) acc[k] += w[k];
    }
    for (int k = 0; k < c; ++k) scores[k] += static_cast<float>(acc[k]) * scale_;
  }

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
  void build(int classes, int bits, const std::vector<float>& weights);

 private:
  int classes_ = 0;
  int bits_ = 0;
  std::size_t mask_ = 0;
  float scale_ = 1.0f;
  std::vector<std::int16_t> weights_;
};

class DenseHashedTrainer {
 public:
  DenseHashedTrainer(int classes, int bits);

  int classes() const { return classes_; }
  void score(const std::uint64_t* feats, std::size_t n, float* scores) const;
  void update(const std::uint64_t* feats, std::size_t n, int gold, int guess, float step = 1.0f);
  // Adds `step` to class `cls` on every feature (global training updates whole sequences).
  void add_to_class(const std::uint64_t* feats, std::size_t n, int cls, float step);
  void tick() { ++clock_; }
  DenseHashedModel finish() const;

 private:
  std::size_t row(std::uint64_t feat) const {
    return (static_cast<std::size_t>(mix64(feat)) & mask_) * static_cast<std::size_t>(classes_);
  }
  void add(std::size_t i, float delta);

  int classes_;
  int bits_;
  std::size_t mask_;
  std::uint64_t clock_ = 1;
  std::vector<float> weights_;
  std::vector<double> totals_;
  std::vector<std::uint64_t> stamps_;
};

// ---- helpers ------------------------------------------------------------------------

// Index of the highest score among classes where allowed[c] (all when allowed is null);
// ties go to the lowest index. -1 when nothing is allowed.
int argmax(const float* scores, int n, const bool* allowed = nullptr);

// A deterministic permutation of 0..n-1 (Fisher-Yates over a fixed-seed mt19937_64), so
// training gives the same model on every platform.
std::vector<std::size_t> shuffled_indices(std::size_t n, std::uint64_t seed);

}  // namespace dyad::nlp
