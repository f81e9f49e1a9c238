// Segmenter: sentences, tokens, words and byte offsets (rules alone, and the trained model).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "dyad/text.h"

namespace dyad {
using namespace std::string_literals;
namespace {

// Words of each sentence joined by spaces, sentences joined by " | ".
std::string render(const std::vector<Sentence>& sents) {
  std::string out;
  for (const Sentence& s : sents) {
    if (!out.empty()) out += " | ";
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (i > 0) out += ' ';
      out += s.tokens[i].form;
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* expected;
};

const Case kCases[] = {
    {"CARACAS, Dec 3 (Reuters) - Venezuela's government said on Tuesday it would not pay.",
     "CARACAS , Dec 3 ( Reuters ) - | Venezuela 's government said on Tuesday it would not pay ."},
    {"WASHINGTON -- The U.S. Senate voted. LONDON - not a dateline here.",
     "WASHINGTON -- | The U.S. Senate voted . | LONDON - not a dateline here ."},
    {"Rebels - and troops - clashed.", "Rebels - and troops - clashed ."},
    {"Gen. Smith met U.S. officials in Jan. 2020. They talked.",
     "Gen. Smith met U.S. officials in Jan. 2020 . | They talked ."},
    {"I don't know. We can't go, and they won't.",
     "I do n't know . | We ca n't go , and they wo n't ."},
    {"He said \"no.\" Then he left!", "He said \" no . \" | Then he left !"},
    {"It costs $1,000.50, up 3.5% at 5:30 p.m. today.",
     "It costs $ 1,000.50 , up 3.5 % at 5:30 p.m. today ."},
    {"See http://example.com/a?b=c. Or mail jo.smith@example.org, please.",
     "See http://example.com/a?b=c . | Or mail jo.smith@example.org , please ."},
    {"Al-Qaeda sent an e-mail about non-violent talks; call 713-853-3989.",
     "Al - Qaeda sent an e-mail about non-violent talks ; call 713-853-3989 ."},
    {"You cannot say that :)", "You can not say that :)"},
    {"Really?! Yes... maybe", "Really ?! | Yes ... maybe"},
    {"First paragraph without a stop\n\nSecond one", "First paragraph without a stop | Second one"},
    {"Caf\xC3\xA9 \xE2\x80\x9Cna\xC3\xAFve\xE2\x80\x9D talk.",
     "Caf\xC3\xA9 \xE2\x80\x9C na\xC3\xAFve \xE2\x80\x9D talk ."},
    {"", ""},
    {"   \n\t  ", ""},
};

TEST(Segmenter, RulesTable) {
  const Segmenter seg;
  for (const Case& c : kCases) {
    EXPECT_EQ(render(seg.segment(c.text)), c.expected) << "input: " << c.text;
  }
}

// Every span points at the bytes of its form (or the surface of its multi-word token),
// and sentence spans and texts agree.
TEST(Segmenter, SpansPointIntoTheText) {
  const Segmenter seg;
  const std::string text =
      "  WASHINGTON (AP) -- The U.S. didn't say.\n\nIt's Bush's plan, isn't it?  Yes.";
  const auto sents = seg.segment(text);
  ASSERT_EQ(sents.size(), 4u) << render(sents);
  for (std::size_t i = 0; i < sents.size(); ++i) {
    const Sentence& s = sents[i];
    EXPECT_EQ(s.index, i);
    EXPECT_EQ(s.text, text.substr(s.span.begin, s.span.size()));
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
      const Token& t = s.tokens[k];
      const std::string surface = text.substr(t.span.begin, t.span.size());
      const bool shared = (k > 0 && s.tokens[k - 1].span == t.span) ||
                          (k + 1 < s.tokens.size() && s.tokens[k + 1].span == t.span);
      if (shared) {
        EXPECT_NE(surface.find(t.form), std::string::npos) << t.form;
      } else {
        EXPECT_EQ(surface, t.form);
      }
      EXPECT_GE(t.span.begin, s.span.begin);
      EXPECT_LE(t.span.end, s.span.end);
    }
  }
  EXPECT_EQ(render(sents),
            "WASHINGTON ( AP ) -- | The U.S. did n't say . | It 's Bush 's plan , is n't it ? | Yes .");
  // SpaceAfter=No marks glued tokens; the words of "didn't" share one span.
  EXPECT_EQ(sents[0].tokens[1].misc, "SpaceAfter=No");  // "(" before "AP"
  EXPECT_EQ(sents[1].tokens[2].span, sents[1].tokens[3].span);
}

TEST(Segmenter, LineBreakOption) {
  SegmenterOptions options;
  options.line_breaks_end_sentences = true;
  const Segmenter seg(options);
  EXPECT_EQ(render(seg.segment("one line\ntwo line\r\nthree")), "one line | two line | three");
  EXPECT_EQ(render(Segmenter().segment("one line\ntwo line")), "one line two line");
}

TEST(Segmenter, BadInputNeverBreaksIt) {
  const Segmenter seg;
  // Malformed UTF-8 and control characters: forms are valid UTF-8, spans stay exact.
  const std::string bad = "ab\xFF\xFE" "cd \x01\x02 e\xC3 \xE2\x82 f\x00g."s;
  const auto sents = seg.segment(bad);
  ASSERT_FALSE(sents.empty());
  for (const Sentence& s : sents) {
    for (const Token& t : s.tokens) {
      EXPECT_LE(t.span.end, bad.size());
      EXPECT_EQ(t.form.find('\x01'), std::string::npos);
      EXPECT_EQ(t.form.find('\xFF'), std::string::npos);
    }
  }
  // A megabyte of words without punctuation: cut into bounded sentences.
  std::string words;
  while (words.size() < (1u << 20)) words += "word ";
  const auto long_sents = seg.segment(words);
  ASSERT_GT(long_sents.size(), 100u);
  for (const Sentence& s : long_sents) EXPECT_LE(s.tokens.size(), seg.options().max_sentence_words);
  // A megabyte without any break: cut into bounded tokens.
  const std::string blob(1u << 20, 'x');
  const auto blob_sents = seg.segment(blob);
  std::size_t covered = 0;
  for (const Sentence& s : blob_sents) {
    for (const Token& t : s.tokens) {
      EXPECT_LE(t.span.size(), seg.options().max_token_bytes);
      covered += t.span.size();
    }
  }
  EXPECT_EQ(covered, blob.size());
}

// The trained model keeps the behaviour the rules have on news text.
TEST(Segmenter, TrainedModelOnNewsText) {
  const std::string path = std::string(DYAD_SOURCE_DIR) + "/models/en_ewt/segmenter.bin";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no committed segmenter model at " << path;
  auto seg = Segmenter::load(path);
  ASSERT_TRUE(seg.ok()) << seg.error().to_string();
  EXPECT_TRUE(seg->trained());
  for (int i : {0, 1, 3, 4, 5, 7, 9}) {
    EXPECT_EQ(render(seg->segment(kCases[i].text)), kCases[i].expected) << kCases[i].text;
  }
  // Learnt from web text, the model would end a sentence inside a name of capitalised
  // words ("Kim Jong | Un said"); with no punctuation between them, it does not.
  for (const char* text : {"Kim Jong Un said on Thursday that talks were over.",
                           "Chinese Foreign Minister Wang Yi met his counterpart on Monday."}) {
    EXPECT_EQ(seg->segment(text).size(), 1u) << render(seg->segment(text));
  }
}

TEST(Segmenter, LoadErrors) {
  auto missing = Segmenter::load("/nonexistent/segmenter.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dyad
