#pragma once
// The only SQL on the saisine tables. Every narrative column is sealed here on the way in and
// opened on the way out (security::SecretBox, one purpose per column), so no caller can write
// a plaintext narrative by mistake; a value that does not open throws SecretBoxError.

#include "modules/saisines/model.hpp"
#include "security/secret_box.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::saisines::store {

std::int64_t insert(soci::session& s, const security::SecretBox& box, const Saisine& c);
// Writes every column of `c` (content, state, stage dates, flag).
void update(soci::session& s, const security::SecretBox& box, const Saisine& c);
std::optional<Saisine> find(soci::session& s, const security::SecretBox& box, std::int64_t id);
// Every saisine (`org_id` nullopt), or those an organisation filed or that were referred to
// it; newest first.
std::vector<Saisine> list(soci::session& s, const security::SecretBox& box,
                          std::optional<std::int64_t> org_id);

std::int64_t add_transition(soci::session& s, const security::SecretBox& box,
                            const TransitionRecord& t);
std::vector<TransitionRecord> transitions(soci::session& s, const security::SecretBox& box,
                                          std::int64_t saisine_id);

std::int64_t add_message(soci::session& s, const security::SecretBox& box, const Message& m);
std::vector<Message> messages(soci::session& s, const security::SecretBox& box,
                              std::int64_t saisine_id, const std::string& thread);

std::int64_t add_attachment(soci::session& s, const security::SecretBox& box, const Attachment& a);
std::vector<Attachment> attachments(soci::session& s, const security::SecretBox& box,
                                    std::int64_t saisine_id);

// Records the reminder of `kind` on day `on` (YYYY-MM-DD); false when already recorded (by a
// concurrent pass): then it is not sent again.
bool record_notice(soci::session& s, std::int64_t saisine_id, const std::string& kind,
                   const std::string& on);
std::vector<std::string> notices_sent(soci::session& s, std::int64_t saisine_id,
                                      const std::string& kind);

// In-app notifications, per user (no narrative column: nothing to seal).
void notify(soci::session& s, std::int64_t user_id, std::int64_t saisine_id,
            const std::string& kind, const std::string& state, const std::string& at);
// The user's latest `limit`, newest first.
std::vector<Notification> notifications(soci::session& s, std::int64_t user_id, int limit);
int unread(soci::session& s, std::int64_t user_id);
void mark_read(soci::session& s, std::int64_t user_id, const std::string& at);

}  // namespace vigie::saisines::store
