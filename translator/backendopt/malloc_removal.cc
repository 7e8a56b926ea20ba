// Escape analysis and scalar replacement of GcStruct mallocs (malloc_removal.h).
#include "translator/backendopt/malloc_removal.h"

#include <map>
#include <optional>
#include <set>

#include "rtyper/lltype/lltype.h"
#include "translator/backendopt/graph_edit.h"
#include "translator/backendopt/inline.h"

namespace rpp::backendopt {

using namespace flow;
using lltype::Struct;

namespace {

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

// One scalar field of the object: the struct (of the chain) declaring it and its name.
struct FieldKey {
  const Struct* owner;
  std::string name;
  const lltype::LowLevelType* type;
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

// The lifetime of some objects of one struct type (RPython's malloc removal): the variables that
// may hold them, connected through links (both ways) and casts, with every malloc that makes
// them. Removed together when no variable of the lifetime escapes.
struct Candidate {
  const Struct* type = nullptr;
  std::vector<const Struct*> chain;
  std::vector<FieldKey> fields;                  // non-Void scalar fields, in chain order
  std::set<const Value*> family;                 // every variable of the lifetime
  std::map<Block*, Variable*> inputarg_root;     // blocks receiving one of the objects
  std::set<std::pair<Block*, size_t>> mallocs;   // the mallocs making them
  std::set<Block*> blocks;                       // every block with a variable of the lifetime
  std::vector<CallSite> escaping_calls;          // escapes that are direct calls
  bool escapes = false;
};

bool in_chain(const Candidate& c, const lltype::LowLevelType* t) {
  const Struct* s = lltype::pointee<Struct>(t);
  for (const Struct* x : c.chain)
    if (x == s) return true;
  return false;
}

int field_index(const Candidate& c, const Value* ptr, const std::string& name) {
  const Struct* s = lltype::pointee<Struct>(ptr->concretetype);
  for (size_t i = 0; i < c.fields.size(); ++i)
    if (c.fields[i].owner == s && c.fields[i].name == name) return int(i);
  return -1;
}

bool is_void_field(const Value* ptr, const std::string& name) {
  const Struct* s = lltype::pointee<Struct>(ptr->concretetype);
  const lltype::StructField* f = s ? s->field(name) : nullptr;
  return f && lltype::is_void(f->type);
}

const std::string* string_operand(const Value* v) {
  if (!v->is_constant()) return nullptr;
  return std::get_if<std::string>(&static_cast<const Constant*>(v)->value);
}

bool is_alias_op(const std::string& n) { return n == "cast_pointer" || n == "getsubstruct" || n == "same_as"; }

// A malloc this pass can remove, of type `s` (nullptr: not one).
const Struct* removable_malloc_type(const Operation& op) {
  if (op.opname != "malloc" || op.args.size() != 2) return nullptr;
  const std::string* flavor = string_operand(op.args[1]);
  const Struct* s = lltype::pointee<Struct>(op.result->concretetype);
  if (!flavor || *flavor != "gc" || !s || !s->is_gc() || s->is_varsize() || s->hints().virtualizable) return nullptr;
  return s;
}

// Whether an operation using `v` (a variable of the lifetime) keeps the object local: reads and
// writes of its fields through `v`, casts along its chain, null tests, keepalive. Anything else
// (storing it, passing it, comparing it with another pointer) is an escape.
bool local_use(const Candidate& c, const Operation& op, const Value* v) {
  for (size_t i = 1; i < op.args.size(); ++i)
    if (op.args[i] == v) return false;
  if (op.args.empty() || op.args[0] != v) return true;
  const std::string& n = op.opname;
  if (n == "getfield" || n == "setfield" || n == "bare_setfield") {
    const std::string* f = op.args.size() >= 2 ? string_operand(op.args[1]) : nullptr;
    if (!f) return false;
    return field_index(c, v, *f) >= 0 || is_void_field(v, *f);
  }
  if (is_alias_op(n)) return in_chain(c, op.result->concretetype);
  return n == "ptr_iszero" || n == "ptr_nonzero" || n == "keepalive";
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
      if (removable_malloc_type(op) == c.type && op.result->concretetype == start->concretetype) {
        c.mallocs.insert({b, size_t(d->second.op)});
      } else if (is_alias_op(op.opname) && op.args.size() >= 1 && in_chain(c, op.result->concretetype)) {
        add(op.args[0]);
      } else {
        c.escapes = true;  // read from memory, returned by a call, another type...
        return;
      }
    } else {
      auto [it, fresh] = c.inputarg_root.emplace(b, const_cast<Variable*>(static_cast<const Variable*>(v)));
      if (!fresh && it->second != v) {
        c.escapes = true;  // two of the objects enter one block: they might be the same one
        return;
      }
      if (b == g.startblock) {
        c.escapes = true;  // a parameter of the graph
        return;
      }
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
  // A link carries at most one of the objects (two could be the same object under two names).
  for (Block* b : c.blocks)
    for (auto& link : b->exits) {
      int members = 0;
      for (Value* a : link->args) members += c.family.count(a) ? 1 : 0;
      if (members > 1) c.escapes = true;
    }
}

// Scalar replacement of a lifetime that does not escape: every object becomes its fields.
void replace(FunctionGraph& g, Candidate& c) {
  for (Block* block : c.blocks) {
    std::map<const Value*, std::vector<Value*>> fields_of;  // root -> current field values
    std::map<const Value*, const Value*> root_of;           // alias -> root
    auto root = [&](const Value* v) {
      while (root_of.count(v)) v = root_of[v];
      return v;
    };
    if (auto it = c.inputarg_root.find(block); it != c.inputarg_root.end()) {
      std::vector<Variable*> vars;
      for (const FieldKey& f : c.fields) {
        Variable* v = g.new_variable(f.name);
        v->concretetype = f.type;
        vars.push_back(v);
      }
      std::vector<Variable*> args;
      for (Variable* a : block->inputargs) {
        if (a == it->second) args.insert(args.end(), vars.begin(), vars.end());
        else args.push_back(a);
      }
      block->inputargs = args;
      fields_of[it->second].assign(vars.begin(), vars.end());
    }
    ValueMap map;
    std::vector<Operation> kept;
    for (size_t i = 0; i < block->operations.size(); ++i) {
      Operation& op = block->operations[i];
      for (Value*& a : op.args) a = renamed(map, a);
      if (c.family.count(op.result)) {
        if (op.opname == "malloc") {
          auto& fields = fields_of[op.result];
          for (const FieldKey& f : c.fields) fields.push_back(zero_constant(g, f.type));
        } else {
          root_of[op.result] = op.args[0];  // a cast of one of the objects
        }
        continue;
      }
      if (op.args.empty() || !c.family.count(op.args[0])) {
        kept.push_back(std::move(op));
        continue;
      }
      std::vector<Value*>& current = fields_of[root(op.args[0])];
      const std::string& n = op.opname;
      if (n == "getfield") {
        int k = field_index(c, op.args[0], *string_operand(op.args[1]));
        map[op.result] = k >= 0 ? current[k] : zero_constant(g, op.result->concretetype);
      } else if (n == "setfield" || n == "bare_setfield") {
        int k = field_index(c, op.args[0], *string_operand(op.args[1]));
        if (k >= 0) current[k] = op.args[2];
      } else if (n == "ptr_iszero" || n == "ptr_nonzero") {
        map[op.result] = typed_constant(g, n == "ptr_nonzero", op.result->concretetype);
      }
      // keepalive: nothing left to keep alive.
    }
    block->operations = std::move(kept);
    if (block->exitswitch && block->exitswitch->is_variable()) block->exitswitch = renamed(map, block->exitswitch);
    for (auto& link : block->exits) {
      std::vector<Value*> args;
      for (Value* a : link->args) {
        if (c.family.count(a)) {
          const std::vector<Value*>& fields = fields_of[root(a)];
          args.insert(args.end(), fields.begin(), fields.end());
        } else {
          args.push_back(renamed(map, a));
        }
      }
      link->args = std::move(args);
    }
  }
}

// A fresh candidate for the malloc at (b, i), with the fields of its type.
std::optional<Candidate> candidate_at(Block* b, size_t i) {
  const Struct* s = removable_malloc_type(b->operations[i]);
  if (!s) return std::nullopt;
  Candidate c;
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

// Every lifetime of the graph, analyzed (one per malloc not already in an earlier lifetime).
std::vector<Candidate> analyze_all(FunctionGraph& g) {
  std::vector<Candidate> result;
  Definitions defs = definitions(g);
  auto entries = links_into(g);
  std::set<const Value*> seen;
  for (Block* b : g.iterblocks())
    for (size_t i = 0; i < b->operations.size(); ++i) {
      if (seen.count(b->operations[i].result)) continue;
      std::optional<Candidate> c = candidate_at(b, i);
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
    for (Candidate& c : analyze_all(graph)) {
      if (c.escapes) continue;
      replace(graph, c);
      removed += c.mallocs.size();
      again = true;
      break;
    }
  }
  return removed;
}

std::vector<CallSite> calls_blocking_malloc_removal(FunctionGraph& graph) {
  std::vector<CallSite> sites;
  for (Candidate& c : analyze_all(graph))
    for (const CallSite& s : c.escaping_calls) sites.push_back(s);
  return sites;
}

}  // namespace rpp::backendopt
