# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Classification follows ownership (SPEC §5.1), proved by walking the
registry: a model added tomorrow that links to a classified record is caught
here, not by a reviewer.

* every model with a many2one to a classified model (or to a model that
  follows one) follows it through ``_ops_classified_by``, or is declared
  unclassified with a reason in ``OPS_UNCLASSIFIED``;
* every model that follows one has its rule, owned by the addon that
  classifies the record at the end of its path;
* for each of them, a record under a secret record is refused on every read
  path (search, search_read, read, read_group, name_search, export_data,
  web_read, web_search_read, its chatter, ``/web/content`` of its file) to a
  user without clearance and to a cleared user not on the need-to-know list
  — both holding every role — and given on each to a cleared user who needs
  to know; its file is encrypted at rest.
"""

from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.ops_confidentiality.models.base import OPS_UNCLASSIFIED
from odoo.addons.ops_org.tests.common import OPS_TEST_CONTEXT, ops_user, run_migration

from .test_suite_rules import OPS_ROLES

# Every role but the confidentiality officer's (officers need to know every
# record classified, by default), and the stock managers' groups.
ROLES = ",".join(
    [role for role in OPS_ROLES if role != "ops_org.ops_org_group_confidentiality"]
    + [
        "base.group_allow_export",
        "base.group_system",
        "project.group_project_manager",
        "account.group_account_manager",
        "hr.group_hr_manager",
    ]
)
PLAIN = b"ops-walk plaintext that must never be stored"


@tagged("post_install", "-at_install")
class TestClassificationFollowsOwnership(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **OPS_TEST_CONTEXT))
        cls.outsider = ops_user(cls.env, "walk_outsider", ROLES)
        cls.cleared_outsider = ops_user(cls.env, "walk_cleared_outsider", ROLES)
        cls.insider = ops_user(cls.env, "walk_insider", ROLES)
        for user in (cls.cleared_outsider, cls.insider):
            employee = cls.env["hr.employee"].create({"name": user.name, "user_id": user.id})
            cls.env["ops.nda"].create(
                {"employee_id": employee.id, "date_signed": date.today() - timedelta(days=30)}
            )
            employee.ops_clearance = "secret"
        cls.env["hr.employee"].create({"name": cls.outsider.name, "user_id": cls.outsider.id})

    # -- the registry ----------------------------------------------------------

    def _models(self):
        for name in sorted(self.env.registry):
            Model = self.env[name]
            if not Model._abstract and not Model._transient:
                yield name, Model

    def _followers(self):
        """{model: path} of every model that follows a classified one."""
        return {
            name: Model._ops_classification_path()
            for name, Model in self._models()
            if Model._ops_classification_path()
        }

    def test_every_link_to_a_classified_record_is_followed_or_declared(self):
        missing = []
        for name, Model in self._models():
            if Model._ops_classification_model() or name in OPS_UNCLASSIFIED:
                continue
            for field in Model._fields.values():
                if (
                    field.type == "many2one"
                    and field.store
                    and self.env[field.comodel_name]._ops_classification_model()
                ):
                    missing.append(f"{name}.{field.name} → {field.comodel_name}")
        self.assertFalse(
            missing,
            "These link to a classified record without following it (declare "
            "_ops_classified_by, or add the model to OPS_UNCLASSIFIED with the reason)",
        )
        for name, reason in OPS_UNCLASSIFIED.items():
            self.assertGreater(len(reason), 40, f"{name}: say why it is not classified")
        # The walk has something to walk: the suite's own followers.
        self.assertLessEqual(
            {"project.task", "ops.project.gate", "ops.appraisal.bonus.line", "ops.budget.line"},
            set(self._followers()),
        )

    def test_every_follower_has_the_rule_of_its_classified_record(self):
        Mixin = self.env["ops.confidentiality.mixin"]
        for name, Model in self._models():
            root = Model._ops_classification_model()
            if not root:
                continue
            with self.subTest(model=name):
                module = Mixin._ops_classifying_module(root)
                rule = self.env.ref(
                    f"{module}.ops_confidentiality_rule_{name.replace('.', '_')}",
                    raise_if_not_found=False,
                )
                self.assertTrue(rule, f"{name} has no confidentiality rule")
                self.assertEqual(rule.model_id.model, name)
                self.assertTrue(rule["global"] and rule.perm_read and not rule.groups)
                path = Model._ops_classification_path()
                for fname in path.split(".") if path else ():
                    self.assertIn(f"('{fname}', 'any'", rule.domain_force)

    # -- every read path, for every follower -------------------------------------

    def _sample(self, name, Model, path):
        """A record of ``name`` under a classified record: one from the demo
        data, else one built here."""
        record = Model.browse()
        if name not in self.OWN_RECORDS:
            record = Model.with_context(active_test=False).search([(path, "!=", False)], limit=1)
        if not record and name in self.BUILDERS:
            record = getattr(self, self.BUILDERS[name])()
        return record

    # Records only their owner reads whatever their classification: the
    # insider's own is built.
    OWN_RECORDS = ("project.task.stage.personal",)
    BUILDERS = {
        "ops.project.checklist.line": "_build_checklist_line",
        "ops.appraisal.improvement.checkin": "_build_checkin",
        "ops.training.need": "_build_training_need",
        "ops.budget.adjustment": "_build_adjustment",
        "ops.budget.adjustment.line": "_build_adjustment_line",
        "ops.document.destruction": "_build_destruction",
        "project.collaborator": "_build_collaborator",
        "project.task.stage.personal": "_build_personal_stage",
    }

    def _any(self, model, domain=()):
        return self.env[model].with_context(active_test=False).search(list(domain), limit=1)

    def _build_checklist_line(self):
        deliverable = self._any("ops.project.deliverable")
        return self.env["ops.project.checklist.line"].create(
            {"deliverable_id": deliverable.id, "name": "Pre-launch check"}
        )

    def _build_checkin(self):
        plan = self._any("ops.appraisal.improvement.plan")
        return self.env["ops.appraisal.improvement.checkin"].create(
            {"plan_id": plan.id, "note": "Progress reviewed", "progress": 40}
        )

    def _build_training_need(self):
        appraisal = self._any("ops.appraisal", [("employee_id", "!=", False)])
        return self.env["ops.training.need"].create(
            {
                "name": "Negotiation",
                "employee_id": appraisal.employee_id.id,
                "appraisal_id": appraisal.id,
                "source": "appraisal",
            }
        )

    def _build_adjustment(self):
        line = self._any("ops.budget.line", [("budget_id.state", "=", "approved")])
        return self.env["ops.budget.adjustment"].create(
            {
                "budget_id": line.budget_id.id,
                "department_id": line.department_id.id,
                "reason": self.env["ops.budget.adjustment"]._fields["reason"].selection[0][0],
                "explanation": "<p>More footage to licence</p>",
            }
        )

    def _build_adjustment_line(self):
        adjustment = self._build_adjustment()
        line = self._any("ops.budget.line", [("budget_id", "=", adjustment.budget_id.id)])
        return self.env["ops.budget.adjustment.line"].create(
            {"adjustment_id": adjustment.id, "budget_line_id": line.id, "amount": 100.0}
        )

    def _build_destruction(self):
        document = self._any("ops.document")
        return self.env["ops.document.destruction"].create(
            {"document_id": document.id, "reason": "Retention period over"}
        )

    def _build_collaborator(self):
        project = self._any("project.project")
        partner = self.env["res.partner"].create({"name": "Walk Portal Partner"})
        return self.env["project.collaborator"].create(
            {"project_id": project.id, "partner_id": partner.id}
        )

    def _build_personal_stage(self):
        # A personal stage is its owner's: the insider's own, on a task.
        task = self._any("project.task", [("project_id", "!=", False)])
        stage = self.env["project.task.type"].create(
            {"name": "Walk inbox", "user_id": self.insider.id}
        )
        return self.env["project.task.stage.personal"].create(
            {"task_id": task.id, "user_id": self.insider.id, "stage_id": stage.id}
        )

    def _classify(self, record):
        """Make the record ``record`` follows secret, known to the insider only."""
        roots = record._ops_classification_roots()
        self.assertTrue(roots, f"{record._name}: the sample follows nothing")
        for root in roots:
            root.write({"ops_level": "secret"})
            root.write({"ops_need_to_know_user_ids": [Command.set(self.insider.ids)]})
            root.write({"ops_need_to_know_department_ids": [Command.clear()]})
        self.env.flush_all()

    def _refused_everywhere(self, user, record, attachment, message):
        Model = self.env[record._name].with_user(user).with_context(active_test=False)
        domain = [("id", "=", record.id)]
        self.assertFalse(Model.search(domain))
        self.assertFalse(Model.search_read(domain, ["display_name"]))
        self.assertEqual(Model._read_group(domain, aggregates=["__count"]), [(0,)])
        self.assertEqual(Model.read_group(domain, ["__count"], [])[0]["__count"], 0)
        self.assertFalse(Model.name_search("", args=domain))
        result = Model.web_search_read(domain, {"display_name": {}})
        self.assertEqual((result["length"], result["records"]), (0, []))
        with self.assertRaises(AccessError):
            record.with_user(user).read(["display_name"])
        with self.assertRaises(AccessError):
            record.with_user(user).web_read({"display_name": {}})
        with self.assertRaises(AccessError):
            record.with_user(user).export_data(["display_name"])
        if message:
            messages = self.env["mail.message"].with_user(user)
            self.assertFalse(messages.search([("id", "=", message.id)]))
            with self.assertRaises(AccessError):
                message.with_user(user).read(["body"])
        if attachment:
            with self.assertRaises(AccessError):
                attachment.with_user(user).read(["raw"])
            self.authenticate(user.login, user.login)
            with mute_logger("odoo.http"):
                response = self.url_open(f"/web/content/{attachment.id}?download=true")
            self.assertNotEqual(response.status_code, 200)
            self.assertNotIn(PLAIN, response.content)

    def _given_everywhere(self, user, record, attachment, message):
        Model = self.env[record._name].with_user(user).with_context(active_test=False)
        domain = [("id", "=", record.id)]
        self.assertEqual(Model.search(domain), record)
        self.assertEqual(len(Model.search_read(domain, ["display_name"])), 1)
        self.assertEqual(Model._read_group(domain, aggregates=["__count"]), [(1,)])
        self.assertEqual(len(Model.name_search("", args=domain)), 1)
        self.assertEqual(Model.web_search_read(domain, {"display_name": {}})["length"], 1)
        self.assertTrue(record.with_user(user).read(["display_name"]))
        self.assertTrue(record.with_user(user).web_read({"display_name": {}}))
        self.assertTrue(record.with_user(user).export_data(["display_name"])["datas"])
        if message:
            self.assertTrue(
                self.env["mail.message"].with_user(user).search([("id", "=", message.id)])
            )
        if attachment:
            self.assertEqual(attachment.with_user(user).raw, PLAIN)
            self.authenticate(user.login, user.login)
            response = self.url_open(f"/web/content/{attachment.id}?download=true")
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.content, PLAIN)

    def test_a_record_under_a_secret_record_is_refused_on_every_path(self):
        walked = []
        for name, path in self._followers().items():
            Model = self.env[name]
            with self.subTest(model=name):
                record = self._sample(name, Model, path)
                self.assertTrue(
                    record,
                    f"{name}: no demo record and no builder in BUILDERS: add one so the walk "
                    "proves its rule",
                )
                record = record[:1]
                self._classify(record)
                attachment = message = None
                if Model._auto:
                    attachment = self.env["ir.attachment"].create(
                        {"name": "walk.txt", "raw": PLAIN, "res_model": name, "res_id": record.id}
                    )
                    self.assertTrue(attachment.ops_encrypted, f"{name}: file not encrypted")
                    stored = attachment.sudo().with_context(bin_size=False)
                    if stored.store_fname:
                        with open(stored._full_path(stored.store_fname), "rb") as handle:
                            self.assertNotIn(PLAIN, handle.read())
                    if hasattr(record, "message_post"):
                        message = record.message_post(body="walk: secret chatter")
                for user in (self.outsider, self.cleared_outsider):
                    self._refused_everywhere(user, record, attachment, message)
                self._given_everywhere(self.insider, record, attachment, message)
                walked.append(name)
        self.assertGreaterEqual(len(walked), 20)

    def test_a_link_to_a_secret_record_shows_no_name(self):
        """Odoo reads a link's name as superuser: a task the outsider reads,
        whose parent is a task of a secret project, shows that it has a
        parent, never the parent's name."""
        Project, Task = self.env["project.project"], self.env["project.task"]
        secret = Project.create({"name": "Walk Secret Launch"})
        secret.write({"ops_level": "secret"})
        secret.write({"ops_need_to_know_user_ids": [Command.set(self.insider.ids)]})
        parent = Task.create({"name": "Walk Secret Parent", "project_id": secret.id})
        child = Task.create(
            {
                "name": "Walk Child",
                "project_id": Project.create({"name": "Walk Open"}).id,
                "parent_id": parent.id,
            }
        )
        domain = [("id", "=", child.id)]
        for user in (self.outsider, self.cleared_outsider, self.insider):
            with self.subTest(user=user.login):
                tasks = Task.with_user(user)
                names = [
                    child.with_user(user).read(["parent_id"])[0]["parent_id"][1],
                    tasks.search_read(domain, ["parent_id"])[0]["parent_id"][1],
                    child.with_user(user).web_read({"parent_id": {"fields": {"display_name": {}}}})[
                        0
                    ]["parent_id"]["display_name"],
                    tasks.read_group(domain, ["__count"], ["parent_id"])[0]["parent_id"][1],
                ]
                if user == self.insider:
                    self.assertEqual(set(names), {"Walk Secret Parent"})
                else:
                    self.assertNotIn("Walk Secret Parent", " ".join(names))
                    self.assertEqual(len(set(names)), 1)
                    self.assertIn("classified", names[0])

    def test_migration_gives_the_officers_the_records_nobody_could_read(self):
        officer = ops_user(
            self.env,
            "walk_officer",
            "ops_org.ops_org_group_employee,ops_org.ops_org_group_confidentiality",
        )
        employee = self.env["hr.employee"].create({"name": officer.name, "user_id": officer.id})
        self.env["ops.nda"].create(
            {"employee_id": employee.id, "date_signed": date.today() - timedelta(days=30)}
        )
        employee.ops_clearance = "secret"
        project = self.env["project.project"].create({"name": "Walk Lost Project"})
        # As 18.0.1.1.0 left it: secret, nobody on the list.
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE project_project SET ops_level = 'secret', ops_level_rank = 3 WHERE id = %s",
            [project.id],
        )
        project.invalidate_recordset()
        Project = self.env["project.project"].with_user(officer)
        self.assertFalse(Project.search([("id", "=", project.id)]))
        run_migration(self.env, "ops_confidentiality", "18.0.1.2.0", "end", "18.0.1.1.0")
        self.assertEqual(Project.search([("id", "=", project.id)]), project)
        self.assertIn(officer, project.ops_need_to_know_user_ids)
