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

// The end-to-end suite (`e2e`, tests/e2e/differential.txt, same manifest format): each program
// runs with `rpp run`, in the ll interpreter after the exception transform
// (`--stop-after=exceptions --interp-check-overflow`) and translated to an executable; standard
// output and exit code must be equal. Every .py file of the listed folders must be listed.
Suite e2e_differential_suite(const HarnessEnv& env);

}  // namespace rpp::harness
