// The coordination edits the referential: measures added, renamed, reweighted, reordered or
// retired (never deleted); actions added and changed. Each edit is audited.
#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "modules/plan/referential_rules.hpp"
#include "modules/plan/service.hpp"
#include "modules/plan/store.hpp"

#include <boost/json.hpp>

namespace vigie::plan {

namespace {

void add_error(kit::FieldErrors& errors, const std::string& field,
               const std::optional<rules::Problem>& p) {
  if (p) errors.push_back({field, p->code, p->message});
}

void throw_if(const kit::FieldErrors& errors) {
  if (!errors.empty()) throw kit::Invalid(errors);
}

// Validates the members present in `in` and overlays them on `a`.
void apply_change(Action& a, const ActionChange& in, const std::vector<std::string>& known,
                  kit::FieldErrors& errors) {
  if (in.title) {
    add_error(errors, "title", rules::title(*in.title));
    a.title = *in.title;
  }
  if (in.weight) {
    add_error(errors, "weight", rules::weight(*in.weight));
    a.weight = *in.weight;
  }
  if (in.deadline) {
    add_error(errors, "deadline", rules::date(*in.deadline));
    a.deadline = in.deadline->empty() ? std::nullopt : in.deadline;
  }
  if (in.cost_eur) add_error(errors, "cost_eur", rules::cost(*in.cost_eur, a.cost_eur));
  if (in.funding) {
    add_error(errors, "funding", rules::title(*in.funding, false));
    a.funding = *in.funding;
  }
  if (in.official_text_url) {
    add_error(errors, "official_text_url", rules::link(*in.official_text_url));
    a.official_text_url = *in.official_text_url;
  }
  if (in.pilots) {
    add_error(errors, "pilots", rules::pilots(*in.pilots, known));
    a.pilots = *in.pilots;
  }
  if (in.partners) a.partners = *in.partners;
}

}  // namespace

Measure ReferentialService::create_measure(const kit::Actor& who, const std::string& axis_code,
                                           const MeasureInput& in) {
  return db_.transact([&](soci::session& s) {
    auto axis = store::find_axis_id(s, axis_code);
    if (!axis) throw kit::NotFound("No axis with this code.");
    kit::FieldErrors errors;
    add_error(errors, "code", rules::measure_code(in.code));
    if (!errors.size() && store::find_measure(s, in.code))
      errors.push_back({"code", "taken", "A measure already has this code."});
    add_error(errors, "title_fr", rules::title(in.title_fr));
    add_error(errors, "title_en", rules::title(in.title_en, false));
    add_error(errors, "pilots", rules::pilots(in.pilots, store::known_pilot_codes(s)));
    add_error(errors, "deadline", rules::date(in.deadline.value_or("")));
    throw_if(errors);
    Measure m;
    m.code = in.code;
    m.title_fr = in.title_fr;
    m.title_en = in.title_en;
    m.confidence = "entered";
    m.id = store::insert_measure(s, *axis, m, store::next_measure_position(s, *axis));
    Action a;
    a.title = "Mise en œuvre de la mesure";
    a.pilots = in.pilots;
    a.deadline = in.deadline && !in.deadline->empty() ? in.deadline : std::nullopt;
    a.id = store::insert_action(s, m.id, a, 1);
    m.actions.push_back(a);
    kit::AuditRecord(who, "plan.measure_create", "measure", m.code)
        .detail("axis", axis_code)
        .append(s, db_.backend(), audit_);
    return m;
  });
}

void ReferentialService::change_measure(const kit::Actor& who, const std::string& code,
                                        const MeasureChange& in) {
  db_.transact([&](soci::session& s) {
    auto m = store::find_measure(s, code);
    if (!m) throw kit::NotFound("No measure with this code.");
    kit::FieldErrors errors;
    boost::json::object changed;
    if (in.title_fr) {
      add_error(errors, "title_fr", rules::title(*in.title_fr));
      if (*in.title_fr != m->title_fr) changed["title_fr"] = *in.title_fr;
      m->title_fr = *in.title_fr;
    }
    if (in.title_en) {
      add_error(errors, "title_en", rules::title(*in.title_en, false));
      if (*in.title_en != m->title_en) changed["title_en"] = *in.title_en;
      m->title_en = *in.title_en;
    }
    if (in.weight) {
      add_error(errors, "weight", rules::weight(*in.weight));
      if (*in.weight != m->weight) changed["weight"] = *in.weight;
      m->weight = *in.weight;
    }
    throw_if(errors);
    // Retiring keeps the measure and its history; the date says since when.
    if (in.retired && *in.retired != m->retired_at.has_value()) {
      changed["retired"] = *in.retired;
      m->retired_at = *in.retired ? std::optional<std::string>(today()) : std::nullopt;
    }
    if (!changed.empty()) store::update_measure(s, *m);
    if (in.move != 0 && store::move_measure(s, *m, in.move)) changed["move"] = in.move;
    if (changed.empty()) return;
    kit::AuditRecord(who, "plan.measure_change", "measure", code)
        .details(changed)
        .append(s, db_.backend(), audit_);
  });
}

std::int64_t ReferentialService::add_action(const kit::Actor& who, const std::string& measure_code,
                                            const ActionChange& in) {
  return db_.transact([&](soci::session& s) {
    auto m = store::find_measure(s, measure_code);
    if (!m) throw kit::NotFound("No measure with this code.");
    Action a;
    kit::FieldErrors errors;
    if (!in.title) errors.push_back({"title", "required", "A title is required."});
    apply_change(a, in, store::known_pilot_codes(s), errors);
    throw_if(errors);
    a.id = store::insert_action(s, m->id, a, store::next_action_position(s, m->id));
    kit::AuditRecord(who, "plan.action_create", "action", a.id)
        .detail("measure", measure_code)
        .append(s, db_.backend(), audit_);
    return a.id;
  });
}

void ReferentialService::change_action(const kit::Actor& who, std::int64_t id,
                                       const ActionChange& in) {
  db_.transact([&](soci::session& s) {
    auto tree = store::load_tree(s);
    Action* found = nullptr;
    if (tree)
      for (auto& axis : tree->axes)
        for (auto& m : axis.measures)
          for (auto& a : m.actions)
            if (a.id == id) found = &a;
    if (!found) throw kit::NotFound("No action with this id.");
    kit::FieldErrors errors;
    apply_change(*found, in, store::known_pilot_codes(s), errors);
    throw_if(errors);
    store::update_action(s, *found);
    kit::AuditRecord(who, "plan.action_change", "action", id).append(s, db_.backend(), audit_);
  });
}

}  // namespace vigie::plan
