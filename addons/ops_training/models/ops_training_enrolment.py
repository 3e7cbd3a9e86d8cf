# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"


class OpsTrainingEnrolment(models.Model):
    """An employee's seat in a session and whether they attended.

    Attendance is recorded by the session's trainer or HR, never for
    their own seat (it counts towards the requirements of a promotion);
    the employee, or HR, gives a seat back."""

    _name = "ops.training.enrolment"
    _description = "Training Enrolment"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "session_id desc, employee_id"
    _rec_name = "employee_id"

    _ops_transitions = {
        # Corrections are possible until the session is closed.
        "attend": Transition(("enrolled", "absent"), "attended", decision=True),
        "absent": Transition(("enrolled", "attended"), "absent", decision=True),
        "cancel": Transition(("enrolled",), "cancelled"),
        # The session is cancelled: every seat goes.
        "cancel_session": Transition(("enrolled", "attended", "absent"), "cancelled"),
    }
    _ops_subject_fields = ("employee_id",)
    _ops_decision_methods = ("action_attended", "action_absent")
    _ops_harmless_methods = ("action_cancel",)
    # Fixed once the seat exists: attendance belongs to one employee in one session.
    _ops_fixed_fields = ("session_id", "employee_id")

    session_id = fields.Many2one(
        "ops.training.session", required=True, ondelete="cascade", index=True
    )
    programme_id = fields.Many2one(related="session_id.programme_id", store=True, index=True)
    kind = fields.Selection(related="session_id.kind", store=True)
    date_start = fields.Datetime(related="session_id.date_start", store=True)
    trainer_user_id = fields.Many2one(related="session_id.trainer_user_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", compute="_compute_team", store=True, index=True
    )
    manager_user_id = fields.Many2one(
        "res.users",
        string="Manager",
        compute="_compute_team",
        store=True,
        index=True,
        help="The employee's direct supervisor.",
    )
    state = fields.Selection(
        [
            ("enrolled", "Enrolled"),
            ("attended", "Attended"),
            ("absent", "Absent"),
            ("cancelled", "Cancelled"),
        ],
        default="enrolled",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    need_id = fields.Many2one("ops.training.need", string="Training Need", index="btree_not_null")
    company_id = fields.Many2one(related="session_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "session_employee_uniq",
            "unique(session_id, employee_id)",
            "An employee is enrolled once per session.",
        )
    ]

    @api.depends(
        "employee_id.user_id",
        "employee_id.parent_id.user_id",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.department_id.parent_id.manager_id.user_id",
    )
    def _compute_team(self):
        for enrolment in self:
            employee = enrolment.employee_id.sudo()
            enrolment.department_id = employee.department_id
            # The one rule of the suite for who manages an employee.
            enrolment.manager_user_id = employee._ops_manager_users()[:1] if employee else False

    @api.constrains("need_id", "employee_id")
    def _check_need(self):
        for enrolment in self:
            need = enrolment.need_id.sudo()
            if need and need.employee_id != enrolment.employee_id:
                raise ValidationError(
                    self.env._(
                        "Training need %(need)s is about another employee, not %(employee)s.",
                        need=need.name,
                        employee=enrolment.employee_id.name,
                    )
                )

    @api.constrains("session_id", "state")
    def _check_capacity(self):
        for session in self.session_id:
            taken = self.sudo().search_count(
                [("session_id", "=", session.id), ("state", "!=", "cancelled")]
            )
            if taken > session.capacity:
                raise ValidationError(
                    self.env._(
                        "Session %(session)s is full: %(seats)s seats, %(taken)s enrolled.",
                        session=session.display_name,
                        seats=session.capacity,
                        taken=taken,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sessions = self.env["ops.training.session"].browse(
            {vals["session_id"] for vals in vals_list if vals.get("session_id")}
        )
        # Two people taking the last seat at once: the second waits, then sees it full.
        sessions._ops_lock_rows()
        for session in sessions.sudo():
            if session.state != "planned":
                raise UserError(
                    self.env._(
                        "Session %(session)s is no longer open for enrolment.",
                        session=session.display_name,
                    )
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self._ops_workflow_open():
            for name in set(vals) & set(self._ops_fixed_fields):
                value = vals[name]
                value = value.id if isinstance(value, models.BaseModel) else (value or False)
                if any(enrolment[name].id != value for enrolment in self):
                    raise AccessError(
                        self.env._(
                            "%(field)s of an enrolment is fixed once it exists: cancel it "
                            "and enrol again.",
                            field=self._fields[name]._description_string(self.env),
                        )
                    )
        return super().write(vals)

    def action_attended(self):
        self._ops_record_attendance("attend")
        return True

    def action_absent(self):
        self._ops_record_attendance("absent")
        return True

    def _ops_record_attendance(self, step):
        """The trainer or HR records attendance while the session is open."""
        self.session_id._ops_check_trainer_or_hr()
        for enrolment in self:
            if enrolment.session_id.state != "planned":
                raise UserError(
                    self.env._(
                        "Session %(session)s is closed: its attendance is final.",
                        session=enrolment.session_id.display_name,
                    )
                )
        self._ops_transition(step)

    def action_cancel(self):
        """The employee (or HR) gives the seat back before the session."""
        self.check_access("read")
        if not self.env.su and not self.env.user.has_group(HR):
            for enrolment in self:
                if enrolment.user_id != self.env.user:
                    raise AccessError(
                        self.env._(
                            "Only %(employee)s or HR gives this seat back.",
                            employee=enrolment.employee_id.name,
                        )
                    )
        # sudo: employees may not write their enrolment; the step only
        # cancels the seats checked above.
        self._ops_transition("cancel", sudo=True)
        return True

    def _ops_request_evaluation(self):
        Evaluation = self.env["ops.training.evaluation"].sudo()
        existing = Evaluation.search([("enrolment_id", "in", self.ids)]).enrolment_id
        # The trainer does not evaluate their own session.
        evaluations = Evaluation.create(
            [
                {"enrolment_id": e.id}
                for e in self - existing
                if e.user_id and e.user_id != e.session_id.trainer_user_id
            ]
        )
        evaluations._ops_send_survey()
        return evaluations

    def _ops_close_needs(self):
        # sudo: closing a session (trainer or HR) closes the needs it answered.
        self.need_id.sudo().filtered(lambda n: n.state != "done")._ops_transition("train")
