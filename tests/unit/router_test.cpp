#include "http/router.hpp"

#include <gtest/gtest.h>

using vigie::http::Request;
using vigie::http::Response;
using vigie::http::RouteOptions;
using vigie::http::Router;

namespace {
const RouteOptions kOpen{.open = true};
Response ok(Request&) {
  return Response::text(200, "ok", "text/plain");
}
}  // namespace

TEST(Router, CapturesPathParameters) {
  Router r;
  r.add("GET", "/api/v1/measures/{code}", ok, kOpen);
  auto m = r.match("GET", "/api/v1/measures/A1.a");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("code"), "A1.a");
}

TEST(Router, LiteralSegmentsWinOverCaptures) {
  Router r;
  r.add("GET", "/api/v1/plan/{code}", ok, kOpen);
  r.add("GET", "/api/v1/plan/export.csv", ok, kOpen);
  auto m = r.match("GET", "/api/v1/plan/export.csv");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/plan/export.csv");
}

TEST(Router, OtherMethodOnKnownPathListsAllowedMethods) {
  Router r;
  r.add("GET", "/api/v1/things", ok, kOpen);
  r.add("POST", "/api/v1/things", ok, kOpen);
  auto m = r.match("DELETE", "/api/v1/things");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "HEAD", "POST"}));
}

TEST(Router, UnknownPathHasNoRouteAndNoAllowedMethods) {
  Router r;
  r.add("GET", "/api/v1/things", ok, kOpen);
  auto m = r.match("GET", "/api/v1/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, HeadFallsBackToGet) {
  Router r;
  r.add("GET", "/healthz", ok, kOpen);
  EXPECT_NE(r.match("HEAD", "/healthz").route, nullptr);
}

TEST(Router, DuplicateRouteIsRejected) {
  Router r;
  r.add("GET", "/a", ok, kOpen);
  EXPECT_THROW(r.add("GET", "/a", ok, kOpen), std::invalid_argument);
}

TEST(Router, CaptureNeverMatchesAcrossSegments) {
  Router r;
  r.add("GET", "/api/v1/measures/{code}", ok, kOpen);
  EXPECT_EQ(r.match("GET", "/api/v1/measures/a/b").route, nullptr);
}

TEST(Router, ARouteIsGuardedByAnActionOrDeclaredOpen) {
  Router r;
  EXPECT_THROW(r.add("GET", "/api/v1/secret", ok), std::invalid_argument);
  EXPECT_THROW(r.add("GET", "/api/v1/both", ok, {.action = "plan.read", .open = true}),
               std::invalid_argument);
  r.add("GET", "/api/v1/plan", ok, {.action = "plan.read"});
  r.add("GET", "/api/v1/public/plan", ok, kOpen);
  EXPECT_EQ(r.routes().size(), 2u);
}
