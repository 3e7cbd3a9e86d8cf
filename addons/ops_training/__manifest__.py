# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "OPS Training",
    "summary": "Onboarding, job-skill and conduct training with evaluations, "
    "dual career tracks and development plans",
    "version": "18.0.1.2.0",
    "category": "Human Resources",
    "website": "https://github.com/ops-suite/ops-suite",
    "author": "Ops Suite",
    "maintainers": ["ops-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["hr", "hr_skills", "mail", "survey", "ops_org", "ops_appraisal"],
    "external_dependencies": {"python": ["openupgradelib"]},
    "data": [
        "security/ir.model.access.csv",
        "security/ops_training_security.xml",
        "data/ops_training_data.xml",
        "views/ops_training_programme_views.xml",
        "views/ops_training_session_views.xml",
        "views/ops_training_enrolment_views.xml",
        "views/ops_training_evaluation_views.xml",
        "views/ops_training_need_views.xml",
        "views/ops_career_track_views.xml",
        "views/ops_career_position_views.xml",
        "views/ops_career_promotion_views.xml",
        "views/ops_development_plan_views.xml",
        "views/hr_employee_views.xml",
        "views/ops_training_menus.xml",
    ],
    "demo": ["demo/ops_training_demo.xml"],
    "assets": {
        "web.assets_tests": ["ops_training/static/tests/tours/**/*"],
    },
}
