# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 16, as the users who found it: what belongs to a secret project
(tasks and their chatter, milestones, updates, gates, gate decisions,
deliverables, checklists, change requests, the team) is covered by the
project's rule through ``_ops_classified_by``, on every path a client can
call; a project classified later keeps its classifier and the officers."""

import unittest

from odoo.exceptions import AccessError
from odoo.modules.registry import Registry
from odoo.tests import get_db_name, tagged

from odoo.addons.ops_confidentiality.tests.common import ConfidentialityCommon
from odoo.addons.ops_project_lifecycle.tests.common import LifecycleCommon

PROJECT_USER = "project.group_project_user"
PROJECT_MANAGER = "project.group_project_manager"


class FollowersAssertions:
    """The paths a client reads records by (ORM and web client), asserted
    for one user: nothing of ``records`` reaches them, or all of it."""

    def _model(self, user, records):
        # What was written as superuser is not what the user reads.
        self.env.flush_all()
        self.env.invalidate_all()
        return self.env[records._name].with_user(user)

    def _searchable(self, Model, names):
        # A model without a name (a team member, a gate decision) has no
        # name search: it would return every record.
        return names if (Model._rec_names_search or Model._rec_name) else ()

    def _group_ids(self, Model, groupby):
        groups = Model.read_group([], [groupby], [groupby], lazy=False)
        web = Model.web_read_group([], [groupby], [groupby], lazy=False)["groups"]
        return {g[groupby][0] for g in groups + web if g[groupby]}

    def assertHidden(self, user, records, fnames, names=(), groupby=None, group_value=None):
        """``user`` gets nothing of ``records``: not by searching, reading,
        grouping, name search, the web client's reads, nor by exporting."""
        self.assertTrue(records)
        Model = self._model(user, records)
        domain = [("id", "in", records.ids)]
        self.assertFalse(Model.search(domain))
        self.assertEqual(Model.search_count(domain), 0)
        self.assertFalse(Model.search_read(domain, fnames))
        web = Model.web_search_read(domain, {fname: {} for fname in fnames})
        self.assertEqual((web["length"], web["records"]), (0, []))
        self.assertFalse(Model.read_group(domain, [], [])[0]["__count"])
        for name in self._searchable(Model, names):
            found = {rid for rid, _name in Model.name_search(name, limit=1000)}
            self.assertFalse(found & set(records.ids), f"name_search({name!r})")
        if groupby:
            self.assertNotIn(group_value.id, self._group_ids(Model, groupby))
        for record in records:
            with self.assertRaises(AccessError):
                record.with_user(user).read(fnames)
            with self.assertRaises(AccessError):
                record.with_user(user).web_read({fname: {} for fname in fnames})
        with self.assertRaises(AccessError):
            records.with_user(user).export_data(fnames)

    def assertSeen(self, user, records, fnames, names=(), groupby=None, group_value=None):
        """``user`` gets every record of ``records`` on the same paths."""
        self.assertTrue(records)
        Model = self._model(user, records)
        domain = [("id", "in", records.ids)]
        self.assertEqual(Model.search(domain), records)
        self.assertEqual(len(Model.search_read(domain, fnames)), len(records))
        web = Model.web_search_read(domain, {fname: {} for fname in fnames})
        self.assertEqual(web["length"], len(records))
        for name in self._searchable(Model, names):
            found = {rid for rid, _name in Model.name_search(name, limit=1000)}
            self.assertTrue(found & set(records.ids), f"name_search({name!r})")
        if groupby:
            self.assertIn(group_value.id, self._group_ids(Model, groupby))
        self.assertEqual(len(records.with_user(user).read(fnames)), len(records))
        self.assertEqual(
            len(records.with_user(user).web_read({f: {} for f in fnames})), len(records)
        )
        self.assertEqual(len(records.with_user(user).export_data(fnames)["datas"]), len(records))


