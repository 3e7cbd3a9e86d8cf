/* An employee opens their development plan and writes down their path. */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ops_training_my_plan", {
    steps: () => [
        {
            content: "Open my development plan",
            trigger: ".o_list_view .o_data_row td.o_data_cell:contains('Employee')",
            run: "click",
        },
        {
            content: "The goal agreed with HR is there",
            trigger: ".o_field_widget[name='goal'] textarea:value(Lead a team)",
        },
        {
            content: "The mentoring action is listed",
            trigger:
                ".o_field_one2many[name='action_ids'] .o_data_row:contains('Weekly mentoring')",
        },
        {
            content: "Open the path",
            trigger: ".o_notebook a[name='path']",
            run: "click",
        },
        {
            content: "Write the path",
            trigger: ".o_field_widget[name='path'] textarea",
            run: "edit Editor, then team lead",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
