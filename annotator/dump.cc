// The annotated-graph dump.
#include "annotator/dump.h"

#include <unordered_map>

namespace rpp::annotator {

namespace {

std::string annotation_text(const flow::Value* v) {
  return v && v->annotation ? v->annotation->repr() : "?";
}

class Namer {
 public:
  Namer(const flow::FunctionGraph& g, const flow::ObjectDescriber& describe) : g_(g), describe_(describe) {
    blocks_ = g.iterblocks();
    size_t n = 0;
    for (flow::Block* b : blocks_) {
      if (is_final(b)) continue;
      block_numbers_[b] = n++;
      for (flow::Variable* v : b->inputargs) number(v);
      for (auto& op : b->operations) number(op.result);
      for (auto& l : b->exits) {
        number(l->last_exception);
        number(l->last_exc_value);
      }
    }
  }
  const std::vector<flow::Block*>& blocks() const { return blocks_; }
  bool is_final(const flow::Block* b) const { return b == g_.returnblock || b == g_.exceptblock; }
  std::string block(const flow::Block* b) const {
    if (b == g_.returnblock) return "return";
    if (b == g_.exceptblock) return "except";
    auto it = block_numbers_.find(b);
    return it == block_numbers_.end() ? "block?" : "block" + std::to_string(it->second);
  }
  std::string value(const flow::Value* v) const {
    if (!v) return "<null>";
    if (v->is_constant()) return flow::const_repr(static_cast<const flow::Constant*>(v)->value, describe_);
    auto it = numbers_.find(static_cast<const flow::Variable*>(v));
    return it == numbers_.end() ? "v?" : "v" + std::to_string(it->second);
  }
  std::string typed(const flow::Value* v) const { return value(v) + ": " + annotation_text(v); }
  std::string values(const std::vector<flow::Value*>& vs) const {
    std::string out;
    for (size_t i = 0; i < vs.size(); ++i) out += (i ? ", " : "") + value(vs[i]);
    return out;
  }

 private:
  void number(const flow::Variable* v) {
    if (v && !numbers_.count(v)) numbers_.emplace(v, numbers_.size());
  }
  const flow::FunctionGraph& g_;
  const flow::ObjectDescriber& describe_;
  std::vector<flow::Block*> blocks_;
  std::unordered_map<const flow::Block*, size_t> block_numbers_;
  std::unordered_map<const flow::Variable*, size_t> numbers_;
};

std::string basename_of(const flow::SourceLocation& loc) {
  if (!loc.file) return "?";
  size_t slash = loc.file->rfind('/');
  return slash == std::string::npos ? *loc.file : loc.file->substr(slash + 1);
}

}  // namespace

std::string signature_line(const flow::FunctionGraph& g) {
  std::string s = g.name + "(";
  const auto& inputs = g.startblock->inputargs;
  for (size_t i = 0; i < inputs.size(); ++i) {
    std::string name = i < g.arg_names.size() ? g.arg_names[i] : inputs[i]->name_hint;
    if (name.empty()) name = "arg" + std::to_string(i);
    s += (i ? ", " : "") + name + ": " + annotation_text(inputs[i]);
  }
  return s + ") -> " + annotation_text(g.returnblock->inputargs[0]);
}

void dump_annotated_graph(const flow::FunctionGraph& g, std::ostream& out,
                          const flow::ObjectDescriber& describe) {
  Namer names(g, describe);
  out << "graph " << signature_line(g);
  if (g.location.known()) out << "  # " << basename_of(g.location) << ":" << g.location.line;
  out << "\n";
  for (flow::Block* b : names.blocks()) {
    if (names.is_final(b)) continue;
    out << names.block(b) << "(";
    for (size_t i = 0; i < b->inputargs.size(); ++i) out << (i ? ", " : "") << names.typed(b->inputargs[i]);
    out << "):\n";
    for (auto& op : b->operations) {
      out << "    " << names.typed(op.result) << " = " << op.opname << "(" << names.values(op.args) << ")";
      if (op.location.known()) out << "  # " << op.location.line << ":" << op.location.col;
      out << "\n";
    }
    if (!b->exitswitch) {
      for (auto& l : b->exits)
        out << "    goto " << names.block(l->target) << "(" << names.values(l->args) << ")\n";
      continue;
    }
    if (b->raises())
      out << "    exitswitch last_exception\n";
    else
      out << "    switch " << names.value(b->exitswitch) << "\n";
    for (auto& l : b->exits) {
      std::string label;
      if (b->raises()) {
        label = l->exitcase ? "except " + names.value(l->exitcase) + " as " + names.typed(l->last_exception) +
                                  ", " + names.typed(l->last_exc_value)
                            : "normal";
      } else {
        label = l->exitcase ? names.value(l->exitcase) : "";
      }
      out << "      " << label << " -> " << names.block(l->target) << "(" << names.values(l->args) << ")\n";
    }
  }
}

void dump_annotations(const Annotator& annotator, std::ostream& out, const flow::ObjectDescriber& describe) {
  bool first = true;
  for (const flow::FunctionGraph* g : annotator.graphs()) {
    if (!first) out << "\n";
    first = false;
    dump_annotated_graph(*g, out, describe);
  }
}

}  // namespace rpp::annotator