@tagged("post_install", "-at_install", "ops_access")
class TestSecretProjectTasks(FollowersAssertions, ConfidentialityCommon):
    """The tasks, milestones and updates of a secret project, and the
    chatter of its tasks: ``user_leader`` (Project Administrator, no
    clearance) and ``user_cleared_other`` (secret clearance, not on the
    list) get none of it, ``user_cleared`` (cleared, on the list) all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        project_user = cls.env.ref(PROJECT_USER)
        (cls.user_cleared | cls.user_cleared_other).groups_id |= project_user
        cls.user_leader.groups_id |= cls.env.ref(PROJECT_MANAGER)
        cls.project = cls.env["project.project"].create(
            {
                "name": "Unannounced game trailer",
                "privacy_visibility": "employees",
                "ops_level": "secret",
                "ops_category": "trade_secret",
                "ops_need_to_know_user_ids": [(6, 0, cls.user_cleared.ids)],
            }
        )
        cls.open_project = cls.env["project.project"].create(
            {"name": "Company blog", "privacy_visibility": "employees"}
        )
        cls.task = cls.env["project.task"].create(
            {
                "name": "Storyboard of the trailer",
                "project_id": cls.project.id,
                "description": "<p>Release on 1 March with the studio partner.</p>",
            }
        )
        cls.subtask = cls.env["project.task"].create(
            {
                "name": "Storyboard voice-over",
                "parent_id": cls.task.id,
                "project_id": cls.project.id,
            }
        )
        cls.open_task = cls.env["project.task"].create(
            {"name": "Storyboard of the blog post", "project_id": cls.open_project.id}
        )
        cls.message = cls.task.message_post(
            body="The partner studio signs on Friday.",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        cls.milestone = cls.env["project.milestone"].create(
            {"name": "Trailer locked", "project_id": cls.project.id}
        )
        cls.update = cls.env["project.update"].create(
            {
                "name": "Trailer status",
                "project_id": cls.project.id,
                "status": "at_risk",
                "description": "<p>The partner hesitates.</p>",
            }
        )

    def test_tasks_of_a_secret_project_hidden(self):
        tasks = self.task | self.subtask
        self.assertEqual(self.subtask.project_id, self.project)
        for user in (self.user_leader, self.user_cleared_other):
            with self.subTest(user=user.login):
                self.assertHidden(
                    user,
                    tasks,
                    ["name", "description", "project_id", "stage_id"],
                    names=("Storyboard", "trailer"),
                    groupby="project_id",
                    group_value=self.project,
                )
                # The open project's task is still theirs.
                Task = self.env["project.task"].with_user(user)
                self.assertEqual(Task.search([("name", "ilike", "Storyboard")]), self.open_task)

    def test_task_chatter_of_a_secret_project_hidden(self):
        Message = self.env["mail.message"]
        domain = [("model", "=", "project.task"), ("res_id", "=", self.task.id)]
        self.assertIn(self.message, Message.search(domain))
        for user in (self.user_leader, self.user_cleared_other):
            with self.subTest(user=user.login):
                self.env.invalidate_all()
                self.assertFalse(Message.with_user(user).search_read(domain, ["body"]))
                self.assertFalse(Message.with_user(user)._message_fetch(domain)["messages"])
                self.assertFalse(
                    self.env["project.task"].with_user(user)._get_thread_with_access(self.task.id)
                )
                with self.assertRaises(AccessError):
                    self.message.with_user(user).read(["body"])
                with self.assertRaises(AccessError):
                    self.message.with_user(user).web_read({"body": {}})

    def test_milestones_and_updates_of_a_secret_project_hidden(self):
        for user in (self.user_leader, self.user_cleared_other):
            with self.subTest(user=user.login):
                self.assertHidden(
                    user,
                    self.milestone,
                    ["name", "project_id", "deadline"],
                    names=("Trailer locked",),
                    groupby="project_id",
                    group_value=self.project,
                )
                self.assertHidden(
                    user,
                    self.update,
                    ["name", "status", "description", "project_id"],
                    names=("Trailer status",),
                    groupby="project_id",
                    group_value=self.project,
                )

    def test_cleared_need_to_know_user_gets_them_all(self):
        user = self.user_cleared
        self.assertSeen(
            user,
            self.task | self.subtask,
            ["name", "description", "project_id", "stage_id"],
            names=("Storyboard",),
            groupby="project_id",
            group_value=self.project,
        )
        for record, fnames in (
            (self.milestone, ["name", "project_id"]),
            (self.update, ["name", "status", "description"]),
        ):
            self.assertSeen(user, record, fnames, names=(record.name,))
        domain = [("model", "=", "project.task"), ("res_id", "=", self.task.id)]
        Message = self.env["mail.message"].with_user(user)
        self.assertIn(self.message, Message._message_fetch(domain)["messages"])
        self.assertIn(self.message.id, [m["id"] for m in Message.search_read(domain, ["body"])])

    def test_classifier_and_officer_keep_a_project_classified_later(self):
        # A cleared project administrator classifies a running project
        # secret without naming who needs to know it: they and the
        # (cleared) confidentiality officer still read it and its tasks.
        self.cleared_employee(self.user_officer, "secret")
        classifier = self.user_cleared
        classifier.groups_id |= self.env.ref(PROJECT_MANAGER)
        self.open_project.with_user(classifier).write({"ops_level": "secret"})
        self.assertEqual(self.open_project.ops_level, "secret")
        self.assertLessEqual(
            classifier | self.user_officer, self.open_project.ops_need_to_know_user_ids
        )
        for user in (classifier, self.user_officer):
            with self.subTest(user=user.login):
                Project = self._model(user, self.open_project)
                self.assertEqual(
                    Project.search([("id", "=", self.open_project.id)]), self.open_project
                )
                self.assertTrue(self.open_project.with_user(user).read(["name"]))
        self.assertSeen(classifier, self.open_task, ["name", "project_id"])
        for user in (self.user_leader, self.user_cleared_other):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._model(user, self.open_project).browse(self.open_project.id).read(["name"])
                self.assertHidden(user, self.open_task, ["name", "project_id"])


@tagged("post_install", "-at_install", "ops_access")
class TestSecretProjectLifecycle(FollowersAssertions, LifecycleCommon):
    """The lifecycle of a secret project in development: its gates (with
    their decisions and the deliverables they snapshot), deliverables,
    pre-launch checks, change requests and team. ``user_leader``
    (Leadership: every gate otherwise, no clearance) and ``user_member`` (on
    the team, secret clearance, not on the list) get none of it;
    ``user_member_2`` (on the team, cleared, on the list) gets all of it."""

    cleared_employee = classmethod(ConfidentialityCommon.cleared_employee.__func__)

    @classmethod
    def setUpClass(cls):
        # ops_confidentiality_project does not depend on the lifecycle.
        if "ops.project.gate" not in Registry(get_db_name()):
            raise unittest.SkipTest("ops_project_lifecycle is not installed")
        super().setUpClass()
        # They export what they read (the export is one of the paths).
        (cls.user_leader | cls.user_member | cls.user_member_2).groups_id |= cls.env.ref(
            "base.group_allow_export"
        )
        cls.cleared_employee(cls.user_member, "secret")
        cls.cleared_employee(cls.user_member_2, "secret")
        # Walked while internal, then classified: every kind of record that
        # belongs to it exists by then.
        cls.project._ops_demo_walk_to("development")
        cls.project.write(
            {
                "ops_level": "secret",
                "ops_category": "trade_secret",
                "ops_need_to_know_user_ids": [(6, 0, cls.user_member_2.ids)],
            }
        )
        cls.gates = cls.project.ops_gate_ids
        cls.decisions = cls.gates.decision_ids
        cls.deliverables = cls.env["ops.project.deliverable"].search(
            [("project_id", "=", cls.project.id)]
        )
        cls.checks = cls.env["ops.project.checklist.line"].create(
            [
                {"deliverable_id": cls.deliverables[0].id, "name": "Store listing approved"},
                {"deliverable_id": cls.deliverables[0].id, "name": "Embargo agreed"},
            ]
        )
        cls.change = cls.env["ops.project.change.request"].create(
            {
                "name": "Add live comments",
                "project_id": cls.project.id,
                "description": "<p>Viewers comment during playback.</p>",
                "reason": "The partner asks for it",
                "impact_schedule_days": 5,
                "impact_cost": 48000.0,
            }
        )
        cls.members = cls.project.ops_member_ids
        # An open project, with its own gate, that everyone still sees.
        cls.open_project = cls.env["project.project"].create(
            {"name": "Company blog", "privacy_visibility": "employees"}
        )

    def _cases(self):
        return (
            (self.gates, ["project_id", "phase_id", "state", "project_user_id"]),
            (
                self.decisions,
                ["project_id", "decision", "comment", "deliverable_snapshot", "user_id"],
            ),
            (self.deliverables, ["name", "project_id", "gate_id", "type_id"]),
            (self.checks, ["name", "done", "deliverable_id"]),
            (self.change, ["name", "project_id", "description", "reason", "impact_cost"]),
            (self.members, ["project_id", "user_id", "role"]),
        )

    def test_lifecycle_fixture(self):
        self.assertEqual(self.project.ops_phase, "development")
        self.assertEqual(self.project.ops_level, "secret")
        self.assertGreaterEqual(len(self.gates), 4)
        self.assertIn("submitted", self.decisions.mapped("decision"))
        self.assertTrue(any(self.decisions.mapped("deliverable_snapshot")))
        self.assertLessEqual(self.user_member | self.user_member_2, self.members.user_id)

    def test_lifecycle_of_a_secret_project_hidden(self):
        for user in (self.user_leader, self.user_member):
            for records, fnames in self._cases():
                with self.subTest(user=user.login, model=records._name):
                    self.assertHidden(
                        user,
                        records,
                        fnames,
                        names=(self.project.name, records[0].display_name),
                        groupby="project_id" if "project_id" in records._fields else None,
                        group_value=self.project,
                    )

    def test_gates_grouped_by_project_without_the_secret_one(self):
        Gate = self.env["ops.project.gate"].with_user(self.user_leader)
        self.env.invalidate_all()
        groups = Gate.read_group([], ["project_id"], ["project_id"])
        projects = {g["project_id"][0] for g in groups if g["project_id"]}
        self.assertIn(self.open_project.id, projects)
        self.assertNotIn(self.project.id, projects)

    def test_cleared_need_to_know_member_gets_them_all(self):
        for records, fnames in self._cases():
            with self.subTest(model=records._name):
                self.assertSeen(
                    self.user_member_2,
                    records,
                    fnames,
                    groupby="project_id" if "project_id" in records._fields else None,
                    group_value=self.project,
                )
