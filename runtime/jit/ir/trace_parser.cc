// The parser of the trace text form (see trace_parser.h): a line-oriented recursive descent.
#include "runtime/jit/ir/trace_parser.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "runtime/jit/ir/trace_declarations.h"
#include "runtime/jit/ir/trace_lexer.h"

namespace rpp::jit {

namespace {

std::optional<ValueType> type_of_variable_name(const std::string& name) {
  if (name.size() < 2) return std::nullopt;
  switch (name[0]) {
    case 'i': return ValueType::Int;
    case 'p': return ValueType::Ref;
    case 'f': return ValueType::Float;
    default: return std::nullopt;
  }
}

bool next_is_name(const LineCursor& cur) {
  LineCursor probe = cur;
  probe.next();
  return probe.peek().kind == Token::Name;
}

class Parser {
 public:
  Parser(std::string_view text, TraceNamespace& names) : names_(names) {
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }

  std::vector<ParsedTrace> run(bool require_trace = true) {
    std::vector<ParsedTrace> result;
    ParsedTrace* current = nullptr;
    std::optional<ParsedTrace> pending_header;
    for (size_t i = 0; i < lines_.size(); ++i) {
      int lineno = static_cast<int>(i) + 1;
      LineCursor cur(tokenize(lines_[i], lineno), lineno);
      if (cur.at_end()) continue;
      const Token& first = cur.peek();
      if (first.kind == Token::Name && is_declaration_keyword(first.text) && next_is_name(cur)) {
        if (current) cur.fail("declarations must come before the traces");
        parse_declaration(cur, names_);
        continue;
      }
      if (first.kind == Token::Name && (first.text == "loop" || first.text == "bridge")) {
        // `loop NAME:` / `bridge GUARD:`
        if (next_is_name(cur)) {
          std::string kw = cur.name();
          ParsedTrace header;
          header.is_bridge = kw == "bridge";
          header.name = cur.name();
          cur.expect(":");
          cur.expect_end();
          if (header.is_bridge) {
            Descr* d = names_.find(header.name);
            if (!d || d->kind != DescrKind::Fail || static_cast<FailDescr*>(d)->finish)
              cur.fail("bridge from '" + header.name + "', which is not a guard's descriptor");
            header.guard = static_cast<FailDescr*>(d);
          }
          pending_header = std::move(header);
          current = nullptr;
          continue;
        }
      }
      if (cur.is_punct("[")) {
        ParsedTrace t;
        if (pending_header) {
          t = std::move(*pending_header);
          pending_header.reset();
        }
        if (!t.is_bridge) {
          if (!t.name.empty() && names_.find(t.name)) cur.fail("the name '" + t.name + "' is already used");
          t.loop = names_.make<LoopToken>(t.name);
        }
        result.push_back(std::move(t));
        current = &result.back();
        start_trace(*current, cur);
        continue;
      }
      if (!current) cur.fail("an operation before the input arguments line [ ... ]");
      parse_operation(*current, cur);
    }
    if (pending_header) throw TraceParseError(static_cast<int>(lines_.size()), "a header without a trace");
    if (require_trace && result.empty())
      throw TraceParseError(static_cast<int>(lines_.size()), "no trace (expected [inputargs])");
    if (!require_trace && !result.empty()) throw TraceParseError(1, "expected only declarations");
    return result;
  }

 private:
  void start_trace(ParsedTrace& t, LineCursor& cur) {
    vars_.clear();
    last_label_ = nullptr;
    cur.expect("[");
    if (!cur.accept("]")) {
      do {
        std::string name = cur.name();
        auto type = type_of_variable_name(name);
        if (!type) cur.fail("'" + name + "': a variable's name starts with i, p or f");
        if (vars_.count(name)) cur.fail("'" + name + "' is defined twice");
        vars_[name] = t.trace.add_input(*type);
        if (t.loop) t.loop->input_types.push_back(*type);
      } while (cur.accept(","));
      cur.expect("]");
    }
    cur.expect_end();
  }

