/* A menu of the suite opened on a phone (390 px wide): it shows its kanban,
   no card is wider than the screen and the page does not scroll sideways
   (a grouped kanban's other columns are swiped to, beside the screen). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("ops_suite_phone_kanban", {
    steps: () => [
        {
            content: "The menu opens on its kanban",
            trigger: ".o_action_manager .o_kanban_view .o_kanban_renderer",
        },
        {
            content: "Nothing is wider than the phone",
            trigger: ".o_kanban_view .o_kanban_renderer",
            run() {
                const width = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll(".o_kanban_record")].filter(
                    (card) => card.getBoundingClientRect().width > width + 1
                );
                if (
                    width > 400 ||
                    document.documentElement.scrollWidth > width + 1 ||
                    wide.length
                ) {
                    throw new Error(`The kanban does not fit a ${width} px wide screen`);
                }
            },
        },
    ],
});
