// The current-actor dictionaries in data/dictionaries/current: they load without issues,
// no name belongs to two entries, every open range is marked for verification, and a
// table of (name, report date) cases codes as the offices held on that date.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/lexicon.h"

namespace dyad {
namespace {

const char* const kFiles[] = {"leaders_g20.txt", "leaders_other.txt", "armed_groups.txt"};

std::string current_dir() { return std::string(DYAD_SOURCE_DIR) + "/data/dictionaries/current/"; }

// The three files loaded once into one lexicon, as dyad would load them together.
const Lexicon& current_lexicon() {
  static const Lexicon lexicon = [] {
    Lexicon lex;
    for (const char* file : kFiles) {
      const Status s = read_actor_file(current_dir() + file, lex, LoadOptions{});
      EXPECT_TRUE(s.ok()) << file << ": " << s.error().to_string();
    }
    return lex;
  }();
  return lexicon;
}

// "President Trump" -> {"PRESIDENT", "TRUMP"}: words split at spaces, upper-cased.
std::vector<std::string> upper_words(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.push_back(upper(w));
  return out;
}

// The entry whose phrase covers exactly `words`; null when none does. With several
// (which the uniqueness test forbids) the first found is returned.
const ActorEntry* find_actor(const Lexicon& lex, const std::vector<std::string>& words) {
  if (words.empty()) return nullptr;
  std::vector<const PhraseRef*> cands;
  lex.actor_phrases.candidates(words.front(), cands);
  for (const PhraseRef* ref : cands) {
    if (ref->phrase.size() != words.size()) continue;
    bool all = true;
    for (std::size_t k = 0; k < words.size() && all; ++k) all = word_matches(ref->phrase[k], words[k]);
    if (all) return &lex.actors[ref->entry];
  }
  return nullptr;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return std::string(s);
}

// The lines of a file, for the checks that look at names and comments.
std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(CurrentActors, LoadWithoutIssues) {
  const Lexicon& lex = current_lexicon();
  for (const auto& issue : lex.issues) ADD_FAILURE() << issue.where << ": " << issue.message;
  EXPECT_TRUE(lex.issues.empty());
  EXPECT_GE(lex.actors.size(), 600u);
  EXPECT_GE(lex.actor_phrases.size(), 1800u);
  for (const auto& entry : lex.actors) EXPECT_FALSE(entry.codes.empty()) << entry.where;
}

// Strict mode too: a broken line would stop the load.
TEST(CurrentActors, LoadInStrictMode) {
  for (const char* file : kFiles) {
    Lexicon lex;
    LoadOptions strict;
    strict.strict = true;
    const Status s = read_actor_file(current_dir() + file, lex, strict);
    EXPECT_TRUE(s.ok()) << file << ": " << s.error().to_string();
  }
}

// One person or group is one entry: a name shared by two entries would make the coder
// pick one of them arbitrarily.
TEST(CurrentActors, NoNameBelongsToTwoEntries) {
  const Lexicon& lex = current_lexicon();
  std::size_t names = 0;
  for (const char* file : kFiles) {
    const auto lines = file_lines(current_dir() + file);
    ASSERT_FALSE(lines.empty()) << file;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string line = lines[i];
      if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
      line = trim(line);
      if (line.empty() || line.front() == '[') continue;
      if (line.front() == '+') line.erase(0, 1);
      const Phrase phrase = parse_phrase(line);
      ASSERT_FALSE(phrase.empty()) << file << ":" << i + 1;
      ++names;
      std::vector<const PhraseRef*> cands;
      lex.actor_phrases.candidates(phrase.front().text, cands);
      std::set<std::size_t> entries;
      for (const PhraseRef* ref : cands) {
        if (ref->phrase.size() != phrase.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < phrase.size() && same; ++k) {
          same = ref->phrase[k].text == phrase[k].text && ref->phrase[k].stem == phrase[k].stem;
        }
        if (same) entries.insert(ref->entry);
      }
      EXPECT_EQ(entries.size(), 1u) << file << ":" << i + 1 << " \"" << line << "\" names "
                                    << entries.size() << " entries";
      // Every name is written as whole words: no stem matching "TRUMP" in "TRUMPET".
      for (const auto& w : phrase) EXPECT_FALSE(w.stem) << file << ":" << i + 1 << " " << line;
    }
  }
  EXPECT_GE(names, 1800u);
}

// The knowledge cut-off: every open-ended range ("[XXXGOV >YYYYMMDD]") is the last status
// we know and must carry a "# verify" comment.
TEST(CurrentActors, OpenRangesAreMarkedForVerification) {
  std::size_t open = 0;
  for (const char* file : kFiles) {
    const auto lines = file_lines(current_dir() + file);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string& line = lines[i];
      const auto hash = line.find('#');
      const std::string code = line.substr(0, hash);
      const auto open_at = code.find('[');
      if (open_at == std::string::npos || code.find('>', open_at) == std::string::npos) continue;
      ++open;
      EXPECT_TRUE(hash != std::string::npos && line.find("verify", hash) != std::string::npos)
          << file << ":" << i + 1 << ": open range without \"# verify\"";
    }
  }
  EXPECT_GE(open, 150u);
}

