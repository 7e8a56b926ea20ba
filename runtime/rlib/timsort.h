// TimSort, Tim Peters' list sort (CPython's Objects/listsort.txt, RPython's rlib/listsort.py):
// natural runs (strictly descending ones reversed) extended to `minrun` by binary insertion,
// kept on a stack whose lengths follow the merge invariants, merged with galloping. Stable.
// `lt(a, b)` is the only comparison. Items are trivially copyable (numbers, pointers), so the
// temporary buffer is plain C++ memory: sorting never allocates on the GC heap.
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace rpp::rlib {

template <class T, class Less>
class TimSort {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  TimSort(T* items, int64_t n, Less lt) : a_(items), n_(n), lt_(lt) {}

  void sort() {
    if (n_ < 2) return;
    int64_t minrun = compute_minrun(n_);
    int64_t lo = 0;
    int64_t remaining = n_;
    while (remaining > 0) {
      bool descending = false;
      int64_t run = count_run(lo, lo + remaining, &descending);
      if (descending) reverse(lo, lo + run);
      if (run < minrun) {
        int64_t forced = remaining < minrun ? remaining : minrun;
        binary_insertion_sort(lo, lo + forced, lo + run);
        run = forced;
      }
      runs_.push_back({lo, run});
      merge_collapse();
      lo += run;
      remaining -= run;
    }
    merge_force_collapse();
  }

 private:
  struct Run {
    int64_t base;
    int64_t len;
  };
  static constexpr int64_t kMinGallop = 7;

  T* a_;
  int64_t n_;
  Less lt_;
  std::vector<Run> runs_;
  std::vector<T> tmp_;
  int64_t min_gallop_ = kMinGallop;

  static int64_t compute_minrun(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  static void move(T* dst, const T* src, int64_t n) {
    if (n > 0) std::memmove(static_cast<void*>(dst), static_cast<const void*>(src), size_t(n) * sizeof(T));
  }

  void reverse(int64_t lo, int64_t hi) {
    for (int64_t i = lo, j = hi - 1; i < j; ++i, --j) {
      T t = a_[i];
      a_[i] = a_[j];
      a_[j] = t;
    }
  }

  // The length of the run at lo; descending runs are strictly descending (so reversing them
  // keeps the sort stable).
  int64_t count_run(int64_t lo, int64_t hi, bool* descending) {
    if (lo + 1 == hi) return 1;
    int64_t n = 2;
    if (lt_(a_[lo + 1], a_[lo])) {
      *descending = true;
      while (lo + n < hi && lt_(a_[lo + n], a_[lo + n - 1])) ++n;
    } else {
      while (lo + n < hi && !lt_(a_[lo + n], a_[lo + n - 1])) ++n;
    }
    return n;
  }

  // a[lo:start] is sorted; inserts each of a[start:hi] after its equals.
  void binary_insertion_sort(int64_t lo, int64_t hi, int64_t start) {
    for (int64_t i = start; i < hi; ++i) {
      T pivot = a_[i];
      int64_t l = lo, r = i;
      while (l < r) {
        int64_t m = l + ((r - l) >> 1);
        if (lt_(pivot, a_[m])) r = m;
        else l = m + 1;
      }
      move(a_ + l + 1, a_ + l, i - l);
      a_[l] = pivot;
    }
  }

  // k such that p[k-1] < key <= p[k] (the leftmost place for key), starting the search at hint.
  int64_t gallop_left(const T& key, const T* p, int64_t n, int64_t hint) {
    int64_t ofs = 1, lastofs = 0;
    if (lt_(p[hint], key)) {
      int64_t maxofs = n - hint;
      while (ofs < maxofs && lt_(p[hint + ofs], key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      int64_t maxofs = hint + 1;
      while (ofs < maxofs && !lt_(p[hint - ofs], key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      if (lt_(p[m], key)) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  // k such that p[k-1] <= key < p[k] (the rightmost place for key).
  int64_t gallop_right(const T& key, const T* p, int64_t n, int64_t hint) {
    int64_t ofs = 1, lastofs = 0;
    if (lt_(key, p[hint])) {
      int64_t maxofs = hint + 1;
      while (ofs < maxofs && lt_(key, p[hint - ofs])) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t k = lastofs;
      lastofs = hint - ofs;
      ofs = hint - k;
    } else {
      int64_t maxofs = n - hint;
      while (ofs < maxofs && !lt_(key, p[hint + ofs])) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      if (lt_(key, p[m])) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  // Merges the runs i and i + 1.
  void merge_at(size_t i) {
    Run a = runs_[i], b = runs_[i + 1];
    runs_[i].len = a.len + b.len;
    runs_.erase(runs_.begin() + long(i) + 1);
    // Items of a already in place (not greater than b's first) and of b (not less than a's last).
    int64_t k = gallop_right(a_[b.base], a_ + a.base, a.len, 0);
    a.base += k;
    a.len -= k;
    if (a.len == 0) return;
    b.len = gallop_left(a_[a.base + a.len - 1], a_ + b.base, b.len, b.len - 1);
    if (b.len == 0) return;
    if (a.len <= b.len) merge_lo(a.base, a.len, b.base, b.len);
    else merge_hi(a.base, a.len, b.base, b.len);
  }

  // na <= nb; a[pb] < a[pa] and a's last item > b's last: a is copied out, merged from the left.
  void merge_lo(int64_t pa, int64_t na, int64_t pb, int64_t nb) {
    tmp_.assign(a_ + pa, a_ + pa + na);
    T* t = tmp_.data();
    int64_t ta = 0, dest = pa;
    int64_t min_gallop = min_gallop_;
    a_[dest++] = a_[pb++];
    if (--nb == 0) goto succeed;
    if (na == 1) goto copy_b;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {  // one item at a time until one run wins often
        if (lt_(a_[pb], t[ta])) {
          a_[dest++] = a_[pb++];
          ++bcount;
          acount = 0;
          if (--nb == 0) goto succeed;
          if (bcount >= min_gallop) break;
        } else {
          a_[dest++] = t[ta++];
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {  // galloping
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        int64_t k = gallop_right(a_[pb], t + ta, na, 0);
        acount = k;
        if (k) {
          move(a_ + dest, t + ta, k);
          dest += k;
          ta += k;
          na -= k;
          if (na == 1) goto copy_b;
          if (na == 0) goto succeed;  // only with an inconsistent comparison
        }
        a_[dest++] = a_[pb++];
        if (--nb == 0) goto succeed;
        k = gallop_left(t[ta], a_ + pb, nb, 0);
        bcount = k;
        if (k) {
          move(a_ + dest, a_ + pb, k);
          dest += k;
          pb += k;
          nb -= k;
          if (nb == 0) goto succeed;
        }
        a_[dest++] = t[ta++];
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  succeed:
    move(a_ + dest, t + ta, na);
    return;
  copy_b:  // na == 1: the rest of b, then a's last item
    move(a_ + dest, a_ + pb, nb);
    a_[dest + nb] = t[ta];
  }

  // na > nb: b is copied out, merged from the right.
  void merge_hi(int64_t pa, int64_t na, int64_t pb, int64_t nb) {
    tmp_.assign(a_ + pb, a_ + pb + nb);
    T* t = tmp_.data();
    int64_t dest = pb + nb - 1, ia = pa + na - 1, tb = nb - 1;
    int64_t min_gallop = min_gallop_;
    a_[dest--] = a_[ia--];
    if (--na == 0) goto succeed;
    if (nb == 1) goto copy_a;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        if (lt_(t[tb], a_[ia])) {
          a_[dest--] = a_[ia--];
          ++acount;
          bcount = 0;
          if (--na == 0) goto succeed;
          if (acount >= min_gallop) break;
        } else {
          a_[dest--] = t[tb--];
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        int64_t k = na - gallop_right(t[tb], a_ + pa, na, na - 1);
        acount = k;
        if (k) {
          dest -= k;
          ia -= k;
          move(a_ + dest + 1, a_ + ia + 1, k);
          na -= k;
          if (na == 0) goto succeed;
        }
        a_[dest--] = t[tb--];
        if (--nb == 1) goto copy_a;
        k = nb - gallop_left(a_[ia], t, nb, nb - 1);
        bcount = k;
        if (k) {
          dest -= k;
          tb -= k;
          move(a_ + dest + 1, t + tb + 1, k);
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto succeed;  // only with an inconsistent comparison
        }
        a_[dest--] = a_[ia--];
        if (--na == 0) goto succeed;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  succeed:
    move(a_ + dest - (nb - 1), t, nb);
    return;
  copy_a:  // nb == 1: the rest of a moves right, then b's first item in front
    dest -= na;
    ia -= na;
    move(a_ + dest + 1, a_ + ia + 1, na);
    a_[dest] = t[tb];
  }

  // Keeps the run stack's invariants (len[-3] > len[-2] + len[-1], len[-2] > len[-1]).
  void merge_collapse() {
    while (runs_.size() > 1) {
      size_t n = runs_.size() - 2;
      if ((n > 0 && runs_[n - 1].len <= runs_[n].len + runs_[n + 1].len) ||
          (n > 1 && runs_[n - 2].len <= runs_[n - 1].len + runs_[n].len)) {
        if (runs_[n - 1].len < runs_[n + 1].len) --n;
        merge_at(n);
      } else if (runs_[n].len <= runs_[n + 1].len) {
        merge_at(n);
      } else {
        break;
      }
    }
  }

  void merge_force_collapse() {
    while (runs_.size() > 1) {
      size_t n = runs_.size() - 2;
      if (n > 0 && runs_[n - 1].len < runs_[n + 1].len) --n;
      merge_at(n);
    }
  }
};

template <class T, class Less>
void timsort(T* items, int64_t n, Less lt) {
  TimSort<T, Less>(items, n, lt).sort();
}

}  // namespace rpp::rlib
