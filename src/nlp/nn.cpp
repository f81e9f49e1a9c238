#include "nlp/nn.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__x86_64__)
#include <immintrin.h>
#define DYAD_NN_X86 1
#endif

namespace dyad::nlp::nn {
namespace kernels {
namespace {

void matvec_portable(const float* x, int rows, const float* W, int m, float* y) {
  for (int k = 0; k < rows; ++k) {
    const float a = x[k];
    if (a == 0.0f) continue;  // ReLU outputs and dropped units are often zero
    const float* w = W + static_cast<std::size_t>(k) * static_cast<std::size_t>(m);
    for (int j = 0; j < m; ++j) y[j] += a * w[j];
  }
}

void matvec_t_portable(const float* W, int rows, int m, const float* dy, float* dx) {
  for (int k = 0; k < rows; ++k) {
    const float* w = W + static_cast<std::size_t>(k) * static_cast<std::size_t>(m);
    float s = 0;
    for (int j = 0; j < m; ++j) s += w[j] * dy[j];
    dx[k] += s;
  }
}

void outer_portable(const float* x, int rows, const float* dy, int m, float* W) {
  for (int k = 0; k < rows; ++k) {
    const float a = x[k];
    if (a == 0.0f) continue;
    float* w = W + static_cast<std::size_t>(k) * static_cast<std::size_t>(m);
    for (int j = 0; j < m; ++j) w[j] += a * dy[j];
  }
}

#ifdef DYAD_NN_X86
// The output block stays in registers while every input row streams past it: one load
// and one fused multiply-add per eight products.
__attribute__((target("avx2,fma"))) void matvec_avx2(const float* x, int rows, const float* W,
                                                     int m, float* y) {
  const auto stride = static_cast<std::size_t>(m);
  int j = 0;
  for (; j + 32 <= m; j += 32) {
    __m256 a0 = _mm256_loadu_ps(y + j);
    __m256 a1 = _mm256_loadu_ps(y + j + 8);
    __m256 a2 = _mm256_loadu_ps(y + j + 16);
    __m256 a3 = _mm256_loadu_ps(y + j + 24);
    const float* w = W + j;
    for (int k = 0; k < rows; ++k, w += stride) {
      const __m256 xk = _mm256_set1_ps(x[k]);
      a0 = _mm256_fmadd_ps(xk, _mm256_loadu_ps(w), a0);
      a1 = _mm256_fmadd_ps(xk, _mm256_loadu_ps(w + 8), a1);
      a2 = _mm256_fmadd_ps(xk, _mm256_loadu_ps(w + 16), a2);
      a3 = _mm256_fmadd_ps(xk, _mm256_loadu_ps(w + 24), a3);
    }
    _mm256_storeu_ps(y + j, a0);
    _mm256_storeu_ps(y + j + 8, a1);
    _mm256_storeu_ps(y + j + 16, a2);
    _mm256_storeu_ps(y + j + 24, a3);
  }
  for (; j + 8 <= m; j += 8) {
    __m256 a0 = _mm256_loadu_ps(y + j);
    const float* w = W + j;
    for (int k = 0; k < rows; ++k, w += stride) {
      a0 = _mm256_fmadd_ps(_mm256_set1_ps(x[k]), _mm256_loadu_ps(w), a0);
    }
    _mm256_storeu_ps(y + j, a0);
  }
  for (; j < m; ++j) {
    float s = y[j];
    for (int k = 0; k < rows; ++k) s += x[k] * W[static_cast<std::size_t>(k) * stride + static_cast<std::size_t>(j)];
    y[j] = s;
  }
}

// Four rows of X at once, sixteen columns at a time. Every output keeps the order of
// matvec_avx2's sum (fused multiply-adds over k from 0 up where a vector covers the
// column, plain ones in the scalar tail), so the results are identical.
__attribute__((target("avx2,fma"))) void matmat_avx2(const float* X, int n, int rows, const float* W,
                                                     int m, float* Y) {
  const auto stride = static_cast<std::size_t>(m);
  const auto xs = static_cast<std::size_t>(rows);
  const int vec_end = m - m % 8;
  int r = 0;
  for (; r + 4 <= n; r += 4) {
    const float* x0 = X + static_cast<std::size_t>(r) * xs;
    const float* x1 = x0 + xs;
    const float* x2 = x1 + xs;
    const float* x3 = x2 + xs;
    float* y0 = Y + static_cast<std::size_t>(r) * stride;
    float* y1 = y0 + stride;
    float* y2 = y1 + stride;
    float* y3 = y2 + stride;
    int j = 0;
    for (; j + 16 <= vec_end; j += 16) {
      __m256 a0 = _mm256_loadu_ps(y0 + j), b0 = _mm256_loadu_ps(y0 + j + 8);
      __m256 a1 = _mm256_loadu_ps(y1 + j), b1 = _mm256_loadu_ps(y1 + j + 8);
      __m256 a2 = _mm256_loadu_ps(y2 + j), b2 = _mm256_loadu_ps(y2 + j + 8);
      __m256 a3 = _mm256_loadu_ps(y3 + j), b3 = _mm256_loadu_ps(y3 + j + 8);
      const float* w = W + j;
      for (int k = 0; k < rows; ++k, w += stride) {
        const __m256 w0 = _mm256_loadu_ps(w);
        const __m256 w1 = _mm256_loadu_ps(w + 8);
        __m256 v = _mm256_set1_ps(x0[k]);
        a0 = _mm256_fmadd_ps(v, w0, a0);
        b0 = _mm256_fmadd_ps(v, w1, b0);
        v = _mm256_set1_ps(x1[k]);
        a1 = _mm256_fmadd_ps(v, w0, a1);
        b1 = _mm256_fmadd_ps(v, w1, b1);
        v = _mm256_set1_ps(x2[k]);
        a2 = _mm256_fmadd_ps(v, w0, a2);
        b2 = _mm256_fmadd_ps(v, w1, b2);
        v = _mm256_set1_ps(x3[k]);
        a3 = _mm256_fmadd_ps(v, w0, a3);
        b3 = _mm256_fmadd_ps(v, w1, b3);
      }
      _mm256_storeu_ps(y0 + j, a0);
      _mm256_storeu_ps(y0 + j + 8, b0);
      _mm256_storeu_ps(y1 + j, a1);
      _mm256_storeu_ps(y1 + j + 8, b1);
      _mm256_storeu_ps(y2 + j, a2);
      _mm256_storeu_ps(y2 + j + 8, b2);
      _mm256_storeu_ps(y3 + j, a3);
      _mm256_storeu_ps(y3 + j + 8, b3);
    }
    if (j < m) {
      // The last columns, row by row, exactly as matvec_avx2 treats them.
      for (int q = 0; q < 4; ++q) {
        const float* x = X + static_cast<std::size_t>(r + q) * xs;
        float* y = Y + static_cast<std::size_t>(r + q) * stride;
        for (int c = j; c + 8 <= vec_end; c += 8) {
          __m256 a = _mm256_loadu_ps(y + c);
          const float* w = W + c;
          for (int k = 0; k < rows; ++k, w += stride) a = _mm256_fmadd_ps(_mm256_set1_ps(x[k]), _mm256_loadu_ps(w), a);
          _mm256_storeu_ps(y + c, a);
        }
        for (int c = vec_end; c < m; ++c) {
          float s = y[c];
          for (int k = 0; k < rows; ++k) s += x[k] * W[static_cast<std::size_t>(k) * stride + static_cast<std::size_t>(c)];
          y[c] = s;
        }
      }
    }
  }
  for (; r < n; ++r) matvec_avx2(X + static_cast<std::size_t>(r) * xs, rows, W, m, Y + static_cast<std::size_t>(r) * stride);
}

__attribute__((target("avx2,fma"))) float dot_avx2(const float* a, const float* b, int m) {
  __m256 s0 = _mm256_setzero_ps();
  __m256 s1 = _mm256_setzero_ps();
  int j = 0;
  for (; j + 16 <= m; j += 16) {
    s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + j), _mm256_loadu_ps(b + j), s0);
    s1 = _mm256_fmadd_ps(_mm256_loadu_ps(a + j + 8), _mm256_loadu_ps(b + j + 8), s1);
  }
  for (; j + 8 <= m; j += 8) s0 = _mm256_fmadd_ps(_mm256_loadu_ps(a + j), _mm256_loadu_ps(b + j), s0);
  s0 = _mm256_add_ps(s0, s1);
  __m128 q = _mm_add_ps(_mm256_castps256_ps128(s0), _mm256_extractf128_ps(s0, 1));
  q = _mm_add_ps(q, _mm_movehl_ps(q, q));
  q = _mm_add_ss(q, _mm_shuffle_ps(q, q, 1));
  float s = _mm_cvtss_f32(q);
  for (; j < m; ++j) s += a[j] * b[j];
  return s;
}

__attribute__((target("avx2,fma"))) void axpy_avx2(float a, const float* x, int m, float* y) {
  const __m256 av = _mm256_set1_ps(a);
  int j = 0;
  for (; j + 8 <= m; j += 8) {
    _mm256_storeu_ps(y + j, _mm256_fmadd_ps(av, _mm256_loadu_ps(x + j), _mm256_loadu_ps(y + j)));
  }
  for (; j < m; ++j) y[j] += a * x[j];
}

__attribute__((target("avx2,fma"))) void matvec_t_avx2(const float* W, int rows, int m,
                                                       const float* dy, float* dx) {
  for (int k = 0; k < rows; ++k) dx[k] += dot_avx2(W + static_cast<std::size_t>(k) * static_cast<std::size_t>(m), dy, m);
}

__attribute__((target("avx2,fma"))) void outer_avx2(const float* x, int rows, const float* dy,
                                                    int m, float* W) {
  for (int k = 0; k < rows; ++k) {
    if (x[k] == 0.0f) continue;
    axpy_avx2(x[k], dy, m, W + static_cast<std::size_t>(k) * static_cast<std::size_t>(m));
  }
}

bool have_avx2() {
  static const bool yes = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return yes;
}
#else
bool have_avx2() { return false; }
#endif

}  // namespace

