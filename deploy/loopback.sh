#!/usr/bin/env bash
# The reference topology on 127.0.0.1, without containers: a throwaway PostgreSQL cluster,
# `python3 -m app migrate`, two app instances and nginx in front, all from Debian's packages.
#
#   deploy/loopback.sh up       start everything, print the URLs
#   deploy/loopback.sh status   what runs, and whether each instance is ready
#   deploy/loopback.sh down     stop exactly what `up` started (by its PID files)
#
# The script's own knobs (not app settings):
#   RUIMTE_LOOPBACK_DIR         state: cluster, configuration, logs, PID files (/tmp/ruimte-loopback)
#   RUIMTE_LOOPBACK_HTTP_PORT   nginx's port (default: a free one)
#   RUIMTE_LOOPBACK_APP_PORTS   the instances' ports, one per instance ("8001 8002"; default: two free ones)
#   RUIMTE_LOOPBACK_PG_PORT     PostgreSQL's port (default: a free one)
#   RUIMTE_LOOPBACK_PYTHON      the python that runs `-m app` (python3: the project's bootstrap)
#   RUIMTE_LOOPBACK_NGINX       the nginx binary (/usr/sbin/nginx)
# `up` writes "$RUIMTE_LOOPBACK_DIR/urls", a file a shell can source (deploy/smoke.py reads it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${RUIMTE_LOOPBACK_DIR:-/tmp/ruimte-loopback}"
PYTHON="${RUIMTE_LOOPBACK_PYTHON:-python3}"
NGINX="${RUIMTE_LOOPBACK_NGINX:-/usr/sbin/nginx}"
RUN="$STATE/run"
LOGS="$STATE/logs"

say() { echo "loopback: $*" >&2; }
die() { say "$*"; exit 1; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# N distinct free ports (all held open together while the kernel picks them).
free_ports() {
    python3 -c 'import socket, sys
held = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in held: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in held))' "$1"
}

# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
as_db() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The HTTP status of GET path on host:port, with bash alone (000: no answer).
http_status() {
    local code
    code="$(
        exec 2>/dev/null
        exec 3<>"/dev/tcp/${1%:*}/${1##*:}" || exit 0
        printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$2" "$1" >&3
        read -r _ status _ <&3 && echo "$status"
    )" || true
    echo "${code:-000}"
}

