#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster on loopback, with OS2HUB_TEST_POSTGRES naming it, and removes the
# cluster afterwards, whatever the command's outcome. Example:
#   tests/with-postgres.sh dotnet test --project tests/OS2Hub.Web.Tests
# Needs Debian's postgresql package (installed here when missing and run as root). Port: the first free one from
# OS2HUB_PG_PORT (55432), exported for the command.
set -uo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed: apt-get install postgresql" >&2
        exit 1
    fi
    echo "Installing PostgreSQL for the tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || exit 1
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# The first free port from 55432 (or OS2HUB_PG_PORT), so a cluster already running there is left alone.
port=${OS2HUB_PG_PORT:-55432}
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
done
export OS2HUB_PG_PORT=$port
dir=$(mktemp -d /tmp/os2hub-pg.XXXXXX)
# The server refuses to run as root; as root it runs as the postgres user, otherwise as whoever runs this.
as=()
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
fi

stop() {
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$dir"
}
trap stop EXIT

"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U os2hub -E UTF8 --locale=C.UTF-8 >/dev/null || exit 1
# fsync off: a throwaway cluster never needs to survive a crash, and tests create and drop many databases.
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$dir/log" >&2; exit 1; }

export OS2HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=os2hub"
"$@"
