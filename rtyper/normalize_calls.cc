// Unifying the signatures of call families (normalize_calls.h).
#include "rtyper/normalize_calls.h"

#include <algorithm>

#include "annotator/bookkeeper.h"
#include "annotator/union.h"
#include "rtyper/rtyper.h"

namespace rpp::rtyper {

using annotator::DescKind;
using annotator::SomeKind;
using annotator::SomeRef;

namespace {

void add_graphs(const annotator::FunctionDesc& f, std::vector<flow::FunctionGraph*>& out) {
  for (const std::string& key : f.graph_keys_in_order) {
    auto it = f.graphs.find(key);
    if (it != f.graphs.end() && std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
  }
}

SomeRef unite(const SomeRef& a, const SomeRef& b) {
  if (!a || a->is(SomeKind::Impossible)) return b;
  if (!b || b->is(SomeKind::Impossible)) return a;
  return annotator::union_of(a, b);
}

const annotator::SomeRef& annotation_of(const flow::Variable* v) { return v->annotation; }

// Whether two annotations have the same low-level type (classes are compared before their
// vtables are laid out).
bool same_lowlevel(RTyper& rtyper, const SomeRef& a, const SomeRef& b) {
  if (a->kind() != b->kind()) return false;
  switch (a->kind()) {
    case SomeKind::Instance: return a->as<annotator::SomeInstance>().classdef == b->as<annotator::SomeInstance>().classdef;
    case SomeKind::Type: return a->as<annotator::SomeType>().base == b->as<annotator::SomeType>().base;
    case SomeKind::PBC: {
      const auto& pa = a->as<annotator::SomePBC>();
      const auto& pb = b->as<annotator::SomePBC>();
      return pa.descs() == pb.descs() && pa.can_be_none() == pb.can_be_none();
    }
    default: return rtyper.getrepr(a)->lowleveltype() == rtyper.getrepr(b)->lowleveltype();
  }
}

}  // namespace

void normalize_calls(RTyper& rtyper) {
  for (annotator::CallFamily* family : rtyper.bookkeeper().call_families().families()) {
    std::vector<flow::FunctionGraph*> graphs;
    for (const annotator::Desc* d : family->descs) {
      if (d->kind == DescKind::Function) add_graphs(d->as<annotator::FunctionDesc>(), graphs);
      else if (d->kind == DescKind::Method) add_graphs(*d->as<annotator::MethodDesc>().func, graphs);
    }
    if (graphs.size() < 2) continue;
    size_t n = graphs[0]->startblock->inputargs.size();
    bool same_arity = true;
    for (auto* g : graphs) same_arity &= g->startblock->inputargs.size() == n;
    if (!same_arity) continue;
    std::vector<SomeRef> params(n);
    SomeRef result;
    try {
      for (auto* g : graphs) {
        for (size_t k = 0; k < n; ++k) params[k] = unite(params[k], annotator::without_constant(annotation_of(g->startblock->inputargs[k])));
        const SomeRef& r = annotation_of(g->returnblock->inputargs[0]);
        if (r) result = unite(result, annotator::without_constant(r));
      }
    } catch (const std::exception&) {
      continue;  // no common signature: a call through one pointer to these would fail later
    }
    for (auto* g : graphs) {
      bool differs = false;
      for (size_t k = 0; k < n; ++k) {
        const SomeRef& own = annotation_of(g->startblock->inputargs[k]);
        if (!own || !params[k]) continue;
        if (!same_lowlevel(rtyper, own, params[k])) differs = true;
      }
      if (differs) {
        std::vector<flow::Variable*> inputs;
        for (size_t k = 0; k < n; ++k) {
          flow::Variable* v = g->new_variable(g->startblock->inputargs[k]->name_hint);
          v->annotation = params[k] ? params[k] : annotation_of(g->startblock->inputargs[k]);
          inputs.push_back(v);
        }
        flow::Block* start = g->new_block(inputs);
        std::vector<flow::Value*> args(inputs.begin(), inputs.end());
        start->add_exit(g->startblock, std::move(args));
        g->startblock = start;
      }
      flow::Variable* rv = g->returnblock->inputargs[0];
      if (result && (!rv->annotation || !same_lowlevel(rtyper, rv->annotation, result)))
        rv->annotation = result;
    }
  }
}

}  // namespace rpp::rtyper