void matvec(const float* x, int rows, const float* W, int m, float* y) {
#ifdef DYAD_NN_X86
  if (have_avx2()) return matvec_avx2(x, rows, W, m, y);
#endif
  matvec_portable(x, rows, W, m, y);
}

void matmat(const float* X, int n, int rows, const float* W, int m, float* Y) {
#ifdef DYAD_NN_X86
  if (have_avx2()) return matmat_avx2(X, n, rows, W, m, Y);
#endif
  for (int r = 0; r < n; ++r) {
    matvec_portable(X + static_cast<std::size_t>(r) * static_cast<std::size_t>(rows), rows, W, m,
                    Y + static_cast<std::size_t>(r) * static_cast<std::size_t>(m));
  }
}

void matvec_t(const float* W, int rows, int m, const float* dy, float* dx) {
#ifdef DYAD_NN_X86
  if (have_avx2()) return matvec_t_avx2(W, rows, m, dy, dx);
#endif
  matvec_t_portable(W, rows, m, dy, dx);
}

void outer(const float* x, int rows, const float* dy, int m, float* W) {
#ifdef DYAD_NN_X86
  if (have_avx2()) return outer_avx2(x, rows, dy, m, W);
#endif
  outer_portable(x, rows, dy, m, W);
}

float dot(const float* a, const float* b, int m) {
#ifdef DYAD_NN_X86
  if (have_avx2()) return dot_avx2(a, b, m);
#endif
  float s = 0;
  for (int j = 0; j < m; ++j) s += a[j] * b[j];
  return s;
}

