# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """An owner marking the activity of a decision done marks the decision done."""
        decision_ids = [
            activity.res_id
            for activity in self
            if activity.res_model == "ops.meeting.decision" and activity.res_id
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if decision_ids:
            decisions = self.env["ops.meeting.decision"].sudo().browse(decision_ids).exists()
            decisions.filtered(lambda decision: decision.state == "open")._ops_set_done()
        return result
