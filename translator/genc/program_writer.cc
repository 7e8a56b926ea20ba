// The translation units of a program (program_writer.h).
#include "translator/genc/program_writer.h"

#include <filesystem>
#include <map>

#include "rtyper/lltype/memory_layout.h"
#include "rtyper/rtyper.h"
#include "translator/diagnostics.h"
#include "translator/genc/emitter.h"
#include "translator/genc/exception_str.h"
#include "translator/genc/static_data_writer.h"

namespace rpp::genc {

using namespace lltype;

namespace {

const char* const kPreamble = R"CXX(#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "runtime/gc/gc.h"
#include "runtime/layout.h"
#include "runtime/ops.h"
#include "runtime/rlib/fatal_error.h"
#include "runtime/rlib/helper_fast_paths.h"
#include "runtime/rlib/helpers.h"

[[maybe_unused]] static inline void* rpp_raw_calloc(uint64_t size) {
  void* p = std::calloc(1, size ? size : 1);
  if (!p) rpp_fatal_error_cstr("out of memory (raw allocation)");
  return p;
}
)CXX";

// The unit of a graph: the stem of its source file.
std::string unit_of(const flow::FunctionGraph* g) {
  if (!g->location.file) return "rpp_support";
  std::string stem = std::filesystem::path(*g->location.file).stem().string();
  return "m_" + sanitize_identifier(stem);
}

// Declarations of everything `uses` refers to that the unit does not define.
std::string declarations(Emitter& e, UnitUses& uses, const std::set<flow::FunctionGraph*>& defined) {
  // Naming functions and data may use more types: collect them first.
  std::string functions, data;
  std::map<std::string, std::string> sorted_functions, sorted_data;
  // Every function the unit calls or defines (definitions may come in any order).
  for (flow::FunctionGraph* g : defined) uses.functions.insert(g);
  for (flow::FunctionGraph* g : uses.functions) sorted_functions[e.function_name(g)] = e.prototype(g, uses) + ";\n";
  for (const StaticObject* o : uses.data) sorted_data[e.data_name(o)] = e.data_declaration(o, uses);
  for (auto& [n, text] : sorted_functions) functions += text;
  for (auto& [n, text] : sorted_data) data += text;
  return e.types().definitions(uses.types) + "\n" + data + functions;
}

// The BuiltinExceptionInfo table (layout.h order) from the program's exception classes.
std::string builtin_exceptions_table(Emitter& e, UnitUses& uses) {
  std::map<std::string, std::pair<const Struct*, const StaticObject*>> by_name;
  for (auto& [s, vt] : e.static_data().vtables()) by_name[s->name()] = {s, vt};
  std::string text = "extern \"C\" const rpp::layout::BuiltinExceptionInfo rpp_builtin_exceptions[] = {\n";
  for (const char* name : layout::kBuiltinExceptionNames) {
    auto it = by_name.find(name);
    if (it == by_name.end()) {
      text += "    {nullptr, 0, 0, 0, 0},  // " + std::string(name) + ": not in the program\n";
      continue;
    }
    auto [s, vt] = it->second;
    uses.data.insert(vt);
    size_t message = 0, error_number = 0;
    for (const Struct* p = s; p; p = p->parent()) {
      if (p->field("rpy_message")) message = field_offset(p, "rpy_message");
      for (const char* status : {"errno", "code"})  // OSError's errno, SystemExit's exit status
        if (p->field(status) && p->field(status)->type == &Signed) error_number = field_offset(p, status);
    }
    text += "    {reinterpret_cast<const rpp::layout::ClassVtable*>(&" + e.data_name(vt) + "), " +
            std::to_string(e.type_ids().id(s)) + ", " + std::to_string(allocation_size(s)) + ", " +
            std::to_string(message) + ", " + std::to_string(error_number) + "},  // " + name + "\n";
  }
  return text + "};\n";
}

std::string entry_wrapper(Emitter& e, flow::FunctionGraph* entry, UnitUses& uses) {
  uses.functions.insert(entry);
  std::string call = e.function_name(entry) + "(";
  bool first = true;
  for (flow::Variable* v : entry->startblock->inputargs) {
    if (is_void(v->concretetype)) continue;
    if (!first) call += ", ";
    call += "reinterpret_cast<" + e.type_name(v->concretetype, uses) + ">(argv)";
    first = false;
  }
  call += ")";
  const LowLevelType* rt = entry->returnblock->inputargs[0]->concretetype;
  std::string body;
  if (rt == &Signed) body = "  return " + call + ";\n";
  else body = "  " + call + ";\n  return 0;\n";
  return "static int64_t rpp_entry_point(void* argv) {\n  (void)argv;\n" + body + "}\n";
}

}  // namespace

