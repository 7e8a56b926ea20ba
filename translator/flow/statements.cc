// The flow builder's statements: walking statement lists (resuming inside them at a block's
// start point), control flow (if, loops, try, with) and the simple statements.
#include <stdexcept>

#include "translator/flow/flow_builder.h"

namespace rpp::flow {

using namespace rpp::pyast;

namespace {

// The names a statement list assigns (not inside nested functions or classes).
void assigned_names(const Expr& target, std::vector<std::string>& out) {
  switch (target.kind) {
    case ExprKind::Name:
      out.push_back(as<Name>(target).id);
      break;
    case ExprKind::Tuple:
      for (auto& e : as<Tuple>(target).elts) assigned_names(*e, out);
      break;
    case ExprKind::List:
      for (auto& e : as<List>(target).elts) assigned_names(*e, out);
      break;
    case ExprKind::Starred:
      assigned_names(*as<Starred>(target).value, out);
      break;
    default:
      break;
  }
}

void assigned_names(const StmtList& body, std::vector<std::string>& out) {
  for (auto& s : body) {
    switch (s->kind) {
      case StmtKind::Assign:
        for (auto& t : as<Assign>(*s).targets) assigned_names(*t, out);
        break;
      case StmtKind::AugAssign:
        assigned_names(*as<AugAssign>(*s).target, out);
        break;
      case StmtKind::AnnAssign:
        assigned_names(*as<AnnAssign>(*s).target, out);
        break;
      case StmtKind::For:
        assigned_names(*as<For>(*s).target, out);
        assigned_names(as<For>(*s).body, out);
        assigned_names(as<For>(*s).orelse, out);
        break;
      case StmtKind::While:
        assigned_names(as<While>(*s).body, out);
        assigned_names(as<While>(*s).orelse, out);
        break;
      case StmtKind::If:
        assigned_names(as<If>(*s).body, out);
        assigned_names(as<If>(*s).orelse, out);
        break;
      case StmtKind::With:
        if (as<With>(*s).optional_vars) assigned_names(*as<With>(*s).optional_vars, out);
        assigned_names(as<With>(*s).body, out);
        break;
      case StmtKind::Try: {
        auto& t = as<Try>(*s);
        assigned_names(t.body, out);
        for (auto& h : t.handlers) {
          if (!h.name.empty()) out.push_back(h.name);
          assigned_names(h.body, out);
        }
        assigned_names(t.orelse, out);
        assigned_names(t.finalbody, out);
        break;
      }
      case StmtKind::FunctionDef:
        out.push_back(as<FunctionDef>(*s).name);
        break;
      case StmtKind::Import:
        for (auto& a : as<Import>(*s).names)
          out.push_back(a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname);
        break;
      case StmtKind::ImportFrom:
        for (auto& a : as<ImportFrom>(*s).names) out.push_back(a.asname.empty() ? a.name : a.asname);
        break;
      default:
        break;
    }
  }
}

// Restores a counter or a vector's size when a scope ends (normally or by a signal).
struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
};

}  // namespace

// ---------------------------------------------------------------- entries

FlowBuilder::EntryScope::EntryScope(FlowBuilder& b, const Stmt& owner, EntryKind kind, std::vector<Value*> values,
                                    int tag)
    : b_(b), depth_(b.entry_depth_) {
  if (b.entries_.size() > depth_) {
    // Resuming: the saved state already holds this construct's entry.
    const Entry& e = b.entries_[depth_];
    if (e.owner != &owner || e.kind != kind) throw std::logic_error("flow: resumed entry mismatch");
  } else {
    b.entries_.push_back(Entry{kind, tag, &owner, std::move(values)});
  }
  b.entry_depth_ = depth_ + 1;
}

FlowBuilder::EntryScope::~EntryScope() {
  if (released_) return;
  b_.entries_.resize(depth_);
  b_.entry_depth_ = depth_;
}

void FlowBuilder::EntryScope::release() {
  b_.entries_.resize(depth_);
  b_.entry_depth_ = depth_;
  released_ = true;
}

