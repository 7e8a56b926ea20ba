// The trace verifier (see trace_verifier.h).
#include "runtime/jit/ir/trace_verifier.h"

#include <map>
#include <set>
#include <vector>

namespace rpp::jit {

namespace {

class Verifier {
 public:
  explicit Verifier(const Trace& t) : t_(t), defined_(t.num_values(), false) {}

  std::string run() {
    for (ValueId v : t_.inputs()) defined_[v] = true;
    const auto& ops = t_.ops();
    if (ops.empty()) return "the trace has no operations (it must end with jump or finish)";
    for (size_t i = 0; i < ops.size(); ++i) {
      index_ = i;
      std::string err = check(ops[i], i);
      if (!err.empty())
        return "operation " + std::to_string(index_) + " (" + std::string(op_name(ops[index_].opcode)) + "): " + err;
    }
    if (!is_final(ops.back().opcode)) return "the trace does not end with jump or finish";
    return "";
  }

 private:
  std::string type_error(const char* what, ValueType want, ValueType got) {
    return std::string(what) + " is " + type_name(got) + ", expected " + type_name(want);
  }

  std::string check_use(ValueId v) {
    if (v >= t_.num_values()) return "an argument that is not a value";
    if (!t_.is_const(v) && !defined_[v]) return "uses a variable that is not defined here";
    return "";
  }

  static ValueType letter_type(char c) {
    return c == 'i' ? ValueType::Int : c == 'r' ? ValueType::Ref : c == 'f' ? ValueType::Float : ValueType::Void;
  }

  // The type of the value a descriptor reads or writes, or Void when the descriptor is wrong.
  static ValueType descr_value_type(const Op& op) {
    switch (op.opcode) {
      case Opcode::GetfieldGc:
      case Opcode::GetfieldRaw:
      case Opcode::SetfieldGc:
      case Opcode::SetfieldRaw:
        return op.descr && op.descr->kind == DescrKind::Field ? static_cast<FieldDescr*>(op.descr)->type
                                                              : ValueType::Void;
      case Opcode::GetarrayitemGc:
      case Opcode::GetarrayitemRaw:
      case Opcode::SetarrayitemGc:
      case Opcode::SetarrayitemRaw:
      case Opcode::RawLoad:
      case Opcode::RawStore:
        return op.descr && op.descr->kind == DescrKind::Array ? static_cast<ArrayDescr*>(op.descr)->item_type
                                                              : ValueType::Void;
      case Opcode::GetinteriorfieldGc:
      case Opcode::SetinteriorfieldGc:
      case Opcode::SetinteriorfieldRaw:
        return op.descr && op.descr->kind == DescrKind::InteriorField
                   ? static_cast<InteriorFieldDescr*>(op.descr)->field->type
                   : ValueType::Void;
      default: return ValueType::Void;
    }
  }

  std::string check_descr_kind(const Op& op) {
    auto want = [&](DescrKind k, const char* what) -> std::string {
      if (!op.descr || op.descr->kind != k) return std::string("needs ") + what + " descriptor";
      return "";
    };
    switch (op.opcode) {
      case Opcode::Label:
      case Opcode::Jump: return want(DescrKind::Target, "a label");
      case Opcode::Finish: return want(DescrKind::Fail, "a finish");
      case Opcode::CallAssembler: return want(DescrKind::Loop, "a loop");
      case Opcode::ArraylenGc:
      case Opcode::NewArray:
      case Opcode::NewArrayClear: return want(DescrKind::Array, "an array");
      case Opcode::New: return want(DescrKind::Size, "a size");
      case Opcode::NewWithVtable: {
        std::string e = want(DescrKind::Size, "a size");
        if (e.empty() && static_cast<SizeDescr*>(op.descr)->vtable == 0) return "needs a size descriptor with a vtable";
        return e;
      }
      default: break;
    }
    if (is_guard(op.opcode)) {
      std::string e = want(DescrKind::Fail, "a guard");
      if (e.empty() && static_cast<FailDescr*>(op.descr)->finish) return "has a finish descriptor";
      if (e.empty() && !guard_descrs_.insert(op.descr).second) return "shares its descriptor with another guard";
      return e;
    }
    if (is_call(op.opcode)) return want(DescrKind::Call, "a call");
    if (has_descr(op.opcode) && descr_value_type(op) == ValueType::Void) return "has a descriptor of the wrong kind";
    return "";
  }