CppProgram write_program(TranslationContext& context, const std::function<void(const CppUnit&)>& on_unit) {
  auto add_unit = [&](CppProgram& program, std::string name, std::string text) {
    program.units.push_back({std::move(name), std::move(text)});
    if (on_unit) {
      on_unit(program.units.back());
      std::string().swap(program.units.back().text);
    }
  };
  if (!context.rtyper) throw UserError("rpp translate: error: genc needs the rtyped program");
  if (!context.exceptions_transformed)
    throw UserError("rpp translate: error: genc needs the exception transform (the backendopt stage)");
  rtyper::RTyper& rtyper = *context.rtyper;
  Emitter e(rtyper.runtime_types(), rtyper.static_data(), context.gc_types);
  CppProgram program;

  // Functions, grouped by module in the order of all_graphs().
  std::vector<std::string> unit_order;
  std::map<std::string, std::vector<flow::FunctionGraph*>> members;
  for (flow::FunctionGraph* g : rtyper.all_graphs()) {
    std::string u = unit_of(g);
    if (!members.count(u)) unit_order.push_back(u);
    members[u].push_back(g);
    e.function_name(g);  // names in graph order: the same on every translation
  }
  for (const auto& o : rtyper.static_data().objects()) e.data_name(o.get());
  std::sort(unit_order.begin(), unit_order.end());
  for (const std::string& u : unit_order) {
    UnitUses uses;
    std::string bodies;
    std::set<flow::FunctionGraph*> defined(members[u].begin(), members[u].end());
    for (flow::FunctionGraph* g : members[u]) {
      bodies += write_function(e, *g, uses) + "\n";
      ++program.function_count;
    }
    std::string decls = declarations(e, uses, defined);
    // Appended in place: a chain of `+` would hold several copies of the unit at once.
    std::string text = "// " + u + ".cc: generated by rpp (genc)\n";
    text.reserve(text.size() + std::string_view(kPreamble).size() + decls.size() + bodies.size() + 2);
    text.append(kPreamble).append("\n").append(decls).append("\n").append(bodies);
    std::string().swap(bodies);
    add_unit(program, u, std::move(text));
  }

  // Static data, type ids, builtin exceptions and main.
  UnitUses uses;
  std::string data = write_static_data(e, uses);
  program.static_object_count = rtyper.static_data().objects().size();
  std::string exceptions = builtin_exceptions_table(e, uses);
  flow::FunctionGraph* entry = rtyper.entry_graph();
  if (!entry) throw UserError("rpp translate: error: no entry point to emit");
  std::string wrapper = entry_wrapper(e, entry, uses) + "\n" + exception_str_function(rtyper);
  // Every GC type a unit allocates has been numbered by now: the table comes last.
  std::string table = e.type_ids().table_text();
  std::map<std::string, std::string> sorted_functions;
  for (flow::FunctionGraph* g : uses.functions) sorted_functions[e.function_name(g)] = e.prototype(g, uses) + ";\n";
  std::string functions;
  for (auto& [n, text] : sorted_functions) functions += text;
  std::string main_text = R"CXX(
#include "runtime/gc/type_info.h"
#include "runtime/rlib/main_support.h"

int main(int argc, char** argv) {
  static const RppProgram program = {rpp_entry_point, rpp_exception_str, rpp_type_info_table, rpp_type_info_count,
                                     rpp_builtin_exceptions, 0};
  return rpp_main(argc, argv, &program);
}
)CXX";
  std::string text = "// rpp_data.cc: generated by rpp (genc): static data, type ids, main\n" + std::string(kPreamble) +
                     "#include \"runtime/gc/type_info.h\"\n\n" + e.types().definitions(uses.types) + "\n" + functions +
                     "\n" + data + "\n" + exceptions + "\n" + table + "\n" + wrapper + main_text;
  add_unit(program, "rpp_data", std::move(text));
  return program;
}

}  // namespace rpp::genc
