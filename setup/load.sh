#!/usr/bin/env bash
# Load test of Ops Suite (not part of setup/test.sh; README: "How it scales").
# Makes sure the set-up is done, creates the database ops_load with the suite
# and its demo data (or reuses it while the addons are unchanged), starts two
# Odoo servers in prefork mode on it, as two hosts behind a proxy run, then
# simulated employees, heads, HR, finance and Leadership work at once through
# JSON-RPC (tests/load/load.py) for 60 s at most and a fixed number of
# requests, on the loopback only. Prints one table (per kind of request:
# count, requests per second, p50/p95/p99 latency, expected refusals, errors)
# and the checks; exits non-zero when a check fails. Stops both servers on
# exit.
#
# Settings (all optional): OPS_LOAD_DB (ops_load), OPS_LOAD_PORTS (8371,8372;
# their gevent ports are 10 above), OPS_LOAD_WEBHOOK_PORT (8379, the messenger
# robot the load test answers as), OPS_LOAD_SECONDS (60); extra arguments go
# to tests/load/load.py (e.g. --employees 8).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all

DB=${OPS_LOAD_DB:-ops_load}
IFS=, read -r PORT_A PORT_B <<<"${OPS_LOAD_PORTS:-8371,8372}"
# The company's messenger robot, answered by the load test itself.
WEBHOOK_PORT=${OPS_LOAD_WEBHOOK_PORT:-8379}
LOGDIR=$OPS_CACHE/load
mkdir -p "$LOGDIR"
ensure_demo_db "$DB"

SERVER_PIDS=()
# shellcheck disable=SC2317 # run by the trap below
stop_servers() {
    local pid
    for pid in "${SERVER_PIDS[@]}"; do
        # Each server leads a process group of its own: its workers, the
        # gevent process and the job runner stop with it.
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in "${SERVER_PIDS[@]}"; do
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    SERVER_PIDS=()
}
trap stop_servers EXIT
trap 'exit 130' INT TERM

# start_server NAME PORT [option ...]: Odoo in prefork mode with two HTTP
# workers on PORT (gevent on PORT + 10), logging to $LOGDIR/NAME.log.
start_server() {
    local name=$1 port=$2 args
    shift 2
    mapfile -t args < <(OPS_WORKERS=2 OPS_GEVENT_PORT=$((port + 10)) odoo_production_args)
    setsid odoo -c "$OPS_CONF" -d "$DB" --db-filter="^$DB\$" "${args[@]}" \
        --http-port="$port" --logfile="$LOGDIR/$name.log" "$@" &
    SERVER_PIDS+=($!)
}

wait_server() {
    local name=$1 port=$2 pid=$3
    for _ in $(seq 300); do
        curl -fs -o /dev/null "http://127.0.0.1:$port/web/health" && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    tail -n 40 "$LOGDIR/$name.log" >&2
    die "Server $name on port $port did not answer (log: $LOGDIR/$name.log)."
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PORT_A" "$PORT_B" "$((PORT_A + 10))" "$((PORT_B + 10))" "$WEBHOOK_PORT"; do
    ! port_in_use "$port" || die "Port $port is in use: set OPS_LOAD_PORTS (and OPS_LOAD_WEBHOOK_PORT)."
done
: >"$LOGDIR/server-a.log"
: >"$LOGDIR/server-b.log"
say "Starting two Odoo servers in prefork mode on $DB: ports $PORT_A (cron worker, queue_job runner) and $PORT_B (logs: $LOGDIR)"
start_server server-a "$PORT_A"
# The second host: no cron worker, and its job runner off (queue_job's
# advisory lock would keep it idle anyway: one runner per database).
ODOO_QUEUE_JOB_CHANNELS=root:0 start_server server-b "$PORT_B" --max-cron-threads=0
wait_server server-a "$PORT_A" "${SERVER_PIDS[0]}"
wait_server server-b "$PORT_B" "${SERVER_PIDS[1]}"

say "Simulating the company for ${OPS_LOAD_SECONDS:-60} s at most (tests/load/load.py)"
cd "$OPS_ROOT"
set +e
PGUSER=$OPS_DB_USER "$OPS_VENV/bin/python" tests/load/load.py --db "$DB" \
    --ports "$PORT_A,$PORT_B" --duration "${OPS_LOAD_SECONDS:-60}" --webhook-port "$WEBHOOK_PORT" \
    --log "$LOGDIR/server-a.log" --log "$LOGDIR/server-b.log" "$@"
rc=$?
set -e
[ $rc -eq 0 ] || say "FAILED: a check of the load test failed (servers' logs: $LOGDIR)"
exit $rc
