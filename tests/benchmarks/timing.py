"""Timing shared by the benchmarks (``run.py`` puts this folder first on
``sys.path``)."""

import gc
import time


def best_in_turn(repeat, *funcs):
    """Best time and last result of each function over ``repeat`` rounds,
    the functions run in turn in each round so that all see the same load
    of a shared machine."""
    best = [None] * len(funcs)
    results = [None] * len(funcs)
    for _ in range(repeat):
        for index, func in enumerate(funcs):
            start = time.perf_counter()
            results[index] = func()
            elapsed = time.perf_counter() - start
            best[index] = elapsed if best[index] is None else min(best[index], elapsed)
    return list(zip(best, results, strict=True))


def measured(env, func):
    """``(seconds, queries, result)`` of ``func()`` and the flush of what it wrote,
    from an empty record cache, the garbage collector off while timing (as
    timeit does: a collection falling into one size's run must not decide
    a ratio)."""
    env.invalidate_all()
    cr = env.cr
    gc.collect()
    gc.disable()
    try:
        queries, start = cr.sql_log_count, time.perf_counter()
        result = func()
        env.flush_all()
        return time.perf_counter() - start, cr.sql_log_count - queries, result
    finally:
        gc.enable()


def per_employee_rows(label, small, large):
    """The rows of a time per employee measured at two sizes, ``small`` and
    ``large`` each ``(seconds, queries, employees)``: the smaller shown, the
    larger within 1.1 x of it."""
    (t_small, _, n_small), (t_large, _, n_large) = small, large
    per_small, per_large = t_small / n_small, t_large / n_large
    return [
        (f"{label}: ms per employee, {n_small}", f"{per_small * 1000:.2f}", "(shown)", True),
        (
            f"{label}: ms per employee, {n_large}",
            f"{per_large * 1000:.2f}",
            f"<= {per_small * 1100:.2f}",
            per_large <= per_small * 1.1,
        ),
    ]
