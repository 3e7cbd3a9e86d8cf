# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition


class OpsAppraisalImprovementPlan(models.Model):
    """Performance improvement plan for a poor result (policy §四(一)5): the
    supervisor and the employee agree goals, meet at check-ins, and record
    the outcome."""

    _name = "ops.appraisal.improvement.plan"
    _ops_classified_by = "appraisal_id"  # confidentiality follows it (ops_org base)
    _description = "Performance Improvement Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "ops.workflow.mixin"]
    _order = "id desc"
    _rec_name = "employee_name"

    # The supervisor (or HR) runs the plan; its outcome is a decision about
    # the employee, which they never take on their own plan.
    _ops_transitions = {
        "start": Transition(("draft",), "active"),
        "done": Transition(("active",), "done", decision=True),
    }
    _ops_subject_fields = ("appraisal_id.employee_id",)
    _ops_workflow_fields = ("reminder_date",)
    _ops_decision_fields = ("outcome", "outcome_note")
    _ops_decision_methods = ("action_done",)
    _ops_harmless_methods = ("action_start",)

    appraisal_id = fields.Many2one("ops.appraisal", required=True, ondelete="restrict", index=True)
    employee_id = fields.Many2one(related="appraisal_id.employee_id", store=True, index=True)
    employee_name = fields.Char(related="appraisal_id.employee_name", store=True)
    user_id = fields.Many2one(related="appraisal_id.user_id", store=True, index=True)
    supervisor_user_id = fields.Many2one(
        related="appraisal_id.supervisor_user_id", store=True, index=True
    )
    department_id = fields.Many2one(related="appraisal_id.department_id", store=True, index=True)
    company_id = fields.Many2one(related="appraisal_id.company_id", store=True, index=True)
    goals = fields.Html(tracking=True)
    date_start = fields.Date(default=fields.Date.context_today)
    date_end = fields.Date()
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Progress"), ("done", "Done")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    checkin_ids = fields.One2many(
        "ops.appraisal.improvement.checkin", "plan_id", string="Check-ins"
    )
    outcome = fields.Selection(
        [("improved", "Improved"), ("extended", "Extended"), ("not_improved", "Not Improved")],
        tracking=True,
    )
    outcome_note = fields.Text()
    reminder_days = fields.Integer(
        string="Remind Days Before End",
        default=7,
        ops_min=0,
        ops_max=90,
        help="How many days before the plan's end its supervisor is given an activity to "
        "record the outcome, and the employee is reminded.",
    )
    reminder_date = fields.Date(
        string="Reminded On",
        readonly=True,
        copy=False,
        help="When the supervisor and the employee were reminded that the plan ends.",
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for plan in self:
            if plan.date_start and plan.date_end and plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The improvement plan of %(employee)s ends before it starts.",
                        employee=plan.employee_name,
                    )
                )

    def write(self, vals):
        # Who may not write the plan at all hears that first, before the
        # rule on decisions about oneself.
        if not self.env.su and self._ops_decision_field_names() & set(vals):
            self.check_access("write")
        return super().write(vals)

    def action_start(self):
        for plan in self:
            if not plan.goals or not plan.date_end:
                raise UserError(
                    self.env._("Agree the goals and the end date before starting the plan.")
                )
        self._ops_transition("start")
        return True

    @api.model
    def _cron_remind_end(self):
        """Daily: the plans in progress whose end is within their reminder
        days give their supervisor an activity to record the outcome and
        tell the employee, once per plan (the day is stored)."""
        today = fields.Date.context_today(self)
        plans = self.search(
            [("state", "=", "active"), ("date_end", "!=", False), ("reminder_date", "=", False)]
        )
        due = plans.filtered(lambda p: p.date_end - timedelta(days=p.reminder_days) <= today)
        for plan in due:
            plan._ops_lock_rows()
            if plan.reminder_date or plan.state != "active":
                continue
            plan._ops_remind_end()
            plan._ops_workflow_write({"reminder_date": today})
        return True

    def _ops_remind_end(self):
        self.ensure_one()
        supervisor = self.supervisor_user_id
        employee = self.user_id
        if supervisor:
            self.activity_schedule(
                act_type_xmlid="mail.mail_activity_data_todo",
                date_deadline=self.date_end,
                summary=self.env._("Record the outcome of the improvement plan"),
                user_id=supervisor.id,
            )
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "The improvement plan of %(employee)s ends on %(date)s: review its goals and "
                "record the outcome.",
                employee=self.employee_name,
                date=self.date_end,
            ),
            partner_ids=(supervisor | employee).partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def action_done(self):
        for plan in self:
            if not plan.outcome:
                raise UserError(self.env._("Record the outcome before closing the plan."))
        self._ops_transition("done")
        return True


class OpsAppraisalImprovementCheckin(models.Model):
    _name = "ops.appraisal.improvement.checkin"
    _ops_classified_by = "plan_id.appraisal_id"  # confidentiality follows it (ops_org base)
    _description = "Improvement Plan Check-in"
    _order = "date, id"

    plan_id = fields.Many2one(
        "ops.appraisal.improvement.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    progress = fields.Integer(string="Progress (%)")
    note = fields.Text(required=True)
