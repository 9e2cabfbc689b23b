#!/usr/bin/env bash
# A throwaway PostgreSQL cluster (Debian's: 15 on Debian 12, 17 on Debian 13; VIGIE_PGBIN picks
# another) on a loopback port, for the tests.
#   scripts/pg.sh start   prints the admin URL (postgresql://postgres:postgres@127.0.0.1:PORT/postgres)
#   scripts/pg.sh stop
set -euo pipefail
PGBIN=${VIGIE_PGBIN:-$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -1)}
[[ -x $PGBIN/initdb ]] || { echo "no PostgreSQL server found (/usr/lib/postgresql/*/bin/initdb)" >&2; exit 1; }
PGDATA=${VIGIE_PGDATA:-/tmp/vigie-pgdata}
PGPORT=${VIGIE_PGPORT:-55432}

stop() {
  if [[ -f $PGDATA/postmaster.pid ]]; then
    su postgres -c "$PGBIN/pg_ctl -D $PGDATA stop -m fast" >/dev/null 2>&1 || true
  fi
  rm -rf "$PGDATA"
}

case ${1:-} in
start)
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  stop
  install -d -o postgres -g postgres -m 700 "$PGDATA"
  pwfile=$(mktemp)
  echo postgres > "$pwfile"
  chown postgres "$pwfile"
  chmod 600 "$pwfile"
  su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres -A scram-sha-256 --pwfile=$pwfile -E UTF8 --locale=C.UTF-8" >"$PGDATA.initdb.log" 2>&1
  rm -f "$pwfile"
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -t 30 -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1' start" >/dev/null
  echo "postgresql://postgres:postgres@127.0.0.1:$PGPORT/postgres"
  ;;
stop) stop ;;
*)
  echo "usage: $0 start|stop" >&2
  exit 2
  ;;
esac
