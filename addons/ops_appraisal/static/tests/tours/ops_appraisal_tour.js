/* A rater gives an evaluation; HR calibrates and reads the grade distribution. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ops_appraisal_rate", {
    steps: () => [
        {
            content: "Open the evaluation of a colleague",
            trigger: ".o_list_view .o_data_row td.o_data_cell:contains('Peer')",
            run: "click",
        },
        {
            content: "Rate the quality",
            trigger: ".o_field_one2many .o_data_row:contains('Quality') td[name='rating']",
            run: "click",
        },
        {
            content: "Four out of five",
            trigger: ".o_field_one2many .o_selected_row td[name='rating'] input",
            run: "edit 4",
        },
        {
            content: "Measure the articles published",
            trigger:
                ".o_field_one2many .o_data_row:contains('Articles published') td[name='value']",
            run: "click",
        },
        {
            content: "Eighty articles",
            trigger: ".o_field_one2many .o_selected_row td[name='value'] input",
            run: "edit 80",
        },
        {
            content: "Submit",
            trigger: ".o_form_view .o_form_statusbar button[name='action_submit']",
            run: "click",
        },
        {
            content: "The evaluation is submitted",
            trigger: ".o_statusbar_status button[aria-checked='true']:contains('Submitted')",
        },
    ],
});

registry.category("web_tour.tours").add("ops_appraisal_calibrate", {
    steps: () => [
        {
            content: "Open the cycle",
            trigger: ".o_list_view .o_data_row td.o_data_cell:contains('2026-11')",
            run: "click",
        },
        {
            content: "Compute the scores and enter calibration",
            trigger: ".o_form_view button[name='action_calibrate']",
            run: "click",
        },
        {
            content: "The grade distribution shows each band against its target",
            trigger: ".o_ops_appraisal_distribution tfoot:contains('3')",
        },
        {
            content: "The cycle can be published",
            trigger: ".o_form_view button[name='action_publish']",
        },
    ],
});
