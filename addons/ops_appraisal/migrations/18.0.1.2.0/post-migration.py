# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    """Since 18.0.1.2.0 an employee without a supervisor (a head at the top
    of the departments, an employee with neither manager nor department) is
    evaluated by the head above, or a member of Leadership
    (``hr.employee._ops_manager_users``). Appraisals of cycles still in
    draft or evaluation that were generated without a supervisor get theirs
    and the supervisor's evaluation to give; results past evaluation stay
    as they were scored. It touches nothing twice.

    The new appeal fields need nothing: appeals decided before keep their
    decision, without who decided it."""
    appraisals = env["ops.appraisal"].search(
        [("cycle_id.state", "in", ("draft", "open")), ("supervisor_user_id", "=", False)]
    )
    vals = []
    for appraisal in appraisals:
        supervisor = appraisal.employee_id._ops_manager_users()[:1]
        if not supervisor:
            continue
        appraisal.supervisor_user_id = supervisor
        if not appraisal.evaluation_ids.filtered(lambda e: e.role == "supervisor"):
            vals.append(
                {
                    "appraisal_id": appraisal.id,
                    "rater_user_id": supervisor.id,
                    "role": "supervisor",
                }
            )
    env["ops.appraisal.evaluation"].create(vals)
    env.flush_all()
