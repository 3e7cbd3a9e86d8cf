#!/usr/bin/env bash
# Regenerates i18n/<addon>.pot of every ops_* addon from a database where
# they are installed (default: the test database of setup/test.sh) and
# merges it into i18n/zh_CN.po, keeping existing translations.
#   bash setup/i18n.sh [addon ...]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_venv
DB=${OPS_TEST_DB:-ops_test}
cd "$OPS_ROOT"
addons=("$@")
[ ${#addons[@]} -gt 0 ] || mapfile -t addons < <(ops_addons | tr , '\n')
for addon in "${addons[@]}"; do
    dir=addons/$addon/i18n
    mkdir -p "$dir"
    odoo -c "$OPS_CONF" -d "$DB" --i18n-export="$dir/$addon.pot" --modules="$addon" \
        --stop-after-init --log-level=warn
    [ -f "$dir/zh_CN.po" ] || cp "$dir/$addon.pot" "$dir/zh_CN.po"
    msgmerge --quiet --no-fuzzy-matching --no-wrap --update --backup=none "$dir/zh_CN.po" "$dir/$addon.pot"
    python - "$dir/zh_CN.po" <<'PY'
import sys

import polib

po = polib.pofile(sys.argv[1], wrapwidth=0)
po.metadata["Language"] = "zh_CN"
po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
po.save(sys.argv[1])
PY
    untranslated=$(msgattrib --untranslated --no-obsolete "$dir/zh_CN.po" | grep -c '^msgid ' || true)
    say "$addon: $(grep -c '^msgid ' "$dir/$addon.pot") terms, $((untranslated > 0 ? untranslated - 1 : 0)) without Chinese"
done
