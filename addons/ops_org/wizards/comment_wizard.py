# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class CommentWizard(models.TransientModel):
    """OCA's comment wizard decides reviews it is given: on the documents of
    the suite it goes through the same guard as the suite's buttons."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        record = self.env[self.res_model].browse(self.res_id) if self.res_model else None
        if record is None or not getattr(record, "_ops_workflow", False):
            return super().add_comment()
        if self.validate_reject == "reject":
            record._ops_reject(self.comment, reviews=self.review_ids)
        else:
            record._ops_approve(comment=self.comment, reviews=self.review_ids)
        return True
