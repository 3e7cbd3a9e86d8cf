# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models

PRIORITIES = [
    ("0", "Low"),
    ("1", "Normal"),
    ("2", "High"),
    ("3", "Urgent"),
]


class OpsContactSheetResponse(models.Model):
    """How fast a work contact sheet of a priority is answered (policy
    §三(二)4: 及时 — promptly), per company: the working hours on the
    company's calendar within which the receiving department accepts or
    declines it, and the working hours between two steps of escalation
    once it is late (to the owner, the receiving head, then Leadership)."""

    _name = "ops.contact.sheet.response"
    _description = "Contact Sheet Response Time"
    _order = "company_id, priority desc"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    priority = fields.Selection(PRIORITIES, required=True, default="1")
    response_hours = fields.Float(
        string="Response Time (working hours)",
        required=True,
        default=16.0,
        ops_min=0.5,
        ops_max=400.0,
        help="Working hours on the company's calendar within which the receiving "
        "department accepts or declines a sheet of this priority.",
    )
    escalation_hours = fields.Float(
        string="Escalation Interval (working hours)",
        required=True,
        default=8.0,
        ops_min=0.5,
        ops_max=400.0,
        help="Working hours between two steps of escalation of a late sheet: its owner "
        "is reminded, then the receiving head, then Leadership are given it.",
    )

    _sql_constraints = [
        (
            "priority_company_uniq",
            "unique(company_id, priority)",
            "Each priority has one response time per company.",
        ),
    ]

    @api.model
    def _ops_for(self, company, priority):
        """The response time of ``priority`` in ``company`` (sudo: the
        company's setting, the same for every user), or a default one."""
        found = self.sudo().search(
            [("company_id", "=", company.id), ("priority", "=", priority)], limit=1
        )
        return found or self.sudo().new({"company_id": company.id, "priority": priority})
