#pragma once
// A saisine's attachments: the filing organisation and the coordinator attach files to a case
// that is still open, and read them; the authority never does (its view is the summary and the
// parts marked shared). A file is checked from its bytes (files.hpp), images lose their
// metadata, and the result is stored outside the web root under a random name, encrypted with
// a key of its own wrapped by the key file's key (security/file_box.hpp). Every read of a file
// is audited with the filing organisation as owner.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "modules/saisines/model.hpp"
#include "modules/saisines/service.hpp"
#include "security/audit_log.hpp"
#include "security/secret_box.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace vigie::saisines {

struct UploadedFile {
  std::string file_name;
  std::string_view data;  // the upload's bytes, not copied (they outlive attach())
};

struct StoredFile {
  Attachment attachment;
  bool metadata_removed = false;  // an image was re-encoded
};

struct FileContent {
  Attachment attachment;
  std::string bytes;  // in clear
};

class Attachments {
 public:
  // `dir`: where the sealed files live (created, mode 0700).
  Attachments(db::Database& db, const security::AuditLog& audit, const security::SecretBox& box,
              Service& saisines, std::filesystem::path dir,
              Service::Clock now = std::chrono::system_clock::now);

  // Invalid ("file": type_not_allowed, type_mismatch, too_large, unreadable_image); Conflict
  // when the case is concluded or full; NotFound / Forbidden as for the case.
  StoredFile attach(const kit::Actor& who, std::int64_t saisine_id, const UploadedFile& file);
  // NotFound unless the caller reads the whole case and the file belongs to it.
  FileContent read(const kit::Actor& who, std::int64_t saisine_id, std::int64_t attachment_id);

  const std::filesystem::path& dir() const { return dir_; }

 private:
  db::Database& db_;
  const security::AuditLog& audit_;
  const security::SecretBox& box_;
  Service& saisines_;
  std::filesystem::path dir_;
  Service::Clock now_;
};

}  // namespace vigie::saisines
