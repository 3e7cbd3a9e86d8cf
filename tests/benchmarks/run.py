"""Run every benchmark of the suite against a database and print one table.

    python tests/benchmarks/run.py CONFIG DATABASE

Each ``bench_*.py`` beside this file has ``run(env)`` returning rows
``(measure, figure, goal, passed)``; ``passed`` is None for a figure shown
for information, against an indicative goal ("info"). Everything a
benchmark writes is rolled back. A benchmark that raises gets a failed row
with its error (its traceback on stderr) and the others still run. Exit
status 1 when a benchmark misses its goal.
"""

import importlib.util
import sys
import traceback
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
            except Exception as error:  # one broken benchmark hides no other
                traceback.print_exc()
                rows.append((f"{path.stem}: {type(error).__name__}: {error}", "-", "runs", False))
            finally:
                cr.rollback()
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"{'measure':<{width}}  {'figure':>14}  {'goal':>16}  result")
    for measure, figure, goal, passed in rows:
        result = "info" if passed is None else "pass" if passed else "FAIL"
        print(f"{measure:<{width}}  {figure:>14}  {goal:>16}  {result}")
    return 0 if all(r[3] or r[3] is None for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
