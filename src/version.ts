import { createRequire } from "node:module";

/** plotbrief's version, from its package.json. */
export const VERSION: string = createRequire(import.meta.url)("../package.json").version;
