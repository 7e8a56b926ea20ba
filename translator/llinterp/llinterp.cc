// The ll interpreter's execution loop (llinterp.h).
#include "translator/llinterp/llinterp.h"

#include <cinttypes>
#include <cstring>

#include "runtime/layout.h"
#include "translator/llinterp/compiled_graph.h"
#include "runtime/rlib/stdout_buffer.h"
#include "translator/llinterp/helper_calls.h"

namespace rpp::llinterp {

using namespace lltype;

namespace {

const char* error_suffix(ops::OpError e) {
  switch (e) {
    case ops::OpError::Overflow: return "Overflow";
    case ops::OpError::ZeroDivision: return "ZeroDivision";
    case ops::OpError::Value: return "Value";
    default: return "None";
  }
}

const char* error_class(ops::OpError e) {
  switch (e) {
    case ops::OpError::Overflow: return "OverflowError";
    case ops::OpError::ZeroDivision: return "ZeroDivisionError";
    case ops::OpError::Value: return "ValueError";
    default: return "Exception";
  }
}

// The operands of a wrapped-around operation, for the report.
std::string describe_operands(const CompiledOp& op, const Word* args) {
  std::string s;
  for (size_t i = 0; i < op.args.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(int64_t(args[i]));
  }
  return s;
}

}  // namespace

// The slots of one activation, pushed on the GC's shadow stack (rpp_globals.root_stack_*), which
// the GC scans: values held only by interpreter frames stay alive. Null slots when it is full.
struct ShadowFrame {
  Word* slots = nullptr;
  size_t count;
  explicit ShadowFrame(size_t n) : count(n) {
    auto** top = layout::rpp_globals.root_stack_top;
    if (!top || top + n > layout::rpp_globals.root_stack_limit) return;
    slots = reinterpret_cast<Word*>(top);
    std::memset(slots, 0, n * sizeof(Word));
    layout::rpp_globals.root_stack_top = top + n;
  }
  ~ShadowFrame() {
    if (slots) layout::rpp_globals.root_stack_top = reinterpret_cast<decltype(layout::rpp_globals.root_stack_top)>(slots);
  }
};

// One activation: runs a compiled graph to its return or to an exception it lets escape.
struct Runner {
  LLInterpreter& interp;
  CompiledGraph& g;
  Word* slots = nullptr;  // on the GC's shadow stack (roots: the GC sees every frame's values)
  RaisedException raised;

  Word get(Operand o) const { return o >= 0 ? slots[size_t(o)] : g.constants[size_t(-1 - o)]; }
  void set(int32_t slot, Word w) {
    if (slot >= 0) slots[size_t(slot)] = w;
  }

  [[noreturn]] void fail(const CompiledOp& op, const std::string& message) {
    throw InterpError(location_prefix(op.source, g.graph) + "error: " + message + " (in graph " + g.graph->name + ")");
  }

  void check_index(const CompiledOp& op, const void* array, const VarsizeLayout& layout, int64_t index) {
    if (!array) fail(op, op.source->opname + " on a null pointer");
    if (!layout.has_length) return;
    int64_t length = layout::read_at<int64_t>(array, layout.length_offset);
    if (index < 0 || index >= length)
      fail(op, op.source->opname + ": index " + std::to_string(index) + " out of bounds (length " +
                   std::to_string(length) + ")");
  }

  char* interior_address(const CompiledOp& op, Word base) {
    char* p = static_cast<char*>(word_ptr(base));
    if (!p) fail(op, op.source->opname + " on a null pointer");
    for (const InteriorStep& s : op.path) {
      if (!s.is_index) {
        p += s.offset;
        continue;
      }
      int64_t i = int64_t(get(s.index));
      check_index(op, p, s.array, i);
      p += s.array.items_offset + size_t(i) * s.array.item_size;
    }
    return p;
  }

  // Calls a graph or a helper; false when it raised (then `raised` is set).
  bool call_callee(const CompiledOp& op, flow::FunctionGraph* graph, const ll::HelperInfo* helper,
                   const std::vector<Word>& args, Word& result) {
    if (graph) {
      LLInterpreter::Outcome o = interp.call_graph(graph, args);
      if (o.raised) {
        raised = o.exception;
        return false;
      }
      result = o.value;
      return true;
    }
    HelperBody body = find_helper_body(helper->name);
    if (!body)
      fail(op, "the runtime helper $" + std::string(helper->name) + " has no body the ll interpreter can call yet");
    result = body(interp, args.data());
    if (interp.options_.exceptions_transformed) return true;  // the caller tests the state
    if (layout::rpp_globals.exc_type) {
      raised.type = to_word(layout::rpp_globals.exc_type);
      raised.value = to_word(layout::rpp_globals.exc_value);
      ops::exc_clear();
      return false;
    }
    return true;
  }

