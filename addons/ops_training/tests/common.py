# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from contextlib import contextmanager

from odoo.tests import TransactionCase

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user


class TrainingCommon(TransactionCase):
    """An employee managed by ``user_manager``, a trainer, HR and an
    outsider in another department; a job-skill programme with a planned
    session of two seats in which the employee is enrolled, and an
    empty management track of two levels."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(
            context=dict(cls.env.context, ops_training_no_onboarding=True, **OPS_TEST_CONTEXT)
        )
        emp = "ops_org.ops_org_group_employee"
        cls.user_hr = ops_user(cls.env, "ops_hr", "ops_org.ops_org_group_hr")
        cls.user_manager = ops_user(cls.env, "ops_line_manager", emp)
        cls.user_employee = ops_user(cls.env, "ops_employee", emp)
        cls.user_trainer = ops_user(cls.env, "ops_trainer", emp)
        cls.user_outsider = ops_user(cls.env, "ops_outsider", emp)
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        cls.emp_manager = Employee.create({"name": "Manager", "user_id": cls.user_manager.id})
        cls.department = Department.create({"name": "Studio", "manager_id": cls.emp_manager.id})
        cls.other_department = Department.create({"name": "Elsewhere"})
        cls.emp_manager.department_id = cls.department
        cls.emp_employee = Employee.create(
            {
                "name": "Employee",
                "user_id": cls.user_employee.id,
                "department_id": cls.department.id,
                "parent_id": cls.emp_manager.id,
            }
        )
        cls.emp_trainer = Employee.create({"name": "Trainer", "user_id": cls.user_trainer.id})
        cls.emp_outsider = Employee.create(
            {
                "name": "Outsider",
                "user_id": cls.user_outsider.id,
                "department_id": cls.other_department.id,
            }
        )
        cls.programme = cls.env["ops.training.programme"].create(
            {
                "name": "Video Editing",
                "kind": "skill",
                "method": "internal",
                "trainer_user_id": cls.user_trainer.id,
                "capacity": 2,
            }
        )
        cls.training_session = cls.env["ops.training.session"].create(
            {
                "name": "December",
                "programme_id": cls.programme.id,
                "date_start": "2030-12-01 09:00:00",
                "date_end": "2030-12-01 17:00:00",
                "cost": 1000,
            }
        )
        cls.enrolment = cls.env["ops.training.enrolment"].create(
            {"session_id": cls.training_session.id, "employee_id": cls.emp_employee.id}
        )
        cls.track = cls.env["ops.career.track"].create(
            {"name": "Test management", "kind": "management"}
        )
        cls.level_junior = cls.env["ops.career.level"].create(
            {"name": "Junior", "track_id": cls.track.id, "sequence": 10}
        )
        cls.level_middle = cls.env["ops.career.level"].create(
            {"name": "Middle", "track_id": cls.track.id, "sequence": 20}
        )

    @classmethod
    def enrol(cls, employee, session=None, state="enrolled"):
        enrolment = cls.env["ops.training.enrolment"].create(
            {"session_id": (session or cls.training_session).id, "employee_id": employee.id}
        )
        if state != "enrolled":
            enrolment.state = state
        return enrolment

    @classmethod
    def position(cls, employee, level=None, date_start="2020-01-01"):
        return cls.env["ops.career.position"].create(
            {
                "employee_id": employee.id,
                "track_id": cls.track.id,
                "level_id": (level or cls.level_junior).id,
                "date_start": date_start,
            }
        )

    @classmethod
    def plan(cls, employee, **vals):
        return cls.env["ops.development.plan"].create(
            {"employee_id": employee.id, "goal": "Lead a team", **vals}
        )

    @contextmanager
    def assertRefused(self, exception, text):
        """Odoo's ``assertRaises`` (savepoint rolled back) and the message."""
        with self.assertRaises(exception) as cm:
            yield cm
        self.assertIn(text, str(cm.exception))
