// The LL text printer (ll_printer.h).
#include "translator/ll/ll_printer.h"

#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "rtyper/lltype/symbolic.h"
#include "translator/ll/ll_constants.h"
#include "translator/ll/ll_lexer.h"

namespace rpp::ll {

using namespace lltype;
using flow::Block;
using flow::Constant;
using flow::FunctionGraph;
using flow::Link;
using flow::Value;
using flow::Variable;

bool is_runtime_type_name(const std::string& name) {
  static const std::set<std::string> names = {"object_vtable", "object",      "rpy_string",    "rpy_bytes",
                                              "rpy_builder",   "gcref",       "rpy_str_list", "rpy_bytes_list"};
  return names.count(name) > 0;
}

std::string format_float(double value) {
  if (std::isnan(value)) return std::signbit(value) ? "-nan" : "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

namespace {

std::string graph_type_text(const FunctionGraph& g) {
  std::string s = "Ptr(Func(";
  if (g.startblock)
    for (size_t i = 0; i < g.startblock->inputargs.size(); ++i) {
      if (i) s += ", ";
      auto* t = g.startblock->inputargs[i]->concretetype;
      s += t ? t->to_string() : "?";
    }
  auto* r = g.returnblock->inputargs[0]->concretetype;
  return s + ") -> " + (r ? r->to_string() : "?") + ")";
}

// The literal of a constant and the type that literal has by default ("" when it always needs
// an explicit type).
std::pair<std::string, std::string> literal_of(const Constant& c) {
  const LowLevelType* t = c.concretetype;
  return std::visit(
      [&](auto&& v) -> std::pair<std::string, std::string> {
        using V = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<V, flow::NoneValue>) {
          if (t && (t->kind() == TypeKind::Ptr || t == &Address)) return {"null", ""};
          return {"none", "Void"};
        } else if constexpr (std::is_same_v<V, bool>) {
          return {v ? "true" : "false", "Bool"};
        } else if constexpr (std::is_same_v<V, int64_t>) {
          if (t == &Char) return {"'" + escape_char(uint32_t(v)) + "'", "Char"};
          if (t == &UniChar) return {"u'" + escape_char(uint32_t(v)) + "'", "UniChar"};
          return {std::to_string(v), "Signed"};
        } else if constexpr (std::is_same_v<V, uint64_t>) {
          return {std::to_string(v), ""};
        } else if constexpr (std::is_same_v<V, double>) {
          return {format_float(v), "Float"};
        } else if constexpr (std::is_same_v<V, std::string>) {
          return {escape_string(v), "Void"};
        } else if constexpr (std::is_same_v<V, flow::GraphRef>) {
          if (!v.graph) return {"null", ""};
          return {graph_reference(v.graph->name), graph_type_text(*v.graph)};
        } else if constexpr (std::is_same_v<V, std::shared_ptr<const flow::ConstPayload>>) {
          if (!v) return {"none", "Void"};
          if (auto* s = dynamic_cast<const Symbolic*>(v.get()))
            return {s->repr(), s->kind() == SymbolicKind::Vtable ? "" : "Signed"};
          if (dynamic_cast<const HelperRef*>(v.get())) {
            auto* h = static_cast<const HelperRef*>(v.get())->helper();
            return {v->repr(), "Ptr(Func" + std::string(h->signature) + ")"};
          }
          return {v->repr(), "Void"};  // <T>, [@f, @g]
        } else if constexpr (std::is_same_v<V, flow::PyObjectRef>) {
          return {"?pyobject(" + std::to_string(v.id) + ")", ""};
        } else if constexpr (std::is_same_v<V, flow::Bytes>) {
          return {"?bytes" + escape_string(v.data), ""};
        } else if constexpr (std::is_same_v<V, flow::DefaultCase>) {
          return {"default", ""};
        } else {
          return {"?last_exception", ""};
        }
      },
      c.value);
}

class GraphPrinter {
 public:
  GraphPrinter(const FunctionGraph& g, const PrintOptions& options) : g_(g), options_(options) {}

  std::string run() {
    auto blocks = g_.iterblocks();
    for (Block* b : blocks) {
      if (b == g_.returnblock || b == g_.exceptblock) continue;
      labels_[b] = "b" + std::to_string(labels_.size());
    }
    collect_uses(blocks);
    number_variables(blocks);

    std::string out = "graph " + graph_reference(g_.name) + "(";
    if (g_.startblock)
      for (size_t i = 0; i < g_.startblock->inputargs.size(); ++i) {
        if (i) out += ", ";
        out += type_text(g_.startblock->inputargs[i]->concretetype);
      }
    out += ") -> " + type_text(g_.returnblock->inputargs[0]->concretetype);
    auto* et = g_.exceptblock->inputargs[0]->concretetype;
    auto* ev = g_.exceptblock->inputargs[1]->concretetype;
    if (et && ev && (et->to_string() != "Ptr(object_vtable)" || ev->to_string() != "Ptr(object)"))
      out += " except(" + et->to_string() + ", " + ev->to_string() + ")";
    out += flags_text();
    if (options_.locations && g_.location.known()) out += " " + location_text(g_.location);
    out += " {\n";
    for (Block* b : blocks) {
      if (b == g_.returnblock || b == g_.exceptblock) continue;
      print_block(b, out);
    }
    return out + "}\n";
  }

 private:
  static std::string type_text(const LowLevelType* t) { return t ? t->to_string() : "?"; }

  static std::string sanitize(const std::string& hint) {
    std::string s;
    for (char c : hint) s += (std::isalnum(static_cast<unsigned char>(c)) || c == '_') ? c : '_';
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) s = "v" + s;
    return s;
  }

  void name(const Variable* v) {
    if (names_.count(v)) return;
    std::string n = std::to_string(names_.size());
    names_[v] = v->name_hint.empty() ? "v" + n : sanitize(v->name_hint) + "_" + n;
  }

  void number_variables(const std::vector<Block*>& blocks) {
    for (Block* b : blocks) {
      if (b == g_.returnblock || b == g_.exceptblock) continue;
      for (Variable* v : b->inputargs) name(v);
      for (auto& op : b->operations)
        if (!anonymous(op)) name(op.result);
      for (auto& l : b->exits) {
        if (l->last_exception) name(l->last_exception);
        if (l->last_exc_value) name(l->last_exc_value);
      }
    }
  }

  void collect_uses(const std::vector<Block*>& blocks) {
    for (Block* b : blocks) {
      for (auto& op : b->operations)
        for (Value* a : op.args) used_.insert(a);
      if (b->exitswitch) used_.insert(b->exitswitch);
      for (auto& l : b->exits)
        for (Value* a : l->args) used_.insert(a);
    }
  }

  // An unused Void result is not printed (nor numbered).
  bool anonymous(const flow::Operation& op) const {
    return op.result && op.result->concretetype == &Void && !used_.count(op.result);
  }

  std::string value_text(const Value* v) {
    if (auto* c = dynamic_cast<const Constant*>(v)) return format_ll_constant(*c);
    auto* var = static_cast<const Variable*>(v);
    auto it = names_.find(var);
    if (it == names_.end()) return "?undefined";  // a variable from no printed block
    return it->second;
  }

  std::string flags_text() const {
    std::vector<std::string> flags;
    const auto& f = g_.flags;
    if (f.elidable) flags.push_back("elidable");
    if (f.dont_look_inside) flags.push_back("dont_look_inside");
    if (f.unroll_safe) flags.push_back("unroll_safe");
    if (f.look_inside_iff) flags.push_back("look_inside_iff");
    if (f.loop_invariant) flags.push_back("loop_invariant");
    if (f.always_inline) flags.push_back("always_inline");
    if (f.dont_inline) flags.push_back("dont_inline");
    if (!f.oopspec.empty()) flags.push_back("oopspec(" + escape_string(f.oopspec) + ")");
    if (flags.empty()) return "";
    std::string s = " [";
    for (size_t i = 0; i < flags.size(); ++i) s += (i ? ", " : "") + flags[i];
    return s + "]";
  }

  static std::string location_text(const flow::SourceLocation& loc) {
    std::string s = "loc(";
    bool first = true;
    for (const flow::SourceLocation* l = &loc; l; l = l->inlined_at.get()) {
      if (!first) s += ", ";
      first = false;
      s += escape_string(l->file ? *l->file : "") + ":" + std::to_string(l->line) + ":" + std::to_string(l->col);
    }
    return s + ")";
  }

  std::string target_text(const Link& l) {
    std::string s;
    if (l.target == g_.returnblock) s = "return(";
    else if (l.target == g_.exceptblock) s = "except(";
    else {
      auto it = labels_.find(l.target);
      s = (it == labels_.end() ? "?block" : it->second) + "(";
    }
    for (size_t i = 0; i < l.args.size(); ++i) s += (i ? ", " : "") + value_text(l.args[i]);
    return s + ")";
  }

  void print_block(Block* b, std::string& out) {
    out += labels_[b] + "(";
    for (size_t i = 0; i < b->inputargs.size(); ++i)
      out += (i ? ", " : "") + names_[b->inputargs[i]] + ": " + type_text(b->inputargs[i]->concretetype);
    out += "):\n";
    for (auto& op : b->operations) {
      out += "  ";
      if (!anonymous(op)) out += value_text(op.result) + ": " + type_text(op.result->concretetype) + " = ";
      out += op.opname + "(";
      for (size_t i = 0; i < op.args.size(); ++i) out += (i ? ", " : "") + value_text(op.args[i]);
      out += ")";
      if (options_.locations && op.location.known()) out += " " + location_text(op.location);
      out += "\n";
    }
    if (b->raises()) {
      out += "  catch {\n";
      for (auto& l : b->exits) {
        out += "    ";
        const Constant* c = l->llexitcase ? l->llexitcase : l->exitcase;
        if (!c) {
          out += "ok";
        } else {
          out += format_ll_constant(*c);
          if (l->last_exception && l->last_exc_value)
            out += " as (" + names_[l->last_exception] + ": " + type_text(l->last_exception->concretetype) + ", " +
                   names_[l->last_exc_value] + ": " + type_text(l->last_exc_value->concretetype) + ")";
        }
        out += " -> " + target_text(*l) + "\n";
      }
      out += "  }\n";
    } else if (b->exitswitch) {
      out += "  switch " + value_text(b->exitswitch) + " {\n";
      for (auto& l : b->exits) {
        const Constant* c = l->llexitcase ? l->llexitcase : l->exitcase;
        out += "    " + (c ? format_ll_constant(*c) : std::string("?case")) + " -> " + target_text(*l) + "\n";
      }
      out += "  }\n";
    } else if (b->exits.size() == 1) {
      out += "  goto " + target_text(*b->exits[0]) + "\n";
    } else {
      out += "  ; block without a single exit\n";
    }
  }

  const FunctionGraph& g_;
  const PrintOptions& options_;
  std::map<const Block*, std::string> labels_;
  std::map<const Variable*, std::string> names_;
  std::set<const Value*> used_;
};

}  // namespace

