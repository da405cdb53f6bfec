#!/usr/bin/env node
// Solves a free-MPS file with HiGHS (WebAssembly, npm package `highs`) and prints one
// line "status objective bound gap" so bench/run can read every solver the same way.
// Usage: NODE_PATH=DIR node highs-solve.cjs FILE.mps TIME_LIMIT_S
"use strict";
const fs = require("fs");
const loadHighs = require("highs");

async function main() {
  const [file, limit] = process.argv.slice(2);
  const highs = await loadHighs();
  const model = highs.createModel({ format: "mps", data: fs.readFileSync(file) });
  try {
    // Same stopping rule as orgwork (gap 0) and the other peers; HiGHS's default
    // relative gap of 1e-4 would let it stop earlier than they do.
    model.options.set({ output_flag: false, time_limit: Number(limit),
                        mip_rel_gap: 0, mip_abs_gap: 0 });
    const st = model.run().modelStatus;
    const s = highs.constants.modelStatus;
    const name = st === s.optimal ? "optimal" : st === s.infeasible ? "infeasible"
               : st === s.timeLimit ? "timelimit" : "status" + st;
    let obj = "-", bound = "-", gap = "-";
    try {
      bound = String(model.info.get("mip_dual_bound"));
      if (Number(model.info.get("primal_solution_status")) > 0) {
        obj = String(model.getObjectiveValue());
        gap = String(model.info.get("mip_gap"));
      }
    } catch (e) { /* no incumbent: leave the dashes */ }
    process.stdout.write(`${name} ${obj} ${bound} ${gap}\n`);
  } finally {
    model.dispose();
  }
}
main().catch((e) => { process.stderr.write(String(e) + "\n"); process.exit(1); });
