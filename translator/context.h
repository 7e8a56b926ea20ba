// TranslationContext: the one object every stage receives. It owns the options, the imported
// program and (as the stages arrive) every graph; nothing in the toolchain is global.
#pragma once
#include <memory>

#include "rtyper/lltype/type_arena.h"
#include "translator/options.h"

namespace rpp {

namespace frontend {
class Program;  // the imported target: defined by the frontend, opaque to other stages
}

struct TranslationContext {
  TranslateOptions options;
  std::shared_ptr<frontend::Program> program;
  // Every low-level type of the translation (interned: equal types are one object).
  std::unique_ptr<lltype::TypeArena> types = std::make_unique<lltype::TypeArena>();
};

}  // namespace rpp
