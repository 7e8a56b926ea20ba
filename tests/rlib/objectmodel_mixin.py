# import_from_mixin copies methods (as new functions) and attributes into the class body.
# run: rpp run %s
# same-as: python3
# stdout: hello from A 1
# stdout: hello from B 2
# stdout: False False
# stdout: A.greet B.greet
# stdout: 10 20
# stdout: ['x', 'y', 'z']
# stdout: 3 static
# stdout: TypeError overwrite
# stdout: TypeError super
# stdout: True
# stdout: base-only
# stdout: ok
import sys
from rpython.rlib.objectmodel import import_from_mixin
from rpython.rlib.jit import elidable


class BaseMixin(object):
    def only_in_base(self):
        return "base-only"


class GreetMixin(BaseMixin):
    _immutable_fields_ = ["z"]
    LIMIT = 10

    def __init__(self, n):
        self.n = n

    def greet(self):
        return "hello from %s %d" % (self.name(), self.n)

    @staticmethod
    def kind():
        return "static"

    @elidable
    def cached(self):
        return 3

    def __repr__(self):
        return "never copied"


class A(object):
    _immutable_fields_ = ["x", "y"]
    import_from_mixin(GreetMixin)

    def name(self):
        return "A"


class B(object):
    import_from_mixin(GreetMixin)
    LIMIT = 20      # defined after the import: a later assignment simply replaces it

    def name(self):
        return "B"


class WithSuper(object):
    def f(self):
        return super().f()


def entry_point(argv):
    print(A(1).greet())
    print(B(2).greet())
    print(A.greet is B.greet, A.greet is GreetMixin.greet)
    print(A.greet.__qualname__, B.greet.__qualname__)
    print(A.LIMIT, B.LIMIT)
    print(A._immutable_fields_)
    print(A(0).cached(), A.kind())
    try:
        class C(object):
            def greet(self):
                return ""
            import_from_mixin(GreetMixin)
    except TypeError:
        print("TypeError overwrite")
    try:
        class D(object):
            import_from_mixin(WithSuper)
    except TypeError:
        print("TypeError super")
    print(A.cached._elidable_function_)
    print(A(0).only_in_base())
    assert "__repr__" not in A.__dict__
    assert not isinstance(A(0), GreetMixin)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