TEST(CurrentActors, CodesFollowTheOfficesHeldOnTheReportDate) {
  struct Case {
    const char* name;
    const char* date;
    const char* code;
  };
  const Case cases[] = {
      // United States: presidents, the secretaries of state and defence.
      {"Donald Trump", "2026-03-01", "USAGOV"},
      {"President Trump", "2019-06-01", "USAGOV"},
      {"Trump", "2023-01-01", "USAELI"},
      {"Barack Obama", "2019-06-01", "USAELI"},
      {"Obama", "2012-06-01", "USAGOV"},
      {"Joe Biden", "2015-06-01", "USAGOV"},  // vice president
      {"Joe Biden", "2025-06-01", "USAELI"},
      {"Marco Rubio", "2020-01-01", "USALEG"},
      {"Marco Rubio", "2026-02-01", "USAGOV"},
      {"Pete Hegseth", "2026-05-14", "USAGOV"},
      {"Jim Mattis", "2012-01-01", "USAMIL"},
      {"Jim Mattis", "2018-06-01", "USAGOV"},
      {"Mike Pompeo", "2017-06-01", "USASPY"},
      // Venezuela.
      {"Nicolas Maduro", "2020-01-01", "VENGOV"},
      {"Maduro", "2026-03-01", "VENELI"},
      {"Delcy Rodriguez", "2026-03-01", "VENGOV"},
      {"Vladimir Padrino Lopez", "2026-06-10", "VENMIL"},
      {"Juan Guaido", "2020-01-01", "VENOPP"},
      {"Diosdado Cabello", "2014-01-01", "VENLEG"},
      // Colombia, Brazil, Mexico, Cuba, Peru.
      {"Gustavo Petro", "2020-01-01", "COLOPP"},
      {"President Petro", "2024-01-01", "COLGOV"},
      {"Gustavo Petro", "2026-11-25", "COLELI"},
      {"Lula", "2015-06-01", "BRAELI"},
      {"Lula", "2026-05-12", "BRAGOV"},
      {"Claudia Sheinbaum", "2026-07-28", "MEXGOV"},
      {"Andres Manuel Lopez Obrador", "2010-01-01", "MEXOPP"},
      {"Miguel Diaz-Canel", "2026-09-18", "CUBGOV"},
      {"Jose Jeri", "2026-04-27", "PERGOV"},
      {"Dina Boluarte", "2026-04-27", "PERELI"},
      // Europe and the EU.
      {"Keir Starmer", "2022-01-01", "GBROPP"},
      {"Keir Starmer", "2026-01-01", "GBRGOV"},
      {"Rishi Sunak", "2024-09-01", "GBROPP"},
      {"Friedrich Merz", "2026-02-24", "DEUGOV"},
      {"Ursula von der Leyen", "2018-06-01", "DEUGOV"},
      {"Ursula von der Leyen", "2026-05-04", "IGOEUREEC"},
      {"Kaja Kallas", "2023-01-01", "ESTGOV"},
      {"Kaja Kallas", "2026-05-04", "IGOEUREEC"},
      {"Mahmoud Ali Youssouf", "2026-03-01", "IGOAFRAFU"},
      {"Vladimir Putin", "2026-06-24", "RUSGOV"},
      {"Dmitry Medvedev", "2010-01-01", "RUSGOV"},
      {"Volodymyr Zelensky", "2026-02-26", "UKRGOV"},
      {"Zelenskyy", "2018-01-01", "UKRELI"},
      {"Valerii Zaluzhnyi", "2023-01-01", "UKRMIL"},
      // Asia.
      {"Xi Jinping", "2026-05-12", "CHNGOV"},
      {"Dong Jun", "2024-06-01", "CHNMIL"},
      {"Shinzo Abe", "2015-01-01", "JPNGOV"},
      {"Sanae Takaichi", "2026-06-16", "JPNGOV"},
      {"Shigeru Ishiba", "2026-06-16", "JPNELI"},
      {"Lee Jae-myung", "2023-01-01", "KOROPP"},
      {"Lee Jae-myung", "2026-04-14", "KORGOV"},
      {"Yoon Suk Yeol", "2023-01-01", "KORGOV"},
      {"Narendra Modi", "2026-02-10", "INDGOV"},
      {"Shehbaz Sharif", "2021-01-01", "PAKOPP"},
      {"Shehbaz Sharif", "2026-05-06", "PAKGOV"},
      {"Imran Khan", "2026-10-27", "PAKOPP"},
      {"Asim Munir", "2026-02-11", "PAKMIL"},
      // Middle East and Africa.
      {"Benjamin Netanyahu", "2022-01-01", "ISROPP"},
      {"Netanyahu", "2026-09-14", "ISRGOV"},
      {"Joseph Aoun", "2020-01-01", "LBNMIL"},
      {"Joseph Aoun", "2026-09-14", "LBNGOV"},
      {"Abbas Araghchi", "2026-08-05", "IRNGOV"},
      {"Ahmed al-Sharaa", "2020-01-01", "SYRREBMUS"},
      {"Ahmed al-Sharaa", "2025-06-01", "SYRGOV"},
      {"Mohammed bin Salman", "2026-05-08", "SAUGOV"},
      {"Abiy Ahmed", "2026-03-02", "ETHGOV"},
      {"Isaias Afwerki", "2026-03-03", "ERIGOV"},
      {"William Ruto", "2015-01-01", "KENGOV"},  // deputy president
      {"Ruto", "2026-03-19", "KENGOV"},
      {"Cyril Ramaphosa", "2026-01-01", "ZAFGOV"},
      {"Abdel Fattah al-Burhan", "2026-03-30", "SDNGOV"},
      // Armed groups whose status changed.
      {"Taliban", "1998-01-01", "AFGGOV"},
      {"Taliban", "2020-01-01", "AFGREB"},
      {"The Taliban", "2022-01-01", "AFGGOV"},
      {"Hibatullah Akhundzada", "2019-01-01", "AFGREB"},
      {"Hibatullah Akhundzada", "2024-01-01", "AFGGOV"},
      {"Hay'at Tahrir al-Sham", "2023-01-01", "SYRREBMUS"},
      {"HTS", "2025-03-01", "SYRGOV"},
      {"Rapid Support Forces", "2020-01-01", "SDNMIL"},
      {"Rapid Support Forces", "2026-03-30", "SDNREB"},
      {"Hemedti", "2021-01-01", "SDNGOV"},
      {"Wagner Group", "2022-06-01", "RUSUAF"},
      {"Wagner Group", "2023-06-24", "RUSREB"},
      {"FARC", "2010-01-01", "COLREB"},
      {"Ivan Marquez", "2018-01-01", "COLOPP"},
      {"Ivan Marquez", "2020-01-01", "COLREB"},
      // Armed groups with one status.
      {"Islamic State", "2016-01-01", "IMGMUSISI"},
      {"ISIS", "2026-01-01", "IMGMUSISI"},
      {"al Qaeda", "2019-01-01", "IMGMUSALQ"},
      {"Qaeda", "2019-01-01", "IMGMUSALQ"},
      {"AQAP", "2019-01-01", "YEMREBMUS"},
      {"JNIM", "2024-01-01", "MLIREBMUS"},
      {"Shabaab", "2026-03-06", "SOMREBMUS"},
      {"ISWAP", "2024-01-01", "NGAREBMUS"},
      {"Houthis", "2024-01-01", "YEMREB"},
      {"Hezbollah", "2026-09-14", "LBNREB"},
      {"Hamas", "2024-01-01", "PSEREBHMS"},
      {"Pakistani Taliban", "2024-01-01", "PAKREBMUS"},
      {"M23", "2025-02-01", "CODREB"},
      {"ELN", "2026-05-29", "COLREB"},
      {"Tren de Aragua", "2026-02-09", "VENCRM"},
  };
  const Lexicon& lex = current_lexicon();
  for (const auto& c : cases) {
    const auto date = parse_date(c.date);
    ASSERT_TRUE(date) << c.date;
    const ActorEntry* entry = find_actor(lex, upper_words(c.name));
    ASSERT_NE(entry, nullptr) << "no entry for \"" << c.name << "\"";
    EXPECT_EQ(entry->code_on(*date), c.code) << c.name << " on " << c.date << " (" << entry->where << ")";
  }
}

// With no report date the undated default applies: a person out of office is an elite.
TEST(CurrentActors, UnknownDateTakesTheDefault) {
  const Lexicon& lex = current_lexicon();
  const std::map<std::string, std::string> cases = {
      {"Barack Obama", "USAELI"}, {"Nicolas Maduro", "VENELI"}, {"Imran Khan", "PAKOPP"},
      {"Hezbollah", "LBNREB"},    {"Hay'at Tahrir al-Sham", "SYRREBMUS"},
  };
  for (const auto& [name, code] : cases) {
    const ActorEntry* entry = find_actor(lex, upper_words(name));
    ASSERT_NE(entry, nullptr) << name;
    EXPECT_EQ(entry->code_on(Date{}), code) << name;
  }
}

}  // namespace
}  // namespace dyad
