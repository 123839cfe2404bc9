#!/bin/sh
# A throwaway PostgreSQL server for the store tests (Debian `postgresql` binaries).
#   pg_server.sh start URLFILE   initdb + start in a new temp folder; writes the connection
#                                URL and the folder to URLFILE, or "skip: reason" when the
#                                server binaries are not installed
#   pg_server.sh stop URLFILE    stops the server and removes the folder and URLFILE
# Listens on 127.0.0.1 on a free port and on a unix socket in the temp folder; trust
# authentication; fsync off (the data is thrown away). As root it runs the server as the
# `postgres` user (or `nobody`), which owns the folder: PostgreSQL refuses to run as root.
set -eu
command=$1
urlfile=$2
bin=${ANNALIST_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
run=""
if [ "$(id -u)" = 0 ]; then
  user=postgres
  id -u postgres >/dev/null 2>&1 || user=nobody
  run="runuser -u $user --"
fi
case $command in
start)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "skip: PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin" > "$urlfile"
    exit 0
  fi
  dir=$(mktemp -d /tmp/annalist-pg.XXXXXX)
  if [ -n "$run" ]; then chown "$user" "$dir"; fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  $run "$bin/initdb" -D "$dir/data" -A trust -U annalist --no-sync -E UTF8 --locale=C > "$dir/initdb.log" 2>&1 || {
    echo "pg_server.sh: initdb failed:" >&2; cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  $run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start > /dev/null || { echo "pg_server.sh: server did not start:" >&2; cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
  printf 'postgresql://annalist@127.0.0.1:%s/postgres\n%s\n' "$port" "$dir" > "$urlfile"
  ;;
stop)
  [ -f "$urlfile" ] || exit 0
  dir=$(sed -n 2p "$urlfile")
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    $run "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  fi
  case $dir in /tmp/annalist-pg.*) rm -rf "$dir" ;; esac
  rm -f "$urlfile"
  ;;
*)
  echo "usage: pg_server.sh start|stop URLFILE" >&2
  exit 2
  ;;
esac
