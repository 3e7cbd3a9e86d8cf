#!/usr/bin/env bash
# Sets up everything and starts Ops Suite on http://127.0.0.1:8069 with a demo
# database holding the whole suite and its demo data. Run again: it reinstalls
# nothing and updates the demo database only when the addons changed.
#
# OPS_PRODUCTION=1 starts it as production runs it (README: "How it scales"):
# Odoo's multi-process server with OPS_WORKERS HTTP workers (default
# 2 x cores + 1), one cron worker, OCA queue_job's runner as a process of its
# own (channel capacities from the configuration's [queue_job] section), the
# websocket on the gevent port (OPS_GEVENT_PORT, default 8072), proxy mode
# and request limits (setup/lib.sh: odoo_production_args).
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
if [ "${OPS_PRODUCTION:-}" = 1 ]; then
    mapfile -t PRODUCTION_ARGS < <(odoo_production_args)
    say "Production mode: ${PRODUCTION_ARGS[*]}"
    say "queue_job runner: a process of its own, channels $(sed -n 's/^channels = //p' "$OPS_CONF")"
    say "Behind a reverse proxy: / to port 8069, /websocket to port ${OPS_GEVENT_PORT:-8072}"
    exec odoo -c "$OPS_CONF" -d "$DB" --db-filter="^$DB\$" "${PRODUCTION_ARGS[@]}"
fi
exec odoo -c "$OPS_CONF" -d "$DB" --db-filter="^$DB\$"
