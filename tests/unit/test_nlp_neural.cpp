// The neural toolkit (nlp/nn.h) and the accurate parser (nlp/neural_parser.h): kernels
// against plain loops, gradients against finite differences, and the parser on a toy
// treebank (learns it, survives its file, trains the same on one thread as on two).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "nlp/model_io.h"
#include "nlp/neural_parser.h"
#include "nlp/nn.h"
#include "test_nlp_data.h"

namespace dyad::nlp {
namespace {

using testing::toy_treebank;

using nn::Tensor;

Tensor random_tensor(int rows, int cols, std::mt19937_64& rng) {
  Tensor t(rows, cols);
  nn::init_uniform(t, rng, 1.0f);
  return t;
}

TEST(NnKernels, AgreeWithPlainLoops) {
  std::mt19937_64 rng(7);
  // Widths around the vector block sizes, so that the tails are exercised too.
  for (int m : {1, 7, 8, 31, 32, 37, 70}) {
    const int rows = 5;
    const Tensor W = random_tensor(rows, m, rng);
    const Tensor x = random_tensor(1, rows, rng);
    const Tensor dy = random_tensor(1, m, rng);
    std::vector<float> y(static_cast<std::size_t>(m), 0.5f);
    std::vector<float> want = y;
    nn::kernels::matvec(x.v.data(), rows, W.v.data(), m, y.data());
    for (int k = 0; k < rows; ++k) {
      for (int j = 0; j < m; ++j) want[static_cast<std::size_t>(j)] += x.v[static_cast<std::size_t>(k)] * W.row(k)[j];
    }
    for (int j = 0; j < m; ++j) EXPECT_NEAR(y[static_cast<std::size_t>(j)], want[static_cast<std::size_t>(j)], 1e-4f) << m;

    std::vector<float> dx(static_cast<std::size_t>(rows), 0.0f);
    nn::kernels::matvec_t(W.v.data(), rows, m, dy.v.data(), dx.data());
    for (int k = 0; k < rows; ++k) {
      double s = 0;
      for (int j = 0; j < m; ++j) s += W.row(k)[j] * dy.v[static_cast<std::size_t>(j)];
      EXPECT_NEAR(dx[static_cast<std::size_t>(k)], s, 1e-4) << m;
    }

    Tensor G = W;
    nn::kernels::outer(x.v.data(), rows, dy.v.data(), m, G.v.data());
    for (int k = 0; k < rows; ++k) {
      for (int j = 0; j < m; ++j) {
        EXPECT_NEAR(G.row(k)[j], W.row(k)[j] + x.v[static_cast<std::size_t>(k)] * dy.v[static_cast<std::size_t>(j)], 1e-5f);
      }
    }
  }
}

TEST(NnKernels, MatmatIsMatvecRowByRowBitForBit) {
  std::mt19937_64 rng(5);
  for (int m : {5, 8, 16, 37, 64, 512}) {
    for (int n : {1, 3, 4, 9}) {
      const int rows = 13;
      const Tensor W = random_tensor(rows, m, rng);
      const Tensor X = random_tensor(n, rows, rng);
      const Tensor Y0 = random_tensor(n, m, rng);
      Tensor a = Y0;
      Tensor b = Y0;
      nn::kernels::matmat(X.v.data(), n, rows, W.v.data(), m, a.v.data());
      for (int r = 0; r < n; ++r) nn::kernels::matvec(X.row(r), rows, W.v.data(), m, b.row(r));
      EXPECT_EQ(a.v, b.v) << n << " x " << m;
    }
  }
}

TEST(NnFastExp, IsCloseToLibm) {
  for (float x = -80.0f; x <= 80.0f; x += 0.37f) {
    const double want = std::exp(static_cast<double>(x));
    EXPECT_NEAR(nn::fast_exp(x) / want, 1.0, 1e-6) << x;
  }
  EXPECT_EQ(nn::fast_exp(0.0f), 1.0f);
  EXPECT_GE(nn::fast_exp(-1000.0f), 0.0f);
  EXPECT_LT(nn::fast_exp(-1000.0f), 1e-37f);
  EXPECT_TRUE(std::isfinite(nn::fast_exp(1000.0f)));
}

// loss = sum_t r_t . lstm(x)_t, for a fixed random r.
double lstm_loss(const nn::LstmDirection& d, const Tensor& x, bool reversed, const Tensor& r) {
  nn::LstmTrace tr;
  nn::lstm_forward(d, x, reversed, tr);
  double s = 0;
  for (std::size_t i = 0; i < tr.h.v.size(); ++i) s += static_cast<double>(tr.h.v[i]) * r.v[i];
  return s;
}

// Central differences on every weight of `t` (which the loss reads) against `grad`.
template <typename Loss>
void expect_gradient(Tensor& t, const Tensor& grad, Loss loss, const char* what) {
  const float eps = 1e-2f;
  for (std::size_t i = 0; i < t.v.size(); ++i) {
    const float keep = t.v[i];
    t.v[i] = keep + eps;
    const double up = loss();
    t.v[i] = keep - eps;
    const double down = loss();
    t.v[i] = keep;
    const double numeric = (up - down) / (2.0 * eps);
    EXPECT_NEAR(grad.v[i], numeric, 2e-3 + 2e-2 * std::fabs(numeric)) << what << " [" << i << "]";
  }
}

TEST(NnLstm, GradientsMatchFiniteDifferences) {
  for (bool reversed : {false, true}) {
    std::mt19937_64 rng(11);
    // Nine units: the gates' nonlinearities run both their eight-wide and scalar parts.
    nn::LstmDirection d;
    d.init(3, 9, rng);
    Tensor x = random_tensor(5, 3, rng);
    const Tensor r = random_tensor(5, 9, rng);
    nn::LstmTrace tr;
    nn::lstm_forward(d, x, reversed, tr);
    Tensor dh = r;
    Tensor dx(5, 3);
    Tensor dWx(d.Wx.rows, d.Wx.cols);
    Tensor dWh(d.Wh.rows, d.Wh.cols);
    Tensor db(1, d.b.cols);
    nn::lstm_backward(d, x, reversed, tr, dh, dx, dWx, dWh, db);
    auto loss = [&] { return lstm_loss(d, x, reversed, r); };
    expect_gradient(x, dx, loss, "x");
    expect_gradient(d.Wx, dWx, loss, "Wx");
    expect_gradient(d.Wh, dWh, loss, "Wh");
    expect_gradient(d.b, db, loss, "b");
  }
}

TEST(NnLinear, GradientsMatchFiniteDifferences) {
  std::mt19937_64 rng(3);
  nn::Linear layer;
  layer.init(6, 5, rng);
  nn::init_uniform(layer.b, rng, 0.5f);
  Tensor x = random_tensor(1, 6, rng);
  const Tensor r = random_tensor(1, 5, rng);
  auto loss = [&] {
    std::vector<float> y(5);
    layer.forward(x.v.data(), y.data());
    double s = 0;
    for (int j = 0; j < 5; ++j) s += static_cast<double>(y[static_cast<std::size_t>(j)]) * r.v[static_cast<std::size_t>(j)];
    return s;
  };
  Tensor dx(1, 6);
  Tensor dW(6, 5);
  Tensor db(1, 5);
  layer.backward(x.v.data(), r.v.data(), dx.v.data(), dW, db);
  expect_gradient(x, dx, loss, "x");
  expect_gradient(layer.W, dW, loss, "W");
  expect_gradient(layer.b, db, loss, "b");
}

TEST(NnAdam, SparseRowsOnlyMoveWhereTouched) {
  Tensor emb(4, 2);
  Tensor dense(1, 3);
  nn::Parameters p;
  p.add(&emb, true);
  p.add(&dense);
  nn::Gradients a(p);
  nn::Gradients b(p);
  a.sparse_row(0, 2)[0] = 1.0f;
  b.sparse_row(0, 2)[1] = -1.0f;
  b.at(1).v = {1.0f, 0.0f, -2.0f};
  a.add(b);
  EXPECT_DOUBLE_EQ(a.squared_norm(), 1.0 + 1.0 + 1.0 + 4.0);
  nn::Adam adam(p, {});
  adam.step(p, a, 0.1f);
  EXPECT_LT(emb.row(2)[0], 0.0f);  // against the gradient
  EXPECT_GT(emb.row(2)[1], 0.0f);
  for (int r : {0, 1, 3}) EXPECT_EQ(emb.row(r)[0], 0.0f) << r;
  EXPECT_LT(dense.v[0], 0.0f);
  EXPECT_EQ(dense.v[1], 0.0f);
  EXPECT_GT(dense.v[2], 0.0f);
  a.clear();
  EXPECT_DOUBLE_EQ(a.squared_norm(), 0.0);
}


NeuralParserTrainOptions toy_options(int threads) {
  NeuralParserTrainOptions o;
  o.dims.word = 8;
  o.dims.affix = 8;
  o.dims.affix_bits = 8;
  o.dims.shape = 4;
  o.dims.tag = 4;
  o.dims.hidden = 16;
  o.dims.arc = 32;
  o.dims.label = 8;
  o.epochs = 150;
  o.batch_sentences = 2;
  o.rate = 1e-2f;
  o.dropout = 0.0f;
  o.word_dropout = 0.0f;
  o.threads = threads;
  return o;
}

std::string model_bytes(const NeuralParserModel& m) {
  BinaryWriter w;
  m.save(w);
  return w.data();
}

TEST(NeuralParser, LearnsAToyTreebankAndSurvivesItsFile) {
  const std::vector<Sentence> train = toy_treebank();
  const auto model = train_neural_parser(train, train, toy_options(1));
  const std::string bytes = model_bytes(*model);
  NeuralParserModel back;
  BinaryReader r(bytes);
  ASSERT_TRUE(back.load(r));
  for (const Sentence& gold : train) {
    Sentence s = gold;
    for (Token& t : s.tokens) {
      t.head = -1;
      t.deprel.clear();
    }
    neural_parse_sentence(back, s, true);
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      EXPECT_EQ(s.tokens[i].head, gold.tokens[i].head) << gold.tokens[i].form;
      EXPECT_EQ(s.tokens[i].deprel, gold.tokens[i].deprel) << gold.tokens[i].form;
      EXPECT_EQ(s.tokens[i].xpos, gold.tokens[i].xpos) << gold.tokens[i].form;
    }
  }
  // A truncated payload is refused, not read past its end.
  for (std::size_t cut : {std::size_t{0}, std::size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    NeuralParserModel bad;
    BinaryReader rr(std::string_view(bytes).substr(0, cut));
    EXPECT_FALSE(bad.load(rr)) << cut;
  }
}

TEST(NeuralParser, TrainsTheSameOnOneThreadAsOnTwo) {
  const std::vector<Sentence> train = toy_treebank();
  NeuralParserTrainOptions one = toy_options(1);
  NeuralParserTrainOptions two = toy_options(2);
  one.epochs = two.epochs = 3;
  EXPECT_EQ(model_bytes(*train_neural_parser(train, train, one)),
            model_bytes(*train_neural_parser(train, train, two)));
}

TEST(NeuralParser, EveryTreeIsATreeWithOneRoot) {
  const std::vector<Sentence> train = toy_treebank();
  NeuralParserTrainOptions o = toy_options(1);
  o.epochs = 2;  // a poor model still gives trees
  const auto model = train_neural_parser(train, train, o);
  Sentence s;
  for (const char* w : {"Unknown", "words", "and", "more", "unknown", "words", "!"}) {
    Token t;
    t.form = w;
    t.upos = "X";
    t.xpos = "FW";
    s.tokens.push_back(t);
  }
  neural_parse_sentence(*model, s, false);
  int roots = 0;
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    const int h = s.tokens[i].head;
    ASSERT_GE(h, 0);
    ASSERT_LE(h, static_cast<int>(s.tokens.size()));
    roots += h == 0 ? 1 : 0;
    EXPECT_EQ(h == 0, s.tokens[i].deprel == "root");
    // Following heads from any word reaches the root without a cycle.
    int k = static_cast<int>(i) + 1;
    for (std::size_t steps = 0; k != 0 && steps <= s.tokens.size(); ++steps) {
      k = s.tokens[static_cast<std::size_t>(k - 1)].head;
    }
    EXPECT_EQ(k, 0);
  }
  EXPECT_EQ(roots, 1);
  EXPECT_EQ(s.tokens[0].xpos, "FW");  // no retagging asked for
}

}  // namespace
}  // namespace dyad::nlp
