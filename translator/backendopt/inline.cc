// Inlining a call, and the size heuristic over the call graph (inline.h).
#include "translator/backendopt/inline.h"

#include <map>
#include <memory>
#include <stdexcept>

#include "translator/backendopt/analyzers/call_graph.h"
#include "translator/backendopt/graph_edit.h"
#include "translator/flow/simplify.h"

namespace rpp::backendopt {

using namespace flow;

namespace {

// `inner` with `call` appended to its chain of inlined calls; the entry that was last (in the
// callee) gets the callee's name.
SourceLocation append_call(const SourceLocation& inner, const SourceLocation& call,
                           const std::shared_ptr<const std::string>& callee_name) {
  SourceLocation result = inner;
  if (!inner.inlined_at) {
    if (!result.function) result.function = callee_name;
    result.inlined_at = std::make_shared<const SourceLocation>(call);
  } else {
    result.inlined_at = std::make_shared<const SourceLocation>(append_call(*inner.inlined_at, call, callee_name));
  }
  return result;
}

// The location of an operation of `callee` copied into the caller at `call`. An operation the
// rtyper made without a location is at the callee's definition (where a traceback at --opt=0
// puts it), or at the call when the callee has no location either.
SourceLocation chain_location(const SourceLocation& inner, const SourceLocation& call, const FunctionGraph& callee,
                              const std::shared_ptr<const std::string>& callee_name) {
  if (inner.known()) return append_call(inner, call, callee_name);
  if (!callee.location.known()) return call;
  SourceLocation start = callee.location;
  start.inlined_at = nullptr;
  start.function = nullptr;
  return append_call(start, call, callee_name);
}

class Inliner {
 public:
  Inliner(FunctionGraph& caller, Block* block, size_t index, const FunctionGraph& callee)
      : g_(caller), block_(block), index_(index), callee_(callee), call_(block->operations[index]),
        callee_name_(std::make_shared<const std::string>(callee.name)) {}

  void run() {
    raising_ = block_->raises() && index_ + 1 == block_->operations.size();
    for (Variable* v : variables_used_from(block_, index_ + 1))
      if (v != call_.result) passon_.push_back(v);
    make_after_block();
    copy_callee();
    if (raising_) make_dispatch_chain();
    // The caller's block now ends by jumping into the copy of the callee's start block.
    std::vector<Value*> args(call_.args.begin() + 1, call_.args.end());
    for (Variable* v : passon_) args.push_back(v);
    Block* start = copies_.at(callee_.startblock);
    block_->operations.resize(index_);
    block_->exitswitch = nullptr;
    block_->exits.clear();
    block_->add_exit(start, args);
  }

 private:
  // Fresh copies of the passed-on variables, as a block's input arguments.
  std::vector<Variable*> passon_copies() {
    std::vector<Variable*> copies;
    for (Variable* v : passon_) copies.push_back(copy_variable(g_, v));
    return copies;
  }

  // The rest of the caller's block, after the call: takes (result, passed-on variables...).
  void make_after_block() {
    Variable* result = copy_variable(g_, call_.result);
    std::vector<Variable*> passon = passon_copies();
    std::vector<Variable*> inputargs{result};
    inputargs.insert(inputargs.end(), passon.begin(), passon.end());
    after_ = g_.new_block(inputargs);
    ValueMap map{{call_.result, result}};
    for (size_t i = 0; i < passon_.size(); ++i) map[passon_[i]] = passon[i];
    for (size_t i = index_ + 1; i < block_->operations.size(); ++i)
      after_->operations.push_back(std::move(block_->operations[i]));
    if (raising_) {
      // The normal exit only (the link without an exitcase: call_site_inlinable made sure there
      // is one); the exception links are served by the dispatch chain, in their order.
      for (auto& l : block_->exits) {
        if (l->exitcase) {
          handlers_.push_back(std::move(l));
        } else {
          l->prevblock = after_;
          after_->exits.push_back(std::move(l));
        }
      }
    } else {
      after_->exitswitch = block_->exitswitch;
      for (auto& l : block_->exits) {
        l->prevblock = after_;
        after_->exits.push_back(std::move(l));
      }
    }
    block_->exits.clear();
    rename_uses(after_, map);
  }

  Value* copy_value(Value* v) {
    if (v->is_variable()) return vmap_.at(v);
    auto* c = static_cast<Constant*>(v);
    if (std::holds_alternative<LastExceptionMarker>(c->value)) return g_.last_exception();
    return typed_constant(g_, c->value, c->concretetype);
  }

