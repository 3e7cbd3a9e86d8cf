#!/usr/bin/env bash
# Real upgrade of an addon from an older version: a scratch database gets the
# addon installed from the commit of that version (git archive), without demo
# data; setup/upgrade/<addon>_seed.py (when present) stores what the old
# version stored; then `-u <addon>` with the current code runs the
# migrations, and setup/upgrade/<addon>_check.py checks the result.
#
#   bash setup/upgrade.sh ops_appraisal 'fdf7d19^'   # 18.0.1.0.0 -> current
#   bash setup/upgrade.sh ops_finance '045c703^'     # 18.0.1.0.0 -> current
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ADDON=${1:?addon}
REV=${2:?commit of the old version}
DB=${OPS_UPGRADE_DB:-ops_upgrade_$ADDON}
LOG=$OPS_CACHE/upgrade-$ADDON.log
cd "$OPS_ROOT"
[ -f "$OPS_CONF" ] || die "No $OPS_CONF: run setup/run.sh or setup/test.sh once."
OLD=$(mktemp -d)
trap 'rm -rf "$OLD"' EXIT
git archive "$REV" addons | tar -x -C "$OLD"
OLD_VERSION=$(python3 -c "import ast,sys; print(ast.literal_eval(open(sys.argv[1]).read())['version'])" \
    "$OLD/addons/$ADDON/__manifest__.py")
OLD_PATH=$(sed -n 's/^addons_path = //p' "$OPS_CONF" | sed "s#$OPS_ROOT/addons#$OLD/addons#")

say "Installing $ADDON $OLD_VERSION ($REV) into a scratch database $DB (log: $LOG)"
dropdb --if-exists -U "$OPS_DB_USER" "$DB"
odoo -c "$OPS_CONF" --addons-path="$OLD_PATH" -d "$DB" -i "$ADDON" --without-demo=all \
    --stop-after-init --log-level=warn >"$LOG" 2>&1 || die "Installing the old $ADDON failed."
if [ -f "setup/upgrade/${ADDON}_seed.py" ]; then
    say "Storing what $ADDON $OLD_VERSION stored"
    odoo shell -c "$OPS_CONF" --addons-path="$OLD_PATH" -d "$DB" --log-level=warn \
        <"setup/upgrade/${ADDON}_seed.py" 2>>"$LOG" | grep SEEDED || die "Seeding failed (see $LOG)."
fi
say "Upgrading $ADDON to the current code"
odoo -c "$OPS_CONF" -d "$DB" -u "$ADDON" --stop-after-init --log-level=info >>"$LOG" 2>&1 ||
    die "Upgrading $ADDON failed (see $LOG)."
grep -E "$ADDON: (pre|post)-migration script called" "$LOG" >&2 || true
if grep -qE "(ERROR|CRITICAL) " "$LOG"; then
    grep -E "(ERROR|CRITICAL) " -A 10 "$LOG" | head -n 40 >&2
    die "The upgrade logged errors (see $LOG)."
fi
result=$(odoo shell -c "$OPS_CONF" -d "$DB" --log-level=warn <"setup/upgrade/${ADDON}_check.py" 2>>"$LOG" |
    grep "UPGRADE CHECK")
say "$result"
dropdb --if-exists -U "$OPS_DB_USER" "$DB"
[ "$result" = "UPGRADE CHECK OK" ]
