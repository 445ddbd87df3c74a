// The command line's process entry (bin/plotbrief.js): plotbrief runs as compiled JavaScript, and
// the project's own modules, which are TypeScript, go through tsx's loader.
import { useTypeScriptLoader } from "../report/modules.js";
import { main } from "./main.js";

useTypeScriptLoader();
process.exitCode = await main(process.argv.slice(2));
