# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

from odoo.addons.ops_org.models.hr_department import DEPARTMENT_KINDS

PHASE_CODES = [
    ("initiation", "Initiation"),
    ("planning", "Planning"),
    ("design", "Design"),
    ("development", "Development"),
    ("testing", "Testing"),
    ("launch", "Launch"),
    ("operation", "Operation & Maintenance"),
    ("acceptance", "Acceptance"),
    ("closed", "Closed"),
]


class OpsProjectPhase(models.Model):
    """A phase of the project lifecycle (policy §三(一)) and who owns it.
    Shipped as data; an administrator may rename phases, change owners,
    durations and deliverables."""

    _name = "ops.project.phase"
    _description = "Project Phase"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Selection(PHASE_CODES, required=True, index=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(help="Folded in the kanban of projects.")
    owner = fields.Selection(
        [
            ("requester", "Requesting department"),
            ("project_lead", "Project lead"),
            ("department", "Department of a kind"),
        ],
        default="department",
        required=True,
        help="Who owns the phase: the department that asked for the project, the "
        "project lead, or the company's department of the kind below.",
    )
    owner_kind = fields.Selection(DEPARTMENT_KINDS, string="Owning Department Kind")
    maintainer_kind = fields.Selection(
        DEPARTMENT_KINDS,
        string="Maintaining Department Kind",
        help="A second department working in the phase (Technology maintains during operation).",
    )
    duration_days = fields.Integer(
        string="Planned Days", default=10, help="Planned duration of the phase."
    )
    description = fields.Text(translate=True)
    deliverable_type_ids = fields.One2many(
        "ops.project.deliverable.type", "phase_id", string="Deliverables"
    )

    _sql_constraints = [("code_uniq", "unique(code)", "A phase code is used once.")]

    def _next(self):
        self.ensure_one()
        return self.search([("sequence", ">", self.sequence)], limit=1) or self.search(
            [("sequence", "=", self.sequence), ("id", ">", self.id)], limit=1
        )