  void copy_callee() {
    std::vector<Block*> blocks = callee_.iterblocks();
    for (Block* b : blocks) {
      if (b == callee_.returnblock || b == callee_.exceptblock) continue;
      std::vector<Variable*> args;
      for (Variable* v : b->inputargs) {
        Variable* c = copy_variable(g_, v);
        vmap_[v] = c;
        args.push_back(c);
      }
      std::vector<Variable*> passon = passon_copies();
      args.insert(args.end(), passon.begin(), passon.end());
      Block* copy = g_.new_block(args);
      copies_[b] = copy;
      passon_of_[copy] = passon;
    }
    for (Block* b : blocks) {
      if (b == callee_.returnblock || b == callee_.exceptblock) continue;
      Block* copy = copies_[b];
      for (const Operation& op : b->operations) {
        Operation c;
        c.opname = op.opname;
        for (Value* a : op.args) c.args.push_back(copy_value(a));
        c.result = copy_variable(g_, op.result);
        vmap_[op.result] = c.result;
        c.location = chain_location(op.location, call_.location, callee_, callee_name_);
        copy->operations.push_back(std::move(c));
      }
      if (b->exitswitch) copy->exitswitch = copy_value(b->exitswitch);
      const std::vector<Variable*>& passon = passon_of_[copy];
      for (auto& l : b->exits) {
        Variable* etype = nullptr;
        Variable* evalue = nullptr;
        if (l->last_exception) vmap_[l->last_exception] = etype = copy_variable(g_, l->last_exception);
        if (l->last_exc_value) vmap_[l->last_exc_value] = evalue = copy_variable(g_, l->last_exc_value);
        std::vector<Value*> args;
        for (Value* a : l->args) args.push_back(copy_value(a));
        Block* target;
        if (l->target == callee_.returnblock) {
          target = after_;
          args.insert(args.end(), passon.begin(), passon.end());
        } else if (l->target == callee_.exceptblock) {
          if (raising_) {
            target = dispatch_entry();
            args.insert(args.end(), passon.begin(), passon.end());
          } else {
            target = g_.exceptblock;
          }
        } else {
          target = copies_.at(l->target);
          args.insert(args.end(), passon.begin(), passon.end());
        }
        Constant* exitcase = l->exitcase ? static_cast<Constant*>(copy_value(l->exitcase)) : nullptr;
        Link* nl = copy->add_exit(target, args, exitcase);
        if (l->llexitcase) nl->llexitcase = l->llexitcase == l->exitcase ? exitcase : static_cast<Constant*>(copy_value(l->llexitcase));
        nl->last_exception = etype;
        nl->last_exc_value = evalue;
      }
    }
  }

  // The first block of the chain matching a raised exception against the call's handlers:
  // takes (etype, evalue, passed-on variables...).
  Block* dispatch_entry() {
    if (!dispatch_) dispatch_ = new_dispatch_block();
    return dispatch_;
  }

  Block* new_dispatch_block() {
    Variable* etype = g_.new_variable("etype");
    etype->concretetype = g_.exceptblock->inputargs[0]->concretetype;
    Variable* evalue = g_.new_variable("evalue");
    evalue->concretetype = g_.exceptblock->inputargs[1]->concretetype;
    std::vector<Variable*> args{etype, evalue};
    std::vector<Variable*> passon = passon_copies();
    args.insert(args.end(), passon.begin(), passon.end());
    Block* b = g_.new_block(args);
    passon_of_[b] = passon;
    return b;
  }

  Operation make_op(const char* name, std::vector<Value*> args, const lltype::LowLevelType* type) {
    Operation op;
    op.opname = name;
    op.args = std::move(args);
    op.result = g_.new_variable();
    op.result->concretetype = type;
    op.location = call_.location;
    return op;
  }

  void make_dispatch_chain() {
    if (!dispatch_) return;  // the callee never raises
    Block* b = dispatch_;
    std::vector<Link*> handlers;
    for (auto& h : handlers_)
      if (h->llexitcase) handlers.push_back(h.get());  // a class nobody instantiates is never raised
    const lltype::LowLevelType* signed_type = &lltype::Signed;
    for (size_t k = 0; k <= handlers.size(); ++k) {
      Value* etype = b->inputargs[0];
      Value* evalue = b->inputargs[1];
      if (k == handlers.size()) {
        b->add_exit(g_.exceptblock, {etype, evalue});
        break;
      }
      Link* h = handlers[k];
      ValueMap map{{h->last_exception, etype}, {h->last_exc_value, evalue}};
      const std::vector<Variable*>& passon = passon_of_[b];
      for (size_t i = 0; i < passon_.size(); ++i) map[passon_[i]] = passon[i];
      std::vector<Value*> handler_args;
      for (Value* a : h->args) handler_args.push_back(renamed(map, a));
      Value* field_min = typed_constant(g_, std::string("subclassrange_min"), &lltype::Void);
      Value* field_max = typed_constant(g_, std::string("subclassrange_max"), &lltype::Void);
      Operation id = make_op("getfield", {etype, field_min}, signed_type);
      Operation lo = make_op("getfield", {h->llexitcase, field_min}, signed_type);
      Operation hi = make_op("getfield", {h->llexitcase, field_max}, signed_type);
      Operation match = make_op("int_between", {lo.result, id.result, hi.result}, &lltype::Bool);
      b->exitswitch = match.result;
      b->operations.push_back(std::move(id));
      b->operations.push_back(std::move(lo));
      b->operations.push_back(std::move(hi));
      b->operations.push_back(std::move(match));
      Link* yes = b->add_exit(h->target, handler_args, typed_constant(g_, true, &lltype::Bool));
      yes->llexitcase = yes->exitcase;
      Block* next = new_dispatch_block();
      std::vector<Value*> next_args{etype, evalue};
      for (Variable* v : passon) next_args.push_back(v);
      Link* no = b->add_exit(next, next_args, typed_constant(g_, false, &lltype::Bool));
      no->llexitcase = no->exitcase;
      b = next;
    }
  }