// ---------------------------------------------------------------- resuming and lists

const Step* FlowBuilder::resume_step_into(const Stmt& s) const {
  if (!resuming()) return nullptr;
  const Step& step = resume_[resume_depth_];
  return step.stmt == &s ? &step : nullptr;
}

Point FlowBuilder::point_at(const Stmt& s, Part part, int handler, int index) const {
  Point p = path_;
  p.push_back(Step{&s, part, handler, index});
  return p;
}

void FlowBuilder::run_function() { exec_list(nullptr, Part::Body, 0, fdef_.body); }

void FlowBuilder::exec_list(const Stmt* owner, Part part, int handler, const StmtList& list) {
  int start = 0;
  if (resuming()) {
    const Step& step = resume_[resume_depth_];
    if (step.stmt != owner || step.part != part || step.handler != handler)
      throw std::logic_error("flow: the resume path does not match the statements");
    start = step.index;
    ++resume_depth_;
  }
  size_t depth = path_.size();
  path_.push_back(Step{owner, part, handler, start});
  struct Restore {
    Point& path;
    size_t depth;
    ~Restore() { path.resize(depth); }
  } restore{path_, depth};
  for (int i = start; i < static_cast<int>(list.size()); ++i) {
    path_.back().index = i;
    if (!resuming()) boundary();
    exec_stmt(*list[i]);
  }
}

void FlowBuilder::exec_stmt(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Expr:
      eval(*as<ExprStmt>(s).value);
      return;
    case StmtKind::Assign:
      exec_assign(as<Assign>(s));
      return;
    case StmtKind::AugAssign:
      exec_augassign(as<AugAssign>(s));
      return;
    case StmtKind::AnnAssign: {
      auto& a = as<AnnAssign>(s);
      if (a.value) assign(*a.target, eval(*a.value));
      return;
    }
    case StmtKind::Return: {
      auto& r = as<Return>(s);
      throw ReturnSignal{r.value ? eval(*r.value) : constant(NoneValue{})};
    }
    case StmtKind::Pass:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      return;
    case StmtKind::Break:
      throw BreakSignal{};
    case StmtKind::Continue:
      throw ContinueSignal{};
    case StmtKind::If:
      exec_if(as<If>(s));
      return;
    case StmtKind::While:
      exec_while(as<While>(s));
      return;
    case StmtKind::For:
      exec_for(as<For>(s));
      return;
    case StmtKind::Try:
      exec_try(as<Try>(s));
      return;
    case StmtKind::With:
      exec_with(as<With>(s));
      return;
    case StmtKind::Raise:
      exec_raise(as<Raise>(s));
      return;
    case StmtKind::Assert:
      exec_assert(as<Assert>(s));
      return;
    case StmtKind::Delete:
      exec_delete(as<Delete>(s));
      return;
    case StmtKind::Import:
    case StmtKind::ImportFrom:
      exec_import(s);
      return;
    case StmtKind::FunctionDef:
      exec_nested_def(as<FunctionDef>(s));
      return;
    case StmtKind::ClassDef:
      error(s.pos, "a class defined inside a function is not RPython: define '" + as<ClassDef>(s).name +
                       "' at module level");
    case StmtKind::Match:
      error(s.pos, "the 'match' statement is not RPython: write an if/elif chain");
    case StmtKind::TryStar:
      error(s.pos, "'except*' is not RPython: write an ordinary try/except");
  }
  error(s.pos, std::string(describe(s.kind)) + " is not supported here");
}

// ---------------------------------------------------------------- if and loops

void FlowBuilder::exec_if(const If& s) {
  if (const Step* step = resume_step_into(s)) {
    exec_list(&s, step->part, 0, step->part == Part::Body ? s.body : s.orelse);
    return;
  }
  bool taken = truth(eval(*s.test), s.test->pos);
  exec_list(&s, taken ? Part::Body : Part::OrElse, 0, taken ? s.body : s.orelse);
}

