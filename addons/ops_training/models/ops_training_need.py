# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class OpsTrainingNeed(models.Model):
    """Something an employee should learn, from an appraisal result, a
    development plan, onboarding or a manager; HR turns it into an
    enrolment."""

    _name = "ops.training.need"
    _description = "Training Need"
    _inherit = ["mail.thread"]
    _order = "state, create_date desc, id desc"

    name = fields.Char(string="Need", required=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True, ondelete="cascade")
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", compute="_compute_team", store=True, index=True
    )
    manager_user_id = fields.Many2one(
        "res.users", string="Manager", compute="_compute_team", store=True, index=True
    )
    source = fields.Selection(
        [
            ("appraisal", "Appraisal"),
            ("plan", "Development Plan"),
            ("onboarding", "Onboarding"),
            ("manager", "Manager"),
        ],
        required=True,
        default="manager",
    )
    appraisal_id = fields.Many2one("ops.appraisal", index="btree_not_null", ondelete="set null")
    plan_id = fields.Many2one(
        "ops.development.plan", string="Development Plan", index="btree_not_null"
    )
    programme_id = fields.Many2one("ops.training.programme", tracking=True)
    description = fields.Text()
    state = fields.Selection(
        [
            ("open", "To Plan"),
            ("planned", "Enrolled"),
            ("done", "Trained"),
            ("cancelled", "Cancelled"),
        ],
        default="open",
        required=True,
        tracking=True,
    )
    enrolment_ids = fields.One2many("ops.training.enrolment", "need_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("employee_id.parent_id.user_id", "employee_id.department_id")
    def _compute_team(self):
        for need in self:
            employee = need.employee_id.sudo()
            need.department_id = employee.department_id
            need.manager_user_id = (
                employee.parent_id.user_id or employee.department_id.manager_id.user_id
            )

    def action_enrol(self, session=None):
        """Enrol the employee in ``session``, or in the next planned session
        of the need's programme that has a free seat."""
        Session = self.env["ops.training.session"]
        for need in self:
            if need.state != "open":
                raise UserError(self.env._("Only a need still to plan can be enrolled."))
            target = session
            if not target:
                if not need.programme_id:
                    raise UserError(
                        self.env._("Choose the programme that answers %(need)s.", need=need.name)
                    )
                target = Session.search(
                    [
                        ("programme_id", "=", need.programme_id.id),
                        ("state", "=", "planned"),
                        ("date_start", ">=", fields.Datetime.now()),
                    ],
                    order="date_start",
                ).filtered(
                    lambda s, e=need.employee_id: (
                        s.seats_free > 0 and e not in s.sudo().enrolment_ids.employee_id
                    )
                )[:1]
                if not target:
                    raise UserError(
                        self.env._(
                            "%(programme)s has no planned session with a free seat; plan one.",
                            programme=need.programme_id.name,
                        )
                    )
            self.env["ops.training.enrolment"].create(
                {"session_id": target.id, "employee_id": need.employee_id.id, "need_id": need.id}
            )
            need.write({"state": "planned", "programme_id": target.programme_id.id})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True
