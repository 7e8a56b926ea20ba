"""The scanner: source text -> tokens, on demand (the compiler asks for one token at a time).

As clox's scanner, with the source as a str of code points. A token is its type, its lexeme's start
and length in the source, and its line; an error token carries its message instead of a lexeme.
"""

# Token types (ints: RPython has no enums).
T_LEFT_PAREN = 0
T_RIGHT_PAREN = 1
T_LEFT_BRACE = 2
T_RIGHT_BRACE = 3
T_COMMA = 4
T_DOT = 5
T_MINUS = 6
T_PLUS = 7
T_SEMICOLON = 8
T_SLASH = 9
T_STAR = 10
T_BANG = 11
T_BANG_EQUAL = 12
T_EQUAL = 13
T_EQUAL_EQUAL = 14
T_GREATER = 15
T_GREATER_EQUAL = 16
T_LESS = 17
T_LESS_EQUAL = 18
T_IDENTIFIER = 19
T_STRING = 20
T_NUMBER = 21
T_AND = 22
T_CLASS = 23
T_ELSE = 24
T_FALSE = 25
T_FOR = 26
T_FUN = 27
T_IF = 28
T_NIL = 29
T_OR = 30
T_PRINT = 31
T_RETURN = 32
T_SUPER = 33
T_THIS = 34
T_TRUE = 35
T_VAR = 36
T_WHILE = 37
T_ERROR = 38
T_EOF = 39
NUM_TOKEN_TYPES = 40

KEYWORDS = {
    "and": T_AND, "class": T_CLASS, "else": T_ELSE, "false": T_FALSE, "for": T_FOR,
    "fun": T_FUN, "if": T_IF, "nil": T_NIL, "or": T_OR, "print": T_PRINT, "return": T_RETURN,
    "super": T_SUPER, "this": T_THIS, "true": T_TRUE, "var": T_VAR, "while": T_WHILE,
}


class Token(object):
    _immutable_fields_ = ['type', 'text', 'line']

    def __init__(self, type, text, line):
        self.type = type
        self.text = text    # the lexeme, or the message of an error token
        self.line = line


def is_alpha(c):
    return ('a' <= c <= 'z') or ('A' <= c <= 'Z') or c == '_'


def is_digit(c):
    return '0' <= c <= '9'


class Scanner(object):
    def __init__(self, source):
        self.source = source
        self.start = 0
        self.current = 0
        self.line = 1

    def is_at_end(self):
        return self.current >= len(self.source)

    def advance(self):
        c = self.source[self.current]
        self.current += 1
        return c

    def peek(self):
        if self.current >= len(self.source):
            return '\0'
        return self.source[self.current]

    def peek_next(self):
        if self.current + 1 >= len(self.source):
            return '\0'
        return self.source[self.current + 1]

    def match(self, expected):
        if self.is_at_end() or self.source[self.current] != expected:
            return False
        self.current += 1
        return True

    def make_token(self, type):
        return Token(type, self.source[self.start:self.current], self.line)

    def error_token(self, message):
        return Token(T_ERROR, message, self.line)

    def skip_whitespace(self):
        while True:
            c = self.peek()
            if c == ' ' or c == '\r' or c == '\t':
                self.current += 1
            elif c == '\n':
                self.line += 1
                self.current += 1
            elif c == '/' and self.peek_next() == '/':
                while self.peek() != '\n' and not self.is_at_end():
                    self.current += 1
            else:
                return

    def scan_token(self):
        self.skip_whitespace()
        self.start = self.current
        if self.is_at_end():
            return Token(T_EOF, "", self.line)
        c = self.advance()
        if is_alpha(c):
            return self.identifier()
        if is_digit(c):
            return self.number()
        if c == '(':
            return self.make_token(T_LEFT_PAREN)
        if c == ')':
            return self.make_token(T_RIGHT_PAREN)
        if c == '{':
            return self.make_token(T_LEFT_BRACE)
        if c == '}':
            return self.make_token(T_RIGHT_BRACE)
        if c == ';':
            return self.make_token(T_SEMICOLON)
        if c == ',':
            return self.make_token(T_COMMA)
        if c == '.':
            return self.make_token(T_DOT)
        if c == '-':
            return self.make_token(T_MINUS)
        if c == '+':
            return self.make_token(T_PLUS)
        if c == '/':
            return self.make_token(T_SLASH)
        if c == '*':
            return self.make_token(T_STAR)
        if c == '!':
            return self.make_token(T_BANG_EQUAL if self.match('=') else T_BANG)
        if c == '=':
            return self.make_token(T_EQUAL_EQUAL if self.match('=') else T_EQUAL)
        if c == '<':
            return self.make_token(T_LESS_EQUAL if self.match('=') else T_LESS)
        if c == '>':
            return self.make_token(T_GREATER_EQUAL if self.match('=') else T_GREATER)
        if c == '"':
            return self.string()
        return self.error_token("Unexpected character.")

    def identifier(self):
        while is_alpha(self.peek()) or is_digit(self.peek()):
            self.current += 1
        text = self.source[self.start:self.current]
        return Token(KEYWORDS.get(text, T_IDENTIFIER), text, self.line)

    def number(self):
        while is_digit(self.peek()):
            self.current += 1
        # A fractional part needs a digit after the dot.
        if self.peek() == '.' and is_digit(self.peek_next()):
            self.current += 1
            while is_digit(self.peek()):
                self.current += 1
        return self.make_token(T_NUMBER)

    def string(self):
        while self.peek() != '"' and not self.is_at_end():
            if self.peek() == '\n':
                self.line += 1
            self.current += 1
        if self.is_at_end():
            return self.error_token("Unterminated string.")
        self.current += 1  # the closing quote
        return self.make_token(T_STRING)
