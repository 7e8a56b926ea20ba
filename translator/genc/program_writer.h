// The whole program as C++ translation units (DESIGN §1, emit): one unit per Python module (the
// functions of the graphs whose source is that file; graphs the rtyper wrote itself go to
// `rpp_support`), plus `rpp_data` with the static data, the type-info table, the builtin
// exceptions table and `main`. Every unit starts with the same preamble and carries only the
// type definitions and declarations it uses, so changing one function changes the text of its
// unit only (and of rpp_data when static data changes): the compile cache keys on that text.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "translator/context.h"

namespace rpp::genc {

struct CppUnit {
  std::string name;  // file name without `.cc`
  std::string text;
};

struct CppProgram {
  std::vector<CppUnit> units;
  size_t function_count = 0;
  size_t static_object_count = 0;
};

// Writes the program of a context that went through the rtyper and the exception transform.
// Throws UserError for what genc cannot emit. With `on_unit`, each unit is handed to it as soon
// as it is written and its text is not kept (program.units then hold the names only): the text
// of the whole program is never in memory at once (docs/memory.md).
CppProgram write_program(TranslationContext& context,
                         const std::function<void(const CppUnit&)>& on_unit = nullptr);

}  // namespace rpp::genc
