// The accurate parser: a graph-based dependency parser over a bidirectional LSTM
// (Kiperwasser & Goldberg 2016; Dozat & Manning 2017), small enough to train from scratch
// on a CPU in minutes and written on the toolkit in nlp/nn.h.
//
//   word, affixes, shape, tagger's tag ──► 2-layer BiLSTM ──► per word v_i
//     tags:   softmax over joint UPOS+XPOS from the first layer (an auxiliary task that
//             also corrects the tagger: "stack propagation", Zhang & Weiss 2016)
//     arcs:   s(j -> i) = a_i . U b_j + u . b_j with a_i, b_j ReLU projections of v_i, v_j
//             (biaffine), softmax over heads j, decoded as the best projective tree
//             (Eisner) with one word under the root
//     labels: an MLP over the dependent's and the head's projections
//
// It reads the tags the perceptron tagger gives (trained on jackknifed tags, so it has
// learnt how far to trust them) and needs no pretrained embeddings.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/sentence.h"
#include "nlp/model_io.h"
#include "nlp/nn.h"

namespace dyad::nlp {

struct NeuralParserDims {
  int word = 100;       // word embeddings (lowercased forms seen twice or more)
  int affix = 64;       // hashed prefix and suffix embeddings, summed
  int affix_bits = 15;  // log2 of the affix table's rows
  int shape = 16;
  int tag = 32;
  int hidden = 128;     // LSTM units per direction
  int layers = 2;
  int arc = 128;        // biaffine arc projections
  int label = 128;      // label MLP hidden units
};

struct NeuralParserModel {
  NeuralParserDims dims;
  std::unordered_map<std::string, int> words;  // lowercased form -> embedding row
  std::vector<std::string> tags;               // joint "UPOS\tXPOS", as the tagger's
  std::unordered_map<std::string, int> tag_ids;
  std::vector<std::string> deprels;
  int root_label = -1;

  nn::Tensor word_emb, affix_emb, shape_emb, tag_emb;
  std::vector<nn::LstmDirection> lstm;  // layer l: [2l] left to right, [2l+1] right to left
  nn::Linear tag_out;
  nn::Linear arc_dep, arc_head, arc_bilinear, arc_bias;
  nn::Linear label_dep, label_head, label_out;

  int input_width() const { return dims.word + dims.affix + dims.shape + dims.tag; }
  // Allocates and initialises every weight for the vocabularies already set.
  void init(std::uint64_t seed);
  // Registers every tensor (embedding tables first, as sparse) in a fixed order.
  void parameters(nn::Parameters& p);

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
};

inline constexpr std::string_view kNeuralParserKind = "neural-parser";
inline constexpr std::uint32_t kNeuralParserVersion = 1;

// Sets head and deprel of every token from its form and tags; with `retag`, also upos and
// xpos from the network's own tagging head.
void neural_parse_sentence(const NeuralParserModel& model, Sentence& sentence, bool retag);

struct NeuralParserTrainOptions {
  NeuralParserDims dims;
  int epochs = 15;
  int batch_sentences = 32;
  float rate = 2e-3f;
  float dropout = 0.25f;
  float word_dropout = 0.25f;  // alpha: a word seen c times is unknown with alpha/(alpha+c)
  float clip = 5.0f;
  int threads = 2;  // the batch is always cut into two halves, whatever the threads
  std::uint64_t seed = 20241203;
  std::function<void(std::string_view)> progress;
};

// `gold` holds the treebank's trees and tags (what is learnt); `tagged` the same
// sentences with the tags the tagger gives them (what the network reads, jackknifed).
// With `dev` (tags as the tagger gives them) and `dev_gold`, each epoch reports dev
// attachment scores.
std::shared_ptr<NeuralParserModel> train_neural_parser(const std::vector<Sentence>& gold,
                                                       const std::vector<Sentence>& tagged,
                                                       const NeuralParserTrainOptions& options,
                                                       const std::vector<Sentence>* dev = nullptr,
                                                       const std::vector<Sentence>* dev_gold = nullptr);

}  // namespace dyad::nlp