void FlowBuilder::exec_while(const While& s) {
  const Step* step = resume_step_into(s);
  if (!step) join(point_at(s, Part::LoopHead));
  Part part = step->part;
  if (part == Part::LoopHead) {
    consume_resume_step();
    if (!truth(eval(*s.test), s.test->pos)) {
      exec_list(&s, Part::OrElse, 0, s.orelse);
      return;
    }
    part = Part::Body;
  }
  if (part == Part::OrElse) {
    exec_list(&s, Part::OrElse, 0, s.orelse);
    return;
  }
  try {
    exec_list(&s, Part::Body, 0, s.body);
  } catch (BreakSignal&) {
    return;
  } catch (ContinueSignal&) {
  }
  join(point_at(s, Part::LoopHead));
}

void FlowBuilder::exec_for(const For& s) {
  if (s.is_async) error(s.pos, "'async for' is not RPython");
  const Step* step = resume_step_into(s);
  if (!step) {
    Value* iterable = eval(*s.iter);
    std::optional<std::vector<ConstValue>> items;
    if (auto ref = as_ref(iterable)) items = objects_.unroll_items(ConstValue{*ref});
    if (items) {
      EntryScope entry(*this, s, EntryKind::ForUnrolled, {iterable}, 0);
      join(point_at(s, Part::LoopHead));
    }
    Value* iterator = op("iter", {iterable}, s.iter->pos);
    EntryScope entry(*this, s, EntryKind::ForIterator, {iterator});
    join(point_at(s, Part::LoopHead));
  }
  if (step->part == Part::OrElse) {
    exec_list(&s, Part::OrElse, 0, s.orelse);
    return;
  }
  bool unrolled = entries_.size() > entry_depth_ && entries_[entry_depth_].kind == EntryKind::ForUnrolled;
  EntryScope entry(*this, s, unrolled ? EntryKind::ForUnrolled : EntryKind::ForIterator, {});
  if (step->part == Part::LoopHead) {
    consume_resume_step();
    Value* item = nullptr;
    bool exhausted = false;
    if (unrolled) {
      Entry& e = entry.entry();
      auto items = objects_.unroll_items(static_cast<Constant*>(e.values[0])->value);
      if (e.tag >= static_cast<int>(items->size())) {
        exhausted = true;
      } else {
        item = object_constant((*items)[e.tag], s.iter->pos);
        e.tag += 1;
      }
    } else {
      try {
        item = op("next", {entry.entry().values[0]}, s.pos);
      } catch (PyRaise& raised) {
        auto ref = as_ref(raised.etype);
        if (!ref || *ref != space_.builtin("StopIteration")) throw;
        exhausted = true;
      }
    }
    if (exhausted) {
      entry.release();
      exec_list(&s, Part::OrElse, 0, s.orelse);
      return;
    }
    assign(*s.target, item);
  }
  exec_for_body(s);
}

void FlowBuilder::exec_for_body(const For& s) {
  try {
    exec_list(&s, Part::Body, 0, s.body);
  } catch (BreakSignal&) {
    return;
  } catch (ContinueSignal&) {
  }
  join(point_at(s, Part::LoopHead));
}

// ---------------------------------------------------------------- try

void FlowBuilder::resignal(Unroll kind, const std::vector<Value*>& payload) {
  switch (kind) {
    case Unroll::Normal:
      return;
    case Unroll::Return:
      throw ReturnSignal{payload.at(0)};
    case Unroll::Break:
      throw BreakSignal{};
    case Unroll::Continue:
      throw ContinueSignal{};
    case Unroll::Raise:
      throw PyRaise{payload.at(0), payload.at(1)};
  }
}

