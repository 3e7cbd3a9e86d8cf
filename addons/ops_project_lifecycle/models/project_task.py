# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProjectTask(models.Model):
    _inherit = "project.task"

    ops_deliverable_id = fields.Many2one(
        "ops.project.deliverable",
        string="Test Report",
        index="btree_not_null",
        domain="[('kind', '=', 'test_report'), ('project_id', '=', project_id)]",
        help="The test report that found this defect.",
    )
    ops_is_defect = fields.Boolean(string="Defect")
    ops_retested = fields.Boolean(string="Retested", tracking=True)
    ops_defect_waived = fields.Boolean(string="Waived", tracking=True)
    ops_waiver_reason = fields.Text(string="Waiver Reason")

    @api.constrains("ops_defect_waived", "ops_waiver_reason")
    def _check_waiver_reason(self):
        for task in self:
            if task.ops_defect_waived and not (task.ops_waiver_reason or "").strip():
                raise ValidationError(
                    self.env._("Defect %(task)s: say why it is waived.", task=task.name)
                )
