#include "security/audit_log.hpp"

#include "db/row.hpp"
#include "db/timestamp.hpp"
#include "kit/errors.hpp"

#include <boost/json.hpp>

#include <soci/soci.h>
#include <sodium.h>

namespace vigie::security {

namespace {

const std::string kGenesis(64, '0');
constexpr long kAuditLockKey = 0x4175646974;  // "Audit"

std::string canonical(std::int64_t seq, const std::string& at, const AuditEntry& e) {
  auto opt = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; };
  const char sep = '\x1f';
  return std::to_string(seq) + sep + at + sep + opt(e.actor_user_id) + sep + opt(e.actor_org_id) +
         sep + opt(e.owner_org_id) + sep + e.action + sep + e.object_type + sep + e.object_id +
         sep + e.request_id + sep + e.outcome + sep + e.details;
}

}  // namespace

std::string AuditLog::chain(const std::string& prev_hex, const std::string& text) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key_.data(), key_.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(prev_hex.data()),
                                prev_hex.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(text.data()),
                                text.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

AuditCheckpoint AuditLog::append(soci::session& s, db::Backend backend, const AuditEntry& e) const {
  if (blocked_)
    throw kit::Unavailable("audit-broken",
                           "The audit trail is broken: changes are suspended until an operator "
                           "has looked into it (vigie audit acknowledge).");
  if (backend == db::Backend::postgresql)
    s << "SELECT pg_advisory_xact_lock(" + std::to_string(kAuditLockKey) + ")";
  soci::indicator ind = soci::i_ok;
  long long last_seq = 0;
  std::string last_hash;
  soci::indicator hind = soci::i_ok;
  s << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(last_seq, ind),
      soci::into(last_hash, hind);
  if (!s.got_data()) {
    last_seq = 0;
    last_hash = kGenesis;
  }
  const long long seq = last_seq + 1;
  const std::string at = db::iso_utc_now();
  const std::string hash = chain(last_hash, canonical(seq, at, e));
  soci::indicator user_ind = e.actor_user_id ? soci::i_ok : soci::i_null;
  soci::indicator org_ind = e.actor_org_id ? soci::i_ok : soci::i_null;
  soci::indicator owner_ind = e.owner_org_id ? soci::i_ok : soci::i_null;
  long long user = e.actor_user_id.value_or(0), org = e.actor_org_id.value_or(0),
            owner = e.owner_org_id.value_or(0);
  s << "INSERT INTO audit_log (seq, at, actor_user_id, actor_org_id, owner_org_id, action, "
       "object_type, object_id, request_id, outcome, details, hash) VALUES (:seq, :at, :u, :o, "
       ":w, :a, :ot, :oi, :r, :out, :d, :h)",
      soci::use(seq), soci::use(at), soci::use(user, user_ind), soci::use(org, org_ind),
      soci::use(owner, owner_ind), soci::use(e.action), soci::use(e.object_type),
      soci::use(e.object_id), soci::use(e.request_id), soci::use(e.outcome), soci::use(e.details),
      soci::use(hash);
  return {seq, hash};
}

AuditVerification AuditLog::verify(db::Database& db,
                                   const std::optional<AuditCheckpoint>& expected) const {
  AuditVerification v;
  std::vector<AuditBreak> breaks;
  std::vector<std::pair<std::int64_t, std::int64_t>> acks;  // (ack entry, break it covers)
  auto lease = db.lease();
  soci::rowset<soci::row> rows =
      (lease->prepare << "SELECT seq, at, actor_user_id, actor_org_id, action, "
                         "object_type, object_id, request_id, outcome, details, hash, "
                         "owner_org_id FROM audit_log ORDER BY seq");
  std::string prev = kGenesis;
  std::int64_t expect_seq = 1;
  bool checkpoint_seen = false;
  for (const auto& r : rows) {
    const auto seq = db::row_int(r, 0);
    AuditEntry e;
    e.actor_user_id = db::row_optional_int(r, 2);
    e.actor_org_id = db::row_optional_int(r, 3);
    e.owner_org_id = db::row_optional_int(r, 11);
    e.action = r.get<std::string>(4);
    e.object_type = r.get<std::string>(5);
    e.object_id = r.get<std::string>(6);
    e.request_id = r.get<std::string>(7);
    e.outcome = r.get<std::string>(8);
    e.details = r.get<std::string>(9);
    const auto hash = r.get<std::string>(10);
    ++v.entries;
    if (seq != expect_seq)
      breaks.push_back({expect_seq, seq > expect_seq ? "entry missing (the next one is " +
                                                           std::to_string(seq) + ")"
                                                     : "entry out of sequence"});
    const bool sound = chain(prev, canonical(seq, r.get<std::string>(1), e)) == hash;
    if (!sound) breaks.push_back({seq, "content or order changed: the HMAC does not match"});
    // Only an acknowledgement that is itself part of the chain counts.
    if (sound && e.action == "audit.acknowledge") {
      boost::system::error_code ec;
      const auto d = boost::json::parse(e.details, ec);
      if (!ec && d.is_object())
        if (const auto* b = d.as_object().if_contains("broken_at"); b && b->is_int64())
          acks.emplace_back(seq, b->as_int64());
    }
    if (expected && seq == expected->seq) checkpoint_seen = hash == expected->hash;
    prev = hash;
    expect_seq = seq + 1;
  }
  if (expected && !checkpoint_seen)
    breaks.push_back(
        {expected->seq,
         "the checkpointed entry is missing or different: newer entries were removed"});
  for (auto& b : breaks) {
    bool known = false;
    for (const auto& [ack, at] : acks) known |= at == b.seq && ack >= b.seq;
    (known ? v.acknowledged : v.unacknowledged).push_back(std::move(b));
  }
  v.ok = v.unacknowledged.empty();
  if (!v.ok) {
    v.first_broken_seq = v.unacknowledged.front().seq;
    v.problem = v.unacknowledged.front().problem;
  }
  return v;
}

AuditCheckpoint AuditLog::head(db::Database& db) const {
  auto lease = db.lease();
  long long seq = 0;
  std::string hash;
  *lease << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(seq),
      soci::into(hash);
  if (!lease->got_data()) return {0, kGenesis};
  return {seq, hash};
}

}  // namespace vigie::security
