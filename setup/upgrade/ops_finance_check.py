# Run by setup/upgrade.sh in `odoo shell` after upgrading ops_finance.
# ruff: noqa: F821 - `env` and `odoo` are given by odoo shell
module = env["ir.module.module"].search([("name", "=", "ops_finance")])
companies = env["res.company"].search([])
problems = []
expected = odoo.modules.get_manifest("ops_finance")["version"]
if module.latest_version != expected:
    problems.append(f"version {module.latest_version}")
if not all(companies.mapped("ops_expense_policy")):
    problems.append("a company without the expense approval chain")
print("UPGRADE CHECK", "FAILED: " + "; ".join(problems) if problems else "OK")
