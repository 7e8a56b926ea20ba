// Compiling low-level graphs for the ll interpreter (compiled_graph.h).
#include "translator/llinterp/compiled_graph.h"

#include <map>
#include <unordered_map>

#include "rtyper/lltype/symbolic.h"
#include "runtime/layout.h"
#include "translator/ll/ll_constants.h"
#include "translator/llinterp/llinterp.h"

namespace rpp::llinterp {

using namespace lltype;
using flow::Block;
using flow::Constant;
using flow::Operation;
using flow::Value;
using flow::Variable;

std::string location_prefix(const Operation* op, const flow::FunctionGraph* graph) {
  if (op && op->location.known())
    return *op->location.file + ":" + std::to_string(op->location.line) + ":" + std::to_string(op->location.col) + ": ";
  return "graph " + (graph ? graph->name : std::string("?")) + ": ";
}

namespace {

const std::string* void_string(const Value* v) {
  auto* c = dynamic_cast<const Constant*>(v);
  return c ? std::get_if<std::string>(&c->value) : nullptr;
}

class GraphCompiler {
 public:
  GraphCompiler(flow::FunctionGraph& graph, Heap& heap) : graph_(graph), heap_(heap) {}

  std::unique_ptr<CompiledGraph> compile() {
    out_ = std::make_unique<CompiledGraph>();
    out_->graph = &graph_;
    std::vector<Block*> blocks = graph_.iterblocks();
    auto add = [&](Block* b) {
      if (b && !index_.count(b)) {
        index_[b] = int32_t(order_.size());
        order_.push_back(b);
      }
    };
    for (Block* b : blocks) add(b);
    add(graph_.returnblock);
    add(graph_.exceptblock);
    out_->blocks.resize(order_.size());
    for (size_t i = 0; i < order_.size(); ++i) compile_block(*order_[i], out_->blocks[i]);
    out_->slot_count = slots_.size();
    return std::move(out_);
  }

 private:
  flow::FunctionGraph& graph_;
  Heap& heap_;
  std::unique_ptr<CompiledGraph> out_;
  std::unordered_map<const Block*, int32_t> index_;
  std::vector<Block*> order_;
  std::unordered_map<const Variable*, int32_t> slots_;
  std::unordered_map<const Constant*, int32_t> constants_;
  const Operation* current_ = nullptr;

  [[noreturn]] void fail(const std::string& message) {
    throw InterpError(location_prefix(current_, &graph_) + "error: " + message + " (in graph " + graph_.name + ")");
  }

  int32_t slot(const Variable* v) {
    auto it = slots_.find(v);
    if (it != slots_.end()) return it->second;
    int32_t s = int32_t(slots_.size());
    slots_[v] = s;
    return s;
  }

  Operand operand(Value* v) {
    if (v->is_variable()) return slot(static_cast<Variable*>(v));
    auto* c = static_cast<Constant*>(v);
    auto it = constants_.find(c);
    if (it != constants_.end()) return -1 - it->second;
    Word w;
    try {
      w = heap_.constant_word(c->value, c->concretetype);
    } catch (const TypeError& e) {
      fail(e.what());
    }
    int32_t i = int32_t(out_->constants.size());
    out_->constants.push_back(w);
    constants_[c] = i;
    return -1 - i;
  }

  const Struct* struct_of(Value* v) {
    auto* s = pointee<Struct>(v->concretetype);
    if (!s) fail("expected a pointer to a struct, got " + (v->concretetype ? v->concretetype->to_string() : "<untyped>"));
    return s;
  }

  const ContainerType* container_of(Value* v) {
    auto* p = as<Ptr>(v->concretetype);
    if (!p) fail("expected a pointer, got " + (v->concretetype ? v->concretetype->to_string() : "<untyped>"));
    return p->to();
  }

  int64_t offset_of(const Struct* s, Value* name) {
    const std::string* n = void_string(name);
    if (!n) fail("a field name must be a constant string");
    try {
      return int64_t(field_offset(s, *n));
    } catch (const TypeError& e) {
      fail(e.what());
    }
  }

  VarsizeLayout array_of(const ContainerType* t) {
    try {
      return varsize_layout(t);
    } catch (const TypeError& e) {
      fail(e.what());
    }
  }

