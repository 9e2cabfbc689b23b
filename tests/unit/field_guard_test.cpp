#include "privacy/field_guard.hpp"

#include "http/problem.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

using namespace vigie;

TEST(FieldGuard, CleanFieldsPass) {
  EXPECT_NO_THROW(privacy::require_no_identifiers(
      {{"title", "Maraude du 14 juin"}, {"narrative", "Trois jeunes femmes de 17 à 19 ans."}}));
}

TEST(FieldGuard, AnIdentifierBecomesA422NamingFieldKindSpanAndHint) {
  try {
    privacy::require_no_identifiers(
        {{"title", "Entretien"}, {"narrative", "Mme Joy Eze a appelé."}});
    FAIL() << "expected a problem";
  } catch (const kit::DomainError& e) {
    auto r = http::problem_of(e).to_response("rid");
    EXPECT_EQ(r.status, 422);
    auto err = boost::json::parse(r.body).at("errors").as_array().at(0).as_object();
    EXPECT_EQ(err.at("field").as_string(), "narrative");
    EXPECT_EQ(err.at("code").as_string(), "identifier.person_name");
    EXPECT_EQ(err.at("kind").as_string(), "person_name");
    EXPECT_EQ(err.at("start").as_int64(), 4);
    EXPECT_EQ(err.at("end").as_int64(), 11);
    EXPECT_EQ(err.at("text").as_string(), "Joy Eze");
    EXPECT_NE(std::string(err.at("hint").at("fr").as_string()).find("la personne"),
              std::string::npos);
  }
}
