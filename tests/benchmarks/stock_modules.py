"""The stock Odoo modules the suite is built on, for the database the stock
forms are measured on (``bench_stock_forms.py``): every module of
``ops_suite``'s dependency closure that is neither an ``ops_*`` addon nor an
OCA module (the OCA modules' own stock dependencies included). Odoo installs
their dependencies and auto-installed modules itself.

    python tests/benchmarks/stock_modules.py CONFIG

prints them comma separated.
"""

import sys

import odoo
from odoo.modules.module import get_manifest

ROOT = "ops_suite"


def _is_oca(manifest):
    return "Odoo Community Association" in (manifest.get("author") or "")


def stock_modules(root=ROOT):
    stock, seen, todo = set(), set(), [root]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        manifest = get_manifest(name)
        if not manifest:
            raise SystemExit(f"Module {name} not found in the addons path.")
        if name.startswith("ops_") or _is_oca(manifest):
            todo += manifest.get("depends", [])
        else:
            stock.add(name)
    return sorted(stock)


def main(config):
    odoo.tools.config.parse_config(["-c", config, "--log-level=warn"])
    print(",".join(stock_modules()))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
