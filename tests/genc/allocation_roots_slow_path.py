# The GC pointers live across an allocation are saved on the shadow stack only around the
# allocation's slow path (the call that can collect): the nursery fast path comes first and
# keeps them in registers (operation_sequences.cc). The stack check reads the exception state
# only after its slow path, and exception checks after calls are marked unlikely. The program
# runs with a collection at every allocation (every allocation takes the slow path, which saves
# and reloads the roots; the e2e suite runs the fast path).
# run: sh %S/translate_and_run.sh %t %s 1000
# env: RPP_TRANSLATE_FLAGS=--opt=0 --dump=emit
# env: RPP_GC_STRESS=1
# check: // make_chain
# check: rpp::gc::nursery_allocate_fixed(INT64_C({{[0-9]+}}), INT64_C({{[0-9]+}}))
# nextln: if (__builtin_expect(v_{{[0-9]+}} == nullptr, 0)) {  // the slow path: roots saved around it
# nextln: {
# nextln: rpp::layout::GcHeader** rpp_roots = rpp::layout::rpp_globals.root_stack_top;
# nextln: rpp_roots[0] = reinterpret_cast<rpp::layout::GcHeader*>(
# check: = reinterpret_cast<S_Node*>(rpp_gc_malloc_fixed(INT64_C({{[0-9]+}}), INT64_C({{[0-9]+}})));
# nextln: {
# nextln: rpp::layout::GcHeader** rpp_roots = rpp::layout::rpp_globals.root_stack_top - 1;
# check: // total
# check: rpp_helper_stack_check_slowpath();
# nextln: exc_{{[0-9]+}} = rpp::ops::exc_occurred();
# nextln: }
# nextln: if (__builtin_expect(exc_{{[0-9]+}}, 0)) {
# not: rpp::gc::malloc_fixed_inline
# check: 500500
class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def make_chain(n):
    head = None
    i = 1
    while i <= n:
        head = Node(i, head)
        i += 1
    return head


def total(node):
    if node is None:
        return 0
    return node.value + total(node.next)


def entry_point(argv):
    print(total(make_chain(int(argv[1]))))
    return 0
