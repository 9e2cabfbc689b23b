#pragma once
// The directory: what other modules may know of organisations and their members, without
// naming the accounts module's tables. Each function runs in the caller's transaction (the
// session it is given), so a module can read the directory and write its own tables in one
// transaction. No secret leaves through here (no password hash, second factor or session).

#include "kit/actor.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigie::accounts::directory {

struct OrganisationCard {
  std::int64_t id = 0;
  std::string code, name;
  kit::OrgType type = kit::OrgType::association;
  std::string territory;
};

// The organisation with this code, or nullopt.
std::optional<OrganisationCard> organisation(soci::session& s, const std::string& code);
std::optional<std::int64_t> organisation_id(soci::session& s, const std::string& code);
// Every organisation, in code order.
std::vector<OrganisationCard> organisations(soci::session& s);
// Every organisation's code, sorted.
std::vector<std::string> organisation_codes(soci::session& s);
// The e-mail addresses of an organisation's enabled members holding `min_role` or above,
// sorted (whom to tell about the organisation's duties).
std::vector<std::string> contacts(soci::session& s, const std::string& org_code,
                                  kit::Role min_role);
// The code of each of these organisations that exists.
std::map<std::int64_t, std::string> organisation_codes(soci::session& s,
                                                       const std::vector<std::int64_t>& ids);
// The ids of an organisation's enabled members holding `min_role` or above (whom to tell in
// the application).
std::vector<std::int64_t> member_ids(soci::session& s, const std::string& org_code,
                                     kit::Role min_role);
// The id of the user with this e-mail address (as stored: lower case), or nullopt.
std::optional<std::int64_t> user_id(soci::session& s, const std::string& email);
// The e-mail address of each of these users that exists ("" ids are left out).
std::map<std::int64_t, std::string> emails(soci::session& s,
                                           const std::vector<std::int64_t>& user_ids);

}  // namespace vigie::accounts::directory
