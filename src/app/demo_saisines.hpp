#pragma once
// The demo's saisines: about forty cases filed by the fictional associations over the last two
// years, addressed to the demo prefectures, parquets, police offices and ministries, in every
// state of the workflow, with realistic delays (triage in days, answers in weeks), and two
// overdue today: one waiting for triage, one waiting for a prefecture's answer. They are made
// through the saisines use cases themselves, on a clock moved along each case's history, so the
// timeline, the sealed texts and the figures are what real use would leave. All fictional.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "modules/plan/service.hpp"
#include "security/audit_log.hpp"
#include "security/secret_box.hpp"

#include <map>
#include <string>

namespace vigie::app {

// `orgs`: each demo organisation's actor; `coordinator`: the coordination's demo admin.
void load_demo_saisines(db::Database& db, const security::AuditLog& audit,
                        const security::SecretBox& secrets, plan::Service& plan,
                        const std::map<std::string, kit::Actor>& orgs,
                        const kit::Actor& coordinator);

}  // namespace vigie::app
