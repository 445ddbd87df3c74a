// A worker thread that renders figures: report modules are TypeScript, so it loads tsx first.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
