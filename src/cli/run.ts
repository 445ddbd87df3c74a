// The command line's process entry (bin/plotbrief.js): plotbrief runs as compiled JavaScript, and
// compiles the project's own modules, which are TypeScript, before importing them.
import { compileProjectModules } from "../report/modules.js";
import { main } from "./main.js";

compileProjectModules();
process.exitCode = await main(process.argv.slice(2));
