// The exception transform (exception_transform.h).
#include "translator/exceptiontransform/exception_transform.h"

#include <map>

#include "rtyper/lltype/runtime_types.h"
#include "translator/backendopt/analyzers/can_raise.h"
#include "translator/exceptiontransform/graph_surgery.h"

namespace rpp::exceptiontransform {

using namespace flow;
using lltype::LowLevelType;

namespace {

class GraphTransformer {
 public:
  GraphTransformer(FunctionGraph& g, lltype::TypeArena& types, const analyzers::CanRaiseAnalysis& can_raise,
                   ExceptionTransformStats& stats)
      : g_(g), can_raise_(can_raise), stats_(stats) {
    lltype::RuntimeTypes rt = lltype::define_runtime_types(types);
    vtable_ptr_ = types.ptr(rt.object_vtable);
    object_ptr_ = types.ptr(rt.object);
  }

  void run() {
    std::vector<Block*> original = g_.iterblocks();
    for (Block* b : original) {
      if (b == g_.returnblock || b == g_.exceptblock) continue;
      if (!b->raises()) rewrite_explicit_raises(b);
    }
    for (Block* b : original) {
      if (b == g_.returnblock || b == g_.exceptblock) continue;
      transform_block(b);
    }
  }

 private:
  FunctionGraph& g_;
  const analyzers::CanRaiseAnalysis& can_raise_;
  ExceptionTransformStats& stats_;
  const LowLevelType* vtable_ptr_ = nullptr;
  const LowLevelType* object_ptr_ = nullptr;

  bool op_can_raise(const Operation& op) const {
    if (op.opname.starts_with("exc_")) return false;
    return can_raise_.operation(op);
  }

  // `propagate(): t = exc_fetch_type(); v = exc_fetch_value(); goto except(t, v)`, one per
  // raising operation: its operations carry the raising operation's location, which genc's
  // traceback entry names.
  Block* propagate_block(const SourceLocation& where) {
    Block* propagate = g_.new_block({});
    Variable* t = append_op(g_, propagate, "exc_fetch_type", {}, vtable_ptr_, where, "etype");
    Variable* v = append_op(g_, propagate, "exc_fetch_value", {}, object_ptr_, where, "evalue");
    propagate->add_exit(g_.exceptblock, {t, v});
    return propagate;
  }

  // A link `raise E(...)` into the except block from a block that catches nothing: the
  // exception state is set on the way.
  void rewrite_explicit_raises(Block* b) {
    for (auto& link : b->exits) {
      if (link->target != g_.exceptblock) continue;
      std::vector<Variable*> inputs;
      for (Value* a : link->args) inputs.push_back(typed_variable(g_, a->concretetype));
      Block* raise = g_.new_block(inputs);
      SourceLocation where = b->operations.empty() ? g_.location : b->operations.back().location;
      append_op(g_, raise, "exc_restore", {inputs[0], inputs[1]}, &lltype::Void, where);
      raise->add_exit(g_.exceptblock, {inputs[0], inputs[1]});
      link->target = raise;
      ++stats_.explicit_raises;
    }
  }

  // Adds `occ = exc_occurred()` at the end of `b` and makes it the exitswitch.
  Variable* append_check(Block* b, const SourceLocation& where) {
    Variable* occurred = append_op(g_, b, "exc_occurred", {}, &lltype::Bool, where, "exc");
    b->exitswitch = occurred;
    ++stats_.checks;
    return occurred;
  }

  void transform_block(Block* b) {
    for (;;) {
      bool catching = b->raises();
      size_t n = b->operations.size();
      size_t limit = catching ? n - 1 : n;
      size_t split_at = n;
      for (size_t i = 0; i < limit; ++i)
        if (op_can_raise(b->operations[i])) {
          split_at = i;
          break;
        }
      if (split_at == n) break;
      // b: ops[0..split_at] ; check ; false -> rest, true -> propagate
      SourceLocation where = b->operations[split_at].location;
      SplitResult split = split_block(g_, b, split_at + 1);
      append_check(b, where);
      Constant* no = typed_constant(g_, false, &lltype::Bool);
      Constant* yes = typed_constant(g_, true, &lltype::Bool);
      b->add_exit(split.rest, split.pass, no)->llexitcase = no;
      b->add_exit(propagate_block(where), {}, yes)->llexitcase = yes;
      b = split.rest;
    }
    if (b->raises()) rewrite_catch(b);
  }

