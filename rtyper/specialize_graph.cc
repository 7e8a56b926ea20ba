// Specializing annotated flow graphs (specialize_graph.h).
#include "rtyper/specialize_graph.h"

#include <set>
#include <unordered_map>
#include <unordered_set>

#include "annotator/error_report.h"
#include "rtyper/hop.h"
#include "rtyper/lltype/operation_table.h"
#include "rtyper/op_handlers.h"
#include "rtyper/rclass.h"
#include "rtyper/rmodel.h"
#include "rtyper/rstr.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using namespace lltype;
using annotator::SomeKind;
using flow::Block;
using flow::Constant;
using flow::ConstValue;
using flow::FunctionGraph;
using flow::Link;
using flow::Operation;
using flow::Value;
using flow::Variable;

flow::ConstValue zero_value(const LowLevelType* type) {
  if (auto* p = as<Primitive>(type)) {
    switch (p->prim()) {
      case PrimitiveKind::Float: return 0.0;
      case PrimitiveKind::Bool: return false;
      case PrimitiveKind::Unsigned:
      case PrimitiveKind::UnsignedLongLong: return uint64_t(0);
      case PrimitiveKind::Void: return flow::NoneValue{};
      case PrimitiveKind::Address: return flow::NoneValue{};
      default: return int64_t(0);
    }
  }
  return flow::NoneValue{};
}

namespace {

bool annotated(const Block* b) {
  for (const Variable* v : b->inputargs)
    if (!v->annotation) return false;
  return true;
}

// The marker of a block cut after an operation that never returns: its one link carries this.
const char* const kUnreachable = "unreachable";

bool is_cut_link(const Link* l) {
  return l->args.size() == 1 && l->args[0]->is_constant() &&
         std::holds_alternative<std::string>(static_cast<Constant*>(l->args[0])->value) &&
         std::get<std::string>(static_cast<Constant*>(l->args[0])->value) == kUnreachable &&
         l->prevblock && l->prevblock->exits.size() == 1 && !l->prevblock->exitswitch;
}

[[noreturn]] void fail_at(RTyper& rtyper, const FunctionGraph& graph, const flow::SourceLocation& where,
                          const std::string& message, std::vector<std::string> notes = {}) {
  annotator::ErrorReport report;
  report.where = where.known() ? where : graph.location;
  report.message = message;
  report.notes = std::move(notes);
  report.function = graph.name;
  for (const auto& [g, loc] : rtyper.annotator().call_chain(&graph)) report.chain.push_back({g->name, loc});
  throw annotator::AnnotationError(annotator::format_error(report, rtyper.annotator().source_reader()));
}

}  // namespace

// The block's last operation never returns: its one exit is a "cut" link into the return block
// (is_cut_link), which specialization turns into debug_fatalerror("unreachable ...").
void add_unreachable_exit(FunctionGraph& graph, Block& block) {
  block.exitswitch = nullptr;
  block.clear_exits();
  Constant* marker = graph.new_constant(std::string(kUnreachable));
  block.add_exit(graph.returnblock, {marker});
}

