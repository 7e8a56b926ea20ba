"""TimSort: a stable, adaptive merge sort (the algorithm of CPython's list.sort, by Tim Peters).

    TimSort(lst).sort()            sorts lst in place with `<`
    class ByKey(TimSort):          a subclass overrides lt(a, b) to change the order
        def lt(self, a, b): return a.key < b.key

Stable: items that compare equal keep their order. `lt` is the only comparison used.
`make_timsort_class(getitem, setitem, length, getitem_slice, lt)` makes a TimSort class for
another list-like container. The code is RPython: it translates as it is.
"""

MIN_GALLOP = 7


def merge_compute_minrun(n):
    """The minimum run length for n items: n itself below 64, else a k in [32, 64] such that
    n / k is close to, and not more than, a power of two."""
    r = 0
    while n >= 64:
        r |= n & 1
        n >>= 1
    return n + r


def make_timsort_class(getitem=None, setitem=None, length=None, getitem_slice=None, lt=None):
    """A TimSort class over containers accessed with the given functions (default: a list)."""
    if getitem is None:
        def getitem(lst, index):
            return lst[index]
    if setitem is None:
        def setitem(lst, index, value):
            lst[index] = value
    if length is None:
        def length(lst):
            return len(lst)
    if getitem_slice is None:
        def getitem_slice(lst, start, stop):
            return lst[start:stop]
    if lt is None:
        def lt(a, b):
            return a < b

    class TimSort(object):
        """TimSort(list, listlength=None).sort() sorts list[0:listlength] in place, stably,
        using the overridable method lt(a, b)."""

        def __init__(self, list, listlength=None):
            self.list = list
            if listlength is None:
                listlength = length(list)
            self.listlength = listlength
            self.min_gallop = MIN_GALLOP
            self.run_base = []
            self.run_len = []

        def lt(self, a, b):
            return lt(a, b)

        def le(self, a, b):
            return not self.lt(b, a)

        # ---- small pieces ----

        def binarysort(self, lo, hi, start):
            """Sorts [lo, hi) by binary insertion, knowing that [lo, start) is sorted."""
            lst = self.list
            i = start
            while i < hi:
                pivot = getitem(lst, i)
                left = lo
                right = i
                while left < right:
                    mid = (left + right) >> 1
                    if self.lt(pivot, getitem(lst, mid)):
                        right = mid
                    else:
                        left = mid + 1
                p = i
                while p > left:
                    setitem(lst, p, getitem(lst, p - 1))
                    p -= 1
                setitem(lst, left, pivot)
                i += 1

        def count_run(self, lo, hi):
            """The length of the run starting at lo; a strictly descending run is reversed in
            place (so it becomes ascending)."""
            lst = self.list
            if lo + 1 >= hi:
                return hi - lo
            n = 2
            if self.lt(getitem(lst, lo + 1), getitem(lst, lo)):
                while lo + n < hi and self.lt(getitem(lst, lo + n), getitem(lst, lo + n - 1)):
                    n += 1
                self.reverse_range(lo, lo + n)
            else:
                while lo + n < hi and not self.lt(getitem(lst, lo + n),
                                                  getitem(lst, lo + n - 1)):
                    n += 1
            return n

        def reverse_range(self, lo, hi):
            lst = self.list
            hi -= 1
            while lo < hi:
                a = getitem(lst, lo)
                setitem(lst, lo, getitem(lst, hi))
                setitem(lst, hi, a)
                lo += 1
                hi -= 1

        def _before(self, x, key, rightmost):
            # rightmost: x <= key (x goes left of an insertion point after equal items)
            if rightmost:
                return not self.lt(key, x)
            return self.lt(x, key)

        def gallop(self, key, a, base, n, hint, rightmost, in_list):
            """The insertion point k in [0, n] of key in the sorted a[base:base+n]: leftmost
            (after the items < key) or, if rightmost, after the items <= key. Starts at hint
            and gallops (1, 3, 7, ... steps) before a binary search. `in_list` says whether `a`
            is the container being sorted (read with getitem) or a plain temporary list."""
            lastofs = 0
            ofs = 1
            if self._before(self._get(a, base + hint, in_list), key, rightmost):
                maxofs = n - hint
                while ofs < maxofs:
                    if self._before(self._get(a, base + hint + ofs, in_list), key, rightmost):
                        lastofs = ofs
                        ofs = (ofs << 1) + 1
                    else:
                        break
                if ofs > maxofs:
                    ofs = maxofs
                lastofs += hint
                ofs += hint
            else:
                maxofs = hint + 1
                while ofs < maxofs:
                    if self._before(self._get(a, base + hint - ofs, in_list), key, rightmost):
                        break
                    lastofs = ofs
                    ofs = (ofs << 1) + 1
                if ofs > maxofs:
                    ofs = maxofs
                k = lastofs
                lastofs = hint - ofs
                ofs = hint - k
            # a[base+lastofs] goes before key (or lastofs == -1); a[base+ofs] does not (or ofs == n)
            lastofs += 1
            while lastofs < ofs:
                mid = lastofs + ((ofs - lastofs) >> 1)
                if self._before(self._get(a, base + mid, in_list), key, rightmost):
                    lastofs = mid + 1
                else:
                    ofs = mid
            return ofs

        def _get(self, a, index, in_list):
            if in_list:
                return getitem(a, index)
            return a[index]

        # ---- merging ----

        def merge_lo(self, a_base, na, b_base, nb):
            """Merges the adjacent runs A (na items) and B (nb items), na <= nb, left to right;
            A is copied to a temporary list."""
            lst = self.list
            tmp = getitem_slice(lst, a_base, a_base + na)
            i = 0
            j = b_base
            b_end = b_base + nb
            dest = a_base
            min_gallop = self.min_gallop
            while i < na and j < b_end:
                acount = 0
                bcount = 0
                while i < na and j < b_end:
                    if self.lt(getitem(lst, j), tmp[i]):
                        setitem(lst, dest, getitem(lst, j))
                        dest += 1
                        j += 1
                        bcount += 1
                        acount = 0
                        if bcount >= min_gallop:
                            break
                    else:
                        setitem(lst, dest, tmp[i])
                        dest += 1
                        i += 1
                        acount += 1
                        bcount = 0
                        if acount >= min_gallop:
                            break
                if i >= na or j >= b_end:
                    break
                min_gallop += 1
                while i < na and j < b_end:
                    if min_gallop > 1:
                        min_gallop -= 1
                    # the items of A that are <= B's next item go first
                    acount = self.gallop(getitem(lst, j), tmp, i, na - i, 0, True, False)
                    k = 0
                    while k < acount:
                        setitem(lst, dest, tmp[i])
                        dest += 1
                        i += 1
                        k += 1
                    if i >= na:
                        break
                    # then the items of B that are < A's next item
                    bcount = self.gallop(tmp[i], lst, j, b_end - j, 0, False, True)
                    k = 0
                    while k < bcount:
                        setitem(lst, dest, getitem(lst, j))
                        dest += 1
                        j += 1
                        k += 1
                    if j >= b_end:
                        break
                    if acount < MIN_GALLOP and bcount < MIN_GALLOP:
                        break
                min_gallop += 1
            while i < na:
                setitem(lst, dest, tmp[i])
                dest += 1
                i += 1
            if min_gallop < 1:
                min_gallop = 1
            self.min_gallop = min_gallop

        def merge_hi(self, a_base, na, b_base, nb):
            """Merges the adjacent runs A and B, na > nb, right to left; B is copied to a
            temporary list."""
            lst = self.list
            tmp = getitem_slice(lst, b_base, b_base + nb)
            i = a_base + na - 1
            j = nb - 1
            dest = b_base + nb - 1
            min_gallop = self.min_gallop
            while i >= a_base and j >= 0:
                acount = 0
                bcount = 0
                while i >= a_base and j >= 0:
                    if self.lt(tmp[j], getitem(lst, i)):
                        setitem(lst, dest, getitem(lst, i))
                        dest -= 1
                        i -= 1
                        acount += 1
                        bcount = 0
                        if acount >= min_gallop:
                            break
                    else:
                        setitem(lst, dest, tmp[j])
                        dest -= 1
                        j -= 1
                        bcount += 1
                        acount = 0
                        if bcount >= min_gallop:
                            break
                if i < a_base or j < 0:
                    break
                min_gallop += 1
                while i >= a_base and j >= 0:
                    if min_gallop > 1:
                        min_gallop -= 1
                    # the items of A that are > B's last item go last
                    n = i - a_base + 1
                    acount = n - self.gallop(tmp[j], lst, a_base, n, n - 1, True, True)
                    k = 0
                    while k < acount:
                        setitem(lst, dest, getitem(lst, i))
                        dest -= 1
                        i -= 1
                        k += 1
                    if i < a_base:
                        break
                    # then the items of B that are >= A's last item
                    bcount = j + 1 - self.gallop(getitem(lst, i), tmp, 0, j + 1, j, False,
                                                 False)
                    k = 0
                    while k < bcount:
                        setitem(lst, dest, tmp[j])
                        dest -= 1
                        j -= 1
                        k += 1
                    if j < 0:
                        break
                    if acount < MIN_GALLOP and bcount < MIN_GALLOP:
                        break
                min_gallop += 1
            while j >= 0:
                setitem(lst, dest, tmp[j])
                dest -= 1
                j -= 1
            if min_gallop < 1:
                min_gallop = 1
            self.min_gallop = min_gallop

        def merge_at(self, i):
            """Merges the runs number i and i + 1 of the stack."""
            lst = self.list
            a_base = self.run_base[i]
            na = self.run_len[i]
            b_base = self.run_base[i + 1]
            nb = self.run_len[i + 1]
            self.run_len[i] = na + nb
            del self.run_base[i + 1]
            del self.run_len[i + 1]
            # the items of A that are <= B's first item are already in place
            k = self.gallop(getitem(lst, b_base), lst, a_base, na, 0, True, True)
            a_base += k
            na -= k
            if na == 0:
                return
            # the items of B that are >= A's last item are already in place
            nb = self.gallop(getitem(lst, a_base + na - 1), lst, b_base, nb, nb - 1, False, True)
            if nb == 0:
                return
            if na <= nb:
                self.merge_lo(a_base, na, b_base, nb)
            else:
                self.merge_hi(a_base, na, b_base, nb)

        def merge_collapse(self):
            """Merges runs until the lengths on the stack satisfy len[i-2] > len[i-1] + len[i]
            and len[i-1] > len[i] (so the stack stays logarithmic)."""
            lens = self.run_len
            while len(lens) > 1:
                n = len(lens) - 2
                if ((n > 0 and lens[n - 1] <= lens[n] + lens[n + 1]) or
                        (n > 1 and lens[n - 2] <= lens[n - 1] + lens[n])):
                    if lens[n - 1] < lens[n + 1]:
                        n -= 1
                    self.merge_at(n)
                elif lens[n] <= lens[n + 1]:
                    self.merge_at(n)
                else:
                    break

        def merge_force_collapse(self):
            lens = self.run_len
            while len(lens) > 1:
                n = len(lens) - 2
                if n > 0 and lens[n - 1] < lens[n + 1]:
                    n -= 1
                self.merge_at(n)

        def sort(self):
            n = self.listlength
            if n < 2:
                return
            self.min_gallop = MIN_GALLOP
            self.run_base = []
            self.run_len = []
            minrun = merge_compute_minrun(n)
            lo = 0
            while lo < n:
                run = self.count_run(lo, n)
                if run < minrun:
                    force = minrun
                    if force > n - lo:
                        force = n - lo
                    self.binarysort(lo, lo + force, lo + run)
                    run = force
                self.run_base.append(lo)
                self.run_len.append(run)
                self.merge_collapse()
                lo += run
            self.merge_force_collapse()

    return TimSort


TimSort = make_timsort_class()
