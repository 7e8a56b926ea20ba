// copygraph: maps every block, variable and constant of a graph to a fresh one in a new graph.
#include "translator/flow/copygraph.h"

#include <unordered_map>

namespace rpp::flow {

namespace {

class Copier {
 public:
  explicit Copier(const FunctionGraph& from) : from_(from) {}

  std::unique_ptr<FunctionGraph> run() {
    to_ = std::make_unique<FunctionGraph>(from_.name);
    to_->flags = from_.flags;
    to_->location = from_.location;
    to_->func = from_.func;
    to_->arg_names = from_.arg_names;
    copy_vars(from_.returnblock->inputargs, to_->returnblock->inputargs);
    copy_vars(from_.exceptblock->inputargs, to_->exceptblock->inputargs);
    blocks_[from_.returnblock] = to_->returnblock;
    blocks_[from_.exceptblock] = to_->exceptblock;
    auto blocks = from_.iterblocks();
    for (Block* b : blocks) block(b);
    for (Block* b : blocks) copy_body(b);
    to_->startblock = blocks_.at(from_.startblock);
    return std::move(to_);
  }

 private:
  void copy_vars(const std::vector<Variable*>& old_vars, std::vector<Variable*>& new_vars) {
    for (size_t i = 0; i < old_vars.size() && i < new_vars.size(); ++i) {
      copy_attributes(old_vars[i], new_vars[i]);
      new_vars[i]->name_hint = old_vars[i]->name_hint;
      values_[old_vars[i]] = new_vars[i];
    }
  }

  static void copy_attributes(const Value* from, Value* to) {
    to->concretetype = from->concretetype;
    to->annotation = from->annotation;
  }

  Block* block(Block* b) {
    auto it = blocks_.find(b);
    if (it != blocks_.end()) return it->second;
    Block* nb = to_->new_block();
    blocks_[b] = nb;
    for (Variable* v : b->inputargs) nb->inputargs.push_back(variable(v));
    return nb;
  }

  Variable* variable(Variable* v) {
    if (!v) return nullptr;
    auto it = values_.find(v);
    if (it != values_.end()) return static_cast<Variable*>(it->second);
    Variable* nv = to_->new_variable(v->name_hint);
    copy_attributes(v, nv);
    values_[v] = nv;
    return nv;
  }

  Constant* constant(Constant* c) {
    if (!c) return nullptr;
    if (std::holds_alternative<LastExceptionMarker>(c->value)) return to_->last_exception();
    auto it = values_.find(c);
    if (it != values_.end()) return static_cast<Constant*>(it->second);
    Constant* nc = to_->new_constant(c->value);
    copy_attributes(c, nc);
    values_[c] = nc;
    return nc;
  }

  Value* value(Value* v) {
    if (!v) return nullptr;
    if (v->is_variable()) return variable(static_cast<Variable*>(v));
    return constant(static_cast<Constant*>(v));
  }

  void copy_body(Block* b) {
    Block* nb = blocks_.at(b);
    for (const Operation& op : b->operations) {
      Operation nop;
      nop.opname = op.opname;
      for (Value* a : op.args) nop.args.push_back(value(a));
      nop.result = variable(op.result);
      nop.location = op.location;
      nb->operations.push_back(std::move(nop));
    }
    nb->exitswitch = value(b->exitswitch);
    for (auto& link : b->exits) {
      Variable* last_exception = variable(link->last_exception);
      Variable* last_exc_value = variable(link->last_exc_value);
      std::vector<Value*> args;
      for (Value* a : link->args) args.push_back(value(a));
      Link* nl = nb->add_exit(block(link->target), std::move(args), constant(link->exitcase));
      nl->llexitcase = constant(link->llexitcase);
      nl->last_exception = last_exception;
      nl->last_exc_value = last_exc_value;
    }
  }

  const FunctionGraph& from_;
  std::unique_ptr<FunctionGraph> to_;
  std::unordered_map<const Block*, Block*> blocks_;
  std::unordered_map<const Value*, Value*> values_;
};

}  // namespace

std::unique_ptr<FunctionGraph> copygraph(const FunctionGraph& graph) { return Copier(graph).run(); }

}  // namespace rpp::flow