void prepare_graph(RTyper& rtyper, FunctionGraph& graph) {
  (void)rtyper;
  for (Block* b : graph.iterblocks()) {
    if (b->is_final()) continue;
    // An operation whose result is impossible never returns: the rest of the block is dead.
    for (size_t i = 0; i < b->operations.size(); ++i) {
      const auto& s = b->operations[i].result->annotation;
      if (s && !s->is(SomeKind::Impossible)) continue;
      bool last = i + 1 == b->operations.size();
      if (last && b->raises()) {
        // Only its exceptions leave it.
        if (!b->exits.empty() && !b->exits[0]->exitcase) b->exits.erase(b->exits.begin());
        if (!b->exits.empty()) break;
      }
      b->operations.resize(i + 1);
      add_unreachable_exit(graph, *b);
      break;
    }
    // A switch on a constant keeps its one case.
    if (b->exitswitch && b->exitswitch->is_variable() && b->exitswitch->annotation &&
        b->exitswitch->annotation->is_constant()) {
      const ConstValue& c = *b->exitswitch->annotation->constant();
      std::unique_ptr<Link> keep;
      for (auto& l : b->exits) {
        if (l->exitcase && flow::const_value_equal(l->exitcase->value, c)) keep = std::move(l);
      }
      if (!keep)
        for (auto& l : b->exits)
          if (l && l->exitcase && std::holds_alternative<flow::DefaultCase>(l->exitcase->value)) keep = std::move(l);
      if (keep) {
        b->exits.clear();
        keep->exitcase = nullptr;
        keep->llexitcase = nullptr;
        b->exits.push_back(std::move(keep));
        b->exitswitch = nullptr;
      }
    }
    // Links into blocks the annotator never reached.
    std::vector<std::unique_ptr<Link>> live;
    for (auto& l : b->exits) {
      bool dead = l->target != graph.returnblock && l->target != graph.exceptblock && !annotated(l->target);
      if (l->target == graph.returnblock && !annotated(l->target) && !is_cut_link(l.get())) dead = true;
      if (!dead) live.push_back(std::move(l));
    }
    b->exits = std::move(live);
    if (b->raises()) {
      bool any_exception_link = false;
      for (auto& l : b->exits) any_exception_link |= l->exitcase != nullptr;
      if (!any_exception_link) b->exitswitch = nullptr;
    }
    if (b->exitswitch && b->exitswitch->is_variable() && b->exits.size() == 1) {
      b->exits[0]->exitcase = nullptr;
      b->exitswitch = nullptr;
    }
  }
}

namespace {

class GraphSpecializer {
 public:
  GraphSpecializer(RTyper& rtyper, FunctionGraph& graph) : rtyper_(rtyper), graph_(graph) {}

  void run() {
    const RuntimeTypes& rt = rtyper_.runtime_types();
    generic_class_ = rtyper_.types().ptr(rt.object_vtable);
    generic_instance_ = rtyper_.types().ptr(rt.object);
    graph_.exceptblock->inputargs[0]->concretetype = generic_class_;
    graph_.exceptblock->inputargs[1]->concretetype = generic_instance_;
    Variable* result = graph_.returnblock->inputargs[0];
    try {
      result->concretetype = rtyper_.getrepr(result->annotation)->lowleveltype();
    } catch (const RTypeFailure& e) {
      fail_at(rtyper_, graph_, graph_.location, std::string("the result of ") + graph_.name + ": " + e.what());
    }
    std::vector<Block*> blocks = graph_.iterblocks();
    for (Block* b : blocks) {
      if (b->is_final()) continue;
      try {
        specialize_block(*b);
      } catch (const RTypeFailure& e) {
        flow::SourceLocation where = b->operations.empty() ? graph_.location : b->operations.front().location;
        fail_at(rtyper_, graph_, where, e.what());
      }
    }
  }

 private:
  RTyper& rtyper_;
  FunctionGraph& graph_;
  const LowLevelType* generic_class_ = nullptr;
  const LowLevelType* generic_instance_ = nullptr;

  Repr* repr_of(const Value* v) { return rtyper_.getrepr(v->annotation); }

  // The repr a target block's input argument has (the except block's are generic).
  const LowLevelType* target_type(const Block* target, size_t k) {
    if (target == graph_.exceptblock) return k == 0 ? generic_class_ : generic_instance_;
    return target->inputargs[k]->concretetype ? target->inputargs[k]->concretetype
                                              : repr_of(target->inputargs[k])->lowleveltype();
  }

  bool can_raise(const Operation& op) {
    const OperationInfo* info = find_operation(op.opname);
    return info && info->can_raise();
  }

