# Every marker attribute set by an rlib decorator is documented in docs/rlib.md, and vice versa.
# run: rpp run %s %S/../../docs/rlib.md
# same-as: python3
# stdout: markers set: 13
# stdout: _always_inline_ _annenforceargs_ _annspecialcase_ _dont_inline_ _elidable_function_
# stdout: _inline_jit_merge_point_ _jit_look_inside_ _jit_look_inside_iff_ _jit_loop_invariant_
# stdout: _jit_not_in_trace_ _jit_oopspec_ _jit_unroll_safe_ _not_rpython_
# stdout: documented: 13
# stdout: same: True
import sys
from rpython.rlib import jit, objectmodel
from rpython.rlib.objectmodel import specialize


def fresh():
    def f(a, b):
        return a
    return f


def no_args():
    return 1


def collect():
    """Applies every decorator to fresh functions; returns the functions to inspect."""
    funcs = []
    for deco in [jit.elidable, jit.dont_look_inside, jit.look_inside, jit.unroll_safe,
                 jit.not_in_trace, jit.oopspec("x.y(a)"), specialize.arg(0), specialize.memo(),
                 objectmodel.always_inline, objectmodel.try_inline, objectmodel.dont_inline,
                 objectmodel.not_rpython, objectmodel.enforceargs(int, None),
                 jit.JitDriver(greens=[], reds="auto").inline(no_args)]:
        funcs.append(deco(fresh()))
    funcs.append(jit.loop_invariant(no_args))
    orig = fresh()
    funcs.append(jit.elidable_promote()(orig))
    funcs.append(orig)
    orig2 = fresh()
    pred = fresh()
    wrapper = jit.look_inside_iff(pred)(orig2)
    funcs.extend([wrapper, orig2, pred, wrapper.__globals__["trampoline"]])
    return funcs


def entry_point(argv):
    names = {}
    for f in collect():
        for key in f.__dict__:
            if key.startswith("_") and key.endswith("_") and not key.startswith("__"):
                names[key] = True
    found = sorted(names)
    print("markers set: %d" % len(found))
    print(" ".join(found[:5]))
    print(" ".join(found[5:9]))
    print(" ".join(found[9:]))
    documented = {}
    with open(argv[1]) as doc:
        for line in doc:
            if line.startswith("| `_"):
                documented[line[3:line.index("`", 3)]] = True
    print("documented: %d" % len(documented))
    print("same: %s" % (sorted(documented) == found))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
