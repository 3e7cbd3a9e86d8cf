# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo company's month: every demo role logs in to work waiting for
them. Runs on the test database, which holds the suite's demo data (on
Odoo's generic chart there, on the Chinese chart in run.sh's database)."""

from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, tagged

HEADS = (
    "planning",
    "design",
    "tech",
    "test",
    "ops",
    "mkt",
    "sales",
    "cs",
    "finance",
    "hr",
    "admin",
)
# Stock models the suite's people act on in their forms.
STOCK_FORMS = (
    "hr.leave",
    "hr.expense",
    "hr.expense.sheet",
    "project.project",
    "project.task",
    "calendar.event",
    "account.payment",
    "account.bank.statement.line",
    "tier.review",
)
MY_APPROVALS = [("status", "=", "pending"), ("can_review", "=", True)]


@tagged("post_install", "-at_install")
class TestDemoMonth(TransactionCase):
    def user(self, name):
        return self.env.ref(f"ops_org.user_{name}_demo")

    def waiting_approvals(self, user):
        """What the user's My Approvals lists (its action's domain), as them."""
        return (
            self.env["tier.review"]
            .with_user(user)
            .search(MY_APPROVALS + [("reviewer_ids", "in", user.ids)])
        )

    def test_an_approval_waits_for_each_head_finance_and_leadership(self):
        for name in [f"{head}_head" for head in HEADS] + ["finance_1", "ceo", "coo"]:
            with self.subTest(user=name):
                self.assertTrue(self.waiting_approvals(self.user(name)))
        # Each head decides a time off request of their department.
        for head in HEADS:
            with self.subTest(head=head):
                self.assertIn(
                    "hr.leave", self.waiting_approvals(self.user(f"{head}_head")).mapped("model")
                )
        # Leadership: next month's cash plan, and a head's time off (the CEO).
        self.assertIn("ops.cash.plan", self.waiting_approvals(self.user("coo")).mapped("model"))
        self.assertIn("hr.leave", self.waiting_approvals(self.user("ceo")).mapped("model"))
        self.assertIn(
            "hr.expense.sheet", self.waiting_approvals(self.user("finance_1")).mapped("model")
        )

    def test_evaluations_to_give(self):
        cycle = self.env["ops.appraisal.cycle"].search([("state", "=", "open")])
        self.assertEqual(len(cycle), 1, "last month's cycle is open")
        pending = cycle.appraisal_ids.evaluation_ids.filtered(lambda e: e.state != "submitted")
        self.assertTrue(pending)
        raters = pending.rater_user_id
        self.assertIn(self.user("ceo"), raters)
        self.assertGreaterEqual(
            len(raters & self.env["res.users"].concat(*(self.user(f"{h}_head") for h in HEADS))), 8
        )
        for rater in raters:
            self.assertTrue(
                self.env["ops.appraisal.evaluation"]
                .with_user(rater)
                .search([("rater_user_id", "=", rater.id), ("state", "!=", "submitted")])
            )

    def test_contact_sheets_to_accept(self):
        for head, department in (
            ("design", "design"),
            ("tech", "technology"),
            ("test", "testing"),
            ("sales", "sales"),
            ("cs", "customer_service"),
        ):
            with self.subTest(head=head):
                sheets = (
                    self.env["ops.contact.sheet"]
                    .with_user(self.user(f"{head}_head"))
                    .search(
                        [
                            ("state", "=", "submitted"),
                            (
                                "receiving_department_id",
                                "=",
                                self.env.ref(f"ops_org.hr_department_{department}").id,
                            ),
                        ]
                    )
                )
                self.assertTrue(sheets)

    def test_a_document_to_acknowledge_for_everyone(self):
        users = self.env["res.users"].search([("login", "=like", "ops.%")])
        self.assertGreaterEqual(len(users), 30)
        for user in users:
            with self.subTest(user=user.login):
                acknowledgements = (
                    self.env["ops.document.acknowledgement"]
                    .with_user(user)
                    .search([("user_id", "=", user.id), ("date_acknowledged", "=", False)])
                )
                self.assertTrue(acknowledgements)
                self.assertTrue(
                    self.env["mail.activity"].search(
                        [
                            ("user_id", "=", user.id),
                            ("res_model", "=", "ops.document"),
                            ("res_id", "in", acknowledgements.document_id.ids),
                        ]
                    )
                )

    def test_bank_statement_of_the_month_partly_reconciled(self):
        company = self.env.ref("base.main_company")
        lines = self.env["account.bank.statement.line"].search(
            [("company_id", "=", company.id), ("unique_import_id", "like", "XHDEMO")]
        )
        self.assertEqual(len(lines), 4)
        self.assertEqual(len(lines.statement_id), 1, "one statement imported")
        reconciled = lines.filtered("is_reconciled")
        self.assertEqual(len(reconciled), 1)
        self.assertEqual(
            reconciled.ops_fund_purpose_id,
            self.env.ref("ops_finance.ops_fund_purpose_expense_reimbursement"),
        )
        claim = self.env["hr.expense.sheet"].search(
            [("company_id", "=", company.id), ("name", "=like", "[演示]%"), ("state", "=", "done")]
        )
        self.assertEqual(claim.payment_state, "paid")
        self.assertEqual(reconciled.amount, -claim.total_amount)
        # The rest waits for finance on OCA's screen.
        self.assertEqual(len(lines - reconciled), 3)

    def test_every_form_opens_for_every_role(self):
        """Each role opens, in its form, a record of every model of the suite
        (and of the stock ones it acts on) that it can read in the demo
        month: no field of the form refuses it (a published document's
        destruction requests and a cash plan's outstanding payments did)."""
        users = [
            self.user(name)
            for name in (
                "design_2",  # employee
                "design_head",  # department head
                "tech_1",  # project lead
                "finance_1",  # finance officer
                "hr_1",  # HR and confidentiality officer
                "admin_1",  # administration officer
                "ceo",  # leadership
            )
        ]
        models_ = [
            name
            for name, model in self.env.registry.items()
            if (name.startswith("ops.") or name in STOCK_FORMS)
            and not model._abstract
            and not model._transient
        ]
        opened = 0
        for user in users:
            env = self.env(user=user)
            for name in models_:
                try:
                    record = env[name].search([], limit=1)
                except AccessError:
                    continue
                if not record:
                    continue
                with self.subTest(user=user.login, model=name):
                    Form(record)
                    opened += 1
        self.assertGreater(opened, 100)
