# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, OpsOrgCommon, ops_user


def rate_and_submit(evaluation, rating, value, user=None):
    """Fill ``evaluation`` as its rater (or ``user``): ``rating`` on every
    rated criterion, ``value`` on every measured one; then submit it."""
    evaluation = evaluation.with_user(user or evaluation.rater_user_id)
    for line in evaluation.line_ids:
        if line.kind == "qualitative":
            line.rating = rating
        else:
            line.value = value
    evaluation.action_submit()


class AppraisalCommon(TransactionCase):
    """A department headed by ``user_head`` with two employees who are peers,
    another department with ``user_outsider``, HR, and a monthly cycle on a
    two-criterion template (60 % rating, 40 % measured against 100)."""

    # Refused with a sentence, nothing written (the suite's one helper).
    assertRefused = OpsOrgCommon.assertRefused

    @classmethod
    def _ops_appraisal_company(cls):
        """The company everything is built in: the test database's own; a
        subclass may give another (a company on a Chinese chart)."""
        return cls.env.company

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        company = cls._ops_appraisal_company()
        if company != cls.env.company:
            cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        cls.company = cls.env.company
        emp = "ops_org.ops_org_group_employee"
        cls.user_hr = ops_user(cls.env, "ops_hr", "ops_org.ops_org_group_hr")
        cls.user_head = ops_user(cls.env, "ops_line_manager", emp)
        cls.user_employee = ops_user(cls.env, "ops_employee", emp)
        cls.user_peer = ops_user(cls.env, "ops_peer", emp)
        cls.user_outsider = ops_user(cls.env, "ops_outsider", emp)
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        cls.emp_head = Employee.create({"name": "Head", "user_id": cls.user_head.id})
        cls.department = Department.create({"name": "Studio", "manager_id": cls.emp_head.id})
        cls.other_department = Department.create({"name": "Elsewhere"})
        cls.emp_head.department_id = cls.department
        cls.emp_employee = Employee.create(
            {
                "name": "Employee",
                "user_id": cls.user_employee.id,
                "department_id": cls.department.id,
                "parent_id": cls.emp_head.id,
            }
        )
        cls.emp_peer = Employee.create(
            {
                "name": "Peer",
                "user_id": cls.user_peer.id,
                "department_id": cls.department.id,
                "parent_id": cls.emp_head.id,
            }
        )
        cls.emp_outsider = Employee.create(
            {
                "name": "Outsider",
                "user_id": cls.user_outsider.id,
                "department_id": cls.other_department.id,
            }
        )
        cls.template = cls.env["ops.appraisal.template"].create(
            {
                "name": "Test template",
                "rating_scale": 5,
                "supervisor_weight": 60,
                "peer_weight": 20,
                "self_weight": 20,
                "customer_weight": 0,
                "criterion_ids": [
                    (0, 0, {"name": "Quality", "group": "performance", "weight": 60}),
                    (
                        0,
                        0,
                        {
                            "name": "Articles published",
                            "group": "performance",
                            "weight": 40,
                            "kind": "quantitative",
                            "target": 100,
                        },
                    ),
                ],
            }
        )
        cls.cycle = cls.env["ops.appraisal.cycle"].create(
            {
                "name": "2026-11",
                "period": "monthly",
                "date_start": "2026-11-01",
                "date_end": "2026-11-30",
                "template_id": cls.template.id,
                "department_ids": [(6, 0, cls.department.ids)],
            }
        )
        cls.cycle.action_generate()
        cls.cycle.action_open()
        cls.appraisal = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_employee
        )
        cls.peer_appraisal = cls.cycle.appraisal_ids.filtered(
            lambda a: a.employee_id == cls.emp_peer
        )

    def evaluation(self, appraisal, role, user=None):
        evaluations = appraisal.evaluation_ids.filtered(lambda e: e.role == role)
        if user:
            evaluations = evaluations.filtered(lambda e: e.rater_user_id == user)
        return evaluations

    def rate(self, evaluation, rating, value, user=None):
        rate_and_submit(evaluation, rating, value, user)
