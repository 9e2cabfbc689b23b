#pragma once
// `vigie privacy scan` and `vigie privacy aggregate`: the privacy engines on the command line,
// for checks and for the coordinator's offline work.

#include <iosfwd>
#include <string>
#include <vector>

namespace vigie::app {

// Reads UTF-8 text, prints {"findings":[...]}. Returns 1 when an identifier is found, else 0.
int run_privacy_scan(std::istream& in, std::ostream& out);

// Reads a CSV with a header row, prints the controlled table as JSON. Returns 0, or 2 on a
// usage error (message on `err`).
int run_privacy_aggregate(std::istream& in, std::ostream& out, std::ostream& err,
                          const std::vector<std::string>& by, int k);

}  // namespace vigie::app