void FlowBuilder::exec_try(const Try& s) {
  if (s.finalbody.empty()) {
    exec_try_except(s);
    return;
  }
  const Step* step = resume_step_into(s);
  if (step && step->part == Part::FinalBody) {
    exec_finally(s);
    return;
  }
  Unroll kind = Unroll::Normal;
  std::vector<Value*> payload;
  {
    DepthGuard protect(protected_depth_);
    try {
      exec_try_except(s);
    } catch (ReturnSignal& r) {
      kind = Unroll::Return;
      payload = {r.value};
    } catch (BreakSignal&) {
      kind = Unroll::Break;
    } catch (ContinueSignal&) {
      kind = Unroll::Continue;
    } catch (PyRaise& e) {
      kind = Unroll::Raise;
      payload = {e.etype, e.evalue};
    }
  }
  EntryScope unroller(*this, s, EntryKind::Unroller, payload, static_cast<int>(kind));
  join(point_at(s, Part::FinalBody, 0, 0));
}

void FlowBuilder::exec_finally(const Try& s) {
  EntryScope unroller(*this, s, EntryKind::Unroller, {});
  exec_list(&s, Part::FinalBody, 0, s.finalbody);
  Entry e = unroller.entry();
  unroller.release();
  resignal(static_cast<Unroll>(e.tag), e.values);
}

void FlowBuilder::exec_try_except(const Try& s) {
  if (const Step* step = resume_step_into(s)) {
    switch (step->part) {
      case Part::Dispatch:
        exec_dispatch(s);
        return;
      case Part::Handler:
        exec_handler(s, step->handler);
        return;
      case Part::OrElse:
        exec_list(&s, Part::OrElse, 0, s.orelse);
        return;
      default:
        break;
    }
  }
  if (s.handlers.empty()) {
    exec_list(&s, Part::Body, 0, s.body);
    return;
  }
  std::optional<PyRaise> raised;
  {
    DepthGuard protect(protected_depth_);
    try {
      exec_list(&s, Part::Body, 0, s.body);
    } catch (PyRaise& e) {
      raised = e;
    }
  }
  if (raised) {
    EntryScope pending(*this, s, EntryKind::PendingRaise, {raised->etype, raised->evalue});
    join(point_at(s, Part::Dispatch));
  }
  exec_list(&s, Part::OrElse, 0, s.orelse);
}

void FlowBuilder::exec_dispatch(const Try& s) {
  consume_resume_step();
  Value* etype;
  Value* evalue;
  {
    EntryScope pending(*this, s, EntryKind::PendingRaise, {});
    etype = pending.entry().values[0];
    evalue = pending.entry().values[1];
  }
  for (size_t k = 0; k < s.handlers.size(); ++k) {
    const ExceptHandler& h = s.handlers[k];
    bool matched = true;
    if (h.type) matched = exception_match(etype, eval(*h.type), h.type->pos);
    if (matched) {
      EntryScope handling(*this, s, EntryKind::Handling, {etype, evalue});
      if (!h.name.empty()) store_local(h.name, evalue, h.pos);
      exec_list(&s, Part::Handler, static_cast<int>(k), h.body);
      if (!h.name.empty()) locals_[local_slots_.at(h.name)] = nullptr;  // the implicit `del name`
      return;
    }
  }
  throw PyRaise{etype, evalue};
}

void FlowBuilder::exec_handler(const Try& s, int k) {
  const ExceptHandler& h = s.handlers.at(k);
  EntryScope handling(*this, s, EntryKind::Handling, {});
  exec_list(&s, Part::Handler, k, h.body);
  if (!h.name.empty()) locals_[local_slots_.at(h.name)] = nullptr;  // the implicit `del name`
}

// ---------------------------------------------------------------- with

