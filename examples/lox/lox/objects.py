"""Lox values: boxed objects with methods, as in PyPy (W_ for "wrapped").

Every value on the VM's stack is a W_Root. nil, true and false are prebuilt singletons, so their
equality is identity; numbers and strings compare by value (clox interns strings, so its identity
test is a value test too). Instances keep their fields in a list indexed through a Map (a hidden
class); maps and method tables are looked up through elidable functions, so that with the map or
class promoted to a constant the JIT folds the lookup away.
"""

from rpython.rlib import jit


class LoxRuntimeError(Exception):
    """A runtime error of the Lox program: the message, then one line per frame it unwinds."""

    def __init__(self, message):
        self.message = message
        self.trace = []

    def add_frame(self, line, function_name):
        if function_name == "":
            where = "script"
        else:
            where = function_name + "()"
        self.trace.append("[line %d] in %s" % (line, where))


class W_Root(object):
    _attrs_ = []

    def eq(self, w_other):
        return self is w_other

    def to_str(self):
        raise NotImplementedError


class W_Nil(W_Root):
    _attrs_ = []

    def to_str(self):
        return "nil"


class W_Bool(W_Root):
    _attrs_ = ['value']
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def to_str(self):
        if self.value:
            return "true"
        return "false"


w_nil = W_Nil()
w_true = W_Bool(True)
w_false = W_Bool(False)


def newbool(value):
    if value:
        return w_true
    return w_false


def format_number(value):
    """As clox's printf("%g")."""
    return "%g" % value


class W_Number(W_Root):
    _attrs_ = ['value']
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def eq(self, w_other):
        return isinstance(w_other, W_Number) and self.value == w_other.value

    def to_str(self):
        return format_number(self.value)


class W_String(W_Root):
    _attrs_ = ['value']
    _immutable_fields_ = ['value']

    def __init__(self, value):
        self.value = value

    def eq(self, w_other):
        return isinstance(w_other, W_String) and self.value == w_other.value

    def to_str(self):
        return self.value


class GlobalCell(object):
    """A global variable. The compiler gives every code object the cells of the globals it names,
    so a global access is one read of a constant cell, whatever the number of globals."""
    _attrs_ = ['name', 'w_value']
    _immutable_fields_ = ['name']

    def __init__(self, name):
        self.name = name
        self.w_value = None     # None: not defined (yet)


class W_Function(W_Root):
    """A compiled function (clox's ObjFunction): the code object. Immutable once compiled."""
    _attrs_ = ['name', 'arity', 'upvalue_count', 'code', 'lines', 'constants_w', 'symbols',
               'sites', 'cells', 'max_stack']
    _immutable_fields_ = ['name', 'arity', 'upvalue_count', 'code[*]', 'lines[*]',
                          'constants_w[*]', 'symbols[*]', 'sites[*]', 'cells[*]', 'max_stack']

    def __init__(self, name, arity, upvalue_count, code, lines, constants_w, symbols, sites,
                 cells, max_stack):
        self.name = name                  # "" for the top-level script
        self.arity = arity
        self.upvalue_count = upvalue_count
        self.code = code                  # list of int: opcodes and operands
        self.lines = lines                # the source line of each entry of code
        self.constants_w = constants_w    # literals and functions
        self.symbols = symbols            # class and method names (CLASS, METHOD)
        self.sites = sites                # PropertySites of the property/method instructions
        self.cells = cells                # GlobalCells of the globals this function names
        self.max_stack = max_stack        # slots a frame of this function needs

    def to_str(self):
        if self.name == "":
            return "<script>"
        return "<fn %s>" % self.name


class W_Upvalue(object):
    """A variable captured by a closure. While open it is a slot of a live frame; when that slot
    goes out of scope the value moves into the upvalue (closed)."""
    _attrs_ = ['frame', 'index', 'w_value', 'next']

    def __init__(self, frame, index, next):
        self.frame = frame
        self.index = index
        self.w_value = None
        self.next = next     # the frame's next open upvalue (lower slot)

    def get(self):
        frame = self.frame
        if frame is not None:
            return frame.stack_w[self.index]
        return self.w_value

    def set(self, w_value):
        frame = self.frame
        if frame is not None:
            frame.stack_w[self.index] = w_value
        else:
            self.w_value = w_value

    def close(self):
        self.w_value = self.frame.stack_w[self.index]
        self.frame = None