  std::string check(const Op& op, size_t i) {
    const OpInfo& info = op_info(op.opcode);
    auto args = t_.args(op);
    if (info.arity >= 0 && static_cast<int>(args.size()) != info.arity) return "wrong number of arguments";
    for (ValueId a : args) {
      std::string e = check_use(a);
      if (!e.empty()) return e;
    }
    if (info.arg_types != "*") {
      for (size_t k = 0; k < args.size(); ++k) {
        char c = info.arg_types[k];
        if (c == '?') continue;
        if (t_.type(args[k]) != letter_type(c)) return type_error("an argument", letter_type(c), t_.type(args[k]));
      }
    }
    std::string e = check_descr_kind(op);
    if (!e.empty()) return e;
    if (pending_ovf_ && op.opcode != Opcode::GuardNoOverflow && op.opcode != Opcode::GuardOverflow) {
      --index_;
      return "an _ovf operation must be followed by guard_no_overflow or guard_overflow";
    }
    if ((op.opcode == Opcode::GuardNoOverflow || op.opcode == Opcode::GuardOverflow) && !pending_ovf_)
      return "must follow an _ovf operation";
    pending_ovf_ = is_ovf(op.opcode);
    if (op.opcode == Opcode::GuardNotForced) {
      const Op* prev = i > 0 ? &t_.ops()[i - 1] : nullptr;
      if (!prev || (prev->opcode != Opcode::CallMayForce && prev->opcode != Opcode::CallAssembler))
        return "must follow call_may_force or call_assembler";
    }
    if (is_final(op.opcode) && i + 1 != t_.ops().size()) return "jump or finish before the end of the trace";

    e = check_specific(op, args);
    if (!e.empty()) return e;

    if (is_guard(op.opcode)) {
      for (ValueId a : t_.fail_args(op)) {
        e = check_use(a);
        if (!e.empty()) return "fail argument " + e;
        if (t_.is_const(a)) return "a constant fail argument";
      }
    }
    if (op.opcode == Opcode::Label) {
      std::fill(defined_.begin(), defined_.end(), false);
      std::set<ValueId> seen;
      for (ValueId a : args) {
        if (t_.is_const(a)) return "a constant label argument";
        if (!seen.insert(a).second) return "the same variable twice";
        defined_[a] = true;
      }
    }
    if (op.result != kNoValue) defined_[op.result] = true;
    return "";
  }

  std::string check_result(const Op& op, ValueType want) {
    ValueType got = op.result == kNoValue ? ValueType::Void : t_.type(op.result);
    if (got != want) return type_error("the result", want, got);
    return "";
  }

