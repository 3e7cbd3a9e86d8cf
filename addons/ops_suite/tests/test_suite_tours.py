# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The suite as its users meet it: browser tours in headless Chromium, each
run in English and in Chinese, the approvals at a phone-sized viewport.

A tour step logs ``ops_screenshot:<name>``; the browser below answers by
capturing the page into ``OPS_SCREENSHOTS`` (default
``/tmp/ops_suite_screenshots``) as ``<name>_<lang>.png``, then marks the
page's body with ``data-ops-shot="<name>"`` so the next step waits for the
capture instead of sleeping."""

import base64
import json
import os
from datetime import date, timedelta
from pathlib import Path
from unittest.mock import patch

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.tests import HttpCase, common, tagged

from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_jobs, ops_user, run_jobs

SHOT_PREFIX = "ops_screenshot:"
LANGS = ("en_US", "zh_CN")


def screenshot_dir():
    folder = Path(os.environ.get("OPS_SCREENSHOTS") or "/tmp/ops_suite_screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class ScreenshotBrowser(common.ChromeBrowser):
    """Odoo's headless Chromium, which also takes the screenshots a tour
    asks for by logging ``ops_screenshot:<name>``."""

    def _handle_console(self, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
        message = str(self._from_remoteobject(args[0])) if args else ""
        if type == "log" and message.startswith(SHOT_PREFIX):
            self._ops_screenshot(message[len(SHOT_PREFIX) :])
        return super()._handle_console(type, args=args, stackTrace=stackTrace, **kw)

    def _ops_screenshot(self, name):
        lang = getattr(self.test_case, "ops_lang", "en_US")
        path = screenshot_dir() / f"{name}_{lang}.png"

        def saved(future):
            try:
                data = future.result(timeout=0)["data"]
                path.write_bytes(base64.b64decode(data, validate=True))
                self._logger.info("Screenshot in: %s", path)
            finally:
                # Release the tour, which waits for this mark.
                self._websocket_send(
                    "Runtime.evaluate",
                    params={"expression": f"document.body.dataset.opsShot = {json.dumps(name)}"},
                )

        future = self._websocket_send("Page.captureScreenshot", with_future=True)
        if future:
            future.add_done_callback(saved)


@tagged("post_install", "-at_install", "ops_tour")
class TestSuiteTours(HttpCase):
    """Users of each role in a department, the suite's policies switched on,
    and the Chinese of Odoo and of the suite loaded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        cls.company = cls.env.company
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search(
            [
                "|",
                ("name", "=like", "ops_%"),
                ("name", "in", ("base", "web", "mail", "hr", "hr_expense", "hr_holidays")),
                ("state", "=", "installed"),
            ]
        )._update_translations("zh_CN")

        emp = "ops_org.ops_org_group_employee"

        def user(login, groups=emp):
            return ops_user(cls.env, login, groups, cls.company)

        cls.user_employee = user("tour_employee")
        cls.user_head = user("tour_head")
        cls.user_hr = user("tour_hr", f"{emp},ops_org.ops_org_group_hr")
        cls.user_finance = user("tour_finance", f"{emp},ops_org.ops_org_group_finance")
        cls.user_leader = user("tour_leader", f"{emp},ops_org.ops_org_group_leadership")
        cls.user_lead = user("tour_lead", f"{emp},ops_org.ops_org_group_project_lead")
        cls.user_uncleared = user("tour_uncleared")
        cls.env.ref("ops_org.ops_org_group_leadership").users = cls.user_leader
        Employee = cls.env["hr.employee"]
        cls.emp_head = Employee.create({"name": "Tour Head", "user_id": cls.user_head.id})
        cls.department = cls.env["hr.department"].create(
            {"name": "Tour Studio", "manager_id": cls.emp_head.id}
        )
        cls.emp_head.department_id = cls.department
        cls.emp_employee = Employee.create(
            {
                "name": "Tour Employee",
                "user_id": cls.user_employee.id,
                "department_id": cls.department.id,
                "parent_id": cls.emp_head.id,
            }
        )
        for other in cls.user_hr | cls.user_lead | cls.user_uncleared:
            Employee.create(
                {"name": other.name, "user_id": other.id, "department_id": cls.department.id}
            )
        cls.company.write({"ops_leave_policy": True, "ops_expense_policy": True})
        cls.leave_type = cls.env["hr.leave.type"].create(
            {
                "name": "Tour Leave",
                "requires_allocation": "no",
                "ops_authority_chain": True,
                "request_unit": "day",
                "company_id": cls.company.id,
            }
        )
        account = cls.env["account.account"].search(
            [("account_type", "=", "expense"), ("company_ids", "in", cls.company.id)], limit=1
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Tour Taxi",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "property_account_expense_id": account.id,
                "supplier_taxes_id": [Command.clear()],
            }
        )

    # -- helpers -----------------------------------------------------------

    def tour(self, url, name, login, lang, phone=False):
        """Run tour ``name`` as ``login`` speaking ``lang``, on a phone
        (390x844, touch) or a desktop."""
        self.env["res.users"].search([("login", "=", login)]).lang = lang
        self.ops_lang = lang
        self.browser_size = "390x844" if phone else "1366x768"
        self.touch_enabled = phone
        with patch.object(common, "ChromeBrowser", ScreenshotBrowser):
            self.start_tour(url, name, login=login, timeout=120)

    @staticmethod
    def next_monday():
        today = date.today()
        return today + timedelta(days=7 - today.weekday() + 7)

    def make_expense(self, amount):
        expense = (
            self.env["hr.expense"]
            .with_user(self.user_employee)
            .create(
                {
                    "name": "Tour taxi to the shoot",
                    "employee_id": self.emp_employee.id,
                    "product_id": self.product.id,
                    "total_amount_currency": amount,
                    "payment_mode": "own_account",
                }
            )
        )
        # The receipt, as the phone app attaches it when scanned.
        self.env["ir.attachment"].with_user(self.user_employee).create(
            {
                "name": "receipt.png",
                "datas": base64.b64encode(b"receipt"),
                "res_model": "hr.expense",
                "res_id": expense.id,
            }
        )
        return expense.with_env(self.env)

    # -- tours -------------------------------------------------------------

    def test_leave_and_expense_submitted_then_approved_on_a_phone(self):
        """The employee asks for a day off and claims a taxi with its
        receipt; the department head approves both from a phone: the leave
        from its activity, the expense report from My Approvals."""
        for lang in LANGS:
            with self.subTest(lang=lang):
                self.tour(
                    "/odoo/action-hr_holidays.hr_leave_action_my/new",
                    "ops_suite_leave_request",
                    "tour_employee",
                    lang,
                )
                # In Chinese the week after (the tour asks for it too).
                day = self.next_monday() + timedelta(days=7 * LANGS.index(lang))
                leave = self.env["hr.leave"].search(
                    [("employee_id", "=", self.emp_employee.id), ("request_date_from", "=", day)]
                )
                self.assertEqual(len(leave), 1)
                self.assertEqual(leave.review_ids.reviewer_ids, self.user_head)
                self.assertEqual(leave.state, "confirm")

                expense = self.make_expense(88.0 if lang == "en_US" else 99.0)
                self.tour(
                    f"/odoo/hr.expense/{expense.id}",
                    "ops_suite_expense_report",
                    "tour_employee",
                    lang,
                )
                sheet = expense.sheet_id
                self.assertEqual(sheet.state, "submit")
                self.assertTrue(sheet.review_ids)

                self.tour(
                    "/odoo/action-ops_org.tier_review_action_my_approvals",
                    "ops_suite_my_approvals_phone",
                    "tour_head",
                    lang,
                    phone=True,
                )
                self.tour(
                    f"/odoo/hr.leave/{leave.id}",
                    "ops_suite_approve_from_activity_phone",
                    "tour_head",
                    lang,
                    phone=True,
                )
                self.assertEqual(leave.state, "validate")
                self.tour(
                    f"/odoo/hr.expense.sheet/{sheet.id}",
                    "ops_suite_expense_form_phone",
                    "tour_head",
                    lang,
                    phone=True,
                )
                head_review = sheet.review_ids.filtered(lambda r: self.user_head in r.reviewer_ids)
                self.assertEqual(head_review.status, "approved")
                # Finance and leadership decide next; the claim is still open.
                self.assertEqual(sheet.state, "submit")

    def test_sheet_accepted_and_late_approval_decided_on_a_phone(self):
        """Issue 17 on a phone: the head of Tour Studio accepts an incoming
        work contact sheet from its kanban card's form; a time off step its
        reviewer left undecided past its response time is escalated to
        Leadership, whose member decides it from My Approvals in the
        reviewer's place."""
        planner = ops_user(self.env, "tour_planner", "ops_org.ops_org_group_employee", self.company)
        planning = self.env["hr.department"].create({"name": "Tour Planning"})
        self.env["hr.employee"].create(
            {"name": "Tour Planner", "user_id": planner.id, "department_id": planning.id}
        )
        for index, lang in enumerate(LANGS):
            with self.subTest(lang=lang):
                sheet = (
                    self.env["ops.contact.sheet"]
                    .with_user(planner)
                    .create(
                        {
                            "subject": f"Tour banner {lang}",
                            "requesting_department_id": planning.id,
                            "receiving_department_id": self.department.id,
                            "date_requested": date.today() + timedelta(days=10),
                        }
                    )
                )
                sheet.action_submit()
                self.tour(
                    f"/odoo/ops.contact.sheet/{sheet.id}",
                    "ops_suite_contact_sheet_accept_phone",
                    "tour_head",
                    lang,
                    phone=True,
                )
                self.assertEqual(sheet.state, "accepted")
                self.assertEqual(sheet.owner_id, self.user_employee)
                self.assertEqual(sheet.date_promised, sheet.date_requested)

                day = self.next_monday() + timedelta(days=14 + 7 * index)
                leave = (
                    self.env["hr.leave"]
                    .with_user(self.user_employee)
                    .create(
                        {
                            "holiday_status_id": self.leave_type.id,
                            "employee_id": self.emp_employee.id,
                            "request_date_from": day,
                            "request_date_to": day,
                            "name": "Family matters",
                        }
                    )
                )
                review = leave.sudo().review_ids
                self.assertEqual(review.reviewer_ids, self.user_head)
                # The head let it wait three response times.
                review.ops_response_deadline = review.ops_pending_since - timedelta(days=10)
                review._ops_escalate(review.ops_pending_since)
                self.assertEqual(review.ops_escalation_level, 3)
                self.assertIn(self.user_leader, review.reviewer_ids)
                self.tour(
                    "/odoo/action-ops_org.tier_review_action_my_approvals",
                    "ops_suite_late_approval_phone",
                    "tour_leader",
                    lang,
                    phone=True,
                )
                self.assertEqual(review.status, "approved")
                self.assertEqual(review.done_by, self.user_leader)
                self.assertEqual(leave.state, "validate")
                # The chatter says who decided in whose place (in the tour's language).
                self.assertTrue(
                    leave.message_ids.filtered(
                        lambda m: (
                            "in the place of its reviewers" in (m.body or "")
                            or "代为决定" in (m.body or "")
                        )
                    )
                )

    def test_gate_submitted_by_the_lead_and_passed_by_leadership(self):
        from odoo.addons.ops_project_lifecycle.models.ops_project_deliverable_type import (
            REQUIRED_FIELDS,
        )

        for lang in LANGS:
            with self.subTest(lang=lang):
                project = (
                    self.env["project.project"]
                    .with_user(self.user_lead)
                    .create({"name": f"Tour App {lang}", "privacy_visibility": "employees"})
                )
                gate = project.ops_current_gate_id
                Deliverable = self.env["ops.project.deliverable"]
                for dtype in gate.phase_id.deliverable_type_ids.filtered("mandatory"):
                    vals = {"gate_id": gate.id, "type_id": dtype.id, "name": dtype.name}
                    for fname in REQUIRED_FIELDS[dtype.kind]:
                        ftype = Deliverable._fields[fname].type
                        vals[fname] = (
                            date.today() if ftype in ("date", "datetime") else "<p>Done.</p>"
                        )
                    Deliverable.create(vals).action_done()
                self.tour(
                    f"/odoo/ops.project.gate/{gate.id}",
                    "ops_suite_gate_submit",
                    "tour_lead",
                    lang,
                )
                self.assertEqual(gate.gate_status, "review")
                self.tour(
                    f"/odoo/ops.project.gate/{gate.id}",
                    "ops_suite_approve_from_activity",
                    "tour_leader",
                    lang,
                )
                self.assertEqual(gate.state, "passed")
                self.assertNotEqual(project.ops_phase, "initiation")

    def test_hr_publishes_attendance_month_and_appraisal_cycle(self):
        template = self.env["ops.appraisal.template"].create(
            {
                "name": "Tour template",
                "rating_scale": 5,
                "supervisor_weight": 100,
                "peer_weight": 0,
                "self_weight": 0,
                "customer_weight": 0,
                "criterion_ids": [
                    Command.create({"name": "Quality", "group": "performance", "weight": 100})
                ],
            }
        )
        for index, lang in enumerate(LANGS):
            with self.subTest(lang=lang):
                first = date(2020, 1 + index, 1)
                month = self.env["ops.attendance.month"].create({"date_from": first})
                url = f"/odoo/ops.attendance.month/{month.id}"
                self.tour(url, "ops_suite_attendance_month", "tour_hr", lang)
                # HR computed it: the month's jobs wait for the job runner.
                jobs = ops_jobs(self.env, "ops.attendance.month", "_ops_job_compute")
                jobs = jobs.filtered(lambda job, m=month: job.records == m)
                self.assertTrue(jobs)
                self.assertEqual(set(jobs.mapped("state")), {"pending"})
                run_jobs(self.env, jobs)
                self.tour(url, "ops_suite_attendance_month_publish", "tour_hr", lang)
                self.assertEqual(month.state, "published")
                self.assertTrue(month.line_ids)

                last = first + relativedelta(months=1, days=-1)
                cycle = self.env["ops.appraisal.cycle"].create(
                    {
                        "name": f"Tour {first:%Y-%m}",
                        "period": "monthly",
                        "date_start": first,
                        "date_end": last,
                        "template_id": template.id,
                        "department_ids": [Command.set(self.department.ids)],
                    }
                )
                cycle.action_generate()
                cycle.action_open()
                cycle.action_calibrate()
                self.tour(
                    f"/odoo/ops.appraisal.cycle/{cycle.id}",
                    "ops_suite_appraisal_publish",
                    "tour_hr",
                    lang,
                )
                self.assertEqual(cycle.state, "published")
                self.assertEqual(set(cycle.appraisal_ids.mapped("state")), {"published"})

    def test_secret_document_refused_without_clearance(self):
        Document = self.env["ops.document"]
        documents = Document
        for name, vals in (
            ("Tour handbook", {}),
            (
                "Tour launch plan",
                {
                    "ops_level": "secret",
                    "ops_category": "trade_secret",
                    "ops_need_to_know_user_ids": [Command.set(self.user_hr.ids)],
                },
            ),
        ):
            document = Document.create(dict(name=name, department_id=self.department.id, **vals))
            version = self.env["ops.document.version"].create(
                {
                    "document_id": document.id,
                    "file": base64.b64encode(b"Plan."),
                    "file_name": "plan.txt",
                    "change_note": "First issue.",
                }
            )
            # Published, as after the review chain of ops_document (written
            # inside the workflow grant, as the chain's outcome does).
            version._ops_workflow_write({"state": "published"})
            document._ops_workflow_write({"state": "published"})
            documents |= document
        handbook, secret = documents
        visible = Document.with_user(self.user_uncleared).search([])
        self.assertIn(handbook, visible)
        self.assertNotIn(secret, visible)
        for lang in LANGS:
            with self.subTest(lang=lang):
                self.tour(
                    "/odoo/action-ops_document.ops_document_action",
                    "ops_suite_document_list",
                    "tour_uncleared",
                    lang,
                )
                self.tour(
                    f"/odoo/ops.document/{secret.id}",
                    "ops_suite_document_refused",
                    "tour_uncleared",
                    lang,
                    phone=True,
                )