class W_Closure(W_Root):
    _attrs_ = ['function', 'upvalues']
    _immutable_fields_ = ['function', 'upvalues[*]']

    def __init__(self, function, upvalues):
        self.function = function
        self.upvalues = upvalues

    def to_str(self):
        return self.function.to_str()


class W_Native(W_Root):
    """A function written in RPython. Subclasses define call(args_w)."""
    _attrs_ = ['name']
    _immutable_fields_ = ['name']

    def __init__(self, name):
        self.name = name

    def call(self, args_w):
        raise NotImplementedError

    def to_str(self):
        return "<native fn>"


class Symbol(object):
    """An identifier used as a property, method or class name, interned once per program by the
    compiler: fields and methods are found by its small int `id`, never by hashing or comparing
    strings at run time."""
    _attrs_ = ['id', 'name']
    _immutable_fields_ = ['id', 'name']

    def __init__(self, id, name):
        self.id = id
        self.name = name


INIT_SYMBOL_ID = 0      # the compiler interns "init" first


class PropertySite(object):
    """One GET_PROPERTY, SET_PROPERTY, INVOKE, GET_SUPER or SUPER_INVOKE instruction: its name and
    the inline caches the interpreter keeps there when it is not jitted (in a trace the map and the
    class version are promoted instead, and the lookups are elidable calls folded away).

    - map, index, new_map: the last map seen here, the field's index in it (-1: no such field) and,
      for SET_PROPERTY, the map after the write (the same map when the field exists).
    - map2, index2: the map seen before (a read site that sees two shapes, such as a tree's leaves
      and inner nodes, keeps hitting).
    - version, method: the last class version seen here and the method it gives (None: none)."""
    _attrs_ = ['symbol', 'map', 'index', 'new_map', 'map2', 'index2', 'version', 'method']
    _immutable_fields_ = ['symbol']

    def __init__(self, symbol):
        self.symbol = symbol
        self.map = None
        self.index = -1
        self.new_map = None
        self.map2 = None
        self.index2 = -1
        self.version = None
        self.method = None


class VersionTag(object):
    """A new one each time a class's methods change: lookups are elidable per version."""
    _attrs_ = []


class W_Class(W_Root):
    _attrs_ = ['name', 'methods', 'version', 'empty_map', 'storage_hint']
    _immutable_fields_ = ['name', 'version?', 'empty_map']

    def __init__(self, name):
        self.name = name
        self.methods = {}               # symbol id -> W_Closure
        self.version = VersionTag()
        self.empty_map = Map(self, {}, 0)
        self.storage_hint = 0           # the most fields an instance of this class has had

    def lookup(self, symbol):
        """The method called `symbol`, or None."""
        cls = jit.promote(self)
        version = jit.promote(cls.version)
        return cls._lookup_pure(symbol.id, version)

    def lookup_cached(self, site):
        """lookup(site.symbol) through the site's cache when not jitted."""
        if jit.we_are_jitted():
            return self.lookup(site.symbol)
        version = self.version
        if site.version is version:     # a version belongs to one class
            return site.method
        method = self._lookup_pure(site.symbol.id, version)
        site.version = version
        site.method = method
        return method

    def initializer(self):
        cls = jit.promote(self)
        version = jit.promote(cls.version)
        return cls._lookup_pure(INIT_SYMBOL_ID, version)

    @jit.elidable
    def _lookup_pure(self, symbol_id, version):
        return self.methods.get(symbol_id, None)

    def define_method(self, symbol, w_method):
        self.methods[symbol.id] = w_method
        self.version = VersionTag()

    def inherit_from(self, w_superclass):
        for symbol_id, w_method in w_superclass.methods.items():
            self.methods[symbol_id] = w_method
        self.version = VersionTag()

    def to_str(self):
        return self.name


