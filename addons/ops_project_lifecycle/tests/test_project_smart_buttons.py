# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import Form, tagged

from .common import LifecycleCommon

COUNT_FIELDS = ("ops_gate_count", "ops_change_request_count")


@tagged("post_install", "-at_install", "ops_access")
class TestProjectSmartButtons(LifecycleCommon):
    """The project form counts its gates and change requests on smart
    buttons (``_compute_ops_counts``): as each user may see them, in one
    query with every other addon's counts, and each button opens those of
    this project only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other = cls.env["project.project"].create(
            {"name": "Other Project", "privacy_visibility": "employees"}
        )

    def _request(self, project=None):
        return (
            self.env["ops.project.change.request"]
            .with_user(self.user_member)
            .create(
                {
                    "name": "Add live comments",
                    "project_id": (project or self.project).id,
                    "description": "<p>Viewers comment during playback.</p>",
                    "reason": "Marketing feedback",
                }
            )
        )

    def counts(self, user, project=None):
        project = (project or self.project).with_user(user)
        project.invalidate_recordset(COUNT_FIELDS)
        return tuple(project[name] for name in COUNT_FIELDS)

    def test_counts_as_each_user_may_see_them(self):
        self.walk_to("development")
        self._request()
        self._request()
        gates = len(self.project.ops_gate_ids)
        self.assertGreater(gates, 1)
        # The lead and a team member see the gates and the requests; the
        # leadership sees all.
        for user in (self.user_lead, self.user_member, self.user_leader):
            self.assertEqual(self.counts(user), (gates, 2), user.login)
        # An employee outside the team reads the project (visible to all
        # employees) but none of its gates or change requests: nothing to
        # count either (rules ops_project_gate_rule_team, …_change_request_rule_team).
        self.project.with_user(self.user_outsider).check_access("read")
        self.assertEqual(self.counts(self.user_outsider), (0, 0))
        # Another project's records are not counted on this one.
        self.assertEqual(self.counts(self.user_leader, self.other), (1, 0))

    def test_counts_follow_changes_in_the_transaction(self):
        self.walk_to("development")
        self.assertEqual(self.counts(self.user_lead)[1], 0)
        request = self._request()
        self.assertEqual(self.counts(self.user_lead)[1], 1)
        self._request()
        self.assertEqual(self.counts(self.user_lead)[1], 2)
        self.env["ops.project.change.request"].browse(request.id).unlink()
        self.assertEqual(self.counts(self.user_lead)[1], 1)

    def test_all_counts_in_one_query(self):
        self.walk_to("development")
        self._request()
        project = self.project.with_user(self.user_lead)
        count_fields = list(project._ops_count_fields())
        self.assertLessEqual(set(COUNT_FIELDS), set(count_fields))
        project.read(count_fields)  # the rules' and access rows' caches warm
        project.invalidate_recordset(count_fields)
        with self.assertQueryCount(1):
            project.read(count_fields)

    def test_buttons_open_this_projects_records(self):
        self.walk_to("development")
        mine = self._request()
        lead = self.user_lead
        action = self.project.with_user(lead).action_ops_open_gates()
        gates = self.env[action["res_model"]].with_user(lead).search(action["domain"])
        self.assertEqual(gates, self.project.ops_gate_ids)
        self.assertFalse(action["context"]["create"])
        self.assertIn(self.project.name, action["display_name"])
        action = self.project.with_user(lead).action_ops_open_change_requests()
        Request = self.env[action["res_model"]].with_user(self.user_member)
        self.assertEqual(Request.search(action["domain"]), mine)
        # A request created from there belongs to the project.
        with Form(Request.with_context(**action["context"])) as form:
            form.name = "Dark mode"
            form.description = "<p>A dark theme.</p>"
            form.reason = "Viewers asked"
        self.assertEqual(form.record.project_id, self.project)
        self.assertEqual(self.counts(lead)[1], 2)

    def test_form_shows_the_counts(self):
        self.walk_to("development")
        self._request()
        form = Form(self.project.with_user(self.user_lead))
        self.assertEqual(form.ops_gate_count, len(self.project.ops_gate_ids))
        self.assertEqual(form.ops_change_request_count, 1)
