// The dev server's build worker: a process of its own, forked by the server with the project's root,
// so that a changed report module is picked up by starting a new one.
import { compileProjectModules } from "../report/modules.js";
import { runWorker } from "./worker.js";

process.env.TZ = "UTC";
compileProjectModules();
await runWorker(process.argv[2]!);
