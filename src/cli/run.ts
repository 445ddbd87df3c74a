// The command line's process entry (bin/plotbrief.js): plotbrief runs as compiled JavaScript, and
// compiles the project's own modules, which are TypeScript, before importing them.
import { compileProjectModules } from "../report/modules.js";
import { main } from "./main.js";

compileProjectModules();
const code = await main(process.argv.slice(2));
// The command is done: once its output is flushed, the process ends, whatever a stalled connection
// (a shared browser that never answered, say) still holds open.
process.exitCode = code;
process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
