# Run by setup/upgrade.sh in `odoo shell` after upgrading ops_finance.
# ruff: noqa: F821 - `env` is given by odoo shell
module = env["ir.module.module"].search([("name", "=", "ops_finance")])
companies = env["res.company"].search([])
problems = []
if module.latest_version != "18.0.1.1.0":
    problems.append(f"version {module.latest_version}")
if not all(companies.mapped("ops_expense_policy")):
    problems.append("a company without the expense approval chain")
print("UPGRADE CHECK", "FAILED: " + "; ".join(problems) if problems else "OK")
