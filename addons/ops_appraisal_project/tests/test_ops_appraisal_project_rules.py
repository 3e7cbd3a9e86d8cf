# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 15: the project award and each member's share of it are decisions
about the team; nobody on the team takes them for themselves. The team's
shares are checked whatever the caller puts in the context."""

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.ops_org.tests.common import OPS_DECISION_CASES, ops_user

from . import ops_cases  # noqa: F401 - fills the registries
from .common import AppraisalProjectCommon


@tagged("post_install", "-at_install", "ops_access")
class TestProjectAwardRules(AppraisalProjectCommon):
    def _join(self, user, project=None):
        return self.env["ops.project.member"].create(
            {"project_id": (project or self.project).id, "user_id": user.id}
        )

    def test_hr_on_the_team_cannot_set_the_award(self):
        self._join(self.user_hr)
        self.assertRefused(
            self.project.with_user(self.user_hr).write, {"ops_award_amount": 50000.0}
        )
        self.assertEqual(self.project.ops_award_amount, 0.0)
        # HR off the team sets it.
        hr_2 = ops_user(self.env, "ops_hr_2", "ops_org.ops_org_group_hr", self.company)
        self.project.with_user(hr_2).write({"ops_award_amount": 5000.0})
        self.assertEqual(self.project.ops_award_amount, 5000.0)

    def test_leader_cannot_join_the_team_and_set_the_award_at_once(self):
        self.assertRefused(
            self.project.with_user(self.user_leader).write,
            {
                "ops_award_amount": 50000.0,
                "ops_member_ids": [Command.create({"user_id": self.user_leader.id})],
            },
        )
        self.assertEqual(self.project.ops_award_amount, 0.0)
        self.assertNotIn(self.user_leader, self.project.ops_member_ids.user_id)

    def test_nobody_joins_a_team_whose_award_is_set(self):
        self.set_award(10000.0)
        Member = self.env["ops.project.member"].with_user(self.user_leader)
        self.assertRefused(
            Member.create, {"project_id": self.project.id, "user_id": self.user_leader.id}
        )
        self.assertNotIn(self.user_leader, self.project.ops_member_ids.user_id)
        # Leadership puts someone else on the team.
        Member.create({"project_id": self.project.id, "user_id": self.user_outsider.id})
        self.assertIn(self.user_outsider, self.project.ops_member_ids.user_id)

    def test_lead_on_the_team_cannot_set_their_own_share(self):
        own = self._join(self.user_lead)
        first, second = self.project.ops_member_ids - own
        project = self.project.with_user(self.user_lead)
        self.assertRefused(
            project.write,
            {
                "ops_member_ids": [
                    Command.update(own.id, {"award_share": 100.0}),
                    Command.update(first.id, {"award_share": 0.0}),
                ]
            },
        )
        self.assertRefused(own.with_user(self.user_lead).write, {"award_share": 100.0})
        self.assertEqual(own.award_share, 0.0)
        # The shares of the others are theirs to give.
        project.write(
            {
                "ops_member_ids": [
                    Command.update(first.id, {"award_share": 60.0}),
                    Command.update(second.id, {"award_share": 40.0}),
                ]
            }
        )
        self.assertEqual((first.award_share, second.award_share), (60.0, 40.0))

    def test_a_context_key_does_not_skip_the_team_check(self):
        member = self.project.ops_member_ids[0].with_user(self.user_lead)
        with self.assertRaises(ValidationError) as caught:
            member.with_context(ops_award_share_deferred=True).write({"award_share": 50.0})
        self.assertIn("add up to 50.00 %", str(caught.exception))
        self.assertEqual(self.project.ops_member_ids.mapped("award_share"), [0.0, 0.0])

    def test_a_team_written_through_another_project_is_checked_too(self):
        # Written through the first project's team, a member of a second
        # project is checked with the second project's team.
        second = self.env["project.project"].create(
            {"name": "Podcast", "user_id": self.user_lead.id}
        )
        other = self._join(self.user_member, second)
        self._join(self.user_member_2, second)
        with self.assertRaises(ValidationError) as caught:
            self.project.with_user(self.user_lead).write(
                {"ops_member_ids": [Command.update(other.id, {"award_share": 50.0})]}
            )
        self.assertIn("Podcast", str(caught.exception))
        self.assertEqual(other.award_share, 0.0)

    def test_cases_refused_to_the_team_member(self):
        for key in (
            ("project.project", "field:ops_award_amount"),
            ("ops.project.member", "field:award_share"),
        ):
            with self.subTest(case=key):
                self.assertRefused(OPS_DECISION_CASES[key](self))
