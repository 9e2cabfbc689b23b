#!/usr/bin/env bash
# Checks the README's two commands as root on bare Debian systems: for each release, a minimal
# chroot made by debootstrap, a clean clone of HEAD copied in, `make demo` until the server
# answers /healthz on loopback (then stopped), then `make test`. Prints one line per release and
# step (PASS/FAIL and how long it took) and what the run downloaded. Not part of `make test`:
# on 2 cores one release takes about an hour.
#   scripts/check-fresh.sh [RELEASE...]      releases: bookworm trixie (default: both)
# Environment: VIGIE_FRESH_DIR (default /var/tmp/vigie-fresh) holds the chroots and the logs
# (RELEASE.STEP.log); VIGIE_FRESH_KEEP=1 keeps each chroot after its run; VIGIE_FRESH_MIRROR
# and VIGIE_FRESH_SECURITY_MIRROR override the mirrors read from /etc/apt/sources.list*.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=${VIGIE_FRESH_DIR:-/var/tmp/vigie-fresh}
debootstrap_timeout=1800
demo_timeout=${VIGIE_FRESH_DEMO_TIMEOUT:-3600}
test_timeout=${VIGIE_FRESH_TEST_TIMEOUT:-5400}
releases=("$@")
((${#releases[@]})) || releases=(bookworm trixie)

die() {
  echo "check-fresh: $*" >&2
  exit 2
}
[[ $(id -u) == 0 ]] || die "run as root (debootstrap, chroot and mounts need it)"
for r in "${releases[@]}"; do
  [[ $r == bookworm || $r == trixie ]] || die "unknown release '$r' (bookworm or trixie)"
done
sha=$(git rev-parse HEAD)
git diff --quiet HEAD 2>/dev/null || echo "check-fresh: uncommitted changes are not checked: the clone is of HEAD" >&2

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v curl >/dev/null || need+=(curl)
if ((${#need[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The mirrors this machine's apt uses.
shopt -s nullglob
sources=(/etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources)
shopt -u nullglob
uris=$(cat "${sources[@]}" 2>/dev/null |
  sed -nE 's/^URIs:[[:space:]]*//p; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' |
  tr ' ' '\n' || true)
mirror=${VIGIE_FRESH_MIRROR:-$(grep -m1 -E '/debian/?$' <<<"$uris" || true)}
security=${VIGIE_FRESH_SECURITY_MIRROR:-$(grep -m1 -E '/debian-security/?$' <<<"$uris" || true)}
[[ -n $mirror ]] || die "no Debian mirror in /etc/apt/sources.list*: set VIGIE_FRESH_MIRROR"
mirror=${mirror%/}
security=${security:-$mirror-security}
security=${security%/}

mkdir -p "$work"
root=""     # the chroot being checked, for the exit trap
demo_pid="" # the background `make demo`

duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
report() { # RELEASE STEP PASS|FAIL SECONDS [DETAIL]
  printf '%-9s %-10s %s %7s%s\n' "$1" "$2" "$3" "$(duration "$4")" "${5:+  $5}"
}
# Prefixes each line with the time of day, so a log shows where the time went.
stamp() { while IFS= read -r line || [[ -n $line ]]; do printf '%(%T)T %s\n' -1 "$line"; done; }

mounted_under() { awk -v r="$1" '$2 == r || index($2, r "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; }

# Signals every process whose root is the chroot (only processes this script started live there).
signal_inside() {
  local dir=$1 sig=$2 p
  for p in /proc/[0-9]*; do
    if [[ $(readlink "$p/root" 2>/dev/null) == "$dir" ]]; then
      kill "-$sig" "${p#/proc/}" 2>/dev/null || true
    fi
  done
}

stop_demo() {
  [[ -n $demo_pid ]] || return 0
  kill -TERM -- "-$demo_pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 30; i++)); do
    kill -0 "$demo_pid" 2>/dev/null || break
    sleep 1
  done
  kill -KILL -- "-$demo_pid" 2>/dev/null || true
  wait "$demo_pid" 2>/dev/null || true
  demo_pid=""
}

unmount_chroot() {
  local dir=$1 i
  for ((i = 0; i < 5; i++)); do
    mounted_under "$dir" || return 0
    signal_inside "$dir" TERM
    ((i == 0)) || sleep 2
    ((i < 3)) || signal_inside "$dir" KILL
    umount -R "$dir" 2>/dev/null || true
  done
  mounted_under "$dir" && umount -R -l "$dir" 2>/dev/null
  ! mounted_under "$dir"
}

remove_chroot() {
  local dir=$1
  [[ -e $dir ]] || return 0
  unmount_chroot "$dir" || die "$dir: could not unmount what is mounted under it; not removing it"
  rm -rf --one-file-system "$dir"
}

# shellcheck disable=SC2317  # called by the trap
on_exit() {
  stop_demo
  if [[ -n $root ]]; then
    unmount_chroot "$root" || echo "check-fresh: could not unmount everything under $root" >&2
  fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM

mount_chroot() {
  local dir=$1
  mount --bind "$dir" "$dir"
  mount --make-private "$dir"
  mount -t proc proc "$dir/proc"
  mount -t sysfs sysfs "$dir/sys"
  mount --bind /dev "$dir/dev"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5 devpts "$dir/dev/pts"
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$dir/dev/shm"
}

# A free loopback TCP port (nothing answers on it now).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 10000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}

# Runs a shell command line in the chroot, as root, in the clone, with a bare environment.
# shellcheck disable=SC2317  # also called through `declare -f` in a child shell
in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    VIGIE_PGPORT="$pg_port" ${NODE_EXTRA_CA_CERTS:+NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt} \
    /bin/bash -c "cd /root/vigie && $1"
}

status=0
check_release() {
  local rel=$1 t0 rc port detail
  root=$work/$rel
  local log=$work/$rel
  remove_chroot "$root"

  t0=$SECONDS
  rc=0
  timeout "$debootstrap_timeout" debootstrap --variant=minbase --include=make "$rel" "$root" "$mirror" 2>&1 |
    stamp >"$log.debootstrap.log" || rc=$?
  if ((rc != 0)); then
    report "$rel" debootstrap FAIL $((SECONDS - t0)) "see $log.debootstrap.log"
    status=1
    return
  fi
  # A bare system as its installer leaves it: the release, its updates and security suites.
  cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $rel main
deb $mirror $rel-updates main
deb $security $rel-security main
EOF
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # This machine's own certificate authorities (a TLS-inspecting proxy's, say), so the chroot
  # reaches the registries as the machine does; ca-certificates adds them when it is installed.
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" 2>/dev/null || true
  printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
  # No service starts inside the chroot (PostgreSQL's package would start a cluster on 5432).
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  rm -f "$root"/var/cache/apt/archives/*.deb
  git clone -q --no-hardlinks "$repo" "$root/root/vigie"
  git -C "$root/root/vigie" checkout -q --detach "$sha"
  report "$rel" debootstrap PASS $((SECONDS - t0)) \
    "$(sed -n 's/^PRETTY_NAME=//p' "$root/etc/os-release" | tr -d '"'), Debian $(cat "$root/etc/debian_version")"

  mount_chroot "$root"
  pg_port=$(free_port)

  # make demo, in the background, until /healthz answers.
  port=$(free_port)
  t0=$SECONDS
  setsid bash -c "$(declare -f in_chroot); root=$root pg_port=$pg_port; in_chroot 'exec make demo DEMO_LISTEN=127.0.0.1:$port'" \
    > >(stamp >"$log.demo.log") 2>&1 &
  demo_pid=$!
  rc=1
  detail="no answer on 127.0.0.1:$port/healthz within $(duration "$demo_timeout")"
  while ((SECONDS - t0 < demo_timeout)); do
    if curl -fsS --max-time 5 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      rc=0
      detail="/healthz answered on 127.0.0.1:$port"
      break
    fi
    if ! kill -0 "$demo_pid" 2>/dev/null; then
      detail="make demo stopped before /healthz answered: see $log.demo.log"
      break
    fi
    sleep 5
  done
  local demo_seconds=$((SECONDS - t0))
  stop_demo
  signal_inside "$root" TERM
  report "$rel" make-demo "$([[ $rc == 0 ]] && echo PASS || echo FAIL)" "$demo_seconds" "$detail"
  ((rc == 0)) || status=1

  # make test (it installs what make demo did not need).
  t0=$SECONDS
  rc=0
  timeout --kill-after=60 "$test_timeout" bash -c "$(declare -f in_chroot); root=$root pg_port=$pg_port; in_chroot 'make test'" 2>&1 |
    stamp >"$log.test.log" || rc=$?
  detail=$(sed -nE 's/^[0-9:]+ (make test: .*)/\1/p' "$log.test.log" | tail -1)
  ((rc != 124)) || detail="stopped after $(duration "$test_timeout")${detail:+; $detail}"
  report "$rel" make-test "$([[ $rc == 0 ]] && echo PASS || echo FAIL)" $((SECONDS - t0)) "${detail:-see $log.test.log}"
  ((rc == 0)) || status=1

  # What the two commands downloaded: the Debian packages apt kept, npm's cache (Node.js included).
  local debs npm
  debs=$(find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -printf '%s\n' 2>/dev/null |
    awk '{ s += $1; n++ } END { printf "%d Debian packages, %d MB", n, s / 1e6 }' || true)
  npm=$(du -sb "$root/root/.npm/_cacache" 2>/dev/null | awk '{ printf "%d MB", $1 / 1e6 }' || true)
  printf '%-9s %-10s %s\n' "$rel" downloads "$debs; npm ${npm:-0 MB}"

  unmount_chroot "$root" || { echo "check-fresh: could not unmount everything under $root" >&2; status=1; return; }
  if [[ ${VIGIE_FRESH_KEEP:-} != 1 ]]; then
    rm -rf --one-file-system "$root"
  fi
  root=""
}

echo "check-fresh: $(date -u '+%Y-%m-%d %H:%M UTC'), commit ${sha:0:12}, logs in $work"
for rel in "${releases[@]}"; do
  check_release "$rel"
done
exit $status
