// Decoding `call_args(f, shape, args...)`: the CallShape constant says how many positional
// arguments come first, the keyword names of the following ones, and whether the last is *args.
#include "annotator/builtins.h"
#include "translator/flow/call_shape.h"

namespace rpp::annotator {

CallArgs decode_call_args(RuleContext& cx) {
  const flow::Value* shape_value = cx.value(1);
  const flow::CallShape* shape = nullptr;
  if (shape_value->is_constant()) {
    const auto& c = static_cast<const flow::Constant*>(shape_value)->value;
    if (auto* p = std::get_if<std::shared_ptr<const flow::ConstPayload>>(&c))
      shape = dynamic_cast<const flow::CallShape*>(p->get());
  }
  if (!shape) throw AnnotatorFailure("internal error: call_args without a call shape");
  size_t expected = 2 + shape->positional + shape->keywords.size() + (shape->star ? 1 : 0);
  if (cx.argc() != expected) throw AnnotatorFailure("internal error: call_args does not match its shape");
  CallArgs args;
  size_t i = 2;
  for (int k = 0; k < shape->positional; ++k) args.positional.push_back(cx.arg(i++));
  for (const auto& name : shape->keywords) args.keywords.emplace_back(name, cx.arg(i++));
  if (shape->star) args.star = cx.arg(i++);
  return args;
}

}  // namespace rpp::annotator
