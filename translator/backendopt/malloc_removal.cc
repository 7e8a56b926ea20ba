// Escape analysis and scalar replacement of GcStruct and small GcArray mallocs
// (malloc_removal.h).
#include "translator/backendopt/malloc_removal.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "rtyper/lltype/lltype.h"
#include "translator/backendopt/graph_edit.h"
#include "translator/backendopt/inline.h"

namespace rpp::backendopt {

using namespace flow;
using lltype::Array;
using lltype::Struct;

namespace {

// Fixed-size lists up to this length are replaced by their items.
constexpr int64_t kMaxArrayItems = 8;

// The structs of an object of type S seen through its first-field chain: S, its first inlined
// struct field, and so on.
std::vector<const Struct*> struct_chain(const Struct* s) {
  std::vector<const Struct*> chain;
  while (s) {
    chain.push_back(s);
    const Struct* inner = nullptr;
    if (!s->fields().empty()) inner = dynamic_cast<const Struct*>(s->fields()[0].type);
    s = inner;
  }
  return chain;
}

// One scalar part of the object: a field (the struct of the chain declaring it and its name) or
// an array item (its index).
struct FieldKey {
  const Struct* owner;
  std::string name;
  const lltype::LowLevelType* type;
  int64_t index = -1;
};

// Where a variable is defined: its block, and the operation (index) or input argument (arg).
struct Definition {
  Block* block = nullptr;
  int op = -1;     // >= 0: an operation's result
  size_t arg = 0;  // op < 0: the block's input argument at this position
};
using Definitions = std::map<const Value*, Definition>;

Definitions definitions(const FunctionGraph& g) {
  Definitions defs;
  for (Block* b : g.iterblocks()) {
    for (size_t i = 0; i < b->inputargs.size(); ++i) defs[b->inputargs[i]] = {b, -1, i};
    for (size_t i = 0; i < b->operations.size(); ++i) defs[b->operations[i].result] = {b, int(i), 0};
  }
  return defs;
}

// The lifetime of some objects of one type (RPython's malloc removal): the variables that may
// hold them, connected through links (both ways) and casts, with every malloc that makes them.
// Removed together when no variable of the lifetime escapes.
struct Candidate {
  const lltype::LowLevelType* ptr_type = nullptr;  // the mallocs' result type
  const Struct* type = nullptr;                    // a struct...
  const Array* array = nullptr;                    // ...or a fixed-size array
  int64_t length = 0;                              // the array's length
  std::vector<const Struct*> chain;
  std::vector<FieldKey> fields;                    // non-Void scalar parts, in order
  std::set<const Value*> family;                   // every variable of the lifetime
  std::map<Block*, std::vector<size_t>> positions; // blocks receiving objects: argument positions
  std::set<std::pair<Block*, size_t>> mallocs;     // the mallocs making them
  std::set<Block*> blocks;                         // every block with a variable of the lifetime
  std::vector<CallSite> escaping_calls;            // escapes that are direct calls
  bool escapes = false;
};

bool in_chain(const Candidate& c, const lltype::LowLevelType* t) {
  if (c.array) return t == c.ptr_type;
  const Struct* s = lltype::pointee<Struct>(t);
  for (const Struct* x : c.chain)
    if (x == s) return true;
  return false;
}

const std::string* string_operand(const Value* v) {
  if (!v->is_constant()) return nullptr;
  return std::get_if<std::string>(&static_cast<const Constant*>(v)->value);
}

const int64_t* int_operand(const Value* v) {
  if (!v->is_constant()) return nullptr;
  return std::get_if<int64_t>(&static_cast<const Constant*>(v)->value);
}

bool is_alias_op(const std::string& n) { return n == "cast_pointer" || n == "getsubstruct" || n == "same_as"; }
bool is_read(const std::string& n) { return n == "getfield" || n == "getarrayitem"; }
bool is_write(const std::string& n) { return n == "setfield" || n == "bare_setfield" || n == "setarrayitem" || n == "bare_setarrayitem"; }

// The part of the object an access reads or writes (index into c.fields); -1 for a Void field
// (nothing to keep), -2 when it is not an access this pass can follow.
int part_index(const Candidate& c, const Operation& op) {
  if (op.args.size() < 2) return -2;
  if (c.array) {
    if (op.opname != "getarrayitem" && op.opname != "setarrayitem" && op.opname != "bare_setarrayitem") return -2;
    const int64_t* i = int_operand(op.args[1]);
    if (!i || *i < 0 || *i >= c.length) return -2;
    return lltype::is_void(c.array->item()) ? -1 : int(*i);
  }
  if (op.opname != "getfield" && op.opname != "setfield" && op.opname != "bare_setfield") return -2;
  const std::string* f = string_operand(op.args[1]);
  if (!f) return -2;
  const Struct* s = lltype::pointee<Struct>(op.args[0]->concretetype);
  for (size_t i = 0; i < c.fields.size(); ++i)
    if (c.fields[i].owner == s && c.fields[i].name == *f) return int(i);
  const lltype::StructField* field = s ? s->field(*f) : nullptr;
  return field && lltype::is_void(field->type) ? -1 : -2;
}

// A malloc this pass can remove: a fresh candidate with the parts of its type.
std::optional<Candidate> candidate_for(const Operation& op) {
  const std::string* flavor = op.args.size() >= 2 ? string_operand(op.args[1]) : nullptr;
  if (!flavor || *flavor != "gc") return std::nullopt;
  Candidate c;
  c.ptr_type = op.result->concretetype;
  if (op.opname == "malloc" && op.args.size() == 2) {
    const Struct* s = lltype::pointee<Struct>(op.result->concretetype);
    if (!s || !s->is_gc() || s->is_varsize() || s->hints().virtualizable) return std::nullopt;
    c.type = s;
    c.chain = struct_chain(s);
    for (const Struct* t : c.chain)
      for (size_t k = 0; k < t->fields().size(); ++k) {
        const lltype::StructField& f = t->fields()[k];
        if (k == 0 && dynamic_cast<const Struct*>(f.type)) continue;  // the inlined parent
        if (f.type->is_container()) continue;                          // another inlined struct or array
        if (lltype::is_void(f.type)) continue;
        c.fields.push_back({t, f.name, f.type});
      }
    return c;
  }
  if (op.opname == "malloc_varsize" && op.args.size() == 3) {
    const Array* a = lltype::pointee<Array>(op.result->concretetype);
    const int64_t* n = int_operand(op.args[2]);
    if (!a || !a->is_gc() || !n || *n < 0 || *n > kMaxArrayItems || a->item()->is_container()) return std::nullopt;
    c.array = a;
    c.length = *n;
    if (!lltype::is_void(a->item()))
      for (int64_t i = 0; i < *n; ++i) c.fields.push_back({nullptr, "item" + std::to_string(i), a->item(), i});
    return c;
  }
  return std::nullopt;
}

// Whether `op` makes an object of the same lifetime type as `c`.
bool same_kind_of_malloc(const Candidate& c, const Operation& op) {
  std::optional<Candidate> other = candidate_for(op);
  return other && other->ptr_type == c.ptr_type && other->length == c.length;
}

// Whether an operation using `v` (a variable of the lifetime) keeps the object local: reads and
// writes of its parts through `v`, its length, casts along its chain, null tests, keepalive.
// Anything else (storing it, passing it, comparing it with another pointer) is an escape.
bool local_use(const Candidate& c, const Operation& op, const Value* v) {
  for (size_t i = 1; i < op.args.size(); ++i)
    if (op.args[i] == v) return false;
  if (op.args.empty() || op.args[0] != v) return true;
  const std::string& n = op.opname;
  if (is_read(n) || is_write(n)) return part_index(c, op) >= -1;
  if (n == "getarraysize") return c.array != nullptr;
  if (is_alias_op(n)) return in_chain(c, op.result->concretetype);
  return n == "ptr_iszero" || n == "ptr_nonzero" || n == "keepalive";
}

// The variable a family variable is another name of, within its block: through casts, and
// through the other argument positions of a block receiving the same object several times.
const Value* canonical(const Candidate& c, const Definitions& defs, const Value* v) {
  for (int guard = 0; guard < 10000; ++guard) {
    auto d = defs.find(v);
    if (d == defs.end()) return v;
    Block* b = d->second.block;
    if (d->second.op >= 0) {
      const Operation& op = b->operations[d->second.op];
      if (!is_alias_op(op.opname)) return v;
      v = op.args[0];
    } else {
      auto p = c.positions.find(b);
      if (p == c.positions.end() || p->second.empty() || p->second[0] == d->second.arg) return v;
      v = b->inputargs[p->second[0]];
    }
  }
  return v;
}

// Escape analysis: grows the lifetime from one malloc's result until it is closed or escapes.
void analyze(FunctionGraph& g, Candidate& c, Variable* start, const Definitions& defs,
             const std::map<const Block*, std::vector<Link*>>& entries) {
  std::vector<const Value*> work{start};
  c.family.insert(start);
  auto add = [&](const Value* v) {
    if (!v->is_variable()) {
      c.escapes = true;  // a constant (null) meets the objects
      return;
    }
    if (c.family.insert(v).second) work.push_back(v);
  };
  while (!work.empty() && !c.escapes) {
    const Value* v = work.back();
    work.pop_back();
    auto d = defs.find(v);
    if (d == defs.end()) {
      c.escapes = true;  // an exception link's variable
      return;
    }
    Block* b = d->second.block;
    c.blocks.insert(b);
    // Where it comes from.
    if (d->second.op >= 0) {
      const Operation& op = b->operations[d->second.op];
      if (same_kind_of_malloc(c, op)) {
        c.mallocs.insert({b, size_t(d->second.op)});
      } else if (is_alias_op(op.opname) && !op.args.empty() && in_chain(c, op.result->concretetype)) {
        add(op.args[0]);
      } else {
        c.escapes = true;  // read from memory, returned by a call, another type...
        return;
      }
    } else {
      if (b == g.startblock) {
        c.escapes = true;  // a parameter of the graph
        return;
      }
      c.positions[b].push_back(d->second.arg);
      auto in = entries.find(b);
      if (in != entries.end())
        for (Link* l : in->second) add(l->args[d->second.arg]);
    }
    // Where it goes.
    for (size_t i = 0; i < b->operations.size() && !c.escapes; ++i) {
      const Operation& op = b->operations[i];
      bool uses = false;
      for (Value* a : op.args) uses = uses || a == v;
      if (!uses) continue;
      if (!local_use(c, op, v)) {
        c.escapes = true;
        if (direct_callee(op)) c.escaping_calls.push_back({b, i});
        return;
      }
      if (is_alias_op(op.opname)) add(op.result);
    }
    if (b->exitswitch == v) c.escapes = true;
    for (auto& link : b->exits) {
      for (size_t k = 0; k < link->args.size() && !c.escapes; ++k) {
        if (link->args[k] != v) continue;
        if (link->target == g.returnblock || link->target == g.exceptblock) c.escapes = true;
        else add(link->target->inputargs[k]);
      }
    }
  }
  if (c.escapes) return;
  for (auto& [b, ps] : c.positions) std::sort(ps.begin(), ps.end());
  // A block receiving objects in several arguments must receive the same object in all of them
  // from every link (else two objects would share one set of parts).
  for (auto& [b, ps] : c.positions) {
    if (ps.size() < 2) continue;
    auto in = entries.find(b);
    if (in == entries.end()) continue;
    for (Link* l : in->second) {
      const Value* first = canonical(c, defs, l->args[ps[0]]);
      for (size_t p : ps)
        if (canonical(c, defs, l->args[p]) != first) c.escapes = true;
    }
  }
}

// Scalar replacement of a lifetime that does not escape: every object becomes its parts.
void replace(FunctionGraph& g, Candidate& c, const Definitions& defs) {
  // The canonical names, computed before anything changes.
  std::map<const Value*, const Value*> canon;
  for (const Value* v : c.family) canon[v] = canonical(c, defs, v);
  for (Block* block : c.blocks) {
    std::map<const Value*, std::vector<Value*>> parts_of;  // canonical variable -> current parts
    if (auto it = c.positions.find(block); it != c.positions.end()) {
      const std::vector<size_t>& ps = it->second;
      std::vector<Variable*> vars;
      for (const FieldKey& f : c.fields) {
        Variable* v = g.new_variable(f.name);
        v->concretetype = f.type;
        vars.push_back(v);
      }
      parts_of[block->inputargs[ps[0]]].assign(vars.begin(), vars.end());
      std::vector<Variable*> args;
      for (size_t i = 0; i < block->inputargs.size(); ++i) {
        if (i == ps[0]) args.insert(args.end(), vars.begin(), vars.end());
        else if (std::find(ps.begin(), ps.end(), i) == ps.end()) args.push_back(block->inputargs[i]);
      }
      block->inputargs = args;
    }
    ValueMap map;
    std::vector<Operation> kept;
    for (size_t i = 0; i < block->operations.size(); ++i) {
      Operation& op = block->operations[i];
      for (Value*& a : op.args) a = renamed(map, a);
      if (c.family.count(op.result)) {
        if (op.opname == "malloc" || op.opname == "malloc_varsize") {
          auto& parts = parts_of[op.result];
          for (const FieldKey& f : c.fields) parts.push_back(zero_constant(g, f.type));
        }
        continue;  // a malloc or a cast of one of the objects
      }
      if (op.args.empty() || !c.family.count(op.args[0])) {
        kept.push_back(std::move(op));
        continue;
      }
      std::vector<Value*>& current = parts_of[canon.at(op.args[0])];
      const std::string& n = op.opname;
      if (is_read(n)) {
        int k = part_index(c, op);
        map[op.result] = k >= 0 ? current[k] : zero_constant(g, op.result->concretetype);
      } else if (is_write(n)) {
        int k = part_index(c, op);
        if (k >= 0) current[k] = op.args[2];
      } else if (n == "getarraysize") {
        map[op.result] = typed_constant(g, c.length, op.result->concretetype);
      } else if (n == "ptr_iszero" || n == "ptr_nonzero") {
        map[op.result] = typed_constant(g, n == "ptr_nonzero", op.result->concretetype);
      }
      // keepalive: nothing left to keep alive.
    }
    block->operations = std::move(kept);
    if (block->exitswitch && block->exitswitch->is_variable()) block->exitswitch = renamed(map, block->exitswitch);
    for (auto& link : block->exits) {
      auto target_positions = c.positions.find(link->target);
      std::vector<Value*> args;
      for (size_t k = 0; k < link->args.size(); ++k) {
        Value* a = link->args[k];
        if (!c.family.count(a)) {
          args.push_back(renamed(map, a));
          continue;
        }
        // The target receives the parts once, at its first position for the objects.
        if (target_positions != c.positions.end() && target_positions->second[0] != k) continue;
        const std::vector<Value*>& parts = parts_of[canon.at(a)];
        args.insert(args.end(), parts.begin(), parts.end());
      }
      link->args = std::move(args);
    }
  }
}

// Every lifetime of the graph, analyzed (one per malloc not already in an earlier lifetime).
std::vector<Candidate> analyze_all(FunctionGraph& g, const Definitions& defs) {
  std::vector<Candidate> result;
  auto entries = links_into(g);
  std::set<const Value*> seen;
  for (Block* b : g.iterblocks())
    for (size_t i = 0; i < b->operations.size(); ++i) {
      if (seen.count(b->operations[i].result)) continue;
      std::optional<Candidate> c = candidate_for(b->operations[i]);
      if (!c) continue;
      analyze(g, *c, b->operations[i].result, defs, entries);
      seen.insert(c->family.begin(), c->family.end());
      result.push_back(std::move(*c));
    }
  return result;
}

}  // namespace

size_t remove_mallocs(FunctionGraph& graph) {
  size_t removed = 0;
  // One lifetime at a time: each replacement changes the blocks the next analysis walks.
  for (bool again = true; again;) {
    again = false;
    Definitions defs = definitions(graph);
    for (Candidate& c : analyze_all(graph, defs)) {
      if (c.escapes) continue;
      replace(graph, c, defs);
      removed += c.mallocs.size();
      again = true;
      break;
    }
  }
  return removed;
}

std::vector<CallSite> calls_blocking_malloc_removal(FunctionGraph& graph) {
  std::vector<CallSite> sites;
  Definitions defs = definitions(graph);
  for (Candidate& c : analyze_all(graph, defs))
    for (const CallSite& s : c.escaping_calls) sites.push_back(s);
  return sites;
}

}  // namespace rpp::backendopt