  // The last operation of `b` may raise and `b` has exception links: test the state, then the
  // raised class against each case in order.
  void rewrite_catch(Block* b) {
    const Operation& raising = b->operations.back();
    SourceLocation where = raising.location;
    std::vector<std::unique_ptr<Link>> links = std::move(b->exits);
    b->exits.clear();
    Link* ok = nullptr;
    std::vector<Link*> cases;
    for (auto& l : links) {
      if (!l->exitcase && !l->last_exception && !ok) ok = l.get();
      else if (l->llexitcase) cases.push_back(l.get());
    }
    // A try around an operation that cannot raise (the can-raise analysis: e.g. a call whose
    // every possible callee returns normally): no check, the handlers are never entered.
    if (ok && !op_can_raise(raising)) {
      b->exitswitch = nullptr;
      b->add_exit(ok->target, ok->args);
      ++stats_.never_raising_catches;
      return;
    }
    ++stats_.catches;
    Constant* no = typed_constant(g_, false, &lltype::Bool);
    Constant* yes = typed_constant(g_, true, &lltype::Bool);
    append_check(b, where);
    if (ok) b->add_exit(ok->target, ok->args, no)->llexitcase = no;
    else b->add_exit(propagate_block(where), {}, no)->llexitcase = no;  // never taken

    // The values the handlers need from `b` (their link arguments, minus the link's own
    // exception variables).
    std::vector<Variable*> needed;
    {
      std::map<const Value*, bool> seen;
      std::map<const Value*, bool> defined;
      for (Variable* v : b->inputargs) defined[v] = true;
      for (const Operation& op : b->operations) defined[op.result] = true;
      for (Link* l : cases)
        for (Value* a : l->args) {
          auto* v = dynamic_cast<Variable*>(a);
          if (v && defined.count(v) && !seen[v]) {
            seen[v] = true;
            needed.push_back(v);
          }
        }
    }
    if (cases.empty()) {
      b->add_exit(propagate_block(where), {}, yes)->llexitcase = yes;
      return;
    }
    // test_i(needed..., t, v)
    std::vector<Value*> pass(needed.begin(), needed.end());
    Block* first = nullptr;
    Link* into_previous_false = nullptr;
    Variable* t_prev = nullptr;
    Variable* v_prev = nullptr;
    for (size_t i = 0; i < cases.size(); ++i) {
      Link* handler = cases[i];
      std::map<const Value*, Value*> rename;
      std::vector<Variable*> inputs;
      for (Variable* v : needed) {
        Variable* copy = typed_variable(g_, v->concretetype, v->name_hint);
        rename[v] = copy;
        inputs.push_back(copy);
      }
      Block* test = g_.new_block(inputs);
      Variable* t;
      Variable* v;
      if (i == 0) {
        t = append_op(g_, test, "exc_fetch_type", {}, vtable_ptr_, where, "etype");
        v = append_op(g_, test, "exc_fetch_value", {}, object_ptr_, where, "evalue");
        first = test;
      } else {
        t = typed_variable(g_, vtable_ptr_, "etype");
        v = typed_variable(g_, object_ptr_, "evalue");
        test->inputargs.push_back(t);
        test->inputargs.push_back(v);
        std::vector<Value*> args(pass.begin(), pass.end());
        args.push_back(t_prev);
        args.push_back(v_prev);
        into_previous_false->target = test;
        into_previous_false->args = args;
      }
      Variable* raised_id = append_op(g_, test, "getfield", {t, typed_constant(g_, std::string("subclassrange_min"), &lltype::Void)},
                                      &lltype::Signed, where, "raised_id");
      Value* case_vtable = handler->llexitcase;
      Variable* lo = append_op(g_, test, "getfield", {case_vtable, typed_constant(g_, std::string("subclassrange_min"), &lltype::Void)},
                               &lltype::Signed, where, "lo");
      Variable* hi = append_op(g_, test, "getfield", {case_vtable, typed_constant(g_, std::string("subclassrange_max"), &lltype::Void)},
                               &lltype::Signed, where, "hi");
      Variable* match = append_op(g_, test, "int_between", {lo, raised_id, hi}, &lltype::Bool, where, "match");
      test->exitswitch = match;
      // The handler: clear the state (unless it re-raises the same exception), then its link.
      auto handler_arg = [&](Value* a) -> Value* {
        if (a == handler->last_exception) return t;
        if (a == handler->last_exc_value) return v;
        auto it = rename.find(a);
        return it == rename.end() ? a : it->second;
      };
      std::vector<Value*> handler_args;
      for (Value* a : handler->args) handler_args.push_back(handler_arg(a));
      Constant* tno = typed_constant(g_, false, &lltype::Bool);
      Constant* tyes = typed_constant(g_, true, &lltype::Bool);
      Link* next = test->add_exit(g_.exceptblock, {t, v}, tno);  // retargeted by the next case
      next->llexitcase = tno;
      bool reraise = handler->target == g_.exceptblock && handler->args.size() == 2 &&
                     handler->args[0] == handler->last_exception && handler->args[1] == handler->last_exc_value;
      if (reraise) {
        test->add_exit(g_.exceptblock, {t, v}, tyes)->llexitcase = tyes;
      } else if (handler->target == g_.exceptblock) {
        // raising something else from the handler: set the state to it
        std::vector<Variable*> hin;
        for (Value* a : handler_args) hin.push_back(typed_variable(g_, a->concretetype));
        Block* raise = g_.new_block(hin);
        append_op(g_, raise, "exc_restore", {hin[0], hin[1]}, &lltype::Void, where);
        raise->add_exit(g_.exceptblock, {hin[0], hin[1]});
        test->add_exit(raise, handler_args, tyes)->llexitcase = tyes;
      } else {
        std::vector<Variable*> hin;
        std::vector<Value*> targs;
        std::map<const Value*, Value*> hrename;
        std::vector<Value*> into;
        for (Value* a : handler_args) {
          auto* var = dynamic_cast<Variable*>(a);
          if (!var) {
            targs.push_back(a);
            continue;
          }
          auto it = hrename.find(var);
          if (it == hrename.end()) {
            Variable* copy = typed_variable(g_, var->concretetype, var->name_hint);
            hrename[var] = copy;
            hin.push_back(copy);
            into.push_back(var);
            targs.push_back(copy);
          } else {
            targs.push_back(it->second);
          }
        }
        Block* clear = g_.new_block(hin);
        append_op(g_, clear, "exc_clear", {}, &lltype::Void, where);
        clear->add_exit(handler->target, targs);
        test->add_exit(clear, into, tyes)->llexitcase = tyes;
      }
      into_previous_false = next;
      t_prev = t;
      v_prev = v;
      std::vector<Value*> renamed_pass;
      for (Variable* nv : needed) renamed_pass.push_back(rename[nv]);
      pass = renamed_pass;
    }
    b->add_exit(first, std::vector<Value*>(needed.begin(), needed.end()), yes)->llexitcase = yes;
  }
};

}  // namespace

ExceptionTransformStats transform_exceptions(const std::vector<FunctionGraph*>& graphs, lltype::TypeArena& types) {
  analyzers::CallGraph calls(graphs);
  analyzers::CanRaiseAnalysis can_raise(calls);
  ExceptionTransformStats stats;
  for (FunctionGraph* g : graphs) GraphTransformer(*g, types, can_raise, stats).run();
  return stats;
}

}  // namespace rpp::exceptiontransform
