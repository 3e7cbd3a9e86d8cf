#!/usr/bin/env bash
# Runs every test of Ops Suite: the set-up (without the server), a fresh test
# database with every ops_* addon installed, pytest-odoo over addons/*/tests
# and tests/, the wheels built and installed into a fresh environment
# (setup/wheels.sh, setup/wheel-test.sh), then the offline lint. Exits
# non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all
# Browser tours (HttpCase) run in Debian's headless Chromium.
command -v chromium >/dev/null 2>&1 || apt_install chromium
# Chinese glyphs for the tours' screenshots in zh_CN.
apt_install fonts-noto-cjk

DB=${OPS_TEST_DB:-ops_test}
ADDONS=$(ops_addons)
LOG=$OPS_CACHE/test-install.log
cd "$OPS_ROOT"

say "Creating a fresh test database $DB with $ADDONS and $OPS_LOCALISATION (log: $LOG)"
dropdb --if-exists -U "$OPS_DB_USER" "$DB"
if ! odoo -c "$OPS_CONF" -d "$DB" -i "$ADDONS,$OPS_LOCALISATION" --stop-after-init --log-level=warn >"$LOG" 2>&1 ||
    grep -qE '(ERROR|CRITICAL) ' "$LOG"; then
    grep -E '(ERROR|CRITICAL) ' -A 20 "$LOG" | head -n 80
    die "Installing $ADDONS into $DB failed (see $LOG)."
fi

# The tests' own HTTP server listens beside a running demo server; one
# configuration per checkout and database, so two checkouts test side by side.
TEST_CONF=$OPS_ROOT/.odoorc-test-$DB
sed "s/^http_port = .*/http_port = ${OPS_TEST_HTTP_PORT:-8169}/" "$OPS_CONF" >"$TEST_CONF"

say "Running pytest-odoo over addons/*/tests and tests/"
set +e
pytest -p no:cacheprovider --odoo-config="$TEST_CONF" --odoo-database="$DB" --odoo-http \
    addons/*/tests tests "$@"
tests_rc=$?
# The addons as pip installs them: built as wheels, installed with the
# metapackage into a fresh environment beside Odoo, ops_suite loaded.
bash "$OPS_ROOT/setup/wheels.sh" && bash "$OPS_ROOT/setup/wheel-test.sh"
wheels_rc=$?
bash "$OPS_ROOT/setup/lint.sh"
lint_rc=$?
set -e
if [ $tests_rc -ne 0 ] || [ $wheels_rc -ne 0 ] || [ $lint_rc -ne 0 ]; then
    say "FAILED: tests exit $tests_rc, wheels exit $wheels_rc, lint exit $lint_rc"
    exit 1
fi
say "All tests, the wheel install and lint passed."