void axpy(float a, const float* x, int m, float* y) {
#ifdef DYAD_NN_X86
  if (have_avx2()) return axpy_avx2(a, x, m, y);
#endif
  for (int j = 0; j < m; ++j) y[j] += a * x[j];
}

}  // namespace kernels

// ---- tensors ------------------------------------------------------------------------

void init_uniform(Tensor& t, std::mt19937_64& rng, float scale) {
  std::uniform_real_distribution<float> u(-scale, scale);
  for (float& x : t.v) x = u(rng);
}

void init_glorot(Tensor& t, std::mt19937_64& rng) {
  init_uniform(t, rng, std::sqrt(6.0f / static_cast<float>(t.rows + t.cols)));
}

void save_tensor(BinaryWriter& w, const Tensor& t) {
  w.put<std::int32_t>(t.rows);
  w.put<std::int32_t>(t.cols);
  float top = 0;
  for (float x : t.v) top = std::max(top, std::fabs(x));
  const float scale = top > 0 ? top / 32767.0f : 1.0f;
  std::vector<std::int16_t> q(t.v.size());
  for (std::size_t i = 0; i < q.size(); ++i) {
    q[i] = static_cast<std::int16_t>(std::lround(t.v[i] / scale));
  }
  w.put<float>(scale);
  w.put_vector(q);
}

