#include "http/router.hpp"

#include <gtest/gtest.h>

using vigie::http::Request;
using vigie::http::Response;
using vigie::http::Router;

namespace {
Response ok(Request&) {
  return Response::text(200, "ok", "text/plain");
}
}  // namespace

TEST(Router, CapturesPathParameters) {
  Router r;
  r.add("GET", "/api/v1/measures/{code}", ok);
  auto m = r.match("GET", "/api/v1/measures/A1.a");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("code"), "A1.a");
}

TEST(Router, LiteralSegmentsWinOverCaptures) {
  Router r;
  r.add("GET", "/api/v1/plan/{code}", ok);
  r.add("GET", "/api/v1/plan/export.csv", ok);
  auto m = r.match("GET", "/api/v1/plan/export.csv");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/plan/export.csv");
}

TEST(Router, OtherMethodOnKnownPathListsAllowedMethods) {
  Router r;
  r.add("GET", "/api/v1/things", ok);
  r.add("POST", "/api/v1/things", ok);
  auto m = r.match("DELETE", "/api/v1/things");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "HEAD", "POST"}));
}

TEST(Router, UnknownPathHasNoRouteAndNoAllowedMethods) {
  Router r;
  r.add("GET", "/api/v1/things", ok);
  auto m = r.match("GET", "/api/v1/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
}

TEST(Router, HeadFallsBackToGet) {
  Router r;
  r.add("GET", "/healthz", ok);
  EXPECT_NE(r.match("HEAD", "/healthz").route, nullptr);
}

TEST(Router, DuplicateRouteIsRejected) {
  Router r;
  r.add("GET", "/a", ok);
  EXPECT_THROW(r.add("GET", "/a", ok), std::invalid_argument);
}

TEST(Router, CaptureNeverMatchesAcrossSegments) {
  Router r;
  r.add("GET", "/api/v1/measures/{code}", ok);
  EXPECT_EQ(r.match("GET", "/api/v1/measures/a/b").route, nullptr);
}