void FlowBuilder::exec_with(const With& s) {
  if (s.is_async) error(s.pos, "'async with' is not RPython");
  const Step* step = resume_step_into(s);
  if (step && step->part == Part::WithExit) {
    exec_with_exit(s);
    return;
  }
  std::optional<EntryScope> scope;
  if (step) {
    scope.emplace(*this, s, EntryKind::WithBody, std::vector<Value*>{});
  } else {
    pyast::Pos pos = s.context_expr->pos;
    Value* manager = eval(*s.context_expr);
    Value* exit = op("getattr", {manager, constant(std::string("__exit__"))}, pos);
    Value* enter = op("getattr", {manager, constant(std::string("__enter__"))}, pos);
    Value* entered = generic_call(enter, {}, {}, nullptr, pos);
    scope.emplace(*this, s, EntryKind::WithBody, std::vector<Value*>{exit});
    if (s.optional_vars) assign(*s.optional_vars, entered);
  }
  Unroll kind = Unroll::Normal;
  std::vector<Value*> payload;
  {
    DepthGuard protect(protected_depth_);
    try {
      exec_list(&s, Part::Body, 0, s.body);
    } catch (ReturnSignal& r) {
      kind = Unroll::Return;
      payload = {r.value};
    } catch (BreakSignal&) {
      kind = Unroll::Break;
    } catch (ContinueSignal&) {
      kind = Unroll::Continue;
    } catch (PyRaise& e) {
      kind = Unroll::Raise;
      payload = {e.etype, e.evalue};
    }
  }
  Entry& e = scope->entry();
  e.kind = EntryKind::WithExit;
  e.tag = static_cast<int>(kind);
  e.values.insert(e.values.end(), payload.begin(), payload.end());
  join(point_at(s, Part::WithExit));
}

void FlowBuilder::exec_with_exit(const With& s) {
  consume_resume_step();
  Entry e;
  {
    EntryScope scope(*this, s, EntryKind::WithExit, {});
    e = scope.entry();
  }
  Unroll kind = static_cast<Unroll>(e.tag);
  Value* exit = e.values[0];
  std::vector<Value*> payload(e.values.begin() + 1, e.values.end());
  Value* none = constant(NoneValue{});
  if (kind == Unroll::Raise) {
    Value* suppress = generic_call(exit, {payload[0], payload[1], none}, {}, nullptr, s.pos);
    if (truth(suppress, s.pos)) {
      // Suppressed: what the body had not assigned yet stays unbound after the statement.
      std::vector<std::string> names;
      if (s.optional_vars) assigned_names(*s.optional_vars, names);
      assigned_names(s.body, names);
      for (auto& name : names) {
        auto slot = local_slots_.find(name);
        if (slot != local_slots_.end() && !locals_[slot->second])
          locals_[slot->second] = constant(std::shared_ptr<const ConstPayload>(std::make_shared<UnboundLocal>()));
      }
      return;
    }
    throw PyRaise{payload[0], payload[1]};
  }
  generic_call(exit, {none, none, none}, {}, nullptr, s.pos);
  resignal(kind, payload);
}

// ---------------------------------------------------------------- simple statements

void FlowBuilder::exec_raise(const Raise& s) {
  if (!s.exc) {
    for (size_t i = entries_.size(); i-- > 0;)
      if (entries_[i].kind == EntryKind::Handling) throw PyRaise{entries_[i].values[0], entries_[i].values[1]};
    error(s.pos, "a bare 'raise' outside an except clause: name the exception to raise");
  }
  Value* value = eval(*s.exc);
  if (s.cause) eval(*s.cause);  // the cause is not kept (tracebacks print only `Cls: msg`)
  if (auto ref = as_ref(value)) {
    if (space_.kind(*ref) == frontend::ObjectKind::Class) {
      Value* instance = generic_call(value, {}, {}, nullptr, s.exc->pos);
      throw PyRaise{value, instance};
    }
  }
  auto made = instance_of_.find(value);
  if (made != instance_of_.end()) throw PyRaise{constant(made->second), value};
  throw PyRaise{op("type", {value}, s.exc->pos), value};
}

void FlowBuilder::exec_assert(const Assert& s) {
  if (!space_.check_asserts()) return;
  if (truth(eval(*s.test), s.test->pos)) return;
  std::vector<Value*> args;
  if (s.msg) args.push_back(eval(*s.msg));
  Value* cls = constant(space_.builtin("AssertionError"));
  throw PyRaise{cls, generic_call(cls, args, {}, nullptr, s.pos)};
}

