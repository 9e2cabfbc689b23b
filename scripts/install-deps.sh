#!/usr/bin/env bash
# Installs what building and testing Vigie needs, skipping what is already there.
# Usage: scripts/install-deps.sh [build|test|bench]   (each includes the ones before it)
set -euo pipefail
cd "$(dirname "$0")/.."
level=${1:-test}

packages=(build-essential cmake pkg-config ccache git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev libsodium-dev
  libcli11-dev libtomlplusplus-dev libspdlog-dev libgtest-dev googletest liboath-dev oathtool
  libcurl4-openssl-dev libqrencode-dev libxlsxwriter-dev libzip-dev libpugixml-dev
  sqlite3 nodejs)
if [[ $level == test || $level == bench ]]; then
  packages+=(postgresql-15 postgresql-client-15 chromium fonts-liberation python3-aiosmtpd python3-openpyxl
    libreoffice-calc-nogui)
fi
if [[ $level == bench ]]; then
  packages+=(nginx-light wrk)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing Debian packages: ${missing[*]}"
  [[ $(id -u) == 0 ]] || { echo "need root to install: ${missing[*]}" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "Node.js >= 20 is required (found $(node --version))" >&2
  exit 1
fi

# npm packages are pinned by package-lock.json; reinstall only when the lock changed.
stamp=node_modules/.vigie-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
  echo "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
