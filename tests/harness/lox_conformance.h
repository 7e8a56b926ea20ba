// The Lox conformance suite: the book's test programs (../shared/lox/test) run by examples/lox.
#pragma once
#include "tests/harness/suites.h"

namespace rpp::harness {

// One test case per .lox file of <shared>/lox/test, except those under scanning/, expressions/ and
// benchmark/. Each runs `rpp run examples/lox/targetlox.py FILE` and checks its output, errors and exit
// code against the expectations in the file's comments, as the book's runner (tool/bin/test.dart) does
// for clox. Without the test folder the suite fails with a message saying where it looked.
Suite lox_conformance_suite(const HarnessEnv& env);

}  // namespace rpp::harness
