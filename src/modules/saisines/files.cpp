#include "modules/saisines/files.hpp"

#include <jpeglib.h>
#include <magic.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <vector>

namespace vigie::saisines::files {

namespace {

const std::map<std::string, std::vector<std::string>, std::less<>>& kinds() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> m{
      {"application/pdf", {"pdf"}},
      {"image/jpeg", {"jpg", "jpeg"}},
      {"image/png", {"png"}},
      {"application/vnd.oasis.opendocument.text", {"odt"}},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", {"docx"}},
  };
  return m;
}

// libjpeg reports errors through a callback that must not return: jump back to the caller.
struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};
void jpeg_fail(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

// Decodes into `pixels` (RGB) then encodes again; false when the bytes are no JPEG. Kept free of
// objects with destructors between setjmp and longjmp, as the C library requires.
bool reencode_jpeg(const unsigned char* in, unsigned long in_size,
                   std::vector<unsigned char>& pixels, unsigned char** out,
                   unsigned long* out_size) {
  jpeg_decompress_struct d;
  JpegError derr;
  d.err = jpeg_std_error(&derr.mgr);
  derr.mgr.error_exit = jpeg_fail;
  if (setjmp(derr.jump)) {
    jpeg_destroy_decompress(&d);
    return false;
  }
  jpeg_create_decompress(&d);
  jpeg_mem_src(&d, in, in_size);
  jpeg_read_header(&d, TRUE);
  d.out_color_space = JCS_RGB;
  jpeg_start_decompress(&d);
  const JDIMENSION width = d.output_width, height = d.output_height;
  if (width == 0 || height == 0 ||
      static_cast<unsigned long long>(width) * height > 50'000'000ULL) {
    jpeg_destroy_decompress(&d);
    return false;
  }
  pixels.resize(static_cast<std::size_t>(width) * height * 3);
  while (d.output_scanline < height) {
    JSAMPROW row = pixels.data() + static_cast<std::size_t>(d.output_scanline) * width * 3;
    jpeg_read_scanlines(&d, &row, 1);
  }
  jpeg_finish_decompress(&d);
  jpeg_destroy_decompress(&d);

  jpeg_compress_struct c;
  JpegError cerr;
  c.err = jpeg_std_error(&cerr.mgr);
  cerr.mgr.error_exit = jpeg_fail;
  if (setjmp(cerr.jump)) {
    jpeg_destroy_compress(&c);
    return false;
  }
  jpeg_create_compress(&c);
  jpeg_mem_dest(&c, out, out_size);
  c.image_width = width;
  c.image_height = height;
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_set_quality(&c, 90, TRUE);
  c.write_JFIF_header = FALSE;  // not even the JFIF header's density: pixels only
  jpeg_start_compress(&c, TRUE);
  while (c.next_scanline < height) {
    JSAMPROW row = pixels.data() + static_cast<std::size_t>(c.next_scanline) * width * 3;
    jpeg_write_scanlines(&c, &row, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  return true;
}

std::optional<std::string> reencode_png(std::string_view bytes) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return std::nullopt;
  image.format = PNG_FORMAT_RGBA;
  if (static_cast<unsigned long long>(image.width) * image.height > 50'000'000ULL) {
    png_image_free(&image);
    return std::nullopt;
  }
  std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    return std::nullopt;
  }
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, pixels.data(), 0, nullptr))
    return std::nullopt;
  std::string out(size, '\0');
  if (!png_image_write_to_memory(&image, out.data(), &size, 0, pixels.data(), 0, nullptr))
    return std::nullopt;
  out.resize(size);
  return out;
}

}  // namespace

std::string media_type_of(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<magic_t>, decltype(&magic_close)> cookie(
      magic_open(MAGIC_MIME_TYPE), &magic_close);
  if (!cookie || magic_load(cookie.get(), nullptr) != 0) return "application/octet-stream";
  const char* type = magic_buffer(cookie.get(), bytes.data(), bytes.size());
  return type ? type : "application/octet-stream";
}

bool accepted(std::string_view media_type) {
  return kinds().find(media_type) != kinds().end();
}

bool extension_matches(std::string_view file_name, std::string_view media_type) {
  const auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(file_name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  const auto it = kinds().find(media_type);
  return it != kinds().end() &&
         std::find(it->second.begin(), it->second.end(), ext) != it->second.end();
}

std::optional<std::string> without_metadata(std::string_view media_type, std::string_view bytes) {
  if (media_type == "image/png") return reencode_png(bytes);
  if (media_type != "image/jpeg") return std::string(bytes);
  std::vector<unsigned char> pixels;
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  const bool ok = reencode_jpeg(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                pixels, &out, &out_size);
  std::optional<std::string> result;
  if (ok && out) result = std::string(reinterpret_cast<const char*>(out), out_size);
  std::free(out);
  return result;
}

}  // namespace vigie::saisines::files
