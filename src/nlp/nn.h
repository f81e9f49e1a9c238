// A small neural-network toolkit for the linguistic models, in plain C++: dense float
// tensors, linear layers, a bidirectional LSTM with hand-written backpropagation, and
// Adam. Enough for one sentence at a time on one thread; data parallelism is the
// trainer's business (each worker has its own Gradients, summed in a fixed order, so
// training is deterministic whatever the thread count).
//
// The inner loops are the three products of a linear layer (forward, and the two halves
// of its backward pass), written once in `kernels` with an AVX2/FMA version chosen at run
// time on processors that have it, and a portable one elsewhere.
#pragma once

#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <vector>

#include "nlp/model_io.h"

namespace dyad::nlp::nn {

// ---- kernels ------------------------------------------------------------------------
namespace kernels {

// y[0..m) += sum over k < rows of x[k] * W[k*m .. k*m+m): a row vector times a matrix
// stored one input a row (the layout every layer here uses).
void matvec(const float* x, int rows, const float* W, int m, float* y);
// matvec for each of n rows of X (n x rows) into the rows of Y (n x m), with the same
// result bit for bit; four rows share each load of W, which is what makes it faster.
void matmat(const float* X, int n, int rows, const float* W, int m, float* Y);
// dx[k] += dot(W[k*m..], dy) for k < rows: the gradient with respect to the input.
void matvec_t(const float* W, int rows, int m, const float* dy, float* dx);
// W[k*m..] += x[k] * dy for k < rows: the gradient with respect to the weights.
void outer(const float* x, int rows, const float* dy, int m, float* W);
float dot(const float* a, const float* b, int m);
// y += a * x
void axpy(float a, const float* x, int m, float* y);

}  // namespace kernels

// ---- tensors ------------------------------------------------------------------------

struct Tensor {
  int rows = 0;
  int cols = 0;
  std::vector<float> v;

  Tensor() = default;
  Tensor(int r, int c) : rows(r), cols(c), v(static_cast<std::size_t>(r) * static_cast<std::size_t>(c), 0.0f) {}
  float* row(int r) { return v.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(cols); }
  const float* row(int r) const {
    return v.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(cols);
  }
  std::size_t size() const { return v.size(); }
  void zero() { std::fill(v.begin(), v.end(), 0.0f); }
  void resize(int r, int c) {
    rows = r;
    cols = c;
    v.assign(static_cast<std::size_t>(r) * static_cast<std::size_t>(c), 0.0f);
  }
};

// Glorot-uniform initialisation (fan-in rows, fan-out cols).
void init_uniform(Tensor& t, std::mt19937_64& rng, float scale);
void init_glorot(Tensor& t, std::mt19937_64& rng);

// Tensors are written as int16 with one scale per tensor (half the size of floats; the
// rounding is far below what a retraining with another seed changes) and read back as
// floats.
void save_tensor(BinaryWriter& w, const Tensor& t);
bool load_tensor(BinaryReader& r, Tensor& t);

// ---- parameters, gradients, Adam ----------------------------------------------------

// All of a model's weights as one list, so gradients and optimiser state can mirror it.
// Embedding tables are "sparse": a sentence touches few of their rows, and only those
// rows' gradients are cleared, summed and updated.
class Parameters {
 public:
  // Registers a tensor owned by the model (the pointer must stay valid).
  void add(Tensor* t, bool sparse = false);
  std::size_t count() const { return tensors_.size(); }
  Tensor& at(std::size_t i) const { return *tensors_[i]; }
  bool sparse(std::size_t i) const { return sparse_[i]; }
  std::size_t weights() const;

 private:
  std::vector<Tensor*> tensors_;
  std::vector<bool> sparse_;
};

class Gradients {
 public:
  explicit Gradients(const Parameters& p);
  Tensor& at(std::size_t i) { return g_[i]; }
  // The gradient row of a sparse tensor, marked as touched.
  float* sparse_row(std::size_t i, int r);
  void clear();
  // this += other (dense tensors whole, sparse ones row by row in the order touched).
  void add(const Gradients& other);
  // Sum of squares over all touched gradients.
  double squared_norm() const;
  void scale(float s);
  friend class Adam;

