// The definition of the runtime globals at fixed addresses (layout.h): the one mutable global
// state of a generated VM (exception state, shadow stack, nursery pointers, type-info table).
#include "runtime/layout.h"

namespace rpp::layout {

RuntimeGlobals rpp_globals = {};  // C linkage from the declaration in layout.h

static_assert(offsetof(RuntimeGlobals, exc_type) == kGlobalsExcTypeOffset);
static_assert(offsetof(RuntimeGlobals, exc_value) == kGlobalsExcValueOffset);
static_assert(offsetof(RuntimeGlobals, root_stack_top) == kGlobalsRootStackTopOffset);
static_assert(offsetof(RuntimeGlobals, root_stack_base) == kGlobalsRootStackBaseOffset);
static_assert(offsetof(RuntimeGlobals, root_stack_limit) == kGlobalsRootStackLimitOffset);
static_assert(offsetof(RuntimeGlobals, nursery_free) == kGlobalsNurseryFreeOffset);
static_assert(offsetof(RuntimeGlobals, nursery_top) == kGlobalsNurseryTopOffset);
static_assert(offsetof(RuntimeGlobals, type_info_table) == kGlobalsTypeInfoTableOffset);
static_assert(offsetof(RuntimeGlobals, type_info_count) == kGlobalsTypeInfoCountOffset);
static_assert(offsetof(RuntimeGlobals, stack_limit) == kGlobalsStackLimitOffset);
static_assert(offsetof(RuntimeGlobals, builtin_exceptions) == kGlobalsBuiltinExceptionsOffset);
static_assert(offsetof(RuntimeGlobals, gc_state) == kGlobalsGcStateOffset);
static_assert(offsetof(RuntimeGlobals, runtime_state) == kGlobalsRuntimeStateOffset);

}  // namespace rpp::layout
