// Decoding `call_args(f, shape, args...)`: positional arguments, keywords by name, and *args.
#include "annotator/builtins.h"

namespace rpp::annotator {

CallArgs decode_call_args(RuleContext& cx) {
  throw AnnotatorFailure("internal error: call_args is not decoded yet");
}

}  // namespace rpp::annotator
