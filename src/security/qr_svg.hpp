#pragma once
#include <string>
namespace vigie::security {
// A QR code of `text` as a standalone SVG document (libqrencode, error correction M).
std::string qr_svg(const std::string& text);
}  // namespace vigie::security
