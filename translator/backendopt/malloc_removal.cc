// Escape analysis and scalar replacement of GcStruct mallocs (malloc_removal.h).
#include "translator/backendopt/malloc_removal.h"

#include <map>
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

// The object made by one malloc, and everything the analysis learns about it.
struct Candidate {
  Block* block = nullptr;       // where the malloc is
  size_t index = 0;
  const Struct* type = nullptr;
  std::vector<const Struct*> chain;
  std::vector<FieldKey> fields;             // non-Void scalar fields, in chain order
  std::set<const Value*> family;            // every variable that is the object
  std::map<Block*, Variable*> root_of;      // blocks receiving the object: the input argument
  std::vector<CallSite> escaping_calls;     // escapes that are direct calls
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

// Whether an operation that uses a family variable keeps the object local. Adds the aliases it
// makes (cast_pointer, getsubstruct) to `aliases`.
bool local_use(const Candidate& c, const Operation& op, std::vector<Variable*>& aliases) {
  auto is_member = [&](const Value* v) { return c.family.count(v) > 0; };
  const std::string& n = op.opname;
  for (size_t i = 1; i < op.args.size(); ++i)
    if (is_member(op.args[i])) return false;  // stored somewhere, compared, passed: escapes
  if (op.args.empty() || !is_member(op.args[0])) return true;
  if (n == "getfield" || n == "setfield" || n == "bare_setfield") {
    const std::string* f = op.args.size() >= 2 ? string_operand(op.args[1]) : nullptr;
    if (!f) return false;
    return field_index(c, op.args[0], *f) >= 0 || is_void_field(op.args[0], *f);
  }
  if (n == "cast_pointer" || n == "getsubstruct" || n == "same_as") {
    if (!in_chain(c, op.result->concretetype)) return false;
    aliases.push_back(op.result);
    return true;
  }
  return n == "ptr_iszero" || n == "ptr_nonzero" || n == "keepalive";
}

// Escape analysis of one malloc: the family of variables that are the object, following links.
void analyze(FunctionGraph& g, Candidate& c, const std::map<const Block*, std::vector<Link*>>& entries) {
  Variable* made = c.block->operations[c.index].result;
  std::vector<std::pair<Block*, Variable*>> work{{c.block, made}};
  c.family.insert(made);
  std::map<Block*, Variable*> visited;  // block -> the variable that brings the object in
  while (!work.empty() && !c.escapes) {
    auto [block, root] = work.back();
    work.pop_back();
    if (auto it = visited.find(block); it != visited.end()) {
      // Reached again: fine through the same argument; a second object in one block (a loop
      // making a new one, the object passed twice) escapes.
      if (it->second != root) c.escapes = true;
      continue;
    }
    visited[block] = root;
    if (block != c.block) c.root_of[block] = root;
    size_t start = block == c.block ? c.index + 1 : 0;
    for (size_t i = start; i < block->operations.size() && !c.escapes; ++i) {
      const Operation& op = block->operations[i];
      if (block == c.block && i == c.index) continue;
      std::vector<Variable*> aliases;
      if (!local_use(c, op, aliases)) {
        c.escapes = true;
        if (direct_callee(op)) c.escaping_calls.push_back({block, i});
        break;
      }
      for (Variable* a : aliases) c.family.insert(a);
    }
    if (c.escapes) break;
    if (block->exitswitch && c.family.count(block->exitswitch)) {
      c.escapes = true;
      break;
    }
    for (auto& link : block->exits) {
      int members = 0;
      for (size_t k = 0; k < link->args.size(); ++k) {
        if (!c.family.count(link->args[k])) continue;
        ++members;
        if (link->target == g.returnblock || link->target == g.exceptblock) {
          c.escapes = true;
          break;
        }
        Variable* param = link->target->inputargs[k];
        c.family.insert(param);
        work.push_back({link->target, param});
      }
      if (members > 1) c.escapes = true;
      if (c.escapes) break;
    }
  }
  if (c.escapes) return;
  // At every join, all entering links must bring the object.
  for (auto& [block, root] : c.root_of) {
    size_t k = 0;
    while (block->inputargs[k] != root) ++k;
    auto it = entries.find(block);
    if (it == entries.end()) continue;
    for (Link* l : it->second)
      if (!c.family.count(l->args[k])) {
        c.escapes = true;
        return;
      }
  }
}

// Scalar replacement of a non-escaping candidate.
void replace(FunctionGraph& g, Candidate& c, const std::map<const Block*, std::vector<Link*>>& entries) {
  // New input arguments: the root argument becomes one argument per field.
  std::map<Block*, std::vector<Variable*>> field_args;
  for (auto& [block, root] : c.root_of) {
    std::vector<Variable*> vars;
    for (const FieldKey& f : c.fields) {
      Variable* v = g.new_variable(f.name);
      v->concretetype = f.type;
      vars.push_back(v);
    }
    std::vector<Variable*> args;
    for (Variable* a : block->inputargs) {
      if (a == root) args.insert(args.end(), vars.begin(), vars.end());
      else args.push_back(a);
    }
    block->inputargs = args;
    field_args[block] = vars;
  }
  std::vector<Block*> blocks{c.block};
  for (auto& [block, root] : c.root_of) blocks.push_back(block);
  for (Block* block : blocks) {
    std::vector<Value*> current;
    if (block != c.block) current.assign(field_args[block].begin(), field_args[block].end());
    ValueMap map;
    std::vector<Operation> kept;
    for (size_t i = 0; i < block->operations.size(); ++i) {
      Operation& op = block->operations[i];
      for (Value*& a : op.args) a = renamed(map, a);
      if (block == c.block && i == c.index) {
        current.clear();
        for (const FieldKey& f : c.fields) current.push_back(zero_constant(g, f.type));
        continue;
      }
      if (op.args.empty() || !c.family.count(op.args[0])) {
        kept.push_back(std::move(op));
        continue;
      }
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
      // cast_pointer, getsubstruct, same_as, keepalive: nothing left to do.
    }
    block->operations = std::move(kept);
    if (block->exitswitch && block->exitswitch->is_variable()) block->exitswitch = renamed(map, block->exitswitch);
    for (auto& link : block->exits) {
      std::vector<Value*> args;
      for (Value* a : link->args) {
        if (c.family.count(a)) args.insert(args.end(), current.begin(), current.end());
        else args.push_back(renamed(map, a));
      }
      link->args = std::move(args);
    }
  }
  (void)entries;
}

std::vector<Candidate> candidates(FunctionGraph& g) {
  std::vector<Candidate> result;
  for (Block* b : g.iterblocks()) {
    for (size_t i = 0; i < b->operations.size(); ++i) {
      const Operation& op = b->operations[i];
      if (op.opname != "malloc" || op.args.size() != 2) continue;
      const std::string* flavor = string_operand(op.args[1]);
      const Struct* s = lltype::pointee<Struct>(op.result->concretetype);
      if (!flavor || *flavor != "gc" || !s || !s->is_gc() || s->is_varsize() || s->hints().virtualizable) continue;
      Candidate c;
      c.block = b;
      c.index = i;
      c.type = s;
      c.chain = struct_chain(s);
      for (const Struct* t : c.chain)
        for (size_t k = 0; k < t->fields().size(); ++k) {
          const lltype::StructField& f = t->fields()[k];
          if (k == 0 && dynamic_cast<const Struct*>(f.type)) continue;  // the inlined parent
          if (f.type->is_container()) continue;                          // an inlined struct or array
          if (lltype::is_void(f.type)) continue;
          c.fields.push_back({t, f.name, f.type});
        }
      result.push_back(std::move(c));
    }
  }
  return result;
}

}  // namespace

size_t remove_mallocs(FunctionGraph& graph) {
  size_t removed = 0;
  // One at a time: each replacement changes the blocks the next analysis walks.
  for (bool again = true; again;) {
    again = false;
    auto entries = links_into(graph);
    for (Candidate& c : candidates(graph)) {
      analyze(graph, c, entries);
      if (c.escapes) continue;
      replace(graph, c, entries);
      ++removed;
      again = true;
      break;
    }
  }
  return removed;
}

std::vector<CallSite> calls_blocking_malloc_removal(FunctionGraph& graph) {
  std::vector<CallSite> sites;
  auto entries = links_into(graph);
  for (Candidate& c : candidates(graph)) {
    analyze(graph, c, entries);
    for (const CallSite& s : c.escaping_calls) sites.push_back(s);
  }
  return sites;
}

}  // namespace rpp::backendopt
