// Methods of builtin types: str (and char), bytes, list, dict. Each rule checks the argument
// annotations and updates the list/dict definition (append resizes, sort mutates, ...).
#include "annotator/builtins.h"
#include "annotator/dictdef.h"
#include "annotator/listdef.h"
#include "annotator/union.h"

namespace rpp::annotator {

namespace {

const SomeRef& arg(const CallArgs& a, size_t i) { return a.positional[i]; }

void no_keywords(const SomeBuiltin& b, const CallArgs& a) {
  if (!a.keywords.empty() || a.star)
    throw AnnotatorFailure(builtin_display_name(b) + "() takes no keyword arguments");
}

void require(bool ok, const SomeBuiltin& b, const std::string& what, const SomeRef& got) {
  if (!ok)
    throw AnnotatorFailure(builtin_display_name(b) + "() " + what + ", not " + describe_for_user(got));
}

bool same_text_kind(const SomeRef& receiver, const SomeRef& s) {
  if (receiver->is_str()) return s->is_str();
  return s->is(SomeKind::Bytes);
}

SomeRef text_of(const SomeRef& receiver) { return receiver->is_str() ? s_str() : s_bytes(); }

void require_text(const SomeBuiltin& b, const SomeRef& s) {
  if (same_text_kind(b.receiver, s) && !s->can_be_none()) return;
  if ((b.receiver->is_str() && s->is(SomeKind::Bytes)) || (b.receiver->is(SomeKind::Bytes) && s->is_str()))
    throw AnnotatorFailure("mixing str and bytes in " + builtin_display_name(b) + "(): " +
                           describe_for_user(s) + " (encode or decode explicitly)");
  require(false, b, std::string("needs ") + (b.receiver->is_str() ? "a str" : "bytes"), s);
}

void require_int_arg(const SomeBuiltin& b, const SomeRef& s) {
  require(s->is_integer(), b, "needs an integer", s);
}

// ---- str and bytes ----

// join(list of strings)
SomeRef join_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef items = arg(a, 0);
  SomeRef item;
  if (items->is(SomeKind::List)) item = items->as<SomeList>().listdef->read_item(cx.position());
  else if (items->is(SomeKind::Tuple)) {
    item = s_impossible();
    for (const auto& i : items->as<SomeTuple>().items) item = union_of(item, i);
  } else require(false, b, "needs a list", items);
  if (!item->is(SomeKind::Impossible)) require_text(b, item);
  return text_of(b.receiver);
}

SomeRef split_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 2);
  if (!a.positional.empty() && !arg(a, 0)->is(SomeKind::None)) require_text(b, arg(a, 0));
  if (a.positional.size() == 2) require_int_arg(b, arg(a, 1));
  return cx.bk.new_list(text_of(b.receiver));
}

SomeRef splitlines_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  return cx.bk.new_list(text_of(b.receiver));
}

SomeRef strip_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (!a.positional.empty() && !arg(a, 0)->is(SomeKind::None)) require_text(b, arg(a, 0));
  return text_of(b.receiver);
}

SomeRef startswith_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 3);
  SomeRef p = arg(a, 0);
  if (p->is(SomeKind::Tuple)) {
    for (const auto& i : p->as<SomeTuple>().items) require_text(b, i);
  } else {
    require_text(b, p);
  }
  for (size_t i = 1; i < a.positional.size(); ++i) require_int_arg(b, arg(a, i));
  return s_bool();
}

SomeRef find_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 3);
  require_text(b, arg(a, 0));
  for (size_t i = 1; i < a.positional.size(); ++i)
    if (!arg(a, i)->is(SomeKind::None)) require_int_arg(b, arg(a, i));
  return s_int();
}

SomeRef index_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  find_m(cx, b, a);
  return s_nonneg_int();
}

SomeRef count_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  find_m(cx, b, a);
  return s_nonneg_int();
}

SomeRef replace_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 3);
  require_text(b, arg(a, 0));
  require_text(b, arg(a, 1));
  if (a.positional.size() == 3) require_int_arg(b, arg(a, 2));
  return text_of(b.receiver);
}

SomeRef same_text_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return text_of(b.receiver);
}

SomeRef predicate_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return s_bool();
}

SomeRef justify_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  require_int_arg(b, arg(a, 0));
  if (a.positional.size() == 2) require_text(b, arg(a, 1));
  return text_of(b.receiver);
}

SomeRef zfill_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require_int_arg(b, arg(a, 0));
  return text_of(b.receiver);
}

SomeRef partition_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require_text(b, arg(a, 0));
  SomeRef t = text_of(b.receiver);
  return std::make_shared<SomeTuple>(std::vector<SomeRef>{t, t, t});
}

