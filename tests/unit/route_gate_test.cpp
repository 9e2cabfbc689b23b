// The accounts module's route gate on a real database: the caller comes from the session,
// a state-changing request needs its CSRF token, the module's relation function is asked,
// the policy decides, a hidden refusal is a 404, and a refusal of a sensitive route is in
// the audit trail with the refused caller.
#include "modules/accounts/route_gate.hpp"

#include "db/migrations.hpp"
#include "http/dispatcher.hpp"
#include "kit/errors.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <unistd.h>
#include <filesystem>

using namespace vigie;

namespace {

struct RouteGateTest : ::testing::Test {
  std::filesystem::path dir;
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  std::unique_ptr<accounts::Service> service;
  std::unique_ptr<accounts::Authenticator> auth;
  std::unique_ptr<accounts::RouteGate> gate;
  http::Router router;
  std::vector<std::string> relations_asked;  // the path parameter each relation call saw
  int handled = 0;

  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("vigie-gate-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    database = db::Database::open(db::DatabaseUrl::parse("sqlite:" + (dir / "t.db").string()), 1);
    db::Migrator().apply(*database);
    service = std::make_unique<accounts::Service>(*database, audit, secrets);
    auth = std::make_unique<accounts::Authenticator>(*service, http::CookieOptions{});
    gate = std::make_unique<accounts::RouteGate>(*auth, *database, audit);
    const auto system = kit::Actor::system();
    service->add_organisation({"ASSO", "Association", "association", "93"}, system);
    service->add_user({"admin@asso.test", "A", "ASSO", "org_admin", "une longue phrase secrete"},
                      system);
    service->add_user({"viewer@asso.test", "V", "ASSO", "viewer", "une longue phrase secrete"},
                      system);
    auto ok = [this](http::Request& req) {
      ++handled;
      return http::Response::json(200, {{"org", req.actor().org_code}});
    };
    // The whole audit trail: the coordination's referents only; refusals are audited.
    router.add("GET", "/api/v1/trail", ok, {.action = "audit.read_all", .audit_refusal = true});
    // An organisation's members: its admins, by the module's relation function.
    router.add("GET", "/api/v1/orgs/{code}/members", ok,
               {.action = "member.list",
                .relation =
                    [this](const kit::Actor& who, const http::Request& req) {
                      relations_asked.push_back(req.param("code"));
                      if (req.param("code") == "NONE") throw kit::NotFound();
                      return req.param("code") == who.org_code
                                 ? kit::Relations{kit::Relation::own_organisation}
                                 : kit::Relations{};
                    },
                .hide_refusal = true});
    router.add("POST", "/api/v1/orgs/{code}/members", ok,
               {.accepts = {"application/json"},
                .action = "member.list",
                .relation = [](const kit::Actor&, const http::Request&) {
                  return kit::Relations{kit::Relation::own_organisation};
                }});
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  struct Session {
    std::string cookie, csrf;
  };
  Session login(const std::string& email) {
    auto r = service->login({email, "une longue phrase secrete", "", "127.0.0.1", "t", "r"});
    EXPECT_EQ(r.outcome, accounts::LoginResult::Outcome::ok);
    return {http::session_cookie_name({}) + "=" + r.session_token, r.session->csrf_token};
  }

  http::Response call(const std::string& method, const std::string& path, const Session* who,
                      bool with_csrf = true) {
    http::Dispatcher d(router, nullptr, {}, gate.get());
    http::Request req;
    req.method = method;
    req.path = path;
    req.request_id = "rid-gate";
    if (who) req.headers.emplace_back("cookie", who->cookie);
    if (who && with_csrf) req.headers.emplace_back("x-csrf-token", who->csrf);
    if (method == "POST") {
      req.body = "{}";
      req.headers.emplace_back("content-type", "application/json");
    }
    return d.handle(req);
  }

  int denied_entries(const std::string& action) {
    int n = 0;
    *database->lease() << "SELECT count(*) FROM audit_log WHERE action = :a AND outcome = 'denied'",
        soci::use(action), soci::into(n);
    return n;
  }
};

std::string code_of(const http::Response& r) {
  return std::string(boost::json::parse(r.body).at("code").as_string());
}

}  // namespace

TEST_F(RouteGateTest, NoSessionIs401AndTheHandlerNeverRuns) {
  EXPECT_EQ(call("GET", "/api/v1/trail", nullptr).status, 401);
  EXPECT_EQ(handled, 0);
}

TEST_F(RouteGateTest, ARefusalOfASensitiveRouteIsAuditedWithTheRefusedCaller) {
  const auto admin = login("admin@asso.test");
  auto r = call("GET", "/api/v1/trail", &admin);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(handled, 0);
  EXPECT_EQ(denied_entries("audit.read_all"), 1);
  long long actor = 0;
  *database->lease() << "SELECT actor_user_id FROM audit_log WHERE action = 'audit.read_all'",
      soci::into(actor);
  EXPECT_GT(actor, 0);
}

TEST_F(RouteGateTest, TheModulesRelationDecidesAndAHiddenRefusalIsA404) {
  const auto admin = login("admin@asso.test");
  const auto viewer = login("viewer@asso.test");
  EXPECT_EQ(call("GET", "/api/v1/orgs/ASSO/members", &admin).status, 200);
  EXPECT_EQ(call("GET", "/api/v1/orgs/OTHER/members", &admin).status, 404);  // not its own
  EXPECT_EQ(call("GET", "/api/v1/orgs/ASSO/members", &viewer).status, 404);  // not an admin
  EXPECT_EQ(call("GET", "/api/v1/orgs/NONE/members", &admin).status, 404);   // no such thing
  EXPECT_EQ(handled, 1);
  EXPECT_EQ(relations_asked, (std::vector<std::string>{"ASSO", "OTHER", "ASSO", "NONE"}));
  // Not marked sensitive: no audit entry for these refusals.
  EXPECT_EQ(denied_entries("member.list"), 0);
}

TEST_F(RouteGateTest, AChangeWithoutItsCsrfTokenIsRefusedBeforeThePolicy) {
  const auto admin = login("admin@asso.test");
  auto refused = call("POST", "/api/v1/orgs/ASSO/members", &admin, false);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(code_of(refused), "csrf");
  EXPECT_EQ(call("POST", "/api/v1/orgs/ASSO/members", &admin, true).status, 200);
  EXPECT_EQ(handled, 1);
}
