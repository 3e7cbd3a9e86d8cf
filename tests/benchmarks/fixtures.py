"""Records shared by the benchmarks (``run.py``'s folder is first on
``sys.path``)."""


def appraisal_template(env, name):
    """An appraisal template of three criteria (two rated, one measured)
    and every kind of rater."""
    return env["ops.appraisal.template"].create(
        {
            "name": name,
            "supervisor_weight": 70,
            "peer_weight": 10,
            "self_weight": 10,
            "customer_weight": 10,
            "criterion_ids": [
                (0, 0, {"name": "Quality", "group": "performance", "weight": 50}),
                (0, 0, {"name": "Teamwork", "group": "ability", "weight": 30}),
                (
                    0,
                    0,
                    {
                        "name": "Output",
                        "group": "performance",
                        "weight": 20,
                        "kind": "quantitative",
                        "target": 10,
                    },
                ),
            ],
        }
    )
