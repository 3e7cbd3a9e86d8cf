# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.ops_org.tests.common import run_migration

from .test_ops_training_rules import TrainingRulesCommon

MODELS = ("ops.career.position", "ops.development.plan", "ops.training.enrolment")


@tagged("post_install", "-at_install", "ops_migration")
class TestTrainingMigration(TrainingRulesCommon):
    """18.0.1.1.0 post-migration on a database holding what 18.0.1.0.1 left:
    managers stored by the old rule (the employee's manager, else their
    department's head — the head being their own manager)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head_records = {
            "ops.career.position": cls.position(cls.emp_head),
            "ops.development.plan": cls.env["ops.development.plan"].create(
                {"employee_id": cls.emp_head.id, "goal": "Head of QA"}
            ),
            "ops.training.enrolment": cls.env["ops.training.enrolment"].create(
                {"session_id": cls.training_session.id, "employee_id": cls.emp_head.id}
            ),
        }

    def _old_shape(self):
        self.env.flush_all()
        for name in MODELS:
            record = self.head_records[name]
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET manager_user_id = %s WHERE id = %s",
                    SQL.identifier(record._table),
                    self.user_head.id,
                    record.id,
                )
            )
        self.env.invalidate_all()
        for record in self.head_records.values():
            self.assertEqual(record.manager_user_id, self.user_head)

    def test_heads_are_no_longer_their_own_managers(self):
        self._old_shape()
        run_migration(self.env, "ops_training", "18.0.1.1.0", "post", "18.0.1.0.1")
        for name, record in self.head_records.items():
            with self.subTest(model=name):
                self.assertIn(record.manager_user_id, self.user_leader | self.user_leader_2)
        self.assertEqual(self.employee_position.manager_user_id, self.user_head)

    def test_twice_is_harmless_and_fresh_install_skips(self):
        self._old_shape()
        run_migration(self.env, "ops_training", "18.0.1.1.0", "post", None)
        self.assertEqual(self.head_records["ops.career.position"].manager_user_id, self.user_head)
        run_migration(self.env, "ops_training", "18.0.1.1.0", "post", "18.0.1.0.1")
        run_migration(self.env, "ops_training", "18.0.1.1.0", "post", "18.0.1.0.1")
        for record in self.head_records.values():
            self.assertNotEqual(record.manager_user_id, self.user_head)
