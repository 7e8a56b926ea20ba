# JIT decorators leave their marker attributes, refuse contradictions, and keep behaviour.
# run: rpp run %s
# same-as: python3
# stdout: True 9
# stdout: False
# stdout: TypeError elidable+dont_look_inside
# stdout: TypeError dont_look_inside+unroll_safe
# stdout: True 6
# stdout: True False
# stdout: TypeError loop_invariant args
# stdout: 7 abc False False False
# stdout: JitHintError unknown hint
# stdout: JitHintError fresh
# stdout: square2_promote 49 True
# stdout: add_promote 5
# stdout: TypeError promote index
# stdout: total_look_inside_iff 10 True True specialize:call_location
# stdout: TypeError predicate
# stdout: list.len(l) None
# stdout: True
# stdout: True False True True
# stdout: 3 5
# stdout: -1 None
# stdout: AssertionError exact class
# stdout: ok
import sys
from rpython.rlib import jit
from rpython.rlib.jit import (elidable, dont_look_inside, unroll_safe, loop_invariant, promote,
                              promote_string, hint, we_are_jitted, isconstant, isvirtual,
                              JitHintError, elidable_promote, look_inside_iff, oopspec,
                              not_in_trace, look_inside, JitPolicy, record_exact_class,
                              conditional_call, conditional_call_elidable)
from rpython.rlib.unroll import unrolling_iterable


@elidable
def square(x):
    return x * x


@dont_look_inside
def opaque(x):
    return x + 1


@unroll_safe
def summ(lst):
    s = 0
    for x in lst:
        s += x
    return s


@loop_invariant
def get_config():
    return 42


@elidable_promote()
def square2(x):
    return x * x


@elidable_promote("1")
def add(a, b):
    return a + b


def is_small(lst):
    return jit.isconstant(len(lst)) and len(lst) < 5


@look_inside_iff(is_small)
def total(lst):
    s = 0
    for x in lst:
        s += x
    return s


@oopspec("list.len(l)")
def mylen(l):
    return len(l)


@not_in_trace
def log_it(x):
    pass


class MyPolicy(JitPolicy):
    def look_inside_function(self, func):
        return func.__name__ != "excluded"


def excluded():
    pass


class A(object):
    pass


class B(A):
    pass


def entry_point(argv):
    print(square._elidable_function_, square(3))
    print(opaque._jit_look_inside_)
    try:
        elidable(opaque)
    except TypeError:
        print("TypeError elidable+dont_look_inside")
    try:
        unroll_safe(opaque)
    except TypeError:
        print("TypeError dont_look_inside+unroll_safe")
    print(summ._jit_unroll_safe_, summ([1, 2, 3]))
    print(get_config._jit_loop_invariant_, get_config._jit_look_inside_)
    try:
        @loop_invariant
        def bad(x):
            return x
    except TypeError:
        print("TypeError loop_invariant args")
    print(promote(7), promote_string("abc"), we_are_jitted(), isconstant(3), isvirtual(A()))
    try:
        hint(1, promot=True)
    except JitHintError:
        print("JitHintError unknown hint")
    try:
        hint(A(), fresh_virtualizable=True)
    except JitHintError:
        print("JitHintError fresh")
    print(square2.__name__, square2(7), "_elidable_function_" not in square2.__dict__)
    print(add.__name__, add(2, 3))
    try:
        elidable_promote("2")(lambda a, b: a)
    except TypeError:
        print("TypeError promote index")
    print(total.__name__, total([1, 2, 3, 4]), total._always_inline_,
          total._jit_look_inside_iff_ is is_small, is_small._annspecialcase_)
    try:
        look_inside_iff(is_small)(lambda a, b: a)
    except TypeError:
        print("TypeError predicate")
    print(mylen._jit_oopspec_, log_it(1))
    print(log_it._jit_not_in_trace_)
    pol = MyPolicy()
    print(pol.look_inside(summ), pol.look_inside(excluded), pol.look_inside(square),
          look_inside(excluded)._jit_look_inside_ and pol.look_inside(excluded))
    calls = []
    conditional_call(False, calls.append, 1)
    conditional_call(True, calls.append, 2)
    print(len(calls) + 2, conditional_call_elidable(0, square, 5) - 20)
    print(jit.current_trace_length(), jit.assert_green(3))
    record_exact_class(B(), B)
    try:
        record_exact_class(B(), A)
    except AssertionError:
        print("AssertionError exact class")
    ok = True
    for f in unrolling_iterable([square, opaque]):
        ok = ok and f(2) in (4, 3)
    assert ok
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
