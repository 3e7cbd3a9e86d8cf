#!/usr/bin/env bash
# Runs every benchmark of the suite (tests/benchmarks/bench_*.py) against the
# test database, with every ops_* addon installed, and prints one table:
# measure, figure, goal, pass or fail. Nothing it writes is kept.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all
DB=${OPS_BENCH_DB:-${OPS_TEST_DB:-ops_test}}
if ! db_exists "$DB"; then
    say "Creating $DB with $(ops_addons)"
    odoo -c "$OPS_CONF" -d "$DB" -i "$(ops_addons)" --stop-after-init --log-level=warn
fi
cd "$OPS_ROOT"
python tests/benchmarks/run.py "$OPS_CONF" "$DB"
