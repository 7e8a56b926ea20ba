"""Finding the syntax tree of a function for the flow builder, and rewriting comprehensions.

`function_ast(func)` parses the file the function's code object comes from (a real file, or the
linecache entry of an exec-made function) with CPython's own `ast` module, finds the `def` or
`lambda` node of the function (a lambda becomes a def whose body is `return EXPR`), and rewrites
the comprehensions of its body into loops, because the flow builder merges states at statement
boundaries and a comprehension is a loop inside an expression:

    y = f(g(), [h(x) for x in xs if x])
becomes
    .t0 = g()
    .t1 = []
    for .c0.x in xs:
        if .c0.x:
            .t1.append(h(.c0.x))
    y = f(.t0, .t1)
    del .t0, .t1, .c0.x

Names starting with a dot are hidden locals (never valid Python names): temporaries keep the
evaluation order of what the statement evaluates before the comprehension, and the comprehension's
own variables get their own names (its scope). Lambdas and nested defs are not entered: they are
flowed as functions of their own.
"""

from _rpp import astlite as ast
from _rpp import lines as linecache

_module_cache = {}


class _ParsedFile:
    """A source file's tree and an index of its function definitions by (name, first line), so
    finding a function's node costs one lookup, not a walk of the whole module per function."""

    def __init__(self, lines, tree):
        self.lines = lines          # kept alive: the cache is keyed by this list's identity
        self.tree = tree
        self.functions = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                key = (node.name, _first_line(node))
            elif isinstance(node, ast.Lambda):
                key = ("<lambda>", node.lineno)
            else:
                continue
            self.functions.setdefault(key, []).append(node)


def _parsed_file(filename):
    """The _ParsedFile of `filename`, or None when its source cannot be read."""
    lines = linecache.getlines(filename)
    if not lines:
        return None
    # _rpp.lines hands out the same list until the file's entry changes; a new list is reparsed.
    parsed = _module_cache.get(filename)
    if parsed is None or parsed.lines is not lines:
        parsed = _ParsedFile(lines, ast.parse("".join(lines), filename))
        _module_cache[filename] = parsed
    return parsed


def forget_sources():
    """Drop the parsed files and the lines read from files (rpp calls it once every graph is
    built: the trees are most of the frontend's memory); they are read again when asked for."""
    _module_cache.clear()
    linecache.forget_files()
    import gc
    gc.collect()


def _parse_file(filename):
    """The module tree of `filename`, or None when its source cannot be read."""
    parsed = _parsed_file(filename)
    return parsed.tree if parsed else None


def _first_line(node):
    lines = [node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])]
    return min(lines)


def _arg_names(args):
    names = [a.arg for a in args.posonlyargs + args.args]
    if args.vararg:
        names.append(args.vararg.arg)
    names += [a.arg for a in args.kwonlyargs]
    if args.kwarg:
        names.append(args.kwarg.arg)
    return names


def _code_arg_names(code):
    n = code.co_argcount + code.co_kwonlyargcount
    if code.co_flags & 0x04:
        n += 1
    if code.co_flags & 0x08:
        n += 1
    return list(code.co_varnames[:n])


def find_function_node(func):
    """The ast node (FunctionDef, AsyncFunctionDef or Lambda) of `func`, or an error string."""
    code = func.__code__
    parsed = _parsed_file(code.co_filename)
    if parsed is None:
        return None, "its source file %s cannot be read" % code.co_filename
    candidates = parsed.functions.get((code.co_name, code.co_firstlineno), [])
    wanted = code.co_name
    if not candidates:
        return None, "no definition of '%s' starts at line %d of %s" % (
            wanted, code.co_firstlineno, code.co_filename)
    expected = _code_arg_names(code)
    for node in candidates:
        if _arg_names(node.args) == expected:
            return node, None
    return candidates[0], None


def lambda_index(outer_code, code):
    """Which of the functions named like `code` starting on its line `code` is, in source order."""
    index = 0
    for const in outer_code.co_consts:
        if const is code:
            return index
        if (hasattr(const, "co_name") and const.co_name == code.co_name
                and const.co_firstlineno == code.co_firstlineno):
            index += 1
    return 0


def _nested_functions(node):
    """The defs and lambdas directly inside a function body (not inside nested functions), in
    source order (the order of the code objects in co_consts)."""
    found = []

    def visit(n, top):
        if not top and isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            found.append(n)
            # Decorators and defaults belong to the enclosing function; the body does not.
            for d in getattr(n, "decorator_list", []):
                visit(d, False)
            for d in n.args.defaults + [k for k in n.args.kw_defaults if k is not None]:
                visit(d, False)
            return
        if not top and isinstance(n, ast.ClassDef):
            return
        for child in ast.iter_child_nodes(n):
            visit(child, False)

    visit(node, True)
    return found


