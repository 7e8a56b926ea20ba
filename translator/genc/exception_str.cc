// str(e) of uncaught exceptions as C++ (exception_str.h).
#include "translator/genc/exception_str.h"

#include "rtyper/lltype/memory_layout.h"
#include "rtyper/rclass.h"
#include "rtyper/rlist.h"
#include "runtime/layout.h"

namespace rpp::genc {

using namespace lltype;

std::string exception_str_function(rtyper::RTyper& rtyper) {
  std::string cases;
  std::string message_field;
  for (rtyper::ClassInfo* c : rtyper.classes().all()) {
    if (!c->parent && c->instance_struct && c->instance_struct->field("rpy_message") && message_field.empty())
      message_field = std::to_string(field_offset(c->instance_struct, "rpy_message"));
    rtyper::ClassInfo* owner = nullptr;
    const rtyper::ClassInfo::Field* f = rtyper.classes().find_field(c->classdef, "args", &owner, false);
    auto* list = f ? dynamic_cast<rtyper::ListRepr*>(f->repr) : nullptr;
    if (!list || !owner) continue;
    std::string body = "      void* list = rpp::layout::read_at<void*>(e, " +
                       std::to_string(field_offset(owner->instance_struct, f->field)) + ");\n" +
                       "      if (!list) break;\n";
    if (list->item_repr()->kind() != rtyper::ReprKind::Str) {
      body += "      return nullptr;\n";
    } else if (list->resizable()) {
      body += "      int64_t n = rpp::layout::read_at<int64_t>(list, " +
              std::to_string(field_offset(list->list_struct(), "length")) + ");\n" +
              "      void* items = rpp::layout::read_at<void*>(list, " +
              std::to_string(field_offset(list->list_struct(), "items")) + ");\n" +
              "      return n > 0 ? rpp::layout::read_at<void*>(items, rpp::layout::kArrayItemsOffset) : nullptr;\n";
    } else {
      body += "      return rpp::layout::array_length(list) > 0 ? rpp::layout::read_at<void*>(list, "
              "rpp::layout::kArrayItemsOffset) : nullptr;\n";
    }
    cases += "    case " + std::to_string(c->id_min) + ": {  // " + c->struct_name + "\n" + body + "    }\n";
  }
  std::string text = "static void* rpp_exception_str(void* e) {\n"
                     "  auto* type = rpp::layout::read_at<const rpp::layout::ClassVtable*>(e, rpp::layout::kTypeptrOffset);\n"
                     "  switch (type->subclassrange_min) {\n" +
                     cases + "    default: break;\n  }\n";
  if (!message_field.empty()) text += "  return rpp::layout::read_at<void*>(e, " + message_field + ");\n";
  else text += "  return nullptr;\n";
  return text + "}\n";
}

}  // namespace rpp::genc
