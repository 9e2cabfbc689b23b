// The module boundaries, read from the source tree: a module's SQL names only its own tables
// (and the platform's), only routes and the request authenticator speak HTTP, and no module but
// accounts knows the session's user (which carries secrets). A change that crosses a boundary
// fails here with the file and the table it names.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const fs::path kSource = fs::path(VIGIE_SOURCE_DIR) / "src";

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// "accounts" for src/modules/accounts/..., "" for the platform.
std::string module_of(const fs::path& p) {
  const auto rel = fs::relative(p, kSource);
  auto it = rel.begin();
  if (it == rel.end() || *it != "modules") return "";
  ++it;
  return it == rel.end() ? "" : it->string();
}

// Every table created by a migration, with the module that owns it ("" for the platform).
std::map<std::string, std::string> table_owners() {
  std::map<std::string, std::string> owners;
  static const std::regex create(R"(CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_][a-z0-9_]*))",
                                 std::regex::icase);
  for (const auto& e : fs::recursive_directory_iterator(kSource)) {
    if (e.path().extension() != ".sql") continue;
    const auto text = read(e.path());
    for (std::sregex_iterator m(text.begin(), text.end(), create), end; m != end; ++m)
      owners[(*m)[1]] = module_of(e.path());
  }
  return owners;
}

std::vector<fs::path> module_sources() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(kSource / "modules"))
    if (e.path().extension() == ".cpp" || e.path().extension() == ".hpp") out.push_back(e.path());
  return out;
}

}  // namespace

TEST(ModuleBoundaries, TheMigrationsDeclareTheTablesOfEachModule) {
  const auto owners = table_owners();
  // The reading itself must work, or the tests below would pass on nothing.
  ASSERT_EQ(owners.at("users"), "accounts");
  ASSERT_EQ(owners.at("organisations"), "accounts");
  ASSERT_EQ(owners.at("plan_actions"), "plan");
  ASSERT_EQ(owners.at("audit_log"), "");
}

TEST(ModuleBoundaries, NoModuleSqlNamesAnotherModulesTable) {
  const auto owners = table_owners();
  std::vector<std::string> crossings;
  for (const auto& file : module_sources()) {
    const auto mine = module_of(file);
    const auto text = read(file);
    for (const auto& [table, owner] : owners) {
      if (owner.empty() || owner == mine) continue;
      const std::regex use("\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+" + table + "\\b",
                           std::regex::icase);
      if (std::regex_search(text, use))
        crossings.push_back(fs::relative(file, kSource).string() + " names " + owner + "'s " +
                            table);
    }
  }
  EXPECT_EQ(crossings, std::vector<std::string>{});
}

TEST(ModuleBoundaries, OnlyRoutesAndTheRequestAuthenticatorIncludeHttp) {
  std::vector<std::string> offenders;
  static const std::regex allowed(R"((routes|_routes|authenticator|route_gate)\.(cpp|hpp)$)");
  for (const auto& file : module_sources()) {
    const auto name = file.filename().string();
    if (std::regex_search(name, allowed)) continue;
    if (read(file).find("#include \"http/") != std::string::npos)
      offenders.push_back(fs::relative(file, kSource).string());
  }
  EXPECT_EQ(offenders, std::vector<std::string>{});
}

TEST(ModuleBoundaries, OnlyAccountsKnowsTheSessionsUser) {
  std::vector<std::string> offenders;
  for (const auto& file : module_sources())
    if (module_of(file) != "accounts" && read(file).find("SessionUser") != std::string::npos)
      offenders.push_back(fs::relative(file, kSource).string());
  EXPECT_EQ(offenders, std::vector<std::string>{});
}
