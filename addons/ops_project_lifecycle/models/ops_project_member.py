# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class OpsProjectMember(models.Model):
    _name = "ops.project.member"
    _ops_classified_by = "project_id"  # confidentiality follows it (ops_org base)
    _description = "Project Team Member"
    _order = "project_id, sequence, id"

    project_id = fields.Many2one("project.project", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one("res.users", string="Member", required=True, index=True)
    role = fields.Selection(
        [
            ("lead", "Project Lead"),
            ("planner", "Planner"),
            ("designer", "Designer"),
            ("developer", "Developer"),
            ("tester", "Tester"),
            ("operator", "Operations"),
            ("marketing", "Marketing"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
    )
    responsibilities = fields.Text()
    company_id = fields.Many2one(related="project_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "user_project_uniq",
            "unique(project_id, user_id)",
            "A person is on a project team once.",
        )
    ]
