// The rtype stage: run, dump, and interpret (rtype_stage.h).
#include "rtyper/rtype_stage.h"

#include <cstdio>
#include <sstream>

#include "annotator/annotate_stage.h"
#include "annotator/annotator.h"
#include "rtyper/lltype/memory_layout.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "rtyper/rtyper.h"
#include "runtime/layout.h"
#include "runtime/rlib/exceptions.h"
#include "translator/diagnostics.h"
#include "translator/ll/ll_constants.h"
#include "translator/ll/ll_printer.h"
#include "translator/llinterp/llinterp.h"

namespace rpp::rtyper {

using namespace lltype;

void run_rtype_stage(TranslationContext& context) {
  if (!context.annotation) throw UserError("rpp: error: the rtype stage needs the annotate stage");
  auto rtyper = std::make_shared<RTyper>(context, context.annotation->annotator());
  context.rtyper = rtyper;
  rtyper->specialize();
}

namespace {

std::string quote(const std::u32string& text) {
  std::string out = "\"";
  for (char32_t c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += char(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c >= 0x20 && c < 0x7f) {
      out += char(c);
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, c < 0x10000 ? "\\u%04x" : "\\U%08x", unsigned(c));
      out += buf;
    }
  }
  return out + "\"";
}

std::string format_value(const flow::ConstValue& v, const LowLevelType* type) {
  return std::visit(
      [&](const auto& x) -> std::string {
        using V = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<V, bool>) return x ? "true" : "false";
        else if constexpr (std::is_same_v<V, int64_t> || std::is_same_v<V, uint64_t>) return std::to_string(x);
        else if constexpr (std::is_same_v<V, double>) return ll::format_float(x);
        else if constexpr (std::is_same_v<V, flow::NoneValue>) return as<Ptr>(type) ? "null" : (type == &Void ? "none" : "0");
        else if constexpr (std::is_same_v<V, flow::GraphRef>) return ll::graph_reference(x.graph->name);
        else if constexpr (std::is_same_v<V, std::shared_ptr<const flow::ConstPayload>>) return x->repr();
        else return "?";
      },
      v);
}

void print_object(std::ostringstream& out, const StaticObject& o, const std::string& indent) {
  if (o.is_str()) {
    out << quote(o.text());
    return;
  }
  if (auto* s = as<Struct>(o.type())) {
    out << "{";
    bool any = false;
    for (size_t i = 0; i < s->fields().size(); ++i) {
      const StructField& f = s->fields()[i];
      if (is_void(f.type)) continue;
      out << "\n" << indent << "  " << f.name << ": ";
      if (o.slots()[i].inlined) print_object(out, *o.slots()[i].inlined, indent + "  ");
      else out << format_value(o.slots()[i].value, f.type);
      any = true;
    }
    out << (any ? "\n" + indent + "}" : "}");
    return;
  }
  if (auto* a = as<Array>(o.type())) {
    out << "[";
    for (size_t i = 0; i < o.slots().size(); ++i) {
      if (i) out << ", ";
      if (o.slots()[i].inlined) print_object(out, *o.slots()[i].inlined, indent + "  ");
      else out << format_value(o.slots()[i].value, a->item());
    }
    out << "]";
  }
}

}  // namespace

std::string print_static_data(const StaticData& data) {
  std::ostringstream out;
  for (const auto& o : data.objects()) {
    out << "prebuilt &" << o->name() << ": " << o->type()->to_string() << " ";
    print_object(out, *o, "");
    out << "\n";
  }
  return out.str();
}

void dump_rtype_stage(TranslationContext& context, std::ostream& out) {
  RTyper& rtyper = *context.rtyper;
  out << ll::print_type_declarations(rtyper.types());
  out << "\n" << print_static_data(rtyper.static_data());
  for (flow::FunctionGraph* g : rtyper.all_graphs()) out << "\n" << ll::print_ll_graph(*g);
}

