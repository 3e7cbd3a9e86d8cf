# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class QueueJob(models.Model):
    """OCA queue_job's jobs, told which suite document each one works for
    (``ops.job.mixin``): the document shows its jobs' progress and failure."""

    _inherit = "queue.job"

    ops_res_model = fields.Char(string="Document Model", readonly=True, index=True)
    ops_res_id = fields.Many2oneReference(
        string="Document", model_field="ops_res_model", readonly=True, index=True
    )
    ops_batch = fields.Char(string="Run", readonly=True, index=True)
    ops_step = fields.Char(string="Step", readonly=True)
