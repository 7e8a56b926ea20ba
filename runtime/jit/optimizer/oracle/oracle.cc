// The oracle's driver (see oracle.h).
#include "runtime/jit/optimizer/oracle/oracle.h"

#include <cstdio>
#include <map>
#include <memory>

#include "runtime/jit/backend/x86_64/x86_cpu.h"
#include "runtime/jit/interp/reference_interpreter.h"
#include "runtime/jit/ir/trace_printer.h"
#include "runtime/jit/ir/trace_verifier.h"
#include "runtime/jit/optimizer/optimizer.h"
#include "runtime/jit/optimizer/oracle/toy_program.h"
#include "runtime/ops.h"

namespace rpp::jit::oracle {

namespace {

TestGc::Options gc_options() {
  TestGc::Options o;
  o.nursery_bytes = size_t{1} << 20;  // far more than a run allocates: no collection moves objects
  return o;
}

std::vector<Word> ref_roots(const Registers& regs) { return std::vector<Word>(regs.begin() + kIntRegs, regs.end()); }

struct RunOutcome {
  std::string state;
  uint64_t materialized = 0;
  uint32_t resume_pc = 0;
  size_t frames = 0;
  size_t pending_writes = 0;
  bool bridge = false, short_preamble = false;
};

// Where a compiled exit resumes: its trace's resume storage and its guard there.
using ResumeMap = std::map<const Descr*, std::pair<const opt::ResumeStorage*, uint32_t>>;

void add_exits(ResumeMap& map, const opt::OptimizedTrace& o) {
  for (size_t i = 0; i < o.trace.ops().size(); ++i)
    if (o.resume_index[i] >= 0)
      map[o.trace.ops()[i].descr] = {o.resume.get(), static_cast<uint32_t>(o.resume_index[i])};
}

// The registers a failed guard resumes the program with (materializing its virtuals and doing
// its delayed writes), and the pc to continue from (after finishing a subroutine the guard was
// in, for two frames).
struct Resumed {
  Registers regs;
  size_t pc = 0;
  size_t frames = 0;
  uint32_t guard_pc = 0;
};

Resumed resume(const Program& p, const World& w, TestGc& gc, Cpu& cpu, JitFrame* frame, const ResumeMap& exits,
               RunOutcome& out) {
  auto it = exits.find(frame->descr);
  if (it == exits.end()) throw std::logic_error("the trace exited through an exit without resume data");
  const opt::ResumeStorage& storage = *it->second.first;
  uint32_t guard = it->second.second;
  std::vector<Word> fail_values;
  for (size_t i = 0; i < cpu.num_values(frame); ++i) fail_values.push_back(cpu.value(frame, i));
  opt::Materializer m;
  m.allocate = [&](const opt::VirtualDescription& v) -> Word {
    switch (v.kind) {
      case opt::VirtualKind::Struct:
      case opt::VirtualKind::Object: {
        auto* sd = static_cast<const SizeDescr*>(v.descr);
        layout::GcHeader* obj = gc.malloc_fixed(sd->type_id, sd->size);
        if (sd->vtable) ops::store<Word>(obj, layout::kTypeptrOffset, sd->vtable);
        return reinterpret_cast<Word>(obj);
      }
      case opt::VirtualKind::InteriorArray:
        throw std::logic_error("oracle: arrays of structs are not used by the toy programs");
      case opt::VirtualKind::Array:
        return reinterpret_cast<Word>(
            gc.malloc_varsize(static_cast<const ArrayDescr*>(v.descr)->type_id, static_cast<int64_t>(v.items.size())));
      case opt::VirtualKind::Str:
        return reinterpret_cast<Word>(gc.malloc_varsize(layout::kTidStrNarrow, static_cast<int64_t>(v.items.size())));
      case opt::VirtualKind::Unicode:
        return reinterpret_cast<Word>(gc.malloc_varsize(layout::kTidStrWide, static_cast<int64_t>(v.items.size())));
    }
    return 0;
  };
  m.store = [&](Word obj, const opt::VirtualDescription& v, size_t i, Word value) {
    void* o2 = reinterpret_cast<void*>(obj);
    if (v.kind == opt::VirtualKind::Struct || v.kind == opt::VirtualKind::Object) {
      const FieldDescr* f = v.fields[i].first;
      if (f->size != 8) throw std::logic_error("oracle: narrow virtual fields are not used by the toy programs");
      ops::store<Word>(o2, f->offset, value);
    } else if (v.kind == opt::VirtualKind::Array) {
      auto* ad = static_cast<const ArrayDescr*>(v.descr);
      ops::store<Word>(o2, static_cast<int64_t>(ad->base_offset + ad->item_size * i), value);
    } else {
      throw std::logic_error("oracle: virtual strings are not used by the toy programs");
    }
  };
  std::vector<Word> objects = opt::materialize_virtuals(storage, guard, fail_values, m);
  opt::apply_pending_writes(storage, guard, fail_values, objects, [&](Word obj, const FieldDescr* f, Word value) {
    ++out.pending_writes;
    if (f->size != 8) throw std::logic_error("oracle: narrow pending writes are not used by the toy programs");
    ops::store<Word>(reinterpret_cast<void*>(obj), f->offset, value);
  });
  auto frames = storage.frames(guard);
  if (frames.empty() || frames.size() > 2) throw std::logic_error("oracle: expected one or two frames");
  auto registers = [&](const opt::ResumeFrame& f) {
    Registers regs;
    for (opt::Tagged t : f.slots)
      regs.push_back(t.tag() == opt::Tag::Virtual ? objects.at(static_cast<size_t>(t.payload()))
                                                  : storage.value_of(t, fail_values));
    return regs;
  };
  out.materialized += objects.size();
  Resumed r;
  r.guard_pc = frames.back().pc;
  r.frames = frames.size();
  r.regs = registers(frames[0]);
  r.pc = frames[0].pc;
  if (frames.size() == 2) {
    // Inside a call: finish the subroutine, then the caller's Call instruction.
    const opt::ResumeFrame& inner = frames[1];
    if (frames[0].jitcode != 0 || inner.jitcode == 0 || inner.jitcode > p.subs.size())
      throw std::logic_error("oracle: bad frame chain");
    Registers result = interpret(p.subs[inner.jitcode - 1], w, gc, registers(inner), inner.pc);
    const Instr& call = p.body.at(r.pc);
    if (call.kind != Kind::Call) throw std::logic_error("oracle: the caller's frame is not at a call");
    r.regs[call.dst] = result[kResultRegister];
    ++r.pc;
  }
  return r;
}

// Runs an optimized trace from the initial state; when its guard fails, records a bridge from
// there to the loop's start (optimized like the loop, jumping to it), runs it, and when a guard
// fails again resumes the program.
RunOutcome run_trace(const Program& p, const InitialState& init, const World& w, const opt::OptimizedTrace& o,
                     const Recorded& rec, const opt::OptimizerConfig& config, bool x86) {
  TestGc gc(w.names.type_table(), gc_options());
  std::unique_ptr<Cpu> cpu;
  if (x86)
    cpu = std::make_unique<x86::X86Cpu>(gc.hooks(), size_t{8} << 20);
  else
    cpu = std::make_unique<ReferenceInterpreter>(gc.hooks());
  cpu->compile_loop(o.trace, rec.loop);
  ResumeMap exits;
  add_exits(exits, o);
  Registers regs = build_state(init, w, gc);
  std::vector<Word> roots = ref_roots(regs);
  ops::exc_clear();
  RunOutcome out;
  Resumed r = resume(p, w, gc, *cpu, cpu->execute(rec.loop, regs), exits, out);
  opt::OptimizedTrace bridge;  // (kept alive while its code may run)
  if (r.frames == 1 && r.pc < p.body.size()) {
    // (Recorded on copies of the objects: the bridge then runs on the originals.)
    std::optional<Recorded> recorded = record_bridge(p, w, gc, clone_state(r.regs, w, gc), r.pc, rec.label);
    if (recorded) {
      if (std::string err = verify_trace(recorded->trace); !err.empty())
        throw std::logic_error("recorded bridge: " + err);
      opt::LoopEntries entries;
      if (o.entry) entries[o.entry->preamble] = o.entry;
      bridge = opt::optimize_trace(recorded->trace, w.names, config, recorded->snapshots, &entries);
      if (std::string err = verify_trace(bridge.trace); !err.empty())
        throw std::logic_error("the optimized bridge is invalid: " + err + "\n" + print_trace(bridge.trace, &w.names));
      auto* token = w.names.make<LoopToken>();
      cpu->compile_loop(bridge.trace, token);
      add_exits(exits, bridge);
      out.bridge = true;
      out.short_preamble = bridge.short_preamble;
      ops::exc_clear();
      r = resume(p, w, gc, *cpu, cpu->execute(token, r.regs), exits, out);
    }
  }
  out.resume_pc = r.guard_pc;
  out.frames = r.frames;
  Registers final_regs = interpret(p, w, gc, r.regs, r.pc);
  out.state = describe_state(final_regs, roots, w);
  if (gc.collections() != 0) throw std::logic_error("oracle: a collection happened during a run");
  return out;
}

}  // namespace

std::string OracleResult::summary() const {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "%llu cases, %llu failures; operations %llu -> %llu, allocations %llu -> %llu, guards %llu -> %llu; "
                "%llu resumes (%llu through two frames), %llu virtuals materialized, %llu delayed writes done; "
                "%llu bridges (%llu to the peeled loop)",
                static_cast<unsigned long long>(cases), static_cast<unsigned long long>(failures),
                static_cast<unsigned long long>(ops_before), static_cast<unsigned long long>(ops_after),
                static_cast<unsigned long long>(allocs_before), static_cast<unsigned long long>(allocs_after),
                static_cast<unsigned long long>(guards_before), static_cast<unsigned long long>(guards_after),
                static_cast<unsigned long long>(resumes), static_cast<unsigned long long>(two_frame_resumes),
                static_cast<unsigned long long>(materialized), static_cast<unsigned long long>(pending_writes),
                static_cast<unsigned long long>(bridges), static_cast<unsigned long long>(short_preambles));
  return buf;
}

