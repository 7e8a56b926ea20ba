// The LL text parser (ll_parser.h). Three steps over the tokens: declare every struct and opaque
// name (so types may refer to later ones), read every graph header (so calls may refer to later
// graphs), then read everything in order.
#include "translator/ll/ll_parser.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "rtyper/lltype/operation_table.h"
#include "rtyper/lltype/symbolic.h"
#include "translator/diagnostics.h"
#include "translator/ll/helper_table.h"
#include "translator/ll/ll_constants.h"
#include "translator/ll/ll_lexer.h"
#include "translator/ll/ll_typecheck.h"

namespace rpp::ll {

using namespace lltype;
using flow::Block;
using flow::Constant;
using flow::FunctionGraph;
using flow::Link;
using flow::Value;
using flow::Variable;

namespace {

struct ParseError {
  std::string message;
  int line, col;
};

bool is_item_keyword(const Token& t) {
  return t.kind == TokenKind::Ident &&
         (t.text == "struct" || t.text == "gcstruct" || t.text == "opaque" || t.text == "gcopaque" || t.text == "graph");
}

bool is_mutability(const std::string& w, FieldMutability& m) {
  if (w == "immutable") m = FieldMutability::Immutable;
  else if (w == "immutable_array") m = FieldMutability::ImmutableArray;
  else if (w == "quasi_immutable") m = FieldMutability::QuasiImmutable;
  else if (w == "quasi_immutable_array") m = FieldMutability::QuasiImmutableArray;
  else return false;
  return true;
}

// What a graph's body needs while it is read.
struct GraphScope {
  FunctionGraph* graph = nullptr;
  const FuncType* type = nullptr;
  std::map<std::string, Block*> labels;
  std::map<const Block*, Token> first_reference;
  std::set<const Block*> defined;
  struct VarInfo {
    Variable* var;
    const Block* block;  // nullptr: bound on a link
  };
  std::map<std::string, VarInfo> vars;
  struct PendingLink {
    Link* link;
    Token at;
  };
  std::vector<PendingLink> links;
};

class Parser {
 public:
  Parser(std::vector<Token> tokens, std::string path, TypeArena& arena, LLModule* module)
      : tokens_(std::move(tokens)), path_(std::move(path)), arena_(arena), module_(module),
        file_(std::make_shared<const std::string>(path_)) {}

  void parse_module() {
    declare_names();
    read_graph_headers();
    pos_ = 0;
    while (peek().kind != TokenKind::End) {
      const Token& t = peek();
      if (t.kind == TokenKind::Ident && (t.text == "struct" || t.text == "gcstruct")) parse_struct();
      else if (t.kind == TokenKind::Ident && (t.text == "opaque" || t.text == "gcopaque")) parse_opaque();
      else if (t.kind == TokenKind::Ident && t.text == "graph") parse_graph();
      else fail(t, "expected a declaration (struct, gcstruct, opaque, gcopaque or graph), found " + describe(t));
    }
    // The graphs an indirect_call may call have its function type (checked once all are read).
    for (auto& pending : pending_sets_)
      for (FunctionGraph* g : pending.set->graphs())
        if (scope_type_of(g) != pending.type)
          fail(pending.at, "graph @" + g->name + " in the set has type " + scope_type_of(g)->to_string() +
                               ", the call is through " + pending.type->to_string());
  }

  const LowLevelType* parse_type() {
    Token t = next();
    if (t.kind != TokenKind::Ident) fail(t, "expected a type, found " + describe(t));
    if (const Primitive* p = primitive_named(t.text)) return p;
    try {
      if (t.text == "Ptr") {
        expect_punct("(", "after Ptr");
        Token inner_at = peek();
        const LowLevelType* inner = parse_type();
        expect_punct(")", "to close Ptr(");
        auto* c = dynamic_cast<const ContainerType*>(inner);
        if (!c) fail(inner_at, "Ptr needs a container type (struct, array, function or opaque), not " + inner->to_string());
        return arena_.ptr(c);
      }
      if (t.text == "Array" || t.text == "GcArray") {
        expect_punct("(", "after " + t.text);
        const LowLevelType* item = parse_type();
        ArrayHints hints;
        while (accept_punct(",")) {
          Token h = next();
          if (h.kind == TokenKind::Ident && h.text == "immutable") hints.immutable = true;
          else if (h.kind == TokenKind::Ident && h.text == "nolength") hints.nolength = true;
          else fail(h, "expected an array hint (immutable, nolength), found " + describe(h));
        }
        expect_punct(")", "to close " + t.text + "(");
        return arena_.array(item, t.text == "GcArray", hints);
      }
      if (t.text == "Func") {
        expect_punct("(", "after Func");
        std::vector<const LowLevelType*> args;
        if (!accept_punct(")")) {
          do args.push_back(parse_type());
          while (accept_punct(","));
          expect_punct(")", "to close Func(");
        }
        expect_punct("->", "after the arguments of Func(...)");
        const LowLevelType* result = parse_type();
        return arena_.func(std::move(args), result);
      }
    } catch (const TypeError& e) {
      fail(t, e.what());
    }
    if (const ContainerType* named = arena_.find_named(t.text)) return named;
    fail(t, "unknown type '" + t.text + "'");
  }