# Whether the PID in file $1 is alive and still the process we started (its command line
# holds $2): a PID reused by something else after a crash is never signalled.
ours() {
    local pid
    [ -r "$1" ] && pid="$(cat "$1")" && [ -r "/proc/$pid/cmdline" ] \
        && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

# `python3 -m app ...` with the loopback's settings and nothing inherited from RUIMTE_*. It
# ends in exec, so call it in a subshell: `(app migrate)`, or `app serve &` (then $! is the app).
app() {
    while IFS='=' read -r name _; do unset "$name"; done < <(env | grep '^RUIMTE_' || true)
    set -a
    # shellcheck source=/dev/null
    . "$STATE/ruimte.env"
    set +a
    cd "$ROOT"
    exec "$PYTHON" -m app "$@"
}

wait_ready() {  # host:port name pidfile-or-empty
    local deadline=$((SECONDS + 60))
    until [ "$(http_status "$1" /readyz)" = 200 ]; do
        if [ -n "$3" ] && ! ours "$3" "$4"; then
            tail -n 30 "$LOGS/$2.log" >&2 || true
            die "$2 stopped while starting (log: $LOGS/$2.log)"
        fi
        [ $SECONDS -lt $deadline ] || die "$2 on $1 is not ready after 60 s (log: $LOGS/$2.log)"
        sleep 0.2
    done
}

running() {
    ours "$RUN/nginx.pid" "$STATE/nginx/nginx.conf" && return 0
    for pidfile in "$RUN"/app-*.pid; do
        [ -e "$pidfile" ] && ours "$pidfile" "-m app serve" && return 0
    done
    [ -f "$STATE/pg/data/postmaster.pid" ] && as_db "$(pg_bin)/pg_ctl" -D "$STATE/pg/data" status >/dev/null 2>&1
}

up() {
    running && die "already up in $STATE (deploy/loopback.sh down first)"
    [ -x "$NGINX" ] || die "no nginx at $NGINX (apt-get install nginx)"
    local pg
    pg="$(pg_bin)"
    [ -x "$pg/initdb" ] || die "no PostgreSQL server binaries (apt-get install postgresql)"

    local free
    read -r -a free <<<"$(free_ports 4)"
    local http_port="${RUIMTE_LOOPBACK_HTTP_PORT:-${free[0]}}"
    local pg_port="${RUIMTE_LOOPBACK_PG_PORT:-${free[1]}}"
    local app_ports="${RUIMTE_LOOPBACK_APP_PORTS:-${free[2]} ${free[3]}}"

    # Only ever wipe a directory this script made (an empty one is fine too).
    if [ -d "$STATE" ] && [ -n "$(ls -A "$STATE")" ] && [ ! -e "$STATE/.ruimte-loopback" ]; then
        die "$STATE is not empty and not a loopback state directory; set RUIMTE_LOOPBACK_DIR"
    fi
    rm -rf "$STATE"
    mkdir -p "$STATE/pg" "$STATE/nginx/tmp" "$RUN" "$LOGS"
    touch "$STATE/.ruimte-loopback"
    chmod 755 "$STATE"
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$STATE/pg" "$LOGS"
        chown nobody "$STATE/nginx/tmp"  # nginx's workers drop root for nobody
    fi

    say "PostgreSQL on 127.0.0.1:$pg_port"
    as_db "$pg/initdb" -D "$STATE/pg/data" -U postgres --auth=trust -E UTF8 >"$LOGS/initdb.log"
    as_db "$pg/pg_ctl" -D "$STATE/pg/data" -l "$LOGS/postgres.log" -w \
        -o "-h 127.0.0.1 -p $pg_port -k $STATE/pg -c fsync=off" start >/dev/null
    "$pg/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres ruimte

    # The same settings an operator puts in /etc/ruimte/ruimte.env, with a fresh secret.
    (
        umask 077
        cat >"$STATE/ruimte.env" <<EOF
RUIMTE_ENVIRONMENT=production
RUIMTE_SECURITY__SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
RUIMTE_DATABASE__URL=postgresql+asyncpg://postgres@127.0.0.1:$pg_port/ruimte
RUIMTE_ESCALATION__PUBLIC_URL=http://127.0.0.1:$http_port
RUIMTE_SERVER__TRUSTED_PROXIES=127.0.0.1
RUIMTE_METRICS__TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
EOF
    )

    say "migrating"
    (app migrate) >"$LOGS/migrate.log" 2>&1 || { tail -n 30 "$LOGS/migrate.log" >&2; die "migrate failed"; }

    local upstreams="" instances="" port
    for port in $app_ports; do
        app serve --port "$port" >"$LOGS/app-$port.log" 2>&1 &
        echo $! >"$RUN/app-$port.pid"
        upstreams+="server 127.0.0.1:$port; "
        instances+="127.0.0.1:$port "
    done
    for port in $app_ports; do
        wait_ready "127.0.0.1:$port" "app-$port" "$RUN/app-$port.pid" "-m app serve --port $port"
        say "instance on 127.0.0.1:$port is ready"
    done

    RUIMTE_NGINX_LISTEN="127.0.0.1:$http_port" \
        RUIMTE_NGINX_UPSTREAMS="$upstreams" \
        RUIMTE_NGINX_ACCESS_LOG="$LOGS/nginx-access.log" \
        RUIMTE_NGINX_ERROR_LOG="$LOGS/nginx-error.log" \
        RUIMTE_NGINX_SHOW_UPSTREAM=yes \
        python3 "$ROOT/deploy/nginx/render.py" >"$STATE/nginx/ruimte.conf"
    local user=""
    [ "$(id -u)" = 0 ] && user="user nobody $(id -gn nobody);"
    local temp="$STATE/nginx/tmp"
    cat >"$STATE/nginx/nginx.conf" <<EOF
# Generated by deploy/loopback.sh: a private nginx around deploy/nginx/ruimte.conf.template.
$user
worker_processes 1;
pid $RUN/nginx.pid;
error_log $LOGS/nginx-error.log;
events { worker_connections 1024; }
http {
    client_body_temp_path $temp/body;
    proxy_temp_path $temp/proxy;
    fastcgi_temp_path $temp/fastcgi;
    uwsgi_temp_path $temp/uwsgi;
    scgi_temp_path $temp/scgi;
    include $STATE/nginx/ruimte.conf;
}
EOF
    "$NGINX" -t -q -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx" || die "nginx refused its configuration"
    "$NGINX" -c "$STATE/nginx/nginx.conf" -p "$STATE/nginx"
    wait_ready "127.0.0.1:$http_port" nginx-error ""

    cat >"$STATE/urls" <<EOF
RUIMTE_LOOPBACK_URL=http://127.0.0.1:$http_port
RUIMTE_LOOPBACK_INSTANCES="${instances% }"
RUIMTE_LOOPBACK_PG_URL=postgresql://postgres@127.0.0.1:$pg_port/ruimte
RUIMTE_LOOPBACK_PG_BIN=$pg
EOF
    echo "Vrije Ruimte on loopback (state in $STATE):"
    echo "  through nginx:  http://127.0.0.1:$http_port   (API docs: /docs)"
    for port in $app_ports; do echo "  instance:       http://127.0.0.1:$port   (/metrics here, not through nginx)"; done
    echo "  PostgreSQL:     postgresql://postgres@127.0.0.1:$pg_port/ruimte"
    echo "  settings:       $STATE/ruimte.env      logs: $LOGS"
}

stop_pid() {  # pidfile pattern signal
    ours "$1" "$2" || { rm -f "$1"; return 0; }
    local pid
    pid="$(cat "$1")"
    kill "-$3" "$pid"
    for _ in $(seq 100); do ours "$1" "$2" || break; sleep 0.2; done
    if ours "$1" "$2"; then say "PID $pid did not stop; killing it"; kill -KILL "$pid"; fi
    rm -f "$1"
}

down() {
    stop_pid "$RUN/nginx.pid" "$STATE/nginx/nginx.conf" QUIT
    local pidfile port
    for pidfile in "$RUN"/app-*.pid; do
        [ -e "$pidfile" ] || continue
        port="${pidfile##*/app-}"
        stop_pid "$pidfile" "-m app serve --port ${port%.pid}" TERM
    done
    if [ -f "$STATE/pg/data/postmaster.pid" ]; then
        as_db "$(pg_bin)/pg_ctl" -D "$STATE/pg/data" -m fast -w stop >/dev/null || true
    fi
    say "stopped (state and logs stay in $STATE)"
}

status() {
    [ -f "$STATE/urls" ] || { echo "not up (no $STATE/urls)"; return 3; }
    # shellcheck source=/dev/null
    . "$STATE/urls"
    local healthy=0 address
    if ours "$RUN/nginx.pid" "$STATE/nginx/nginx.conf"; then
        echo "nginx       $RUIMTE_LOOPBACK_URL  readyz $(http_status "${RUIMTE_LOOPBACK_URL#http://}" /readyz)"
    else
        echo "nginx       stopped"; healthy=3
    fi
    for address in $RUIMTE_LOOPBACK_INSTANCES; do
        if ours "$RUN/app-${address##*:}.pid" "-m app serve --port ${address##*:}"; then
            echo "instance    http://$address  readyz $(http_status "$address" /readyz)"
        else
            echo "instance    $address stopped"; healthy=3
        fi
    done
    if as_db "$RUIMTE_LOOPBACK_PG_BIN/pg_ctl" -D "$STATE/pg/data" status >/dev/null 2>&1; then
        echo "postgresql  $RUIMTE_LOOPBACK_PG_URL"
    else
        echo "postgresql  stopped"; healthy=3
    fi
    return $healthy
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    status) status ;;
    *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