class Map(object):
    """A hidden class: which fields an instance has and where each one is in its storage.
    Instances that got the same fields in the same order share a map. Each class has its own
    empty map, so the map also tells the class."""
    _attrs_ = ['cls', 'indexes', 'transitions', 'length']
    _immutable_fields_ = ['cls', 'indexes', 'transitions', 'length']

    def __init__(self, cls, indexes, length):
        self.cls = cls
        self.indexes = indexes          # symbol id -> index in the storage
        self.transitions = {}           # symbol id -> the map with that field added
        self.length = length

    @jit.elidable
    def find(self, symbol_id):
        return self.indexes.get(symbol_id, -1)

    @jit.elidable
    def with_field(self, symbol_id):
        new_map = self.transitions.get(symbol_id, None)
        if new_map is None:
            indexes = {}
            for key, value in self.indexes.items():
                indexes[key] = value
            indexes[symbol_id] = self.length
            new_map = Map(self.cls, indexes, self.length + 1)
            self.transitions[symbol_id] = new_map
            if new_map.length > self.cls.storage_hint:
                self.cls.storage_hint = new_map.length
        return new_map


INLINE_FIELDS = 6


class W_Instance(W_Root):
    """The first INLINE_FIELDS fields live in the instance itself (slot0 ... slot5: reading one
    touches no other object), the rest in `overflow_w`, a fixed-size list sized from the class's
    hint and replaced by a bigger one when a field does not fit. The map says which field has
    which index; in a trace the index is a constant and `read_slot` folds to one field read."""
    _attrs_ = ['map', 'slot0', 'slot1', 'slot2', 'slot3', 'slot4', 'slot5', 'overflow_w']

    def __init__(self, cls):
        self.map = cls.empty_map
        self.slot0 = None
        self.slot1 = None
        self.slot2 = None
        self.slot3 = None
        self.slot4 = None
        self.slot5 = None
        overflow = cls.storage_hint - INLINE_FIELDS
        if overflow < 0:
            overflow = 0
        self.overflow_w = [None] * overflow

    def get_class(self):
        return jit.promote(self.map).cls

    def read_slot(self, index):
        if index == 0:
            return self.slot0
        elif index == 1:
            return self.slot1
        elif index == 2:
            return self.slot2
        elif index == 3:
            return self.slot3
        elif index == 4:
            return self.slot4
        elif index == 5:
            return self.slot5
        return self.overflow_w[index - INLINE_FIELDS]

    def write_slot(self, index, w_value):
        if index == 0:
            self.slot0 = w_value
        elif index == 1:
            self.slot1 = w_value
        elif index == 2:
            self.slot2 = w_value
        elif index == 3:
            self.slot3 = w_value
        elif index == 4:
            self.slot4 = w_value
        elif index == 5:
            self.slot5 = w_value
        else:
            overflow_index = index - INLINE_FIELDS
            if overflow_index >= len(self.overflow_w):
                self._grow_overflow(self.map.cls.storage_hint - INLINE_FIELDS)
            self.overflow_w[overflow_index] = w_value

    def _grow_overflow(self, size):
        old_w = self.overflow_w
        overflow_w = [None] * size
        for i in range(len(old_w)):
            overflow_w[i] = old_w[i]
        self.overflow_w = overflow_w

    def field_index(self, site):
        """The index of site's field in this instance, or -1."""
        map = self.map
        if jit.we_are_jitted():
            return jit.promote(map).find(site.symbol.id)
        if site.map is map:
            return site.index
        if site.map2 is map:
            return site.index2
        index = map.find(site.symbol.id)
        site.map2 = site.map
        site.index2 = site.index
        site.map = map
        site.index = index
        site.new_map = None
        return index

    def get_field(self, site):
        """The field's value, or None when the instance has no such field."""
        index = self.field_index(site)
        if index < 0:
            return None
        return self.read_slot(index)

    def set_field(self, site, w_value):
        map = self.map
        if not jit.we_are_jitted() and site.map is map and site.new_map is not None:
            index = site.index
            new_map = site.new_map
        else:
            if jit.we_are_jitted():
                map = jit.promote(map)
            symbol_id = site.symbol.id
            index = map.find(symbol_id)
            if index >= 0:
                new_map = map
            else:
                new_map = map.with_field(symbol_id)
                index = map.length
            if not jit.we_are_jitted():
                site.map = map
                site.index = index
                site.new_map = new_map
        if new_map is not map:
            self.map = new_map
        self.write_slot(index, w_value)

    def to_str(self):
        return "%s instance" % self.map.cls.name


class W_BoundMethod(W_Root):
    _attrs_ = ['w_receiver', 'method']
    _immutable_fields_ = ['w_receiver', 'method']

    def __init__(self, w_receiver, method):
        self.w_receiver = w_receiver
        self.method = method    # a W_Closure

    def to_str(self):
        return self.method.to_str()
