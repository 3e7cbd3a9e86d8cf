# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models


class OpsFundPurpose(models.Model):
    """What money comes in for or goes out for (资金用途, policy §六(三)):
    carried by journal entries, payments and bank statement lines, planned
    in the monthly cash plan and checked by the fund-usage monitoring."""

    _name = "ops.fund.purpose"
    _description = "Fund Purpose"
    _order = "direction, sequence, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    direction = fields.Selection(
        [("income", "Income"), ("expense", "Expense"), ("both", "Income and Expense")],
        required=True,
        default="expense",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    note = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Each fund purpose has its own code."),
    ]

    @api.depends("name", "code")
    def _compute_display_name(self):
        for purpose in self:
            purpose.display_name = (
                f"[{purpose.code}] {purpose.name}" if purpose.code else purpose.name
            )
