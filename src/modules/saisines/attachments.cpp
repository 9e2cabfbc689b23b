#include "modules/saisines/attachments.hpp"

#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/saisines/files.hpp"
#include "modules/saisines/store.hpp"
#include "security/file_box.hpp"
#include "security/random.hpp"

#include <fstream>
#include <iterator>

namespace vigie::saisines {

namespace {

bool concluded(State s) {
  return s == State::closed || s == State::declined || s == State::withdrawn;
}

}  // namespace

Attachments::Attachments(db::Database& db, const security::AuditLog& audit,
                         const security::SecretBox& box, Service& saisines,
                         std::filesystem::path dir, Service::Clock now)
    : db_(db), audit_(audit), box_(box), saisines_(saisines), dir_(std::move(dir)), now_(now) {
  std::filesystem::create_directories(dir_);
  std::filesystem::permissions(dir_, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace);
}

StoredFile Attachments::attach(const kit::Actor& who, std::int64_t saisine_id,
                               const UploadedFile& file) {
  const auto rel = saisines_.relation_to_saisine(who, saisine_id);
  if (!accounts::allowed(who, "saisine.edit", rel) &&
      !accounts::allowed(who, "saisine.triage", rel))
    throw kit::Forbidden("Only the filing organisation and the coordinator attach files.");
  kit::FieldErrors errors;
  if (file.data.empty()) errors.push_back({"file", "required", "Choose a file."});
  if (file.data.size() > files::kMaxFile)
    errors.push_back({"file", "too_large",
                      "This file is " + std::to_string(file.data.size() / (1024 * 1024)) +
                          " MiB: a file may be at most 10 MiB."});
  kit::throw_if_invalid(std::move(errors));
  const auto type = files::media_type_of(file.data);
  if (!files::accepted(type))
    throw kit::Invalid({{"file", "type_not_allowed",
                         "Only PDF, JPEG, PNG, ODT and DOCX files are accepted; this file's "
                         "content is " +
                             type + "."}});
  if (!files::extension_matches(file.file_name, type))
    throw kit::Invalid({{"file", "type_mismatch",
                         "This file is not what its name says: its content is " + type +
                             ", which does not match \"" + file.file_name + "\"."}});
  const auto kept = files::without_metadata(type, file.data);
  if (!kept)
    throw kit::Invalid({{"file", "unreadable_image", "This image cannot be read: send it again."}});
  return db_.transact([&](soci::session& s) {
    auto c = store::find(s, box_, saisine_id);
    if (!c) throw kit::NotFound("No saisine with this id.");
    if (concluded(c->state))
      throw kit::Conflict("concluded", "A concluded saisine takes no more files.");
    const auto existing = store::attachments(s, box_, saisine_id);
    std::size_t total = kept->size();
    for (const auto& a : existing) total += static_cast<std::size_t>(a.size);
    if (existing.size() >= files::kMaxFiles || total > files::kMaxCase)
      throw kit::Conflict("case-full", "A saisine holds at most 20 files and 30 MiB of them.");
    Attachment a;
    a.saisine_id = saisine_id;
    a.file_name = file.file_name;
    a.media_type = type;
    a.size = static_cast<std::int64_t>(kept->size());
    a.stored_name = security::random_hex(16);
    const auto sealed = security::seal_file(box_, *kept, a.stored_name);
    a.wrapped_key = sealed.wrapped_key;
    a.org_id = who.org_id;
    a.org_code = who.org_code;
    a.user_id = who.user_id;
    a.created_at = db::iso_utc(now_());
    {
      std::ofstream out(dir_ / a.stored_name, std::ios::binary | std::ios::trunc);
      out.write(sealed.bytes.data(), static_cast<std::streamsize>(sealed.bytes.size()));
      if (!out.flush()) throw std::runtime_error("cannot write an attachment");
    }
    try {
      a.id = store::add_attachment(s, box_, a);
    } catch (...) {
      // No row, no file: a failed insert leaves nothing behind in the store.
      std::error_code ignored;
      std::filesystem::remove(dir_ / a.stored_name, ignored);
      throw;
    }
    kit::AuditRecord(who, "saisine.attach", "saisine", saisine_id)
        .owner(c->filer_org_id)
        .detail("attachment", a.id)
        .detail("media_type", type)
        .append(s, db_.backend(), audit_);
    return StoredFile{a, kept->size() != file.data.size() || type.starts_with("image/")};
  });
}

FileContent Attachments::read(const kit::Actor& who, std::int64_t saisine_id,
                              std::int64_t attachment_id) {
  const auto rel = saisines_.relation_to_saisine(who, saisine_id);
  if (!accounts::allowed(who, "saisine.read_full", rel))
    throw kit::NotFound("No attachment with this id.");
  return db_.transact([&](soci::session& s) {
    auto c = store::find(s, box_, saisine_id);
    if (!c) throw kit::NotFound("No saisine with this id.");
    for (auto& a : store::attachments(s, box_, saisine_id)) {
      if (a.id != attachment_id) continue;
      std::ifstream in(dir_ / a.stored_name, std::ios::binary);
      const std::string sealed((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
      FileContent out{a, security::open_file(box_, sealed, a.wrapped_key, a.stored_name)};
      kit::AuditRecord(who, "saisine.attachment_read", "saisine", saisine_id)
          .owner(c->filer_org_id)
          .detail("attachment", a.id)
          .append(s, db_.backend(), audit_);
      return out;
    }
    throw kit::NotFound("No attachment with this id.");
  });
}

}  // namespace vigie::saisines
