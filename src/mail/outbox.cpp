#include "mail/outbox.hpp"

#include "db/row.hpp"
#include "db/timestamp.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace vigie::mail {

namespace {

// Messages claimed at a time by one sender.
constexpr int kClaimBatch = 10;

constexpr std::string_view kBodyPurpose = "mail_outbox.body";

std::mutex key_mu;
std::shared_ptr<const security::SecretBox> key;

std::shared_ptr<const security::SecretBox> outbox_key() {
  std::lock_guard lock(key_mu);
  if (!key) throw std::logic_error("the outbox key is not installed (mail::use_outbox_key)");
  return key;
}

}  // namespace

void use_outbox_key(const security::SecretBox& box) {
  auto copy = std::make_shared<const security::SecretBox>(box);
  std::lock_guard lock(key_mu);
  key = std::move(copy);
}

void enqueue(soci::session& s, const Message& m) {
  const auto now = db::iso_utc_now();
  const std::string body = outbox_key()->seal(m.body, kBodyPurpose);
  s << "INSERT INTO mail_outbox (recipient, subject, body, created_at, next_attempt_at) "
       "VALUES (:r, :s, :b, :c, :n)",
      soci::use(m.to), soci::use(m.subject), soci::use(body), soci::use(now), soci::use(now);
}

int seal_queued_bodies(db::Database& db) {
  const auto box = outbox_key();
  const int n = db.transact([&](soci::session& s) {
    std::vector<std::pair<long long, std::string>> clear;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, body FROM mail_outbox WHERE sent_at IS NULL AND body <> '' AND "
                      "body NOT LIKE 'sb1:%'");
    for (const auto& r : rows) clear.emplace_back(db::row_int(r, 0), r.get<std::string>(1));
    for (const auto& [id, body] : clear) {
      const std::string sealed = box->seal(body, kBodyPurpose);
      s << "UPDATE mail_outbox SET body = :b WHERE id = :id", soci::use(sealed), soci::use(id);
    }
    return static_cast<int>(clear.size());
  });
  // The clear bodies' old pages are still in the write-ahead log: copy them back and empty it.
  if (n > 0 && db.backend() == db::Backend::sqlite) {
    auto lease = db.lease();
    *lease << "PRAGMA wal_checkpoint(TRUNCATE)";
  }
  return n;
}

Sender::Sender(db::Database& db, SmtpSettings settings) : db_(db), settings_(std::move(settings)) {}

Sender::~Sender() {
  stop();
}

void Sender::start() {
  if (settings_.url.empty() || thread_.joinable()) return;
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      try {
        deliver_due();
      } catch (const std::exception& e) {
        spdlog::warn("mail sender: {}", e.what());
      }
      lock.lock();
      cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stopping_; });
    }
  });
}

void Sender::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int Sender::deliver_due() {
  struct Due {
    std::int64_t id;
    Message m;
    int attempts;
    bool unreadable = false;  // sealed under another key file: never sendable
  };
  const auto box = outbox_key();
  const auto now = std::chrono::system_clock::now();
  std::vector<Due> due;
  // Claim a batch in one statement: the due rows get a next attempt far enough ahead that no
  // other sender picks them while this one works through the batch, even if every send runs
  // to its timeout. A sender that dies mid-batch leaves its rows due again after the lease.
  const auto lease = kClaimBatch * kSendTimeout * 2;
  const std::string now_text = db::iso_utc(now);
  const std::string claim = db::iso_utc(now + lease);
  const int batch = kClaimBatch;
  std::string sql =
      "UPDATE mail_outbox SET next_attempt_at = :c WHERE id IN (SELECT id FROM mail_outbox "
      "WHERE sent_at IS NULL AND attempts < 10 AND next_attempt_at <= :n ORDER BY id LIMIT :b";
  // PostgreSQL only: two senders in READ COMMITTED could both select a row before either
  // updates it; FOR UPDATE SKIP LOCKED makes the second skip the rows the first has locked
  // (and re-check those it committed), so each row is claimed once. SQLite has no such clause
  // and needs none: the claim runs under BEGIN IMMEDIATE, one writer at a time.
  if (db_.backend() == db::Backend::postgresql) sql += " FOR UPDATE SKIP LOCKED";
  sql += ") RETURNING id, recipient, subject, body, attempts";
  db_.transact([&](soci::session& s) {
    soci::rowset<soci::row> rows =
        (s.prepare << sql, soci::use(claim), soci::use(now_text), soci::use(batch));
    for (const auto& r : rows) {
      // A body queued in clear by a process of an earlier version is sent as it is.
      auto body = r.get<std::string>(3);
      bool unreadable = false;
      if (security::SecretBox::is_sealed(body)) try {
          body = box->open(body, kBodyPurpose);
        } catch (const security::SecretBoxError&) {
          unreadable = true;
        }
      due.push_back({db::row_int(r, 0),
                     {r.get<std::string>(1), r.get<std::string>(2), std::move(body)},
                     static_cast<int>(db::row_int(r, 4)),
                     unreadable});
    }
  });
  // RETURNING gives no order; send the oldest first.
  std::sort(due.begin(), due.end(), [](const Due& a, const Due& b) { return a.id < b.id; });
  int sent = 0;
  for (const auto& d : due) {
    long long id = d.id;
    if (d.unreadable) {
      spdlog::error("mail {} was sealed under another key file: given up", id);
      db_.transact([&](soci::session& s) {
        s << "UPDATE mail_outbox SET attempts = 10, last_error = 'sealed under another key file' "
             "WHERE id = :id",
            soci::use(id);
      });
      continue;
    }
    try {
      send(settings_, d.m);
      const auto at = db::iso_utc_now();
      db_.transact([&](soci::session& s) {
        s << "UPDATE mail_outbox SET sent_at = :at, attempts = attempts + 1, body = '' WHERE id = "
             ":id",
            soci::use(at), soci::use(id);
      });
      ++sent;
    } catch (const std::exception& e) {
      const int wait = std::min(60 << std::min(d.attempts, 6), 3600);
      const auto next = db::iso_utc(std::chrono::system_clock::now() + std::chrono::seconds(wait));
      const std::string why = std::string(e.what()).substr(0, 300);
      spdlog::warn("mail to a recipient failed (attempt {}): {}", d.attempts + 1, why);
      db_.transact([&](soci::session& s) {
        s << "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = :n, last_error = "
             ":e WHERE id = :id",
            soci::use(next), soci::use(why), soci::use(id);
      });
    }
  }
  return sent;
}

}  // namespace vigie::mail
