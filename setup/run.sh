#!/usr/bin/env bash
# Sets up everything and starts Ops Suite on http://127.0.0.1:8069 with a demo
# database holding the whole suite and its demo data. Run again: it reinstalls
# nothing and updates the demo database only when the addons changed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all

DB=${OPS_DEMO_DB:-ops_demo}
ADDONS=$(ops_addons)
STAMP=$OPS_CACHE/demo-$DB.hash
HASH=$(cd "$OPS_ROOT" && find addons -type f -not -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)

# The people who use the suite are Chinese: Simplified Chinese is loaded with
# the suite's translations, and the demo users speak it (the administrator
# keeps English; each user switches in their Preferences).
LANGS=zh_CN
if ! db_exists "$DB"; then
    say "Creating demo database $DB: a company in China (CNY) on Odoo's Chinese chart of accounts, then ops_suite with its demo data and Simplified Chinese (a few minutes, once)"
    # As Odoo's database manager creates a database for a country: the main
    # company in China and in CNY before accounting is installed, so that the
    # Chinese chart is loaded before the suite's demo books anything.
    odoo -c "$OPS_CONF" -d "$DB" -i base --stop-after-init --log-level=warn
    odoo shell -c "$OPS_CONF" -d "$DB" --log-level=error --no-http <<'PY'
cny = env.ref("base.CNY")
cny.active = True
env.ref("base.main_company").write({"country_id": env.ref("base.cn").id, "currency_id": cny.id})
env.cr.commit()
PY
    # Chinese loaded before the chart, so that its accounts get their Chinese names.
    odoo -c "$OPS_CONF" -d "$DB" -i "$OPS_LOCALISATION" --load-language="$LANGS" \
        --stop-after-init --log-level=warn
    odoo -c "$OPS_CONF" -d "$DB" -i ops_suite --load-language="$LANGS" --stop-after-init --log-level=warn
    odoo shell -c "$OPS_CONF" -d "$DB" --log-level=error --no-http <<'PY'
users = env["res.users"].search([("login", "=like", "ops.%")])
users.write({"lang": "zh_CN"})
env.cr.commit()
PY
    echo "$HASH" >"$STAMP"
elif [ "$(cat "$STAMP" 2>/dev/null)" != "$HASH" ]; then
    say "Addons changed since the last run: updating $ADDONS and their Chinese in $DB"
    odoo -c "$OPS_CONF" -d "$DB" -i ops_suite -u "$ADDONS" --load-language="$LANGS" \
        --stop-after-init --log-level=warn
    echo "$HASH" >"$STAMP"
else
    say "Demo database $DB is up to date"
fi

say "Ops Suite: http://127.0.0.1:8069/odoo (database $DB)"
say "Demo logins (password = login; admin / admin is the administrator):"
odoo shell -c "$OPS_CONF" -d "$DB" --log-level=error --no-http <<'PY' 2>/dev/null || true
category = env.ref("ops_org.module_category_ops_org")
for user in env["res.users"].search([("login", "=like", "ops.%")], order="login"):
    groups = user.groups_id.filtered(lambda g: g.category_id == category)
    roles = ", ".join((groups - groups.trans_implied_ids).mapped("name"))
    print(f"    {user.login:<20} {user.name:<6} {roles}")
PY
exec odoo -c "$OPS_CONF" -d "$DB" --db-filter="^$DB\$"
