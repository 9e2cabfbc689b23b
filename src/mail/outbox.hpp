#pragma once
// The mail outbox: services queue messages in their own write transaction (so a message goes
// out if and only if what caused it was committed); a sender thread in every vigie process
// delivers due messages and retries failures with a growing delay (1 min, 2, 4 … up to 1 h,
// 10 attempts).
//
// Several processes on one database send each message once: a sender first claims a batch of
// due rows in one statement (FOR UPDATE SKIP LOCKED on PostgreSQL, the single writer on
// SQLite), pushing their next attempt past the longest the batch can take, then sends them.
// A sender that dies between sending and recording the send can, at worst, cause one repeat
// after the claim has lapsed; mail is at-least-once, never duplicated by two live senders.
//
// At rest, bodies carry invitation and password-reset links: a queued body is sealed
// (security::SecretBox, purpose "mail_outbox.body") under the key file's key before it is
// written, and opened only to be sent; once sent, the body is emptied (the row stays 30 days
// for its recipient, subject and dates). A copy of the database without the key file yields no
// link, and with it, none of a message already sent.

#include "db/database.hpp"
#include "mail/smtp.hpp"
#include "security/secret_box.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace vigie::mail {

// Installs the key that seals queued bodies, for the whole process: what starts the process
// (serve, the commands that queue mail) calls it once, before anything queues or sends.
void use_outbox_key(const security::SecretBox& box);

// Queues a message inside the caller's transaction, its body sealed. Throws std::logic_error
// when no key was installed: a body is never written in clear.
void enqueue(soci::session& s, const Message& message);

// Seals the bodies queued in clear by a version before sealing (run at start, as
// accounts::seal_stored_secrets); returns how many.
int seal_queued_bodies(db::Database& db);

class Sender {
 public:
  Sender(db::Database& db, SmtpSettings settings);
  ~Sender();  // stops the thread
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  void start();
  void stop();
  // Delivers what is due now; returns how many were sent. Used by the thread and by tests.
  int deliver_due();

 private:
  db::Database& db_;
  SmtpSettings settings_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace vigie::mail
