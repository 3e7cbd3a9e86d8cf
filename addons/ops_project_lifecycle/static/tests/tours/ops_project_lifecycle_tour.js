/* The lifecycle kanban, a card's gate, and the deliverables of the gate. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ops_project_lifecycle_kanban", {
    steps: () => [
        {
            content: "Projects are grouped by phase",
            trigger: ".o_kanban_group .o_column_title:contains('Planning')",
        },
        {
            content: "The card shows the gate progress",
            trigger: ".o_kanban_record:contains('Short-Video App') .o_progressbar",
        },
        {
            content: "Open the project",
            trigger: ".o_kanban_record:contains('Short-Video App')",
            run: "click",
        },
        {
            content: "Open its current gate",
            trigger: ".o_form_view button[name='action_ops_open_gate']",
            run: "click",
        },
        {
            content: "The gate of the planning phase can be submitted",
            trigger: ".o_form_view button[name='action_submit']",
        },
        {
            content: "Its decisions are kept",
            trigger: ".o_notebook .nav-link:contains('Decisions')",
            run: "click",
        },
    ],
});
