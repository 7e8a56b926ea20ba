// Python's == on values of one repr, recursing into lists, tuples and dicts (`ll_list_eq_T`,
// `ll_tuple_eq_T`, `ll_dict_eq_T`), the ordering `<` `<=` `>` `>=` of lists and tuples
// (lexicographic as CPython: the first unequal items decide, else the lengths; `ll_list_lt_T`,
// `ll_tuple_lt_T`...), `x in tuple`, and the hash of tuples for dict keys (`ll_tuple_hash_T`).
#pragma once
#include "rtyper/hop.h"
#include "rtyper/repr.h"

namespace rpp::rtyper {

class TupleRepr;
class ListRepr;
class DictRepr;

// a == b for two values of repr `r`: numbers, chars, strs, lists and tuples by value, Void
// values (known constants) equal, anything else by identity.
flow::Value* item_equal(LowLevelOps& ops, Repr* r, flow::Value* a, flow::Value* b);
// a OP b (OP: "lt", "le", "gt" or "ge") for two values of repr `r`: numbers, chars, strs,
// lists and tuples (lexicographic); other reprs throw RTypeFailure.
flow::Value* item_order(LowLevelOps& ops, Repr* r, const std::string& op, flow::Value* a, flow::Value* b);
// The hash of a value of repr `r` as dicts use it (hashable(r) must hold).
bool hashable(Repr* r);
flow::Value* item_hash(LowLevelOps& ops, Repr* r, flow::Value* x, const flow::SourceLocation& loc);

flow::FunctionGraph* tuple_eq_graph(RTyper& rtyper, TupleRepr* r, const flow::SourceLocation& loc);
flow::FunctionGraph* tuple_hash_graph(RTyper& rtyper, TupleRepr* r, const flow::SourceLocation& loc);
flow::FunctionGraph* list_eq_graph(RTyper& rtyper, ListRepr* a, ListRepr* b, const flow::SourceLocation& loc);
flow::FunctionGraph* dict_eq_graph(RTyper& rtyper, DictRepr* r, const flow::SourceLocation& loc);
flow::FunctionGraph* list_order_graph(RTyper& rtyper, ListRepr* a, ListRepr* b, const std::string& op,
                                      const flow::SourceLocation& loc);
flow::FunctionGraph* tuple_order_graph(RTyper& rtyper, TupleRepr* r, const std::string& op,
                                       const flow::SourceLocation& loc);

// a == b / a != b (and < <= > >=) of two lists or two tuples, == / != of two dicts; `x in t`
// of a tuple.
flow::Value* rtype_container_eq(Hop& hop);
flow::Value* rtype_tuple_contains(Hop& hop);

}  // namespace rpp::rtyper
