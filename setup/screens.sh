#!/usr/bin/env bash
# Takes the README's screens from the demo company's month: the demo database
# of run.sh (created or updated first), each demo user's waiting work shown in
# headless Chromium, in Chinese, into docs/screenshots (or $OPS_SCREENSHOTS).
# Reads the demo database and writes nothing to it (each screen runs in a
# transaction that is rolled back). Separate from the tests.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all
command -v chromium >/dev/null 2>&1 || apt_install chromium
apt_install fonts-noto-cjk

DB=${OPS_DEMO_DB:-ops_demo}
ensure_demo_db "$DB"
cd "$OPS_ROOT"
export OPS_SCREENSHOTS=${OPS_SCREENSHOTS:-$OPS_ROOT/docs/screenshots}
CONF=$OPS_ROOT/.odoorc-screens-$DB
sed "s/^http_port = .*/http_port = ${OPS_SCREENS_HTTP_PORT:-8179}/" "$OPS_CONF" >"$CONF"
say "Taking the demo month's screens from $DB into $OPS_SCREENSHOTS"
pytest -p no:cacheprovider --odoo-config="$CONF" --odoo-database="$DB" --odoo-http \
    addons/ops_suite/tests/screens_demo.py "$@"
ls "$OPS_SCREENSHOTS"/demo_*_zh_CN.png
