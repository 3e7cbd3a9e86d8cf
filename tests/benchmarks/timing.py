"""Timing shared by the benchmarks (``run.py`` puts this folder first on
``sys.path``)."""

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