  // Marks the integer operations of the block whose result only reaches intmask() (through
  // other such operations): x = intmask(a * b + c) wraps on purpose.
  void find_intended_wraparound(const Block& block) {
    static const std::set<std::string> wrapping = {"add", "sub", "mul", "lshift", "inplace_add",
                                                   "inplace_sub", "inplace_mul", "inplace_lshift"};
    std::unordered_map<const Value*, int> uses;
    for (const Operation& op : block.operations)
      for (const Value* a : op.args) ++uses[a];
    for (const auto& l : block.exits)
      for (const Value* a : l->args) ++uses[a];
    if (block.exitswitch) ++uses[block.exitswitch];
    std::unordered_set<const Value*> masked;
    for (auto it = block.operations.rbegin(); it != block.operations.rend(); ++it) {
      const Operation& op = *it;
      if (op.opname == "simple_call" && op.args.size() == 2 && op.args[0]->annotation &&
          op.args[0]->annotation->is(SomeKind::Builtin) &&
          op.args[0]->annotation->as<annotator::SomeBuiltin>().name == "rarithmetic.intmask") {
        if (uses[op.args[1]] == 1) masked.insert(op.args[1]);
        continue;
      }
      if (!masked.count(op.result) || !wrapping.count(op.opname)) continue;
      bool signed_ints = true;
      for (const Value* a : op.args)
        signed_ints &= a->annotation && a->annotation->is_integer() &&
                       !a->annotation->as<annotator::SomeInteger>().is_unsigned() &&
                       a->annotation->as<annotator::SomeInteger>().int_type() == annotator::IntType::Signed;
      if (!signed_ints) continue;
      rtyper_.intended_wraparound().insert(&op);
      for (const Value* a : op.args)
        if (a->is_variable() && uses[a] == 1) masked.insert(a);
    }
  }

  void specialize_block(Block& block) {
    find_intended_wraparound(block);
    for (Variable* v : block.inputargs) v->concretetype = repr_of(v)->lowleveltype();
    std::vector<Operation> new_ops;
    std::vector<Operation> trailing;  // after the raising operation of the last flow operation
    bool raising_last = false;
    for (size_t i = 0; i < block.operations.size(); ++i) {
      Operation& op = block.operations[i];
      LowLevelOps llops(rtyper_, graph_, op.location);
      Hop hop(rtyper_, graph_, block, i, llops);
      Value* result = nullptr;
      try {
        result = rtype_operation(hop);
        bind_result(hop, op, result, llops);
      } catch (const RTypeFailure& e) {
        std::vector<std::string> notes;
        notes.push_back("operation: " + op.opname + hop.describe_args() + " -> " +
                        (hop.s_result ? hop.s_result->repr() : std::string("?")));
        fail_at(rtyper_, graph_, op.location, e.what(), notes);
      }
      auto& made = llops.operations();
      bool last = i + 1 == block.operations.size();
      if (last && block.raises()) {
        int r = hop.raising_index();
        if (r == -1 && !made.empty() && can_raise(made.back())) r = int(made.size()) - 1;
        if (r < 0) {
          drop_exception_links(block);
          // A never-returning operation that cannot raise (sys.exit in a try): no exit is left.
          if (block.exits.empty()) add_unreachable_exit(graph_, block);
        } else {
          raising_last = true;
          for (size_t k = 0; k < made.size(); ++k) {
            if (int(k) <= r) new_ops.push_back(std::move(made[k]));
            else trailing.push_back(std::move(made[k]));
          }
          continue;
        }
      }
      for (auto& o : made) new_ops.push_back(std::move(o));
    }
    block.operations = std::move(new_ops);
    (void)raising_last;
    if (block.exits.size() == 1 && is_cut_link(block.exits[0].get())) {
      // The last operation never returns: reaching the end of the block is a bug.
      LowLevelOps llops(rtyper_, graph_, block.operations.empty() ? graph_.location : block.operations.back().location);
      llops.genop("debug_fatalerror", {str_constant(llops, "unreachable code reached in " + graph_.name)});
      for (auto& o : llops.operations()) block.operations.push_back(std::move(o));
    }
    // Exits.
    if (block.exitswitch && block.exitswitch->is_variable()) {
      Value* sw = block.exitswitch;
      for (auto& l : block.exits) {
        if (!l->exitcase) continue;
        ConstValue v = l->exitcase->value;
        if (auto* s = std::get_if<std::string>(&v)) {
          int64_t cp = single_code_point(*s);
          if (cp < 0) fail_at(rtyper_, graph_, graph_.location, "a switch case that is not one character");
          v = cp;
        }
        Constant* c = graph_.new_constant(v);
        c->concretetype = std::holds_alternative<flow::DefaultCase>(v) ? &Void : sw->concretetype;
        l->llexitcase = c;
      }
    }
    std::vector<Link*> links;
    for (auto& l : block.exits) links.push_back(l.get());
    for (Link* l : links) specialize_link(block, *l);
    if (!trailing.empty()) split_after_raise(block, std::move(trailing));
  }

