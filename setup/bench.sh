#!/usr/bin/env bash
# Runs every benchmark of the suite (tests/benchmarks/bench_*.py) against the
# test database, with every ops_* addon installed (and, for the stock forms,
# a database of the stock modules the suite extends), and prints one table:
# measure, figure, goal, pass or fail. Nothing it writes is kept.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all
DB=${OPS_BENCH_DB:-${OPS_TEST_DB:-ops_test}}
if ! db_exists "$DB"; then
    say "Creating $DB with $(ops_addons)"
    odoo -c "$OPS_CONF" -d "$DB" -i "$(ops_addons)" --stop-after-init --log-level=warn
fi
cd "$OPS_ROOT"
# The stock forms' benchmark compares with a database of only the stock Odoo
# modules the suite extends (created once).
STOCK_DB=${OPS_BENCH_STOCK_DB:-${DB}_stock}
if ! db_exists "$STOCK_DB"; then
    STOCK=$(python tests/benchmarks/stock_modules.py "$OPS_CONF")
    say "Creating $STOCK_DB with the stock modules the suite extends: $STOCK"
    odoo -c "$OPS_CONF" -d "$STOCK_DB" -i "$STOCK" --stop-after-init --log-level=warn
fi
export OPS_BENCH_STOCK_DB=$STOCK_DB
python tests/benchmarks/run.py "$OPS_CONF" "$DB"
