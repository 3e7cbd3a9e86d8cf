# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One month of company life, March 2027 in Asia/Shanghai, walked across
every addon of the suite by real users of each role, in order; the figures
at the end are compared with numbers computed by hand in this file.

The organisation: Management (headed by the CEO, leadership) above Studio
(headed by ``head``, with the employees ``staff`` and ``editor``) and Sales
(headed by ``sales_head``); finance, HR, two administration officers and a
project lead work in Management. Everybody works 09:00-13:00 / 14:00-18:00,
Monday to Friday, Asia/Shanghai (UTC+8).

March 2027 starts on a Monday: 23 working days, no public holiday.
"""

import base64
from datetime import date, datetime, timedelta

from pytz import UTC, timezone

from odoo import Command, fields
from odoo.tests import freeze_time, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ops_appraisal.tests.common import rate_and_submit
from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user
from odoo.addons.ops_project_lifecycle.models.ops_project_deliverable_type import (
    REQUIRED_FIELDS,
)

TZ = "Asia/Shanghai"
YEAR, MONTH = 2027, 3

# -- the figures expected at the end, worked out by hand -------------------

# Budget (Studio, expense account, March): the head drafts 10,000, finance
# balances it to 9,000 in consolidation.
STUDIO_MARCH_PLANNED = 9000.00
# Expense reports: two of staff's are posted, editor's is approved only.
STAFF_TAXI, STAFF_HOTEL, EDITOR_PROPS = 1250.00, 380.50, 200.00
STUDIO_MARCH_ACTUAL = 1630.50  # 1,250.00 + 380.50, posted
STUDIO_MARCH_COMMITTED = 200.00  # approved, bill not posted
STUDIO_MARCH_REMAINING = 7169.50  # 9,000 - 1,630.50 - 200
SALES_MARCH_PLANNED = 3000.00

# Attendance of staff: 23 working days; late 30 minutes on 9 March; two days
# of leave on 18-19 March; absent without leave on 24 March; every other day
# 09:00-18:00 (9 hours with the lunch break).
LATE_DAY = date(2027, 3, 9)
LEAVE_DAYS = (date(2027, 3, 18), date(2027, 3, 19))
ABSENT_DAY = date(2027, 3, 24)
STAFF_MONTH = {
    "planned_days": 23,
    "planned_hours": 184.0,  # 23 x 8
    "worked_days": 20.0,  # 23 - 2 leave - 1 absence
    "worked_hours": 179.5,  # 19 x 9 + 8.5 on the late day
    "late_count": 1,
    "late_minutes": 30,
    "early_count": 0,
    "absence_days": 1.0,
    "leave_days": 2.0,
    "overtime_hours": 0.0,
}
EDITOR_MONTH = {"planned_days": 23, "worked_days": 23.0, "late_count": 0, "absence_days": 0.0}

# Appraisal template: Quality rated 1-5 (60 %: score = 100 (r - 1) / 4) and
# Articles measured against 100 (40 %); supervisor 60 %, self 20 %, roles
# without a submitted evaluation left out of the weighting.
#   staff: supervisor 5 / 90 -> 96; self 4 / 90 -> 81;
#          (60 x 96 + 20 x 81) / 80 = 92.25 -> grade from 90, coefficient 1.5
#   editor: supervisor 4 / 80 -> 77, calibrated to 81 -> from 80, 1.2
#   head: CEO 4 / 100 -> 85 -> from 80, 1.2
# Bonus = base x coefficient.
APPRAISALS = {
    "staff": {"score": 92.25, "coefficient": 1.5, "base": 10000.0, "bonus": 15000.0},
    "editor": {"score": 81.0, "coefficient": 1.2, "base": 8000.0, "bonus": 9600.0},
    "head": {"score": 85.0, "coefficient": 1.2, "base": 12000.0, "bonus": 14400.0},
}
BONUS_TOTAL = 39000.0


def utc(day, hour, minute=0):
    """Naive UTC datetime of a time in Asia/Shanghai on ``day``."""
    local = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour, minutes=minute)
    return timezone(TZ).localize(local).astimezone(UTC).replace(tzinfo=None)


def working_days():
    day, days = date(YEAR, MONTH, 1), []
    while day.month == MONTH:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


@tagged("post_install", "-at_install")
class TestMonthScenario(AccountTestInvoicingCommon):
    """Set up as the administrator would (company settings, users, the
    organisation, schedules); everything after is done by the users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The administrator (Accounting's test user is no HR officer).
        cls.env = cls.env(
            su=True,
            context=dict(cls.env.context, ops_training_no_onboarding=True, **OPS_TEST_CONTEXT),
        )
        company = cls.company = cls.env.company
        company.write(
            {
                "ops_expense_policy": True,
                "ops_expense_budget_check": "warn",
                "ops_leave_policy": True,
                "ops_late_tolerance": 5,
                "ops_early_tolerance": 5,
                "ops_overtime_minimum": 30,
                "ops_dispute_days": 3,
            }
        )
        emp = "ops_org.ops_org_group_employee"

        def user(login, groups=emp):
            return ops_user(cls.env, login, groups, company)

        cls.ceo = user("scn_ceo", "ops_org.ops_org_group_leadership")
        cls.finance = user("scn_finance", "ops_org.ops_org_group_finance")
        cls.hr = user("scn_hr", "ops_org.ops_org_group_hr")
        cls.admin = user("scn_admin", "ops_org.ops_org_group_administration")
        cls.admin_2 = user("scn_admin_2", "ops_org.ops_org_group_administration")
        cls.lead = user("scn_lead", "ops_org.ops_org_group_project_lead")
        cls.head = user("scn_head", "ops_org.ops_org_group_department_head")
        cls.sales_head = user("scn_sales_head", "ops_org.ops_org_group_department_head")
        cls.staff = user("scn_staff")
        cls.editor = user("scn_editor")
        # Only our CEO leads this company.
        cls.env.ref("ops_org.ops_org_group_leadership").users = cls.ceo

        attendance_lines = []
        for weekday in range(5):
            for start, stop, period in ((9, 13, "morning"), (14, 18, "afternoon")):
                attendance_lines.append(
                    Command.create(
                        {
                            "name": f"{period} {weekday}",
                            "dayofweek": str(weekday),
                            "hour_from": start,
                            "hour_to": stop,
                            "day_period": period,
                        }
                    )
                )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Shanghai office hours",
                "tz": TZ,
                "company_id": company.id,
                "attendance_ids": [Command.clear(), *attendance_lines],
            }
        )
        Employee = cls.env["hr.employee"].with_company(company)
        Department = cls.env["hr.department"].with_company(company)

        def employee(name, user, department=None):
            return Employee.create(
                {
                    "name": name,
                    "user_id": user.id,
                    "department_id": department and department.id,
                    "resource_calendar_id": cls.calendar.id,
                    "tz": TZ,
                    "company_id": company.id,
                }
            )

        cls.emp_ceo = employee("CEO", cls.ceo)
        cls.management = Department.create(
            {"name": "Management", "manager_id": cls.emp_ceo.id, "company_id": company.id}
        )
        cls.emp_ceo.department_id = cls.management
        cls.emp_head = employee("Studio Head", cls.head)
        cls.studio = Department.create(
            {
                "name": "Studio",
                "manager_id": cls.emp_head.id,
                "parent_id": cls.management.id,
                "company_id": company.id,
            }
        )
        cls.emp_head.department_id = cls.studio
        cls.emp_sales_head = employee("Sales Head", cls.sales_head)
        cls.sales = Department.create(
            {
                "name": "Sales",
                "manager_id": cls.emp_sales_head.id,
                "parent_id": cls.management.id,
                "company_id": company.id,
            }
        )
        cls.emp_sales_head.department_id = cls.sales
        for name, member in (
            ("Accountant", cls.finance),
            ("HR Officer", cls.hr),
            ("Administration Officer", cls.admin),
            ("Administration Officer 2", cls.admin_2),
            ("Project Lead", cls.lead),
        ):
            employee(name, member, cls.management)
        cls.emp_staff = employee("Staff", cls.staff, cls.studio)
        cls.emp_editor = employee("Editor", cls.editor, cls.studio)
        # HR keeps the time clock of the Studio's staff.
        (cls.emp_staff | cls.emp_editor).attendance_manager_id = cls.hr

        cls.leave_type = cls.env["hr.leave.type"].create(
            {
                "name": "Personal Leave",
                "requires_allocation": "no",
                "ops_authority_chain": True,
                "leave_validation_type": "manager",
                "request_unit": "day",
                "company_id": company.id,
            }
        )
        cls.account = cls.company_data["default_account_expense"]
        cls.product = cls.env["product.product"].create(
            {
                "name": "Travel and props",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "property_account_expense_id": cls.account.id,
                "supplier_taxes_id": [Command.clear()],
            }
        )
        cls.template = cls.env["ops.appraisal.template"].create(
            {
                "name": "Studio monthly",
                "rating_scale": 5,
                "supervisor_weight": 60,
                "peer_weight": 20,
                "self_weight": 20,
                "customer_weight": 0,
                "criterion_ids": [
                    Command.create({"name": "Quality", "group": "performance", "weight": 60}),
                    Command.create(
                        {
                            "name": "Articles published",
                            "group": "performance",
                            "weight": 40,
                            "kind": "quantitative",
                            "target": 100,
                        }
                    ),
                ],
            }
        )

    # -- the month, in order -------------------------------------------------

    def test_one_month_of_company_life(self):
        self._budget_of_the_year()
        self._expense_reports()
        self._leave_and_attendance()
        self._project_gate()
        self._meeting_document_training()
        self._appraisal_and_bonus()

    # 1. Budget -------------------------------------------------------------

    def _budget_line(self, department, amount, user, month=MONTH):
        return (
            self.env["ops.budget.line"]
            .with_user(user)
            .create(
                {
                    "department_budget_id": self.part(department).id,
                    "account_id": self.account.id,
                    "month": str(month),
                    "planned_amount": amount,
                }
            )
        )

    def part(self, department):
        return self.budget.department_budget_ids.filtered(lambda p: p.department_id == department)

    def _budget_of_the_year(self):
        with freeze_time("2027-03-01 02:00:00"):
            self.budget = (
                self.env["ops.budget"]
                .with_user(self.finance)
                .create({"name": f"Budget {YEAR}", "year": YEAR})
            )
            self.budget.with_user(self.finance).action_open_departments()
            self.assertEqual(
                self.budget.department_budget_ids.department_id,
                self.management | self.studio | self.sales,
            )
            # The heads draft their departments' lines and hand them in.
            self.studio_march = self._budget_line(self.studio, 10000.0, self.head)
            self._budget_line(self.studio, 5000.0, self.head, month=MONTH + 1)
            self.sales_march = self._budget_line(self.sales, SALES_MARCH_PLANNED, self.sales_head)
            self.part(self.studio).with_user(self.head).action_submit()
            self.part(self.sales).with_user(self.sales_head).action_submit()
            # Finance consolidates and balances, leadership approves.
            self.budget.with_user(self.finance).action_consolidate()
            self.studio_march.with_user(self.finance).planned_amount = STUDIO_MARCH_PLANNED
            self.budget.with_user(self.finance).action_submit()
            self.assertEqual(self.budget.state, "consolidation")
            self.budget.with_user(self.ceo)._ops_approve()
            self.assertEqual(self.budget.state, "approved")
            self.assertEqual(
                self.studio_march.analytic_account_id, self.studio.ops_analytic_account_id
            )

    # 2. Expense reports ------------------------------------------------------

    def _claim(self, user, label, amount, day):
        expense = (
            self.env["hr.expense"]
            .with_user(user)
            .create(
                {
                    "name": label,
                    "employee_id": user.employee_id.id,
                    "product_id": self.product.id,
                    "total_amount_currency": amount,
                    "date": day,
                    "payment_mode": "own_account",
                }
            )
        )
        self.env["ir.attachment"].with_user(user).create(
            {
                "name": f"{label}.png",
                "datas": base64.b64encode(label.encode()),
                "res_model": "hr.expense",
                "res_id": expense.id,
            }
        )
        sheet = (
            self.env["hr.expense.sheet"]
            .with_user(user)
            .create(
                {
                    "name": label,
                    "employee_id": user.employee_id.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                }
            )
        )
        sheet.action_submit_sheet()
        return sheet.with_env(self.env)

    def _approve_claim(self, sheet):
        sheet.with_user(self.head)._ops_approve()
        sheet.with_user(self.finance).write(
            {"ops_check_authentic": True, "ops_check_legal": True, "ops_check_complete": True}
        )
        sheet.with_user(self.finance)._ops_approve()
        sheet.with_user(self.ceo)._ops_approve()
        self.assertEqual(sheet.state, "approve")

    def _expense_reports(self):
        with freeze_time("2027-03-08 04:00:00"):
            taxi = self._claim(self.staff, "Taxi to the Hangzhou shoot", STAFF_TAXI, "2027-03-08")
        with freeze_time("2027-03-15 04:00:00"):
            hotel = self._claim(self.staff, "Hotel in Hangzhou", STAFF_HOTEL, "2027-03-15")
            self._approve_claim(taxi)
        with freeze_time("2027-03-22 04:00:00"):
            props = self._claim(self.editor, "Props for the studio", EDITOR_PROPS, "2027-03-22")
            self._approve_claim(hotel)
            self._approve_claim(props)
            self.assertEqual(
                [s.review_ids.sorted("sequence", reverse=True).done_by for s in (taxi, props)],
                [self.head | self.finance | self.ceo] * 2,
            )
        with freeze_time("2027-03-26 04:00:00"):
            (taxi | hotel).with_user(self.finance).action_sheet_move_post()
        self.assertEqual((taxi | hotel).mapped("state"), ["post", "post"])
        self.assertEqual(props.state, "approve")
        posted = (taxi | hotel).account_move_ids
        self.assertEqual(set(posted.mapped("state")), {"posted"})

        # Check: the budget consumed equals the posted expenses.
        lines = self.studio_march | self.sales_march
        lines.invalidate_recordset()
        studio = self.studio_march.with_user(self.finance)
        self.assertAlmostEqual(studio.current_amount, STUDIO_MARCH_PLANNED, places=2)
        self.assertAlmostEqual(studio.actual_amount, STUDIO_MARCH_ACTUAL, places=2)
        self.assertAlmostEqual(
            studio.actual_amount, sum((taxi | hotel).mapped("total_amount")), places=2
        )
        self.assertAlmostEqual(studio.committed_amount, STUDIO_MARCH_COMMITTED, places=2)
        self.assertAlmostEqual(studio.remaining_amount, STUDIO_MARCH_REMAINING, places=2)
        self.assertAlmostEqual(
            studio.remaining_amount,
            studio.current_amount - studio.actual_amount - studio.committed_amount,
            places=2,
        )
        sales = self.sales_march.with_user(self.finance)
        self.assertEqual(
            (sales.actual_amount, sales.committed_amount, sales.remaining_amount),
            (0.0, 0.0, SALES_MARCH_PLANNED),
        )
        # April of Studio is untouched.
        april = self.part(self.studio).line_ids.filtered(lambda line: line.month == str(MONTH + 1))
        self.assertEqual((april.actual_amount, april.remaining_amount), (0.0, 5000.0))

    # 3. Leave and attendance -------------------------------------------------

    def _leave_and_attendance(self):
        with freeze_time("2027-03-05 04:00:00"):
            leave = (
                self.env["hr.leave"]
                .with_user(self.staff)
                .create(
                    {
                        "name": "Family matters",
                        "employee_id": self.emp_staff.id,
                        "holiday_status_id": self.leave_type.id,
                        "request_date_from": LEAVE_DAYS[0],
                        "request_date_to": LEAVE_DAYS[-1],
                    }
                )
            )
            # Two days: the department head, then HR.
            self.assertEqual(
                sorted(leave.sudo().review_ids.mapped("name")), ["Department head", "HR"]
            )
            leave.with_user(self.head)._ops_approve()
            self.assertEqual(leave.state, "confirm")
            leave.with_user(self.hr)._ops_approve()
            self.assertEqual(leave.state, "validate")
            self.assertEqual(leave.number_of_days, 2)

        with freeze_time("2027-03-31 12:00:00"):
            # The time clock's records of the month, imported by HR.
            vals = []
            for day in working_days():
                for emp in (self.emp_staff, self.emp_editor):
                    if emp == self.emp_staff and (day in LEAVE_DAYS or day == ABSENT_DAY):
                        continue
                    late = emp == self.emp_staff and day == LATE_DAY
                    vals.append(
                        {
                            "employee_id": emp.id,
                            "check_in": utc(day, 9, 30 if late else 0),
                            "check_out": utc(day, 18),
                        }
                    )
            self.env["hr.attendance"].with_user(self.hr).create(vals)

        with freeze_time("2027-04-01 02:00:00"):
            month = (
                self.env["ops.attendance.month"]
                .with_user(self.hr)
                .create({"date_from": "2027-03-01", "company_id": self.company.id})
            )
            month.action_compute()
            month.action_publish()
            self.assertEqual(month.state, "published")
        with freeze_time("2027-04-05 02:00:00"):
            month.with_user(self.hr).action_lock()
            self.assertEqual(month.state, "locked")

        # Check: the summary lines equal the hand-computed ones.
        def figures(employee, names):
            line = month.line_ids.filtered(lambda line: line.employee_id == employee)
            self.assertEqual(len(line), 1)
            return {name: line[name] for name in names}

        self.assertEqual(figures(self.emp_staff, STAFF_MONTH), STAFF_MONTH)
        self.assertEqual(figures(self.emp_editor, EDITOR_MONTH), EDITOR_MONTH)
        staff_line = month.line_ids.filtered(lambda line: line.employee_id == self.emp_staff)
        self.assertEqual(staff_line.leave_ids.leave_type_id, self.leave_type)
        self.assertEqual(staff_line.department_id, self.studio)

    # 4. Project gate -----------------------------------------------------------

    def _project_gate(self):
        with freeze_time("2027-03-10 02:00:00"):
            project = (
                self.env["project.project"]
                .with_user(self.lead)
                .create(
                    {
                        "name": "Short-video channel",
                        "ops_requesting_department_id": self.studio.id,
                        "privacy_visibility": "employees",
                    }
                )
            )
            self.env["ops.project.member"].with_user(self.lead).create(
                {"project_id": project.id, "user_id": self.staff.id, "role": "planner"}
            )
            gate = project.ops_current_gate_id
            self.assertEqual(gate.phase, "initiation")
            Deliverable = self.env["ops.project.deliverable"].with_user(self.staff)
            for dtype in gate.phase_id.deliverable_type_ids.filtered("mandatory"):
                vals = {"gate_id": gate.id, "type_id": dtype.id, "name": dtype.name}
                for fname in REQUIRED_FIELDS[dtype.kind]:
                    is_datetime = Deliverable._fields[fname].type == "datetime"
                    vals[fname] = fields.Datetime.now() if is_datetime else f"<p>{fname}</p>"
                Deliverable.create(vals).action_done()
            gate.with_user(self.lead).action_submit()
            self.assertEqual(gate.gate_status, "review")
        with freeze_time("2027-03-11 02:00:00"):
            gate.with_user(self.ceo)._ops_approve()
        self.assertEqual(gate.state, "passed")
        self.assertEqual(project.ops_phase, "planning")
        self.assertEqual(
            gate.decision_ids.sorted("id").mapped("decision"), ["submitted", "approved"]
        )
        self.assertEqual(gate.decision_ids.sorted("id")[1].user_id, self.ceo)

    # 5. Meeting, document, training --------------------------------------------

    def _meeting_document_training(self):
        with freeze_time("2027-03-12 04:00:00"):
            start = utc(date(2027, 3, 12), 10)
            event = (
                self.env["calendar.event"]
                .with_user(self.head)
                .create(
                    {
                        "name": "Studio monthly",
                        "start": start,
                        "stop": start + timedelta(hours=1),
                        "user_id": self.head.id,
                        "partner_ids": [
                            Command.set((self.head | self.staff | self.editor).partner_id.ids)
                        ],
                        "ops_meeting_type": "monthly",
                        "ops_topic": "March editorial calendar",
                    }
                )
            )
            action = event.action_ops_open_minutes()
            minutes = self.env["ops.meeting.minutes"].with_user(self.head).browse(action["res_id"])
            minutes.write(
                {
                    "body": "<p>The short-video channel opens in April.</p>",
                    "decision_ids": [
                        Command.create(
                            {
                                "name": "Publish the April editorial calendar",
                                "user_id": self.staff.id,
                                "deadline": "2027-03-19",
                            }
                        )
                    ],
                }
            )
            minutes.action_send()
            self.assertEqual(minutes.state, "sent")
        with freeze_time("2027-03-16 04:00:00"):
            minutes.decision_ids.with_user(self.staff).action_done()
            self.assertEqual(minutes.decision_ids.state, "done")

        with freeze_time("2027-03-16 04:00:00"):
            document = (
                self.env["ops.document"]
                .with_user(self.admin)
                .create(
                    {
                        "name": "Expense reimbursement notice",
                        "kind": "notice",
                        "department_id": self.studio.id,
                        "distribution_department_ids": [Command.set(self.studio.ids)],
                    }
                )
            )
            self.env["ops.document.version"].with_user(self.admin).create(
                {
                    "document_id": document.id,
                    "file": base64.b64encode(b"Claims with receipts within 30 days."),
                    "file_name": "notice.txt",
                    "change_note": "First issue.",
                }
            )
            document.action_submit()
            document.with_user(self.head)._ops_approve()
            document.with_user(self.admin_2)._ops_approve()
            document.action_publish()
            self.assertEqual(document.state, "published")
        with freeze_time("2027-03-17 04:00:00"):
            document.with_user(self.staff).action_acknowledge()
        document.invalidate_recordset()
        # Studio: the head, staff and the editor; staff has acknowledged.
        acks = document.acknowledgement_ids
        self.assertEqual(acks.user_id, self.head | self.staff | self.editor)
        self.assertEqual((document.ack_done_count, document.ack_pending_count), (1, 2))

        with freeze_time("2027-03-18 02:00:00"):
            programme = (
                self.env["ops.training.programme"]
                .with_user(self.hr)
                .create(
                    {
                        "name": "Short-video editing",
                        "kind": "skill",
                        "method": "internal",
                        "trainer_user_id": self.head.id,
                        "capacity": 5,
                    }
                )
            )
            session = (
                self.env["ops.training.session"]
                .with_user(self.hr)
                .create(
                    {
                        "name": "March",
                        "programme_id": programme.id,
                        "date_start": utc(date(2027, 3, 23), 9),
                        "date_end": utc(date(2027, 3, 23), 17),
                        "cost": 1500,
                    }
                )
            )
            Enrolment = self.env["ops.training.enrolment"].with_user(self.hr)
            for emp in (self.emp_staff, self.emp_editor):
                Enrolment.create({"session_id": session.id, "employee_id": emp.id})
        with freeze_time("2027-03-23 10:00:00"):
            session = session.with_user(self.head)
            session.enrolment_ids.filtered(
                lambda e: e.employee_id == self.emp_staff
            ).action_attended()
            session.action_done()
            self.assertEqual(
                session.enrolment_ids.sorted(lambda e: e.employee_id.name).mapped("state"),
                ["absent", "attended"],  # Editor, Staff
            )
        with freeze_time("2027-03-24 04:00:00"):
            evaluation = session.sudo().evaluation_ids.with_user(self.staff)
            self.assertEqual(evaluation.user_id, self.staff)
            evaluation.write({"score_content": 5, "score_method": 4, "score_trainer": 5})
            evaluation.action_submit()
        self.assertEqual(evaluation.state, "done")
        programme.invalidate_recordset()
        self.assertEqual((programme.evaluation_count, programme.score_trainer), (1, 5.0))

    # 6. Appraisal and bonus ------------------------------------------------------

    def _rate(self, appraisal, role, rating, value):
        rate_and_submit(appraisal.evaluation_ids.filtered(lambda e: e.role == role), rating, value)

    def _appraisal_and_bonus(self):
        with freeze_time("2027-03-25 02:00:00"):
            cycle = (
                self.env["ops.appraisal.cycle"]
                .with_user(self.hr)
                .create(
                    {
                        "name": "2027-03",
                        "period": "monthly",
                        "date_start": "2027-03-01",
                        "date_end": "2027-03-31",
                        "template_id": self.template.id,
                        "department_ids": [Command.set(self.studio.ids)],
                    }
                )
            )
            cycle.action_generate()
            cycle.action_open()
            appraisals = {
                key: cycle.appraisal_ids.filtered(lambda a, e=emp: a.employee_id == e)
                for key, emp in (
                    ("staff", self.emp_staff),
                    ("editor", self.emp_editor),
                    ("head", self.emp_head),
                )
            }
            self.assertEqual(len(cycle.appraisal_ids), 3)
            self.assertEqual(appraisals["head"].supervisor_user_id, self.ceo)
            self.assertEqual(appraisals["staff"].supervisor_user_id, self.head)
        with freeze_time("2027-03-30 02:00:00"):
            self._rate(appraisals["staff"], "supervisor", 5, 90)
            self._rate(appraisals["staff"], "self", 4, 90)
            self._rate(appraisals["editor"], "supervisor", 4, 80)
            self._rate(appraisals["head"], "supervisor", 4, 100)
        with freeze_time("2027-04-02 02:00:00"):
            cycle.action_calibrate()
            appraisals["editor"].with_user(self.hr).write(
                {"calibrated_score": 81.0, "calibration_note": "Two articles went viral."}
            )
        with freeze_time("2027-04-03 02:00:00"):
            cycle.action_publish()
            self.assertEqual(cycle.state, "published")
        with freeze_time("2027-04-06 02:00:00"):
            for key, emp in (
                ("staff", self.emp_staff),
                ("editor", self.emp_editor),
                ("head", self.emp_head),
            ):
                emp.with_user(self.hr).ops_bonus_base = APPRAISALS[key]["base"]
            sheet = (
                self.env["ops.appraisal.bonus.sheet"]
                .with_user(self.hr)
                .create({"name": "Bonus 2027-03", "cycle_id": cycle.id})
            )
            sheet.action_compute()
            sheet.action_confirm()

        # Check: each line is the published grade's coefficient x base, the
        # total their sum, against the figures worked out by hand.
        self.assertEqual(len(sheet.line_ids), 3)
        for key, expected in APPRAISALS.items():
            appraisal = appraisals[key]
            self.assertEqual(appraisal.state, "published")
            self.assertAlmostEqual(appraisal.final_score, expected["score"], places=2)
            line = sheet.line_ids.filtered(lambda line, a=appraisal: line.appraisal_id == a)
            self.assertAlmostEqual(line.coefficient, expected["coefficient"], places=2, msg=key)
            self.assertAlmostEqual(line.base, expected["base"], places=2, msg=key)
            self.assertAlmostEqual(line.performance_bonus, expected["bonus"], places=2, msg=key)
            self.assertAlmostEqual(line.total, expected["bonus"], places=2, msg=key)
        self.assertAlmostEqual(sheet.total, BONUS_TOTAL, places=2)
        self.assertAlmostEqual(sheet.total, sum(e["bonus"] for e in APPRAISALS.values()), places=2)
        self.assertEqual(sheet.state, "confirmed")