  void drop_exception_links(Block& block) {
    std::vector<std::unique_ptr<Link>> keep;
    for (auto& l : block.exits)
      if (!l->exitcase) keep.push_back(std::move(l));
    block.exits = std::move(keep);
    block.exitswitch = nullptr;
  }

  void bind_result(Hop& hop, Operation& op, Value* result, LowLevelOps& llops) {
    Variable* target = op.result;
    const LowLevelType* type = hop.r_result->lowleveltype();
    target->concretetype = type;
    if (hop.r_result->is_void()) {
      // Kept only if something reads it.
      if (result_is_used(hop.block, hop.index)) {
        llops.genop("same_as", {llops.constant(flow::NoneValue{}, &Void)}, &Void);
        rename_last(llops, target);
      }
      return;
    }
    if (!result) throw RTypeFailure("internal error: no value for the result of " + op.opname);
    if (result->concretetype != type)
      throw RTypeFailure("internal error: the lowering of " + op.opname + " gives " +
                         (result->concretetype ? result->concretetype->to_string() : "?") + ", not " + type->to_string());
    auto& ops = llops.operations();
    if (result->is_variable() && !ops.empty() && ops.back().result == result) {
      ops.back().result = target;
      return;
    }
    llops.genop("same_as", {result}, type);
    rename_last(llops, target);
  }

  void rename_last(LowLevelOps& llops, Variable* target) { llops.operations().back().result = target; }

  bool result_is_used(const Block& block, size_t index) {
    const Variable* v = block.operations[index].result;
    for (size_t i = index + 1; i < block.operations.size(); ++i)
      for (const Value* a : block.operations[i].args)
        if (a == v) return true;
    if (block.exitswitch == v) return true;
    for (const auto& l : block.exits)
      for (const Value* a : l->args)
        if (a == v) return true;
    return false;
  }

