#pragma once
// What a valid victim profile and a valid signal are, for the form and the import alike: every
// member checked against its code list (codes.hpp) and against the others (an age band under
// 18 is a minor; a sector only for labour exploitation; a place in France or abroad, not
// both), and the note through the identifier guard. Every error is collected, each naming its
// member ("forms/1", "note"), so the form and the import's error table show them all at once.

#include "kit/errors.hpp"
#include "modules/field/model.hpp"

#include <optional>

namespace vigie::field {

struct Today {
  int year = 0, month = 0;  // contact is never after the current month
};

// The record `in` describes, with its defaults filled in (victim_status PRESUMEE,
// minor_at_exploitation "unknown"), or nullopt with every error appended to `errors`.
// `guard_note` false skips the identifier guard (the caller guards the notes itself).
std::optional<VictimRecord> validate_record(const RecordInput& in, Today today,
                                            kit::FieldErrors& errors, bool guard_note = true);

// Signal members; week as ISO "2026-W48" (not after the current week is the caller's check).
std::optional<Signal> validate_signal(const SignalInput& in, kit::FieldErrors& errors);

}  // namespace vigie::field
