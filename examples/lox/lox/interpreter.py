"""The VM: one frame per call, and a dispatch loop that is the JIT's portal.

`execute_frame` runs one Lox function to its return and calls itself for the calls the function makes
(as PyPy's interpreter does), so Python's own stack is the call stack and a runtime error unwinds
through every frame, each adding its line to the stack trace. The JIT driver's greens are the code
object and the pc; the frame is the red, and a virtualizable: its value stack lives in registers in
compiled loops.
"""

import math
import time

from rpython.rlib import jit
from rpython.rlib.debug import make_sure_not_resized
from rpython.rlib.rfloat import INFINITY, NAN

from lox import opcodes as op
from lox.objects import (
    LoxRuntimeError, W_Root, W_Number, W_String, W_Function, W_Closure, W_Upvalue, W_Native,
    W_Class, W_Instance, W_BoundMethod, w_nil, w_true, w_false, newbool)

FRAMES_MAX = 64     # clox's limit: the 65th nested call is a "Stack overflow."


def get_printable_location(pc, code):
    name = code.name
    if name == "":
        name = "script"
    return "%s:%d %s" % (name, pc, op.OPCODE_NAMES[code.code[pc]])


jitdriver = jit.JitDriver(greens=['pc', 'code'], reds=['frame'], virtualizables=['frame'],
                          get_printable_location=get_printable_location, is_recursive=True,
                          name='lox')


class Frame(object):
    """One activation of a function: its slots (locals, then temporaries) and open upvalues.

    Untranslated to machine code by the JIT, a frame is reused: the calls a frame makes run one
    after the other, each returns before the next starts and nothing keeps a frame once its call
    returned (RETURN closes its upvalues), so `callee` is the frame the previous call made from
    this one used, ready for the next (no allocation, no clearing of a new stack per call). In
    jitted code every call gets a fresh frame, which the JIT keeps virtual."""
    _virtualizable_ = ['stack_w[*]', 'sp', 'closure']

    def __init__(self, closure, depth):
        self = jit.hint(self, access_directly=True, fresh_virtualizable=True)
        self.closure = closure
        self.stack_w = [None] * closure.function.max_stack
        make_sure_not_resized(self.stack_w)
        self.sp = 0
        self.depth = depth              # 0 for the script
        self.open_upvalues = None       # W_Upvalues of this frame's slots, highest slot first
        self.callee = None              # the frame for the next call made from this one

    def callee_frame(self, closure):
        """A frame for a call of closure made from this frame, when not jitted."""
        callee = self.callee
        if callee is None or len(callee.stack_w) < closure.function.max_stack:
            callee = Frame(closure, self.depth + 1)
            self.callee = callee
        else:
            callee.closure = closure
        return callee

    def push(self, w_value):
        sp = self.sp
        self.stack_w[sp] = w_value
        self.sp = sp + 1

    def pop(self):
        # The slot is not cleared: what it holds stays alive at most as long as the frame.
        sp = self.sp - 1
        assert sp >= 0
        w_value = self.stack_w[sp]
        self.sp = sp
        return w_value

    def peek(self, distance):
        index = self.sp - 1 - distance
        assert index >= 0
        return self.stack_w[index]

    def set_top(self, w_value):
        self.stack_w[self.sp - 1] = w_value

    def replace_top(self, count, w_value):
        """Pops count values and pushes w_value (a call's callee and arguments, its result)."""
        sp = self.sp - count
        assert sp >= 0
        self.stack_w[sp] = w_value
        self.sp = sp + 1

    def capture_upvalue(self, index):
        previous = None
        upvalue = self.open_upvalues
        while upvalue is not None and upvalue.index > index:
            previous = upvalue
            upvalue = upvalue.next
        if upvalue is not None and upvalue.index == index:
            return upvalue
        created = W_Upvalue(self, index, upvalue)
        if previous is None:
            self.open_upvalues = created
        else:
            previous.next = created
        return created

    def close_upvalues(self, last):
        """Closes the open upvalues of slots >= last."""
        upvalue = self.open_upvalues
        while upvalue is not None and upvalue.index >= last:
            upvalue.close()
            upvalue = upvalue.next
        self.open_upvalues = upvalue


# ---- natives -------------------------------------------------------------------------------