bool load_tensor(BinaryReader& r, Tensor& t) {
  std::int32_t rows = 0;
  std::int32_t cols = 0;
  float scale = 0;
  std::vector<std::int16_t> q;
  if (!r.get(rows) || !r.get(cols) || !r.get(scale) || !r.get_vector(q)) return false;
  if (rows < 0 || cols < 0 || !std::isfinite(scale) ||
      q.size() != static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols)) {
    return false;
  }
  t.resize(rows, cols);
  for (std::size_t i = 0; i < q.size(); ++i) t.v[i] = static_cast<float>(q[i]) * scale;
  return true;
}

// ---- parameters, gradients, Adam ----------------------------------------------------

void Parameters::add(Tensor* t, bool sparse) {
  tensors_.push_back(t);
  sparse_.push_back(sparse);
}

std::size_t Parameters::weights() const {
  std::size_t n = 0;
  for (const Tensor* t : tensors_) n += t->size();
  return n;
}

Gradients::Gradients(const Parameters& p) {
  for (std::size_t i = 0; i < p.count(); ++i) {
    g_.emplace_back(p.at(i).rows, p.at(i).cols);
    sparse_.push_back(p.sparse(i));
    touched_.emplace_back();
    is_touched_.emplace_back(p.sparse(i) ? static_cast<std::size_t>(p.at(i).rows) : 0, 0);
  }
}

float* Gradients::sparse_row(std::size_t i, int r) {
  auto& seen = is_touched_[i][static_cast<std::size_t>(r)];
  if (seen == 0) {
    seen = 1;
    touched_[i].push_back(r);
  }
  return g_[i].row(r);
}

void Gradients::clear() {
  for (std::size_t i = 0; i < g_.size(); ++i) {
    if (!sparse_[i]) {
      g_[i].zero();
      continue;
    }
    for (int r : touched_[i]) {
      std::fill(g_[i].row(r), g_[i].row(r) + g_[i].cols, 0.0f);
      is_touched_[i][static_cast<std::size_t>(r)] = 0;
    }
    touched_[i].clear();
  }
}

void Gradients::add(const Gradients& other) {
  for (std::size_t i = 0; i < g_.size(); ++i) {
    if (!sparse_[i]) {
      kernels::axpy(1.0f, other.g_[i].v.data(), static_cast<int>(g_[i].size()), g_[i].v.data());
      continue;
    }
    for (int r : other.touched_[i]) {
      kernels::axpy(1.0f, other.g_[i].row(r), g_[i].cols, sparse_row(i, r));
    }
  }
}

double Gradients::squared_norm() const {
  double s = 0;
  auto add_row = [&s](const float* x, std::size_t n) {
    for (std::size_t j = 0; j < n; ++j) s += static_cast<double>(x[j]) * x[j];
  };
  for (std::size_t i = 0; i < g_.size(); ++i) {
    if (!sparse_[i]) {
      add_row(g_[i].v.data(), g_[i].size());
    } else {
      for (int r : touched_[i]) add_row(g_[i].row(r), static_cast<std::size_t>(g_[i].cols));
    }
  }
  return s;
}

void Gradients::scale(float s) {
  for (std::size_t i = 0; i < g_.size(); ++i) {
    if (!sparse_[i]) {
      for (float& x : g_[i].v) x *= s;
    } else {
      for (int r : touched_[i]) {
        float* x = g_[i].row(r);
        for (int j = 0; j < g_[i].cols; ++j) x[j] *= s;
      }
    }
  }
}

