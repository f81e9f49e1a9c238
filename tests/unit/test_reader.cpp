// Readers: every bad document is reported with where it happened, and the rest still read.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "dyad/reader.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dyad_reader_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    const auto p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  struct Outcome {
    std::vector<Document> docs;
    std::vector<Error> errors;
  };
  Outcome read(const std::string& path, ReadOptions options = {}) {
    Outcome out;
    Status s = read_path(path, options, [&](Result<Document> d) {
      if (d) {
        out.docs.push_back(std::move(d).value());
      } else {
        out.errors.push_back(d.error());
      }
    });
    if (!s) out.errors.push_back(s.error());
    return out;
  }

  fs::path dir_;
};

TEST_F(ReaderTest, JsonlBadLinesAreReportedAndSkipped) {
  const std::string path = write("a.jsonl",
                                 R"({"id":"one","date":"2026-01-05","title":"T","url":"https://example.org/1","text":"First."})"
                                 "\n"
                                 "{not json\n"
                                 "\n"
                                 R"({"id":"three","text":"Bad \u00e9 but fine"})"
                                 "\n"
                                 R"({"id":"four"})"
                                 "\n"
                                 "{\"id\":\"five\",\"text\":\"x\xFFy\"}\n"
                                 R"({"id":"six","date":"2026-02-30","text":"Bad date."})"
                                 "\n"
                                 R"({"id":7,"text":"Last."})");
  const auto out = read(path);
  ASSERT_EQ(out.docs.size(), 3u);
  EXPECT_EQ(out.docs[0].external_id, "one");
  EXPECT_EQ(out.docs[0].published.to_string(), "2026-01-05");
  EXPECT_EQ(out.docs[0].url, "https://example.org/1");
  EXPECT_EQ(out.docs[1].external_id, "three");
  EXPECT_EQ(out.docs[2].external_id, "7");
  ASSERT_EQ(out.errors.size(), 4u);
  EXPECT_EQ(out.errors[0].where, path + ":2");
  EXPECT_EQ(out.errors[0].code, ErrorCode::kParse);
  EXPECT_EQ(out.errors[1].where, path + ":5");
  EXPECT_NE(out.errors[1].message.find("text"), std::string::npos);
  EXPECT_EQ(out.errors[2].where, path + ":6");
  EXPECT_EQ(out.errors[2].code, ErrorCode::kEncoding);
  EXPECT_EQ(out.errors[3].where, path + ":7");
}

TEST_F(ReaderTest, TextFileIsOneDocumentDatedByItsDateline) {
  const std::string path = write("story.txt", "CARACAS, Dec 3 (Meridian Wire) - Talks began.\n");
  ReadOptions options;
  options.date = Date{2026, 1, 2};
  const auto out = read(path, options);
  ASSERT_EQ(out.docs.size(), 1u);
  EXPECT_EQ(out.docs[0].published.to_string(), "2025-12-03");
  EXPECT_EQ(out.docs[0].id, content_id(out.docs[0].text));

  const std::string undated = write("plain.txt", "Talks began.");
  const auto out2 = read(undated, options);
  ASSERT_EQ(out2.docs.size(), 1u);
  EXPECT_EQ(out2.docs[0].published.to_string(), "2026-01-02");
}

TEST_F(ReaderTest, FolderIsReadInPathOrderAndBadFilesDoNotStopIt) {
  write("b/2.txt", "Second.");
  write("a/1.txt", "First.");
  write("c.txt", "bad \xC3 byte");
  write(".hidden/x.txt", "Never read.");
  const auto out = read(dir_.string());
  ASSERT_EQ(out.docs.size(), 2u);
  EXPECT_EQ(out.docs[0].text, "First.");
  EXPECT_EQ(out.docs[1].text, "Second.");
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code, ErrorCode::kEncoding);
  EXPECT_NE(out.errors[0].where.find("c.txt"), std::string::npos);
}

std::string gzip(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, s.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = static_cast<uInt>(s.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST_F(ReaderTest, GzipIsReadAndTruncationIsAnError) {
  std::string body;
  for (int i = 0; i < 200; ++i) body += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"Text number " + std::to_string(i) + ".\"}\n";
  const std::string packed = gzip(body);
  const auto whole = read(write("ok.jsonl.gz", packed));
  EXPECT_EQ(whole.docs.size(), 200u);
  EXPECT_TRUE(whole.errors.empty());

  const auto cut = read(write("cut.jsonl.gz", packed.substr(0, packed.size() / 2)));
  EXPECT_TRUE(cut.docs.empty()) << "a truncated stream must not pass as a short file";
  ASSERT_EQ(cut.errors.size(), 1u);
  EXPECT_NE(cut.errors[0].message.find("gzip"), std::string::npos);
}

TEST_F(ReaderTest, OversizedDocumentIsRefused) {
  ReadOptions options;
  options.max_document_bytes = 10;
  const auto out = read(write("big.txt", std::string(11, 'a')), options);
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code, ErrorCode::kTooLarge);
}

TEST_F(ReaderTest, MissingPathIsAnError) {
  const auto out = read((dir_ / "nope").string());
  ASSERT_EQ(out.errors.size(), 1u);
  EXPECT_EQ(out.errors[0].code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dyad
