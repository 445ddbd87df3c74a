// Loaded with --import: reports the process's peak memory on stderr as it exits, for the benchmark.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
