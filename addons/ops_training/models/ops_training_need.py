# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ops_org.models.ops_workflow_mixin import Transition

HR = "ops_org.ops_org_group_hr"


class OpsTrainingNeed(models.Model):
    """Something an employee should learn, from an appraisal result, a
    development plan, onboarding or a manager; HR turns it into an
    enrolment, and closing the session that answers it marks it trained."""

    _name = "ops.training.need"
    _ops_classified_by = "appraisal_id"  # confidentiality follows it (ops_org base)
    _description = "Training Need"
    _inherit = ["ops.workflow.mixin", "mail.thread"]
    _order = "state, create_date desc, id desc"

    _ops_transitions = {
        "enrol": Transition(("open",), "planned", (HR,)),
        "cancel": Transition(("open", "planned"), "cancelled", (HR,)),
        # Server step: the session answering the need was closed.
        "train": Transition(("open", "planned", "cancelled"), "done"),
    }
    _ops_harmless_methods = ("action_enrol", "action_cancel")

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
        readonly=True,
        copy=False,
        tracking=True,
    )
    enrolment_ids = fields.One2many("ops.training.enrolment", "need_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends(
        "employee_id.user_id",
        "employee_id.parent_id.user_id",
        "employee_id.department_id.manager_id.user_id",
        "employee_id.department_id.parent_id.manager_id.user_id",
    )
    def _compute_team(self):
        for need in self:
            employee = need.employee_id.sudo()
            need.department_id = employee.department_id
            # The one rule of the suite for who manages an employee.
            need.manager_user_id = employee._ops_manager_users()[:1] if employee else False

    def action_enrol(self):
        """Enrol the employee in the next planned session of the need's
        programme that has a free seat."""
        for need in self:
            need._ops_transition("enrol")
            target = need._ops_next_session()
            self.env["ops.training.enrolment"].create(
                {"session_id": target.id, "employee_id": need.employee_id.id, "need_id": need.id}
            )
        return True

    def _ops_next_session(self):
        self.ensure_one()
        if not self.programme_id:
            raise UserError(
                self.env._("Choose the programme that answers %(need)s.", need=self.name)
            )
        target = (
            self.env["ops.training.session"]
            .search(
                [
                    ("programme_id", "=", self.programme_id.id),
                    ("state", "=", "planned"),
                    ("date_start", ">=", fields.Datetime.now()),
                ],
                order="date_start",
            )
            .filtered(
                lambda s, e=self.employee_id: (
                    s.seats_free > 0 and e not in s.sudo().enrolment_ids.employee_id
                )
            )[:1]
        )
        if not target:
            raise UserError(
                self.env._(
                    "%(programme)s has no planned session with a free seat; plan one.",
                    programme=self.programme_id.name,
                )
            )
        return target

    def action_cancel(self):
        self._ops_transition("cancel")
        return True
