#!/usr/bin/env bash
# The wheels as an integrator installs them: a fresh virtual environment with
# Odoo 18.0 (the source the set-up installed) and its requirements, then
# `pip install --find-links dist odoo-addons-ops-suite` (the OCA addons come
# from PyPI at the versions of setup/requirements.txt), then ops_suite
# installed into a new database from the installed wheels alone. Run after
# setup/wheels.sh; exits non-zero when anything fails.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$OPS_ROOT"
ls dist/odoo_addons_ops_suite-*.whl >/dev/null 2>&1 || die "No metapackage in dist/: run bash setup/wheels.sh first."
W=$OPS_CACHE/wheel-test
DB=${OPS_WHEEL_TEST_DB:-ops_wheel_test}
LOG=$OPS_CACHE/wheel-test.log
SRC=$("$OPS_VENV/bin/python" -c 'import odoo, os; print(os.path.dirname(os.path.dirname(os.path.realpath(odoo.__file__))))')
[ -f "$SRC/requirements.txt" ] || die "The Odoo installed by the set-up ($SRC) is not a source tree."

say "Fresh environment $W: Odoo 18.0 from $SRC and its requirements"
rm -rf "$W"
# The interpreter of the set-up's environment, without its packages.
"$("$OPS_VENV/bin/python" -c 'import sys; print(sys._base_executable)')" -m venv "$W"
echo "setuptools<81" >"$W/build-constraints.txt"
"$W/bin/pip" install -q --upgrade pip >"$LOG" 2>&1
"$W/bin/pip" install -q --build-constraint "$W/build-constraints.txt" -r "$SRC/requirements.txt" >>"$LOG" 2>&1 ||
    die "Odoo's requirements did not install into $W (see $LOG)."
"$W/bin/pip" install -q --no-deps -e "$SRC" --config-settings editable_mode=compat >>"$LOG" 2>&1 ||
    die "Odoo did not install into $W (see $LOG)."

say "pip install --find-links dist odoo-addons-ops-suite"
"$W/bin/pip" install -q --find-links dist -c setup/requirements.txt odoo-addons-ops-suite >>"$LOG" 2>&1 ||
    die "The wheels did not install (see $LOG)."

# Odoo's addons and those the wheels installed (odoo.addons' namespace):
# not the repository's addons/ folder.
ADDONS=$("$W/bin/python" - <<'PY'
import os
import odoo, odoo.addons
base = os.path.dirname(os.path.realpath(odoo.__file__))
paths = [os.path.join(os.path.dirname(base), "addons")]
paths += [os.path.realpath(p) for p in odoo.addons.__path__]
print(",".join(dict.fromkeys(p for p in paths if os.path.isdir(p))))
PY
)
case ",$ADDONS," in *",$OPS_ROOT/addons,"*) die "The repository's addons are on the fresh path: $ADDONS" ;; esac
CONF=$W/odoo.conf
sed -e "s|^addons_path = .*|addons_path = $ADDONS|" -e "s|^data_dir = .*|data_dir = $W/data|" \
    -e "s|^http_port = .*|http_port = ${OPS_WHEEL_TEST_HTTP_PORT:-8179}|" "$OPS_CONF" >"$CONF"

say "Installing ops_suite into a new database $DB from the wheels"
dropdb --if-exists -U "$OPS_DB_USER" "$DB"
if ! "$W/bin/odoo" -c "$CONF" -d "$DB" -i ops_suite --without-demo=all --stop-after-init \
    --log-level=warn >>"$LOG" 2>&1 || grep -qE '(ERROR|CRITICAL) ' "$LOG"; then
    grep -E '(ERROR|CRITICAL) ' -A 20 "$LOG" | head -n 60
    die "ops_suite did not install from the wheels (see $LOG)."
fi
# Every addon of the repository installed, each from the fresh environment.
"$W/bin/python" - "$CONF" "$DB" "$(ops_addons)" "$W" <<'PY'
import sys
import odoo
from odoo.modules.module import get_module_path

conf, db, addons, venv = sys.argv[1:5]
odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
registry = odoo.modules.registry.Registry(db)
with registry.cursor() as cr:
    cr.execute("SELECT name, state FROM ir_module_module WHERE name LIKE 'ops\\_%%'")
    states = dict(cr.fetchall())
failed = []
for name in addons.split(","):
    path = get_module_path(name) or ""
    if states.get(name) != "installed" or not path.startswith(venv):
        failed.append(f"{name}: {states.get(name)} at {path}")
if failed:
    sys.exit("Not installed from the wheels: " + "; ".join(failed))
print(f"{len(addons.split(','))} addons installed from the wheels in {db}")
PY
dropdb --if-exists -U "$OPS_DB_USER" "$DB"
say "Wheel install test passed"