  ValueId parse_operand(Trace& trace, LineCursor& cur) {
    Token tok = cur.next();
    if (tok.kind == Token::Number) {
      if (looks_like_float(tok.text)) {
        auto d = parse_float_literal(tok.text);
        if (!d) cur.fail("bad float constant '" + tok.text + "'");
        return trace.const_float(*d);
      }
      auto v = parse_int_literal(tok.text);
      if (!v) cur.fail("bad integer constant '" + tok.text + "'");
      return trace.const_int(*v);
    }
    if (tok.kind != Token::Name) cur.fail("expected an argument, found '" + tok.text + "'");
    if (tok.text == "inf" || tok.text == "nan") return trace.const_float(*parse_float_literal(tok.text));
    if (tok.text == "NULL") return trace.const_ref(0);
    if (tok.text == "ConstClass" || tok.text == "ConstPtr") {
      cur.expect("(");
      Token arg = cur.next();
      cur.expect(")");
      if (tok.text == "ConstPtr" && arg.kind == Token::Number) {
        auto v = parse_int_literal(arg.text);
        if (!v) cur.fail("bad address '" + arg.text + "'");
        return trace.const_ref(static_cast<Word>(*v));
      }
      if (arg.kind != Token::Name) cur.fail("expected a name in " + tok.text + "(...)");
      const Word* addr = tok.text == "ConstClass" ? names_.find_symbol(arg.text) : names_.find_object(arg.text);
      if (!addr) cur.fail("unknown " + std::string(tok.text == "ConstClass" ? "class or function" : "object") +
                          " '" + arg.text + "'");
      return tok.text == "ConstClass" ? trace.const_int(static_cast<int64_t>(*addr)) : trace.const_ref(*addr);
    }
    auto it = vars_.find(tok.text);
    if (it == vars_.end()) cur.fail("'" + tok.text + "' is not defined");
    return it->second;
  }

  Descr* resolve_descr(ParsedTrace& t, Opcode opcode, const std::optional<std::string>& name,
                       const std::vector<ValueId>& label_args, LineCursor& cur) {
    switch (opcode) {
      case Opcode::Label: {
        if (!name) cur.fail("label needs descr=NAME");
        Descr* d = names_.find(*name);
        TargetToken* target;
        if (!d) target = names_.make<TargetToken>(*name);
        else if (d->kind == DescrKind::Target) target = static_cast<TargetToken*>(d);
        else cur.fail("'" + *name + "' is not a label's descriptor");
        if (target->owner) cur.fail("label '" + *name + "' is defined twice");
        target->owner = t.loop;
        target->arg_types.clear();
        for (ValueId a : label_args) target->arg_types.push_back(t.trace.type(a));
        last_label_ = target;
        return target;
      }
      case Opcode::Jump: {
        if (!name) {
          if (!last_label_) cur.fail("jump needs descr=NAME (no label before it)");
          return last_label_;
        }
        Descr* d = names_.find(*name);
        if (!d) return names_.make<TargetToken>(*name);
        if (d->kind != DescrKind::Target) cur.fail("'" + *name + "' is not a label's descriptor");
        return d;
      }
      case Opcode::Finish: {
        if (!name) return names_.make<FailDescr>(std::string(), true);
        Descr* d = names_.find(*name);
        if (!d) return names_.make<FailDescr>(*name, true);
        if (d->kind != DescrKind::Fail || !static_cast<FailDescr*>(d)->finish)
          cur.fail("'" + *name + "' is not a finish descriptor");
        return d;
      }
      case Opcode::CallAssembler: {
        if (!name) cur.fail("call_assembler needs descr=LOOP");
        Descr* d = names_.find(*name);
        if (!d || d->kind != DescrKind::Loop) cur.fail("'" + *name + "' is not a loop");
        return d;
      }
      default: break;
    }
    if (is_guard(opcode)) {
      if (!name) return names_.make<FailDescr>();
      if (names_.find(*name)) cur.fail("descriptor '" + *name + "' is already defined");
      return names_.make<FailDescr>(*name);
    }
    if (!has_descr(opcode)) {
      if (name) cur.fail(std::string(op_name(opcode)) + " takes no descriptor");
      return nullptr;
    }
    if (!name) cur.fail(std::string(op_name(opcode)) + " needs descr=NAME");
    Descr* d = names_.find(*name);
    if (!d) cur.fail("unknown descriptor '" + *name + "'");
    return d;
  }

