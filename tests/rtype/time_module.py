# The time module: time.time, time.perf_counter / monotonic (one monotonic clock), process_time
# and sleep are helpers of the helper table.
# run: rpp translate --stop-after=rtype --dump=rtype %s
# check: $time_time
# check: $time_clock
# check: $time_clock
# check: $time_process_time
# check: $time_sleep
import time


def entry_point(argv):
    now = time.time()
    start = time.perf_counter()
    mono = time.monotonic()
    cpu = time.process_time()
    time.sleep(0.001 * len(argv))
    elapsed = time.perf_counter() - start
    print(now > 1.6e9, elapsed >= 0.001, elapsed < 10.0, time.monotonic() >= mono, cpu >= 0.0)
    try:
        time.sleep(-1.0 * len(argv))
    except ValueError as e:
        print("ValueError:", str(e))
    return 0
