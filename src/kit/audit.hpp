#pragma once
// AuditRecord builds one audit-trail entry the same way in every module: who (the Actor),
// what (action, object type and id), whose (the owner organisation: the organisation the
// object belongs to; by default the actor's own, since a member acts on their organisation's
// records), the outcome and the details as a JSON object (never concatenated by hand, never
// personal data of a victim). append() writes it in the caller's write transaction.
//
//     kit::AuditRecord(who, "plan.update", "action", id).detail("status", "achieved")
//         .append(s, db.backend(), audit);

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "security/audit_log.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace vigie::kit {

class AuditRecord {
 public:
  AuditRecord(const Actor& who, std::string action, std::string object_type, std::string object_id);
  AuditRecord(const Actor& who, std::string action, std::string object_type, std::int64_t object_id)
      : AuditRecord(who, std::move(action), std::move(object_type), std::to_string(object_id)) {}

  // The organisation the object belongs to (0: none, e.g. the platform's own settings).
  AuditRecord& owner(std::int64_t org_id);
  AuditRecord& outcome(std::string outcome);  // "ok" (default), "denied", "failed"
  AuditRecord& detail(std::string_view key, boost::json::value value);
  AuditRecord& detail(std::string_view key, std::string_view text) {
    return detail(key, boost::json::value(boost::json::string(text)));
  }
  AuditRecord& detail(std::string_view key, const char* text) {
    return detail(key, std::string_view(text));
  }
  AuditRecord& details(boost::json::object details);  // replaces every detail

  security::AuditEntry entry() const;
  void append(soci::session& s, db::Backend backend, const security::AuditLog& log) const;

 private:
  Actor who_;
  std::string action_, object_type_, object_id_, outcome_ = "ok";
  std::optional<std::int64_t> owner_;
  boost::json::object details_;
};

}  // namespace vigie::kit