  void specialize_link(Block& block, Link& link) {
    Block* target = link.target;
    // Exception cases become vtable constants; a class nobody instantiates is never caught.
    if (block.raises() && link.exitcase) {
      Repr* any_class = rtyper_.classes().class_repr(nullptr);
      try {
        Constant* c = graph_.new_constant(any_class->convert_const(link.exitcase->value, rtyper_));
        c->concretetype = generic_class_;
        link.llexitcase = c;
      } catch (const RTypeFailure&) {
        link.llexitcase = nullptr;
      }
      if (link.last_exception) link.last_exception->concretetype = generic_class_;
      if (link.last_exc_value) link.last_exc_value->concretetype = generic_instance_;
    }
    LowLevelOps llops(rtyper_, graph_, block.operations.empty() ? graph_.location : block.operations.back().location);
    std::vector<Value*> converted;
    bool cut = is_cut_link(&link);
    bool needs_block = false;
    for (size_t k = 0; k < link.args.size(); ++k) {
      Value* a = link.args[k];
      const LowLevelType* tt = target_type(target, k);
      if (cut) {
        converted.push_back(llops.constant(zero_value(tt), tt));
        continue;
      }
      if (a->is_constant()) {
        auto* c = static_cast<Constant*>(a);
        Repr* to = target == graph_.exceptblock ? nullptr : repr_of(target->inputargs[k]);
        try {
          if (target == graph_.exceptblock) {
            Repr* r = k == 0 ? static_cast<Repr*>(rtyper_.classes().class_repr(nullptr)) : rtyper_.getrepr(c->annotation);
            converted.push_back(llops.cast_pointer(llops.constant(r->convert_const(c->value, rtyper_), r->lowleveltype()), tt));
          } else {
            converted.push_back(llops.constant(to->convert_const(c->value, rtyper_), tt));
          }
        } catch (const RTypeFailure& e) {
          fail_at(rtyper_, graph_, llops.location(), std::string("a value passed along a link: ") + e.what());
        }
        continue;
      }
      Value* v = a;
      if (a == link.last_exception || a == link.last_exc_value) {
        converted.push_back(llops.cast_pointer(v, tt));
      } else if (target == graph_.exceptblock) {
        converted.push_back(llops.cast_pointer(v, tt));
      } else {
        Repr* from = repr_of(a);
        Repr* to = repr_of(target->inputargs[k]);
        try {
          converted.push_back(llops.convert(v, from, to));
        } catch (const RTypeFailure& e) {
          fail_at(rtyper_, graph_, llops.location(),
                  std::string("a value passed along a link: ") + e.what(),
                  {"from " + (a->annotation ? a->annotation->repr() : "?") + " to " +
                   (target->inputargs[k]->annotation ? target->inputargs[k]->annotation->repr() : "?")});
        }
      }
    }
    if (!llops.operations().empty()) needs_block = true;
    if (!needs_block) {
      link.args = std::move(converted);
      return;
    }
    // The conversions need operations: a block on the link does them.
    std::unordered_map<const Value*, Variable*> fresh;
    std::vector<Value*> passed;
    std::vector<Variable*> inputs;
    for (Value* a : link.args) {
      if (!a->is_variable() || fresh.count(a)) continue;
      Variable* nv = graph_.new_variable(static_cast<Variable*>(a)->name_hint);
      nv->concretetype = a->concretetype;
      fresh[a] = nv;
      passed.push_back(a);
      inputs.push_back(nv);
    }
    auto subst = [&](Value* v) -> Value* {
      auto it = fresh.find(v);
      return it == fresh.end() ? v : it->second;
    };
    Block* conv = graph_.new_block(inputs);
    for (Operation& op : llops.operations()) {
      for (Value*& a : op.args) a = subst(a);
      conv->operations.push_back(std::move(op));
    }
    for (Value*& c : converted) c = subst(c);
    conv->add_exit(target, std::move(converted));
    link.target = conv;
    link.args = std::move(passed);
  }

  // Moves `trailing` (made after the raising operation) to a block on the normal exit.
  void split_after_raise(Block& block, std::vector<Operation> trailing) {
    Link* normal = nullptr;
    for (auto& l : block.exits)
      if (!l->exitcase) normal = l.get();
    if (!normal) return;  // the operation never returns normally: nothing follows it
    std::unordered_set<const Value*> defined_after;
    for (const Operation& op : trailing) defined_after.insert(op.result);
    std::unordered_map<const Value*, Variable*> fresh;
    std::vector<Value*> passed;
    std::vector<Variable*> inputs;
    auto need = [&](Value* v) {
      if (!v->is_variable() || defined_after.count(v) || fresh.count(v)) return;
      Variable* nv = graph_.new_variable(static_cast<Variable*>(v)->name_hint);
      nv->concretetype = v->concretetype;
      fresh[v] = nv;
      passed.push_back(v);
      inputs.push_back(nv);
    };
    for (const Operation& op : trailing)
      for (Value* a : op.args) need(a);
    for (Value* a : normal->args) need(a);
    auto subst = [&](Value* v) -> Value* {
      auto it = fresh.find(v);
      return it == fresh.end() ? v : it->second;
    };
    Block* after = graph_.new_block(inputs);
    for (Operation& op : trailing) {
      for (Value*& a : op.args) a = subst(a);
      after->operations.push_back(std::move(op));
    }
    std::vector<Value*> args;
    for (Value* a : normal->args) args.push_back(subst(a));
    after->add_exit(normal->target, std::move(args));
    normal->target = after;
    normal->args = std::move(passed);
  }
};

}  // namespace

void specialize_graph(RTyper& rtyper, FunctionGraph& graph) { GraphSpecializer(rtyper, graph).run(); }

}  // namespace rpp::rtyper