  // The path of getinteriorfield & co.; returns the type it leads to.
  const LowLevelType* interior_path(const ContainerType* start, const std::vector<Value*>& steps,
                                    std::vector<InteriorStep>& path) {
    const LowLevelType* t = start;
    for (Value* step : steps) {
      InteriorStep s;
      if (auto* st = as<Struct>(t)) {
        s.offset = offset_of(st, step);
        t = st->field(*void_string(step))->type;
      } else if (auto* a = as<Array>(t)) {
        s.is_index = true;
        s.index = operand(step);
        s.array = array_of(a);
        t = a->item();
      } else {
        fail("cannot go inside " + t->to_string());
      }
      path.push_back(s);
    }
    return t;
  }

  void compile_op(const Operation& op, CompiledOp& c) {
    current_ = &op;
    c.source = &op;
    const std::string& name = op.opname;
    const auto& a = op.args;
    auto args_from = [&](size_t first, size_t end) {
      for (size_t i = first; i < end; ++i) c.args.push_back(operand(a[i]));
    };
    if (op.result && op.result->concretetype && !is_void(op.result->concretetype)) c.result = slot(op.result);

    if (const OperationEvaluator* e = find_evaluator(name)) {
      if (int(a.size()) != e->arity) fail(name + " takes " + std::to_string(e->arity) + " operands");
      c.code = OpCode::Evaluate;
      c.evaluator = e;
      args_from(0, a.size());
      return;
    }
    if (name == "same_as" || name == "cast_pointer" || name == "cast_opaque_ptr" || name == "cast_int_to_ptr" ||
        name == "cast_ptr_to_adr" || name == "cast_adr_to_ptr" || name == "hint" || name == "jit_force_virtual") {
      c.code = OpCode::Copy;
      args_from(0, 1);
      return;
    }
    if (name == "getfield" || name == "setfield" || name == "bare_setfield" || name == "getsubstruct") {
      const Struct* s = struct_of(a[0]);
      c.offset = offset_of(s, a[1]);
      c.type = s->field(*void_string(a[1]))->type;
      c.args.push_back(operand(a[0]));
      if (name == "getfield") c.code = OpCode::Load;
      else if (name == "getsubstruct") c.code = OpCode::Address;
      else {
        c.code = OpCode::Store;
        c.args.push_back(operand(a[2]));
      }
      return;
    }
    if (name == "raw_load" || name == "raw_store") {
      c.code = name == "raw_load" ? OpCode::Load : OpCode::Store;
      c.type = name == "raw_load" ? op.result->concretetype : a[2]->concretetype;
      args_from(0, a.size());
      return;
    }
    if (name == "getarrayitem" || name == "setarrayitem" || name == "bare_setarrayitem" || name == "getarraysubstruct" ||
        name == "getarraysize") {
      const ContainerType* t = container_of(a[0]);
      c.array = array_of(t);
      c.type = c.array.array->item();
      c.code = name == "getarrayitem" ? OpCode::ArrayLoad
               : name == "getarraysubstruct" ? OpCode::ArrayAddress
               : name == "getarraysize" ? OpCode::ArrayLength
                                        : OpCode::ArrayStore;
      args_from(0, a.size());
      return;
    }
    if (name == "getinteriorfield" || name == "setinteriorfield" || name == "getinteriorarraysize") {
      bool set = name == "setinteriorfield";
      std::vector<Value*> steps(a.begin() + 1, a.end() - (set ? 1 : 0));
      const LowLevelType* t = interior_path(container_of(a[0]), steps, c.path);
      c.args.push_back(operand(a[0]));
      if (name == "getinteriorarraysize") {
        auto* arr = as<Array>(t);
        if (!arr) fail("the path does not lead to an array");
        c.array = array_of(arr);
        c.code = OpCode::InteriorLength;
      } else {
        c.type = t;
        c.code = set ? OpCode::InteriorStore : OpCode::InteriorLoad;
        if (set) c.args.push_back(operand(a.back()));
      }
      return;
    }
    if (name == "direct_call") {
      auto* callee = dynamic_cast<Constant*>(a[0]);
      c.code = OpCode::DirectCall;
      c.graph = callee ? ll::graph_of(callee) : nullptr;
      c.helper = callee ? ll::helper_of(callee) : nullptr;
      if (!c.graph && !c.helper) fail("direct_call of something that is neither a graph nor a helper");
      args_from(1, a.size());
      return;
    }
    if (name == "indirect_call") {
      c.code = OpCode::IndirectCall;
      args_from(0, a.size() - 1);
      return;
    }
    if (name == "malloc" || name == "malloc_varsize") {
      c.code = OpCode::Malloc;
      c.alloc_type = dynamic_cast<const ContainerType*>(type_constant_of(dynamic_cast<Constant*>(a[0])));
      if (!c.alloc_type) fail("malloc of something that is not a container type");
      if (name == "malloc_varsize") c.args.push_back(operand(a[2]));
      return;
    }
    if (name == "gc_identityhash" || name == "gc_id") {
      c.code = OpCode::IdentityHash;
      args_from(0, 1);
      return;
    }
    if (name == "jit_conditional_call" || name == "jit_conditional_call_value") {
      c.code = name == "jit_conditional_call" ? OpCode::ConditionalCall : OpCode::ConditionalCallValue;
      args_from(0, a.size());
      return;
    }
    if (name == "jit_is_virtual") {
      c.code = OpCode::IsVirtual;
      return;
    }
    if (name == "stack_check") {
      c.code = OpCode::StackCheck;
      return;
    }
    if (name == "debug_assert") {
      c.code = OpCode::DebugAssert;
      c.args.push_back(operand(a[0]));
      if (const std::string* m = void_string(a[1])) c.text = *m;
      return;
    }
    if (name == "debug_fatalerror") {
      c.code = OpCode::FatalError;
      args_from(0, a.size());
      return;
    }
    static const char* const kNoEffect[] = {
        "free", "gc__collect", "gc_writebarrier", "gc_push_roots", "gc_pop_roots", "gc_stack_bottom", "jit_marker",
        "jit_force_virtualizable", "jit_force_quasi_immutable", "jit_record_exact_class", "jit_enter_portal_frame",
        "jit_leave_portal_frame", "debug_start", "debug_stop", "keepalive", "nop"};
    for (const char* n : kNoEffect)
      if (name == n) {
        c.code = OpCode::Nop;
        return;
      }
    fail("the ll interpreter cannot run the operation '" + name + "'");
  }