std::string format_ll_constant(const Constant& c) {
  auto [literal, default_type] = literal_of(c);
  if (std::holds_alternative<flow::DefaultCase>(c.value)) return literal;
  std::string actual = c.concretetype ? c.concretetype->to_string() : "";
  if (actual.empty() || actual == default_type) return literal;
  return literal + ":" + actual;
}

std::string print_struct_declaration(const Struct& s) {
  std::string out = s.is_gc() ? "gcstruct " : "struct ";
  out += s.name();
  if (s.hints().immutable) out += " immutable";
  if (s.hints().virtualizable) {
    out += " virtualizable(";
    for (size_t i = 0; i < s.hints().virtualizable_fields.size(); ++i)
      out += (i ? ", " : "") + s.hints().virtualizable_fields[i];
    out += ")";
  }
  if (s.fields().empty()) return out + " {}\n";
  out += " {\n";
  for (const StructField& f : s.fields()) {
    out += "  " + f.name + ": " + f.type->to_string();
    if (f.mutability != FieldMutability::Mutable) out += std::string(" ") + mutability_name(f.mutability);
    out += "\n";
  }
  return out + "}\n";
}

std::string print_type_declarations(const TypeArena& arena) {
  std::string out;
  for (const ContainerType* t : arena.named_types()) {
    if (auto* s = as<Struct>(t)) {
      if (is_runtime_type_name(s->name())) continue;
      out += print_struct_declaration(*s);
    } else if (auto* o = as<OpaqueType>(t)) {
      if (is_runtime_type_name(o->name())) continue;
      out += std::string(o->is_gc() ? "gcopaque " : "opaque ") + o->name() + "\n";
    }
  }
  return out;
}

std::string print_ll_graph(const FunctionGraph& graph, const PrintOptions& options) {
  return GraphPrinter(graph, options).run();
}

std::string print_ll_module(const LLModule& module, const PrintOptions& options) {
  std::string out = print_type_declarations(module.types());
  for (auto& g : module.graphs()) {
    if (!out.empty()) out += "\n";
    out += print_ll_graph(*g, options);
  }
  return out;
}

}  // namespace rpp::ll