class W_Clock(W_Native):
    _attrs_ = []

    def call(self, args_w):
        return W_Number(time.time())


def define_natives(globals):
    globals.get_cell("clock").w_value = W_Clock("clock")


# ---- calls ---------------------------------------------------------------------------------

@jit.unroll_safe
def call_closure(frame, closure, argc, w_self):
    """Calls closure with the argc arguments on top of frame's stack; slot 0 gets w_self."""
    function = closure.function
    if argc != function.arity:
        raise LoxRuntimeError("Expected %d arguments but got %d." % (function.arity, argc))
    if frame.depth + 1 >= FRAMES_MAX:
        raise LoxRuntimeError("Stack overflow.")
    if jit.we_are_jitted():
        new_frame = Frame(closure, frame.depth + 1)
    else:
        new_frame = frame.callee_frame(closure)
    stack_w = new_frame.stack_w
    stack_w[0] = w_self
    first = frame.sp - argc
    i = 0
    while i < argc:
        stack_w[i + 1] = frame.stack_w[first + i]
        i += 1
    new_frame.sp = argc + 1
    return execute_frame(new_frame)


@jit.unroll_safe
def call_value(frame, w_callee, argc):
    if isinstance(w_callee, W_Closure):
        return call_closure(frame, w_callee, argc, w_callee)
    if isinstance(w_callee, W_BoundMethod):
        return call_closure(frame, w_callee.method, argc, w_callee.w_receiver)
    if isinstance(w_callee, W_Class):
        w_instance = W_Instance(w_callee)
        initializer = w_callee.initializer()
        if initializer is not None:
            assert isinstance(initializer, W_Closure)
            call_closure(frame, initializer, argc, w_instance)
        elif argc != 0:
            raise LoxRuntimeError("Expected 0 arguments but got %d." % argc)
        return w_instance
    if isinstance(w_callee, W_Native):
        args_w = [None] * argc
        for i in range(argc):
            args_w[i] = frame.peek(argc - 1 - i)
        return w_callee.call(args_w)
    raise LoxRuntimeError("Can only call functions and classes.")


def find_method(w_class, site):
    method = w_class.lookup_cached(site)
    if method is None:
        raise LoxRuntimeError("Undefined property '%s'." % site.symbol.name)
    assert isinstance(method, W_Closure)
    return method


@jit.unroll_safe
def make_closure(frame, code, pc):
    """The CLOSURE instruction at pc: a closure of a function constant, capturing its upvalues."""
    function = code.constants_w[code.code[pc + 1]]
    assert isinstance(function, W_Function)
    count = function.upvalue_count
    upvalues = [None] * count
    for i in range(count):
        is_local = code.code[pc + 2 + 2 * i]
        index = code.code[pc + 3 + 2 * i]
        if is_local:
            upvalues[i] = frame.capture_upvalue(index)
        else:
            upvalues[i] = frame.closure.upvalues[index]
    return W_Closure(function, upvalues)


def is_falsey(w_value):
    """nil and false (the only W_Bools are the two singletons)."""
    return w_value is w_nil or w_value is w_false


def values_equal(w_a, w_b):
    """Lox's ==: numbers by value (so nan != nan), strings by content, the rest by identity."""
    if isinstance(w_a, W_Number):
        return isinstance(w_b, W_Number) and w_a.value == w_b.value
    if w_a is w_b:
        return True
    return w_a.eq(w_b)


def number_operands(frame):
    w_b = frame.peek(0)
    w_a = frame.peek(1)
    if not isinstance(w_a, W_Number) or not isinstance(w_b, W_Number):
        raise LoxRuntimeError("Operands must be numbers.")
    return w_a, w_b


# ---- the dispatch loop ---------------------------------------------------------------------

