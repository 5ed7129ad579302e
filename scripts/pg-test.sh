#!/bin/sh
# A throwaway PostgreSQL cluster for tests and benchmarks, without systemd or the Debian
# cluster tools: initdb into DIR, the server on a free port of 127.0.0.1 (its socket in
# DIR too), durability off (fsync, synchronous_commit: nothing here outlives the run).
# initdb and the server refuse to run as root, so as root they run as the user postgres
# (made by Debian's postgresql package). Exits non-zero with a message when it cannot.
#
#   scripts/pg-test.sh start DIR   makes DIR, starts the cluster, prints its URL
#                                  (postgresql://dyad@127.0.0.1:PORT/postgres); as root,
#                                  DIR's parent must be open to postgres (mktemp -d is)
#   scripts/pg-test.sh stop DIR    stops it and removes DIR
set -eu
cmd=${1:-}; dir=${2:-}
[ -n "$dir" ] && { [ "$cmd" = start ] || [ "$cmd" = stop ]; } || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

bin=$(pg_config --bindir 2>/dev/null || true)
[ -x "$bin/initdb" ] || bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
# as_owner CMD...: run a server command as the cluster's owner, from DIR (root's own
# working directory may be closed to that user).
if [ "$(id -u)" = 0 ]; then
    as_owner() { (cd "$dir" && runuser -u postgres -- "$@"); }
else
    as_owner() { (cd "$dir" && "$@"); }
fi

if [ "$cmd" = stop ]; then
    if [ -f "$dir/data/postmaster.pid" ] && [ -x "$bin/pg_ctl" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    exit 0
fi

if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "pg-test: no PostgreSQL server (initdb, pg_ctl): install the package postgresql (scripts/deps.sh)" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg-test: running as root, and there is no user postgres to run the server as" >&2
    exit 1
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
as_owner test -w . 2>/dev/null || { echo "pg-test: the server's user cannot write to $dir" >&2; exit 1; }
as_owner "$bin/initdb" -D "$dir/data" -U dyad -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; echo "pg-test: initdb failed" >&2; exit 1; }
# A port that is free now may be taken by the time the server binds it: try a few.
for try in 1 2 3 4 5; do
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "-c port=$port \
        -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c max_connections=40 -c shared_buffers=128MB" start >/dev/null 2>&1; then
        echo "postgresql://dyad@127.0.0.1:$port/postgres"
        exit 0
    fi
done
cat "$dir/server.log" >&2
echo "pg-test: the server did not start (log above)" >&2
exit 1