Adam::Adam(const Parameters& p, AdamOptions options) : o_(options) {
  for (std::size_t i = 0; i < p.count(); ++i) {
    m_.emplace_back(p.at(i).rows, p.at(i).cols);
    v_.emplace_back(p.at(i).rows, p.at(i).cols);
    row_steps_.emplace_back(p.sparse(i) ? static_cast<std::size_t>(p.at(i).rows) : 0, 0);
  }
}

void Adam::step(const Parameters& p, const Gradients& g, float rate) {
  ++t_;
  const float b1 = o_.beta1;
  const float b2 = o_.beta2;
  auto update = [&](float* w, float* m, float* v, const float* gr, int n, std::uint64_t t) {
    const float c1 = 1.0f - std::pow(b1, static_cast<float>(t));
    const float c2 = 1.0f - std::pow(b2, static_cast<float>(t));
    const float lr = rate * std::sqrt(c2) / c1;
    for (int j = 0; j < n; ++j) {
      m[j] = b1 * m[j] + (1 - b1) * gr[j];
      v[j] = b2 * v[j] + (1 - b2) * gr[j] * gr[j];
      w[j] -= lr * m[j] / (std::sqrt(v[j]) + o_.epsilon);
    }
  };
  for (std::size_t i = 0; i < p.count(); ++i) {
    Tensor& w = p.at(i);
    if (!g.sparse_[i]) {
      update(w.v.data(), m_[i].v.data(), v_[i].v.data(), g.g_[i].v.data(), static_cast<int>(w.size()), t_);
      continue;
    }
    // Lazy Adam: a row's moments move only when the row has a gradient.
    for (int r : g.touched_[i]) {
      const std::uint64_t t = ++row_steps_[i][static_cast<std::size_t>(r)];
      update(w.row(r), m_[i].row(r), v_[i].row(r), g.g_[i].row(r), w.cols, t);
    }
  }
}

// ---- layers -------------------------------------------------------------------------

void Linear::init(int in, int out, std::mt19937_64& rng) {
  W.resize(in, out);
  b.resize(1, out);
  init_glorot(W, rng);
}

void Linear::forward(const float* x, float* y) const {
  std::memcpy(y, b.v.data(), sizeof(float) * static_cast<std::size_t>(out()));
  kernels::matvec(x, in(), W.v.data(), out(), y);
}

void Linear::forward_rows(const Tensor& X, Tensor& Y) const {
  Y.resize(X.rows, out());
  for (int r = 0; r < X.rows; ++r) std::memcpy(Y.row(r), b.v.data(), sizeof(float) * static_cast<std::size_t>(out()));
  kernels::matmat(X.v.data(), X.rows, in(), W.v.data(), out(), Y.v.data());
}

void Linear::backward(const float* x, const float* dy, float* dx, Tensor& dW, Tensor& db) const {
  kernels::axpy(1.0f, dy, out(), db.v.data());
  kernels::outer(x, in(), dy, out(), dW.v.data());
  if (dx != nullptr) kernels::matvec_t(W.v.data(), in(), out(), dy, dx);
}

void Linear::save(BinaryWriter& w) const {
  save_tensor(w, W);
  save_tensor(w, b);
}

bool Linear::load(BinaryReader& r) {
  return load_tensor(r, W) && load_tensor(r, b) && b.rows == 1 && b.cols == W.cols;
}

void LstmDirection::init(int in, int hidden, std::mt19937_64& rng) {
  Wx.resize(in, 4 * hidden);
  Wh.resize(hidden, 4 * hidden);
  b.resize(1, 4 * hidden);
  init_glorot(Wx, rng);
  init_glorot(Wh, rng);
  // A forget gate open at the start lets gradients through long sentences early on.
  for (int j = hidden; j < 2 * hidden; ++j) b.v[static_cast<std::size_t>(j)] = 1.0f;
}

void LstmDirection::save(BinaryWriter& w) const {
  save_tensor(w, Wx);
  save_tensor(w, Wh);
  save_tensor(w, b);
}

