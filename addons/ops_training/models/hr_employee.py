# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.tools import SQL


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    ops_onboarding_state = fields.Selection(
        [("none", "Not Planned"), ("planned", "Planned"), ("done", "Completed")],
        string="Onboarding",
        compute="_compute_ops_onboarding_state",
        groups="hr.group_hr_user",
    )
    # HR of the policy (its ACL), not Odoo's HR officers without a role of ours.
    ops_career_position_ids = fields.One2many(
        "ops.career.position",
        "employee_id",
        string="Career Positions",
        groups="ops_org.ops_org_group_hr",
    )

    def _compute_ops_onboarding_state(self):
        """Completed once every onboarding seat (not cancelled) was attended,
        planned while a seat or an onboarding need exists. One query for
        all the employees (an employee's form, a list): their onboarding
        seats' states and whether they have an onboarding need."""
        ids = [employee_id for employee_id in self._ids if isinstance(employee_id, int)]
        rows = {}
        if ids:
            self.env["ops.training.enrolment"].flush_model(["employee_id", "kind", "state"])
            self.env["ops.training.need"].flush_model(["employee_id", "source"])
            rows = {
                employee_id: (states, has_need)
                for employee_id, states, has_need in self.env.execute_query(
                    SQL(
                        """SELECT employee.id,
                                  ARRAY(SELECT enrolment.state
                                          FROM ops_training_enrolment enrolment
                                         WHERE enrolment.employee_id = employee.id
                                           AND enrolment.kind = 'onboarding'
                                           AND enrolment.state IS DISTINCT FROM 'cancelled'),
                                  EXISTS(SELECT 1 FROM ops_training_need need
                                          WHERE need.employee_id = employee.id
                                            AND need.source = 'onboarding')
                             FROM unnest(%s::int[]) AS employee(id)""",
                        ids,
                    )
                )
            }
        for employee in self:
            states, has_need = rows.get(employee.id, ([], False))
            if states and all(state == "attended" for state in states):
                employee.ops_onboarding_state = "done"
            elif states or has_need:
                employee.ops_onboarding_state = "planned"
            else:
                employee.ops_onboarding_state = "none"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        if not self.env.context.get("ops_training_no_onboarding"):
            employees._ops_plan_onboarding()
        return employees

    def _ops_last_appraisal(self):
        """The last published result of the employee (an empty record if none)."""
        self.ensure_one()
        return (
            self.env["ops.appraisal"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", self.id),
                    ("state", "in", ("published", "acknowledged", "closed")),
                ],
                order="id desc",
                limit=1,
            )
        )

    def _ops_plan_onboarding(self):
        """HR's onboarding plan for new employees (policy §五(一)1): a seat
        in the next session of every onboarding programme planned for new
        employees, or a need to plan when no session has a free seat; and
        the programme's activity plan on the employee."""
        programmes = (
            self.env["ops.training.programme"]
            .sudo()
            .search([("kind", "=", "onboarding"), ("auto_plan", "=", True)])
        )
        if not programmes:
            return
        Session = self.env["ops.training.session"].sudo()
        Need = self.env["ops.training.need"].sudo()
        Enrolment = self.env["ops.training.enrolment"].sudo()
        now = fields.Datetime.now()
        for employee in self.sudo():
            for programme in programmes.filtered(
                lambda p, e=employee: p.company_id == e.company_id
            ):
                need = Need.create(
                    {
                        "name": programme.name,
                        "employee_id": employee.id,
                        "source": "onboarding",
                        "programme_id": programme.id,
                        "company_id": employee.company_id.id,
                    }
                )
                session = Session.search(
                    [
                        ("programme_id", "=", programme.id),
                        ("state", "=", "planned"),
                        ("date_start", ">=", now),
                    ],
                    order="date_start",
                ).filtered(lambda s: s.seats_free > 0)[:1]
                if session:
                    Enrolment.create(
                        {"session_id": session.id, "employee_id": employee.id, "need_id": need.id}
                    )
                    need._ops_transition("enrol")
                if programme.activity_plan_id:
                    employee._ops_apply_activity_plan(programme.activity_plan_id)

    def _ops_apply_activity_plan(self, plan):
        """Schedule the plan's steps; a step whose responsible cannot be
        found goes to the HR user running the plan."""
        self.ensure_one()
        for template in plan.template_ids:
            responsible = template._determine_responsible(self.env.user, self)["responsible"]
            self.activity_schedule(
                activity_type_id=template.activity_type_id.id,
                summary=template.summary,
                note=template.note,
                user_id=(responsible or self.env.user).id,
                date_deadline=template._get_date_deadline(fields.Date.context_today(self)),
            )