namespace {

// argv as the entry graph takes it: a list of str.
llinterp::Word make_argv(llinterp::Heap& heap, const LowLevelType* type, const std::vector<std::string>& argv) {
  auto* p = as<Ptr>(type);
  if (!p) throw UserError("rpp: error: entry_point's argument is not a list");
  const Array* array = as<Array>(p->to());
  const Struct* list = as<Struct>(p->to());
  if (list) {
    const StructField* items = list->field("items");
    array = items ? pointee<Array>(items->type) : nullptr;
  }
  if (!array) throw UserError("rpp: error: entry_point's argument is not a list of str");
  void* items = heap.allocate(array, int64_t(argv.size()));
  VarsizeLayout v = varsize_layout(array);
  for (size_t i = 0; i < argv.size(); ++i)
    layout::write_at<void*>(items, v.items_offset + i * v.item_size, heap.new_str_utf8(argv[i]));
  if (!list) return llinterp::to_word(items);
  void* l = heap.allocate(list);
  layout::write_at<int64_t>(l, field_offset(list, "length"), int64_t(argv.size()));
  layout::write_at<void*>(l, field_offset(list, "items"), items);
  return llinterp::to_word(l);
}

// "Cls: message" for an uncaught exception: str(args[0]) when it is a str, else the message an
// operation or a helper gave it.
std::string describe_uncaught(RTyper& rtyper, const llinterp::RaisedException& e) {
  std::string name = llinterp::Heap::vtable_name(llinterp::word_ptr(e.type));
  int64_t id = layout::read_at<int64_t>(llinterp::word_ptr(e.type), layout::kVtableSubclassrangeMinOffset);
  void* obj = llinterp::word_ptr(e.value);
  for (ClassInfo* c : rtyper.classes().all()) {
    if (c->id_min != id) continue;
    std::string msg;
    ClassInfo* owner = nullptr;
    const ClassInfo::Field* f = rtyper.classes().find_field(c->classdef, "args", &owner, false);
    auto* lr = f ? dynamic_cast<ListRepr*>(f->repr) : nullptr;
    void* lst = lr ? layout::read_at<void*>(obj, field_offset(owner->instance_struct, f->field)) : nullptr;
    if (lst && lr->item_repr()->kind() == ReprKind::Str) {
      void* items = lst;
      int64_t n;
      if (lr->resizable()) {
        n = layout::read_at<int64_t>(lst, field_offset(lr->list_struct(), "length"));
        items = layout::read_at<void*>(lst, field_offset(lr->list_struct(), "items"));
      } else {
        n = layout::array_length(lst);
      }
      void* s = n > 0 ? layout::read_at<void*>(items, layout::kArrayItemsOffset) : nullptr;
      if (s) msg = llinterp::Heap::str_utf8(s);
    } else if (!lst) {
      ClassInfo* root = c;
      while (root->parent) root = root->parent;
      if (root->instance_struct->field("rpy_message")) {
        void* s = layout::read_at<void*>(obj, field_offset(root->instance_struct, "rpy_message"));
        if (s) msg = llinterp::Heap::str_utf8(s);
      }
    }
    return msg.empty() ? name : name + ": " + msg;
  }
  return name;
}

}  // namespace

int interpret_program(TranslationContext& context) {
  RTyper& rtyper = *context.rtyper;
  flow::FunctionGraph* entry = rtyper.entry_graph();
  if (!entry) throw UserError("rpp: error: no entry point to interpret");
  llinterp::InterpOptions options;
  options.check_overflow = context.options.interp_check_overflow;
  options.exceptions_transformed = context.exceptions_transformed;
  llinterp::LLInterpreter interp(rtyper.types(), &rtyper.static_data(), options);
  std::vector<llinterp::Word> args;
  if (!entry->startblock->inputargs.empty()) {
    std::vector<std::string> argv{context.options.target};
    for (const auto& a : context.options.target_args) argv.push_back(a);
    args.push_back(make_argv(interp.heap(), entry->startblock->inputargs[0]->concretetype, argv));
  }
  llinterp::LLInterpreter::Outcome outcome;
  try {
    outcome = interp.call(entry, args);
  } catch (const UserError&) {
    interp.flush_output();
    throw;
  }
  interp.flush_output();
  int exit_status = 0;
  std::string exit_message;
  if (outcome.raised &&
      rlib::system_exit_status(static_cast<const layout::ClassVtable*>(llinterp::word_ptr(outcome.exception.type)),
                               llinterp::word_ptr(outcome.exception.value), &exit_status, &exit_message)) {
    std::fflush(stdout);  // an uncaught SystemExit: its status, its message (if any) to stderr
    if (!exit_message.empty()) std::fprintf(stderr, "%s\n", exit_message.c_str());
    return exit_status;
  }
  if (outcome.raised) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", describe_uncaught(rtyper, outcome.exception).c_str());
    return 1;
  }
  const LowLevelType* rt = entry->returnblock->inputargs[0]->concretetype;
  if (rt == &Signed) return int(int64_t(outcome.value) & 0xFF);
  return 0;
}

}  // namespace rpp::rtyper
