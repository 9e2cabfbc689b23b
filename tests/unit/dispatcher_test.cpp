#include "http/dispatcher.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"

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
    router.add("GET", "/api/v1/version", [](Request&) { return Response::json(200, {{"a", 1}}); });
    router.add("POST", "/api/v1/echo",
               [](Request& r) { return Response::json(200, parse_json_body(r)); },
               {.accepts = {"application/json"}});
    router.add("GET", "/api/v1/boom", [](Request&) -> Response {
      throw std::runtime_error("SELECT secret FROM /var/lib/vigie");
    });
  }
  void TearDown() override { std::filesystem::remove_all(root); }

  Response run(std::string method, std::string path, std::string body = "",
               std::string content_type = "") {
    StaticFiles files(root);
    Dispatcher d(router, &files, {});
    Request req;
    req.method = std::move(method);
    req.path = std::move(path);
    req.body = std::move(body);
    req.request_id = "rid-1";
    if (!content_type.empty()) req.headers.emplace_back("content-type", content_type);
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
  router.add("GET", "/api/v1/quick", [](Request&) { return Response{}; }, {.blocking = false});
  EXPECT_FALSE(d.plan("GET", "/api/v1/version").runs_inline);
  EXPECT_TRUE(d.plan("GET", "/api/v1/quick").runs_inline);
  EXPECT_TRUE(d.plan("GET", "/some/page").runs_inline);
  EXPECT_FALSE(d.plan("GET", "/some/page").api);
  EXPECT_EQ(d.plan("POST", "/api/v1/echo").body_limit, 1024u * 1024u);
}