def _number_nested_functions(node):
    counts = {}
    for n in _nested_functions(node):
        name = "<lambda>" if isinstance(n, ast.Lambda) else n.name
        line = _first_line(n)
        index = counts.get((name, line), 0)
        counts[(name, line)] = index + 1
        n.rpp_code_line = line
        n.rpp_code_index = index


def scope_facts(node):
    """Hidden locals, global and nonlocal declarations, and the first yield of a function node."""
    hidden, globals_, nonlocals = [], {}, {}
    first_yield = (0, 0)

    def visit(n, top):
        nonlocal first_yield
        if not top and isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return
        if isinstance(n, ast.Name) and n.id.startswith(".") and n.id not in hidden:
            hidden.append(n.id)
        elif isinstance(n, ast.Global):
            for name in n.names:
                globals_.setdefault(name, (n.lineno, n.col_offset + 1))
        elif isinstance(n, ast.Nonlocal):
            for name in n.names:
                nonlocals.setdefault(name, (n.lineno, n.col_offset + 1))
        elif isinstance(n, (ast.Yield, ast.YieldFrom, ast.Await)) and first_yield == (0, 0):
            first_yield = (n.lineno, n.col_offset + 1)
        for child in ast.iter_child_nodes(n):
            visit(child, False)

    visit(node, True)
    return hidden, globals_, nonlocals, first_yield


def _copy_tree(n):
    """A deep copy of a syntax tree (what copy.deepcopy does for ast nodes, several times faster):
    nodes keep their type and every attribute, lists are copied, leaves are shared."""
    if isinstance(n, ast.AST):
        new = n.__class__.__new__(n.__class__)
        new.__dict__.update({k: _copy_tree(v) for k, v in n.__dict__.items()})
        return new
    if isinstance(n, list):
        return [_copy_tree(x) for x in n]
    return n


def function_ast(func):
    """(FunctionDef node ready for the flow builder, None) or (None, error message)."""
    node, error = find_function_node(func)
    if node is None:
        return None, error
    node = _copy_tree(node)
    _number_nested_functions(node)
    if isinstance(node, ast.Lambda):
        ret = ast.Return(node.body)
        ast.copy_location(ret, node.body)
        fdef = ast.FunctionDef(name="<lambda>", args=node.args, body=[ret], decorator_list=[],
                               returns=None, type_comment=None)
        ast.copy_location(fdef, node)
        fdef.is_lambda = True
        node = fdef
    node.body = ComprehensionRewriter().statements(node.body)
    ast.fix_missing_locations(node)
    return node, None


# ---------------------------------------------------------------------------------------------
# Comprehensions into loops

_COMPREHENSIONS = (ast.ListComp, ast.DictComp)


