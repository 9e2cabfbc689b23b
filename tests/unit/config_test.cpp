#include "app/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using vigie::app::Config;
using vigie::app::ConfigError;
using vigie::app::ListenAddress;

namespace {
std::filesystem::path write_toml(const std::string& text) {
  static int n = 0;
  auto p = std::filesystem::temp_directory_path() /
           ("vigie-config-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".toml");
  std::ofstream(p) << text;
  return p;
}

std::string error_of(const std::string& text) {
  Config c;
  try {
    vigie::app::load_toml_file(write_toml(text), c);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(Config, ReadsEverySection) {
  Config c;
  vigie::app::load_toml_file(write_toml(R"(
[server]
listen = "0.0.0.0:9000"
io_threads = 3
hsts = true
[database]
url = "postgresql://app:app@127.0.0.1:5432/app"
pool_size = 16
[storage]
data_dir = "/srv/vigie"
)"),
                             c);
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.io_threads, 3);
  EXPECT_TRUE(c.hsts);
  EXPECT_EQ(c.db_pool_size, 16);
  EXPECT_EQ(c.effective_db_url(), "postgresql://app:app@127.0.0.1:5432/app");
  EXPECT_EQ(c.data_dir, "/srv/vigie");
}

TEST(Config, DefaultDatabaseLivesInTheDataDirectory) {
  Config c;
  c.data_dir = "/tmp/x";
  EXPECT_EQ(c.effective_db_url(), "sqlite:/tmp/x/vigie.db");
}

TEST(Config, UnknownKeyIsNamedWithItsLineAndTheKnownKeys) {
  auto e = error_of("[server]\nlisen = \"127.0.0.1:1\"\n");
  EXPECT_NE(e.find(":2: unknown key server.lisen"), std::string::npos) << e;
  EXPECT_NE(e.find("listen"), std::string::npos) << e;
}

TEST(Config, WrongTypeSaysWhatIsExpected) {
  auto e = error_of("[server]\nio_threads = \"two\"\n");
  EXPECT_NE(e.find("server.io_threads must be an integer"), std::string::npos) << e;
}

TEST(Config, OutOfRangeSaysTheRange) {
  auto e = error_of("[database]\npool_size = 0\n");
  EXPECT_NE(e.find("database.pool_size must be between 1 and 256"), std::string::npos) << e;
}

TEST(Config, UnknownSectionIsRejected) {
  EXPECT_NE(error_of("[serveur]\n").find("unknown section [serveur]"), std::string::npos);
}

TEST(Config, InvalidTomlIsRejectedWithTheLine) {
  EXPECT_NE(error_of("[server\n").find("not valid TOML"), std::string::npos);
}

TEST(Config, ListenAddressForms) {
  EXPECT_EQ(ListenAddress::parse("127.0.0.1:8080", "l").port, 8080);
  EXPECT_EQ(ListenAddress::parse("[::1]:0", "l").host, "::1");
  EXPECT_EQ(ListenAddress::parse("localhost:1", "l").host, "127.0.0.1");
  EXPECT_THROW(ListenAddress::parse("127.0.0.1", "l"), ConfigError);
  EXPECT_THROW(ListenAddress::parse("127.0.0.1:99999", "l"), ConfigError);
  EXPECT_THROW(ListenAddress::parse("127.0.0.1:http", "l"), ConfigError);
}

TEST(Config, SaisineDeadlinesDefaultToTheIssueAndCanBeSet) {
  Config defaults;
  EXPECT_EQ(defaults.saisine_triage_days, 10);
  EXPECT_EQ(defaults.saisine_answer_days, 30);
  Config c;
  vigie::app::load_toml_file(
      write_toml("[saisines]\ntriage_days = 7\nanswer_days = 45\nescalation_days = 20\n"), c);
  EXPECT_EQ(c.saisine_triage_days, 7);
  EXPECT_EQ(c.saisine_answer_days, 45);
  EXPECT_EQ(c.saisine_escalation_days, 20);
  EXPECT_NE(error_of("[saisines]\ntriage_days = 0\n")
                .find("saisines.triage_days must be between 1 and 365"),
            std::string::npos);
}

namespace {
// The TOML block of docs/CONFIGURATION.md.
std::string documented_toml() {
  std::ifstream in(VIGIE_SOURCE_DIR "/docs/CONFIGURATION.md");
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto start = doc.find("```toml\n");
  const auto end = doc.find("```", start + 8);
  if (start == std::string::npos || end == std::string::npos) return "";
  return doc.substr(start + 8, end - start - 8);
}
}  // namespace

TEST(Config, TheDocumentedFileLoadsAndGivesTheDefaults) {
  const auto toml = documented_toml();
  ASSERT_FALSE(toml.empty()) << "no ```toml block in docs/CONFIGURATION.md";
  Config c;
  vigie::app::load_toml_file(write_toml(toml), c);
  vigie::app::validate(c);
  const Config defaults;
  EXPECT_EQ(c.listen, defaults.listen);
  EXPECT_EQ(c.io_threads, defaults.io_threads);
  EXPECT_EQ(c.worker_threads, defaults.worker_threads);
  EXPECT_EQ(c.body_limit, defaults.body_limit);
  EXPECT_EQ(c.reminder_interval, defaults.reminder_interval);
  EXPECT_EQ(c.db_pool_size, defaults.db_pool_size);
  EXPECT_EQ(c.data_dir, defaults.data_dir);
  EXPECT_EQ(c.mail_from, defaults.mail_from);
  EXPECT_EQ(c.public_url, defaults.public_url);
  EXPECT_EQ(c.oidc_label, defaults.oidc_label);
  EXPECT_EQ(c.saisine_triage_days, defaults.saisine_triage_days);
  EXPECT_EQ(c.saisine_answer_days, defaults.saisine_answer_days);
  EXPECT_EQ(c.saisine_escalation_days, defaults.saisine_escalation_days);
}

TEST(Config, TheDocumentedFileNamesEveryKeyTheLoaderKnows) {
  const auto toml = documented_toml();
  // The loader names the keys it knows when it meets one it does not: ask each section.
  for (const char* section : {"server", "database", "storage", "mail", "oidc", "saisines"}) {
    const auto message = error_of(std::string("[") + section + "]\nno_such_key = 1\n");
    const auto from = message.find("(known in [" + std::string(section) + "]: ");
    ASSERT_NE(from, std::string::npos) << message;
    auto known = message.substr(from + std::string(section).size() + 14);
    known = known.substr(0, known.find(')'));
    std::size_t at = 0;
    while (at < known.size()) {
      auto comma = known.find(", ", at);
      const auto key =
          known.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
      EXPECT_NE(toml.find("\n" + key + " = "), std::string::npos)
          << "[" << section << "] " << key << " is not in docs/CONFIGURATION.md";
      at = comma == std::string::npos ? known.size() : comma + 2;
    }
  }
}

TEST(Config, TheDocumentedFileHasExactlyTheLoadersSections) {
  const auto toml = documented_toml();
  std::string documented;
  for (std::size_t at = toml.find('['); at != std::string::npos; at = toml.find("\n[", at + 1)) {
    const auto open = toml.find('[', at);
    documented +=
        (documented.empty() ? "" : ", ") + toml.substr(open + 1, toml.find(']', open) - open - 1);
  }
  const auto message = error_of("[nope]\n");
  const auto from = message.find("(known: ");
  ASSERT_NE(from, std::string::npos) << message;
  // The loader lists them in alphabetical order; the document in reading order.
  EXPECT_EQ(message.substr(from + 8, message.find(')', from) - from - 8),
            "database, mail, oidc, saisines, server, storage");
  EXPECT_EQ(documented, "server, database, storage, mail, oidc, saisines");
}
