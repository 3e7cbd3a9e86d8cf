# Copyright 2026 Ops Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

DELIVERABLE_KINDS = [
    ("initiation_request", "Initiation Request Form"),
    ("plan", "Project Plan"),
    ("design_draft", "Design Draft"),
    ("design_final", "Final Design"),
    ("development_plan", "Development Plan"),
    ("technical_solution", "Technical Solution"),
    ("test_report", "Test Report"),
    ("launch_plan", "Launch Plan"),
    ("operating_metrics", "Operating Metrics"),
    ("operations_analysis", "Operations Analysis"),
    ("acceptance_report", "Acceptance Request Report"),
    ("closing_review", "Closing Review"),
    ("other", "Other"),
]

# The fields of ops.project.deliverable each kind must have filled in before it
# can be marked done (policy §三(一)).
REQUIRED_FIELDS = {
    "initiation_request": ["background", "objectives", "requirements"],
    "plan": ["objectives", "positioning", "content_plan", "promotion_strategy", "schedule"],
    "design_draft": ["description"],
    "design_final": ["description"],
    "development_plan": ["description", "schedule"],
    "technical_solution": ["description"],
    "test_report": ["functional_result", "performance_result", "compatibility_result"],
    "launch_plan": ["launch_date", "launch_content", "launch_procedure"],
    "operating_metrics": ["metrics_summary"],
    "operations_analysis": ["metrics_summary", "effect_assessment", "recommendations"],
    "acceptance_report": [
        "goal_completion",
        "quality_assessment",
        "technical_indicators",
        "operating_results",
    ],
    "closing_review": ["description", "lessons_learned"],
    "other": [],
}


class OpsProjectDeliverableType(models.Model):
    _name = "ops.project.deliverable.type"
    _description = "Project Deliverable Type"
    _order = "phase_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(DELIVERABLE_KINDS, required=True, default="other")
    phase_id = fields.Many2one("ops.project.phase", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    mandatory = fields.Boolean(
        default=True, help="The gate of the phase cannot be submitted without it."
    )
    active = fields.Boolean(default=True)
