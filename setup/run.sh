#!/usr/bin/env bash
# Sets up everything and starts Ops Suite on http://127.0.0.1:8069 with a demo
# database holding the whole suite and its demo data. Run again: it reinstalls
# nothing and updates the demo database only when the addons changed.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all

DB=${OPS_DEMO_DB:-ops_demo}
ensure_demo_db "$DB"

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