  void compile_block(Block& block, CompiledBlock& out) {
    if (&block == graph_.returnblock) out.kind = CompiledBlock::Kind::Return;
    else if (&block == graph_.exceptblock) out.kind = CompiledBlock::Kind::Except;
    for (Variable* v : block.inputargs) out.inputs.push_back(slot(v));
    out.ops.resize(block.operations.size());
    for (size_t i = 0; i < block.operations.size(); ++i) compile_op(block.operations[i], out.ops[i]);
    current_ = block.operations.empty() ? nullptr : &block.operations.back();
    if (block.exits.empty()) {
      out.exit = CompiledBlock::Exit::None;
      if (out.kind == CompiledBlock::Kind::Normal) fail("a block without exits that is neither the return nor the except block");
      return;
    }
    if (block.raises()) out.exit = CompiledBlock::Exit::Catch;
    else if (block.exitswitch) {
      out.exit = CompiledBlock::Exit::Switch;
      out.exitswitch = operand(block.exitswitch);
    } else {
      out.exit = CompiledBlock::Exit::Goto;
    }
    for (auto& link : block.exits) {
      CompiledLink l;
      l.target = index_.at(link->target);
      if (link->last_exception) l.last_exception = slot(link->last_exception);
      if (link->last_exc_value) l.last_exc_value = slot(link->last_exc_value);
      for (Value* v : link->args) l.args.push_back(operand(v));
      Constant* kase = link->llexitcase ? link->llexitcase : link->exitcase;
      if (kase && std::holds_alternative<flow::DefaultCase>(kase->value)) {
        l.is_default = true;
      } else if (kase && out.exit == CompiledBlock::Exit::Switch) {
        const LowLevelType* t = block.exitswitch->concretetype;
        try {
          l.case_word = heap_.constant_word(kase->value, t ? t : kase->concretetype);
        } catch (const TypeError& e) {
          fail(e.what());
        }
      } else if (kase && out.exit == CompiledBlock::Exit::Catch) {
        Word vtable;
        try {
          vtable = heap_.constant_word(kase->value, kase->concretetype);
        } catch (const TypeError& e) {
          fail(std::string("an exception case that is not a class vtable: ") + e.what());
        }
        if (!vtable) fail("an exception case that is not a class vtable");
        l.catch_min = layout::read_at<int64_t>(word_ptr(vtable), layout::kVtableSubclassrangeMinOffset);
        l.catch_max = layout::read_at<int64_t>(word_ptr(vtable), layout::kVtableSubclassrangeMaxOffset);
      }
      out.exits.push_back(std::move(l));
    }
  }
};

}  // namespace

std::unique_ptr<CompiledGraph> compile_graph(flow::FunctionGraph& graph, Heap& heap) {
  return GraphCompiler(graph, heap).compile();
}

}  // namespace rpp::llinterp
