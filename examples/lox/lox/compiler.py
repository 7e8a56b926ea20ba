"""The single-pass compiler: tokens -> bytecode, with clox's grammar, scoping and error messages.

A Pratt parser emits code as it parses, as clox's compiler.c does. Differences from clox that do not
change what a program prints: operands are whole ints (so jumps are absolute and the 256 limits
apply only where clox reports them as errors), names of properties, methods and classes are
interned Symbols (each property or method instruction has its own PropertySite, where the VM keeps
its inline caches), and globals are resolved at compile time to GlobalCells (no constant is spent
on them).
"""

from rpython.rlib.objectmodel import we_are_translated

from lox import opcodes as op
from lox.objects import W_Function, W_Number, W_String, GlobalCell, Symbol, PropertySite, INIT_SYMBOL_ID
from lox.scanner import (
    Scanner, Token,
    T_LEFT_PAREN, T_RIGHT_PAREN, T_LEFT_BRACE, T_RIGHT_BRACE, T_COMMA, T_DOT, T_MINUS, T_PLUS,
    T_SEMICOLON, T_SLASH, T_STAR, T_BANG, T_BANG_EQUAL, T_EQUAL, T_EQUAL_EQUAL, T_GREATER,
    T_GREATER_EQUAL, T_LESS, T_LESS_EQUAL, T_IDENTIFIER, T_STRING, T_NUMBER, T_AND, T_CLASS,
    T_ELSE, T_FALSE, T_FOR, T_FUN, T_IF, T_NIL, T_OR, T_PRINT, T_RETURN, T_SUPER, T_THIS, T_TRUE,
    T_VAR, T_WHILE, T_ERROR, T_EOF, NUM_TOKEN_TYPES)

# Precedences, lowest first.
PREC_NONE = 0
PREC_ASSIGNMENT = 1  # =
PREC_OR = 2          # or
PREC_AND = 3         # and
PREC_EQUALITY = 4    # == !=
PREC_COMPARISON = 5  # < > <= >=
PREC_TERM = 6        # + -
PREC_FACTOR = 7      # * /
PREC_UNARY = 8       # ! -
PREC_CALL = 9        # . ()
PREC_PRIMARY = 10

# The precedence of each token as an infix operator.
INFIX_PRECEDENCE = [PREC_NONE] * NUM_TOKEN_TYPES
INFIX_PRECEDENCE[T_LEFT_PAREN] = PREC_CALL
INFIX_PRECEDENCE[T_DOT] = PREC_CALL
INFIX_PRECEDENCE[T_MINUS] = PREC_TERM
INFIX_PRECEDENCE[T_PLUS] = PREC_TERM
INFIX_PRECEDENCE[T_SLASH] = PREC_FACTOR
INFIX_PRECEDENCE[T_STAR] = PREC_FACTOR
INFIX_PRECEDENCE[T_BANG_EQUAL] = PREC_EQUALITY
INFIX_PRECEDENCE[T_EQUAL_EQUAL] = PREC_EQUALITY
INFIX_PRECEDENCE[T_GREATER] = PREC_COMPARISON
INFIX_PRECEDENCE[T_GREATER_EQUAL] = PREC_COMPARISON
INFIX_PRECEDENCE[T_LESS] = PREC_COMPARISON
INFIX_PRECEDENCE[T_LESS_EQUAL] = PREC_COMPARISON
INFIX_PRECEDENCE[T_AND] = PREC_AND
INFIX_PRECEDENCE[T_OR] = PREC_OR

# Kinds of function being compiled.
TYPE_FUNCTION = 0
TYPE_INITIALIZER = 1
TYPE_METHOD = 2
TYPE_SCRIPT = 3

MAX_CONSTANTS = 256     # clox's limits, reported with clox's messages
MAX_LOCALS = 256
MAX_UPVALUES = 256
MAX_ARGS = 255
MAX_JUMP = 65535