def execute_frame(frame):
    """Runs frame's function to its end; returns what it returns."""
    frame = jit.hint(frame, access_directly=True)
    code = frame.closure.function
    pc = 0
    try:
        while True:
            jitdriver.jit_merge_point(pc=pc, code=code, frame=frame)
            opcode = code.code[pc]
            if opcode == op.CONSTANT:
                frame.push(code.constants_w[code.code[pc + 1]])
                pc += 2
            elif opcode == op.NIL:
                frame.push(w_nil)
                pc += 1
            elif opcode == op.TRUE:
                frame.push(w_true)
                pc += 1
            elif opcode == op.FALSE:
                frame.push(w_false)
                pc += 1
            elif opcode == op.POP:
                frame.pop()
                pc += 1
            elif opcode == op.GET_LOCAL:
                frame.push(frame.stack_w[code.code[pc + 1]])
                pc += 2
            elif opcode == op.SET_LOCAL:
                frame.stack_w[code.code[pc + 1]] = frame.peek(0)
                pc += 2
            elif opcode == op.GET_GLOBAL:
                cell = code.cells[code.code[pc + 1]]
                w_value = cell.w_value
                if w_value is None:
                    raise LoxRuntimeError("Undefined variable '%s'." % cell.name)
                frame.push(w_value)
                pc += 2
            elif opcode == op.DEFINE_GLOBAL:
                code.cells[code.code[pc + 1]].w_value = frame.pop()
                pc += 2
            elif opcode == op.SET_GLOBAL:
                cell = code.cells[code.code[pc + 1]]
                if cell.w_value is None:
                    raise LoxRuntimeError("Undefined variable '%s'." % cell.name)
                cell.w_value = frame.peek(0)
                pc += 2
            elif opcode == op.GET_UPVALUE:
                frame.push(frame.closure.upvalues[code.code[pc + 1]].get())
                pc += 2
            elif opcode == op.SET_UPVALUE:
                frame.closure.upvalues[code.code[pc + 1]].set(frame.peek(0))
                pc += 2
            elif opcode == op.GET_PROPERTY:
                w_object = frame.peek(0)
                if not isinstance(w_object, W_Instance):
                    raise LoxRuntimeError("Only instances have properties.")
                site = code.sites[code.code[pc + 1]]
                w_value = w_object.get_field(site)
                if w_value is None:
                    w_value = W_BoundMethod(w_object, find_method(w_object.get_class(), site))
                frame.set_top(w_value)
                pc += 2
            elif opcode == op.SET_PROPERTY:
                w_object = frame.peek(1)
                if not isinstance(w_object, W_Instance):
                    raise LoxRuntimeError("Only instances have fields.")
                w_value = frame.pop()
                w_object.set_field(code.sites[code.code[pc + 1]], w_value)
                frame.set_top(w_value)
                pc += 2
            elif opcode == op.GET_SUPER:
                w_superclass = frame.pop()
                assert isinstance(w_superclass, W_Class)
                method = find_method(w_superclass, code.sites[code.code[pc + 1]])
                frame.set_top(W_BoundMethod(frame.peek(0), method))
                pc += 2
            elif opcode == op.EQUAL:
                w_b = frame.pop()
                w_a = frame.pop()
                frame.push(newbool(values_equal(w_a, w_b)))
                pc += 1
            elif opcode == op.GREATER:
                w_a, w_b = number_operands(frame)
                frame.pop()
                frame.set_top(newbool(w_a.value > w_b.value))
                pc += 1
            elif opcode == op.LESS:
                w_a, w_b = number_operands(frame)
                frame.pop()
                frame.set_top(newbool(w_a.value < w_b.value))
                pc += 1
            elif opcode == op.ADD:
                w_b = frame.peek(0)
                w_a = frame.peek(1)
                if isinstance(w_a, W_Number) and isinstance(w_b, W_Number):
                    w_result = W_Number(w_a.value + w_b.value)
                elif isinstance(w_a, W_String) and isinstance(w_b, W_String):
                    w_result = W_String(w_a.value + w_b.value)
                else:
                    raise LoxRuntimeError("Operands must be two numbers or two strings.")
                frame.pop()
                frame.set_top(w_result)
                pc += 1
            elif opcode == op.SUBTRACT:
                w_a, w_b = number_operands(frame)
                frame.pop()
                frame.set_top(W_Number(w_a.value - w_b.value))
                pc += 1
            elif opcode == op.MULTIPLY:
                w_a, w_b = number_operands(frame)
                frame.pop()
                frame.set_top(W_Number(w_a.value * w_b.value))
                pc += 1
            elif opcode == op.DIVIDE:
                w_a, w_b = number_operands(frame)
                frame.pop()
                frame.set_top(W_Number(divide(w_a.value, w_b.value)))
                pc += 1
            elif opcode == op.NOT:
                frame.set_top(newbool(is_falsey(frame.peek(0))))
                pc += 1
            elif opcode == op.NEGATE:
                w_value = frame.peek(0)
                if not isinstance(w_value, W_Number):
                    raise LoxRuntimeError("Operand must be a number.")
                frame.set_top(W_Number(-w_value.value))
                pc += 1
            elif opcode == op.PRINT:
                print(frame.pop().to_str())
                pc += 1
            elif opcode == op.JUMP:
                pc = code.code[pc + 1]
            elif opcode == op.JUMP_IF_FALSE:
                if is_falsey(frame.peek(0)):
                    pc = code.code[pc + 1]
                else:
                    pc += 2
            elif opcode == op.POP_JUMP_IF_FALSE:
                if is_falsey(frame.pop()):
                    pc = code.code[pc + 1]
                else:
                    pc += 2
            elif opcode == op.LOOP:
                pc = code.code[pc + 1]
                jitdriver.can_enter_jit(pc=pc, code=code, frame=frame)
            elif opcode == op.CALL:
                argc = code.code[pc + 1]
                w_callee = frame.peek(argc)
                if isinstance(w_callee, W_Closure):
                    w_result = call_closure(frame, w_callee, argc, w_callee)
                else:
                    w_result = call_value(frame, w_callee, argc)
                frame.replace_top(argc + 1, w_result)
                pc += 2
            elif opcode == op.INVOKE:
                site = code.sites[code.code[pc + 1]]
                argc = code.code[pc + 2]
                w_receiver = frame.peek(argc)
                if not isinstance(w_receiver, W_Instance):
                    raise LoxRuntimeError("Only instances have methods.")
                w_field = w_receiver.get_field(site)
                if w_field is not None:
                    frame.stack_w[frame.sp - argc - 1] = w_field
                    w_result = call_value(frame, w_field, argc)
                else:
                    method = find_method(w_receiver.get_class(), site)
                    w_result = call_closure(frame, method, argc, w_receiver)
                frame.replace_top(argc + 1, w_result)
                pc += 3
            elif opcode == op.SUPER_INVOKE:
                site = code.sites[code.code[pc + 1]]
                argc = code.code[pc + 2]
                w_superclass = frame.pop()
                assert isinstance(w_superclass, W_Class)
                method = find_method(w_superclass, site)
                w_result = call_closure(frame, method, argc, frame.peek(argc))
                frame.replace_top(argc + 1, w_result)
                pc += 3
            elif opcode == op.CLOSURE:
                w_closure = make_closure(frame, code, pc)
                frame.push(w_closure)
                pc += 2 + 2 * w_closure.function.upvalue_count
            elif opcode == op.CLOSE_UPVALUE:
                frame.close_upvalues(frame.sp - 1)
                frame.pop()
                pc += 1
            elif opcode == op.RETURN:
                w_result = frame.pop()
                if frame.open_upvalues is not None:
                    frame.close_upvalues(0)
                return w_result
            elif opcode == op.CLASS:
                frame.push(W_Class(code.symbols[code.code[pc + 1]].name))
                pc += 2
            elif opcode == op.INHERIT:
                w_superclass = frame.peek(1)
                if not isinstance(w_superclass, W_Class):
                    raise LoxRuntimeError("Superclass must be a class.")
                w_subclass = frame.pop()
                assert isinstance(w_subclass, W_Class)
                w_subclass.inherit_from(w_superclass)
                pc += 1
            elif opcode == op.METHOD:
                w_method = frame.pop()
                w_class = frame.peek(0)
                assert isinstance(w_class, W_Class)
                w_class.define_method(code.symbols[code.code[pc + 1]], w_method)
                pc += 2
            else:
                raise LoxRuntimeError("Unknown opcode %d." % opcode)
    except LoxRuntimeError as e:
        e.add_frame(code.lines[pc], code.name)
        raise


def divide(a, b):
    """IEEE division, as C's: x/0 is an infinity (or nan), never an error."""
    if b == 0.0:
        if a != a or a == 0.0:
            return NAN
        if (a > 0.0) == (math.copysign(1.0, b) > 0.0):
            return INFINITY
        return -INFINITY
    return a / b


def run_script(script):
    """Runs a compiled script; raises LoxRuntimeError."""
    closure = W_Closure(script, [])
    frame = Frame(closure, 0)
    frame.push(closure)
    execute_frame(frame)
