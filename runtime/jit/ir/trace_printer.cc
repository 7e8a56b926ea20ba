// Printing traces in the text form (see trace_printer.h).
#include "runtime/jit/ir/trace_printer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace rpp::jit {

std::string format_float(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

namespace {

class Printer {
 public:
  Printer(const Trace& t, const TraceNamespace* names) : trace_(t), names_(names), number_(t.num_values(), -1) {}

  std::string run() {
    out_ += '[';
    for (size_t i = 0; i < trace_.inputs().size(); ++i) {
      if (i) out_ += ", ";
      define(trace_.inputs()[i]);
      operand(trace_.inputs()[i]);
    }
    out_ += "]\n";
    for (const Op& op : trace_.ops()) print_op(op);
    return std::move(out_);
  }

 private:
  void define(ValueId v) { number_[v] = next_++; }

  void operand(ValueId v) {
    const ValueInfo& info = trace_.value(v);
    if (!info.is_const) {
      out_ += type_prefix(info.type);
      if (number_[v] < 0) out_ += '?';  // used before definition (an invalid trace)
      else out_ += std::to_string(number_[v]);
      return;
    }
    switch (info.type) {
      case ValueType::Int: {
        const std::string* sym = names_ ? names_->symbol_name(info.constant) : nullptr;
        if (sym && info.constant != 0) out_ += "ConstClass(" + *sym + ")";
        else out_ += std::to_string(static_cast<int64_t>(info.constant));
        break;
      }
      case ValueType::Float: out_ += format_float(std::bit_cast<double>(info.constant)); break;
      case ValueType::Ref: {
        if (info.constant == 0) { out_ += "NULL"; break; }
        const std::string* obj = names_ ? names_->object_name(info.constant) : nullptr;
        if (obj) out_ += "ConstPtr(" + *obj + ")";
        else {
          char buf[32];
          std::snprintf(buf, sizeof buf, "ConstPtr(0x%llx)", static_cast<unsigned long long>(info.constant));
          out_ += buf;
        }
        break;
      }
      case ValueType::Void: out_ += "void"; break;
    }
  }

  void print_op(const Op& op) {
    if (op.result != kNoValue) {
      define(op.result);
      operand(op.result);
      out_ += " = ";
    }
    out_ += op_name(op.opcode);
    out_ += '(';
    auto args = trace_.args(op);
    for (size_t i = 0; i < args.size(); ++i) {
      if (i) out_ += ", ";
      operand(args[i]);
    }
    if (op.descr && !op.descr->name.empty()) {
      if (!args.empty()) out_ += ", ";
      out_ += "descr=" + op.descr->name;
    }
    out_ += ')';
    if (is_guard(op.opcode)) {
      out_ += " [";
      auto fail = trace_.fail_args(op);
      for (size_t i = 0; i < fail.size(); ++i) {
        if (i) out_ += ", ";
        operand(fail[i]);
      }
      out_ += ']';
    }
    out_ += '\n';
  }

  const Trace& trace_;
  const TraceNamespace* names_;
  std::vector<int> number_;
  int next_ = 0;
  std::string out_;
};

}  // namespace

std::string print_trace(const Trace& trace, const TraceNamespace* names) { return Printer(trace, names).run(); }

}  // namespace rpp::jit
