#!/usr/bin/env bash
# Runs every test of Ops Suite: the set-up (without the server), a fresh test
# database with every ops_* addon installed, pytest-odoo over addons/*/tests
# and tests/, then the offline lint. Exits non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all

DB=${OPS_TEST_DB:-ops_test}
ADDONS=$(ops_addons)
LOG=$OPS_CACHE/test-install.log
cd "$OPS_ROOT"

say "Creating a fresh test database $DB with $ADDONS (log: $LOG)"
dropdb --if-exists -U "$OPS_DB_USER" "$DB"
if ! odoo -c "$OPS_CONF" -d "$DB" -i "$ADDONS" --stop-after-init --log-level=warn >"$LOG" 2>&1 ||
    grep -qE '(ERROR|CRITICAL) ' "$LOG"; then
    grep -E '(ERROR|CRITICAL) ' -A 20 "$LOG" | head -n 80
    die "Installing $ADDONS into $DB failed (see $LOG)."
fi

say "Running pytest-odoo over addons/*/tests and tests/"
set +e
pytest -p no:cacheprovider --odoo-config="$OPS_CONF" --odoo-database="$DB" \
    addons/*/tests tests "$@"
tests_rc=$?
bash "$OPS_ROOT/setup/lint.sh"
lint_rc=$?
set -e
if [ $tests_rc -ne 0 ] || [ $lint_rc -ne 0 ]; then
    say "FAILED: tests exit $tests_rc, lint exit $lint_rc"
    exit 1
fi
say "All tests and lint passed."
