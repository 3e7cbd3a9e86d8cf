# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, format_amount

from odoo.addons.ops_org.models.ops_workflow_mixin import ops_workflow_granted

CHECKLIST = ("ops_check_authentic", "ops_check_legal", "ops_check_complete")
FINANCE = "ops_org.ops_org_group_finance"
# Values of ``state`` (computed by Odoo from approval_state, the entries and
# their payment) and of ``approval_state`` that only the approval reaches.
APPROVED_STATES = ("approve", "post", "done")


class HrExpenseSheet(models.Model):
    """Expense reports under the reimbursement chain of the policy (§六(二)2):
    receipts attached, the department head reviews, finance checks
    authenticity, legality and completeness, leadership approves, then
    finance pays. The chain runs on OCA tier validation
    (``hr_expense_tier_validation``) for the companies that enable it.

    A suite document (``ops.workflow.mixin``): its reviews change only
    through the decisions, in order, never by the employee it is about.
    Odoo writes ``approval_state`` itself (submit, approve, refuse, reset),
    so the mixin owns no state field here; ``_ops_check_state_write`` keeps
    the approval and the states after it for the chain."""

    _name = "hr.expense.sheet"
    _inherit = ["hr.expense.sheet", "ops.workflow.mixin"]

    _ops_state_field = False
    _ops_requester_field = "employee_id.user_id"
    _ops_department_field = "department_id"
    _ops_workflow_fields = ("ops_checked_by_id", "ops_budget_warning")
    _ops_subject_fields = ("employee_id",)
    # Finance's checks are its decision on the claim: never the claimant's.
    _ops_decision_fields = CHECKLIST
    _ops_decision_methods = ("action_approve_expense_sheets", "action_refuse_expense_sheets")
    _ops_harmless_methods = ("action_sheet_move_post", "action_register_payment")

    ops_policy = fields.Boolean(
        related="company_id.ops_expense_policy", string="Approval Chain of the Policy"
    )
    ops_check_authentic = fields.Boolean(
        string="Receipts Authentic",
        copy=False,
        tracking=True,
        groups="ops_org.ops_org_group_finance",
        help="Finance checked that the invoices and receipts are genuine.",
    )
    ops_check_legal = fields.Boolean(
        string="Expense Lawful",
        copy=False,
        tracking=True,
        groups="ops_org.ops_org_group_finance",
        help="Finance checked that the expense and its receipts comply with the law "
        "and the company's rules.",
    )
    ops_check_complete = fields.Boolean(
        string="Claim Complete",
        copy=False,
        tracking=True,
        groups="ops_org.ops_org_group_finance",
        help="Finance checked that every expense has its receipt and the report "
        "form is filled in completely.",
    )
    ops_checked_by_id = fields.Many2one(
        "res.users", string="Checked By", readonly=True, copy=False, tracking=True
    )
    ops_budget_warning = fields.Text(
        string="Budget Warning",
        readonly=True,
        copy=False,
        help="Set at submission when the report goes beyond the department's remaining budget.",
    )

    # -- tier validation ---------------------------------------------------

    @api.depends("approval_state")
    def _compute_hide_reviews(self):
        # OCA's (the reviews are shown in the states under review) reads the
        # approval state without declaring it: declared, the state comes in
        # the query that reads the rest of the form (one query less).
        return super()._compute_hide_reviews()

    def _get_under_validation_exceptions(self):
        # department_id and user_id follow the employee (Odoo recomputes them).
        return super()._get_under_validation_exceptions() + [
            *CHECKLIST,
            "ops_checked_by_id",
            "ops_budget_warning",
            "department_id",
            "user_id",
        ]

    def _get_after_validation_exceptions(self):
        return super()._get_after_validation_exceptions() + [
            "ops_budget_warning",
            "department_id",
            "user_id",
            "approval_date",
        ]

    def write(self, vals):
        self._ops_check_state_write(vals)
        checklist = any(name in vals for name in CHECKLIST)
        if checklist and not self.env.su and not self.env.user.has_group(FINANCE):
            raise AccessError(self.env._("Only finance checks the receipts of an expense report."))
        res = super().write(vals)
        if checklist:
            # Who ticked: written by the server, never sent by the caller.
            self._ops_workflow_write({"ops_checked_by_id": self.env.user.id})
        return res

    def _ops_check_state_write(self, vals):
        """Odoo refuses a draft report written straight to approved by all
        but expense managers, and checks the approver's rights when
        ``approval_state`` becomes approved; nothing else. The chain's rules:

        * whoever calls (the superuser included, as OCA does): no report is
          approved while its review is open or not validated;
        * for users, on a report under the chain: approved (and posted or
          paid) only by the chain's outcome, ``approval_state`` left alone
          while the review is open (refusing is a rejection in the review),
          ``state`` never written (Odoo computes it from the entries).
        """
        if ops_workflow_granted(self._name) or not {"approval_state", "state"} & set(vals):
            return
        approving = vals.get("approval_state") == "approve" or vals.get("state") in APPROVED_STATES
        # Odoo lets an expense manager approve or refuse their own report.
        if vals.get("approval_state") == "approve":
            self._ops_check_not_concerned(self.env._("the approval of an expense report"))
        elif vals.get("approval_state") == "cancel":
            self._ops_check_not_concerned(self.env._("the refusal of an expense report"))
        for sheet in self:
            open_review = sheet.review_ids and sheet.validation_status in ("waiting", "pending")
            chained = sheet.ops_policy or sheet.review_ids
            if approving and sheet.validation_status != "validated":
                if (
                    open_review
                    or (sheet.need_validation and vals.get("approval_state") == "approve")
                    or (chained and not self.env.su)
                ):
                    raise ValidationError(
                        self.env._(
                            "%(report)s is approved through its approval chain (department "
                            "head, finance, leadership), which is not complete.",
                            report=sheet.display_name,
                        )
                    )
            if not chained or self.env.su:
                continue
            if "state" in vals and vals["state"] != sheet.state:
                raise AccessError(
                    self.env._(
                        "The status of %(report)s follows its approval, its entries and their "
                        "payment; it is not written.",
                        report=sheet.display_name,
                    )
                )
            if (
                open_review
                and "approval_state" in vals
                and vals["approval_state"] != sheet.approval_state
            ):
                raise UserError(
                    self.env._(
                        "%(report)s is under review: its reviewer rejects it from the review.",
                        report=sheet.display_name,
                    )
                )

    def _ops_checklist_done(self):
        self.ensure_one()
        sheet = self.sudo()
        return all(sheet[name] for name in CHECKLIST)

    def _validate_tier(self, tiers=False):
        """Finance's step is approved only with its checklist ticked,
        whatever the path (validate_tier, the review's or the activity's
        Approve, OCA's comment wizard): they all decide here."""
        self._ops_check_checklist(tiers or self._ops_reviews_to_decide())
        open_before = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        res = super()._validate_tier(tiers=tiers)
        # And whatever the reviews decided in the end.
        self._ops_check_checklist(open_before.filtered(lambda r: r.status == "approved"))
        return res

    def _ops_check_checklist(self, reviews):
        for sheet in self:
            checklist_tiers = reviews.filtered(
                lambda r, s=sheet: (
                    r.res_id == s.id
                    and r.model == s._name
                    and r.definition_id.ops_expense_checklist
                )
            )
            if checklist_tiers and not sheet._ops_checklist_done():
                raise UserError(
                    self.env._(
                        "%(report)s: tick that the receipts are authentic, the expense "
                        "lawful and the claim complete before approving it.",
                        report=sheet.display_name,
                    )
                )

    def _ops_apply_outcome(self):
        """Once every tier approved, the report is approved as in Odoo (the
        bill or the payment is prepared); once a tier rejected, refused."""
        for sheet in self:
            if not sheet.ops_policy or sheet.approval_state != "submit":
                continue
            # sudo: the last reviewer may be no expense approver in Odoo's
            # sense; what runs is Odoo's approval (or refusal) of this report,
            # which the chain decided.
            if sheet.validation_status == "validated":
                sheet.sudo()._do_approve()
            elif sheet.validation_status == "rejected":
                reason = "; ".join(
                    filter(None, sheet.review_ids.filtered("comment").mapped("comment"))
                )
                sheet.sudo()._do_refuse(reason or self.env._("Rejected in review"))

    # -- submission --------------------------------------------------------

    def request_validation(self):
        # Odoo's submission requests the review (``_do_submit``). Called
        # again from outside (OCA's button, its tests) on reports that have
        # their reviews, there is nothing left to request: answered, not
        # refused. A report still needing one goes through the core's rule.
        if not self._ops_validation_open() and not any(self.mapped("need_validation")):
            return self.env["tier.review"]
        return super().request_validation()

    def _do_submit(self):
        policy = self.filtered("ops_policy")
        for sheet in policy.filtered(lambda s: s.state != "draft"):
            # Odoo's action_submit_sheet checks nothing over RPC: a report
            # under review, refused or approved is not submitted again.
            raise UserError(
                self.env._(
                    "%(report)s is %(state)s: only a draft report is submitted.",
                    report=sheet.display_name,
                    state=sheet._ops_selection_label("state"),
                )
            )
        policy._ops_check_receipts()
        policy._ops_set_cost_centres()
        policy._ops_check_budget()
        res = super()._do_submit()
        # The chain of the policy (fail closed when no authority applies),
        # and any other authority configured for reports outside it.
        chained = self.filtered(lambda s: s.ops_policy or s.need_validation)
        if chained:
            chained._ops_request_validation()
        return res

    def _ops_check_receipts(self):
        missing = self.expense_line_ids.sudo().filtered(lambda e: not e.attachment_ids)
        if missing:
            raise UserError(
                self.env._(
                    "Attach the receipt (invoice or voucher) of every expense before "
                    "submitting: %(expenses)s.",
                    expenses=", ".join(missing.mapped("name")),
                )
            )

    def _ops_set_cost_centres(self):
        """Expenses without an analytic distribution go on the cost centre
        of the employee's department."""
        for expense in self.expense_line_ids.filtered(lambda e: not e.analytic_distribution):
            centre = expense.employee_id.department_id.sudo()._ops_cost_centre()
            if centre:
                expense.sudo().analytic_distribution = {str(centre.id): 100.0}

    def _ops_budget_overruns(self):
        """Lines of text, one per (account, cost centre, month) where the
        report claims more than the approved budget has left."""
        self.ensure_one()
        claimed = defaultdict(float)
        for expense in self.expense_line_ids.sudo():
            month = (expense.date or fields.Date.context_today(self)).replace(day=1)
            distribution = expense.analytic_distribution or {"": 100.0}
            for key, share in distribution.items():
                for analytic in str(key).split(","):
                    claimed[(expense.account_id.id, int(analytic or 0), month)] += (
                        expense.ops_budget_amount * share / 100.0
                    )
        budget_lines = (
            self.env["ops.budget.line"]
            .sudo()
            .search(
                [
                    ("budget_id.state", "=", "approved"),
                    ("company_id", "=", self.company_id.id),
                    ("account_id", "in", [key[0] for key in claimed]),
                    ("date_from", "in", list({key[2] for key in claimed})),
                ]
            )
        )
        remaining = defaultdict(float)
        # Budgets the claimant may not read (a confidential budget, with
        # ops_confidentiality) are checked all the same, but what is left of
        # them is not told.
        hidden = set()
        for line in budget_lines:
            remaining[line._ops_key()] += line.remaining_amount
            if not line._ops_cleared_users(self.env.user):
                hidden.add(line._ops_key())
        currency = self.company_id.currency_id
        messages = []
        for key, amount in claimed.items():
            left = remaining.get(key, 0.0)
            if float_compare(amount, left, precision_rounding=currency.rounding) > 0:
                account = self.env["account.account"].sudo().browse(key[0])
                centre = self.env["account.analytic.account"].sudo().browse(key[1])
                messages.append(
                    self.env._(
                        "%(account)s, %(centre)s, %(month)s: claimed %(claimed)s, "
                        "budget left %(left)s.",
                        account=account.display_name,
                        centre=centre.display_name or self.env._("no cost centre"),
                        month=key[2].strftime("%Y-%m"),
                        claimed=format_amount(self.env, amount, currency),
                        left=self.env._("not told (the budget is confidential)")
                        if key in hidden
                        else format_amount(self.env, left, currency),
                    )
                )
        return messages

    def _ops_check_budget(self):
        for sheet in self:
            mode = sheet.company_id.ops_expense_budget_check
            if mode == "none":
                continue
            overruns = sheet._ops_budget_overruns()
            if overruns and mode == "block":
                raise UserError(
                    self.env._(
                        "%(report)s goes beyond the remaining budget:\n%(lines)s",
                        report=sheet.display_name,
                        lines="\n".join(overruns),
                    )
                )
            warning = "\n".join(overruns) or False
            # Part of the submission: the warning reviewers see.
            sheet.sudo()._ops_workflow_write({"ops_budget_warning": warning})
            if warning:
                sheet.sudo().message_post(
                    body=self.env._("Beyond the remaining budget: %(lines)s", lines=warning),
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )

    def activity_update(self):
        """Under the chain, reviewers get their tier's activity instead of
        Odoo's single "approve the expense report" activity."""
        chained = self.filtered(lambda s: s.ops_policy and s.state == "submit")
        super(HrExpenseSheet, self - chained).activity_update()
        return True

    # -- what the chain replaces -------------------------------------------

    def _ops_check_chain_done(self):
        for sheet in self.filtered("ops_policy"):
            if sheet.validation_status != "validated":
                raise UserError(
                    self.env._(
                        "%(report)s is approved through its approval chain (department "
                        "head, finance, leadership), which is not complete.",
                        report=sheet.display_name,
                    )
                )

    def action_approve_expense_sheets(self):
        """Odoo's Approve: under the chain, only once the chain approved;
        never by the employee the report is about."""
        self._ops_check_not_concerned(self.env._("the approval of an expense report"))
        self._ops_check_chain_done()
        return super().action_approve_expense_sheets() or True

    def _do_approve(self):
        # Odoo's approval, from its button, its duplicate wizard or the
        # chain's outcome (as superuser).
        self._ops_check_not_concerned(self.env._("the approval of an expense report"))
        self._ops_check_chain_done()
        # Two deciders at once: the second waits here and then finds the
        # report approved, so one bill (or payment) is ever made.
        self._ops_lock_sheets()
        return super()._do_approve()

    def _ops_lock_sheets(self):
        """``_ops_lock_rows`` but re-reading only the approval: re-reading
        every field would re-order the expense lines Odoo builds the entry
        from (its tests pin that order)."""
        if self.ids:
            self.env.cr.execute(
                "SELECT id FROM hr_expense_sheet WHERE id IN %s ORDER BY id FOR UPDATE",
                [tuple(self.ids)],
            )
            self.invalidate_recordset(["approval_state", "state", "account_move_ids"])

    def action_refuse_expense_sheets(self):
        """Odoo's Refuse: under review, the reviewer rejects in the review;
        never by the employee the report is about."""
        self._ops_check_not_concerned(self.env._("the refusal of an expense report"))
        self._ops_check_not_under_review()
        return super().action_refuse_expense_sheets()

    def _do_refuse(self, reason):
        # Odoo's refusal, from its wizards or the chain's outcome (as
        # superuser).
        self._ops_check_not_concerned(self.env._("the refusal of an expense report"))
        self._ops_check_not_under_review()
        return super()._do_refuse(reason)

    def _ops_check_not_under_review(self):
        if self.env.su:
            return
        for sheet in self.filtered(lambda s: s.ops_policy and s.state == "submit"):
            raise UserError(
                self.env._(
                    "%(report)s is under review: its reviewer rejects it from the review.",
                    report=sheet.display_name,
                )
            )

    def action_sheet_move_post(self):
        self._ops_check_chain_done()
        return super().action_sheet_move_post() or True

    def action_register_payment(self):
        self._ops_check_chain_done()
        return super().action_register_payment()

    @api.model
    def _ops_check_payable_moves(self, moves):
        """Refuse paying a journal entry of an expense report that its chain
        has not approved."""
        sheets = moves.sudo().expense_sheet_id
        sheets.sudo(False)._ops_check_chain_done()

    # -- demo ----------------------------------------------------------------

    @api.model
    def _ops_demo_populate(self, finance, leader, claimants):
        """Demo data: one expense report per claimant, with its receipt,
        left at successive steps of the chain (waiting for the department
        head, waiting for finance, approved with its bill). Runs once."""
        company = self.env.ref("base.main_company")
        if not company.ops_expense_policy or self.search_count(
            [("name", "=like", "[演示]%"), ("company_id", "=", company.id)]
        ):
            return
        product = self.env["product.product"].search(
            [("can_be_expensed", "=", True), ("company_id", "in", [False, company.id])], limit=1
        )
        if not product:
            return
        finance = self.env["res.users"].browse(finance)
        leader = self.env["res.users"].browse(leader)
        receipt = base64.b64encode(b"%PDF-1.4 demo receipt")
        subjects = [
            ("客户拍摄往返打车费", "hr_expense.expense_product_travel_accommodation"),
            ("发布会视频道具采购", "hr_expense.product_product_no_cost"),
            ("行业大会门票", "hr_expense.expense_product_travel_accommodation"),
        ]
        for step, (user_id, (subject, category)) in enumerate(
            zip(claimants, subjects, strict=False)
        ):
            # Claimed as its employee would, in their language (the budget
            # warning of the submission is written in it).
            user = self.env["res.users"].browse(user_id)
            employee = user.employee_id
            if not employee:
                continue
            env = self.with_context(lang=user.lang).env
            expense = env["hr.expense"].create(
                {
                    "name": subject,
                    "employee_id": employee.id,
                    "product_id": (env.ref(category, raise_if_not_found=False) or product).id,
                    "total_amount_currency": 180.0 * (step + 1),
                    "payment_mode": "own_account",
                }
            )
            env["ir.attachment"].create(
                {
                    "name": "receipt.pdf",
                    "datas": receipt,
                    "res_model": "hr.expense",
                    "res_id": expense.id,
                }
            )
            sheet = env[self._name].create(
                {
                    "name": f"[演示] {subject}",
                    "employee_id": employee.id,
                    "expense_line_ids": [(6, 0, expense.ids)],
                }
            )
            sheet.with_user(user).action_submit_sheet()
            if step >= 1:
                head = sheet.review_ids.filtered(lambda r: r.status == "pending").reviewer_ids[:1]
                sheet.with_user(head)._ops_approve()
            if step >= 2:
                sheet.with_user(finance).write(dict.fromkeys(CHECKLIST, True))
                sheet.with_user(finance)._ops_approve()
                sheet.with_user(leader)._ops_approve()
