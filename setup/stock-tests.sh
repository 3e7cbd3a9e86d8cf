#!/usr/bin/env bash
# Runs the tests of the stock and OCA modules Ops Suite extends, one module at
# a time, against a database where they are installed (the one setup/test.sh
# creates with every ops_* addon, or a scratch database with only the stock
# module, to compare), and prints the passed and failed counts per module.
# Not part of setup/test.sh nor of CI: it takes well over an hour.
#
#   OPS_TEST_DB=ops_test OPS_TEST_HTTP_PORT=8169 bash setup/stock-tests.sh [module ...]
#
# Of the large suites, only the tests of what the suite extends run: `account`
# tests/test_account_move_*.py and tests/test_account_payment*.py, `base`
# tests/test_ir_attachment.py and tests/test_res_users.py, `mail`
# tests/test_mail_activity.py and tests/test_attachment_controller.py. Logs: $OPS_CACHE/stock-tests/<db>/<module>.log.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DB=${OPS_TEST_DB:-ops_test}
TEST_CONF=$OPS_ROOT/.odoorc-test-$DB
LOGS=$OPS_CACHE/stock-tests/$DB
MODULES=(hr hr_holidays hr_attendance hr_expense hr_expense_tier_validation
    base_tier_validation project project_hr_expense calendar survey hr_skills
    analytic report_xlsx account base mail)
[ $# -eq 0 ] || MODULES=("$@")

db_exists "$DB" || die "No database $DB: create it first (OPS_TEST_DB=$DB bash setup/test.sh)."
[ -f "$OPS_CONF" ] || die "No $OPS_CONF: run setup/test.sh first."
if [ ! -f "$TEST_CONF" ] || [ -n "${OPS_TEST_HTTP_PORT:-}" ]; then
    sed "s/^http_port = .*/http_port = ${OPS_TEST_HTTP_PORT:-8169}/" "$OPS_CONF" >"$TEST_CONF"
fi
IFS=, read -ra ADDON_PATHS <<<"$(odoo_addons_paths)"
mkdir -p "$LOGS"
cd "$OPS_ROOT"

rows=()
rc=0
for module in "${MODULES[@]}"; do
    dir=
    for path in "${ADDON_PATHS[@]}"; do
        [ -d "$path/$module/tests" ] && dir=$path/$module && break
    done
    [ -n "$dir" ] || die "No tests folder for $module in ${ADDON_PATHS[*]}."
    case $module in
    account) targets=("$dir"/tests/test_account_move_*.py "$dir"/tests/test_account_payment*.py) ;;
    base) targets=("$dir"/tests/test_ir_attachment.py "$dir"/tests/test_res_users.py) ;;
    mail) targets=("$dir"/tests/test_mail_activity.py "$dir"/tests/test_attachment_controller.py) ;;
    *) targets=("$dir/tests") ;;
    esac
    say "Testing $module against $DB (log: $LOGS/$module.log)"
    set +e
    "$OPS_VENV/bin/pytest" -p no:cacheprovider --odoo-config="$TEST_CONF" --odoo-database="$DB" \
        --odoo-http -q "${targets[@]}" >"$LOGS/$module.log" 2>&1
    status=$?
    set -e
    summary=$(grep -E '(passed|failed|errors?|no tests ran).* in [0-9.]+s' "$LOGS/$module.log" | tail -n 1)
    count() { grep -oE "[0-9]+ $1" <<<"$summary" | grep -oE '^[0-9]+' || echo 0; }
    passed=$(count passed)
    failed=$(($(count failed) + $(count errors?)))
    skipped=$(count skipped)
    rows+=("$(printf '| %-27s | %6s | %6s | %6s | %6s |' "$module" \
        $((passed + failed + skipped)) "$passed" "$failed" "$skipped")")
    [ "$status" -eq 0 ] || rc=1
done

printf '| %-27s | %6s | %6s | %6s | %6s |\n' module tests passed failed skipped
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..29})" -------- -------- -------- --------
printf '%s\n' "${rows[@]}"
exit $rc
