# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"


class OpsAttendanceDispute(models.Model):
    """An employee disputes their line of a published month within the
    dispute period; HR settles it (correcting the line if need be)."""

    _name = "ops.attendance.dispute"
    _description = "Attendance Dispute"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "create_date desc, id desc"

    # HR settles a dispute; never the employee who raised it (an HR officer
    # disputing their own line), nor does that employee write HR's answer.
    _ops_transitions = {
        "accept": Transition(("open",), "accepted", (HR,), decision=True),
        "reject": Transition(("open",), "rejected", (HR,), decision=True),
    }
    _ops_workflow_fields = ("settled_by_id", "settled_date")
    _ops_subject_fields = ("employee_id",)
    _ops_decision_fields = ("resolution",)
    _ops_decision_methods = ("action_accept", "action_reject")

    line_id = fields.Many2one(
        "ops.attendance.month.line",
        string="Attendance Line",
        required=True,
        ondelete="cascade",
        index=True,
    )
    month_id = fields.Many2one(related="line_id.month_id", store=True)
    company_id = fields.Many2one(related="line_id.company_id", store=True)
    employee_id = fields.Many2one(related="line_id.employee_id", store=True)
    user_id = fields.Many2one(related="line_id.user_id", store=True, string="User")
    department_id = fields.Many2one(related="line_id.department_id", store=True)
    reason = fields.Text(required=True, help="What is wrong in the line, and why.")
    state = fields.Selection(
        [("open", "Open"), ("accepted", "Accepted"), ("rejected", "Rejected")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    resolution = fields.Text(tracking=True, help="HR's answer.")
    settled_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    settled_date = fields.Date(readonly=True, copy=False)

    @api.depends("employee_id", "month_id")
    def _compute_display_name(self):
        for dispute in self:
            dispute.display_name = self.env._(
                "%(employee)s, %(month)s",
                employee=dispute.employee_id.name or "",
                month=dispute.month_id.name or "",
            )

    @api.model_create_multi
    def create(self, vals_list):
        is_hr = self.env.su or self.env.user.has_group(HR)
        today = fields.Date.context_today(self)
        Line = self.env["ops.attendance.month.line"]
        for vals in vals_list:
            line = Line.browse(vals.get("line_id")).exists()
            if not line:
                raise UserError(self.env._("Choose the attendance line you dispute."))
            month = line.sudo().month_id
            month._ops_check_not_locked()
            if month.state != "published":
                raise UserError(
                    self.env._(
                        "Only a published month can be disputed (%(month)s).", month=month.name
                    )
                )
            if month.dispute_deadline and today > month.dispute_deadline:
                raise UserError(
                    self.env._(
                        "The dispute period of %(month)s ended on %(deadline)s.",
                        month=month.name,
                        deadline=month.dispute_deadline,
                    )
                )
            if not is_hr and line.sudo().user_id != self.env.user:
                raise AccessError(self.env._("You can only dispute your own attendance."))
            if not (vals.get("reason") or "").strip():
                raise UserError(self.env._("Say what is wrong in your attendance line."))
        return super().create(vals_list)

    def write(self, vals):
        self.month_id._ops_check_not_locked()
        if not self.env.su and not self.env.user.has_group(HR):
            if set(vals) - {"reason"} or self.filtered(lambda d: d.state != "open"):
                raise AccessError(self.env._("Only HR settles attendance disputes."))
        return super().write(vals)

    def unlink(self):
        self.month_id._ops_check_not_locked()
        return super().unlink()

    def _ops_settle(self, step):
        """HR accepts or rejects (with the resolution) open disputes: the
        step checks HR's role, that the dispute is not theirs and that it is
        still open (under a row lock)."""
        if step == "reject":
            for dispute in self:
                if not (dispute.resolution or "").strip():
                    raise UserError(self.env._("Write the resolution before rejecting a dispute."))
        self._ops_transition(
            step,
            {"settled_by_id": self.env.user.id, "settled_date": fields.Date.context_today(self)},
        )
        for dispute in self:
            partner = dispute.sudo().user_id.partner_id
            dispute.message_post(
                body=self.env._(
                    "Your attendance dispute was %(decision)s. %(resolution)s",
                    decision=dispute._ops_selection_label("state"),
                    resolution=dispute.resolution or "",
                ),
                partner_ids=partner.ids,
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_accept(self):
        return self._ops_settle("accept")

    def action_reject(self):
        return self._ops_settle("reject")
