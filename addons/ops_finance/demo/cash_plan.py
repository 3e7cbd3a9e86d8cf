# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data (only called by demo/ops_cash_demo.xml)."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class OpsFinanceDemo(models.AbstractModel):
    _name = "ops.finance.demo"
    _description = "Demo data: next month's cash plan"

    @api.model
    def _ops_demo_next_month_plan(self, finance, planned):
        """Finance drafts next month's cash plan (the ``planned`` lines
        ``(direction, fund purpose, amount)``, then what the schedules and
        commitments bring) and submits it: Leadership approves it this month.
        Runs once: nothing happens when that month's plan exists."""
        company = self.env.ref("base.main_company")
        month = fields.Date.context_today(self) + relativedelta(day=1, months=1)
        Plan = self.env["ops.cash.plan"]
        if Plan.search_count([("company_id", "=", company.id), ("month", "=", month)]):
            return True
        finance = self.env["res.users"].browse(finance)
        Plan = Plan.with_user(finance).with_context(lang=finance.lang).with_company(company)
        plan = Plan.create(
            {
                "month": month,
                "line_ids": [
                    fields.Command.create(
                        {
                            "direction": direction,
                            "fund_purpose_id": purpose,
                            "planned_amount": amount,
                        }
                    )
                    for direction, purpose, amount in planned
                ],
            }
        )
        plan.action_fill_from_schedules()
        plan.action_submit()
        return True
