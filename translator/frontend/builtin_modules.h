// Extension modules that the embedded CPython gets built in: the rpp binary is linked statically
// (docs/memory.md), so the shared-library modules of lib-dynload cannot be loaded; the ones
// whose code is in libpython anyway are provided here.
#pragma once

namespace rpp::frontend {

// Adds the modules to CPython's table of built-in modules; call it before the interpreter starts.
void register_builtin_modules();

}  // namespace rpp::frontend
