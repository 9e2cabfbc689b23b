// The text of an e-mail (mail/smtp.hpp): headers cannot be smuggled in through a subject.
#include "mail/smtp.hpp"

#include <gtest/gtest.h>

using namespace vigie::mail;

TEST(SmtpRender, ALineBreakInASubjectNeverStartsAnotherHeader) {
  const SmtpSettings settings{"smtp://127.0.0.1:25", "vigie@example.test", "", ""};
  const auto text =
      render(settings, {"referent@dgt.test", "Point\r\nBcc: espion@example.test", "Bonjour"});
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(text.find("Subject: Point  Bcc: espion@example.test\r\n"), std::string::npos);
}

TEST(SmtpRender, NonAsciiSubjectsAreEncodedWords) {
  const SmtpSettings settings{"smtp://127.0.0.1:25", "vigie@example.test", "", ""};
  const auto text = render(settings, {"a@b.test", "Échéance — campagne", "x"});
  EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
}
