// Capstone disassembly (see disassembler.h). Capstone is loaded with dlopen the first time
// something is disassembled: linked normally, its relocated tables cost every rpp process 3.6 MB
// of resident memory (a quarter of a translation's peak), though only JIT logs and tests use it.
#include "runtime/jit/log/disassembler.h"

#include <capstone/capstone.h>
#include <dlfcn.h>

#include <cstdio>
#include <stdexcept>

namespace rpp::jit {

namespace {

// The Capstone functions used here, resolved once from the shared library.
struct CapstoneApi {
  decltype(&cs_open) open = nullptr;
  decltype(&cs_close) close = nullptr;
  decltype(&cs_malloc) malloc = nullptr;
  decltype(&cs_free) free = nullptr;
  decltype(&cs_disasm_iter) disasm_iter = nullptr;

  static const CapstoneApi& get() {
    static const CapstoneApi api = load();
    return api;
  }

 private:
  static CapstoneApi load() {
    void* lib = dlopen("libcapstone.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) lib = dlopen("libcapstone.so", RTLD_NOW | RTLD_LOCAL);
    if (!lib) throw std::runtime_error(std::string("capstone: cannot load the library: ") + dlerror());
    CapstoneApi api;
    resolve(lib, "cs_open", api.open);
    resolve(lib, "cs_close", api.close);
    resolve(lib, "cs_malloc", api.malloc);
    resolve(lib, "cs_free", api.free);
    resolve(lib, "cs_disasm_iter", api.disasm_iter);
    return api;
  }
  template <class F>
  static void resolve(void* lib, const char* name, F& fn) {
    fn = reinterpret_cast<F>(dlsym(lib, name));
    if (!fn) throw std::runtime_error(std::string("capstone: the library has no ") + name);
  }
};

class CapstoneHandle {
 public:
  explicit CapstoneHandle(const CapstoneApi& api) : api_(api) {
    if (api_.open(CS_ARCH_X86, CS_MODE_64, &handle_) != CS_ERR_OK) throw std::runtime_error("capstone: cs_open failed");
  }
  ~CapstoneHandle() { api_.close(&handle_); }
  csh get() const { return handle_; }

 private:
  const CapstoneApi& api_;
  csh handle_ = 0;
};

template <class Fn>
void each_instruction(const uint8_t* code, size_t size, Fn&& fn) {
  const CapstoneApi& api = CapstoneApi::get();
  CapstoneHandle cs(api);
  cs_insn* insn = api.malloc(cs.get());
  const uint8_t* p = code;
  size_t left = size;
  uint64_t address = 0;
  while (left > 0) {
    if (!api.disasm_iter(cs.get(), &p, &left, &address, insn)) {
      // Not an instruction (data, or padding): show one byte and go on.
      fn(nullptr, address, *p);
      ++p;
      --left;
      ++address;
      continue;
    }
    fn(insn, insn->address, 0);
  }
  api.free(insn, 1);
}

}  // namespace

std::string disassemble(const uint8_t* code, size_t size) {
  std::string out;
  char line[256];
  each_instruction(code, size, [&](cs_insn* insn, uint64_t address, uint8_t byte) {
    if (insn) std::snprintf(line, sizeof line, "  %6llx: %s %s\n", static_cast<unsigned long long>(address), insn->mnemonic, insn->op_str);
    else std::snprintf(line, sizeof line, "  %6llx: .byte 0x%02x\n", static_cast<unsigned long long>(address), byte);
    out += line;
  });
  return out;
}

size_t count_instructions(const uint8_t* code, size_t size) {
  size_t n = 0;
  each_instruction(code, size, [&](cs_insn*, uint64_t, uint8_t) { ++n; });
  return n;
}

}  // namespace rpp::jit