  std::string check_specific(const Op& op, std::span<const ValueId> args) {
    const OpInfo& info = op_info(op.opcode);
    ValueType result = op.result == kNoValue ? ValueType::Void : t_.type(op.result);
    switch (info.result) {
      case ResultKind::Int: if (result != ValueType::Int) return type_error("the result", ValueType::Int, result); break;
      case ResultKind::Float: if (result != ValueType::Float) return type_error("the result", ValueType::Float, result); break;
      case ResultKind::Ref:
        if (result != ValueType::Ref && !(op.opcode == Opcode::GuardException && result == ValueType::Void))
          return type_error("the result", ValueType::Ref, result);
        break;
      case ResultKind::Void: if (result != ValueType::Void) return "has a result"; break;
      case ResultKind::FromArg: if (result != t_.type(args[0])) return type_error("the result", t_.type(args[0]), result); break;
      case ResultKind::FromDescr: break;
    }
    switch (op.opcode) {
      case Opcode::GuardValue:
        if (t_.type(args[0]) != t_.type(args[1])) return "compares values of different types";
        if (t_.type(args[0]) == ValueType::Float) return "on a float (use float_eq and guard_true)";
        return "";
      case Opcode::GetfieldGc: case Opcode::GetfieldRaw: case Opcode::GetarrayitemGc: case Opcode::GetarrayitemRaw:
      case Opcode::GetinteriorfieldGc: case Opcode::RawLoad:
        return check_result(op, descr_value_type(op));
      case Opcode::SetfieldGc: case Opcode::SetfieldRaw:
        if (t_.type(args[1]) != descr_value_type(op)) return type_error("the stored value", descr_value_type(op), t_.type(args[1]));
        return "";
      case Opcode::SetarrayitemGc: case Opcode::SetarrayitemRaw: case Opcode::SetinteriorfieldGc:
      case Opcode::SetinteriorfieldRaw: case Opcode::RawStore:
        if (t_.type(args[2]) != descr_value_type(op)) return type_error("the stored value", descr_value_type(op), t_.type(args[2]));
        return "";
      case Opcode::Call: case Opcode::CallPure: case Opcode::CallLoopinvariant: case Opcode::CallMayForce:
      case Opcode::CondCall: {
        auto* cd = static_cast<CallDescr*>(op.descr);
        size_t first = call_function_arg(op.opcode);
        if (args.size() < first + 1) return "no function argument";
        if (op.opcode == Opcode::CondCall) {
          if (t_.type(args[0]) != ValueType::Int) return "the condition must be an int";
          if (cd->result_type != ValueType::Void) return "cond_call of a function with a result";
        }
        if (t_.type(args[first]) != ValueType::Int) return "the function address must be an int";
        if (args.size() - first - 1 != cd->arg_types.size()) return "the number of arguments does not match the call descriptor";
        for (size_t k = 0; k < cd->arg_types.size(); ++k)
          if (t_.type(args[first + 1 + k]) != cd->arg_types[k])
            return type_error("a call argument", cd->arg_types[k], t_.type(args[first + 1 + k]));
        if (op.opcode != Opcode::CondCall) return check_result(op, cd->result_type);
        return "";
      }
      case Opcode::CallAssembler: {
        auto* loop = static_cast<LoopToken*>(op.descr);
        if (args.size() != loop->input_types.size()) return "the number of arguments does not match the loop";
        for (size_t k = 0; k < args.size(); ++k)
          if (t_.type(args[k]) != loop->input_types[k]) return type_error("an argument", loop->input_types[k], t_.type(args[k]));
        return "";
      }
      case Opcode::Label: {
        auto* target = static_cast<TargetToken*>(op.descr);
        if (!labels_.insert(target).second) return "the same label twice";
        label_types_[target].clear();
        for (ValueId a : args) label_types_[target].push_back(t_.type(a));
        return "";
      }
      case Opcode::Jump: {
        auto* target = static_cast<TargetToken*>(op.descr);
        const std::vector<ValueType>* types = nullptr;
        if (auto it = label_types_.find(target); it != label_types_.end()) types = &it->second;
        else if (target->code || !target->arg_types.empty()) types = &target->arg_types;
        else return "jumps to a label that is neither in this trace nor compiled";
        if (types->size() != args.size()) return "the number of arguments does not match the label";
        for (size_t k = 0; k < args.size(); ++k)
          if (t_.type(args[k]) != (*types)[k]) return type_error("a jump argument", (*types)[k], t_.type(args[k]));
        return "";
      }
      default: return "";
    }
  }

  const Trace& t_;
  std::vector<bool> defined_;
  size_t index_ = 0;
  bool pending_ovf_ = false;
  std::set<const Descr*> guard_descrs_;
  std::set<const TargetToken*> labels_;
  std::map<const TargetToken*, std::vector<ValueType>> label_types_;
};

}  // namespace

std::string verify_trace(const Trace& trace) { return Verifier(trace).run(); }

}  // namespace rpp::jit
