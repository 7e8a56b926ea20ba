# `--dump=emit` prints the C++ units: struct definitions from lltype with layout static_asserts,
# prebuilt objects flagged kGcFlagPrebuilt | kGcFlagTrackYoungPtrs (remembered on their first
# write), the allocation as the nursery fast path (--gc=gen), one function per graph with blocks as labels, the
# exception checks of the transform, the traceback record, and main calling rpp_main.
# (--opt=0: at --opt=2 the Point would be inlined away and its malloc removed.)
# run: rpp translate --opt=0 --dump=emit -o %t/prog %s
# check: // ==== m_emit_dump.cc ====
# check: struct S_Point {
# nextln: S_object super;
# nextln: int64_t x;
# nextln: int64_t y;
# nextln: };
# check: static_assert(offsetof(S_Point, x) == 16);
# check: static_assert(sizeof(S_Point) == 32);
# check: int64_t fn_norm1(S_Point*);
# check: // entry_point
# check: rpp::gc::nursery_allocate_fixed(INT64_C({{[0-9]+}}), INT64_C(32))
# check: = rpp::ops::exc_occurred();
# check: rpp_traceback_record("File \"{{.*}}emit_dump.py\", line {{[0-9]+}}, in entry_point");
# check: // norm1
# nextln: int64_t fn_norm1(S_Point* p_{{[0-9]+}}) {
# check: rpp::ops::int_add(
# check: // ==== rpp_data.cc ====
# check: rpp::layout::kGcFlagPrebuilt | rpp::layout::kGcFlagTrackYoungPtrs
# check: extern "C" const rpp::layout::BuiltinExceptionInfo rpp_builtin_exceptions[] = {
# check: extern "C" const rpp::layout::TypeInfo rpp_type_info_table[] = {
# check: rpp::gc::runtime_type_info(0),
# check: int main(int argc, char** argv) {
# nextln: static const RppProgram program = {rpp_entry_point, rpp_exception_str,
class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

def norm1(p):
    return abs(p.x) + abs(p.y)

def entry_point(argv):
    p = Point(len(argv), -3)
    print(norm1(p) // (len(argv) - 1))
    return 0
