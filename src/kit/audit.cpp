#include "kit/audit.hpp"

#include <boost/json.hpp>

namespace vigie::kit {

AuditRecord::AuditRecord(const Actor& who, std::string action, std::string object_type,
                         std::string object_id)
    : who_(who),
      action_(std::move(action)),
      object_type_(std::move(object_type)),
      object_id_(std::move(object_id)) {
  if (who.org_id != 0) owner_ = who.org_id;
}

AuditRecord& AuditRecord::owner(std::int64_t org_id) {
  if (org_id == 0)
    owner_.reset();
  else
    owner_ = org_id;
  return *this;
}

AuditRecord& AuditRecord::outcome(std::string outcome) {
  outcome_ = std::move(outcome);
  return *this;
}

AuditRecord& AuditRecord::detail(std::string_view key, boost::json::value value) {
  details_[key] = std::move(value);
  return *this;
}

AuditRecord& AuditRecord::details(boost::json::object details) {
  details_ = std::move(details);
  return *this;
}

security::AuditEntry AuditRecord::entry() const {
  security::AuditEntry e;
  if (!who_.is_system()) {
    e.actor_user_id = who_.user_id;
    e.actor_org_id = who_.org_id;
  }
  e.owner_org_id = owner_;
  e.action = action_;
  e.object_type = object_type_;
  e.object_id = object_id_;
  e.request_id = who_.request_id;
  e.outcome = outcome_;
  e.details = boost::json::serialize(details_);
  return e;
}

void AuditRecord::append(soci::session& s, db::Backend backend,
                         const security::AuditLog& log) const {
  log.append(s, backend, entry());
}

}  // namespace vigie::kit
