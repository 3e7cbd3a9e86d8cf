# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HrJob(models.Model):
    """What a job asks of its appraisal (policy §四(一)4): peers who
    evaluate, and customers for customer-facing jobs."""

    _inherit = "hr.job"

    ops_appraisal_peer_count = fields.Integer(
        string="Peer Evaluators",
        help="Colleagues of the same department asked to evaluate each holder of this "
        "job when a cycle generates its appraisals (0: none).",
    )
    ops_customer_facing = fields.Boolean(
        string="Customer-Facing",
        help="Holders of this job are also evaluated by customers, through a link.",
    )

    @api.constrains("ops_appraisal_peer_count")
    def _check_ops_appraisal_peer_count(self):
        for job in self:
            if not 0 <= job.ops_appraisal_peer_count <= 10:
                raise ValidationError(
                    self.env._(
                        "Job %(job)s: between 0 and 10 peers evaluate each holder.",
                        job=job.name,
                    )
                )
