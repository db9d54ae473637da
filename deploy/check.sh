#!/usr/bin/env bash
# Runs what deploy/ describes, on loopback, and checks it: PostgreSQL, two OS2Hub instances started at the same
# moment on one database, and nginx in front with TLS (a self-signed certificate) using deploy/nginx-os2hub.conf.
# Checks through nginx and against each instance directly that
#   - both instances report healthy,
#   - HSTS and Secure __Host- cookies are sent over TLS,
#   - a sign-in made through one instance is valid on the other (the keys live in the database) and after a restart,
#   - a change made on one instance is seen by the other (five wrong passwords on A lock the account on B).
# Usage: deploy/check.sh   (needs nginx, openssl, curl and Debian's postgresql; prints "deploy check: ok" last)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${OS2HUB_TEST_POSTGRES:-}" ]; then
    exec tests/with-postgres.sh "$0" "$@"
fi

work=$(mktemp -d /tmp/os2hub-deploy.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "deploy check FAILED: $*" >&2; for f in "$work"/*.log; do echo "== $f" >&2; tail -n 20 "$f" >&2; done; exit 1; }

a=5181; b=5182; tls=8443; host=os2hub.example.dk
echo "Publishing the app"
dotnet publish src/OS2Hub.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

psql -h 127.0.0.1 -p "${OS2HUB_PG_PORT:-55432}" -U os2hub -d postgres -qc "CREATE DATABASE os2hub_deploy"
connection="$OS2HUB_TEST_POSTGRES;Database=os2hub_deploy"

# The nginx configuration the README gives, with this check's ports, certificate and temp folder.
openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=$host" -days 2 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
{
    echo "pid $work/nginx.pid; error_log $work/nginx-error.log; events {}"
    echo "http { access_log $work/nginx-access.log; client_body_temp_path $work; proxy_temp_path $work;"
    sed -e "s#127.0.0.1:5081#127.0.0.1:$a#; s#127.0.0.1:5082#127.0.0.1:$b#" \
        -e "s#listen 443 ssl#listen 127.0.0.1:$tls ssl#; s#listen 80;#listen 127.0.0.1:8080;#" \
        -e "s#/etc/ssl/os2hub/fullchain.pem#$work/cert.pem#; s#/etc/ssl/os2hub/privkey.pem#$work/key.pem#" deploy/nginx-os2hub.conf
    echo "}"
} > "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" || fail "nginx did not start"

# The settings deploy/os2hub.env.example gives, for this check.
start_instance() { # port
    (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$1" \
        OS2Hub__Database__Provider=PostgreSql OS2Hub__Database__ConnectionString="$connection" \
        OS2Hub__PublicBaseUrl="https://$host:$tls/" OS2Hub__Proxy__KnownProxies__0=127.0.0.1 \
        OS2Hub__DemoData=true OS2Hub__Email__PickupFolder="$work/mail" \
        exec dotnet OS2Hub.Web.dll >> "$work/instance-$1.log" 2>&1) &
    pids+=($!)
}
wait_ready() { # port
    for _ in $(seq 1 120); do
        [ "$(curl -s "http://127.0.0.1:$1/health/ready" || true)" = "Healthy" ] && return 0
        sleep 1
    done
    fail "instance $1 is not ready"
}

echo "Starting two instances at the same moment"
start_instance $a
start_instance $b
wait_ready $a
wait_ready $b
echo "ok: both instances report healthy"

tlsurl="https://$host:$tls"
curl_tls() { curl -sk --resolve "$host:$tls:127.0.0.1" "$@"; }
[ "$(curl_tls "$tlsurl/health/ready")" = "Healthy" ] || fail "not healthy through nginx"
curl_tls -D - -o /dev/null "$tlsurl/" | grep -qi '^strict-transport-security: max-age=' || fail "no HSTS over TLS"
echo "ok: healthy through nginx, HSTS over TLS"

# Posts a server-rendered form as a browser does: the antiforgery token and cookie from the page, then the fields.
# Straight to an instance, the request says what nginx says (X-Forwarded-Proto: https, from 127.0.0.1, a known
# proxy), and cookies are passed by hand because curl keeps Secure cookies from plain-http addresses.
post_form() { # base out path handler field=value...
    local base=$1 out=$2 path=$3 handler=$4; shift 4
    local page cookies token
    page=$(curl -sk --resolve "$host:$tls:127.0.0.1" -H "X-Forwarded-Proto: https" -D "$out.get-headers" "$base$path")
    cookies=$(grep -i '^set-cookie:' "$out.get-headers" | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/' | tr -d '\r' | paste -sd ';' -)
    token=$(grep -o '__RequestVerificationToken"[^>]*value="[^"]*"' <<<"$page" | head -n1 | sed 's/.*value="\([^"]*\)".*/\1/')
    local args=(--data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=$handler")
    for f in "$@"; do args+=(--data-urlencode "$f"); done
    curl -sk --resolve "$host:$tls:127.0.0.1" -H "X-Forwarded-Proto: https" -H "Cookie: $cookies" -D "$out.headers" -o "$out.body" "${args[@]}" "$base$path"
}

# The product coordinator: the secretariat would need its authenticator code here as well.
post_form "$tlsurl" "$work/tls.jar" /konto/log-ind login "Input.Email=produktkoordinator@demo.os2hub.dk" "Input.Password=Demo-Produktkoordinator-1"
grep -i '^set-cookie: __Host-OS2Hub=' "$work/tls.jar.headers" | grep -qi 'secure' || fail "no Secure __Host-OS2Hub cookie over TLS"
cookie=$(grep -i '^set-cookie: __Host-OS2Hub=' "$work/tls.jar.headers" | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/' | tr -d '\r')
echo "ok: signed in through nginx with a Secure __Host- cookie"

for port in $a $b; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port/partnere/eksport.csv")
    [ "$status" = "200" ] || fail "the sign-in is not valid on instance $port ($status)"
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/partnere/eksport.csv")
    [ "$status" != "200" ] || fail "instance $port serves the partner export without a sign-in"
done
echo "ok: the sign-in is valid on both instances"

kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true
start_instance $a
wait_ready $a
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$a/partnere/eksport.csv")
[ "$status" = "200" ] || fail "a restart of instance $a signed the user out ($status)"
echo "ok: instance $a restarted without signing anyone out"

for _ in 1 2 3 4 5; do
    post_form "http://127.0.0.1:$a" "$work/a.jar" /konto/log-ind login "Input.Email=leverandoer@demo.os2hub.dk" "Input.Password=forkert-adgangskode"
done
post_form "http://127.0.0.1:$b" "$work/b.jar" /konto/log-ind login "Input.Email=leverandoer@demo.os2hub.dk" "Input.Password=Demo-Leverandoer-1"
grep -q 'Kontoen er låst' "$work/b.jar.body" || fail "five wrong passwords on instance $a did not lock the account on instance $b"
echo "ok: a change on one instance is seen by the other"

echo "deploy check: ok"
