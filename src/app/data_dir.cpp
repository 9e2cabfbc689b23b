#include "app/data_dir.hpp"

namespace vigie::app {

namespace fs = std::filesystem;

void create_data_dir(const fs::path& dir) {
  if (fs::exists(dir)) return;
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

std::vector<fs::path> too_open_in_data_dir(const fs::path& dir) {
  constexpr auto others = fs::perms::group_all | fs::perms::others_all;
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  if ((fs::status(dir, ec).permissions() & others) != fs::perms::none) out.push_back(dir);
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const auto st = it->symlink_status(ec);
    if (ec || fs::is_symlink(st)) continue;
    if ((st.permissions() & others) != fs::perms::none) out.push_back(it->path());
  }
  return out;
}

}  // namespace vigie::app
