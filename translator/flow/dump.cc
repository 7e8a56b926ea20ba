// Text and Graphviz dumps of graphs, with per-graph numbering of blocks and variables.
#include "translator/flow/dump.h"

#include <sstream>
#include <unordered_map>
#include <vector>

namespace rpp::flow {

namespace {

// Names of blocks (`block0`...) and variables (`v0`...) in traversal order.
class Namer {
 public:
  Namer(const FunctionGraph& graph, const ObjectDescriber& describe) : graph_(graph), describe_(describe) {
    blocks_ = graph.iterblocks();
    size_t n = 0;
    for (Block* b : blocks_) {
      if (b == graph.returnblock || b == graph.exceptblock) continue;
      block_numbers_[b] = n++;
      for (Variable* v : b->inputargs) number(v);
      for (auto& op : b->operations) number(op.result);
      for (auto& link : b->exits) {
        number(link->last_exception);
        number(link->last_exc_value);
      }
    }
  }

  const std::vector<Block*>& blocks() const { return blocks_; }
  bool is_final(const Block* b) const { return b == graph_.returnblock || b == graph_.exceptblock; }

  std::string block(const Block* b) const {
    if (b == graph_.returnblock) return "return";
    if (b == graph_.exceptblock) return "except";
    auto it = block_numbers_.find(b);
    return it == block_numbers_.end() ? "block?" : "block" + std::to_string(it->second);
  }

  std::string value(const Value* v) const {
    if (!v) return "<null>";
    if (v->is_constant()) return const_repr(static_cast<const Constant*>(v)->value, describe_);
    auto it = var_numbers_.find(static_cast<const Variable*>(v));
    return it == var_numbers_.end() ? "v?" : "v" + std::to_string(it->second);
  }

