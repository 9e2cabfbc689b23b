#pragma once
// Saisines use cases. Who sees what is decided here, for every route alike:
//   - the filing organisation and the coordinator (MIPROF) see the whole case, its timeline and
//     the filer ⇄ coordinator thread; a draft is its filing organisation's alone;
//   - the authority addressed sees the case only once referred, and then only the
//     coordinator's summary, the parts the filer marked shared, the timeline from the referral
//     on and the coordinator ⇄ authority thread;
//   - anyone else gets kit::NotFound, and the figures only through disclosure control.
// The two threads never cross: the filing organisation never reads or writes the authority's
// thread, the authority never the filer's. Every read of a case is audited with the filing
// organisation as owner (so its admins see who read it). Deadlines: triage `triage_days` after
// submission, the authority's answer `answer_days` after referral; reminders through the
// outbox by the kit's rule (kit/reminders.hpp); a case overdue by more than `escalation_days`
// gets `committee_flag` (read by the committee's agenda).

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "kit/relation.hpp"
#include "modules/plan/service.hpp"
#include "modules/saisines/model.hpp"
#include "security/audit_log.hpp"
#include "security/secret_box.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vigie::saisines {

struct Deadlines {
  int triage_days = 10;      // from submission to acceptance or refusal
  int answer_days = 30;      // from referral to the authority's answer
  int escalation_days = 15;  // overdue by more than this: put forward to the committee
};

// A filing (title and category required) or a change to a draft (absent members stay).
struct SaisineInput {
  std::optional<std::string> title, category, authority, departement, facts, expected;
  std::optional<std::vector<std::string>> measures, shared;
  std::optional<std::vector<ChronologyEntry>> chronology;
  std::optional<std::vector<Step>> steps;
  std::optional<std::int64_t> persons;
};

struct TransitionInput {
  std::string to;
  std::string message, summary, reason;  // "" when absent
};

// A case as its reader may see it.
struct SaisineView {
  Saisine saisine;
  bool full = true;  // false: the authority's view (summary and shared parts only)
  std::vector<ChecklistLine> checklist;  // empty in the authority's view
  std::vector<TransitionRecord> timeline;
  std::vector<Message> filer_thread, authority_thread;  // each empty when not the reader's
  std::vector<Attachment> attachments;                  // the whole case's readers only
  std::vector<State> allowed;                           // the transitions the reader may make now
  std::string authority_name;
  std::optional<std::string> triage_due, answer_due;
  bool overdue = false;
};

// One row of the figures; nullopt where disclosure control suppresses it.
struct Figure {
  std::string key;
  std::optional<std::int64_t> cases;
  std::optional<double> median_triage, p90_triage, median_answer, p90_answer, median_resolution,
      p90_resolution, share_unblocked;
};
struct Figures {
  bool controlled = true;
  Figure overall;
  std::vector<Figure> by_category, by_authority_type, by_departement;
};

class Service {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  Service(db::Database& db, const security::AuditLog& audit, const security::SecretBox& box,
          plan::ReportService& plan, Clock now = std::chrono::system_clock::now,
          std::string public_url = "", Deadlines deadlines = {});

  // own_organisation (the filer), addressed_to_me (the authority, once referred); the
  // coordinator holds none and is let in by the policy. kit::NotFound when the case does not
  // exist or the caller may not see it.
  kit::Relations relation_to_saisine(const kit::Actor& who, std::int64_t id);

  SaisineView file(const kit::Actor& who, const SaisineInput& in);
  // In draft or needs_information only (Conflict otherwise).
  SaisineView change(const kit::Actor& who, std::int64_t id, const SaisineInput& in);
  SaisineView get(const kit::Actor& who, std::int64_t id);
  // What the caller may see, newest first, optionally by state, authority or overdue.
  std::vector<SaisineView> list(const kit::Actor& who, const std::optional<std::string>& state,
                                const std::optional<std::string>& authority, bool overdue_only);
  // Conflict naming the allowed ones for an illegal transition; Forbidden when legal but not
  // the caller's to make; Invalid for a missing reason, summary or message.
  SaisineView transition(const kit::Actor& who, std::int64_t id, const TransitionInput& in);
  Message post(const kit::Actor& who, std::int64_t id, const std::string& thread,
               const std::string& text);
  // `category`: the département breakdown of that category's cases only (the others whole).
  Figures figures(const kit::Actor& who, const std::optional<std::string>& category = {});

  // The caller's own in-app notifications (latest 50, newest first), their unread count, and
  // marking them all read. Whoever a transition, message or reminder is told to by e-mail is
  // told in the application too: every member of each party organisation.
  std::vector<Notification> notifications(const kit::Actor& who);
  int unread(const kit::Actor& who);
  void mark_read(const kit::Actor& who);

  // Queues the deadline reminders due today and flags cases for the committee; returns how
  // many e-mails were queued.
  int send_reminders();

  const Deadlines& deadlines() const { return deadlines_; }

 private:
  kit::Relations relations_of(const kit::Actor& who, const Saisine& c) const;
  bool may_make(const kit::Actor& who, const kit::Relations& rel, Party p) const;
  // `detail`: with the timeline and the threads (a case page), or without (a list row: no
  // query per row). `names`: the directory's organisation names, read once for a list.
  SaisineView view_of(soci::session& s, const kit::Actor& who, Saisine c, bool detail = true,
                      const std::map<std::string, std::string>* names = nullptr);
  // E-mails the parties' referents and notifies every member of theirs in the application;
  // `kind`: "transition", "message" or "reminder".
  void tell(soci::session& s, const Saisine& c, const std::vector<std::string>& orgs,
            const std::string& kind, const std::string& subject);
  std::vector<std::string> coordinators(soci::session& s);
  std::string today() const;

  db::Database& db_;
  const security::AuditLog& audit_;
  const security::SecretBox& box_;
  plan::ReportService& plan_;
  Clock now_;
  std::string public_url_;
  Deadlines deadlines_;
};

}  // namespace vigie::saisines
