"""The bytecode: one int per instruction and one per operand (so no operand has a 256 limit).

Jump operands are absolute positions in the code. `STACK_EFFECT` (for the compiler's count of
the deepest stack a function needs) is the change in stack depth of each instruction.
"""

# name, number of operands, stack effect (CALL/INVOKE/SUPER_INVOKE/CLOSURE adjust for their operands)
_OPCODES = [
    ("CONSTANT", 1, 1),        # index into constants_w
    ("NIL", 0, 1),
    ("TRUE", 0, 1),
    ("FALSE", 0, 1),
    ("POP", 0, -1),
    ("GET_LOCAL", 1, 1),       # slot
    ("SET_LOCAL", 1, 0),
    ("GET_GLOBAL", 1, 1),      # index into the code's global cells
    ("DEFINE_GLOBAL", 1, -1),
    ("SET_GLOBAL", 1, 0),
    ("GET_UPVALUE", 1, 1),     # index into the closure's upvalues
    ("SET_UPVALUE", 1, 0),
    ("GET_PROPERTY", 1, 0),    # index into sites (PropertySites)
    ("SET_PROPERTY", 1, -1),
    ("GET_SUPER", 1, -1),
    ("EQUAL", 0, -1),
    ("GREATER", 0, -1),
    ("LESS", 0, -1),
    ("ADD", 0, -1),
    ("SUBTRACT", 0, -1),
    ("MULTIPLY", 0, -1),
    ("DIVIDE", 0, -1),
    ("NOT", 0, 0),
    ("NEGATE", 0, 0),
    ("PRINT", 0, -1),
    ("JUMP", 1, 0),            # target
    ("JUMP_IF_FALSE", 1, 0),   # target; the condition stays on the stack (`and`, `or`)
    ("POP_JUMP_IF_FALSE", 1, -1),  # target; pops the condition (`if`, `while`, `for`)
    ("LOOP", 1, 0),            # target (backwards: where the JIT may start a loop)
    ("CALL", 1, 0),            # argument count; effect -argc
    ("INVOKE", 2, 0),          # site, argument count; effect -argc
    ("SUPER_INVOKE", 2, -1),   # site, argument count; effect -argc-1
    ("CLOSURE", 1, 1),         # constant; then (is_local, index) per upvalue
    ("CLOSE_UPVALUE", 0, -1),
    ("RETURN", 0, -1),
    ("CLASS", 1, 1),           # index into symbols
    ("INHERIT", 0, -1),
    ("METHOD", 1, -1),         # index into symbols
]

OPCODE_NAMES = []
OPERAND_COUNT = []
STACK_EFFECT = []
for _i, (_name, _operands, _effect) in enumerate(_OPCODES):
    globals()[_name] = _i
    OPCODE_NAMES.append(_name)
    OPERAND_COUNT.append(_operands)
    STACK_EFFECT.append(_effect)
del _i, _name, _operands, _effect
