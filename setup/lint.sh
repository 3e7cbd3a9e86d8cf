#!/usr/bin/env bash
# Offline lint of the ops_* addons: ruff, pylint-odoo, OCA module and PO
# checks. Every tool comes from setup/requirements-lint.txt; nothing is
# fetched at run time.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ops-suite}/venv
export PATH="$VENV/bin:$PATH"
rc=0
step() {
    printf '\033[1m[lint]\033[0m %s\n' "$*"
    "$@" || { rc=1; printf '\033[1;31m[lint] failed:\033[0m %s\n' "$*"; }
}
step ruff check addons tests
step ruff format --check addons tests
step pylint --rcfile=.pylintrc addons/ops_*
step oca-checks-odoo-module --disable=xml-deprecated-data-node,xml-create-user-wo-reset-password addons/ops_*
step oca-checks-po --disable=po-pretty-format addons/ops_*/i18n/*.po*
[ $rc -eq 0 ] && printf '\033[1m[lint]\033[0m all checks passed\n'
exit $rc
