#pragma once
// Saisines over HTTP:
//   POST  /api/v1/saisines                 {title, category, authority?, departement?,
//                                           measures?[], facts?, chronology?[{date, event,
//                                           kind?}], persons?, steps?[{date, step}], expected?,
//                                           shared?[]} → 201 a draft with its checklist
//   GET   /api/v1/saisines?state=&authority=&overdue=1   what the caller may see
//   GET   /api/v1/saisines/stats?category= the figures (controlled beyond the coordinator); the
//                                           département breakdown of one category if given
//   GET   /api/v1/saisines/notifications   the caller's own, newest first, {unread, notifications}
//   POST  /api/v1/saisines/notifications/read  marks the caller's read → 204
//   GET   /api/v1/saisines/{id}            404 to whoever may not see it; audited
//   PATCH /api/v1/saisines/{id}            in draft or needs_information
//   POST  /api/v1/saisines/{id}/transitions {to, message?, summary?, reason?} (409 names the
//                                           allowed ones)
//   POST  /api/v1/saisines/{id}/messages   {thread: filer | authority, text}
//   POST  /api/v1/saisines/{id}/attachments  multipart/form-data, one part "file" → 201
//   GET   /api/v1/saisines/{id}/attachments/{attachment}  the file, as an attachment, sandboxed

#include "http/router.hpp"
#include "modules/saisines/attachments.hpp"
#include "modules/saisines/service.hpp"

namespace vigie::saisines {

void register_routes(http::Router& router, Service& saisines, Attachments& attachments);

}  // namespace vigie::saisines
