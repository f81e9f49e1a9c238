// The `dyad` command as a user runs it: help, exit codes, data on stdout, errors on stderr.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.h"

namespace {

using dyad::testing::CliRun;
using dyad::testing::run_dyad;

TEST(Cli, HelpForEachSubcommand) {
  EXPECT_EQ(run_dyad("--help").status, 0);
  for (const char* sub : {"read"}) {
    const CliRun r = run_dyad(std::string(sub) + " --help");
    EXPECT_EQ(r.status, 0) << sub;
    EXPECT_NE(r.out.find("--format"), std::string::npos) << sub;
  }
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_dyad("").status, 2);
  EXPECT_EQ(run_dyad("no-such-command").status, 2);
  EXPECT_EQ(run_dyad("read --format nope /dev/null").status, 2);
  EXPECT_EQ(run_dyad("read --date 2026-99-01 /dev/null").status, 2);
}

TEST(Cli, ReadReportsBadDocumentsAndKeepsTheRest) {
  const auto dir = std::filesystem::temp_directory_path() / "dyad_cli_read";
  std::filesystem::create_directories(dir);
  const auto path = dir / "in.jsonl";
  std::ofstream(path) << R"({"id":"a","date":"2026-01-02","text":"One."})" << "\n"
                      << "broken line\n"
                      << R"({"id":"b","text":"Two."})" << "\n";
  const CliRun r = run_dyad("read " + path.string());
  EXPECT_EQ(r.status, 2) << "an input error is reported in the exit code";
  EXPECT_NE(r.out.find("\"external_id\":\"a\""), std::string::npos);
  EXPECT_NE(r.out.find("\"external_id\":\"b\""), std::string::npos);
  const CliRun merged = run_dyad("read " + path.string(), true);
  EXPECT_NE(merged.out.find("in.jsonl:2"), std::string::npos) << "errors say where";
  std::filesystem::remove_all(dir);
}

// `--accurate` codes raw text through the neural parser, and says so in the models version
// stamped on each event, so that a store re-codes what the other parser read.
TEST(Cli, CodeWithTheAccurateParserStampsItsModels) {
  // Named for the process: another checkout's tests may run at the same time.
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_cli_accurate_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "in.jsonl";
  std::ofstream(path) << R"({"id":"a","date":"2026-03-04","text":"The United States imposed sanctions on Venezuela."})"
                      << "\n";
  const CliRun fast = run_dyad("code " + path.string());
  const CliRun accurate = run_dyad("code --accurate " + path.string());
  ASSERT_EQ(fast.status, 0);
  ASSERT_EQ(accurate.status, 0);
  for (const CliRun* r : {&fast, &accurate}) {
    EXPECT_NE(r->out.find("\"code\":\"163\""), std::string::npos) << r->out;
    EXPECT_NE(r->out.find("\"code\":\"VEN\""), std::string::npos) << r->out;
  }
  EXPECT_NE(accurate.out.find("\"models\":\"en_ewt-accurate-"), std::string::npos) << accurate.out;
  EXPECT_EQ(fast.out.find("en_ewt-accurate-"), std::string::npos) << fast.out;
  std::filesystem::remove_all(dir);
}

}  // namespace
