#pragma once
// What the identifier guard's class tests expect of a text: a finding of a kind over a span
// (`expect_found`), or no finding at all (`expect_clean`); failures print every finding.
#include "privacy/identifier_guard.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vigie::privacy::testing {

inline std::string found(const std::string& text) {
  std::string got;
  for (const auto& f : find_identifiers(text))
    got += std::string(kind_name(f.kind)) + " '" + f.text + "' ";
  return got;
}

inline void expect_found(const char* what, const std::string& text, IdentifierKind kind,
                         const std::string& span) {
  const auto start = text.find(span);
  ASSERT_NE(start, std::string::npos) << what;
  const auto end = start + span.size();
  bool hit = false;
  for (const auto& f : find_identifiers(text))
    if (f.kind == kind && f.start < end && start < f.end) hit = true;
  EXPECT_TRUE(hit) << what << ": " << text << " -> " << found(text);
}

inline void expect_clean(const char* what, const std::string& text) {
  const auto got = found(text);
  EXPECT_TRUE(got.empty()) << what << ": " << text << " -> " << got;
}

}  // namespace vigie::privacy::testing
