# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import contextvars
from contextlib import contextmanager

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import float_compare, float_repr

# What an HR officer who is neither project lead nor project administrator
# may write on a project: the award, and their own favourite star.
HR_PROJECT_FIELDS = {"ops_award_amount", "is_favorite"}

# While a project writes its whole team at once, the team's shares are
# checked once every line is written, not line by line: the projects whose
# members changed are collected here and checked when the write ends. Only
# server code opens it (a context key would let any caller skip the check).
_SHARES_DEFERRED = contextvars.ContextVar("ops_award_shares_deferred", default=None)


@contextmanager
def award_shares_deferred(projects):
    """Defer the check of the team's shares to the end of the block, then
    check ``projects`` and every project whose members changed inside."""
    pending = set()
    token = _SHARES_DEFERRED.set(pending)
    try:
        yield
    finally:
        _SHARES_DEFERRED.reset(token)
    (projects | projects.browse(pending)).exists()._ops_check_award_shares()


def check_award_shares_later(projects):
    """False when the shares of ``projects`` are to be checked now; True
    when a team write in progress will check them at its end."""
    pending = _SHARES_DEFERRED.get()
    if pending is None:
        return False
    pending.update(projects.ids)
    return True


def _without_empty_updates(vals):
    """``vals`` without the x2many fields given only empty updates (a form
    saving team lines whose computed award moved changes nothing)."""
    return {
        name: value
        for name, value in vals.items()
        if not (
            isinstance(value, list)
            and all(
                isinstance(command, (list, tuple))
                and command[0] == Command.UPDATE
                and not command[2]
                for command in value
            )
        )
    }


class ProjectProject(models.Model):
    """Project award (policy §四(二)1 项目奖励): an amount set by HR or
    Leadership, shared among the team by their award shares, paid in the
    bonus sheet of the cycle in which the project's acceptance gate passed."""

    _inherit = "project.project"

    ops_award_amount = fields.Monetary(
        string="Project Award",
        tracking=True,
        copy=False,
        ops_min=0,
        help="Set by HR or Leadership; shared among the project team by their award shares "
        "in the bonus sheet of the cycle in which the project is accepted.",
    )
    ops_can_set_award = fields.Boolean(
        string="Can Set the Award", compute="_compute_ops_can_set_award"
    )
    ops_date_accepted = fields.Datetime(
        string="Accepted on",
        compute="_compute_ops_date_accepted",
        store=True,
        index=True,
        help="When the acceptance gate passed.",
    )

    @api.depends_context("uid")
    def _compute_ops_can_set_award(self):
        allowed = self._ops_may_set_award()
        for project in self:
            project.ops_can_set_award = allowed

    @api.depends("ops_gate_ids.phase", "ops_gate_ids.state", "ops_gate_ids.date_decided")
    def _compute_ops_date_accepted(self):
        for project in self:
            gate = project.ops_gate_ids.filtered(
                lambda g: g.phase == "acceptance" and g.state == "passed"
            )[:1]
            project.ops_date_accepted = gate.date_decided

    @api.constrains("ops_award_amount")
    def _check_ops_award_amount(self):
        for project in self:
            if project.ops_award_amount < 0:
                raise ValidationError(
                    self.env._(
                        "The project award of %(project)s cannot be negative.",
                        project=project.display_name,
                    )
                )

    @api.constrains("ops_member_ids")
    def _check_ops_member_award_shares(self):
        self._ops_check_award_shares()

    @api.model
    def _ops_subject_paths(self):
        # The project award is about the project's team.
        return super()._ops_subject_paths() | {"ops_member_ids.user_id"}

    @api.model
    def _ops_decision_field_names(self):
        # Nobody on the team sets the award they share in.
        return super()._ops_decision_field_names() | {"ops_award_amount"}

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("ops_award_amount") for vals in vals_list):
            self._ops_check_award_rights(", ".join(vals.get("name") or "" for vals in vals_list))
        # The team's shares are checked once the whole team is written (the
        # new projects with a team are among those collected).
        with award_shares_deferred(self.browse()):
            projects = super().create(vals_list)
        return projects

    def write(self, vals):
        if not self.env.su:
            if "ops_award_amount" in vals:
                self._ops_check_award_rights(", ".join(self.mapped("display_name")))
            user = self.env.user
            if (
                user.has_group("ops_org.ops_org_group_hr")
                and not user.has_group("ops_org.ops_org_group_project_lead")
                and not user.has_group("project.group_project_manager")
            ):
                vals = _without_empty_updates(vals)
                others = set(vals) - HR_PROJECT_FIELDS
                if others:
                    raise AccessError(
                        self.env._(
                            "HR officers set only the project award of %(projects)s; "
                            "ask the project lead to change the rest (%(fields)s).",
                            projects=", ".join(self.mapped("display_name")),
                            fields=", ".join(sorted(others)),
                        )
                    )
        if "ops_member_ids" in vals:
            # The team's shares are checked once every line is written.
            with award_shares_deferred(self):
                res = super().write(vals)
            return res
        return super().write(vals)

    @api.model
    def _ops_may_set_award(self):
        user = self.env.user
        return (
            self.env.su
            or user.has_group("ops_org.ops_org_group_hr")
            or user.has_group("ops_org.ops_org_group_leadership")
        )

    @api.model
    def _ops_check_award_rights(self, projects):
        if not self._ops_may_set_award():
            raise AccessError(
                self.env._(
                    "Only HR or Leadership set the project award (%(projects)s), "
                    "not the project lead or the team.",
                    projects=projects,
                )
            )

    def _ops_check_award_shares(self):
        for project in self.sudo():
            shares = project.ops_member_ids.mapped("award_share")
            total = sum(shares)
            if any(shares) and float_compare(total, 100.0, precision_digits=2):
                raise ValidationError(
                    self.env._(
                        "Project %(project)s: the award shares of the team add up to "
                        "%(total)s %%; they must add up to 100 %% or all be zero (the "
                        "award is then split equally among the members who are employees).",
                        project=project.display_name,
                        total=float_repr(total, 2),
                    )
                )

    def _ops_award_split(self):
        """{project id: {user id: fraction of the project award}} for the
        team of each project: the members' award shares, or, when they are
        all zero, equal parts for the members who have an employee. Reads
        the team and the employees of the whole batch at once."""
        split = {}
        for project in self.sudo():
            members = project.ops_member_ids
            if any(members.mapped("award_share")):
                split[project.id] = {
                    member.user_id.id: member.award_share / 100.0 for member in members
                }
                continue
            paid = members.filtered(lambda m: m.user_id.employee_ids)
            split[project.id] = {
                member.user_id.id: (1.0 / len(paid) if member in paid else 0.0)
                for member in members
            }
        return split