bool LstmDirection::load(BinaryReader& r) {
  if (!load_tensor(r, Wx) || !load_tensor(r, Wh) || !load_tensor(r, b)) return false;
  return Wh.cols == 4 * Wh.rows && Wx.cols == Wh.cols && b.rows == 1 && b.cols == Wh.cols;
}

namespace {

inline float sigmoid(float x) { return 1.0f / (1.0f + fast_exp(-x)); }
inline float tanh_of(float x) { return 2.0f / (1.0f + fast_exp(-2.0f * x)) - 1.0f; }

#ifdef DYAD_NN_X86
// fast_exp on eight floats, operation for operation (no fused multiply-adds), so that its
// results are those of the scalar code bit for bit.
__attribute__((target("avx2,fma"))) __m256 exp8(__m256 x) {
  x = _mm256_min_ps(_mm256_set1_ps(88.0f), x);   // x > 88 ? 88 : x
  x = _mm256_max_ps(_mm256_set1_ps(-87.0f), x);  // x < -87 ? -87 : x
  const __m256 t = _mm256_add_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)), _mm256_set1_ps(0.5f));
  const __m256i truncated = _mm256_cvttps_epi32(t);
  const __m256 below = _mm256_cmp_ps(t, _mm256_cvtepi32_ps(truncated), _CMP_LT_OQ);
  const __m256i n = _mm256_add_epi32(truncated, _mm256_castps_si256(below));  // -1 where below
  const __m256 fn = _mm256_cvtepi32_ps(n);
  const __m256 r = _mm256_add_ps(_mm256_sub_ps(x, _mm256_mul_ps(fn, _mm256_set1_ps(0.693359375f))),
                                 _mm256_mul_ps(fn, _mm256_set1_ps(2.12194440e-4f)));
  __m256 p = _mm256_set1_ps(1.9875691500e-4f);
  for (const float c : {1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f}) {
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(c));
  }
  const __m256 e = _mm256_add_ps(_mm256_add_ps(_mm256_mul_ps(_mm256_mul_ps(p, r), r), r), _mm256_set1_ps(1.0f));
  const __m256 scale = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(n, _mm256_set1_epi32(127)), 23));
  return _mm256_mul_ps(e, scale);
}

__attribute__((target("avx2,fma"))) void sigmoid_avx2(float* x, int n) {
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 zero = _mm256_setzero_ps();
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m256 e = exp8(_mm256_sub_ps(zero, _mm256_loadu_ps(x + j)));
    _mm256_storeu_ps(x + j, _mm256_div_ps(one, _mm256_add_ps(one, e)));
  }
  for (; j < n; ++j) x[j] = sigmoid(x[j]);
}

__attribute__((target("avx2,fma"))) void tanh_avx2(const float* x, int n, float* y) {
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 two = _mm256_set1_ps(2.0f);
  const __m256 minus_two = _mm256_set1_ps(-2.0f);
  int j = 0;
  for (; j + 8 <= n; j += 8) {
    const __m256 e = exp8(_mm256_mul_ps(minus_two, _mm256_loadu_ps(x + j)));
    _mm256_storeu_ps(y + j, _mm256_sub_ps(_mm256_div_ps(two, _mm256_add_ps(one, e)), one));
  }
  for (; j < n; ++j) y[j] = tanh_of(x[j]);
}
#endif

void sigmoid_all(float* x, int n) {
#ifdef DYAD_NN_X86
  if (kernels::have_avx2()) return sigmoid_avx2(x, n);
#endif
  for (int j = 0; j < n; ++j) x[j] = sigmoid(x[j]);
}

void tanh_all(const float* x, int n, float* y) {
#ifdef DYAD_NN_X86
  if (kernels::have_avx2()) return tanh_avx2(x, n, y);
#endif
  for (int j = 0; j < n; ++j) y[j] = tanh_of(x[j]);
}

// The gates' nonlinearities over contiguous runs (sigmoid for i, f, o; tanh for g), in
// loops the compiler vectorises.
void gate_nonlinearities(float* G, int h) {
  sigmoid_all(G, 3 * h);
  float* g = G + 3 * static_cast<std::ptrdiff_t>(h);
  tanh_all(g, h, g);
}

}  // namespace

