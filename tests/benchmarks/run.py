"""Run every benchmark of the suite against a database and print one table.

    python tests/benchmarks/run.py CONFIG DATABASE

Each ``bench_*.py`` beside this file has ``run(env)`` returning rows
``(measure, figure, goal, passed)``. Everything a benchmark writes is rolled
back. Exit status 1 when a benchmark misses its goal.
"""

import importlib.util
import sys
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, api


def main(config, database):
    odoo.tools.config.parse_config(["-c", config, "-d", database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(database)
    rows = []
    for path in sorted(Path(__file__).parent.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            try:
                rows += module.run(env)
            finally:
                cr.rollback()
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'measure':<{width}}  {'figure':>14}  {'goal':>16}  result")
    for measure, figure, goal, passed in rows:
        print(f"{measure:<{width}}  {figure:>14}  {goal:>16}  {'pass' if passed else 'FAIL'}")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