  void expect_end() {
    if (peek().kind != TokenKind::End) fail(peek(), "unexpected " + describe(peek()) + " after the type");
  }

 private:
  // ----------------------------------------------------------------------------- tokens

  const Token& peek(size_t ahead = 0) const {
    size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
    return tokens_[i];
  }
  Token next() {
    Token t = peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool is_punct(const Token& t, const char* p) const { return t.kind == TokenKind::Punct && t.text == p; }
  bool is_word(const Token& t, const char* w) const { return t.kind == TokenKind::Ident && t.text == w; }
  bool accept_punct(const char* p) {
    if (!is_punct(peek(), p)) return false;
    next();
    return true;
  }
  bool accept_word(const char* w) {
    if (!is_word(peek(), w)) return false;
    next();
    return true;
  }
  void expect_punct(const char* p, const std::string& context) {
    if (!accept_punct(p)) fail(peek(), std::string("expected '") + p + "' " + context + ", found " + describe(peek()));
  }
  Token expect_ident(const std::string& what) {
    if (peek().kind != TokenKind::Ident) fail(peek(), "expected " + what + ", found " + describe(peek()));
    return next();
  }
  static std::string describe(const Token& t) {
    switch (t.kind) {
      case TokenKind::End: return "the end of the file";
      case TokenKind::Global: return "'@" + t.text + "'";
      case TokenKind::Helper: return "'$" + t.text + "'";
      case TokenKind::String: return "a string";
      case TokenKind::CharLit:
      case TokenKind::UniCharLit: return "a character";
      default: return "'" + t.text + "'";
    }
  }
  [[noreturn]] void fail(const Token& at, const std::string& message) const { throw ParseError{message, at.line, at.col}; }

  // Skips one top-level item: balanced brackets, up to the next item keyword at depth 0.
  void skip_item() {
    next();
    int depth = 0;
    while (peek().kind != TokenKind::End) {
      const Token& t = peek();
      if (depth == 0 && is_item_keyword(t)) return;
      if (is_punct(t, "(") || is_punct(t, "{") || is_punct(t, "[")) ++depth;
      if (is_punct(t, ")") || is_punct(t, "}") || is_punct(t, "]")) --depth;
      next();
    }
  }

  // ----------------------------------------------------------------------------- declarations

  void declare_names() {
    pos_ = 0;
    while (peek().kind != TokenKind::End) {
      const Token& t = peek();
      bool is_struct = is_word(t, "struct") || is_word(t, "gcstruct");
      bool is_opaque = is_word(t, "opaque") || is_word(t, "gcopaque");
      if ((is_struct || is_opaque) && peek(1).kind == TokenKind::Ident) {
        Token name = peek(1);
        try {
          if (is_struct) arena_.declare_struct(name.text, t.text == "gcstruct");
          else arena_.opaque(name.text, t.text == "gcopaque");
        } catch (const TypeError& e) {
          fail(name, e.what());
        }
      }
      if (is_word(t, "graph")) graph_positions_.push_back(pos_);
      skip_item();
    }
  }

  void parse_struct() {
    bool gc = next().text == "gcstruct";
    Token name = expect_ident("a struct name");
    Struct* s = arena_.declare_struct(name.text, gc);
    StructHints hints;
    for (;;) {
      if (accept_word("immutable")) {
        hints.immutable = true;
      } else if (accept_word("virtualizable")) {
        hints.virtualizable = true;
        if (accept_punct("(") && !accept_punct(")")) {
          do {
            std::string field = expect_ident("a virtualizable field").text;
            if (accept_punct("[")) {
              expect_punct("*", "in `field[*]`");
              expect_punct("]", "in `field[*]`");
              field += "[*]";
            }
            hints.virtualizable_fields.push_back(field);
          } while (accept_punct(","));
          expect_punct(")", "to close virtualizable(");
        }
      } else {
        break;
      }
    }
    if (!accept_punct("{")) {
      if (hints.immutable || hints.virtualizable) fail(peek(), "expected '{' and the fields of " + name.text);
      return;  // a declaration only
    }
    std::vector<StructField> fields;
    std::vector<Token> field_tokens;
    while (!accept_punct("}")) {
      Token field_name = expect_ident("a field name or '}'");
      field_tokens.push_back(field_name);
      expect_punct(":", "after the field name");
      StructField f;
      f.name = field_name.text;
      f.type = parse_type();
      FieldMutability m;
      if (peek().kind == TokenKind::Ident && is_mutability(peek().text, m) && !is_punct(peek(1), ":")) {
        next();
        f.mutability = m;
      }
      fields.push_back(f);
      accept_punct(",");
    }
    if (s->defined()) fail(name, "struct " + name.text + " is defined twice");
    try {
      arena_.define_struct(s, std::move(fields), std::move(hints));
    } catch (const TypeError& e) {
      fail(e.field_index() >= 0 ? field_tokens[e.field_index()] : name, e.what());
    }
  }

  void parse_opaque() {
    next();
    expect_ident("an opaque type name");
  }

  // ----------------------------------------------------------------------------- graphs

  std::vector<size_t> graph_positions_;
  std::map<size_t, GraphScope> scopes_by_position_;

  void read_graph_headers() {
    for (size_t p : graph_positions_) {
      pos_ = p;
      parse_graph_header();
    }
  }

  // `graph @name(T, ...) -> T [except(T, T)] [flags] [loc(...)] {`; makes the graph the first
  // time it is read.
  GraphScope& parse_graph_header() {
    size_t start = pos_;
    next();  // graph
    Token name = next();
    if (name.kind != TokenKind::Global) fail(name, "expected the graph's name (@name), found " + describe(name));
    expect_punct("(", "after the graph name");
    std::vector<const LowLevelType*> args;
    if (!accept_punct(")")) {
      do args.push_back(parse_type());
      while (accept_punct(","));
      expect_punct(")", "to close the argument types");
    }
    expect_punct("->", "before the result type");
    Token result_at = peek();
    const LowLevelType* result = parse_type();
    const LowLevelType* etype = nullptr;
    const LowLevelType* evalue = nullptr;
    if (accept_word("except")) {
      expect_punct("(", "after except");
      etype = parse_type();
      expect_punct(",", "between the exception types");
      evalue = parse_type();
      expect_punct(")", "to close except(");
    }
    flow::GraphFlags flags;
    if (accept_punct("[")) {
      if (!accept_punct("]")) {
        do parse_graph_flag(flags);
        while (accept_punct(","));
        expect_punct("]", "to close the graph flags");
      }
    }
    flow::SourceLocation location;
    bool has_location = is_word(peek(), "loc");
    if (has_location) location = parse_location();
    if (!is_punct(peek(), "{")) fail(peek(), "expected '{' to open the graph body, found " + describe(peek()));

    auto it = scopes_by_position_.find(start);
    if (it != scopes_by_position_.end()) return it->second;
    if (module_->find_graph(name.text)) fail(name, "graph @" + name.text + " is defined twice");
    auto graph = std::make_unique<FunctionGraph>(name.text);
    graph->flags = flags;
    graph->location = has_location ? location : flow::SourceLocation{file_, name.line, name.col, nullptr};
    graph->returnblock->inputargs[0]->concretetype = result;
    if (!etype) {
      etype = arena_.ptr(arena_.find_struct("object_vtable"));
      evalue = arena_.ptr(arena_.find_struct("object"));
    }
    graph->exceptblock->inputargs[0]->concretetype = etype;
    graph->exceptblock->inputargs[1]->concretetype = evalue;
    GraphScope& scope = scopes_by_position_[start];
    try {
      scope.type = arena_.func(args, result);
    } catch (const TypeError& e) {
      fail(result_at, e.what());
    }
    scope.graph = module_->add_graph(std::move(graph));
    return scope;
  }

  void parse_graph_flag(flow::GraphFlags& flags) {
    Token f = expect_ident("a graph flag");
    if (f.text == "elidable") flags.elidable = true;
    else if (f.text == "dont_look_inside") flags.dont_look_inside = true;
    else if (f.text == "unroll_safe") flags.unroll_safe = true;
    else if (f.text == "look_inside_iff") flags.look_inside_iff = true;
    else if (f.text == "loop_invariant") flags.loop_invariant = true;
    else if (f.text == "always_inline") flags.always_inline = true;
    else if (f.text == "dont_inline") flags.dont_inline = true;
    else if (f.text == "oopspec") {
      expect_punct("(", "after oopspec");
      Token s = next();
      if (s.kind != TokenKind::String) fail(s, "expected the oopspec as a string");
      flags.oopspec = s.text;
      expect_punct(")", "to close oopspec(");
    } else {
      fail(f, "unknown graph flag '" + f.text + "'");
    }
  }

  flow::SourceLocation parse_location() {
    next();  // loc
    expect_punct("(", "after loc");
    std::vector<flow::SourceLocation> chain;
    do {
      Token file = next();
      if (file.kind != TokenKind::String) fail(file, "expected a file name string in loc(...)");
      expect_punct(":", "after the file name");
      Token line = next();
      expect_punct(":", "after the line");
      Token col = next();
      if (line.kind != TokenKind::Int || col.kind != TokenKind::Int) fail(line, "expected LINE:COL numbers in loc(...)");
      chain.push_back({std::make_shared<const std::string>(file.text), std::atoi(line.text.c_str()),
                       std::atoi(col.text.c_str()), nullptr});
    } while (accept_punct(","));
    expect_punct(")", "to close loc(");
    for (size_t i = chain.size() - 1; i > 0; --i)
      chain[i - 1].inlined_at = std::make_shared<const flow::SourceLocation>(chain[i]);
    return chain[0];
  }

  void parse_graph() {
    GraphScope& scope = parse_graph_header();
    expect_punct("{", "to open the graph body");
    FunctionGraph* g = scope.graph;
    if (is_punct(peek(), "}")) fail(peek(), "graph @" + g->name + " has no blocks");
    while (!accept_punct("}")) parse_block(scope);
    for (auto& [label, block] : scope.labels)
      if (!scope.defined.count(block)) fail(scope.first_reference[block], "undefined block '" + label + "'");
    for (auto& pending : scope.links) check_link(pending.link, pending.at);
    auto& inputs = g->startblock->inputargs;
    bool same = inputs.size() == scope.type->args().size();
    for (size_t i = 0; same && i < inputs.size(); ++i) same = inputs[i]->concretetype == scope.type->args()[i];
    if (!same) fail(block_token_[g->startblock], "the start block's arguments differ from the graph's argument types");
  }

  void check_link(Link* link, const Token& at) {
    auto& inputs = link->target->inputargs;
    if (link->args.size() != inputs.size())
      fail(at, "the target takes " + std::to_string(inputs.size()) + " value" + (inputs.size() == 1 ? "" : "s") + ", " +
                   std::to_string(link->args.size()) + " given");
    for (size_t i = 0; i < inputs.size(); ++i)
      if (link->args[i]->concretetype != inputs[i]->concretetype)
        fail(at, "value " + std::to_string(i + 1) + " passed to the target is " + link->args[i]->concretetype->to_string() +
                     ", the target expects " + inputs[i]->concretetype->to_string());
  }

  std::map<const Block*, Token> block_token_;

  Block* block_named(GraphScope& scope, const Token& label) {
    auto it = scope.labels.find(label.text);
    if (it != scope.labels.end()) return it->second;
    Block* b = scope.graph->new_block();
    scope.labels[label.text] = b;
    scope.first_reference[b] = label;
    return b;
  }

  Variable* define_variable(GraphScope& scope, const Token& name, const LowLevelType* type, const Block* block) {
    if (scope.vars.count(name.text)) fail(name, "variable '" + name.text + "' is defined twice");
    static const std::set<std::string> reserved = {"true", "false", "none", "null", "inf", "nan", "default", "ok",
                                                   "return", "except", "goto", "switch", "catch"};
    if (reserved.count(name.text)) fail(name, "'" + name.text + "' is a keyword, not a variable name");
    Variable* v = scope.graph->new_variable(hint_of(name.text));
    v->concretetype = type;
    scope.vars[name.text] = {v, block};
    return v;
  }

  // `n_3` -> "n", `v3` -> "", `acc` -> "acc".
  static std::string hint_of(const std::string& name) {
    size_t us = name.rfind('_');
    if (us != std::string::npos && us + 1 < name.size() &&
        name.find_first_not_of("0123456789", us + 1) == std::string::npos)
      return name.substr(0, us);
    if (name.size() > 1 && name[0] == 'v' && name.find_first_not_of("0123456789", 1) == std::string::npos) return "";
    return name;
  }

  void parse_block(GraphScope& scope) {
    Token label = expect_ident("a block label");
    if (label.text == "return" || label.text == "except")
      fail(label, "'" + label.text + "' is the graph's own block; it cannot be defined");
    Block* block = block_named(scope, label);
    if (scope.defined.count(block)) fail(label, "block '" + label.text + "' is defined twice");
    scope.defined.insert(block);
    block_token_[block] = label;
    if (!scope.graph->startblock) scope.graph->startblock = block;
    expect_punct("(", "after the block label");
    if (!accept_punct(")")) {
      do {
        Token name = expect_ident("an input variable");
        expect_punct(":", "after the variable name");
        const LowLevelType* t = parse_type();
        block->inputargs.push_back(define_variable(scope, name, t, block));
      } while (accept_punct(","));
      expect_punct(")", "to close the block's input variables");
    }
    expect_punct(":", "after the block header");
    for (;;) {
      const Token& t = peek();
      if (is_word(t, "goto") || is_word(t, "switch") || is_word(t, "catch")) break;
      if (t.kind != TokenKind::Ident)
        fail(t, "expected an operation or the block's exits (goto, switch, catch), found " + describe(t));
      parse_operation(scope, block);
    }
    parse_exits(scope, block);
  }

  void parse_operation(GraphScope& scope, Block* block) {
    Token result_name{};
    const LowLevelType* result_type = nullptr;
    if (peek().kind == TokenKind::Ident && is_punct(peek(1), ":")) {
      result_name = next();
      next();
      result_type = parse_type();
      expect_punct("=", "after the result's type");
    }
    Token opname = expect_ident("an operation name");
    const OperationInfo* info = find_operation(opname.text);
    if (!info) fail(opname, "unknown low-level operation '" + opname.text + "'");
    expect_punct("(", "after the operation name");
    flow::Operation op;
    op.opname = opname.text;
    if (!accept_punct(")")) {
      do op.args.push_back(parse_value(scope, block, nullptr));
      while (accept_punct(","));
      expect_punct(")", "to close the operands");
    }
    op.location = is_word(peek(), "loc") ? parse_location()
                                         : flow::SourceLocation{file_, (result_type ? result_name : opname).line,
                                                                (result_type ? result_name : opname).col, nullptr};
    if (result_type) {
      op.result = define_variable(scope, result_name, result_type, block);
    } else {
      op.result = scope.graph->new_variable();
      op.result->concretetype = &Void;
    }
    std::string error = check_operation(op, arena_);
    if (!error.empty()) fail(opname, error);
    if (op.opname == "indirect_call")
      if (auto* set = graph_set_of(static_cast<Constant*>(op.args.back())))
        pending_sets_.push_back({set, pointee<FuncType>(op.args[0]->concretetype), opname});
    block->operations.push_back(std::move(op));
  }

  // ----------------------------------------------------------------------------- exits

  void parse_exits(GraphScope& scope, Block* block) {
    Token keyword = next();
    if (keyword.text == "goto") {
      parse_link(scope, block, nullptr, nullptr);
      return;
    }
    if (keyword.text == "switch") {
      parse_switch(scope, block, keyword);
      return;
    }
    // catch
    if (block->operations.empty() || !find_operation(block->operations.back().opname)->can_raise())
      fail(keyword, "`catch` follows an operation that can raise; the block's last operation cannot");
    block->exitswitch = scope.graph->last_exception();
    expect_punct("{", "after catch");
    Token ok = peek();
    if (!accept_word("ok")) fail(ok, "the first exit of `catch` is `ok -> ...` (no exception)");
    expect_punct("->", "after ok");
    parse_link(scope, block, nullptr, nullptr);
    std::set<std::string> seen;
    while (!accept_punct("}")) {
      Token case_at = peek();
      Constant* c = parse_constant(scope);
      if (!seen.insert(format_case(c)).second) fail(case_at, "this exception case is already handled");
      std::map<std::string, Variable*> bound;
      Variable* etype = nullptr;
      Variable* evalue = nullptr;
      if (accept_word("as")) {
        expect_punct("(", "after as");
        etype = bind_link_variable(scope, bound);
        expect_punct(",", "between the exception type and value variables");
        evalue = bind_link_variable(scope, bound);
        expect_punct(")", "to close as(");
      }
      expect_punct("->", "after the exception case");
      Link* link = parse_link(scope, block, c, &bound);
      link->last_exception = etype;
      link->last_exc_value = evalue;
    }
  }

  Variable* bind_link_variable(GraphScope& scope, std::map<std::string, Variable*>& bound) {
    Token name = expect_ident("a variable name");
    expect_punct(":", "after the variable name");
    const LowLevelType* t = parse_type();
    Variable* v = define_variable(scope, name, t, nullptr);
    bound[name.text] = v;
    return v;
  }

  static std::string format_case(const Constant* c) {
    if (std::holds_alternative<flow::DefaultCase>(c->value)) return "default";
    return std::to_string(c->value.index()) + ":" +
           std::visit([](auto&& v) -> std::string {
             using V = std::decay_t<decltype(v)>;
             if constexpr (std::is_same_v<V, int64_t> || std::is_same_v<V, uint64_t>) return std::to_string(v);
             else if constexpr (std::is_same_v<V, bool>) return v ? "1" : "0";
             else if constexpr (std::is_same_v<V, std::shared_ptr<const flow::ConstPayload>>) return v ? v->repr() : "";
             else if constexpr (std::is_same_v<V, flow::GraphRef>) return v.graph ? v.graph->name : "";
             else return "";
           }, c->value);
  }

  void parse_switch(GraphScope& scope, Block* block, const Token& keyword) {
    Token value_at = peek();
    Value* v = parse_value(scope, block, nullptr);
    block->exitswitch = v;
    char kind = op_kind_of(v->concretetype);
    if (std::string("iulxbcw").find(kind) == std::string::npos)
      fail(value_at, "a switch is on a Bool, an integer or a character, not " + v->concretetype->to_string());
    expect_punct("{", "after the switch value");
    std::set<std::string> seen;
    bool has_default = false;
    while (!accept_punct("}")) {
      Token case_at = peek();
      Constant* c;
      if (accept_word("default")) {
        if (has_default) fail(case_at, "the switch has two default cases");
        has_default = true;
        c = scope.graph->new_constant(flow::DefaultCase{});
      } else {
        if (has_default) fail(case_at, "the default case comes last");
        c = parse_constant(scope);
        if (c->concretetype != v->concretetype)
          fail(case_at, "the case is " + c->concretetype->to_string() + ", the switch value is " +
                            v->concretetype->to_string());
        if (!seen.insert(format_case(c)).second) fail(case_at, "this case is already handled");
      }
      expect_punct("->", "after the case");
      parse_link(scope, block, c, nullptr);
    }
    if (block->exits.empty()) fail(keyword, "a switch needs at least one case");
    if (v->concretetype == &Bool && !has_default && block->exits.size() != 2)
      fail(keyword, "a switch on a Bool has the cases false and true");
  }

  Link* parse_link(GraphScope& scope, Block* block, Constant* exitcase, const std::map<std::string, Variable*>* bound) {
    Token target_at = next();
    Block* target;
    if (is_word(target_at, "return")) target = scope.graph->returnblock;
    else if (is_word(target_at, "except")) target = scope.graph->exceptblock;
    else if (target_at.kind == TokenKind::Ident) target = block_named(scope, target_at);
    else fail(target_at, "expected a target block (a label, return or except), found " + describe(target_at));
    expect_punct("(", "after the target");
    std::vector<Value*> args;
    if (!accept_punct(")")) {
      do args.push_back(parse_value(scope, block, bound));
      while (accept_punct(","));
      expect_punct(")", "to close the target's values");
    }
    Link* link = block->add_exit(target, std::move(args), exitcase);
    link->llexitcase = exitcase;
    scope.links.push_back({link, target_at});
    return link;
  }

  // ----------------------------------------------------------------------------- values

  bool starts_constant(size_t ahead = 0) const {
    const Token& t = peek(ahead);
    if (t.kind != TokenKind::Ident) return true;
    static const std::set<std::string> words = {"true", "false", "none", "null", "inf", "nan"};
    if (words.count(t.text)) return true;
    SymbolicKind k;
    return Symbolic::kind_from_keyword(t.text, k) && is_punct(peek(ahead + 1), "(");
  }

  Value* parse_value(GraphScope& scope, Block* block, const std::map<std::string, Variable*>* bound) {
    if (starts_constant()) return parse_constant(scope);
    Token name = next();
    if (bound) {
      auto b = bound->find(name.text);
      if (b != bound->end()) return b->second;
    }
    auto it = scope.vars.find(name.text);
    if (it == scope.vars.end()) fail(name, "undefined variable '" + name.text + "'");
    if (it->second.block != block) {
      if (!it->second.block) fail(name, "'" + name.text + "' is bound on another link");
      fail(name, "'" + name.text + "' is defined in another block; values cross blocks only as link arguments");
    }
    return it->second.var;
  }

  enum class Literal { Int, Float, Bool, Char, UniChar, Void, Null, Graph, Helper, Symbolic };

  Constant* parse_constant(GraphScope& scope) {
    Token t = next();
    flow::ConstValue value;
    const LowLevelType* default_type = nullptr;
    Literal literal;
    switch (t.kind) {
      case TokenKind::Int:
        literal = Literal::Int;
        default_type = &Signed;
        break;
      case TokenKind::Float:
        literal = Literal::Float;
        value = std::strtod(t.text.c_str(), nullptr);
        default_type = &Float;
        break;
      case TokenKind::String:
        literal = Literal::Void;
        value = t.text;
        default_type = &Void;
        break;
      case TokenKind::CharLit:
      case TokenKind::UniCharLit: {
        int64_t cp = std::atoll(t.text.c_str());
        literal = t.kind == TokenKind::CharLit ? Literal::Char : Literal::UniChar;
        if (literal == Literal::Char && cp > 0xFF) fail(t, "a Char is below 256; write u'...' for a UniChar");
        if (cp > 0x10FFFF) fail(t, "not a code point");
        value = cp;
        default_type = literal == Literal::Char ? static_cast<const LowLevelType*>(&Char) : &UniChar;
        break;
      }
      case TokenKind::Global: {
        FunctionGraph* g = module_->find_graph(t.text);
        if (!g) fail(t, "unknown graph @" + t.text);
        literal = Literal::Graph;
        value = flow::GraphRef{g};
        default_type = arena_.ptr(scope_type_of(g));
        break;
      }
      case TokenKind::Helper: {
        const HelperInfo* h = find_helper(t.text);
        if (!h) fail(t, "unknown runtime helper $" + t.text + " (runtime/helpers.def)");
        literal = Literal::Helper;
        value = std::shared_ptr<const flow::ConstPayload>(std::make_shared<HelperRef>(h));
        default_type = arena_.ptr(helper_type(*h, arena_));
        break;
      }
      case TokenKind::Punct:
        if (t.text == "<") {
          const LowLevelType* type = parse_type();
          expect_punct(">", "to close <TYPE>");
          literal = Literal::Void;
          value = std::shared_ptr<const flow::ConstPayload>(std::make_shared<TypeConstant>(type));
          default_type = &Void;
          break;
        }
        if (t.text == "[") {
          std::vector<FunctionGraph*> graphs;
          if (!accept_punct("]")) {
            do {
              Token gt = next();
              if (gt.kind != TokenKind::Global) fail(gt, "expected a graph (@name) in the set");
              FunctionGraph* g = module_->find_graph(gt.text);
              if (!g) fail(gt, "unknown graph @" + gt.text);
              graphs.push_back(g);
            } while (accept_punct(","));
            expect_punct("]", "to close the graph set");
          }
          literal = Literal::Void;
          value = std::shared_ptr<const flow::ConstPayload>(std::make_shared<GraphSet>(std::move(graphs)));
          default_type = &Void;
          break;
        }
        fail(t, "expected a value, found " + describe(t));
      case TokenKind::Ident:
        if (t.text == "true" || t.text == "false") {
          literal = Literal::Bool;
          value = t.text == "true";
          default_type = &Bool;
        } else if (t.text == "none") {
          literal = Literal::Void;
          value = flow::NoneValue{};
          default_type = &Void;
        } else if (t.text == "null") {
          literal = Literal::Null;
          value = flow::NoneValue{};
        } else if (t.text == "inf" || t.text == "nan") {
          literal = Literal::Float;
          value = t.text == "inf" ? HUGE_VAL : std::nan("");
          default_type = &Float;
        } else {
          literal = Literal::Symbolic;
          auto s = parse_symbolic(t);
          if (s->kind() != SymbolicKind::Vtable) default_type = &Signed;
          value = std::shared_ptr<const flow::ConstPayload>(s);
        }
        break;
      default:
        fail(t, "expected a value, found " + describe(t));
    }
    const LowLevelType* type = default_type;
    Token type_at = peek();
    if (accept_punct(":")) {
      type_at = peek();
      type = parse_type();
    }
    if (!type) {
      fail(t, literal == Literal::Null ? "null needs its type: null:Ptr(T)"
                                       : "vtable(...) needs its type: vtable(T):Ptr(VTABLE_STRUCT)");
    }
    std::string error = convert_literal(literal, t, type, default_type, value);
    if (!error.empty()) fail(type_at, error);
    Constant* c = scope.graph->new_constant(std::move(value));
    c->concretetype = type;
    return c;
  }

  const FuncType* scope_type_of(FunctionGraph* g) {
    for (auto& [pos, scope] : scopes_by_position_)
      if (scope.graph == g) return scope.type;
    return graph_func_type(*g, arena_);
  }

  std::shared_ptr<const Symbolic> parse_symbolic(const Token& keyword) {
    SymbolicKind kind;
    Symbolic::kind_from_keyword(keyword.text, kind);
    expect_punct("(", "after " + keyword.text);
    Token type_at = peek();
    const LowLevelType* t = parse_type();
    std::string field;
    if (kind == SymbolicKind::FieldOffset) {
      expect_punct(",", "between the struct and the field of offsetof");
      field = expect_ident("a field name").text;
    }
    expect_punct(")", "to close " + keyword.text + "(");
    try {
      switch (kind) {
        case SymbolicKind::FieldOffset: {
          auto* s = as<Struct>(t);
          if (!s) fail(type_at, "offsetof needs a struct, not " + t->to_string());
          return Symbolic::field_offset(s, field);
        }
        case SymbolicKind::TypeSize: return Symbolic::type_size(t);
        case SymbolicKind::ItemSize: return Symbolic::item_size(t);
        case SymbolicKind::ItemsOffset: return Symbolic::items_offset(t);
        case SymbolicKind::LengthOffset: return Symbolic::length_offset(t);
        case SymbolicKind::TypeId: return Symbolic::type_id(t);
        case SymbolicKind::Vtable: {
          auto* s = as<Struct>(t);
          if (!s) fail(type_at, "vtable needs the GcStruct of a class, not " + t->to_string());
          return Symbolic::vtable(s);
        }
      }
    } catch (const TypeError& e) {
      fail(type_at, e.what());
    }
    fail(type_at, "bad symbolic");
  }

  // Turns the literal into the representation of `type`; an error message when they do not fit.
  std::string convert_literal(Literal literal, const Token& t, const LowLevelType* type,
                              const LowLevelType* default_type, flow::ConstValue& value) {
    const std::string not_a = "a " + describe(t) + " is not a " + type->to_string() + " constant";
    switch (literal) {
      case Literal::Int: {
        bool negative = !t.text.empty() && t.text[0] == '-';
        std::string digits = negative ? t.text.substr(1) : t.text;
        int base = 10;
        if (digits.size() > 2 && (digits[1] == 'x' || digits[1] == 'X')) {
          base = 16;
          digits = digits.substr(2);
        }
        uint64_t magnitude = 0;
        auto r = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
        if (r.ec != std::errc() || r.ptr != digits.data() + digits.size()) return "integer out of range";
        if (type == &Signed || type == &SignedLongLong) {
          if (negative ? magnitude > (uint64_t(1) << 63) : magnitude > uint64_t(INT64_MAX))
            return "integer out of range for " + type->to_string();
          value = negative ? int64_t(0 - magnitude) : int64_t(magnitude);
        } else if (type == &Unsigned || type == &UnsignedLongLong) {
          if (negative) return "a " + type->to_string() + " is not negative";
          value = magnitude;
        } else if (type == &Char || type == &UniChar) {
          if (negative || magnitude > (type == &Char ? 0xFFu : 0x10FFFFu)) return "not a " + type->to_string() + " code";
          value = int64_t(magnitude);
        } else {
          return not_a;
        }
        return "";
      }
      case Literal::Char:
        return (type == &Char || type == &UniChar) ? "" : not_a;
      case Literal::Null:
        return (type->kind() == TypeKind::Ptr || type == &Address) ? "" : "null is a Ptr or an Address, not " + type->to_string();
      case Literal::Symbolic:
        if (default_type) return type == &Signed ? "" : not_a;
        return type->kind() == TypeKind::Ptr ? "" : "a vtable is a Ptr, not " + type->to_string();
      default:
        return type == default_type ? "" : not_a;
    }
  }

  struct PendingSet {
    const GraphSet* set;
    const FuncType* type;
    Token at;
  };
  std::vector<PendingSet> pending_sets_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  std::string path_;
  TypeArena& arena_;
  LLModule* module_;
  std::shared_ptr<const std::string> file_;
};

[[noreturn]] void report(const std::string& path, int line, int col, const std::string& message) {
  throw UserError(path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + message);
}

}  // namespace

void parse_ll_into(LLModule& module, const std::string& text, const std::string& path) {
  std::vector<Token> tokens;
  try {
    tokens = lex_ll(text);
  } catch (const LexError& e) {
    report(path, e.line, e.col, e.message);
  }
  try {
    Parser(std::move(tokens), path, module.types(), &module).parse_module();
  } catch (const ParseError& e) {
    report(path, e.line, e.col, e.message);
  }
}

std::unique_ptr<LLModule> parse_ll_module(const std::string& text, const std::string& path) {
  auto module = std::make_unique<LLModule>();
  parse_ll_into(*module, text, path);
  return module;
}

const LowLevelType* parse_ll_type(const std::string& text, TypeArena& arena) {
  try {
    Parser parser(lex_ll(text), "<type>", arena, nullptr);
    const LowLevelType* t = parser.parse_type();
    parser.expect_end();
    return t;
  } catch (const LexError& e) {
    throw TypeError(text + ": " + e.message);
  } catch (const ParseError& e) {
    throw TypeError(text + ": " + e.message);
  }
}

}  // namespace rpp::ll
