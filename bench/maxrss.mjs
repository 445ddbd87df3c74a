// Loaded with --import: reports the process's peak memory and its CPU time (all its threads) on stderr
// as it exits, for the benchmark.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeSync(2, `\nBENCH_MAXRSS_KB=${usage.maxRSS}\nBENCH_CPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
