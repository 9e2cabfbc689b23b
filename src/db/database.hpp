#pragma once
// Database is the one door to Vigie's storage: a pool of SOCI sessions on SQLite or
// PostgreSQL, opened with the durability settings Vigie requires, and refused otherwise:
// SQLite must run in WAL with synchronous=FULL and foreign keys on; PostgreSQL must have
// fsync and synchronous_commit on. Thread-safe; sessions are leased one caller at a time.
// Stores use `transact` so that every write runs in exactly one transaction.

#include "db/database_url.hpp"

#include <soci/soci.h>
#include <memory>
#include <stdexcept>
#include <string>

namespace vigie::db {

// A storage failure whose message is safe for the operator's log (never for an HTTP body).
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  // Opens `pool_size` connections. Throws DatabaseError with a one-line reason when the
  // database is unreachable or does not meet the durability requirements above.
  static std::unique_ptr<Database> open(const DatabaseUrl& url, std::size_t pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // A leased session, returned to the pool when destroyed.
  class Lease {
   public:
    Lease(soci::connection_pool& pool);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& operator*() { return pool_.at(pos_); }
    soci::session* operator->() { return &pool_.at(pos_); }

   private:
    soci::connection_pool& pool_;
    std::size_t pos_;
  };

  Lease lease() { return Lease(*pool_); }

  // One transaction on a leased session. On SQLite it begins IMMEDIATE: it takes the write
  // lock at once, so a read-then-write transaction cannot fail half-way on a busy database.
  class Transaction {
   public:
    Transaction(soci::session& s, Backend b) : s_(s) {
      s_ << (b == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    }
    ~Transaction() {
      if (done_) return;
      try {
        s_ << "ROLLBACK";
      } catch (...) {
        // The connection is gone; the server rolls back on its own.
      }
    }
    void commit() {
      s_ << "COMMIT";
      done_ = true;
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

   private:
    soci::session& s_;
    bool done_ = false;
  };

  // A read-only transaction (see read()); ending it releases the snapshot.
  class ReadTransaction {
   public:
    ReadTransaction(soci::session& s, Backend b);
    ~ReadTransaction();
    void end();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;

   private:
    soci::session& s_;
    Backend backend_;
    bool done_ = false;
  };

  // Runs f(session) inside one transaction, committed when f returns, rolled back when it
  // throws (the exception is rethrown).
  template <class F>
  auto transact(F&& f) {
    Lease l = lease();
    Transaction tr(*l, backend());
    if constexpr (std::is_void_v<decltype(f(*l))>) {
      f(*l);
      tr.commit();
    } else {
      auto result = f(*l);
      tr.commit();
      return result;
    }
  }

  // Runs f(session) inside one read-only transaction, for GETs. On SQLite it begins DEFERRED
  // (in WAL, readers never wait for the writer nor block it) with `query_only` set, so that a
  // write inside it fails; on PostgreSQL it is `READ ONLY`. The result of f is returned; any
  // exception is rethrown after the transaction has ended.
  template <class F>
  auto read(F&& f) {
    Lease l = lease();
    ReadTransaction tr(*l, backend());
    if constexpr (std::is_void_v<decltype(f(*l))>) {
      f(*l);
      tr.end();
    } else {
      auto result = f(*l);
      tr.end();
      return result;
    }
  }

  // Inside a write transaction: waits until no other transaction holding the same key is
  // running (a PostgreSQL transaction-level advisory lock; on SQLite, IMMEDIATE transactions
  // already run one at a time). For work several processes may start at once.
  void serialise(soci::session& s, std::int64_t key) const {
    if (backend() == Backend::postgresql)
      s << "SELECT pg_advisory_xact_lock(" + std::to_string(key) + ")";
  }

  Backend backend() const { return url_.backend; }
  const DatabaseUrl& url() const { return url_; }

 private:
  Database(DatabaseUrl url, std::size_t pool_size);
  DatabaseUrl url_;
  std::unique_ptr<soci::connection_pool> pool_;
};

}  // namespace vigie::db