// bytes.hex([sep[, bytes_per_sep]]): sep a str or bytes.
SomeRef hex_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 2);
  if (!a.positional.empty()) {
    const SomeRef& sep = arg(a, 0);
    require((sep->is_str() || sep->is(SomeKind::Bytes)) && !sep->can_be_none(), b, "needs a separator (str or bytes)", sep);
  }
  if (a.positional.size() == 2) require_int_arg(b, arg(a, 1));
  return s_str();
}

// bytes.fromhex(s).
SomeRef fromhex_fn(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  require(arg(a, 0)->is_str() && !arg(a, 0)->can_be_none(), b, "needs a str", arg(a, 0));
  return s_bytes();
}

void check_encoding(const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 2);
  for (const auto& s : a.positional) {
    require(s->is_str() && s->is_constant(), b, "needs a constant encoding (and errors) name", s);
  }
  if (!a.positional.empty()) {
    std::string enc = std::get<std::string>(*arg(a, 0)->constant());
    for (auto& c : enc) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (enc != "utf-8" && enc != "utf8" && enc != "latin-1" && enc != "latin1" && enc != "ascii")
      throw AnnotatorFailure(builtin_display_name(b) + "(): the encoding '" + enc +
                             "' is not supported (utf-8, latin-1, ascii)");
  }
}

SomeRef encode_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  check_encoding(b, a);
  return s_bytes();
}

SomeRef decode_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  check_encoding(b, a);
  return s_str();
}

SomeRef format_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  if (!b.receiver->is_constant())
    throw AnnotatorFailure("str.format() needs a constant format string");
  for (const auto& s : a.positional) str_of(cx, s, false);
  for (const auto& [k, s] : a.keywords) str_of(cx, s, false);
  return s_str();
}

// ---- list ----

ListDef* list_of(const SomeBuiltin& b) { return b.receiver->as<SomeList>().listdef; }

SomeRef append_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  ListDef* l = list_of(b);
  l->resize();
  l->generalize(without_constant(arg(a, 0)));
  return s_none();
}

SomeRef extend_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  ListDef* l = list_of(b);
  l->resize();
  SomeRef other = arg(a, 0);
  if (other->is(SomeKind::List)) {
    l->generalize(other->as<SomeList>().listdef->read_item(cx.position()));
  } else {
    SomeRef it = iter_annotation(cx, other);
    l->generalize(without_constant(next_annotation(cx, it)));
  }
  return s_none();
}

SomeRef insert_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  require_int_arg(b, arg(a, 0));
  ListDef* l = list_of(b);
  l->resize();
  l->generalize(without_constant(arg(a, 1)));
  return s_none();
}

SomeRef pop_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 1);
  if (!a.positional.empty()) require_int_arg(b, arg(a, 0));
  ListDef* l = list_of(b);
  l->resize();
  return l->read_item(cx.position());
}

SomeRef remove_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  ListDef* l = list_of(b);
  l->resize();
  l->generalize(without_constant(arg(a, 0)));
  return s_none();
}

SomeRef list_index_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  list_of(b)->generalize(without_constant(arg(a, 0)));
  return s_nonneg_int();
}

SomeRef reverse_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  list_of(b)->mutate();
  return s_none();
}

SomeRef sort_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  for (const auto& [k, v] : a.keywords)
    if (k != "reverse") throw AnnotatorFailure("list.sort() supports only reverse=; use rpython.rlib.listsort.TimSort");
  expect_args(b, a, 0, 0);
  ListDef* l = list_of(b);
  l->mutate();
  SomeRef item = l->read_item(cx.position());
  if (!item->is_number() && !item->is_str() && !item->is(SomeKind::Impossible))
    throw AnnotatorFailure("list.sort() of items of type " + describe_for_user(item) +
                           " is not supported (use rpython.rlib.listsort.TimSort with lt())");
  return s_none();
}

SomeRef list_clear_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  list_of(b)->resize();
  return s_none();
}

SomeRef list_copy_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return cx.bk.new_list(list_of(b)->read_item(cx.position()));
}

// ---- dict ----

DictDef* dict_of(const SomeBuiltin& b) { return b.receiver->as<SomeDict>().dictdef; }

SomeRef get_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  DictDef* d = dict_of(b);
  d->generalize_key(without_constant(arg(a, 0)));
  SomeRef dflt = a.positional.size() == 2 ? arg(a, 1) : s_none();
  return union_of(d->read_value(cx.position()), without_constant(dflt));
}

SomeRef setdefault_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 2, 2);
  DictDef* d = dict_of(b);
  d->generalize_key(without_constant(arg(a, 0)));
  d->generalize_value(without_constant(arg(a, 1)));
  return d->read_value(cx.position());
}

SomeRef dict_pop_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 2);
  DictDef* d = dict_of(b);
  d->generalize_key(without_constant(arg(a, 0)));
  SomeRef r = d->read_value(cx.position());
  if (a.positional.size() == 2) r = union_of(r, without_constant(arg(a, 1)));
  return r;
}

