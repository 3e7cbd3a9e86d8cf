# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"


class OpsDevelopmentPlan(models.Model):
    """An employee's career development plan (policy §五(二)2-3): goal,
    path on a track, actions (training, projects, mentoring), the
    company's support, and review dates with HR.

    The employee drafts it; HR (other than the employee) agrees to it and
    records the goal achieved: the employee never approves their own plan,
    nor writes the notes of its reviews with HR."""

    _name = "ops.development.plan"
    _description = "Development Plan"
    _inherit = ["ops.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_next_review, id desc"
    _rec_name = "employee_id"

    _ops_transitions = {
        "activate": Transition(("draft",), "active", (HR,), decision=True),
        "achieve": Transition(("active",), "done", (HR,), decision=True),
    }
    _ops_subject_fields = ("employee_id",)
    _ops_decision_fields = ("review_note",)
    _ops_decision_methods = ("action_activate", "action_done")
    _ops_harmless_methods = ("action_create_training_needs",)

    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", compute="_compute_team", store=True, index=True
    )
    manager_user_id = fields.Many2one(
        "res.users", string="Manager", compute="_compute_team", store=True, index=True
    )
    hr_user_id = fields.Many2one(
        "res.users",
        string="HR Adviser",
        default=lambda self: self._default_hr_user_id(),
        tracking=True,
    )
    goal = fields.Text(required=True, tracking=True)
    track_id = fields.Many2one("ops.career.track", tracking=True)
    target_level_id = fields.Many2one(
        "ops.career.level", domain="[('track_id', '=', track_id)]", tracking=True
    )
    path = fields.Text(help="The steps from today's job to the goal.")
    support = fields.Text(
        help="What the company provides: training, learning, practice, jobs and projects."
    )
    action_ids = fields.One2many("ops.development.plan.action", "plan_id", string="Actions")
    date_next_review = fields.Date(string="Next Review with HR", tracking=True)
    review_note = fields.Text(string="Review Notes", tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Progress"), ("done", "Achieved")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    def _default_hr_user_id(self):
        return self.env.user if self.env.user.has_group("ops_org.ops_org_group_hr") else False

    @api.depends(
        "employee_id.user_id",
        "employee_id.parent_id.user_id",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.department_id.parent_id.manager_id.user_id",
    )
    def _compute_team(self):
        for plan in self:
            employee = plan.employee_id.sudo()
            plan.department_id = employee.department_id
            # The one rule of the suite for who manages an employee.
            plan.manager_user_id = employee._ops_manager_users()[:1] if employee else False

    @api.constrains("hr_user_id", "employee_id")
    def _check_hr_user(self):
        for plan in self:
            if plan.hr_user_id and plan.hr_user_id == plan.employee_id.sudo().user_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s reviews their development plan with another HR adviser.",
                        employee=plan.employee_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        Employee = self.env["hr.employee"].sudo()
        for vals in vals_list:
            if "hr_user_id" not in vals:
                # HR drafting their own plan is not its adviser.
                adviser = self._default_hr_user_id()
                employee_id = vals.get("employee_id")
                employee = (
                    Employee.browse(employee_id).exists()
                    if isinstance(employee_id, int)
                    else Employee
                )
                own = employee.user_id
                vals["hr_user_id"] = adviser.id if adviser and adviser != own else False
        plans = super().create(vals_list)
        plans.filtered("date_next_review")._ops_schedule_review()
        return plans

    def write(self, vals):
        res = super().write(vals)
        if vals.get("date_next_review"):
            self._ops_schedule_review()
        return res

    def _ops_schedule_review(self):
        """An activity for the HR adviser on the review date."""
        activity_type = self.env.ref("mail.mail_activity_data_meeting", raise_if_not_found=False)
        activity_type = activity_type or self.env.ref("mail.mail_activity_data_todo")
        for plan in self.sudo():
            plan.activity_unlink(
                ["mail.mail_activity_data_meeting", "mail.mail_activity_data_todo"]
            )
            plan.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=plan.date_next_review,
                user_id=(plan.hr_user_id or self.env.user).id,
                summary=self.env._(
                    "Review the development plan of %(employee)s", employee=plan.employee_id.name
                ),
            )

    def action_activate(self):
        """Agreed with HR: the plan starts."""
        self._ops_transition("activate")
        return True

    def action_done(self):
        self._ops_transition("achieve")
        return True

    def action_create_training_needs(self):
        """Every training action without a need becomes one."""
        for plan in self:
            actions = plan.action_ids.filtered(lambda a: a.kind == "training" and not a.need_id)
            if not actions:
                raise UserError(self.env._("No training action is waiting for a need."))
            for action in actions:
                action.need_id = (
                    self.env["ops.training.need"]
                    .sudo()
                    .create(
                        {
                            "name": action.name,
                            "employee_id": plan.employee_id.id,
                            "source": "plan",
                            "plan_id": plan.id,
                            "programme_id": action.programme_id.id,
                            "company_id": plan.company_id.id,
                        }
                    )
                )
        return True


class OpsDevelopmentPlanAction(models.Model):
    _name = "ops.development.plan.action"
    _description = "Development Plan Action"
    _order = "plan_id, date_due, id"

    plan_id = fields.Many2one("ops.development.plan", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(
        [
            ("training", "Training"),
            ("project", "Project"),
            ("mentoring", "Mentoring"),
            ("other", "Other"),
        ],
        required=True,
        default="training",
    )
    name = fields.Char(string="Action", required=True)
    programme_id = fields.Many2one("ops.training.programme")
    mentor_id = fields.Many2one("hr.employee")
    date_due = fields.Date(string="Due")
    done = fields.Boolean()
    need_id = fields.Many2one("ops.training.need", readonly=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
