// Saisine attachments on their edges (issue 14): the type is read from the bytes, not the name;
// a name must say what the bytes are; images come back without metadata; a sealed file opens
// only with its wrapped key, under its own stored name, unaltered.
#include "modules/saisines/files.hpp"
#include "security/file_box.hpp"

#include <gtest/gtest.h>

#include <jpeglib.h>

#include <cstdlib>
#include <vector>

namespace files = vigie::saisines::files;
using vigie::security::SecretBox;
using vigie::security::SecretBoxError;

namespace {

const std::string kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n";

std::string tiny_jpeg() {
  jpeg_compress_struct c;
  jpeg_error_mgr e;
  c.err = jpeg_std_error(&e);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &out, &size);
  c.image_width = 8;
  c.image_height = 8;
  c.input_components = 3;
  c.in_color_space = JCS_RGB;
  jpeg_set_defaults(&c);
  jpeg_start_compress(&c, TRUE);
  std::vector<unsigned char> row(8 * 3, 120);
  while (c.next_scanline < 8) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  jpeg_destroy_compress(&c);
  std::string bytes(reinterpret_cast<char*>(out), size);
  std::free(out);
  return bytes;
}

// The JPEG with an APP1 (EXIF) segment holding a GPS position right after its start marker.
std::string with_gps(const std::string& jpeg) {
  const std::string exif = std::string("Exif\0\0MM\0*\0\0\0\x08", 14) + "GPSLatitude 48.8566N";
  const auto len = exif.size() + 2;
  std::string app1 = {'\xff', '\xe1', static_cast<char>(len >> 8), static_cast<char>(len & 0xff)};
  return jpeg.substr(0, 2) + app1 + exif + jpeg.substr(2);
}

TEST(SaisineFiles, TheTypeComesFromTheBytes) {
  EXPECT_EQ(files::media_type_of(kPdf), "application/pdf");
  EXPECT_EQ(files::media_type_of(tiny_jpeg()), "image/jpeg");
  EXPECT_EQ(files::media_type_of("Un simple texte.\n"), "text/plain");
  EXPECT_TRUE(files::accepted("application/pdf"));
  EXPECT_FALSE(files::accepted("text/plain"));
  EXPECT_FALSE(files::accepted("text/html"));
}

TEST(SaisineFiles, TheNameMustSayWhatTheBytesAre) {
  EXPECT_TRUE(files::extension_matches("plainte.PDF", "application/pdf"));
  EXPECT_TRUE(files::extension_matches("photo.jpeg", "image/jpeg"));
  EXPECT_FALSE(files::extension_matches("photo.pdf", "image/jpeg"));
  EXPECT_FALSE(files::extension_matches("plainte", "application/pdf"));
  EXPECT_FALSE(files::extension_matches("plainte.pdf.exe", "application/pdf"));
}

TEST(SaisineFiles, AnImageComesBackWithoutItsMetadata) {
  const auto photo = with_gps(tiny_jpeg());
  ASSERT_NE(photo.find("GPSLatitude"), std::string::npos);
  ASSERT_EQ(files::media_type_of(photo), "image/jpeg");
  const auto kept = files::without_metadata("image/jpeg", photo);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->substr(0, 2), "\xff\xd8");
  EXPECT_EQ(kept->find("GPSLatitude"), std::string::npos);
  EXPECT_EQ(kept->find("Exif"), std::string::npos);
  EXPECT_EQ(files::media_type_of(*kept), "image/jpeg");
  // Bytes that only start like a JPEG are no image.
  EXPECT_FALSE(files::without_metadata("image/jpeg", photo.substr(0, 40)));
  // A PDF is kept as it is.
  EXPECT_EQ(files::without_metadata("application/pdf", kPdf), kPdf);
}

TEST(SaisineFiles, ASealedFileOpensOnlyWithItsKeyUnderItsNameUnaltered) {
  const SecretBox box(std::array<unsigned char, 32>{1});
  const auto sealed = vigie::security::seal_file(box, kPdf, "a1b2");
  EXPECT_EQ(sealed.bytes.find("PDF"), std::string::npos);
  EXPECT_EQ(vigie::security::open_file(box, sealed.bytes, sealed.wrapped_key, "a1b2"), kPdf);
  EXPECT_THROW(vigie::security::open_file(box, sealed.bytes, sealed.wrapped_key, "c3d4"),
               SecretBoxError);  // swapped for another file
  auto altered = sealed.bytes;
  altered[altered.size() / 2] ^= 1;
  EXPECT_THROW(vigie::security::open_file(box, altered, sealed.wrapped_key, "a1b2"),
               SecretBoxError);
  const SecretBox other(std::array<unsigned char, 32>{2});
  EXPECT_THROW(vigie::security::open_file(other, sealed.bytes, sealed.wrapped_key, "a1b2"),
               SecretBoxError);  // another key file
  // Two seals of the same file share no key.
  EXPECT_NE(vigie::security::seal_file(box, kPdf, "a1b2").wrapped_key, sealed.wrapped_key);
}

}  // namespace