SomeRef popitem_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  DictDef* d = dict_of(b);
  return std::make_shared<SomeTuple>(std::vector<SomeRef>{d->read_key(cx.position()), d->read_value(cx.position())});
}

template <IterVariant V>
SomeRef view_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  DictDef* d = dict_of(b);
  if (d->is_r_dict()) {
    // r_dict's keys()/values()/items() return new lists.
    SomeRef item = V == IterVariant::Keys     ? d->read_key(cx.position())
                   : V == IterVariant::Values ? d->read_value(cx.position())
                                              : SomeRef(std::make_shared<SomeTuple>(std::vector<SomeRef>{
                                                    d->read_key(cx.position()), d->read_value(cx.position())}));
    return cx.bk.new_list(item);
  }
  return std::make_shared<SomeIterator>(b.receiver, V);
}

SomeRef dict_clear_m(RuleContext&, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  return s_none();
}

SomeRef dict_copy_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 0, 0);
  DictDef* d = dict_of(b);
  return cx.bk.new_dict(d->read_key(cx.position()), d->read_value(cx.position()), d->is_r_dict());
}

SomeRef update_m(RuleContext& cx, const SomeBuiltin& b, const CallArgs& a) {
  no_keywords(b, a);
  expect_args(b, a, 1, 1);
  SomeRef other = arg(a, 0);
  require(other->is(SomeKind::Dict), b, "needs a dict", other);
  DictDef* d = dict_of(b);
  DictDef* o = other->as<SomeDict>().dictdef;
  d->generalize_key(o->read_key(cx.position()));
  d->generalize_value(o->read_value(cx.position()));
  return s_none();
}

}  // namespace

bool builtin_type_has_method(const SomeRef& receiver, const std::string& name);

void add_builtin_methods(BuiltinTable& t) {
  for (const char* kind : {"str", "bytes"}) {
    std::string k = kind;
    t[k + ".join"] = join_m;
    t[k + ".split"] = split_m;
    t[k + ".rsplit"] = split_m;
    t[k + ".splitlines"] = splitlines_m;
    t[k + ".strip"] = strip_m;
    t[k + ".lstrip"] = strip_m;
    t[k + ".rstrip"] = strip_m;
    t[k + ".startswith"] = startswith_m;
    t[k + ".endswith"] = startswith_m;
    t[k + ".find"] = find_m;
    t[k + ".rfind"] = find_m;
    t[k + ".index"] = index_m;
    t[k + ".rindex"] = index_m;
    t[k + ".count"] = count_m;
    t[k + ".replace"] = replace_m;
    t[k + ".lower"] = same_text_m;
    t[k + ".upper"] = same_text_m;
    t[k + ".title"] = same_text_m;
    t[k + ".capitalize"] = same_text_m;
    t[k + ".swapcase"] = same_text_m;
    t[k + ".isdigit"] = predicate_m;
    t[k + ".isalpha"] = predicate_m;
    t[k + ".isalnum"] = predicate_m;
    t[k + ".isspace"] = predicate_m;
    t[k + ".isupper"] = predicate_m;
    t[k + ".islower"] = predicate_m;
    t[k + ".ljust"] = justify_m;
    t[k + ".rjust"] = justify_m;
    t[k + ".center"] = justify_m;
    t[k + ".zfill"] = zfill_m;
    t[k + ".partition"] = partition_m;
    t[k + ".rpartition"] = partition_m;
  }
  t["str.isdecimal"] = predicate_m;
  t["str.isnumeric"] = predicate_m;
  t["str.isidentifier"] = predicate_m;
  t["str.encode"] = encode_m;
  t["str.format"] = format_m;
  t["bytes.decode"] = decode_m;
  t["bytes.hex"] = hex_m;
  t["bytes.fromhex"] = fromhex_fn;
  t["list.append"] = append_m;
  t["list.extend"] = extend_m;
  t["list.insert"] = insert_m;
  t["list.pop"] = pop_m;
  t["list.remove"] = remove_m;
  t["list.index"] = list_index_m;
  t["list.count"] = list_index_m;
  t["list.reverse"] = reverse_m;
  t["list.sort"] = sort_m;
  t["list.clear"] = list_clear_m;
  t["list.copy"] = list_copy_m;
  t["dict.get"] = get_m;
  t["dict.setdefault"] = setdefault_m;
  t["dict.pop"] = dict_pop_m;
  t["dict.popitem"] = popitem_m;
  t["dict.keys"] = view_m<IterVariant::Keys>;
  t["dict.values"] = view_m<IterVariant::Values>;
  t["dict.items"] = view_m<IterVariant::Items>;
  t["dict.clear"] = dict_clear_m;
  t["dict.copy"] = dict_copy_m;
  t["dict.update"] = update_m;
}

}  // namespace rpp::annotator
