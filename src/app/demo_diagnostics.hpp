#pragma once
// The demo's field diagnostics: what the board shows at first launch. Two measures the
// ministries report well advanced that the field finds weak (the accommodation of victims,
// A2.c, and the detection of labour exploitation, A4.a), one where the field is more positive
// than the official report (the European day against trafficking, A1.c), earlier periods for
// the trend, départements of mainland France and overseas, a pilot's reply, a comment, a
// coordination-only diagnostic and a draft. All fictional.

#include "kit/actor.hpp"
#include "modules/diagnostics/call_service.hpp"
#include "modules/diagnostics/service.hpp"
#include "modules/plan/service.hpp"

#include <map>
#include <string>

namespace vigie::app {

// `orgs`: each demo organisation's actor (its referent, or the organisation acting).
// Also opens a call for diagnostics to the associations on A3.a, due in four weeks.
void load_demo_diagnostics(diagnostics::Service& diagnostics, diagnostics::CallService& calls,
                           plan::Service& plan, const std::map<std::string, kit::Actor>& orgs);

}  // namespace vigie::app
