# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """Since 18.0.1.1.0 an appraisal has no grade while raters are still
    evaluating (and so no promotion priority). 18.0.1.0.0 graded the
    partial scores of cycles in draft or evaluation, and the new rule only
    applies when a score changes: recompute those appraisals so that they
    lose their grade. 18.0.1.1.0 shipped without this step, so it runs for
    databases coming from either version; it touches nothing twice.

    The new stored fields need nothing here: the ORM fills the reminder
    days with their default and computes ``customer_facing`` and
    ``promotion_priority`` for the existing appraisals when it adds the
    columns."""
    appraisals = (
        env["ops.appraisal"]
        .with_context(active_test=False)
        .search([("cycle_id.state", "in", ("draft", "open")), ("grade_id", "!=", False)])
    )
    if appraisals:
        for fname in ("final_score", "grade_id", "promotion_priority"):
            env.add_to_compute(appraisals._fields[fname], appraisals)
        env.flush_all()