def _contains_comprehension(node):
    if node is None:
        return False
    if isinstance(node, _COMPREHENSIONS):
        return True
    if isinstance(node, (ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return False
    for child in ast.iter_child_nodes(node):
        if _contains_comprehension(child):
            return True
    return False


def _is_atomic(node):
    return isinstance(node, (ast.Name, ast.Constant))


def _located(node, where):
    return ast.copy_location(node, where)


def _name(identifier, where, ctx=None):
    return _located(ast.Name(id=identifier, ctx=ctx or ast.Load()), where)


def _assign(identifier, value, where):
    return _located(ast.Assign(targets=[_name(identifier, where, ast.Store())], value=value,
                               type_comment=None), where)


class _Renamer(ast.NodeTransformer):
    """Renames the names bound by a comprehension inside its own scope."""

    def __init__(self, mapping):
        self.mapping = mapping

    def visit_Name(self, node):
        if node.id in self.mapping:
            return _located(ast.Name(id=self.mapping[node.id], ctx=node.ctx), node)
        return node

    def visit_Lambda(self, node):
        return node  # its own scope: flowed separately

    def visit_ListComp(self, node):
        return self._inner(node)

    def visit_DictComp(self, node):
        return self._inner(node)

    def visit_SetComp(self, node):
        return self._inner(node)

    def visit_GeneratorExp(self, node):
        return self._inner(node)

    def _inner(self, node):
        # An inner comprehension's own targets shadow ours.
        bound = set()
        for gen in node.generators:
            for n in ast.walk(gen.target):
                if isinstance(n, ast.Name):
                    bound.add(n.id)
        inner = _Renamer({k: v for k, v in self.mapping.items() if k not in bound})
        node.generators[0].iter = self.visit(node.generators[0].iter)
        for i, gen in enumerate(node.generators):
            if i:
                gen.iter = inner.visit(gen.iter)
            gen.ifs = [inner.visit(c) for c in gen.ifs]
        for field in ("elt", "key", "value"):
            if hasattr(node, field):
                setattr(node, field, inner.visit(getattr(node, field)))
        return node


# The children of an expression in the order Python evaluates them: (field, index or None).
def _evaluation_order(node):
    order = []
    if isinstance(node, ast.Call):
        order.append(("func", None))
        order += [("args", i) for i in range(len(node.args))]
        order += [("keywords", i) for i in range(len(node.keywords))]
    elif isinstance(node, ast.Dict):
        for i in range(len(node.keys)):
            if node.keys[i] is not None:
                order.append(("keys", i))
            order.append(("values", i))
    elif isinstance(node, ast.Compare):
        order.append(("left", None))
        order += [("comparators", i) for i in range(len(node.comparators))]
    else:
        for field, value in ast.iter_fields(node):
            if isinstance(value, ast.AST) and not isinstance(value, (ast.expr_context, ast.operator,
                                                                        ast.unaryop, ast.cmpop,
                                                                        ast.boolop)):
                order.append((field, None))
            elif isinstance(value, list):
                order += [(field, i) for i, v in enumerate(value) if isinstance(v, ast.AST)]
    return order


def _get(node, field, index):
    value = getattr(node, field)
    if index is not None:
        value = value[index]
    if isinstance(value, ast.keyword):
        value = value.value
    return value


def _set(node, field, index, new):
    if index is None:
        setattr(node, field, new)
        return
    items = getattr(node, field)
    if isinstance(items[index], ast.keyword):
        items[index].value = new
    else:
        items[index] = new


class ComprehensionRewriter:
    def __init__(self):
        self.counter = 0

    def fresh(self, prefix):
        name = ".%s%d" % (prefix, self.counter)
        self.counter += 1
        return name

    # ---- statements

    def statements(self, body):
        out = []
        for stmt in body:
            out += self.statement(stmt)
        return out

    def statement(self, stmt):
        for field in ("body", "orelse", "finalbody"):
            if hasattr(stmt, field) and isinstance(getattr(stmt, field), list):
                setattr(stmt, field, self.statements(getattr(stmt, field)))
        if isinstance(stmt, ast.Try):
            for h in stmt.handlers:
                h.body = self.statements(h.body)
        fields = {
            ast.Expr: ["value"], ast.Assign: ["value"], ast.AugAssign: ["value"],
            ast.AnnAssign: ["value"], ast.Return: ["value"], ast.If: ["test"],
            ast.For: ["iter"], ast.With: [], ast.Raise: ["exc", "cause"], ast.Assert: ["test"],
            ast.While: ["test"],
        }.get(type(stmt))
        if fields is None:
            return [stmt]
        if isinstance(stmt, ast.With):
            return self.with_statement(stmt)
        if not any(_contains_comprehension(getattr(stmt, f)) for f in fields):
            return [stmt]
        if isinstance(stmt, ast.While):
            return self.while_statement(stmt)
        pre = []
        self.temps = []
        start = len(pre)
        for f in fields:
            value = getattr(stmt, f)
            if value is not None:
                setattr(stmt, f, self.expression(value, pre))
        hidden = self.temps
        out = pre + [stmt]
        if not isinstance(stmt, (ast.Return, ast.Raise, ast.If, ast.For)) and hidden:
            out.append(_located(ast.Delete(targets=[_name(n, stmt, ast.Del()) for n in hidden]), stmt))
        return out

    def with_statement(self, stmt):
        if not any(_contains_comprehension(item.context_expr) for item in stmt.items):
            return [stmt]
        pre = []
        self.temps = []
        for item in stmt.items:
            item.context_expr = self.expression(item.context_expr, pre)
        return pre + [stmt]

    def while_statement(self, stmt):
        # while TEST: BODY else: ORELSE  ->  while True: PRE; if not T: ORELSE; break; BODY
        pre = []
        self.temps = []
        test = self.expression(stmt.test, pre)
        brk = _located(ast.Break(), stmt)
        not_test = _located(ast.UnaryOp(op=ast.Not(), operand=test), stmt)
        exit_if = _located(ast.If(test=not_test, body=stmt.orelse + [brk], orelse=[]), stmt)
        loop = _located(ast.While(test=_located(ast.Constant(value=True), stmt),
                                  body=pre + [exit_if] + stmt.body, orelse=[]), stmt)
        return [loop]

    # ---- expressions: returns the expression to use in place of `node`, after appending to
    # `pre` the statements that must run first.

    def temp(self, value, pre, where):
        name = self.fresh("t")
        self.temps.append(name)
        pre.append(_assign(name, value, where))
        return _name(name, where)

    def expression(self, node, pre):
        if not _contains_comprehension(node):
            return node
        if isinstance(node, _COMPREHENSIONS):
            return self.comprehension(node, pre)
        if isinstance(node, ast.IfExp):
            result = self.fresh("t")
            self.temps.append(result)
            test = self.expression(node.test, pre)
            body_pre, else_pre = [], []
            body = self.expression(node.body, body_pre)
            orelse = self.expression(node.orelse, else_pre)
            pre.append(_located(ast.If(test=test, body=body_pre + [_assign(result, body, node)],
                                       orelse=else_pre + [_assign(result, orelse, node)]), node))
            return _name(result, node)
        if isinstance(node, ast.BoolOp):
            result = self.fresh("t")
            self.temps.append(result)
            first = self.expression(node.values[0], pre)
            pre.append(_assign(result, first, node))
            self.bool_rest(node, node.values[1:], result, pre)
            return _name(result, node)
        order = _evaluation_order(node)
        last = max((i for i, (f, k) in enumerate(order)
                    if _contains_comprehension(_get(node, f, k))), default=-1)
        for i, (field, index) in enumerate(order[:last + 1]):
            child = _get(node, field, index)
            if _contains_comprehension(child):
                new = self.expression(child, pre)
                if i < last and not _is_atomic(new):
                    new = self.temp(new, pre, child)
            elif not _is_atomic(child) and not isinstance(child, ast.Starred):
                new = self.temp(child, pre, child)
            else:
                new = child
            _set(node, field, index, new)
        return node

    def bool_rest(self, node, values, result, pre):
        if not values:
            return
        test = _name(result, node)
        if isinstance(node.op, ast.Or):
            test = _located(ast.UnaryOp(op=ast.Not(), operand=test), node)
        inner = []
        value = self.expression(values[0], inner)
        inner.append(_assign(result, value, node))
        self.bool_rest(node, values[1:], result, inner)
        pre.append(_located(ast.If(test=test, body=inner, orelse=[]), node))

    def comprehension(self, node, pre):
        result = self.fresh("t")
        self.temps.append(result)
        scope = self.fresh("c")
        empty = ast.List(elts=[], ctx=ast.Load()) if isinstance(node, ast.ListComp) else \
            ast.Dict(keys=[], values=[])
        pre.append(_assign(result, _located(empty, node), node))
        mapping = {}
        for gen in node.generators:
            for n in ast.walk(gen.target):
                if isinstance(n, ast.Name):
                    mapping[n.id] = "%s.%s" % (scope, n.id)
                    if mapping[n.id] not in self.temps:
                        self.temps.append(mapping[n.id])
        renamer = _Renamer(mapping)
        # The innermost statement: append the element (or store the key and value).
        inner = []
        if isinstance(node, ast.ListComp):
            elt = self.expression(renamer.visit(node.elt), inner)
            append = _located(ast.Attribute(value=_name(result, node), attr="append", ctx=ast.Load()), node)
            inner.append(_located(ast.Expr(value=_located(ast.Call(func=append, args=[elt], keywords=[]),
                                                          node.elt)), node.elt))
        else:
            key = self.expression(renamer.visit(node.key), inner)
            value = self.expression(renamer.visit(node.value), inner)
            target = _located(ast.Subscript(value=_name(result, node), slice=key, ctx=ast.Store()), node.key)
            inner.append(_located(ast.Assign(targets=[target], value=value, type_comment=None), node.key))
        for i in range(len(node.generators) - 1, -1, -1):
            gen = node.generators[i]
            for cond in reversed(gen.ifs):
                cond_pre = []
                test = self.expression(renamer.visit(cond), cond_pre)
                inner = cond_pre + [_located(ast.If(test=test, body=inner, orelse=[]), cond)]
            target = renamer.visit(gen.target)
            if i == 0:
                iterable = self.expression(gen.iter, pre)
            else:
                iter_pre = []
                iterable = self.expression(renamer.visit(gen.iter), iter_pre)
                if iter_pre:
                    inner_loop = _located(ast.For(target=target, iter=iterable, body=inner, orelse=[],
                                                  type_comment=None), gen.iter)
                    inner = iter_pre + [inner_loop]
                    continue
            inner = [_located(ast.For(target=target, iter=iterable, body=inner, orelse=[],
                                      type_comment=None), gen.iter)]
        pre += inner
        return _name(result, node)