void lstm_forward(const LstmDirection& d, const Tensor& x, bool reversed, LstmTrace& tr) {
  const int T = x.rows;
  const int h = d.hidden();
  const int g4 = 4 * h;
  tr.gates.resize(T, g4);
  tr.c.resize(T, h);
  tr.tc.resize(T, h);
  tr.h.resize(T, h);
  // The input's share of every step at once (the same sums as one step at a time).
  for (int t = 0; t < T; ++t) std::memcpy(tr.gates.row(t), d.b.v.data(), sizeof(float) * static_cast<std::size_t>(g4));
  kernels::matmat(x.v.data(), T, d.in(), d.Wx.v.data(), g4, tr.gates.v.data());
  for (int s = 0; s < T; ++s) {
    const int t = reversed ? T - 1 - s : s;
    const int prev = reversed ? t + 1 : t - 1;
    float* G = tr.gates.row(t);
    if (s > 0) kernels::matvec(tr.h.row(prev), h, d.Wh.v.data(), g4, G);
    float* c = tr.c.row(t);
    float* tc = tr.tc.row(t);
    float* out = tr.h.row(t);
    const float* cp = s > 0 ? tr.c.row(prev) : nullptr;
    gate_nonlinearities(G, h);
    for (int j = 0; j < h; ++j) c[j] = G[j] * G[3 * h + j] + (cp != nullptr ? G[h + j] * cp[j] : 0.0f);
    tanh_all(c, h, tc);
    for (int j = 0; j < h; ++j) out[j] = G[2 * h + j] * tc[j];
  }
}

void lstm_backward(const LstmDirection& d, const Tensor& x, bool reversed, const LstmTrace& tr,
                   Tensor& dh, Tensor& dx, Tensor& dWx, Tensor& dWh, Tensor& db) {
  const int T = x.rows;
  const int h = d.hidden();
  const int g4 = 4 * h;
  std::vector<float> dG(static_cast<std::size_t>(g4));
  float* dg = dG.data();
  std::vector<float> dc_next(static_cast<std::size_t>(h), 0.0f);
  for (int s = T - 1; s >= 0; --s) {
    const int t = reversed ? T - 1 - s : s;
    const int prev = reversed ? t + 1 : t - 1;
    const float* G = tr.gates.row(t);
    const float* tc = tr.tc.row(t);
    const float* cp = s > 0 ? tr.c.row(prev) : nullptr;
    const float* dht = dh.row(t);
    for (int j = 0; j < h; ++j) {
      const float i = G[j];
      const float f = G[h + j];
      const float o = G[2 * h + j];
      const float g = G[3 * h + j];
      const float dout = dht[j];
      const float dc = dout * o * (1.0f - tc[j] * tc[j]) + dc_next[static_cast<std::size_t>(j)];
      const float cprev = cp != nullptr ? cp[j] : 0.0f;
      dc_next[static_cast<std::size_t>(j)] = dc * f;
      dg[j] = dc * g * i * (1.0f - i);
      dg[h + j] = dc * cprev * f * (1.0f - f);
      dg[2 * h + j] = dout * tc[j] * o * (1.0f - o);
      dg[3 * h + j] = dc * i * (1.0f - g * g);
    }
    kernels::axpy(1.0f, dG.data(), g4, db.v.data());
    kernels::outer(x.row(t), d.in(), dG.data(), g4, dWx.v.data());
    kernels::matvec_t(d.Wx.v.data(), d.in(), g4, dG.data(), dx.row(t));
    if (s > 0) {
      kernels::outer(tr.h.row(prev), h, dG.data(), g4, dWh.v.data());
      kernels::matvec_t(d.Wh.v.data(), h, g4, dG.data(), dh.row(prev));
    }
  }
}

float softmax(float* s, int n) {
  float top = s[0];
  for (int j = 1; j < n; ++j) top = std::max(top, s[j]);
  float sum = 0;
  for (int j = 0; j < n; ++j) {
    s[j] = fast_exp(s[j] - top);
    sum += s[j];
  }
  for (int j = 0; j < n; ++j) s[j] /= sum;
  return top + std::log(sum);
}

}  // namespace dyad::nlp::nn
