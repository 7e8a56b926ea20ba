// The block machinery of the flow builder: pending blocks, replaying egg blocks, forks on
// conditions and exceptions, merging states at join points (RPython's flowcontext.py, on an AST).
#include <algorithm>
#include <stdexcept>

#include "translator/flow/flow_builder.h"
#include "translator/flow/simplify.h"

namespace rpp::flow {

namespace {

// A text key for a point: the statements' addresses are stable while a graph is built, and the
// key is only used to find candidates (never iterated), so nothing depends on their order.
std::string point_key(const Point& point) {
  std::string key;
  for (const Step& s : point) {
    key += std::to_string(reinterpret_cast<uintptr_t>(s.stmt));
    key += ':' + std::to_string(static_cast<int>(s.part)) + ':' + std::to_string(s.handler) + ':' +
           std::to_string(s.index) + '/';
  }
  return key;
}

bool same_value(const Value* a, const Value* b) {
  if (a == b) return true;
  return a && b && a->is_constant() && b->is_constant() &&
         const_value_equal(static_cast<const Constant*>(a)->value, static_cast<const Constant*>(b)->value);
}

}  // namespace

FlowBuilder::FlowBlock* FlowBuilder::FlowBlock::ancestor() {
  FlowBlock* b = this;
  while (b->egg) b = b->prev;
  return b;
}

FlowBuilder::FlowBuilder(FlowSpace& space, std::shared_ptr<const frontend::FunctionInfo> info,
                         const SpecializationKey& key, FunctionGraph& graph)
    : space_(space),
      objects_(space.objects()),
      info_(std::move(info)),
      fdef_(*info_->ast),
      key_(key),
      graph_(graph),
      file_(std::make_shared<const std::string>(info_->filename)) {
  auto add_local = [&](const std::string& name) {
    if (local_slots_.emplace(name, local_names_.size()).second) local_names_.push_back(name);
  };
  for (auto& n : info_->varnames) add_local(n);
  for (auto& n : info_->cellvars) add_local(n);
  for (auto& n : info_->hidden_locals) add_local(n);
  for (size_t i = 0; i < info_->freevars.size(); ++i) free_slots_[info_->freevars[i]] = i;
  declared_global_ = {info_->global_names.begin(), info_->global_names.end()};
  declared_nonlocal_ = {info_->nonlocal_names.begin(), info_->nonlocal_names.end()};
}

void FlowBuilder::build() {
  if (info_->is_coroutine) error(fdef_.pos, "'async' functions are not RPython: write an ordinary function");
  if (info_->is_generator)
    error(info_->first_yield.line ? info_->first_yield : fdef_.pos,
          "generators ('yield') are not RPython yet: return a list, or write an iterator class with __next__");
  if (!info_->kwarg.empty())
    error(fdef_.args.kwarg.pos, "'**" + info_->kwarg + "' is not RPython: name the keyword arguments the function takes");

  // The signature: positional parameters, *args, keyword-only parameters.
  std::vector<std::string> params = info_->argnames;
  if (!info_->vararg.empty()) params.push_back(info_->vararg);
  params.insert(params.end(), info_->kwonlyargnames.begin(), info_->kwonlyargnames.end());
  graph_.arg_names = params;
  graph_.location = SourceLocation{file_, fdef_.pos.line, fdef_.pos.col, nullptr};

  FrameState start;
  start.point = {Step{nullptr, Part::Body, 0, 0}};
  start.locals.assign(local_names_.size(), nullptr);
  std::vector<Variable*> inputargs;
  for (size_t i = 0; i < params.size(); ++i) {
    Variable* v = graph_.new_variable(params[i]);
    inputargs.push_back(v);
    Value* bound = v;
    if (i < key_.constant_args.size() && key_.constant_args[i]) bound = constant(*key_.constant_args[i]);
    start.locals[local_slots_.at(params[i])] = bound;
  }
  graph_.startblock = graph_.new_block(inputargs);
  FlowBlock& fb = flow_blocks_.emplace_back();
  fb.block = graph_.startblock;
  fb.state = start;
  pending_.push_back(&fb);

  while (!pending_.empty()) {
    FlowBlock* b = pending_.front();
    pending_.pop_front();
    if (b->ancestor()->dead) continue;
    record_block(b);
  }
  finish_graph();
}

FlowBuilder::FlowBlock* FlowBuilder::new_spam_block(const FrameState& state) {
  FlowBlock& fb = flow_blocks_.emplace_back();
  fb.state = state;
  fb.block = graph_.new_block(state.variables());
  return &fb;
}

FlowBuilder::FlowBlock* FlowBuilder::new_egg_block(FlowBlock* prev, Outcome outcome) {
  FlowBlock& fb = flow_blocks_.emplace_back();
  fb.egg = true;
  fb.prev = prev;
  fb.outcome = outcome;
  fb.block = graph_.new_block();
  return &fb;
}

void FlowBuilder::set_state(const FrameState& state) {
  locals_ = state.locals;
  entries_ = state.entries;
  entry_depth_ = 0;
  path_.clear();
  resume_ = state.point;
  resume_depth_ = 0;
  protected_depth_ = 0;
}

FrameState FlowBuilder::current_state(const Point& point) const {
  FrameState s;
  s.point = point;
  s.locals = locals_;
  s.entries = entries_;
  return s;
}

void FlowBuilder::record_block(FlowBlock* fb) {
  FlowBlock* ancestor = fb->ancestor();
  replays_.clear();
  replay_pos_ = 0;
  if (fb->egg) {
    std::vector<FlowBlock*> chain;
    for (FlowBlock* b = fb; b->egg; b = b->prev) chain.push_back(b);
    std::reverse(chain.begin(), chain.end());
    for (FlowBlock* egg : chain) replays_.push_back(Replay{egg->prev, 0, egg});
  }
  current_ = fb;
  known_truth_.clear();
  boolean_results_.clear();
  last_tested_ = nullptr;
  set_state(ancestor->state);
  try {
    run_function();
    close_with(graph_.returnblock, {constant(NoneValue{})});
  } catch (StopFlowing&) {
  } catch (ReturnSignal& r) {
    close_with(graph_.returnblock, {r.value});
  } catch (PyRaise& e) {
    close_with(graph_.exceptblock, {e.etype, e.evalue});
  } catch (BreakSignal&) {
    throw std::logic_error("flow: 'break' outside a loop");
  } catch (ContinueSignal&) {
    throw std::logic_error("flow: 'continue' outside a loop");
  }
  current_ = nullptr;
}

void FlowBuilder::close_with(Block* target, std::vector<Value*> args) {
  if (replaying()) throw std::logic_error("flow: a block ended while replaying its ancestor");
  current_->block->add_exit(target, std::move(args));
}

void FlowBuilder::link(Block* from, Block* to, std::vector<Value*> args) { from->add_exit(to, std::move(args)); }

void FlowBuilder::join(const Point& point) {
  if (replaying()) throw std::logic_error("flow: a join point while replaying");
  mergeblock(current_, current_state(point));
  throw StopFlowing{};
}

void FlowBuilder::boundary() {
  if (replaying()) return;
  if (current_->egg || !current_->block->operations.empty()) join(path_);
}

void FlowBuilder::mergeblock(FlowBlock* from, const FrameState& state) {
  auto& candidates = joinpoints_[point_key(state.point)];
  for (size_t i = 0; i < candidates.size(); ++i) {
    FlowBlock* old = candidates[i];
    if (!old->state.same_shape(state)) continue;
    if (old->state.generalizes(state)) {
      link(from->block, old->block, old->state.outputargs_from(state));
      return;
    }
    // Generalize: a new block with the union state replaces the old one, which becomes a mere
    // link to it (its successors are flowed again from the new block).
    FlowBlock* fresh = new_spam_block(FrameState::unite(old->state, state, graph_, local_names_));
    link(from->block, fresh->block, fresh->state.outputargs_from(state));
    old->dead = true;
    old->block->operations.clear();
    old->block->exitswitch = nullptr;
    old->block->clear_exits();
    link(old->block, fresh->block, fresh->state.outputargs_from(old->state));
    candidates.erase(candidates.begin() + i);
    candidates.insert(candidates.begin(), fresh);
    pending_.push_back(fresh);
    return;
  }
  FlowBlock* fresh = new_spam_block(state.with_fresh_variables(graph_, local_names_));
  link(from->block, fresh->block, fresh->state.outputargs_from(state));
  candidates.insert(candidates.begin(), fresh);
  pending_.push_back(fresh);
}

Variable* FlowBuilder::record(const std::string& opname, std::vector<Value*> args, pyast::Pos pos) {
  last_tested_ = nullptr;
  if (replaying()) {
    Replay& r = replays_[replay_pos_];
    auto& ops = r.block->block->operations;
    if (r.index >= ops.size()) throw std::logic_error("flow: replay went past the recorded operations");
    const Operation& old = ops[r.index++];
    bool same = old.opname == opname && old.args.size() == args.size();
    for (size_t i = 0; same && i < args.size(); ++i) same = same_value(old.args[i], args[i]);
    if (!same) throw std::logic_error("flow: replaying " + graph_.name + " gave " + opname + " instead of " + old.opname);
    return old.result;
  }
  Variable* result = graph_.new_variable();
  current_->block->operations.push_back(
      Operation{opname, std::move(args), result, SourceLocation{file_, pos.line, pos.col, nullptr}});
  return result;
}

bool FlowBuilder::guessbool(Value* condition) {
  if (condition->is_constant()) {
    const ConstValue& v = static_cast<Constant*>(condition)->value;
    if (auto* b = std::get_if<bool>(&v)) return *b;
    throw std::logic_error("flow: guessbool on a non-bool constant");
  }
  if (replaying()) {
    Replay& r = replays_[replay_pos_];
    if (r.index != r.block->block->operations.size()) throw std::logic_error("flow: replay forked early");
    ++replay_pos_;
    if (r.egg->outcome != Outcome::False && r.egg->outcome != Outcome::True)
      throw std::logic_error("flow: replay expected a bool fork");
    return r.egg->outcome == Outcome::True;
  }
  Block* b = current_->block;
  b->exitswitch = condition;
  for (Outcome outcome : {Outcome::False, Outcome::True}) {
    FlowBlock* egg = new_egg_block(current_, outcome);
    b->add_exit(egg->block, {}, constant(outcome == Outcome::True));
    pending_.push_back(egg);
  }
  throw StopFlowing{};
}

void FlowBuilder::guessexception(const std::vector<std::string>& cases) {
  if (replaying()) {
    Replay& r = replays_[replay_pos_];
    if (r.index != r.block->block->operations.size()) throw std::logic_error("flow: replay forked early");
    ++replay_pos_;
    if (r.egg->outcome == Outcome::Exception) throw PyRaise{r.egg->exc_type, r.egg->exc_value};
    if (r.egg->outcome != Outcome::Normal) throw std::logic_error("flow: replay expected an exception fork");
    return;
  }
  Block* b = current_->block;
  b->exitswitch = graph_.last_exception();
  FlowBlock* normal = new_egg_block(current_, Outcome::Normal);
  b->add_exit(normal->block, {});
  pending_.push_back(normal);
  for (const std::string& name : cases) {
    PyObjectRef cls = space_.builtin(name);
    FlowBlock* egg = new_egg_block(current_, Outcome::Exception);
    Link* l = b->add_exit(egg->block, {}, constant(cls));
    l->last_exception = graph_.new_variable("last_exception");
    l->last_exc_value = graph_.new_variable("last_exc_value");
    Variable* evalue = graph_.new_variable("evalue");
    if (name == "Exception" || name == "BaseException") {  // the generic case: any other class
      Variable* etype = graph_.new_variable("etype");
      egg->block->inputargs = {etype, evalue};
      l->args = {l->last_exception, l->last_exc_value};
      egg->exc_type = etype;
    } else {
      egg->block->inputargs = {evalue};
      l->args = {l->last_exc_value};
      egg->exc_type = constant(cls);
    }
    egg->exc_value = evalue;
    pending_.push_back(egg);
  }
  throw StopFlowing{};
}

void FlowBuilder::finish_graph() {
  ssa_to_ssi(graph_);
  simplify_graph(graph_);
}

}  // namespace rpp::flow
