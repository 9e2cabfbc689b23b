#pragma once
// Field data (PRODUCT.md "Field data"): anonymous victim profiles recorded by the associations
// that follow the victims, and field signals of new patterns. A profile has no member that
// could hold a name, a date of birth, an address or a document number: contact is a year and
// a month, age a band, place a département or a country; its only free text (the note)
// passes the identifier guard. Codes come from data/taxonomies.json (codes.hpp).
//
// Profiles are written once and never edited (a correction is a new record): so a monthly
// release is a frozen count of what existed at its date, and two releases differ only by
// whole months of records.

#include "kit/errors.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::field {

// A victim profile as the reporting organisation gave it (all codes checked by
// validate_record()).
struct VictimRecord {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_code;
  int contact_year = 0, contact_month = 0;  // first contact with the association
  std::string departement;                  // of contact ("93", "2A", "971")
  std::vector<std::string> forms;           // forms of exploitation, EXP_* (at least one)
  std::string exploitation_departement;     // "" when abroad or unknown
  std::string exploitation_country;         // ISO 3166 alpha-2 when abroad, else ""
  std::string sector;                       // SEC_* for labour exploitation, else ""
  std::string sex;                          // female, male, other, unknown
  std::string age_band;                     // age at contact ("18-24"), or "unknown"
  bool minor_at_contact = false;
  std::string minor_at_exploitation;          // yes, no, unknown
  std::string nationality;                    // ISO 3166 alpha-2, or "" (unknown)
  std::vector<std::string> ilo_indicators;    // ILO01..ILO11
  std::vector<std::string> means_of_control;  // HTCDS vic_MethodsOfControl
  std::vector<std::string> recruitment;       // HTCDS vic_MethodOfRecruitment
  std::string victim_status;                  // PRESUMEE, IDENTIFIEE
  std::vector<std::string> support;           // shelter, acse, legal, health, ...
  std::string operation;                      // an optional operation tag
  std::string note;                           // guarded free text
  std::string created_at;
};

// The members of a record as received (JSON or a spreadsheet row), before validation.
struct RecordInput {
  std::optional<std::int64_t> contact_year, contact_month;
  std::optional<std::string> departement, exploitation_departement, exploitation_country, sector,
      sex, age_band, minor_at_exploitation, nationality, victim_status, operation, note;
  std::optional<bool> minor_at_contact;
  std::optional<std::vector<std::string>> forms, ilo_indicators, means_of_control, recruitment,
      support;
};

// A read of individual records by someone outside their organisation (the coordinator).
struct RecordRead {
  std::int64_t owner_org_id = 0;
  std::string reader_org_code;
  std::int64_t reader_user_id = 0;
  std::string at;
  int records = 0;   // how many of the owner's records the read returned
  std::string what;  // "list"
};

// A monthly (or on-demand) release: the frozen counts every controlled aggregate is computed on.
struct Release {
  std::int64_t id = 0;
  std::string frozen_at;  // records created up to this instant are counted
  std::string period;     // "2026-11" for a monthly release; "" for one frozen on demand
  std::int64_t records = 0;
};

// ---- Signals ---------------------------------------------------------------------------

enum class SignalState { new_, acknowledged, shared, closed };
std::string to_string(SignalState s);
std::optional<SignalState> signal_state_from(const std::string& s);
// The states a signal may move to from `from`.
std::vector<SignalState> next_states(SignalState from);

struct SignalTransition {
  std::string from, to, at, by_org, shared_with;
  std::int64_t by_user = 0;
};

struct Signal {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_code;
  std::string week;       // ISO week "2026-W48"
  std::string territory;  // "national" or a département
  std::vector<std::string> forms;
  std::string kind;         // new_pattern, place, recruitment_channel, online, trend
  std::string severity;     // info, concern, urgent
  std::string description;  // guarded free text
  SignalState state = SignalState::new_;
  // "committee", or the codes of the organisations it was shared with; empty until shared.
  std::vector<std::string> shared_with;
  std::string created_at, updated_at;
  std::vector<SignalTransition> transitions;
};

struct SignalInput {
  std::optional<std::string> week, territory, kind, severity, description;
  std::optional<std::vector<std::string>> forms;
  // What the body's reader already refused (a text too long, a wrong type, an unknown member):
  // answered with the rules' errors in one round, a field's first error only.
  kit::FieldErrors read_errors;
};

}  // namespace vigie::field