 private:
  std::vector<Tensor> g_;
  std::vector<std::vector<int>> touched_;     // per sparse tensor: rows in first-touch order
  std::vector<std::vector<char>> is_touched_;
  std::vector<bool> sparse_;
};

struct AdamOptions {
  float rate = 2e-3f;
  float beta1 = 0.9f;
  float beta2 = 0.9f;
  float epsilon = 1e-8f;
};

class Adam {
 public:
  Adam(const Parameters& p, AdamOptions options);
  // One step with learning rate `rate` (the schedule is the caller's).
  void step(const Parameters& p, const Gradients& g, float rate);

 private:
  AdamOptions o_;
  std::vector<Tensor> m_, v_;
  std::vector<std::vector<std::uint32_t>> row_steps_;  // sparse tensors: steps per row
  std::uint64_t t_ = 0;
};

// ---- layers -------------------------------------------------------------------------

// y = x W + b, W stored [in x out].
struct Linear {
  Tensor W;
  Tensor b;
  void init(int in, int out, std::mt19937_64& rng);
  int in() const { return W.rows; }
  int out() const { return W.cols; }
  void forward(const float* x, float* y) const;
  // forward() for every row of X into the rows of Y (resized), a matrix product at once.
  void forward_rows(const Tensor& X, Tensor& Y) const;
  // Accumulates dW, db into g (indices iw, ib) and dx (when not null).
  void backward(const float* x, const float* dy, float* dx, Tensor& dW, Tensor& db) const;
  void add_to(Parameters& p) {
    p.add(&W);
    p.add(&b);
  }
  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
};

// One direction of one LSTM layer (gates i, f, o, g in that order, 4h wide).
struct LstmDirection {
  Tensor Wx;  // [in x 4h]
  Tensor Wh;  // [h x 4h]
  Tensor b;   // [1 x 4h]
  int hidden() const { return Wh.rows; }
  int in() const { return Wx.rows; }
  void init(int in, int hidden, std::mt19937_64& rng);
  void add_to(Parameters& p) {
    p.add(&Wx);
    p.add(&Wh);
    p.add(&b);
  }
  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
};

// What one direction keeps of a sequence for its backward pass.
struct LstmTrace {
  Tensor gates;  // [T x 4h] after the nonlinearities
  Tensor c;      // [T x h]
  Tensor tc;     // tanh(c)
  Tensor h;      // [T x h] outputs
};

// Runs over x rows 0..T-1 (reversed: T-1..0); outputs in trace.h, in the input's order.
void lstm_forward(const LstmDirection& d, const Tensor& x, bool reversed, LstmTrace& trace);
// dh: gradient of the outputs [T x h] (consumed: modified in place). Adds to dx [T x in]
// and to the weight gradients.
void lstm_backward(const LstmDirection& d, const Tensor& x, bool reversed, const LstmTrace& trace,
                   Tensor& dh, Tensor& dx, Tensor& dWx, Tensor& dWh, Tensor& db);

// ---- small helpers ------------------------------------------------------------------

// e^x to about 2e-7 relative error over [-87, 88] (clamped outside), in plain arithmetic:
// the LSTM's sigmoids and tanhs are built on it, at several times the speed of libm's.
// Inline, so that loops over it vectorise (with the same results as one at a time).
inline float fast_exp(float x) {
  // Cephes' expf: x = n ln 2 + r with |r| <= ln 2 / 2, a degree-5 polynomial for e^r, and
  // 2^n put straight into the exponent bits. Plain arithmetic, so loops over it vectorise.
  // Branch-free (selects and comparisons only), which is what lets the loops vectorise.
  x = x > 88.0f ? 88.0f : x;
  x = x < -87.0f ? -87.0f : x;
  const float t = x * 1.44269504088896341f + 0.5f;
  const int truncated = static_cast<int>(t);
  const int n = truncated - static_cast<int>(t < static_cast<float>(truncated));  // floor
  const float fn = static_cast<float>(n);
  const float r = x - fn * 0.693359375f + fn * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  const float e = p * r * r + r + 1.0f;
  const std::int32_t bits = (n + 127) << 23;
  float scale = 0;
  std::memcpy(&scale, &bits, sizeof scale);
  return e * scale;
}


// In place: softmax of s[0..n); returns log-sum-exp.
float softmax(float* s, int n);

}  // namespace dyad::nlp::nn
