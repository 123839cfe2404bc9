// Content tests of the built-in knowledge base's actor files (data/kb/actors-*.txt):
// organisations, armed and political groups, and office holders with tenure dates.
// The files are read from the source tree (not the embedded copy), so a data edit is
// tested without a rebuild of the library; the whole data/kb directory is loaded, as the
// built-in knowledge base is, so phrases of different files meet as they do in use.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "actors/actor_matcher.h"
#include "annalist/document.h"
#include "dict/kb_reader.h"
#include "segment/segment.h"
#include "test_util.h"

namespace annalist::dict {
namespace {

using annalist::testing::ReadFile;

const std::string kKbDir = std::string(ANNALIST_SOURCE_DIR) + "/data/kb";

// File names and texts of data/kb/*.txt in name order. `texts` owns the strings the
// KbText views point into.
struct KbFiles {
  std::vector<std::string> texts;
  std::vector<KbText> files;
};

const KbFiles& AllKbFiles() {
  static const KbFiles* files = [] {
    auto* out = new KbFiles;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(kKbDir)) {
      if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    out->texts.reserve(names.size());
    for (const std::string& name : names) out->texts.push_back(ReadFile(kKbDir + "/" + name));
    for (size_t i = 0; i < names.size(); ++i) out->files.push_back(KbText{names[i], out->texts[i]});
    return out;
  }();
  return *files;
}

const Dictionaries& Kb() {
  static const std::shared_ptr<const Dictionaries> dict = [] {
    std::vector<std::string> warnings;
    return LoadKb(AllKbFiles().files, &warnings);
  }();
  return *dict;
}

// Longest phrase of `trie` at the start of `text`; the first value, or -1.
int64_t FindFirst(const PhraseTrie& trie, const std::string& text, size_t* length = nullptr) {
  const Dictionaries& dict = Kb();
  Document doc;
  doc.text = text;
  Segment(&doc);
  if (doc.sentences.empty()) return -1;
  std::vector<WordId> words;
  LookupWords(dict.vocab, doc, doc.sentences[0], &words);
  const std::vector<uint32_t>* values = nullptr;
  size_t n = trie.LongestMatch(words.data(), words.size(), &values);
  if (length != nullptr) *length = n;
  if (n == 0) return -1;
  return values->front();
}

// Code of the actor phrase at the start of `text` for a story dated `date` (YYYYMMDD),
// "(none)" when no actor phrase starts there.
std::string Code(const std::string& text, int32_t date) {
  int64_t actor = FindFirst(Kb().actor_trie, text);
  if (actor < 0) return "(none)";
  return Kb().actors[actor].CodeFor(date);
}

// Canonical name of the actor phrase at the start of `text` ("(none)" if none).
std::string Canonical(const std::string& text) {
  int64_t actor = FindFirst(Kb().actor_trie, text);
  return actor < 0 ? "(none)" : Kb().actors[actor].canonical;
}

// Canonical name of the person a bare surname at the start of `text` may refer to.
std::string SurnameOf(const std::string& text) {
  int64_t actor = FindFirst(Kb().surname_trie, text);
  return actor < 0 ? "(none)" : Kb().actors[actor].canonical;
}

TEST(KbContent, FilesLoadAndCheckClean) {
  const KbFiles& kb = AllKbFiles();
  std::vector<std::string> warnings;
  auto dict = LoadKb(kb.files, &warnings);
  std::ostringstream joined;
  for (const std::string& w : warnings) joined << w << "\n";
  EXPECT_TRUE(warnings.empty()) << joined.str();

  std::vector<std::string> errors;
  std::vector<DictFormat> formats(kb.files.size(), DictFormat::kAuto);
  CheckDictionaryFiles(kb.files, formats, &errors);
  std::ostringstream all;
  for (const std::string& e : errors) all << e << "\n";
  EXPECT_TRUE(errors.empty()) << all.str();

  // Each actor file names its sources in its opening comment.
  for (const KbText& file : kb.files) {
    if (file.name.rfind("actors-", 0) != 0) continue;
    EXPECT_EQ(file.text.substr(0, 1), "#") << file.name;
    EXPECT_NE(file.text.substr(0, 1200).find("ource"), std::string_view::npos) << file.name;
  }
}

TEST(KbContent, ExampleStoryPeople) {
  // The founding example (Tehran, 2023-11-06): every spelling it uses is one person.
  const int32_t kStory = 20231106;
  for (const char* name : {"Ebrahim Raisi", "Ebrahim Raeisi", "President Raisi", "Seyed Ebrahim Raisi"}) {
    EXPECT_EQ(Canonical(std::string(name) + " said"), "Ebrahim Raisi") << name;
    EXPECT_EQ(Code(std::string(name) + " said", kStory), "IRNGOV") << name;
  }
  for (const char* name : {"Muhammed Shia Al-Sudani", "Mohammed Shia al-Sudani", "Mohammed Shia' al-Sudani",
                           "Muhammad Shia' al-Sudani", "Sia al-Soudani", "Mohammed Shia al-Soudani"}) {
    EXPECT_EQ(Canonical(std::string(name) + " said"), "Mohammed Shia al-Sudani") << name;
    EXPECT_EQ(Code(std::string(name) + " said", kStory), "IRQGOV") << name;
  }
  // Bare surnames resolve in context only: not actor phrases, but in the surname trie.
  for (const char* surname : {"Raisi", "Raeisi"}) {
    EXPECT_EQ(Code(std::string(surname) + " noted", kStory), "(none)") << surname;
    EXPECT_EQ(SurnameOf(std::string(surname) + " noted"), "Ebrahim Raisi") << surname;
  }
  for (const char* surname : {"Al-Sudani", "al-Soudani", "al-Sudani"}) {
    EXPECT_EQ(SurnameOf(std::string(surname) + " said"), "Mohammed Shia al-Sudani") << surname;
  }
  // Sudani is not Sudan.
  EXPECT_NE(Canonical("Sudan said"), "Mohammed Shia al-Sudani");
  // The MKO under all its names.
  for (const char* name : {"MKO", "MEK", "PMOI", "Mujahedin-e Khalq", "Mojahedin-e Khalq", "Mujahideen-e-Khalq",
                           "People's Mojahedin Organization of Iran", "MKO terrorists"}) {
    EXPECT_EQ(Code(std::string(name) + " attacked", kStory), "IRNREB") << name;
  }
}

TEST(KbContent, TenureDecidesTheOffice) {
  // Raisi: chief justice before the presidency, nothing after his death but the default.
  EXPECT_EQ(Code("Ebrahim Raisi said", 20200601), "IRNJUD");
  EXPECT_EQ(Code("Ebrahim Raisi said", 20240519), "IRNGOV");
  EXPECT_EQ(Code("Ebrahim Raisi said", 20240601), "IRNELI");
  EXPECT_EQ(Code("Masoud Pezeshkian said", 20240801), "IRNGOV");
  EXPECT_EQ(Code("Masoud Pezeshkian said", 20230101), "IRNELI");  // out of office
  EXPECT_EQ(Code("Masoud Pezeshkian said", 20180101), "IRNLEG");
  // Al-Sudani was a minister long before the premiership (the Phoenix file stops there).
  EXPECT_EQ(Code("Mohammed Shia al-Sudani said", 20120101), "IRQGOV");
  EXPECT_EQ(Code("Mohammed Shia al-Sudani said", 20221027), "IRQGOV");
  // Trump's two terms, and the years between them.
  EXPECT_EQ(Code("Donald Trump said", 20180101), "USAGOV");
  EXPECT_EQ(Code("Donald Trump said", 20230101), "USAELI");
  EXPECT_EQ(Code("Donald Trump said", 20250301), "USAGOV");
  EXPECT_EQ(Code("Joe Biden said", 20120101), "USAGOV");  // vice president
  // Putin: president, prime minister, president again.
  EXPECT_EQ(Code("Vladimir Putin said", 20050101), "RUSGOV");
  EXPECT_EQ(Code("Vladimir Putin said", 20100101), "RUSGOV");
  EXPECT_EQ(Code("Vladimir Putin said", 20200101), "RUSGOV");
  // Netanyahu out of office between June 2021 and December 2022.
  EXPECT_EQ(Code("Benjamin Netanyahu said", 20200101), "ISRGOV");
  EXPECT_EQ(Code("Benjamin Netanyahu said", 20220101), "ISRELI");
  EXPECT_EQ(Code("Benjamin Netanyahu said", 20240101), "ISRGOV");
  // Undated story: the latest role.
  EXPECT_EQ(Code("Recep Tayyip Erdogan said", 0), "TURGOV");
  EXPECT_EQ(Code("Recep Tayyip Erdoğan said", 20100101), "TURGOV");  // prime minister then
  // Transliteration and alias variants.
  EXPECT_EQ(Canonical("Volodymyr Zelensky said"), "Volodymyr Zelenskyy");
  EXPECT_EQ(Canonical("MBS said"), "Mohammed bin Salman");
  EXPECT_EQ(Canonical("Ayatollah Ali Khamenei said"), "Ali Khamenei");
  EXPECT_EQ(Canonical("Abu Mazen said"), "Mahmoud Abbas");
  EXPECT_EQ(SurnameOf("Netanyahu said"), "Benjamin Netanyahu");
  EXPECT_EQ(SurnameOf("Zelenskyy said"), "Volodymyr Zelenskyy");
}

TEST(KbContent, OrganisationsAndGroups) {
  const int32_t kDate = 20240101;
  const std::map<std::string, std::string> expected = {
      {"United Nations", "IGOUNO"},
      {"U.N. Security Council", "IGOUNO"},
      {"UNSC", "IGOUNO"},
      {"UNICEF", "IGOUNOKID"},
      {"UNHCR", "IGOUNOREFHCR"},
      {"World Health Organization", "IGOUNOHLHWHO"},
      {"IAEA", "IGOUNOIAE"},
      {"World Bank", "IGOUNODEVWBK"},
      {"International Monetary Fund", "IGOBUSIMF"},
      {"WTO", "IGOBUSWTO"},
      {"European Union", "IGOEUREEC"},
      {"NATO", "IGOWSTNAT"},
      {"African Union", "IGOAFRAFU"},
      {"Arab League", "IGOMEAARL"},
      {"OPEC", "IGOOPC"},
      {"ASEAN", "IGOSEAASN"},
      {"Gulf Cooperation Council", "IGOPGSGCC"},
      {"International Criminal Court", "IGOJUDICC"},
      {"International Court of Justice", "IGOUNOJUDICJ"},
      {"Interpol", "IGOCOPITP"},
      {"ICRC", "NGOHLHIRC"},
      {"Amnesty International", "NGOHRIAMN"},
      {"Human Rights Watch", "NGOHRIHRW"},
      {"Doctors Without Borders", "NGOHLHMSF"},
      {"Hamas", "PSEREB"},
      {"Palestinian Islamic Jihad", "PSEREB"},
      {"Hezbollah", "LBNREB"},
      {"Islamic State", "IMGMUSISI"},
      {"ISIL", "IMGMUSISI"},
      {"Daesh", "IMGMUSISI"},
      {"al-Qaeda", "IMGMUSALQ"},
      {"Taliban", "AFGREB"},
      {"al-Shabaab", "SOMREB"},
      {"Boko Haram", "NGAREB"},
      {"Houthis", "YEMREB"},
      {"Ansar Allah", "YEMREB"},
      {"PKK", "TURREB"},
      {"YPG", "SYRREBKUR"},
      {"Popular Mobilization Forces", "IRQMIL"},
      {"Hashd al-Shaabi", "IRQMIL"},
      {"Wagner Group", "RUSMIL"},
      {"FARC", "COLREB"},
      {"ELN", "COLREB"},
      {"Muslim Brotherhood", "EGYOPP"},
      {"Fatah", "PSEPTY"},
      {"PLO", "PSEGOV"},
      {"IRGC", "IRNMIL"},
  };
  for (const auto& [phrase, code] : expected) {
    EXPECT_EQ(Code(phrase + " said", kDate), code) << phrase;
  }
  // Ambiguous short forms are matched in capitals only.
  EXPECT_EQ(Code("who said", kDate), "(none)");
  EXPECT_EQ(FindFirst(Kb().actor_trie, "WHO said"), -1);
  EXPECT_GE(FindFirst(Kb().exact_actor_trie, "WHO said"), 0);
  EXPECT_GE(FindFirst(Kb().exact_actor_trie, "IS fighters"), 0);
  // Heads of organisations carry the organisation's code while in office.
  EXPECT_EQ(Code("Antonio Guterres said", 20200101), "IGOUNO");
  EXPECT_EQ(Code("Antonio Guterres said", 20100101), "IGOUNOREFHCR");
  EXPECT_EQ(Code("Mark Rutte said", 20200101), "NLDGOV");
  EXPECT_EQ(Code("Mark Rutte said", 20250101), "IGOWSTNAT");
}

// Every UN member state has at least one person in an office with an open end (the
// present holder as far as the files know), coded COUNTRY+GOV.
TEST(KbContent, PresentHoldersForEveryUnMember) {
  const std::string kMembers =
      "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR "
      "BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK DJI DMA DOM ECU "
      "EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND "
      "IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS "
      "MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN "
      "PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP "
      "SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE "
      "GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE";
  std::set<std::string> members;
  std::istringstream in(kMembers);
  for (std::string code; in >> code;) members.insert(code);
  ASSERT_EQ(members.size(), 193u);

  std::set<std::string> covered;
  size_t people = 0;
  for (const Actor& actor : Kb().actors) {
    if (actor.kind != dict::ActorKind::kPerson) continue;
    ++people;
    for (const DatedCode& role : actor.restricted) {
      if (role.kind == DatedCode::Kind::kFrom && role.code.size() == 6 && role.code.substr(3) == "GOV") {
        covered.insert(role.code.substr(0, 3));
      }
    }
  }
  std::string missing;
  for (const std::string& code : members) {
    if (covered.count(code) == 0) missing += code + " ";
  }
  EXPECT_TRUE(missing.empty()) << "no present office holder for: " << missing;
  EXPECT_GE(people, 500u);
}

// Sanity of every person record: roles in order of time make sense, and a person's
// aliases do not shadow a country or organisation name.
TEST(KbContent, PersonRolesAreSane) {
  for (const Actor& actor : Kb().actors) {
    if (actor.kind != dict::ActorKind::kPerson) continue;
    EXPECT_FALSE(actor.restricted.empty()) << actor.canonical << " has no role";
    for (const DatedCode& role : actor.restricted) {
      EXPECT_GE(role.date1, 19000101) << actor.canonical;
      EXPECT_LE(role.date1, 20270101) << actor.canonical << " starts in the future";
      if (role.kind == DatedCode::Kind::kBetween) {
        EXPECT_LE(role.date1, role.date2) << actor.canonical;
      }
      EXPECT_FALSE(role.office.empty()) << actor.canonical << " role without office words";
    }
  }
}

}  // namespace
}  // namespace annalist::dict
