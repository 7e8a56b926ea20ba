// Parsing LL text (docs/ll-text.md) into an LLModule: type declarations and low-level graphs,
// type-checked as they are read (ll_typecheck.h). Bad input is reported as
// `FILE:LINE:COL: error: MESSAGE` in a UserError (exit code 2).
#pragma once
#include <memory>
#include <string>

#include "rtyper/lltype/type_arena.h"
#include "translator/ll/ll_module.h"

namespace rpp::ll {

// Parses a whole file (`path` is only used in messages and as the location of operations that
// have no `loc(...)`).
std::unique_ptr<LLModule> parse_ll_module(const std::string& text, const std::string& path);
// The same, into an existing module (its arena and its graphs; names must not collide).
void parse_ll_into(LLModule& module, const std::string& text, const std::string& path);

// One type in LL text ("Ptr(GcArray(Signed))"), with the named types of `arena`. Throws
// lltype::TypeError with the message on bad input.
const lltype::LowLevelType* parse_ll_type(const std::string& text, lltype::TypeArena& arena);

}  // namespace rpp::ll
