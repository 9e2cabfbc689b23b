#pragma once
// The only door to the field module's tables (field_*). Every function runs in the caller's
// transaction (the session it is given).

#include "modules/field/alerts.hpp"
#include "modules/field/model.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace vigie::field::store {

// Inserts the records (one prepared statement, bound to column vectors in batches), all with
// the same author and time, and raises the records' generation. Their ids are not returned:
// nothing refers to a record by id.
void insert_records(soci::session& s, const std::vector<VictimRecord>& records,
                    std::int64_t author_user_id, const std::string& created_at);

// The records' generation: raised by every insertion and deletion of records, in its
// transaction; live counts read at one generation stay exact while it does not change.
std::int64_t generation(soci::session& s);

struct RecordFilter {
  std::optional<std::int64_t> org_id;  // unset: every organisation's (the coordinator)
  std::optional<int> year;
  std::size_t limit = 200, offset = 0;
};
// Newest first.
std::vector<VictimRecord> records(soci::session& s, const RecordFilter& f);
std::int64_t count_records(soci::session& s, const RecordFilter& f);

void insert_read(soci::session& s, const RecordRead& read);
std::vector<RecordRead> reads(soci::session& s, std::int64_t owner_org_id, std::size_t limit);

// One combination of the published dimensions and how many records have it.
struct CountRow {
  std::int64_t org_id = 0;
  int year = 0, month = 0;
  std::string departement, forms, sector, sex, age_band;
  bool minor = false;
  std::string nationality, victim_status, support, operation;
  std::int64_t n = 0;
};
// Live counts from the records (an organisation's own, or all for the coordinator), grouped
// by `columns` only (names of CountRow's columns: "departement", "contact_year", ...); the
// other members of each row are left empty.
std::vector<CountRow> live_counts(soci::session& s, std::optional<std::int64_t> org_id,
                                  std::optional<int> year, const std::vector<std::string>& columns);
// A release's frozen counts, summed over the columns not asked for.
std::vector<CountRow> release_counts(soci::session& s, std::int64_t release_id,
                                     std::optional<int> year,
                                     const std::vector<std::string>& columns);

// Freezes the counts of every record created up to `frozen_at` into a new release.
Release create_release(soci::session& s, const std::string& period, const std::string& frozen_at,
                       std::int64_t by_user);
std::optional<Release> latest_release(soci::session& s);
std::optional<Release> release_for_period(soci::session& s, const std::string& period);

// Signals.
std::int64_t insert_signal(soci::session& s, const Signal& signal, std::int64_t author_user_id);
std::optional<Signal> find_signal(soci::session& s, std::int64_t id);
std::vector<Signal> signals(soci::session& s);  // newest first, without transitions
void update_signal_state(soci::session& s, std::int64_t id, SignalState state,
                         const std::string& shared_with, const std::string& at);
void insert_transition(soci::session& s, std::int64_t signal_id, const SignalTransition& t);
std::vector<SignalTransition> transitions(soci::session& s, std::int64_t signal_id);

void notify(soci::session& s, std::int64_t user_id, std::int64_t signal_id, const std::string& kind,
            const std::string& at);
struct Notification {
  std::int64_t id = 0, signal_id = 0;
  std::string kind, created_at;
  bool read = false;
};
std::vector<Notification> notifications(soci::session& s, std::int64_t user_id);

// Deletes the records whose contact month is before `year`-`month` and that were created up
// to `counted_until`; returns how many.
std::int64_t delete_records_before(soci::session& s, int year, int month,
                                   const std::string& counted_until);

// Profiles and signals recorded per département and day since `since` (YYYY-MM-DD).
std::vector<DailyCount> daily_counts(soci::session& s, const std::string& since);
// Records an alert as told; false when it was told already.
bool insert_alert(soci::session& s, const Alert& alert, const std::string& at);

}  // namespace vigie::field::store
