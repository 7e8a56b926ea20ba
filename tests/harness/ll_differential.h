// The differential suite of the ll interpreter (`llinterp-diff`): each program listed in
// tests/llinterp/differential.txt runs untranslated (`rpp run`) and, after rtyping, in the ll
// interpreter with the overflow check (`rpp translate --stop-after=rtype --interp-check-overflow`);
// standard output and exit code must be equal; and again after the backend optimizations
// (`rpp translate --stop-after=backendopt --opt=2 --interp-check-overflow`, cases named
// `llinterp-diff/opt2/PATH`). One more case checks that every program of the
// listed test folders is in the manifest, to run or skipped with a reason.
#pragma once
#include "tests/harness/suites.h"

namespace rpp::harness {

Suite ll_differential_suite(const HarnessEnv& env);

}  // namespace rpp::harness