void FlowBuilder::exec_assign(const Assign& s) {
  // `a, b = x, y`: the values are computed first, then assigned, with no tuple in between.
  if (s.targets.size() == 1 && s.value->kind == ExprKind::Tuple && s.targets[0]->kind == ExprKind::Tuple) {
    auto& values = as<Tuple>(*s.value).elts;
    auto& targets = as<Tuple>(*s.targets[0]).elts;
    bool starred = false;
    for (auto& v : values) starred |= v->kind == ExprKind::Starred;
    for (auto& t : targets) starred |= t->kind == ExprKind::Starred;
    if (values.size() == targets.size() && !starred) {
      std::vector<Value*> computed;
      for (auto& v : values) computed.push_back(eval(*v));
      for (size_t i = 0; i < targets.size(); ++i) assign(*targets[i], computed[i]);
      return;
    }
  }
  Value* value = eval(*s.value);
  for (auto& t : s.targets) assign(*t, value);
}

namespace {

const char* binary_opname(BinaryOperator op) {
  switch (op) {
    case BinaryOperator::Add: return "add";
    case BinaryOperator::Sub: return "sub";
    case BinaryOperator::Mult: return "mul";
    case BinaryOperator::Div: return "truediv";
    case BinaryOperator::FloorDiv: return "floordiv";
    case BinaryOperator::Mod: return "mod";
    case BinaryOperator::Pow: return "pow";
    case BinaryOperator::LShift: return "lshift";
    case BinaryOperator::RShift: return "rshift";
    case BinaryOperator::BitOr: return "or_";
    case BinaryOperator::BitXor: return "xor";
    case BinaryOperator::BitAnd: return "and_";
    case BinaryOperator::MatMult: return nullptr;
  }
  return nullptr;
}

}  // namespace

void FlowBuilder::exec_augassign(const AugAssign& s) {
  const char* binop = binary_opname(s.op);
  if (!binop) error(s.pos, "the '@=' operator is not RPython");
  std::string opname = std::string("inplace_") + binop;
  if (opname.back() == '_') opname.pop_back();  // and_, or_: inplace_and, inplace_or
  const Expr& target = *s.target;
  switch (target.kind) {
    case ExprKind::Name: {
      auto& n = as<Name>(target);
      Value* current = load_local(n.id, n.pos);
      Value* value = eval(*s.value);
      store_local(n.id, op(opname, {current, value}, s.pos), n.pos);
      return;
    }
    case ExprKind::Attribute: {
      auto& a = as<Attribute>(target);
      Value* obj = eval(*a.value);
      Value* name = constant(a.attr);
      Value* current = op("getattr", {obj, name}, a.pos);
      Value* value = eval(*s.value);
      op("setattr", {obj, name, op(opname, {current, value}, s.pos)}, s.pos);
      return;
    }
    case ExprKind::Subscript: {
      auto& sub = as<Subscript>(target);
      if (sub.slice->kind == ExprKind::Slice) error(s.pos, "augmented assignment to a slice is not RPython");
      Value* obj = eval(*sub.value);
      Value* index = eval(*sub.slice);
      Value* current = op("getitem", {obj, index}, sub.pos);
      Value* value = eval(*s.value);
      op("setitem", {obj, index, op(opname, {current, value}, s.pos)}, s.pos);
      return;
    }
    default:
      error(s.pos, "cannot assign to " + std::string(describe(target.kind)));
  }
}

void FlowBuilder::exec_delete(const Delete& s) {
  for (auto& t : s.targets) {
    switch (t->kind) {
      case ExprKind::Name: {
        auto& n = as<Name>(*t);
        if (!n.id.empty() && n.id[0] == '.') {  // a temporary of the comprehension rewrite
          locals_[local_slots_.at(n.id)] = nullptr;
          break;
        }
        error(t->pos, "'del' of a name is not RPython: assign None to '" + n.id + "' instead");
      }
      case ExprKind::Subscript: {
        auto& sub = as<Subscript>(*t);
        Value* obj = eval(*sub.value);
        if (sub.slice->kind == ExprKind::Slice) {
          auto& sl = as<Slice>(*sub.slice);
          if (sl.step) error(sl.pos, "'del' of an extended slice is not RPython");
          Value* lower = sl.lower ? eval(*sl.lower) : constant(NoneValue{});
          Value* upper = sl.upper ? eval(*sl.upper) : constant(NoneValue{});
          op("delslice", {obj, lower, upper}, t->pos);
        } else {
          op("delitem", {obj, eval(*sub.slice)}, t->pos);
        }
        break;
      }
      case ExprKind::Attribute:
        error(t->pos, "deleting an attribute is not RPython: set it to None instead");
      default:
        error(t->pos, "cannot delete " + std::string(describe(t->kind)));
    }
  }
}

