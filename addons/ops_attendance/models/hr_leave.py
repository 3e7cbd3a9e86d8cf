# Copyright 2026 Ops Suite
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo import api, fields, models
from odoo.exceptions import UserError


class HrLeave(models.Model):
    """Time off approved by authority level (policy §三(二)1): the
    department head, HR beyond one day, leadership beyond three days, as
    tier definitions an administrator edits. The chain runs on OCA tier
    validation through the glue of ``ops_org`` for the companies that enable
    it and the time off types flagged for it (those existing at
    installation, and those an administrator flags later); elsewhere Odoo's
    own time off approval is untouched."""

    _name = "hr.leave"
    _inherit = ["hr.leave", "tier.validation"]

    _state_field = "state"
    _state_from = ["confirm"]
    _state_to = ["validate1", "validate"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False

    _ops_requester_field = "employee_id.user_id"
    _ops_department_field = "department_id"

    ops_policy = fields.Boolean(compute="_compute_ops_policy", string="Approval by Authority Level")

    @api.depends("company_id.ops_leave_policy", "holiday_status_id.ops_authority_chain")
    def _compute_ops_policy(self):
        for leave in self:
            leave.ops_policy = (
                leave.company_id.ops_leave_policy and leave.holiday_status_id.ops_authority_chain
            )

    @api.model_create_multi
    def create(self, vals_list):
        # Dates in the wrong order are refused by Odoo's own constraints
        # (date_check2, date_check3), whose message the server shows.
        leaves = super().create(vals_list)
        leaves._ops_request_chain()
        return leaves

    def write(self, vals):
        to_confirm = self.filtered(lambda leave: leave.state != "confirm")
        res = super().write(vals)
        if vals.get("state") == "confirm":
            to_confirm._ops_request_chain()
        return res

    def _ops_request_chain(self):
        todo = self.filtered(
            lambda leave: (
                leave.ops_policy
                and leave.state == "confirm"
                and leave.validation_type != "no_validation"
                and not leave.review_ids
            )
        )
        for leave in todo:
            if leave.need_validation:
                leave.sudo(False).with_context(ops_leave_chain=True).request_validation()
        if todo:
            todo.activity_update()

    # -- tier validation ---------------------------------------------------

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "state",
            "first_approver_id",
            "second_approver_id",
            "name",
            "private_name",
            "supported_attachment_ids",
            "attachment_ids",
            "meeting_id",
            "active",
        ]

    def _ops_chain_open(self):
        self.ensure_one()
        return self.ops_policy and self.review_ids and self.validation_status != "validated"

    def action_approve(self, check_state=True):
        self._ops_check_chain_done()
        return super().action_approve(check_state=check_state)

    def action_validate(self, check_state=True):
        self._ops_check_chain_done()
        return super().action_validate(check_state=check_state)

    def _ops_check_chain_done(self):
        if self.env.context.get("ops_leave_chain_done"):
            return
        for leave in self:
            if leave._ops_chain_open():
                raise UserError(
                    self.env._(
                        "%(leave)s is approved through its authority levels (%(tiers)s), "
                        "which are not all approved yet.",
                        leave=leave.display_name,
                        tiers=", ".join(n for n in leave.review_ids.mapped("name") if n),
                    )
                )

    def _ops_apply_outcome(self):
        """Once every tier approved, the time off is validated as in Odoo
        (its calendar entries are made); once a tier rejected, refused."""
        for leave in self:
            if not leave.ops_policy or leave.state != "confirm" or not leave.review_ids:
                continue
            chained = leave.sudo().with_context(
                ops_leave_chain_done=True, skip_validation_check=True
            )
            if leave.validation_status == "validated":
                chained.action_validate()
            elif leave.validation_status == "rejected":
                chained.action_refuse()

    def activity_update(self):
        """Under the chain, reviewers get their tier's activity instead of
        Odoo's "time off approval" activity."""
        chained = self.filtered(lambda leave: leave.ops_policy and leave.review_ids)
        if chained and self.env.context.get("ops_leave_chain") is None:
            chained.activity_unlink(
                [
                    "hr_holidays.mail_act_leave_approval",
                    "hr_holidays.mail_act_leave_second_approval",
                ]
            )
        chained = chained.filtered(lambda leave: leave.state in ("confirm", "validate1"))
        return super(HrLeave, self - chained).activity_update()
