#!/usr/bin/env bash
# Builds every addon as a wheel (odoo-addon-<name>, with whool, from the
# addon's pyproject.toml and manifest) and the metapackage
# odoo-addons-ops-suite (setup/_metapackage) into dist/.
#
#   bash setup/wheels.sh            # then: pip install --find-links dist odoo-addons-ops-suite
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_all
cd "$OPS_ROOT"
rm -rf dist
mkdir -p dist
for addon in $(ops_addons | tr , ' '); do
    # No build isolation: whool comes pinned from setup/requirements-lint.txt.
    "$OPS_VENV/bin/pip" wheel -q --no-deps --no-build-isolation -w dist "addons/$addon"
done
"$OPS_VENV/bin/pip" wheel -q --no-deps --no-build-isolation -w dist setup/_metapackage
rm -rf setup/_metapackage/build setup/_metapackage/*.egg-info
say "Built $(find dist -name '*.whl' | wc -l) wheels into $OPS_ROOT/dist"
