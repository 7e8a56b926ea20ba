// The text form of a peeled loop's entry (LoopEntry, optimizer.h), printed on demand
// (`rpp jit-opt --loop-entry`):
//   state: [#0, object intbox {intbox.v=#1}]    the label's original arguments over leaves #K
//   vable: #0.frame.pc = #2 (dirty)             virtualizable fields kept in registers
//   write: #0.frame.acc = #3 (dirty)            delayed writes kept delayed
//   heap: #0.frame.code = #4                    known field contents
//   item: #4[0] (ints) = #5                     known array items
//   pure: #6 = int_mul(#1, 7)                   pure results (functions of call_pure by name)
//   #1: class intbox / nonnull / constant 3 / bool / range [a, b]   facts assumed per leaf
#include <functional>

#include "runtime/jit/optimizer/optimizer.h"

namespace rpp::jit::opt {

std::string print_loop_entry(const LoopEntry& e, const TraceNamespace& names) {
  std::string out;
  std::function<void(int)> describe = [&](int index) {
    const LoopEntry::Node& n = e.nodes[static_cast<size_t>(index)];
    if (n.leaf >= 0) {
      out += "#" + std::to_string(n.leaf);
      return;
    }
    out += std::string(virtual_kind_name(n.kind)) + (n.descr ? " " + n.descr->name : "") + " {";
    for (size_t i = 0; i < n.fields.size(); ++i) {
      out += (i ? ", " : "") + n.fields[i].first->name + "=";
      describe(n.fields[i].second);
    }
    for (size_t i = 0; i < n.items.size(); ++i) {
      out += i ? ", " : "";
      if (n.items[i] < 0)
        out += "0";
      else
        describe(n.items[i]);
    }
    out += "}";
  };
  out += "state: [";
  for (size_t i = 0; i < e.roots.size(); ++i) {
    out += i ? ", " : "";
    describe(e.roots[i]);
  }
  out += "]\n";
  for (const LoopEntry::VableLink& l : e.vable) {
    out += std::string(l.heap ? "write" : "vable") + ": #" + std::to_string(l.object_leaf) + "." + l.field->name + " = ";
    describe(l.value_root);
    out += l.dirty ? " (dirty)\n" : "\n";
  }
  for (const LoopEntry::HeapLink& l : e.heap)
    out += "heap: #" + std::to_string(l.object_leaf) + "." + l.field->name + " = #" + std::to_string(l.value_leaf) + "\n";
  for (const LoopEntry::ItemLink& l : e.items)
    out += "item: #" + std::to_string(l.object_leaf) + "[" + std::to_string(l.index) + "] (" + l.array->name + ") = #" +
           std::to_string(l.value_leaf) + "\n";
  for (const LoopEntry::PureLink& l : e.pure) {
    out += "pure: #" + std::to_string(l.value_leaf) + " = " + std::string(op_name(l.opcode)) + "(";
    for (size_t i = 0; i < l.args.size(); ++i) {
      out += i ? ", " : "";
      const LoopEntry::PureArg& a = l.args[i];
      if (a.leaf >= 0) {
        out += "#" + std::to_string(a.leaf);
      } else {
        const std::string* symbol = a.bits ? names.symbol_name(a.bits) : nullptr;  // (a function: by name)
        out += symbol ? "ConstClass(" + *symbol + ")" : std::to_string(static_cast<int64_t>(a.bits));
      }
    }
    out += ")\n";
  }
  for (size_t k = 0; k < e.facts.size(); ++k) {
    const LoopEntry::Fact& f = e.facts[k];
    std::string s;
    if (f.is_const) s += " constant " + std::to_string(static_cast<int64_t>(f.bits));
    if (f.known_class) {
      const std::string* n = names.symbol_name(f.known_class);
      s += " class " + (n ? *n : std::string("?"));
    } else if (f.nonnull) {
      s += " nonnull";
    }
    if (f.is_bool) s += " bool";
    if (f.type == ValueType::Int && !f.is_const && (f.lo != INT64_MIN || f.hi != INT64_MAX))
      s += " range " + IntBound::range(f.lo, f.hi).to_string();
    if (!s.empty()) out += "#" + std::to_string(k) + ":" + s + "\n";
  }
  return out;
}

}  // namespace rpp::jit::opt