OracleResult run_oracle(uint64_t seed, uint64_t count, const OracleOptions& options) {
  OracleResult result;
  for (uint64_t k = 0; k < count; ++k) {
    uint64_t case_seed = seed + k;
    std::mt19937_64 rng(case_seed);
    Program program = generate_program(rng);
    InitialState init = generate_state(rng);
    TraceNamespace names;
    World w(names);
    ++result.cases;
    std::string stage = "reference run";
    try {
      std::string expected;
      {
        TestGc gc(names.type_table(), gc_options());
        Registers regs = build_state(init, w, gc);
        std::vector<Word> roots = ref_roots(regs);
        expected = describe_state(interpret(program, w, gc, regs), roots, w);
      }
      stage = "recording";
      Recorded rec;
      {
        TestGc gc(names.type_table(), gc_options());
        rec = record_trace(program, w, gc, build_state(init, w, gc));
      }
      if (std::string err = verify_trace(rec.trace); !err.empty()) throw std::logic_error("recorded trace: " + err);
      struct Variant {
        const char* name;
        const char* passes;
        bool x86;
      };
      std::vector<Variant> variants = {{"unoptimized", "none", false},
                                       {"optimized without peeling", "bounds,guards,virtuals,heap,vable,pure,dce", false},
                                       {"optimized", "all", false}};
      if (options.x86) variants.push_back({"optimized (x86-64)", "all", true});
      for (const Variant& v : variants) {
        stage = v.name;
        opt::OptimizerConfig config;
        config.parse(v.passes);
        opt::OptimizedTrace o = opt::optimize_trace(rec.trace, names, config, rec.snapshots);
        if (std::string err = verify_trace(o.trace); !err.empty())
          throw std::logic_error("the optimized trace is invalid: " + err + "\n" + print_trace(o.trace, &names));
        if (options.print)
          std::printf("seed %llu %s:\n%s", static_cast<unsigned long long>(case_seed), v.name,
                      print_trace(o.trace, &names).c_str());
        if (std::string(v.passes) == "all" && !v.x86) {
          result.ops_before += o.stats.ops_in;
          result.ops_after += o.stats.ops_out;
          result.allocs_before += o.stats.allocs_in;
          result.allocs_after += o.stats.allocs_out;
          result.guards_before += o.stats.guards_in;
          result.guards_after += o.stats.guards_out;
        }
        RunOutcome run = run_trace(program, init, w, o, rec, config, v.x86);
        ++result.resumes;
        if (run.bridge) ++result.bridges;
        if (run.short_preamble) ++result.short_preambles;
        if (run.frames > 1) ++result.two_frame_resumes;
        result.pending_writes += run.pending_writes;
        result.materialized += run.materialized;
        if (run.state != expected) {
          ++result.failures;
          if (result.first_failure.empty())
            result.first_failure = "seed " + std::to_string(case_seed) + ": the " + v.name +
                                   " trace ends in another state (resumed at pc " + std::to_string(run.resume_pc) +
                                   ")\nprogram:\n" + program.to_string() + "expected:\n" + expected + "got:\n" +
                                   run.state + "trace:\n" + print_trace(o.trace, &names) + "recorded:\n" +
                                   print_trace(rec.trace, &names);
          break;
        }
      }
    } catch (const std::exception& e) {
      ++result.failures;
      if (result.first_failure.empty())
        result.first_failure = "seed " + std::to_string(case_seed) + " (" + stage + "): " + e.what() + "\nprogram:\n" +
                               program.to_string();
    }
  }
  return result;
}

}  // namespace rpp::jit::oracle
