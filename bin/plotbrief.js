#!/usr/bin/env node
// plotbrief's command line. Dates are computed in UTC throughout; this guards any code that forgets.
process.env.TZ = "UTC";
try {
  await import("../dist/cli/run.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("/dist/cli/run.js")) throw error;
  // A checkout of plotbrief's own repository before its first `npm install`, which compiles it.
  console.error("error: plotbrief is not compiled: run `npm install` (or `npm run compile`) in its folder");
  process.exitCode = 1;
}