  bool call_word(const CompiledOp& op, Word fn, const std::vector<Word>& args, Word& result) {
    const Heap::Callee* callee = interp.heap_.callee_of(fn);
    if (!callee) fail(op, fn ? "a call through a pointer that is not a function" : "a call through a null function pointer");
    return call_callee(op, callee->graph, static_cast<const ll::HelperInfo*>(callee->helper), args, result);
  }

  // Executes one operation; false when it raised.
  bool execute(const CompiledOp& op) {
    Word args[8];
    std::vector<Word> many;
    const Word* a = args;
    if (op.args.size() <= 8) {
      for (size_t i = 0; i < op.args.size(); ++i) args[i] = get(op.args[i]);
    } else {
      for (Operand o : op.args) many.push_back(get(o));
      a = many.data();
    }
    switch (op.code) {
      case OpCode::Evaluate: {
        if (interp.options_.check_overflow && op.evaluator->overflow_check) {
          Word ignored;
          if (op.evaluator->overflow_check(a, &ignored) == ops::OpError::Overflow)
            throw InterpError(location_prefix(op.source, g.graph) + "error: integer overflow: " + op.source->opname +
                                  "(" + describe_operands(op, a) + ") wraps around (in graph " + g.graph->name +
                                  "; use ovfcheck() or intmask())",
                              kOverflowExitCode);
        }
        Word r = 0;
        ops::OpError e = op.evaluator->evaluate(a, &r);
        if (e != ops::OpError::None) {
          raised = interp.operation_exception(op.source->opname, error_suffix(e), error_class(e));
          return false;
        }
        set(op.result, r);
        return true;
      }
      case OpCode::Copy: set(op.result, a[0]); return true;
      case OpCode::Load: {
        void* p = word_ptr(a[0]);
        if (!p) fail(op, op.source->opname + " on a null pointer");
        int64_t offset = op.args.size() > 1 ? int64_t(a[1]) : op.offset;
        set(op.result, load_value(p, offset, op.type));
        return true;
      }
      case OpCode::Store: {
        void* p = word_ptr(a[0]);
        if (!p) fail(op, op.source->opname + " on a null pointer");
        if (op.args.size() > 2) store_value(p, int64_t(a[1]), op.type, a[2]);
        else store_value(p, op.offset, op.type, a[1]);
        return true;
      }
      case OpCode::Address: {
        char* p = static_cast<char*>(word_ptr(a[0]));
        if (!p) fail(op, op.source->opname + " on a null pointer");
        set(op.result, to_word(p + op.offset));
        return true;
      }
      case OpCode::ArrayLoad:
      case OpCode::ArrayStore:
      case OpCode::ArrayAddress: {
        char* p = static_cast<char*>(word_ptr(a[0]));
        int64_t i = int64_t(a[1]);
        check_index(op, p, op.array, i);
        char* item = p + op.array.items_offset + size_t(i) * op.array.item_size;
        if (op.code == OpCode::ArrayLoad) set(op.result, load_value(item, 0, op.type));
        else if (op.code == OpCode::ArrayStore) store_value(item, 0, op.type, a[2]);
        else set(op.result, to_word(item));
        return true;
      }
      case OpCode::ArrayLength: {
        void* p = word_ptr(a[0]);
        if (!p) fail(op, "getarraysize on a null pointer");
        set(op.result, Word(layout::read_at<int64_t>(p, op.array.length_offset)));
        return true;
      }
      case OpCode::InteriorLoad: set(op.result, load_value(interior_address(op, a[0]), 0, op.type)); return true;
      case OpCode::InteriorStore: store_value(interior_address(op, a[0]), 0, op.type, a[1]); return true;
      case OpCode::InteriorLength:
        set(op.result, Word(layout::read_at<int64_t>(interior_address(op, a[0]), op.array.length_offset)));
        return true;
      case OpCode::DirectCall: {
        std::vector<Word> call_args(a, a + op.args.size());
        Word r = 0;
        if (!call_callee(op, op.graph, op.helper, call_args, r)) return false;
        set(op.result, r);
        return true;
      }
      case OpCode::IndirectCall: {
        std::vector<Word> call_args(a + 1, a + op.args.size());
        Word r = 0;
        if (!call_word(op, a[0], call_args, r)) return false;
        set(op.result, r);
        return true;
      }
      case OpCode::Malloc: {
        int64_t length = op.args.empty() ? 0 : int64_t(a[0]);
        if (length < 0) fail(op, "malloc_varsize with a negative length " + std::to_string(length));
        set(op.result, to_word(interp.heap_.allocate(op.alloc_type, length)));
        return true;
      }
      case OpCode::IdentityHash: set(op.result, a[0]); return true;
      case OpCode::ConditionalCall:
      case OpCode::ConditionalCallValue: {
        Word value = a[0];
        bool call = op.code == OpCode::ConditionalCall ? value != 0 : value == 0;
        if (!call) {
          set(op.result, value);
          return true;
        }
        std::vector<Word> call_args(a + 2, a + op.args.size());
        Word r = 0;
        if (!call_word(op, a[1], call_args, r)) return false;
        set(op.result, r);
        return true;
      }
      case OpCode::IsVirtual: set(op.result, 0); return true;
      case OpCode::StackCheck:
        if (interp.depth_ >= interp.options_.max_depth) {
          raised = interp.operation_exception("stack_check", "Recursion", "RecursionError");
          return false;
        }
        return true;
      case OpCode::DebugAssert:
        if (!a[0]) fail(op, "debug_assert failed: " + op.text);
        return true;
      case OpCode::FatalError: {
        std::string message;
        if (!op.args.empty() && pointee<Struct>(op.source->args[0]->concretetype) &&
            pointee<Struct>(op.source->args[0]->concretetype)->name() == "rpy_string" && a[0])
          message = Heap::str_utf8(word_ptr(a[0]));
        interp.flush_output();
        throw InterpError("fatal error: " + message, 1);
      }
      case OpCode::Nop: return true;
    }
    return true;
  }

