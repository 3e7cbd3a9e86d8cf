# Run by setup/upgrade.sh in `odoo shell` on the database still holding
# ops_appraisal 18.0.1.0.0: an open cycle whose appraisals are graded from
# their partial score (what 18.0.1.0.0 did), and a published one.
# ruff: noqa: F821 - `env` is given by odoo shell
group = env.ref("ops_org.ops_org_group_employee")
users = env["res.users"].create(
    [
        {"name": f"Upgrade {login}", "login": f"upgrade_{login}", "groups_id": [(6, 0, group.ids)]}
        for login in ("head", "editor")
    ]
)
Employee = env["hr.employee"]
head = Employee.create({"name": "Upgrade Head", "user_id": users[0].id})
department = env["hr.department"].create({"name": "Upgrade Studio", "manager_id": head.id})
head.department_id = department
Employee.create(
    {
        "name": "Upgrade Editor",
        "user_id": users[1].id,
        "department_id": department.id,
        "parent_id": head.id,
    }
)
template = env["ops.appraisal.template"].create(
    {
        "name": "Upgrade template",
        "rating_scale": 5,
        "supervisor_weight": 100,
        "peer_weight": 0,
        "self_weight": 0,
        "customer_weight": 0,
        "criterion_ids": [(0, 0, {"name": "Quality", "group": "performance", "weight": 100})],
    }
)
cycles = env["ops.appraisal.cycle"]
for name, start, end in (
    ("Upgrade open", "2026-10-01", "2026-10-31"),
    ("Upgrade published", "2026-09-01", "2026-09-30"),
):
    cycle = env["ops.appraisal.cycle"].create(
        {
            "name": name,
            "period": "monthly",
            "date_start": start,
            "date_end": end,
            "template_id": template.id,
            "department_ids": [(6, 0, department.ids)],
        }
    )
    cycle.action_generate()
    cycle.action_open()
    evaluations = cycle.appraisal_ids.evaluation_ids.filtered(lambda e: e.role == "supervisor")
    for evaluation in evaluations:
        evaluation = evaluation.with_user(evaluation.rater_user_id)
        evaluation.line_ids.write({"rating": 5})
        evaluation.action_submit()
    cycles |= cycle
cycles[1].action_calibrate()
cycles[1].action_publish()
graded = cycles[0].appraisal_ids.filtered("grade_id")
assert graded, "18.0.1.0.0 grades the partial scores of an open cycle"
print("SEEDED", len(graded), "graded appraisals in the open cycle")
env.cr.commit()
