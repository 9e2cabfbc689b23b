#pragma once
// The data directory holds the database (SQLite: with its WAL and shared memory), the key
// file, the audit checkpoint and stored files: only Vigie's own user may read any of it.
// Vigie creates it 0700 and everything in it 0600 (its umask is 077 from the start, main.cpp);
// what an operator widened later is reported, not silently changed.

#include <filesystem>
#include <vector>

namespace vigie::app {

// Creates `dir` mode 0700 when it does not exist.
void create_data_dir(const std::filesystem::path& dir);

// The directory itself and every file or folder under it that group or others may read,
// write or enter.
std::vector<std::filesystem::path> too_open_in_data_dir(const std::filesystem::path& dir);

}  // namespace vigie::app
