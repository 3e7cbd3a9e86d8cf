# Run by setup/upgrade.sh in `odoo shell` after upgrading ops_appraisal.
# ruff: noqa: F821 - `env` and `odoo` are given by odoo shell
module = env["ir.module.module"].search([("name", "=", "ops_appraisal")])
cycles = env["ops.appraisal.cycle"].search([("name", "like", "Upgrade ")])
open_cycle = cycles.filtered(lambda c: c.state == "open")
published = cycles.filtered(lambda c: c.state == "published")
problems = []
expected = odoo.modules.get_manifest("ops_appraisal")["version"]
if module.latest_version != expected:
    problems.append(f"version {module.latest_version}")
if open_cycle.appraisal_ids.filtered("grade_id"):
    problems.append("the open cycle's appraisals kept their grade")
if not all(published.appraisal_ids.mapped("grade_id")):
    problems.append("the published cycle lost its grades")
if cycles.mapped("reminder_days") != [3, 3]:
    problems.append(f"reminder days {cycles.mapped('reminder_days')}")
print("UPGRADE CHECK", "FAILED: " + "; ".join(problems) if problems else "OK")
