#!/usr/bin/env bash
# Offline lint of the ops_* addons: ruff, pylint-odoo (OCA's mandatory checks
# for 18.0, .pylintrc-mandatory, and ours, .pylintrc), the OCA module and PO
# checks, the licence of every addon against its dependencies' (manifestoo),
# and prettier for XML, JS and Markdown. The Python tools come from
# setup/requirements-lint.txt, prettier from package.json (both pinned).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
set +e
cd "$OPS_ROOT"
export PATH="$OPS_VENV/bin:$PATH"
rc=0
step() {
    printf '\033[1m[lint]\033[0m %s\n' "$*"
    "$@" || { rc=1; printf '\033[1;31m[lint] failed:\033[0m %s\n' "$*"; }
}

ensure_prettier() {
    command -v npm >/dev/null 2>&1 || apt_install nodejs npm
    local dir=$OPS_CACHE/node
    if ! cmp -s package.json "$dir/package.json" || [ ! -f "$dir/node_modules/prettier/package.json" ]; then
        say "Installing prettier (package.json) into $dir"
        mkdir -p "$dir" && cp package.json "$dir/" &&
            (cd "$dir" && npm install --silent --no-audit --no-fund) || return 1
    fi
    # prettier resolves its XML plugin from the project's node_modules.
    if [ -L node_modules ] || [ ! -e node_modules ]; then
        ln -sfn "$dir/node_modules" node_modules
    fi
}

step python setup/readme.py --check
step ruff check addons tests setup
step ruff format --check addons tests setup
step pylint --rcfile=.pylintrc-mandatory addons/ops_*
step pylint --rcfile=.pylintrc addons/ops_*
step oca-checks-odoo-module addons/ops_*
step oca-checks-po --disable=po-pretty-format addons/ops_*/i18n/*.po*
# Odoo's addons and the OCA addons installed beside it (odoo.addons' path).
step manifestoo --select-addons-dir addons --addons-path-from-import-odoo --odoo-series 18.0 \
    check-licenses --transitive
if ensure_prettier; then
    step node node_modules/prettier/bin/prettier.cjs --check "addons/**/*.{xml,js,md}" "*.md"
else
    rc=1
    printf '\033[1;31m[lint] failed:\033[0m prettier could not be installed\n'
fi
[ $rc -eq 0 ] && printf '\033[1m[lint]\033[0m all checks passed\n'
exit $rc