class Globals(object):
    """Every global variable and every interned name of a program; shared by all the code
    objects."""

    def __init__(self):
        self.cells = {}
        self.symbols = {}
        init = self.get_symbol("init")
        assert init.id == INIT_SYMBOL_ID

    def get_symbol(self, name):
        symbol = self.symbols.get(name, None)
        if symbol is None:
            symbol = Symbol(len(self.symbols), name)
            self.symbols[name] = symbol
        return symbol

    def get_cell(self, name):
        cell = self.cells.get(name, None)
        if cell is None:
            cell = GlobalCell(name)
            self.cells[name] = cell
        return cell


class Local(object):
    def __init__(self, name, depth):
        self.name = name
        self.depth = depth          # -1: declared, not yet initialized
        self.is_captured = False


class Upvalue(object):
    def __init__(self, index, is_local):
        self.index = index
        self.is_local = is_local


class FunctionState(object):
    """What clox's `Compiler` struct holds: one function being compiled."""

    def __init__(self, enclosing, type, name):
        self.enclosing = enclosing
        self.type = type
        self.name = name
        self.arity = 0
        self.code = []
        self.lines = []
        self.constants_w = []
        self.symbols = []
        self.symbol_indexes = {}
        self.sites = []
        self.cells = []
        self.cell_indexes = {}
        self.upvalues = []
        self.scope_depth = 0
        # Slot 0 holds the function itself, or the receiver in methods (as `this`).
        if type == TYPE_FUNCTION:
            self.locals = [Local("", 0)]
        else:
            self.locals = [Local("this", 0)]
        self.stack_depth = 1        # values on the stack at this point of the code
        self.max_stack_depth = 1

    def adjust_stack(self, delta):
        self.stack_depth += delta
        if self.stack_depth > self.max_stack_depth:
            self.max_stack_depth = self.stack_depth

    def finish(self):
        """The code object; its lists never change again."""
        return W_Function(self.name, self.arity, len(self.upvalues), self.code[:], self.lines[:],
                          self.constants_w[:], self.symbols[:], self.sites[:], self.cells[:],
                          self.max_stack_depth)


class ClassState(object):
    def __init__(self, enclosing):
        self.enclosing = enclosing
        self.has_superclass = False


