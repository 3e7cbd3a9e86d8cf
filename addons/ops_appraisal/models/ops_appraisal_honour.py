# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"
DEPARTMENT_HEAD = "ops_org.ops_org_group_department_head"


class OpsAppraisalHonourType(models.Model):
    _name = "ops.appraisal.honour.type"
    _description = "Honour"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)


class OpsAppraisalHonour(models.Model):
    """An honorary title (policy §四(二)2: "Excellent Employee", "Innovation
    Pioneer"…): nominated, approved on the suite's authority matrix, kept on
    the employee and praised in public in a company channel."""

    _name = "ops.appraisal.honour"
    _description = "Honour Nomination"
    _inherit = ["tier.validation", "ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    _state_field = "state"
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "rejected"
    _tier_validation_manual_config = False
    _ops_requester_field = "nominated_by_id"
    _ops_state_validated = "approved"
    _ops_state_rejected = "rejected"
    # A department head or HR nominates; Leadership decides on the authority
    # matrix, never the honouree nor the nominator.
    _ops_transitions = {"nominate": Transition(("draft",), None, (DEPARTMENT_HEAD, HR))}
    _ops_workflow_fields = ("date_awarded",)
    _ops_subject_fields = ("employee_id",)
    _ops_harmless_methods = ("action_nominate",)

    type_id = fields.Many2one("ops.appraisal.honour.type", string="Honour", required=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    employee_name = fields.Char(related="employee_id.name", store=True, string="Employee Name")
    user_id = fields.Many2one(related="employee_id.user_id", store=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    cycle_id = fields.Many2one("ops.appraisal.cycle", string="Appraisal Cycle")
    reason = fields.Html(required=True)
    nominated_by_id = fields.Many2one(
        "res.users",
        default=lambda self: self._default_nominated_by_id(),
        readonly=True,
        required=True,
        copy=False,
    )
    state = fields.Selection(
        [("draft", "Nominated"), ("approved", "Awarded"), ("rejected", "Rejected")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    date_awarded = fields.Date(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _default_nominated_by_id(self):
        return self.env.user

    def _compute_display_name(self):
        for honour in self:
            honour.display_name = f"{honour.type_id.name} - {honour.employee_name}"

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + ["state", "date_awarded"]

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + ["state"]

    def _ops_on_validated(self):
        """Awarded: dated, and praised in public."""
        self.ensure_one()
        # sudo: Leadership approves without writing honours; only the date is written.
        self.sudo()._ops_workflow_write({"date_awarded": fields.Date.context_today(self)})
        channel = self.env.ref("mail.channel_all_employees", raise_if_not_found=False)
        if channel:
            company = self.company_id.partner_id
            channel.sudo().message_post(
                body=Markup("<p><strong>%s</strong></p>%s")
                % (
                    self.env._(
                        "%(employee)s is awarded the title “%(honour)s”.",
                        employee=self.employee_name,
                        honour=self.type_id.name,
                    ),
                    self.reason,
                ),
                author_id=company.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def action_nominate(self):
        self._ops_transition("nominate")
        submitted = self.filtered(lambda h: h.validation_status != "no")
        if submitted:
            raise UserError(
                self.env._(
                    "The nomination %(honour)s is already submitted.",
                    honour=submitted[0].display_name,
                )
            )
        self._ops_request_validation()
        return True