  void parse_operation(ParsedTrace& t, LineCursor& cur) {
    std::optional<std::string> result_name;
    std::string first = cur.name();
    std::string opname = first;
    if (cur.accept("=")) {
      result_name = first;
      opname = cur.name();
    }
    auto opcode = opcode_from_name(opname);
    if (!opcode) cur.fail("unknown operation '" + opname + "'");
    const OpInfo& info = op_info(*opcode);
    std::vector<ValueId> args;
    std::optional<std::string> descr_name;
    cur.expect("(");
    if (!cur.accept(")")) {
      do {
        if (cur.peek().kind == Token::Name && cur.peek().text == "descr") {
          cur.next();
          cur.expect("=");
          descr_name = cur.name();
          break;
        }
        args.push_back(parse_operand(t.trace, cur));
      } while (cur.accept(","));
      cur.expect(")");
    }
    if (info.arity >= 0 && static_cast<int>(args.size()) != info.arity)
      cur.fail(opname + " takes " + std::to_string(info.arity) + " argument(s), not " + std::to_string(args.size()));
    ValueType result_type = ValueType::Void;
    if (result_name) {
      auto type = type_of_variable_name(*result_name);
      if (!type) cur.fail("'" + *result_name + "': a variable's name starts with i, p or f");
      if (vars_.count(*result_name)) cur.fail("'" + *result_name + "' is defined twice");
      result_type = *type;
      ResultKind rk = info.result;
      auto expect_type = [&](ValueType want) {
        if (result_type != want)
          cur.fail(opname + " gives " + type_name(want) + ", not " + type_name(result_type));
      };
      if (rk == ResultKind::Void) cur.fail(opname + " has no result");
      if (rk == ResultKind::Int) expect_type(ValueType::Int);
      if (rk == ResultKind::Ref) expect_type(ValueType::Ref);
      if (rk == ResultKind::Float) expect_type(ValueType::Float);
      if (rk == ResultKind::FromArg && !args.empty()) expect_type(t.trace.type(args[0]));
    } else if (info.result == ResultKind::Int || info.result == ResultKind::Float ||
               (info.result == ResultKind::Ref && *opcode != Opcode::GuardException) ||
               info.result == ResultKind::FromArg) {
      cur.fail(opname + " needs a result variable");
    }
    Descr* descr = resolve_descr(t, *opcode, descr_name, args, cur);
    ValueId result = t.trace.add_op(*opcode, args, result_type, descr);
    if (is_guard(*opcode)) {
      std::vector<ValueId> fail_args;
      cur.expect("[");
      if (!cur.accept("]")) {
        do fail_args.push_back(parse_operand(t.trace, cur));
        while (cur.accept(","));
        cur.expect("]");
      }
      t.trace.set_fail_args(fail_args);
    }
    cur.expect_end();
    if (result_name) vars_[*result_name] = result;
  }

  TraceNamespace& names_;
  std::vector<std::string_view> lines_;
  std::map<std::string, ValueId> vars_;
  TargetToken* last_label_ = nullptr;
};

}  // namespace

std::vector<ParsedTrace> parse_trace_file(std::string_view text, TraceNamespace& names) {
  return Parser(text, names).run();
}

void parse_declarations(std::string_view text, TraceNamespace& names) { Parser(text, names).run(false); }

Trace parse_trace(std::string_view text, TraceNamespace& names) {
  auto traces = parse_trace_file(text, names);
  if (traces.size() != 1) throw TraceParseError(1, "expected exactly one trace, found " + std::to_string(traces.size()));
  return std::move(traces[0].trace);
}

}  // namespace rpp::jit
