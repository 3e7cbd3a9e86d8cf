# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.addons.ops_appraisal.tests.common import AppraisalCommon
from odoo.addons.ops_org.tests.common import ops_user


class BonusAccountCommon(AppraisalCommon):
    """The cycle of ``AppraisalCommon`` made annual and published: Employee
    (Studio, base 10 000, project award 5 000) and Peer (moved to Elsewhere,
    base 8 000); its bonus sheet, with a year-end pool of 30 000, confirmed by
    HR. The company has a bonus journal and accounts. ``user_finance`` is a
    Finance Officer with Invoicing access rights, ``user_finance_reader``
    a Finance Officer given no Invoicing rights of its own (ops_finance
    brings Billing to the role), ``user_hr_billing`` HR with
    Invoicing rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        finance = "ops_org.ops_org_group_finance"
        billing = "account.group_account_invoice"
        cls.user_finance = ops_user(cls.env, "ops_finance", f"{finance},{billing}")
        cls.user_finance_reader = ops_user(cls.env, "ops_finance_reader", finance)
        cls.user_hr_billing = ops_user(
            cls.env, "ops_hr_billing", f"ops_org.ops_org_group_hr,{billing}"
        )

        Account = cls.env["account.account"]
        cls.expense_account = Account.create(
            {"name": "Bonus expense", "code": "OPS6602", "account_type": "expense"}
        )
        cls.payable_account = Account.create(
            {
                "name": "Employee benefits payable",
                "code": "OPS2211",
                "account_type": "liability_current",
            }
        )
        cls.journal = cls.env["account.journal"].create(
            {"name": "Bonuses", "code": "OPSB", "type": "general"}
        )
        cls.company.write(
            {
                "ops_bonus_expense_account_id": cls.expense_account.id,
                "ops_bonus_payable_account_id": cls.payable_account.id,
                "ops_bonus_journal_id": cls.journal.id,
            }
        )

        cls.emp_employee.ops_bonus_base = 10000.0
        cls.emp_peer.ops_bonus_base = 8000.0
        cls.peer_appraisal.department_id = cls.other_department
        cls.cycle.period = "annual"
        for appraisal, rating, value in ((cls.appraisal, 5, 100), (cls.peer_appraisal, 4, 80)):
            evaluation = appraisal.evaluation_ids.filtered(lambda e: e.role == "supervisor")
            evaluation = evaluation.with_user(evaluation.rater_user_id)
            for line in evaluation.line_ids:
                if line.kind == "qualitative":
                    line.rating = rating
                else:
                    line.value = value
            evaluation.action_submit()
        cls.cycle.action_calibrate()
        cls.cycle.action_publish()

        sheet = (
            cls.env["ops.appraisal.bonus.sheet"]
            .with_user(cls.user_hr)
            .create({"name": "Bonus 2026", "cycle_id": cls.cycle.id, "year_end_pool": 30000.0})
        )
        sheet.action_compute()
        sheet.line_ids.filtered(lambda line: line.employee_id == cls.emp_employee).write(
            {"project_award": 5000.0}
        )
        sheet.action_confirm()
        cls.sheet = sheet.with_env(cls.env)

    def create_move(self, user=None):
        return self.sheet.with_user(user or self.user_finance).action_create_move()

    def moves(self):
        return self.env["account.move"].search([("ops_bonus_sheet_id", "=", self.sheet.id)])