class Compiler(object):
    def __init__(self, source, globals):
        self.scanner = Scanner(source)
        self.globals = globals
        self.current = Token(T_EOF, "", 1)
        self.previous = self.current
        self.had_error = False
        self.panic_mode = False
        self.errors = []            # lines for standard error
        self.fs = FunctionState(None, TYPE_SCRIPT, "")
        self.class_state = None

    # ---- errors ----------------------------------------------------------------------------

    def error_at(self, token, message):
        if self.panic_mode:
            return
        self.panic_mode = True
        if token.type == T_EOF:
            where = " at end"
        elif token.type == T_ERROR:
            where = ""
        else:
            where = " at '%s'" % token.text
        self.errors.append("[line %d] Error%s: %s" % (token.line, where, message))
        self.had_error = True

    def error(self, message):
        self.error_at(self.previous, message)

    def error_at_current(self, message):
        self.error_at(self.current, message)

    # ---- tokens ----------------------------------------------------------------------------

    def advance(self):
        self.previous = self.current
        while True:
            self.current = self.scanner.scan_token()
            if self.current.type != T_ERROR:
                break
            self.error_at_current(self.current.text)

    def consume(self, type, message):
        if self.current.type == type:
            self.advance()
            return
        self.error_at_current(message)

    def check(self, type):
        return self.current.type == type

    def match(self, type):
        if not self.check(type):
            return False
        self.advance()
        return True

    # ---- emitting code ---------------------------------------------------------------------

    def emit(self, value):
        self.fs.code.append(value)
        self.fs.lines.append(self.previous.line)

    def emit_op(self, opcode):
        self.emit(opcode)
        self.fs.adjust_stack(op.STACK_EFFECT[opcode])

    def emit_op_arg(self, opcode, arg):
        self.emit_op(opcode)
        self.emit(arg)

    def emit_loop(self, loop_start):
        self.emit_op(op.LOOP)
        if len(self.fs.code) - loop_start + 1 > MAX_JUMP:
            self.error("Loop body too large.")
        self.emit(loop_start)

    def emit_jump(self, opcode):
        """Emits a jump with a target to patch; returns where the target goes."""
        self.emit_op(opcode)
        self.emit(-1)
        return len(self.fs.code) - 1

    def patch_jump(self, operand_index):
        code = self.fs.code
        if len(code) - operand_index - 1 > MAX_JUMP:
            self.error("Too much code to jump over.")
        code[operand_index] = len(code)

    def emit_return(self):
        if self.fs.type == TYPE_INITIALIZER:
            self.emit_op_arg(op.GET_LOCAL, 0)
        else:
            self.emit_op(op.NIL)
        self.emit_op(op.RETURN)

    def make_constant(self, w_value):
        constants_w = self.fs.constants_w
        if len(constants_w) >= MAX_CONSTANTS:
            self.error("Too many constants in one chunk.")
            return 0
        constants_w.append(w_value)
        return len(constants_w) - 1

    def emit_constant(self, w_value):
        self.emit_op_arg(op.CONSTANT, self.make_constant(w_value))

    def symbol_index(self, name):
        """The index of a class or method name's Symbol in the function's symbol table."""
        fs = self.fs
        index = fs.symbol_indexes.get(name, -1)
        if index < 0:
            index = len(fs.symbols)
            fs.symbols.append(self.globals.get_symbol(name))
            fs.symbol_indexes[name] = index
        return index

    def new_site(self, name):
        """The index of a new PropertySite (one per property or method instruction)."""
        fs = self.fs
        fs.sites.append(PropertySite(self.globals.get_symbol(name)))
        return len(fs.sites) - 1

    def global_index(self, name):
        """The index of a global variable's cell in the function's cell table."""
        fs = self.fs
        index = fs.cell_indexes.get(name, -1)
        if index < 0:
            index = len(fs.cells)
            fs.cells.append(self.globals.get_cell(name))
            fs.cell_indexes[name] = index
        return index

    # ---- functions and scopes --------------------------------------------------------------

    def end_function(self):
        if not we_are_translated() and not self.had_error:
            # Untranslated self-check of the stack-depth count: at the end of a body only the
            # function's own locals (and slot 0) are on the stack.
            assert self.fs.stack_depth == len(self.fs.locals), (
                "stack depth %d at the end of %r, %d locals"
                % (self.fs.stack_depth, self.fs.name, len(self.fs.locals)))
        self.emit_return()
        function = self.fs.finish()
        self.fs = self.fs.enclosing
        return function

    def begin_scope(self):
        self.fs.scope_depth += 1

    def end_scope(self):
        fs = self.fs
        fs.scope_depth -= 1
        while len(fs.locals) > 0 and fs.locals[-1].depth > fs.scope_depth:
            if fs.locals[-1].is_captured:
                self.emit_op(op.CLOSE_UPVALUE)
            else:
                self.emit_op(op.POP)
            fs.locals.pop()

    # ---- variables -------------------------------------------------------------------------

    def resolve_local(self, fs, name):
        i = len(fs.locals) - 1
        while i >= 0:
            local = fs.locals[i]
            if local.name == name:
                if local.depth == -1:
                    self.error("Can't read local variable in its own initializer.")
                return i
            i -= 1
        return -1

    def add_upvalue(self, fs, index, is_local):
        for i in range(len(fs.upvalues)):
            upvalue = fs.upvalues[i]
            if upvalue.index == index and upvalue.is_local == is_local:
                return i
        if len(fs.upvalues) == MAX_UPVALUES:
            self.error("Too many closure variables in function.")
            return 0
        fs.upvalues.append(Upvalue(index, is_local))
        return len(fs.upvalues) - 1

    def resolve_upvalue(self, fs, name):
        enclosing = fs.enclosing
        if enclosing is None:
            return -1
        local = self.resolve_local(enclosing, name)
        if local != -1:
            enclosing.locals[local].is_captured = True
            return self.add_upvalue(fs, local, True)
        upvalue = self.resolve_upvalue(enclosing, name)
        if upvalue != -1:
            return self.add_upvalue(fs, upvalue, False)
        return -1

    def add_local(self, name):
        if len(self.fs.locals) == MAX_LOCALS:
            self.error("Too many local variables in function.")
            return
        self.fs.locals.append(Local(name, -1))

    def declare_variable(self):
        fs = self.fs
        if fs.scope_depth == 0:
            return
        name = self.previous.text
        i = len(fs.locals) - 1
        while i >= 0:
            local = fs.locals[i]
            if local.depth != -1 and local.depth < fs.scope_depth:
                break
            if local.name == name:
                self.error("Already a variable with this name in this scope.")
            i -= 1
        self.add_local(name)

    def parse_variable(self, message):
        """Parses a variable's name; returns its global cell index (0 for a local)."""
        self.consume(T_IDENTIFIER, message)
        self.declare_variable()
        if self.fs.scope_depth > 0:
            return 0
        return self.global_index(self.previous.text)

    def mark_initialized(self):
        fs = self.fs
        if fs.scope_depth == 0:
            return
        fs.locals[-1].depth = fs.scope_depth

    def define_variable(self, global_index):
        if self.fs.scope_depth > 0:
            self.mark_initialized()
            return
        self.emit_op_arg(op.DEFINE_GLOBAL, global_index)

    def named_variable(self, name, can_assign):
        arg = self.resolve_local(self.fs, name)
        if arg != -1:
            get_op = op.GET_LOCAL
            set_op = op.SET_LOCAL
        else:
            arg = self.resolve_upvalue(self.fs, name)
            if arg != -1:
                get_op = op.GET_UPVALUE
                set_op = op.SET_UPVALUE
            else:
                arg = self.global_index(name)
                get_op = op.GET_GLOBAL
                set_op = op.SET_GLOBAL
        if can_assign and self.match(T_EQUAL):
            self.expression()
            self.emit_op_arg(set_op, arg)
        else:
            self.emit_op_arg(get_op, arg)

    # ---- expressions -----------------------------------------------------------------------

    def expression(self):
        self.parse_precedence(PREC_ASSIGNMENT)

    def parse_precedence(self, precedence):
        self.advance()
        can_assign = precedence <= PREC_ASSIGNMENT
        if not self.prefix_rule(self.previous.type, can_assign):
            self.error("Expect expression.")
            return
        while precedence <= INFIX_PRECEDENCE[self.current.type]:
            self.advance()
            self.infix_rule(self.previous.type, can_assign)
        if can_assign and self.match(T_EQUAL):
            self.error("Invalid assignment target.")

    def prefix_rule(self, type, can_assign):
        """Compiles the expression that starts with the token just read; False if none does."""
        if type == T_LEFT_PAREN:
            self.grouping()
        elif type == T_MINUS or type == T_BANG:
            self.unary(type)
        elif type == T_IDENTIFIER:
            self.named_variable(self.previous.text, can_assign)
        elif type == T_STRING:
            text = self.previous.text
            self.emit_constant(W_String(text[1:len(text) - 1]))
        elif type == T_NUMBER:
            self.emit_constant(W_Number(float(self.previous.text)))
        elif type == T_FALSE:
            self.emit_op(op.FALSE)
        elif type == T_TRUE:
            self.emit_op(op.TRUE)
        elif type == T_NIL:
            self.emit_op(op.NIL)
        elif type == T_SUPER:
            self.super_()
        elif type == T_THIS:
            self.this_()
        else:
            return False
        return True

    def infix_rule(self, type, can_assign):
        if type == T_LEFT_PAREN:
            argc = self.argument_list()
            self.emit_op_arg(op.CALL, argc)
            self.fs.adjust_stack(-argc)
        elif type == T_DOT:
            self.dot(can_assign)
        elif type == T_AND:
            self.and_()
        elif type == T_OR:
            self.or_()
        else:
            self.binary(type)

    def grouping(self):
        self.expression()
        self.consume(T_RIGHT_PAREN, "Expect ')' after expression.")

    def unary(self, type):
        self.parse_precedence(PREC_UNARY)
        if type == T_BANG:
            self.emit_op(op.NOT)
        else:
            self.emit_op(op.NEGATE)

    def binary(self, type):
        self.parse_precedence(INFIX_PRECEDENCE[type] + 1)
        if type == T_BANG_EQUAL:
            self.emit_op(op.EQUAL)
            self.emit_op(op.NOT)
        elif type == T_EQUAL_EQUAL:
            self.emit_op(op.EQUAL)
        elif type == T_GREATER:
            self.emit_op(op.GREATER)
        elif type == T_GREATER_EQUAL:
            self.emit_op(op.LESS)
            self.emit_op(op.NOT)
        elif type == T_LESS:
            self.emit_op(op.LESS)
        elif type == T_LESS_EQUAL:
            self.emit_op(op.GREATER)
            self.emit_op(op.NOT)
        elif type == T_PLUS:
            self.emit_op(op.ADD)
        elif type == T_MINUS:
            self.emit_op(op.SUBTRACT)
        elif type == T_STAR:
            self.emit_op(op.MULTIPLY)
        elif type == T_SLASH:
            self.emit_op(op.DIVIDE)

    def and_(self):
        end_jump = self.emit_jump(op.JUMP_IF_FALSE)
        self.emit_op(op.POP)
        self.parse_precedence(PREC_AND)
        self.patch_jump(end_jump)

    def or_(self):
        else_jump = self.emit_jump(op.JUMP_IF_FALSE)
        end_jump = self.emit_jump(op.JUMP)
        self.patch_jump(else_jump)
        self.emit_op(op.POP)
        self.parse_precedence(PREC_OR)
        self.patch_jump(end_jump)

    def argument_list(self):
        argc = 0
        if not self.check(T_RIGHT_PAREN):
            while True:
                self.expression()
                if argc == MAX_ARGS:
                    self.error("Can't have more than 255 arguments.")
                argc += 1
                if not self.match(T_COMMA):
                    break
        self.consume(T_RIGHT_PAREN, "Expect ')' after arguments.")
        return argc

    def dot(self, can_assign):
        self.consume(T_IDENTIFIER, "Expect property name after '.'.")
        name = self.new_site(self.previous.text)
        if can_assign and self.match(T_EQUAL):
            self.expression()
            self.emit_op_arg(op.SET_PROPERTY, name)
        elif self.match(T_LEFT_PAREN):
            argc = self.argument_list()
            self.emit_op_arg(op.INVOKE, name)
            self.emit(argc)
            self.fs.adjust_stack(-argc)
        else:
            self.emit_op_arg(op.GET_PROPERTY, name)

    def this_(self):
        if self.class_state is None:
            self.error("Can't use 'this' outside of a class.")
            return
        self.named_variable("this", False)

    def super_(self):
        if self.class_state is None:
            self.error("Can't use 'super' outside of a class.")
        elif not self.class_state.has_superclass:
            self.error("Can't use 'super' in a class with no superclass.")
        self.consume(T_DOT, "Expect '.' after 'super'.")
        self.consume(T_IDENTIFIER, "Expect superclass method name.")
        name = self.new_site(self.previous.text)
        self.named_variable("this", False)
        if self.match(T_LEFT_PAREN):
            argc = self.argument_list()
            self.named_variable("super", False)
            self.emit_op_arg(op.SUPER_INVOKE, name)
            self.emit(argc)
            self.fs.adjust_stack(-argc)
        else:
            self.named_variable("super", False)
            self.emit_op_arg(op.GET_SUPER, name)

    # ---- declarations and statements -------------------------------------------------------

    def declaration(self):
        if self.match(T_CLASS):
            self.class_declaration()
        elif self.match(T_FUN):
            self.fun_declaration()
        elif self.match(T_VAR):
            self.var_declaration()
        else:
            self.statement()
        if self.panic_mode:
            self.synchronize()

    def synchronize(self):
        self.panic_mode = False
        while self.current.type != T_EOF:
            if self.previous.type == T_SEMICOLON:
                return
            type = self.current.type
            if (type == T_CLASS or type == T_FUN or type == T_VAR or type == T_FOR or
                    type == T_IF or type == T_WHILE or type == T_PRINT or type == T_RETURN):
                return
            self.advance()

    def function(self, type):
        self.fs = FunctionState(self.fs, type, self.previous.text)
        self.begin_scope()
        self.consume(T_LEFT_PAREN, "Expect '(' after function name.")
        if not self.check(T_RIGHT_PAREN):
            while True:
                self.fs.arity += 1
                if self.fs.arity > MAX_ARGS:
                    self.error_at_current("Can't have more than 255 parameters.")
                constant = self.parse_variable("Expect parameter name.")
                self.define_variable(constant)
                self.fs.adjust_stack(1)     # the argument is in its slot
                if not self.match(T_COMMA):
                    break
        self.consume(T_RIGHT_PAREN, "Expect ')' after parameters.")
        self.consume(T_LEFT_BRACE, "Expect '{' before function body.")
        self.block()
        upvalues = self.fs.upvalues
        function = self.end_function()
        self.emit_op_arg(op.CLOSURE, self.make_constant(function))
        for upvalue in upvalues:
            self.emit(1 if upvalue.is_local else 0)
            self.emit(upvalue.index)

    def method(self):
        self.consume(T_IDENTIFIER, "Expect method name.")
        name = self.symbol_index(self.previous.text)
        type = TYPE_METHOD
        if self.previous.text == "init":
            type = TYPE_INITIALIZER
        self.function(type)
        self.emit_op_arg(op.METHOD, name)

    def class_declaration(self):
        self.consume(T_IDENTIFIER, "Expect class name.")
        class_name = self.previous.text
        name = self.symbol_index(class_name)
        global_index = 0
        if self.fs.scope_depth == 0:
            global_index = self.global_index(class_name)
        self.declare_variable()
        self.emit_op_arg(op.CLASS, name)
        self.define_variable(global_index)

        class_state = ClassState(self.class_state)
        self.class_state = class_state
        if self.match(T_LESS):
            self.consume(T_IDENTIFIER, "Expect superclass name.")
            self.named_variable(self.previous.text, False)
            if class_name == self.previous.text:
                self.error("A class can't inherit from itself.")
            self.begin_scope()
            self.add_local("super")
            self.define_variable(0)
            self.named_variable(class_name, False)
            self.emit_op(op.INHERIT)
            class_state.has_superclass = True

        self.named_variable(class_name, False)
        self.consume(T_LEFT_BRACE, "Expect '{' before class body.")
        while not self.check(T_RIGHT_BRACE) and not self.check(T_EOF):
            self.method()
        self.consume(T_RIGHT_BRACE, "Expect '}' after class body.")
        self.emit_op(op.POP)
        if class_state.has_superclass:
            self.end_scope()
        self.class_state = class_state.enclosing

    def fun_declaration(self):
        global_index = self.parse_variable("Expect function name.")
        self.mark_initialized()
        self.function(TYPE_FUNCTION)
        self.define_variable(global_index)

    def var_declaration(self):
        global_index = self.parse_variable("Expect variable name.")
        if self.match(T_EQUAL):
            self.expression()
        else:
            self.emit_op(op.NIL)
        self.consume(T_SEMICOLON, "Expect ';' after variable declaration.")
        self.define_variable(global_index)

    def statement(self):
        if self.match(T_PRINT):
            self.print_statement()
        elif self.match(T_FOR):
            self.for_statement()
        elif self.match(T_IF):
            self.if_statement()
        elif self.match(T_RETURN):
            self.return_statement()
        elif self.match(T_WHILE):
            self.while_statement()
        elif self.match(T_LEFT_BRACE):
            self.begin_scope()
            self.block()
            self.end_scope()
        else:
            self.expression_statement()

    def block(self):
        while not self.check(T_RIGHT_BRACE) and not self.check(T_EOF):
            self.declaration()
        self.consume(T_RIGHT_BRACE, "Expect '}' after block.")

    def print_statement(self):
        self.expression()
        self.consume(T_SEMICOLON, "Expect ';' after value.")
        self.emit_op(op.PRINT)

    def expression_statement(self):
        self.expression()
        self.consume(T_SEMICOLON, "Expect ';' after expression.")
        self.emit_op(op.POP)

    def if_statement(self):
        self.consume(T_LEFT_PAREN, "Expect '(' after 'if'.")
        self.expression()
        self.consume(T_RIGHT_PAREN, "Expect ')' after condition.")
        then_jump = self.emit_jump(op.POP_JUMP_IF_FALSE)
        self.statement()
        else_jump = self.emit_jump(op.JUMP)
        self.patch_jump(then_jump)
        if self.match(T_ELSE):
            self.statement()
        self.patch_jump(else_jump)

    def while_statement(self):
        loop_start = len(self.fs.code)
        self.consume(T_LEFT_PAREN, "Expect '(' after 'while'.")
        self.expression()
        self.consume(T_RIGHT_PAREN, "Expect ')' after condition.")
        exit_jump = self.emit_jump(op.POP_JUMP_IF_FALSE)
        self.statement()
        self.emit_loop(loop_start)
        self.patch_jump(exit_jump)

    def for_statement(self):
        self.begin_scope()
        self.consume(T_LEFT_PAREN, "Expect '(' after 'for'.")
        if self.match(T_SEMICOLON):
            pass
        elif self.match(T_VAR):
            self.var_declaration()
        else:
            self.expression_statement()

        loop_start = len(self.fs.code)
        exit_jump = -1
        if not self.match(T_SEMICOLON):
            self.expression()
            self.consume(T_SEMICOLON, "Expect ';' after loop condition.")
            exit_jump = self.emit_jump(op.POP_JUMP_IF_FALSE)

        if not self.match(T_RIGHT_PAREN):
            body_jump = self.emit_jump(op.JUMP)
            increment_start = len(self.fs.code)
            self.expression()
            self.emit_op(op.POP)
            self.consume(T_RIGHT_PAREN, "Expect ')' after for clauses.")
            self.emit_loop(loop_start)
            loop_start = increment_start
            self.patch_jump(body_jump)

        self.statement()
        self.emit_loop(loop_start)
        if exit_jump != -1:
            self.patch_jump(exit_jump)
        self.end_scope()

    def return_statement(self):
        if self.fs.type == TYPE_SCRIPT:
            self.error("Can't return from top-level code.")
        if self.match(T_SEMICOLON):
            self.emit_return()
        else:
            if self.fs.type == TYPE_INITIALIZER:
                self.error("Can't return a value from an initializer.")
            self.expression()
            self.consume(T_SEMICOLON, "Expect ';' after return value.")
            self.emit_op(op.RETURN)

    # ---- the whole program -----------------------------------------------------------------

    def compile(self):
        """The script's code object, or None after a compile error (see self.errors)."""
        self.advance()
        while not self.match(T_EOF):
            self.declaration()
        script = self.end_function()
        if self.had_error:
            return None
        return script


def compile_source(source, globals):
    """Returns (code object or None, error lines)."""
    compiler = Compiler(source, globals)
    script = compiler.compile()
    return script, compiler.errors
