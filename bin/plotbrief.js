#!/usr/bin/env node
// Reports and datasets are TypeScript modules, so the CLI runs under tsx's loader.
import { register } from "tsx/esm/api";

// Dates are computed in UTC throughout; this guards any code that forgets.
process.env.TZ = "UTC";
// tsx's loader hooks see every import made after it is registered, at a cost per module: the large
// ES module graphs that a build needs are loaded before it, when the command will use them.
if (["build", "check", "dev", "__dev-worker"].includes(process.argv[2] ?? "")) {
  await Promise.all(
    ["puppeteer-core", "@observablehq/plot", "zod", "markdown-it", "yaml", "csv-parse/sync"].map(
      (name) => import(name),
    ),
  );
}
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