void FlowBuilder::exec_import(const Stmt& s) {
  if (s.kind == StmtKind::Import) {
    for (auto& alias : as<Import>(s).names) {
      std::string err;
      auto module = objects_.import_module(info_->ref, alias.name, 0, &err);
      if (!module) error(alias.pos, "import of '" + alias.name + "' fails: " + err);
      if (!alias.asname.empty()) {
        store_local(alias.asname, object_constant(*module, alias.pos), alias.pos);
      } else {
        std::string top = alias.name.substr(0, alias.name.find('.'));
        auto top_module = objects_.import_module(info_->ref, top, 0, &err);
        store_local(top, object_constant(*top_module, alias.pos), alias.pos);
      }
    }
    return;
  }
  auto& from = as<ImportFrom>(s);
  std::string err;
  auto module = objects_.import_module(info_->ref, from.module, from.level, &err);
  if (!module) error(s.pos, "import of '" + from.module + "' fails: " + err);
  for (auto& alias : from.names) {
    if (alias.name == "*") error(alias.pos, "'import *' inside a function is not Python 3");
    auto result = objects_.fold("getattr", {*module, ConstValue{alias.name}});
    if (result.status != frontend::FoldResult::Folded)
      error(alias.pos, "cannot import name '" + alias.name + "' from '" + from.module + "'");
    store_local(alias.asname.empty() ? alias.name : alias.asname, object_constant(result.value, alias.pos), alias.pos);
  }
}

void FlowBuilder::exec_nested_def(const FunctionDef& s) {
  if (s.is_async) error(s.pos, "'async' functions are not RPython: write an ordinary function");
  if (!s.decorators.empty())
    error(s.decorators[0]->pos, "decorators on a function defined inside a function are not supported: define '" +
                                    s.name + "' at module level");
  std::vector<ConstValue> defaults;
  for (auto& d : s.args.defaults) {
    Value* v = eval(*d);
    if (!v->is_constant())
      error(d->pos, "the default values of a function defined inside a function must be constants");
    defaults.push_back(static_cast<Constant*>(v)->value);
  }
  std::map<std::string, ConstValue> kwdefaults;
  for (size_t i = 0; i < s.args.kw_defaults.size(); ++i) {
    if (!s.args.kw_defaults[i]) continue;
    Value* v = eval(*s.args.kw_defaults[i]);
    if (!v->is_constant())
      error(s.args.kw_defaults[i]->pos, "the default values of a function defined inside a function must be constants");
    kwdefaults[s.args.kwonlyargs[i].name] = static_cast<Constant*>(v)->value;
  }
  std::vector<ConstValue> closure;
  for (auto& name : objects_.nested_freevars(info_->ref, s.name, s.code_line, s.code_index)) {
    Value* v;
    if (local_slots_.count(name)) {
      v = locals_[local_slots_.at(name)];
      if (!v) error(s.pos, "'" + s.name + "' uses '" + name + "', which has no value where '" + s.name + "' is defined");
    } else {
      v = load_local(name, s.pos);
    }
    if (!v->is_constant())
      error(s.pos, "'" + s.name + "' uses the variable '" + name +
                       "', which is not a constant here: nested functions may only close over constants "
                       "(pass '" + name + "' as an argument instead)");
    closure.push_back(static_cast<Constant*>(v)->value);
  }
  PyObjectRef fn = objects_.make_function(info_->ref, s.name, s.code_line, s.code_index, defaults, kwdefaults, closure);
  store_local(s.name, constant(fn), s.pos);
}

}  // namespace rpp::flow
