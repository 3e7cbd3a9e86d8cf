# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# What a trainer or HR sets; the enrolled employee cannot mark themselves.
ATTENDANCE_STATES = ("attended", "absent")


class OpsTrainingEnrolment(models.Model):
    """An employee's seat in a session and whether they attended."""

    _name = "ops.training.enrolment"
    _description = "Training Enrolment"
    _inherit = ["mail.thread"]
    _order = "session_id desc, employee_id"
    _rec_name = "employee_id"

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

    @api.depends("employee_id.parent_id.user_id", "employee_id.department_id")
    def _compute_team(self):
        for enrolment in self:
            employee = enrolment.employee_id.sudo()
            enrolment.department_id = employee.department_id
            enrolment.manager_user_id = (
                employee.parent_id.user_id or employee.department_id.manager_id.user_id
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
        if sessions:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM ops_training_session WHERE id IN %s FOR UPDATE",
                    tuple(sessions.ids),
                )
            )
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
        if vals.get("state") in ATTENDANCE_STATES:
            self.session_id._ops_check_trainer_or_hr()
        return super().write(vals)

    def action_attended(self):
        self.write({"state": "attended"})
        return True

    def action_absent(self):
        self.write({"state": "absent"})
        return True

    def action_cancel(self):
        """The employee (or HR) gives the seat back before the session."""
        for enrolment in self:
            if enrolment.state != "enrolled":
                raise UserError(self.env._("Only a pending enrolment can be cancelled."))
        self.check_access("read")
        self.sudo().write({"state": "cancelled"})
        return True

    def _ops_request_evaluation(self):
        Evaluation = self.env["ops.training.evaluation"].sudo()
        existing = Evaluation.search([("enrolment_id", "in", self.ids)]).enrolment_id
        evaluations = Evaluation.create(
            [{"enrolment_id": e.id} for e in self - existing if e.user_id]
        )
        evaluations._ops_send_survey()
        return evaluations

    def _ops_close_needs(self):
        self.need_id.sudo().filtered(lambda n: n.state != "done").write({"state": "done"})
