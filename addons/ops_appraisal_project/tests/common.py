# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from freezegun import freeze_time

from odoo.addons.ops_org.tests.common import ops_user
from odoo.addons.ops_project_lifecycle.tests.common import LifecycleCommon


class AppraisalProjectCommon(LifecycleCommon):
    """The project of LifecycleCommon (led by ``user_lead``, team
    ``user_member`` and ``user_member_2``) walked up to its acceptance gate
    in October 2026; the two members and ``user_outsider`` are employees of
    Studio, appraised in the monthly cycle 2026-11; HR works in Shanghai
    time (UTC+8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_hr = ops_user(cls.env, "ops_hr", "ops_org.ops_org_group_hr", cls.company)
        cls.user_hr.tz = "Asia/Shanghai"
        cls.studio = cls.env["hr.department"].create({"name": "Studio"})
        Employee = cls.env["hr.employee"]
        cls.emp_member, cls.emp_member_2, cls.emp_outsider = Employee.create(
            [
                {"name": name, "user_id": user.id, "department_id": cls.studio.id}
                for name, user in (
                    ("Member", cls.user_member),
                    ("Member 2", cls.user_member_2),
                    ("Outsider", cls.user_outsider),
                )
            ]
        )
        cls.template = cls.env["ops.appraisal.template"].create(
            {
                "name": "Test template",
                "supervisor_weight": 100,
                "peer_weight": 0,
                "self_weight": 0,
                "customer_weight": 0,
                "criterion_ids": [
                    (0, 0, {"name": "Quality", "group": "performance", "weight": 100})
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
                "department_ids": [(6, 0, cls.studio.ids)],
            }
        )
        cls.cycle.action_generate()
        cls.cycle.action_open()
        with freeze_time("2026-10-01 02:00:00"):
            cls.project._ops_demo_walk_to("acceptance")

    # -- helpers -----------------------------------------------------------

    def appraisal(self, employee):
        return self.cycle.appraisal_ids.filtered(lambda a: a.employee_id == employee)

    def accept(self, when, project=None):
        """Pass the acceptance gate of ``project`` at ``when`` (UTC)."""
        project = project or self.project
        self.assertEqual(project.ops_phase, "acceptance")
        with freeze_time(when):
            gate = self.gate(project)
            self.complete_deliverables(gate, project.user_id)
            gate.with_user(project.user_id).action_submit()
            self.approve_all(gate)
        self.assertEqual(gate.phase, "acceptance")
        return gate

    def set_award(self, amount, project=None):
        (project or self.project).with_user(self.user_hr).ops_award_amount = amount

    def publish(self):
        self.cycle.action_calibrate()
        self.cycle.action_publish()

    def bonus_sheet(self):
        """Publish the cycle; HR computes its bonus sheet."""
        self.publish()
        sheet = (
            self.env["ops.appraisal.bonus.sheet"]
            .with_user(self.user_hr)
            .create({"name": "Bonus 2026-11", "cycle_id": self.cycle.id})
        )
        sheet.action_compute()
        return sheet

    def project_award(self, sheet, employee):
        line = sheet.line_ids.filtered(lambda line: line.employee_id == employee)
        self.assertEqual(len(line), 1)
        return line.project_award
