// AddressSanitizer's defaults for translated programs built with `rpp translate
// --sanitize=address` (only in libruntime_gen_asan.a): no leak report at exit, since the GC
// keeps its heap until the process ends.
extern "C" const char* __asan_default_options() { return "detect_leaks=0"; }
