#!/usr/bin/env node
// Reports and datasets are TypeScript modules, so the CLI runs under tsx's loader.
import { register } from "tsx/esm/api";

// Dates are computed in UTC throughout; this guards any code that forgets.
process.env.TZ = "UTC";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
