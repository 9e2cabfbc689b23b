#include "http/dispatcher.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "kit/errors.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>

using namespace vigie::http;

namespace {

struct DispatcherTest : ::testing::Test {
  Router router;
  std::filesystem::path root;

  void SetUp() override {
    root = std::filesystem::temp_directory_path() /
           ("vigie-web-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(root / "assets");
    std::ofstream(root / "index.html") << "<!doctype html><title>Vigie</title>";
    std::ofstream(root / "assets" / "app-1234abcd.js") << "console.log(1)";
    router.add("GET", "/api/v1/version",
               [](Request&) {
                 return Response::json(200, {{"a", 1}});
               },
               {.open = true});
    router.add("POST", "/api/v1/echo",
               [](Request& r) { return Response::json(200, parse_json_body(r)); },
               {.accepts = {"application/json"}, .open = true});
    router.add(
        "GET", "/api/v1/boom",
        [](Request&) -> Response { throw std::runtime_error("SELECT secret FROM /var/lib/vigie"); },
        {.open = true});
  }
  void TearDown() override { std::filesystem::remove_all(root); }

  Response run(std::string method, std::string path, std::string body = "",
               std::string content_type = "", std::string accept_encoding = "") {
    StaticFiles files(root);
    Dispatcher d(router, &files, {});
    Request req;
    req.method = std::move(method);
    req.path = std::move(path);
    req.body = std::move(body);
    req.request_id = "rid-1";
    if (!content_type.empty()) req.headers.emplace_back("content-type", content_type);
    if (!accept_encoding.empty()) req.headers.emplace_back("Accept-Encoding", accept_encoding);
    return d.handle(req);
  }
};

boost::json::object body_of(const Response& r) {
  return boost::json::parse(r.body).as_object();
}

}  // namespace

TEST_F(DispatcherTest, UnknownApiRouteIsA404Problem) {
  auto r = run("GET", "/api/v1/nothing-here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(*r.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(body_of(r).at("status").as_int64(), 404);
  EXPECT_EQ(body_of(r).at("request_id").as_string(), "rid-1");
}

TEST_F(DispatcherTest, WrongMethodIs405WithAllow) {
  auto r = run("DELETE", "/api/v1/version");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(*r.header("Allow"), "GET, HEAD");
}

TEST_F(DispatcherTest, WrongMediaTypeIs415) {
  auto r = run("POST", "/api/v1/echo", "a=b", "application/x-www-form-urlencoded");
  EXPECT_EQ(r.status, 415);
}

TEST_F(DispatcherTest, MalformedJsonIs400) {
  auto r = run("POST", "/api/v1/echo", "{\"a\": ", "application/json");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body_of(r).at("code").as_string(), "bad-request");
}

TEST_F(DispatcherTest, HandlerFailureLeaksNothingInternal) {
  auto r = run("GET", "/api/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
  EXPECT_EQ(r.body.find("/var/lib"), std::string::npos);
}

TEST_F(DispatcherTest, EveryResponseCarriesSecurityHeaders) {
  for (auto* path : {"/api/v1/version", "/", "/api/v1/nothing"}) {
    auto r = run("GET", path);
    auto csp = std::string(*r.header("Content-Security-Policy"));
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos);
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(*r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(*r.header("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(*r.header("X-Request-Id"), "rid-1");
    EXPECT_FALSE(r.header("Server").has_value());
  }
  EXPECT_EQ(*run("GET", "/api/v1/version").header("Cache-Control"), "no-store");
}

TEST_F(DispatcherTest, HashedAssetsAreImmutableAndClientRoutesGetIndex) {
  auto asset = run("GET", "/assets/app-1234abcd.js");
  ASSERT_TRUE(asset.shared_body);
  EXPECT_EQ(*asset.shared_body, "console.log(1)");
  EXPECT_NE(std::string(*asset.header("Cache-Control")).find("immutable"), std::string::npos);
  auto route = run("GET", "/plan/mesures/A1.a");
  ASSERT_TRUE(route.shared_body);
  EXPECT_NE(route.shared_body->find("<title>Vigie</title>"), std::string::npos);
  EXPECT_EQ(*route.header("Cache-Control"), "no-cache");
}

TEST_F(DispatcherTest, WithRoutesTxtAnUnknownPageIsA404ThatStillShowsTheApp) {
  std::ofstream(root / "routes.txt") << "/\n/plan\n/plan/mesures/:code\n";
  EXPECT_EQ(run("GET", "/").status, 200);
  EXPECT_EQ(run("GET", "/plan").status, 200);
  EXPECT_EQ(run("GET", "/plan/").status, 200);
  EXPECT_EQ(run("GET", "/plan/mesures/A1.a").status, 200);
  for (auto* path : {"/plan/mesures", "/plan/mesures/A1.a/x", "/nimporte-quoi", "/Plan"}) {
    auto r = run("GET", path);
    EXPECT_EQ(r.status, 404) << path;
    ASSERT_TRUE(r.shared_body) << path;  // the app's own 404 page, in the user's language
    EXPECT_NE(r.shared_body->find("<title>Vigie</title>"), std::string::npos);
    EXPECT_EQ(*r.header("Content-Type"), "text/html; charset=utf-8");
  }
}

TEST_F(DispatcherTest, PrecompressedCopiesAreChosenByAcceptEncoding) {
  std::ofstream(root / "assets" / "app-1234abcd.js.br") << "BR";
  std::ofstream(root / "assets" / "app-1234abcd.js.gz") << "GZ";
  auto body = [](const Response& r) { return r.shared_body ? *r.shared_body : r.body; };
  const std::string js = "/assets/app-1234abcd.js";
  auto br = run("GET", js, "", "", "gzip, deflate, br, zstd");
  EXPECT_EQ(body(br), "BR");
  EXPECT_EQ(*br.header("Content-Encoding"), "br");
  EXPECT_EQ(*br.header("Vary"), "Accept-Encoding");
  EXPECT_EQ(*br.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(std::string(*br.header("Cache-Control")).find("immutable"), std::string::npos);
  auto gz = run("GET", js, "", "", "gzip;q=1.0, br;q=0");
  EXPECT_EQ(body(gz), "GZ");
  EXPECT_EQ(*gz.header("Content-Encoding"), "gzip");
  auto plain = run("GET", js, "", "", "identity");
  EXPECT_EQ(body(plain), "console.log(1)");
  EXPECT_FALSE(plain.header("Content-Encoding").has_value());
  EXPECT_EQ(*plain.header("Vary"), "Accept-Encoding");
  EXPECT_EQ(body(run("GET", js)), "console.log(1)");
  // index.html, for every client route, likewise.
  std::ofstream(root / "index.html.gz") << "GZINDEX";
  auto page = run("GET", "/plan", "", "", "GZIP");
  EXPECT_EQ(body(page), "GZINDEX");
  EXPECT_EQ(*page.header("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(DispatcherTest, MissingFileWithExtensionIs404AndTraversalIsRefused) {
  EXPECT_EQ(run("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(run("GET", "/../etc/passwd").status, 404);
  EXPECT_EQ(run("GET", "/.git/config").status, 404);
}

TEST_F(DispatcherTest, StaticPathsOnlyAnswerGetAndHead) {
  auto r = run("POST", "/some/page");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(*r.header("Allow"), "GET, HEAD");
}

TEST_F(DispatcherTest, AChangedFileIsServedFreshNotFromTheCache) {
  EXPECT_NE(run("GET", "/").shared_body->find("<title>Vigie</title>"), std::string::npos);
  std::ofstream(root / "index.html") << "<!doctype html><title>Vigie 2 with a longer title</title>";
  EXPECT_NE(run("GET", "/").shared_body->find("Vigie 2"), std::string::npos);
}

TEST_F(DispatcherTest, OnlyHandlersThatNeverWaitRunInline) {
  StaticFiles files(root);
  Dispatcher d(router, &files, {});
  router.add("GET", "/api/v1/quick", [](Request&) { return Response{}; },
             {.blocking = false, .open = true});
  EXPECT_FALSE(d.plan("GET", "/api/v1/version").runs_inline);
  EXPECT_TRUE(d.plan("GET", "/api/v1/quick").runs_inline);
  EXPECT_TRUE(d.plan("GET", "/some/page").runs_inline);
  EXPECT_FALSE(d.plan("GET", "/some/page").api);
  EXPECT_EQ(d.plan("POST", "/api/v1/echo").body_limit, 1024u * 1024u);
}

namespace {

// A gate that admits only requests carrying "x-test-role: coordination", as the accounts
// module's gate admits only callers the policy allows; it records what it was asked.
struct TestGate : Gate {
  mutable std::vector<std::string> asked;
  void admit(Request& req, const Route& route) const override {
    asked.push_back(route.options.action);
    if (req.header("x-test-role").value_or("") != "coordination") {
      if (route.options.hide_refusal) throw vigie::kit::NotFound();
      throw vigie::kit::Forbidden("Not for you.");
    }
    vigie::kit::Actor a;
    a.user_id = 7;
    a.org_code = "MIPROF";
    req.caller = a;
  }
};

Response call(const Dispatcher& d, std::string method, std::string path, bool coordination,
              std::string body = "") {
  Request req;
  req.method = std::move(method);
  req.path = std::move(path);
  req.body = std::move(body);
  if (!req.body.empty()) req.headers.emplace_back("content-type", "application/json");
  if (coordination) req.headers.emplace_back("x-test-role", "coordination");
  req.request_id = "rid-2";
  return d.handle(req);
}

}  // namespace

TEST(DispatcherGate, AGuardedRouteIsRefusedBeforeItsHandlerReadsTheBody) {
  Router router;
  int handled = 0;
  router.add("POST", "/api/v1/import",
             [&handled](Request& req) {
               ++handled;
               return Response::json(200, {{"by", req.actor().org_code}});
             },
             {.accepts = {"application/json"}, .action = "plan.manage"});
  TestGate gate;
  Dispatcher d(router, nullptr, {}, &gate);
  auto refused = call(d, "POST", "/api/v1/import", false, "{not even json");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(body_of(refused).at("code").as_string(), "forbidden");
  EXPECT_EQ(handled, 0);
  auto admitted = call(d, "POST", "/api/v1/import", true, "{}");
  EXPECT_EQ(admitted.status, 200);
  EXPECT_EQ(body_of(admitted).at("by").as_string(), "MIPROF");
  EXPECT_EQ(handled, 1);
  EXPECT_EQ(gate.asked, (std::vector<std::string>{"plan.manage", "plan.manage"}));
}

TEST(DispatcherGate, AHiddenRefusalIsA404AndOpenRoutesNeverAskTheGate) {
  Router router;
  router.add("GET", "/api/v1/saisines/{id}", [](Request&) { return Response::json(200, {}); },
             {.action = "saisine.read", .hide_refusal = true});
  router.add("GET", "/api/v1/public", [](Request&) { return Response::json(200, {}); },
             {.open = true});
  TestGate gate;
  Dispatcher d(router, nullptr, {}, &gate);
  EXPECT_EQ(call(d, "GET", "/api/v1/saisines/3", false).status, 404);
  EXPECT_EQ(call(d, "GET", "/api/v1/public", false).status, 200);
  EXPECT_EQ(gate.asked, (std::vector<std::string>{"saisine.read"}));
}

TEST(DispatcherGate, GuardedRoutesWithoutAGateAreRefusedAtStart) {
  Router router;
  router.add("GET", "/api/v1/plan", [](Request&) { return Response::json(200, {}); },
             {.action = "plan.read"});
  EXPECT_THROW(Dispatcher(router, nullptr, {}), std::invalid_argument);
}

TEST(DispatcherGate, DomainErrorsBecomeTheirProblemsWithEveryFieldAndNoInternalText) {
  Router router;
  router.add("GET", "/api/v1/invalid",
             [](Request&) -> Response {
               throw vigie::kit::Invalid({{"title", "required", "A title is required."},
                                          {"progress", "type", "Must be a whole number."}});
             },
             {.open = true});
  router.add("GET", "/api/v1/conflict",
             [](Request&) -> Response {
               throw vigie::kit::Conflict("illegal-transition", "Not from draft.",
                                          {{"allowed", boost::json::array{"submitted"}}});
             },
             {.open = true});
  router.add("GET", "/api/v1/who",
             [](Request& req) {
               return Response::json(200, {{"id", req.actor().user_id}});
             },
             {.open = true});
  Dispatcher d(router, nullptr, {});
  auto invalid = call(d, "GET", "/api/v1/invalid", false);
  EXPECT_EQ(invalid.status, 422);
  const auto errors = body_of(invalid).at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors.at(0).at("field").as_string(), "title");
  EXPECT_EQ(errors.at(1).at("code").as_string(), "type");
  auto conflict = call(d, "GET", "/api/v1/conflict", false);
  EXPECT_EQ(conflict.status, 409);
  EXPECT_EQ(body_of(conflict).at("code").as_string(), "illegal-transition");
  EXPECT_EQ(body_of(conflict).at("allowed").as_array().at(0).as_string(), "submitted");
  // An open route asking for a caller it was never given: 401, not a crash.
  EXPECT_EQ(call(d, "GET", "/api/v1/who", false).status, 401);
}

TEST(DispatcherGate, ABodyStillToComeIsAdmittedFromTheHeadAndTheGateAskedOnce) {
  Router router;
  int handled = 0;
  router.add("POST", "/api/v1/import",
             [&handled](Request&) {
               ++handled;
               return Response::json(200, {});
             },
             {.accepts = {"text/csv"}, .action = "plan.manage"});
  router.add("POST", "/api/v1/open", [](Request&) { return Response::json(200, {}); },
             {.accepts = {"text/csv"}, .open = true});
  TestGate gate;
  Dispatcher d(router, nullptr, {}, &gate);
  auto head = [](bool coordination, std::string type, std::string path = "/api/v1/import") {
    Request req;
    req.method = "POST";
    req.path = std::move(path);
    req.request_id = "rid-3";
    req.headers.emplace_back("content-type", std::move(type));
    if (coordination) req.headers.emplace_back("x-test-role", "coordination");
    return req;
  };
  // Refused from the head: the finished refusal, with its headers, and no handler.
  auto refused_req = head(false, "text/csv");
  const auto refused = d.admit_before_body(refused_req, d.plan("POST", "/api/v1/import"));
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_TRUE(refused->header("X-Request-Id"));
  // A media type the route does not take is refused from the head too, before the gate.
  auto wrong_req = head(true, "application/zip");
  const auto wrong = d.admit_before_body(wrong_req, d.plan("POST", "/api/v1/import"));
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 415);
  // Admitted: the body is read, then handled without asking the gate again.
  auto req = head(true, "text/csv");
  EXPECT_FALSE(d.admit_before_body(req, d.plan("POST", "/api/v1/import")));
  req.body = "a,b\r\n";
  EXPECT_EQ(d.handle(req).status, 200);
  EXPECT_EQ(handled, 1);
  EXPECT_EQ(gate.asked, (std::vector<std::string>{"plan.manage", "plan.manage"}));
  // Open routes are not the gate's.
  auto open_req = head(false, "text/csv", "/api/v1/open");
  EXPECT_FALSE(d.admit_before_body(open_req, d.plan("POST", "/api/v1/open")));
}

TEST(DispatcherGate, ABusyRefusalSaysWhenToComeBack) {
  Router router;
  router.add(
      "GET", "/api/v1/busy",
      [](Request&) -> Response { throw vigie::kit::Unavailable("busy", "Come back later.", 5); },
      {.open = true});
  Dispatcher d(router, nullptr, {});
  auto busy = call(d, "GET", "/api/v1/busy", false);
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.header("Retry-After").value_or(""), "5");
  EXPECT_EQ(body_of(busy).at("code").as_string(), "busy");
}
