#include "modules/accounts/model.hpp"

namespace vigie::accounts {

bool requires_totp(OrgType t) {
  return t == OrgType::coordination || t == OrgType::prefecture || t == OrgType::parquet ||
         t == OrgType::police;
}

}  // namespace vigie::accounts