  FunctionGraph& g_;
  Block* block_;
  size_t index_;
  const FunctionGraph& callee_;
  Operation call_;
  std::shared_ptr<const std::string> callee_name_;  // the inlined operations' frame name
  bool raising_ = false;
  std::vector<Variable*> passon_;
  Block* after_ = nullptr;
  Block* dispatch_ = nullptr;
  std::vector<std::unique_ptr<Link>> handlers_;
  std::map<const Block*, Block*> copies_;
  std::map<const Block*, std::vector<Variable*>> passon_of_;
  ValueMap vmap_;
};

bool has_jit_marker(const FunctionGraph& g) {
  for (Block* b : g.iterblocks())
    for (const Operation& op : b->operations)
      if (op.opname == "jit_marker") return true;
  return false;
}

}  // namespace

bool call_site_inlinable(const Block* block, size_t index) {
  if (!block->raises() || index + 1 != block->operations.size()) return true;
  for (auto& l : block->exits)
    if (!l->exitcase) return true;
  return false;
}

bool guarded_call(const Block* block, size_t index) {
  return block->raises() && index + 1 == block->operations.size();
}

bool raises_directly(const FunctionGraph& callee, const analyzers::CanRaiseAnalysis& can_raise) {
  for (Block* b : callee.iterblocks())
    for (size_t i = 0; i < b->operations.size(); ++i)
      if (!guarded_call(b, i) && can_raise.operation(b->operations[i])) return true;
  return false;
}

void inline_call(FunctionGraph& caller, Block* block, size_t index, const FunctionGraph& callee) {
  if (!call_site_inlinable(block, index))
    throw std::logic_error("inline_call: a call ending a raising block without a normal link");
  Inliner(caller, block, index, callee).run();
}

FunctionGraph* direct_callee(const Operation& op) {
  if (op.opname != "direct_call" || op.args.empty() || !op.args[0]->is_constant()) return nullptr;
  auto* ref = std::get_if<GraphRef>(&static_cast<const Constant*>(op.args[0])->value);
  return ref ? ref->graph : nullptr;
}

bool may_inline(const FunctionGraph& callee) {
  return callee.startblock && callee.returnblock && callee.exceptblock && !callee.flags.dont_inline &&
         !has_jit_marker(callee);
}

bool in_cycle(const analyzers::CallGraph& calls, const FunctionGraph* g) {
  if (calls.sccs()[calls.scc_of(g)].size() > 1) return true;
  for (const FunctionGraph* c : calls.callees(g))
    if (c == g) return true;
  return false;
}

size_t auto_inline(const std::vector<FunctionGraph*>& graphs, const InlineOptions& options) {
  analyzers::CallGraph calls(graphs);
  analyzers::CanRaiseAnalysis can_raise(calls);
  size_t inlined = 0;
  for (const auto& scc : calls.sccs()) {
    for (FunctionGraph* g : scc) {
      size_t limit = operation_count(*g) + options.max_growth;
      size_t before = inlined;
      for (bool again = true; again;) {
        again = false;
        for (Block* b : g->iterblocks()) {
          for (size_t i = 0; i < b->operations.size(); ++i) {
            FunctionGraph* callee = direct_callee(b->operations[i]);
            // A recursive callee (in a cycle of the call graph) is never inlined: its copy would
            // bring the next call of the cycle, and so on.
            if (!callee || callee == g || in_cycle(calls, callee) || !may_inline(*callee)) continue;
            if (!call_site_inlinable(b, i)) continue;
            if (guarded_call(b, i) && raises_directly(*callee, can_raise)) continue;
            if (callee->startblock->inputargs.size() + 1 != b->operations[i].args.size()) continue;
            size_t size = operation_count(*callee);
            if (!callee->flags.always_inline && size > options.threshold) continue;
            if (!callee->flags.always_inline && operation_count(*g) + size > limit) continue;
            inline_call(*g, b, i, *callee);
            ++inlined;
            again = true;
            break;
          }
          if (again) break;
        }
      }
      if (inlined != before) flow::simplify_graph(*g);
    }
  }
  return inlined;
}

}  // namespace rpp::backendopt
