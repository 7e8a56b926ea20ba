# Resident memory falls back after a peak of garbage (issue 9, docs/gc.md): the translated program
# (--gc=gen, the default) keeps ~120 MB of small objects and large arrays alive, drops them, then
# allocates objects that live a little while (so they reach the old generation) until major
# collections have swept the peak: the old generation gives its empty arenas back to the OS and
# large arrays are freed. It reads its own RSS from /proc/self/statm (figures on stderr).
# run: sh %S/translate_and_run.sh %t %s
# timeout: 300
# stdout: peak above 100 MB: True
# stdout: fell below half the peak: True
import os


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def rss_bytes():
    fd = os.open("/proc/self/statm", os.O_RDONLY, 0)
    data = os.read(fd, 200)
    os.close(fd)
    fields = data.decode("utf8").split(" ")
    return int(fields[1]) * 4096


def build_peak():
    head = None
    for i in range(1500000):          # 1.5 M nodes of 32 bytes: ~48 MB in old arenas
        head = Node(i, head)
    arrays = []
    for i in range(150):              # 150 arrays of 60000 ints: ~72 MB of large objects
        arrays.append([i] * 60000)
    return head, arrays


def churn(rounds):
    ring = [None] * 262144            # each node outlives a nursery of up to 8 MB: it gets old
    total = 0
    for i in range(rounds):
        node = Node(i, None)
        old = ring[i & 262143]
        if old is not None:
            total += old.value
        ring[i & 262143] = node
    return total


def entry_point(argv):
    head, arrays = build_peak()
    peak = rss_bytes()
    count = 0
    while head is not None:
        count += 1
        head = head.next
    os.write(2, ("peak %d MB (%d nodes, %d arrays)\n" % (peak >> 20, count, len(arrays))).encode("utf8"))
    arrays = None
    churn(8000000)
    after = rss_bytes()
    os.write(2, ("after %d MB\n" % (after >> 20)).encode("utf8"))
    print("peak above 100 MB: %s" % (peak > 100 * 1024 * 1024))
    print("fell below half the peak: %s" % (after < peak // 2))
    return 0
