#!/usr/bin/env bash
# Runs the whole test suite: starts a throwaway PostgreSQL cluster on a free loopback port in a temp folder,
# runs `dotnet test` against it (SQLite needs nothing), and stops the cluster again.
# Extra arguments go to `dotnet test` (e.g. --filter, --logger).
set -euo pipefail
cd "$(dirname "$0")"

pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do
  [ -x "$dir/initdb" ] && pg_bin="$dir"
done
if [ -z "$pg_bin" ]; then
  echo "test.sh: PostgreSQL server binaries not found (install the 'postgresql' package)." >&2
  exit 2
fi

if [ ! -x /usr/sbin/dovecot ] || ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  # Not fatal here (a filtered run may not need them), but the e-mail tests fail without them: say why up front.
  echo "test.sh: the e-mail tests need Dovecot and aiosmtpd: apt-get install -y dovecot-imapd python3-aiosmtpd (.ci/run installs them)." >&2
fi

pg_dir=$(mktemp -d -t earshot-pg-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
as_pg=()
if [ "$(id -u)" = "0" ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user.
  chown postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi

stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log" >&2; exit 2; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_dir/server.log" >&2; exit 2; }

export EARSHOT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=50"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
dotnet test Earshot.slnx "$@"
