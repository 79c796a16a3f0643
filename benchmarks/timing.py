"""The timing loop the Python references share."""
import time


def mean_seconds(run, iterations, warm_up=True):
    """Mean seconds of `iterations` calls of `run`, after one untimed call
    unless `warm_up` is false (the caller has made it)."""
    if warm_up:
        run()
    start = time.perf_counter()
    for _ in range(iterations):
        run()
    return (time.perf_counter() - start) / iterations
