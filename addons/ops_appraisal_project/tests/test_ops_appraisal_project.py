# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.ops_org.tests.common import ops_user

from .common import AppraisalProjectCommon


@tagged("post_install", "-at_install")
class TestProjectAward(AppraisalProjectCommon):
    # -- into the bonus sheet ---------------------------------------------

    def test_award_shared_by_the_team_in_the_bonus_sheet(self):
        with Form(self.project.with_user(self.user_hr)) as form:
            form.ops_award_amount = 10000.0
        with Form(self.project.with_user(self.user_lead)) as form:
            for index, share in enumerate((60.0, 40.0)):
                with form.ops_member_ids.edit(index) as line:
                    line.award_share = share
        self.accept("2026-11-10 02:00:00")
        self.assertEqual(self.project.ops_member_ids.mapped("award_amount"), [6000.0, 4000.0])
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 6000.0)
        self.assertEqual(self.project_award(sheet, self.emp_member_2), 4000.0)
        line = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_member)
        self.assertEqual(line.total, line.performance_bonus + 6000.0)

    def test_no_award_for_who_is_not_on_the_team(self):
        self.set_award(10000.0)
        self.accept("2026-11-10 02:00:00")
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_outsider), 0.0)
        self.assertFalse(self.appraisal(self.emp_outsider).ops_accepted_project_ids)
        self.assertEqual(self.appraisal(self.emp_member).ops_accepted_project_ids, self.project)

    def test_equal_split_among_the_members_who_are_employees(self):
        # The freelancer has no employee: the award goes to the two members.
        freelancer = ops_user(self.env, "ops_freelancer", "ops_org.ops_org_group_employee")
        self.env["ops.project.member"].create(
            [
                {"project_id": self.project.id, "user_id": freelancer.id, "role": "designer"},
                {"project_id": self.project.id, "user_id": self.user_outsider.id},
            ]
        )
        self.set_award(1000.0)
        self.accept("2026-11-10 02:00:00")
        by_user = {m.user_id: m.award_amount for m in self.project.ops_member_ids}
        self.assertEqual(by_user[freelancer], 0.0)
        self.assertEqual(by_user[self.user_member], 333.33)
        sheet = self.bonus_sheet()
        # A third each, rounded in the currency.
        for employee in (self.emp_member, self.emp_member_2, self.emp_outsider):
            self.assertEqual(self.project_award(sheet, employee), 333.33)

    def test_award_of_several_projects_adds_up(self):
        second = (
            self.env["project.project"]
            .with_user(self.user_lead)
            .create({"name": "Podcast", "privacy_visibility": "employees"})
        )
        second.ops_member_ids = [
            Command.create({"user_id": self.user_member.id, "award_share": 100.0}),
            Command.create({"user_id": self.user_outsider.id}),
        ]
        second._ops_demo_walk_to("acceptance")
        self.set_award(1000.0)
        self.set_award(300.0, second)
        self.accept("2026-11-10 02:00:00")
        self.accept("2026-11-20 02:00:00", second)
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 800.0)
        self.assertEqual(self.project_award(sheet, self.emp_member_2), 500.0)
        self.assertEqual(self.project_award(sheet, self.emp_outsider), 0.0)
        self.assertEqual(self.appraisal(self.emp_outsider).ops_accepted_project_ids, second)

    def test_hand_entered_award_kept_for_employees_on_no_accepted_project(self):
        self.set_award(1000.0)
        self.accept("2026-11-10 02:00:00")
        sheet = self.bonus_sheet()
        outsider_line = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_outsider)
        member_line = sheet.line_ids.filtered(lambda line: line.employee_id == self.emp_member)
        outsider_line.project_award = 700.0
        member_line.project_award = 1.0
        sheet.action_compute()
        self.assertEqual(self.project_award(sheet, self.emp_outsider), 700.0)
        self.assertEqual(self.project_award(sheet, self.emp_member), 500.0)

    # -- the period, in the user's time zone (HR: Asia/Shanghai) ---------

    def test_accepted_on_the_first_day_of_the_period_counts(self):
        # 2026-11-01 00:00:00 in Shanghai.
        self.set_award(1000.0)
        self.accept("2026-10-31 16:00:00")
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 500.0)
        appraisal = self.appraisal(self.emp_member)
        self.assertEqual(appraisal.with_user(self.user_hr).ops_accepted_project_ids, self.project)
        # The same instant is still October for a reader in UTC.
        self.assertFalse(appraisal.with_context(tz="UTC").ops_accepted_project_ids)

    def test_accepted_the_day_before_the_period_does_not_count(self):
        # 2026-10-31 23:59:59 in Shanghai.
        self.set_award(1000.0)
        self.accept("2026-10-31 15:59:59")
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 0.0)
        self.assertFalse(
            self.appraisal(self.emp_member).with_user(self.user_hr).ops_accepted_project_ids
        )

    def test_accepted_on_the_last_day_of_the_period_counts(self):
        # 2026-11-30 23:59:59 in Shanghai.
        self.set_award(1000.0)
        self.accept("2026-11-30 15:59:59")
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 500.0)

    def test_accepted_the_day_after_the_period_does_not_count(self):
        # 2026-12-01 00:00:00 in Shanghai.
        self.set_award(1000.0)
        self.accept("2026-11-30 16:00:00")
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 0.0)
        self.assertEqual(self.project_award(sheet, self.emp_member_2), 0.0)

    def test_a_project_not_yet_accepted_gives_no_award(self):
        self.set_award(1000.0)
        self.assertEqual(self.gate().phase, "acceptance")
        self.assertFalse(self.project.ops_date_accepted)
        sheet = self.bonus_sheet()
        self.assertEqual(self.project_award(sheet, self.emp_member), 0.0)

    # -- shares ------------------------------------------------------------

    def test_shares_not_adding_up_to_100_are_refused(self):
        form = Form(self.project.with_user(self.user_lead))
        for index, share in enumerate((60.0, 30.0)):
            with form.ops_member_ids.edit(index) as line:
                line.award_share = share
        with self.assertRaises(ValidationError) as caught:
            form.save()
        message = str(caught.exception)
        self.assertIn("add up to 90.00 %", message)
        self.assertIn("100 %", message)
        self.assertIn(self.project.name, message)
        self.env.invalidate_all()
        self.assertEqual(self.project.ops_member_ids.mapped("award_share"), [0.0, 0.0])

    def test_a_single_share_written_alone_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.project.ops_member_ids[0].with_user(self.user_lead).award_share = 50.0
        self.assertIn("add up to 50.00 %", str(caught.exception))

    def test_shares_can_be_rebalanced_in_one_save(self):
        # Written line by line, 70/50 would pass through 120 %.
        project = self.project.with_user(self.user_lead)
        first, second = project.ops_member_ids
        project.ops_member_ids = [
            Command.update(first.id, {"award_share": 50.0}),
            Command.update(second.id, {"award_share": 50.0}),
        ]
        project.ops_member_ids = [
            Command.update(first.id, {"award_share": 70.0}),
            Command.update(second.id, {"award_share": 30.0}),
        ]
        self.assertEqual(project.ops_member_ids.mapped("award_share"), [70.0, 30.0])

    def test_removing_a_member_with_a_share_is_refused(self):
        project = self.project.with_user(self.user_lead)
        first, second = project.ops_member_ids
        project.ops_member_ids = [
            Command.update(first.id, {"award_share": 50.0}),
            Command.update(second.id, {"award_share": 50.0}),
        ]
        with self.assertRaises(ValidationError):
            second.unlink()
        self.assertTrue(second.exists())

    def test_a_share_above_100_is_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.project.ops_member_ids = [
                Command.update(self.project.ops_member_ids[0].id, {"award_share": 120.0}),
                Command.update(self.project.ops_member_ids[1].id, {"award_share": -20.0}),
            ]
        self.assertIn("between 0 and 100 %", str(caught.exception))

    # -- who sets the award ----------------------------------------------------

    def test_the_project_lead_cannot_set_the_award(self):
        project = self.project.with_user(self.user_lead)
        self.assertFalse(project.ops_can_set_award)
        with self.assertRaises(AccessError) as caught:
            project.write({"ops_award_amount": 50000.0})
        self.assertIn("Only HR or Leadership set the project award", str(caught.exception))
        self.assertIn(self.project.name, str(caught.exception))
        self.env.invalidate_all()
        self.assertEqual(self.project.ops_award_amount, 0.0)
        with self.assertRaises(AccessError):
            project.create({"name": "Self-rewarded", "ops_award_amount": 1.0})
        self.assertFalse(self.env["project.project"].search([("name", "=", "Self-rewarded")]))

    def test_hr_sets_the_award(self):
        project = self.project.with_user(self.user_hr)
        self.assertTrue(project.ops_can_set_award)
        with Form(project) as form:
            form.ops_award_amount = 12000.0
        self.assertEqual(self.project.ops_award_amount, 12000.0)

    def test_leadership_sets_the_award(self):
        self.project.with_user(self.user_leader).ops_award_amount = 8000.0
        self.assertEqual(self.project.ops_award_amount, 8000.0)

    def test_a_negative_award_is_refused(self):
        with self.assertRaises(ValidationError):
            self.set_award(-1.0)

    # -- performance -----------------------------------------------------------

    def test_awards_take_the_same_queries_for_few_or_many_employees(self):
        Employee = self.env["hr.employee"]
        crew = [
            ops_user(self.env, f"ops_crew_{i}", "ops_org.ops_org_group_employee") for i in range(8)
        ]
        Employee.create(
            [
                {"name": f"Crew {i}", "user_id": user.id, "department_id": self.studio.id}
                for i, user in enumerate(crew)
            ]
        )
        self.project.ops_member_ids = [Command.create({"user_id": u.id}) for u in crew]
        second = self.env["project.project"].with_user(self.user_lead).create({"name": "Podcast"})
        second.ops_member_ids = [Command.create({"user_id": u.id}) for u in crew[:4]]
        second._ops_demo_walk_to("acceptance")
        self.set_award(1000.0)
        self.set_award(400.0, second)
        self.accept("2026-11-10 02:00:00")
        self.accept("2026-11-11 02:00:00", second)
        self.cycle.action_generate()
        self.publish()
        sheet = (
            self.env["ops.appraisal.bonus.sheet"]
            .with_user(self.user_hr)
            .create({"name": "Bonus 2026-11", "cycle_id": self.cycle.id})
        )
        every = self.cycle.appraisal_ids.with_user(self.user_hr)
        few = every.filtered(lambda a: a.employee_id in (self.emp_member | self.emp_outsider))
        self.assertEqual(len(every), 11)

        def queries(appraisals):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            awards = sheet._ops_project_awards(appraisals)
            return self.cr.sql_log_count - start, awards

        queries(every)  # warm the caches of rules and groups
        few_count, few_awards = queries(few)
        every_count, every_awards = queries(every)
        self.assertEqual(few_count, every_count)
        self.assertEqual(few_awards, {self.appraisal(self.emp_member).id: 100.0})
        crew_appraisal = self.cycle.appraisal_ids.filtered(lambda a: a.user_id == crew[0])
        self.assertEqual(every_awards[crew_appraisal.id], 200.0)
        self.assertEqual(len(every_awards), 10)

    # -- on the appraisal form ---------------------------------------------------

    def test_the_employee_sees_the_projects_they_helped_accept(self):
        self.accept("2026-11-10 02:00:00")
        self.publish()
        appraisal = self.appraisal(self.emp_member).with_user(self.user_member)
        form = Form(appraisal)
        self.assertEqual(form.ops_accepted_project_ids.ids, self.project.ids)
