// The join of the lattice, following RPython's union rules; a union with no common type throws
// UnionError (never a silent "object"). The rules, in brief:
//   impossible ∪ x = x;  None ∪ x = x made nullable (str, bytes, list, dict, instance, PBC;
//   char becomes str) — None ∪ int/float/bool/tuple/iterator is an error;
//   bool ∪ bool = bool (constant kept when equal); bool ∪ int = int; int ∪ int keeps nonneg only
//   when both are, unsigned wins only over a non-negative signed int (else an error);
//   int ∪ float = float;  char ∪ str = str;  str ∪ bytes is an error;
//   lists (dicts) merge their definitions; tuples of the same length union item by item;
//   instances go to their most derived common base (an error without one), keeping the hint
//   flags both have; PBCs of the same kind union their sets; iterators of the same variant union
//   their containers; a constant survives only when both sides are the same constant.
#pragma once
#include "annotator/errors.h"
#include "annotator/some_value.h"

namespace rpp::annotator {

// The union; merges list and dict definitions that meet. Throws UnionError.
SomeRef union_of(const SomeRef& a, const SomeRef& b);

// Whether `a` already contains every value of `b` (union(a, b) == a), without side effects:
// two lists whose definitions are not yet merged are not contained in each other.
bool contains(const SomeRef& a, const SomeRef& b);

// Whether a union exists, without side effects (lists that would merge count as unionable).
bool can_union(const SomeRef& a, const SomeRef& b);

// The union of two integer annotations (also used for arithmetic results). Throws UnionError.
SomeRef union_integers(const SomeRef& a, const SomeRef& b);

// The largest annotation contained in both (for narrowing); impossible when disjoint.
SomeRef intersection(const SomeRef& a, const SomeRef& b);

}  // namespace rpp::annotator