  // Picks the exception link of a raising block that catches `raised`, or nullptr. The normal
  // link (catch range empty) is usually first; a call that never returns has none.
  const CompiledLink* catching_link(const CompiledBlock& b) {
    int64_t id = layout::read_at<int64_t>(word_ptr(raised.type), layout::kVtableSubclassrangeMinOffset);
    for (size_t i = 0; i < b.exits.size(); ++i)
      if (ops::int_between(b.exits[i].catch_min, id, b.exits[i].catch_max)) return &b.exits[i];
    return nullptr;
  }

  const CompiledLink* switch_link(const CompiledBlock& b) {
    Word value = get(b.exitswitch);
    const CompiledLink* fallback = nullptr;
    for (const CompiledLink& l : b.exits) {
      if (l.is_default) fallback = &l;
      else if (l.case_word == value) return &l;
    }
    if (!fallback)
      throw InterpError("graph " + g.graph->name + ": error: no switch case for the value " +
                        std::to_string(int64_t(value)));
    return fallback;
  }

  LLInterpreter::Outcome run(const std::vector<Word>& args) {
    ShadowFrame frame(g.slot_count);
    if (!frame.slots) {
      LLInterpreter::Outcome o;
      o.raised = true;
      o.exception = interp.operation_exception("stack_check", "Recursion", "RecursionError");
      return o;
    }
    slots = frame.slots;
    const CompiledBlock* block = &g.blocks[0];
    if (args.size() != block->inputs.size())
      throw InterpError("graph " + g.graph->name + ": error: called with " + std::to_string(args.size()) +
                        " arguments, takes " + std::to_string(block->inputs.size()));
    for (size_t i = 0; i < args.size(); ++i) set(block->inputs[i], args[i]);
    std::vector<Word> pass;
    for (;;) {
      if (block->kind == CompiledBlock::Kind::Return) {
        LLInterpreter::Outcome o;
        o.value = block->inputs.empty() ? 0 : get(block->inputs[0]);
        return o;
      }
      if (block->kind == CompiledBlock::Kind::Except) {
        LLInterpreter::Outcome o;
        if (interp.options_.exceptions_transformed) return o;  // the state is set: return 0
        o.raised = true;
        o.exception = {get(block->inputs[0]), get(block->inputs[1])};
        return o;
      }
      const CompiledLink* link = nullptr;
      size_t n = block->ops.size();
      for (size_t i = 0; i < n; ++i) {
        if (execute(block->ops[i])) continue;
        if (interp.options_.exceptions_transformed) {
          // A failing operation sets the exception state and gives 0; the next operations
          // of the transformed graph test it.
          ops::exc_restore(word_ptr(raised.type), word_ptr(raised.value));
          set(block->ops[i].result, 0);
          continue;
        }
        if (i + 1 == n && block->exit == CompiledBlock::Exit::Catch) {
          link = catching_link(*block);
          if (link) break;
        }
        LLInterpreter::Outcome o;
        o.raised = true;
        o.exception = raised;
        return o;
      }
      if (!link) {
        if (block->exit == CompiledBlock::Exit::Switch) link = switch_link(*block);
        else link = &block->exits[0];
      } else {
        set(link->last_exception, raised.type);
        set(link->last_exc_value, raised.value);
      }
      pass.clear();
      for (Operand o : link->args) pass.push_back(get(o));
      block = &g.blocks[size_t(link->target)];
      for (size_t i = 0; i < pass.size(); ++i) set(block->inputs[i], pass[i]);
    }
  }
};

LLInterpreter::LLInterpreter(TypeArena& types, const StaticData* static_data, InterpOptions options)
    : types_(types), static_data_(static_data), options_(options), heap_(types, static_data) {}

LLInterpreter::~LLInterpreter() { flush_output(); }

CompiledGraph& LLInterpreter::compiled(flow::FunctionGraph* graph) {
  auto it = compiled_.find(graph);
  if (it != compiled_.end()) return *it->second;
  auto c = compile_graph(*graph, heap_);
  CompiledGraph& ref = *c;
  compiled_[graph] = std::move(c);
  return ref;
}

LLInterpreter::Outcome LLInterpreter::call(flow::FunctionGraph* graph, const std::vector<Word>& args) {
  if (!options_.exceptions_transformed) return call_graph(graph, args);
  ops::exc_clear();
  Outcome o = call_graph(graph, args);
  if (layout::rpp_globals.exc_type) {
    o.raised = true;
    o.exception = {to_word(layout::rpp_globals.exc_type), to_word(layout::rpp_globals.exc_value)};
    ops::exc_clear();
  }
  return o;
}

LLInterpreter::Outcome LLInterpreter::call_graph(flow::FunctionGraph* graph, const std::vector<Word>& args) {
  if (depth_ >= options_.max_depth + 100) {
    Outcome o;
    o.raised = true;
    o.exception = operation_exception("stack_check", "Recursion", "RecursionError");
    return o;
  }
  ++depth_;
  struct Leave {
    size_t& d;
    ~Leave() { --d; }
  } leave{depth_};
  Runner runner{*this, compiled(graph), {}, {}};
  return runner.run(args);
}

RaisedException LLInterpreter::operation_exception(const std::string& opname, const char* error_name,
                                                   const char* class_name) {
  if (static_data_) {
    const StaticObject* inst = static_data_->operation_exception(opname + ":" + error_name);
    if (!inst) inst = static_data_->operation_exception(std::string("*:") + error_name);
    if (inst) {
      void* p = heap_.static_address(inst);
      return {to_word(layout::read_at<void*>(p, layout::kTypeptrOffset)), to_word(p)};
    }
  }
  // No static data for it: an instance of the struct named after the class, fields zeroed.
  const RuntimeTypes& rt = heap_.runtime_types();
  const Struct* s = types_.find_struct(class_name);
  if (!s || !s->is_gc() || !s->inherits_from(rt.object))
    s = types_.make_struct(std::string(class_name), true, {{"super", rt.object}});
  void* vtable = heap_.vtable_of(s);
  void* p = heap_.allocate(s);
  layout::write_at<void*>(p, layout::kTypeptrOffset, vtable);
  return {to_word(vtable), to_word(p)};
}

std::string LLInterpreter::describe_exception(const RaisedException& e) {
  return Heap::vtable_name(word_ptr(e.type));
}

void LLInterpreter::flush_output() {
  std::fflush(stdout);
  rlib::stdout_flush();
}

}  // namespace rpp::llinterp