  std::string values(const std::vector<Value*>& vs) const {
    std::string out;
    for (size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + value(vs[i]);
    return out;
  }

  std::string variables(const std::vector<Variable*>& vs) const {
    std::string out;
    for (size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + value(vs[i]);
    return out;
  }

  std::string operation(const Operation& op) const {
    return value(op.result) + " = " + op.opname + "(" + values(op.args) + ")";
  }

  std::string location(const SourceLocation& loc) const {
    if (!loc.known()) return "";
    std::string text = std::to_string(loc.line) + ":" + std::to_string(loc.col);
    for (auto at = loc.inlined_at; at; at = at->inlined_at)
      text += " inlined at " + std::to_string(at->line) + ":" + std::to_string(at->col);
    return text;
  }

  // `normal`, `False`, `except <class E> as v5, v6`, ...
  std::string exit_label(const Block* b, const Link* link) const {
    if (b->raises()) {
      if (!link->exitcase) return "normal";
      return "except " + value(link->exitcase) + " as " + value(link->last_exception) + ", " +
             value(link->last_exc_value);
    }
    return link->exitcase ? value(link->exitcase) : "";
  }

  std::string target(const Link* link) const { return block(link->target) + "(" + values(link->args) + ")"; }

 private:
  void number(const Variable* v) {
    if (v && !var_numbers_.count(v)) var_numbers_.emplace(v, var_numbers_.size());
  }

  const FunctionGraph& graph_;
  const ObjectDescriber& describe_;
  std::vector<Block*> blocks_;
  std::unordered_map<const Block*, size_t> block_numbers_;
  std::unordered_map<const Variable*, size_t> var_numbers_;
};

std::string file_basename(const SourceLocation& loc) {
  if (!loc.file) return "?";
  const std::string& f = *loc.file;
  size_t slash = f.rfind('/');
  return slash == std::string::npos ? f : f.substr(slash + 1);
}

std::string graph_header(const FunctionGraph& graph) {
  std::string args;
  for (size_t i = 0; i < graph.arg_names.size(); ++i) args += (i ? ", " : "") + graph.arg_names[i];
  std::string text = "graph " + graph.name + "(" + args + ")";
  const GraphFlags& f = graph.flags;
  std::vector<std::string> flags;
  if (f.elidable) flags.push_back("elidable");
  if (f.dont_look_inside) flags.push_back("dont_look_inside");
  if (f.unroll_safe) flags.push_back("unroll_safe");
  if (f.look_inside_iff) flags.push_back("look_inside_iff");
  if (f.loop_invariant) flags.push_back("loop_invariant");
  if (f.always_inline) flags.push_back("always_inline");
  if (f.dont_inline) flags.push_back("dont_inline");
  if (!f.oopspec.empty()) flags.push_back("oopspec=" + f.oopspec);
  for (size_t i = 0; i < flags.size(); ++i) text += (i ? ", " : " [") + flags[i] + (i + 1 == flags.size() ? "]" : "");
  if (graph.location.known()) text += "  # " + file_basename(graph.location) + ":" + std::to_string(graph.location.line);
  return text;
}

std::string dot_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

void dump_graph(const FunctionGraph& graph, std::ostream& out, const ObjectDescriber& describe) {
  Namer names(graph, describe);
  out << graph_header(graph) << "\n";
  for (Block* b : names.blocks()) {
    if (names.is_final(b)) continue;
    out << names.block(b) << "(" << names.variables(b->inputargs) << "):\n";
    for (auto& op : b->operations) {
      out << "    " << names.operation(op);
      std::string loc = names.location(op.location);
      if (!loc.empty()) out << "  # " << loc;
      out << "\n";
    }
    if (!b->exitswitch) {
      for (auto& link : b->exits) out << "    goto " << names.target(link.get()) << "\n";
      continue;
    }
    if (b->raises())
      out << "    exitswitch last_exception\n";
    else
      out << "    switch " << names.value(b->exitswitch) << "\n";
    for (auto& link : b->exits)
      out << "      " << names.exit_label(b, link.get()) << " -> " << names.target(link.get()) << "\n";
  }
}

std::string dump_graph(const FunctionGraph& graph, const ObjectDescriber& describe) {
  std::ostringstream out;
  dump_graph(graph, out, describe);
  return out.str();
}

namespace {

// The body of one graph's drawing; node names start with `prefix`.
void dot_body(const FunctionGraph& graph, std::ostream& out, const ObjectDescriber& describe,
              const std::string& prefix, const std::string& indent) {
  Namer names(graph, describe);
  auto node = [&](const Block* b) { return prefix + names.block(b); };
  out << indent << "label=\"" << dot_escape(graph_header(graph)) << "\";\n";
  out << indent << node(graph.returnblock) << " [label=\"return\", shape=ellipse];\n";
  out << indent << node(graph.exceptblock) << " [label=\"except\", shape=ellipse];\n";
  for (Block* b : names.blocks()) {
    if (names.is_final(b)) continue;
    std::string label = names.block(b) + "(" + dot_escape(names.variables(b->inputargs)) + ")\\l";
    for (auto& op : b->operations) label += dot_escape(names.operation(op)) + "\\l";
    if (b->raises()) label += "exitswitch last_exception\\l";
    else if (b->exitswitch) label += "switch " + dot_escape(names.value(b->exitswitch)) + "\\l";
    out << indent << node(b) << " [label=\"" << label << "\"];\n";
    for (auto& link : b->exits) {
      std::string edge = names.exit_label(b, link.get());
      std::string args = names.values(link->args);
      std::string text = edge.empty() ? dot_escape(args)
                                      : dot_escape(edge) + (args.empty() ? "" : "\\n" + dot_escape(args));
      out << indent << node(b) << " -> " << node(link->target) << " [label=\"" << text << "\"];\n";
    }
  }
}

const char* const kDotStyle =
    "  node [shape=box, fontname=\"monospace\", fontsize=10];\n"
    "  edge [fontname=\"monospace\", fontsize=9];\n";

}  // namespace

void dump_graph_dot(const FunctionGraph& graph, std::ostream& out, const ObjectDescriber& describe) {
  out << "digraph \"" << dot_escape(graph.name) << "\" {\n" << kDotStyle;
  dot_body(graph, out, describe, "", "  ");
  out << "}\n";
}

void dump_graphs_dot(const std::vector<FunctionGraph*>& graphs, std::ostream& out, const ObjectDescriber& describe) {
  out << "digraph flow {\n" << kDotStyle;
  for (size_t i = 0; i < graphs.size(); ++i) {
    out << "  subgraph cluster_" << i << " {\n";
    dot_body(*graphs[i], out, describe, "g" + std::to_string(i) + "_", "    ");
    out << "  }\n";
  }
  out << "}\n";
}

}  // namespace rpp::flow
