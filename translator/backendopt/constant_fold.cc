// Constant folding through ops.h (constant_fold.h).
#include "translator/backendopt/constant_fold.h"

#include "rtyper/lltype/lltype.h"
#include "rtyper/lltype/operation_table.h"
#include "rtyper/lltype/static_data.h"
#include "translator/backendopt/graph_edit.h"
#include "translator/ll/fold.h"

namespace rpp::backendopt {

using namespace flow;

namespace {

// A constant whose value no folding may know (a symbol such as `we_are_jitted:Bool`, a
// symbolic offset): it stays in a variable, so that no switch ends up on it.
bool is_unknown_number(const Value* v) {
  if (!v->is_constant() || !lltype::as<lltype::Primitive>(v->concretetype)) return false;
  return std::holds_alternative<std::shared_ptr<const ConstPayload>>(static_cast<const Constant*>(v)->value);
}

// getfield of an immutable field of a prebuilt object (a vtable's class-id range, a prebuilt
// instance's `_immutable_fields_`): the value in the static data, or nullptr.
Constant* fold_immutable_getfield(FunctionGraph& graph, const Operation& op) {
  if (op.opname != "getfield" || op.args.size() != 2 || !op.args[0]->is_constant()) return nullptr;
  const auto* name = std::get_if<std::string>(&static_cast<const Constant*>(op.args[1])->value);
  const lltype::Struct* s = lltype::pointee<lltype::Struct>(op.args[0]->concretetype);
  const lltype::StaticObject* o = lltype::static_object_of(static_cast<const Constant*>(op.args[0]));
  if (!name || !s || !o) return nullptr;
  // The pointer may be to a parent struct of the object: follow the inlined first fields.
  while (o && o->type() != s) o = o->slots().empty() ? nullptr : o->slots()[0].inlined.get();
  const lltype::StructField* f = o ? s->field(*name) : nullptr;
  if (!f || f->type->is_container() || f->type != op.result->concretetype) return nullptr;
  lltype::FieldMutability m = s->mutability_of(*name);
  bool immutable = s->hints().immutable || m == lltype::FieldMutability::Immutable ||
                   m == lltype::FieldMutability::ImmutableArray;
  if (!immutable) return nullptr;
  return typed_constant(graph, o->field(*name), f->type);
}

// Folds the operations of one block whose operands are all constants; renames their uses.
size_t fold_block(FunctionGraph& graph, Block* block) {
  size_t folded = 0;
  ValueMap map;
  std::vector<Operation> kept;
  for (size_t i = 0; i < block->operations.size(); ++i) {
    Operation& op = block->operations[i];
    for (Value*& a : op.args) a = renamed(map, a);
    if (op.opname == "same_as" && op.args.size() == 1 && op.args[0]->concretetype == op.result->concretetype &&
        !is_unknown_number(op.args[0])) {
      map[op.result] = op.args[0];  // a copy: its uses read the operand
      ++folded;
      continue;
    }
    if (Constant* c = fold_immutable_getfield(graph, op)) {
      map[op.result] = c;
      ++folded;
      continue;
    }
    const lltype::OperationInfo* info = lltype::find_operation(op.opname);
    bool all_constant = !op.args.empty();
    std::vector<const Constant*> operands;
    for (Value* a : op.args) {
      if (!a->is_constant()) all_constant = false;
      else operands.push_back(static_cast<const Constant*>(a));
    }
    if (info && info->try_fold() && all_constant && ll::is_foldable_operation(op.opname)) {
      ll::FoldResult r = ll::fold_operation(op.opname, operands);
      if (r.status == ll::FoldResult::Status::Value) {
        map[op.result] = typed_constant(graph, r.value, op.result->concretetype);
        ++folded;
        bool last = i + 1 == block->operations.size();
        if (last && block->raises()) {
          // It cannot raise with these operands: only the normal exit remains.
          block->exitswitch = nullptr;
          block->exits.resize(1);
        }
        continue;
      }
    }
    kept.push_back(std::move(op));
  }
  block->operations = std::move(kept);
  rename_uses(block, map);
  return folded;
}

// A switch on a constant keeps the exit it takes.
bool fold_constant_switch(Block* block) {
  if (!block->exitswitch || !block->exitswitch->is_constant() || block->raises()) return false;
  const auto* c = static_cast<const Constant*>(block->exitswitch);
  Link* taken = nullptr;
  for (auto& link : block->exits) {
    if (!link->exitcase) continue;
    if (std::holds_alternative<DefaultCase>(link->exitcase->value)) {
      if (!taken) taken = link.get();
    } else if (const_value_equal(link->exitcase->value, c->value)) {
      taken = link.get();
      break;
    }
  }
  if (!taken) return false;
  std::unique_ptr<Link> keep;
  for (auto& link : block->exits)
    if (link.get() == taken) keep = std::move(link);
  block->exits.clear();
  keep->exitcase = nullptr;
  keep->llexitcase = nullptr;
  block->exits.push_back(std::move(keep));
  block->exitswitch = nullptr;
  return true;
}

bool same_constant(const Value* a, const Value* b) {
  if (!a->is_constant() || !b->is_constant() || a->concretetype != b->concretetype) return false;
  return const_value_equal(static_cast<const Constant*>(a)->value, static_cast<const Constant*>(b)->value);
}

// Input arguments that every entering link sets to the same constant (a loop passing the
// argument back to itself does not count) become that constant.
size_t propagate_constant_arguments(FunctionGraph& graph) {
  size_t changed = 0;
  auto entries = links_into(graph);
  for (Block* block : graph.iterblocks()) {
    if (block == graph.startblock || block == graph.returnblock || block == graph.exceptblock) continue;
    const auto& links = entries[block];
    if (links.empty()) continue;
    ValueMap map;
    std::vector<size_t> removed;
    for (size_t i = 0; i < block->inputargs.size(); ++i) {
      Value* constant = nullptr;
      bool ok = true;
      for (Link* l : links) {
        Value* a = l->args[i];
        if (a == block->inputargs[i]) continue;
        if (!a->is_constant() || is_unknown_number(a) || (constant && !same_constant(constant, a))) {
          ok = false;
          break;
        }
        constant = a;
      }
      if (!ok || !constant) continue;
      map[block->inputargs[i]] = constant;
      removed.push_back(i);
    }
    if (removed.empty()) continue;
    rename_uses(block, map);
    for (size_t k = removed.size(); k-- > 0;) {
      size_t i = removed[k];
      block->inputargs.erase(block->inputargs.begin() + i);
      for (Link* l : links) l->args.erase(l->args.begin() + i);
    }
    changed += removed.size();
  }
  return changed;
}

}  // namespace

size_t fold_constants(FunctionGraph& graph) {
  size_t total = 0;
  for (int round = 0; round < 100; ++round) {
    size_t changed = 0;
    for (Block* b : graph.iterblocks()) {
      changed += fold_block(graph, b);
      if (fold_constant_switch(b)) ++changed;
    }
    changed += propagate_constant_arguments(graph);
    total += changed;
    if (!changed) break;
  }
  return total;
}

}  // namespace rpp::backendopt
