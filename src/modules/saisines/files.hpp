#pragma once
// What a saisine accepts as an attachment, decided from the bytes, never from the name or the
// declared type: PDF, JPEG, PNG, ODT and DOCX (libmagic), each under the name's extension that
// says the same thing. Images are decoded and encoded again (libjpeg, libpng), so what is kept
// holds the pixels only: no EXIF, no GPS position, no camera, no date, no comment.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::saisines::files {

constexpr std::size_t kMaxFile = 10 * 1024 * 1024;  // bytes per file
constexpr std::size_t kMaxCase = 30 * 1024 * 1024;  // bytes per saisine
constexpr std::size_t kMaxFiles = 20;               // files per saisine

// The media type libmagic reads in the bytes ("application/pdf", "text/plain"…).
std::string media_type_of(std::string_view bytes);
// True when `media_type` is one the saisines accept.
bool accepted(std::string_view media_type);
// True when the file name's extension names that media type (x.pdf for application/pdf).
bool extension_matches(std::string_view file_name, std::string_view media_type);
// The image re-encoded without any metadata, or nullopt when it cannot be decoded. Other
// types are returned unchanged.
std::optional<std::string> without_metadata(std::string_view media_type, std::string_view bytes);

}  // namespace vigie::saisines::files
