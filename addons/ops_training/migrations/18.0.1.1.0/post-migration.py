# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade

_TEAM_MODELS = (
    "ops.career.position",
    "ops.development.plan",
    "ops.training.enrolment",
    "ops.training.need",
)


@openupgrade.migrate()
def migrate(env, version):
    """18.0.1.1.0 takes an employee's manager from the one rule of the
    suite (``hr.employee._ops_manager_users``): a head of department is no
    longer their own manager, and an employee without one has the head
    above, or Leadership. The stored managers (which the record rules read)
    are computed again."""
    for name in _TEAM_MODELS:
        Model = env[name].with_context(active_test=False)
        records = Model.search([])
        env.add_to_compute(Model._fields["manager_user_id"], records)
        env.add_to_compute(Model._fields["department_id"], records)
    env.flush_all()
