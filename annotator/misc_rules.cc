// Rules of the operations that belong to no family (none yet beyond the families' files).
#include "annotator/op_rules.h"

namespace rpp::annotator {

void add_misc_rules(RuleTable& t) { (void)t; }

}  // namespace rpp::annotator
