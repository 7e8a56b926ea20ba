// The annotation rules of flow-level operations: for each operation name, a function from the
// annotations of the arguments to the annotation of the result (RPython's unaryop.py,
// binaryop.py, builtin.py). Rules may generalize shared definitions (list items, attributes),
// call functions through the annotator, and throw AnnotatorFailure with a message for the user.
// A rule returning impossible means "cannot succeed (yet)": the block is blocked there.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>

#include "annotator/annotator.h"

namespace rpp::annotator {

class RuleContext {
 public:
  RuleContext(Annotator& annotator, const flow::Operation& op)
      : annotator(annotator), bk(annotator.bookkeeper()), op(op) {}
  Annotator& annotator;
  Bookkeeper& bk;
  const flow::Operation& op;

  size_t argc() const { return op.args.size(); }
  SomeRef arg(size_t i) const { return annotator.annotation(op.args[i]); }
  flow::Value* value(size_t i) const { return op.args[i]; }
  // The variable argument i, when it is one (for narrowing).
  const flow::Variable* variable(size_t i) const {
    return op.args[i]->is_variable() ? static_cast<const flow::Variable*>(op.args[i]) : nullptr;
  }
  Position position() const { return annotator.current_position(); }
  // A constant string argument (attribute names, method names), or throws.
  std::string const_str_arg(size_t i) const;
};

using Rule = SomeRef (*)(RuleContext&);
using RuleTable = std::unordered_map<std::string_view, Rule>;

// The rule for an operation name, or nullptr.
Rule find_rule(std::string_view opname);

// Each file of rules adds its own to the table.
void add_arithmetic_rules(RuleTable& table);
void add_comparison_rules(RuleTable& table);
void add_container_rules(RuleTable& table);
void add_attribute_rules(RuleTable& table);
void add_call_rules(RuleTable& table);
void add_misc_rules(RuleTable& table);

// Shared helpers of the rules.
std::string describe_for_user(const SomeRef& s);  // `int`, `list[str; resized]`...
[[noreturn]] void unsupported(const std::string& what, const SomeRef& a,
                              const SomeRef& b = nullptr);

}  // namespace rpp::annotator
