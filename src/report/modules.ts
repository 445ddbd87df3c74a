// The project's own modules (reports, figures, datasets, templates) are TypeScript. They are imported
// here, through tsx's loader, which is registered on first use, after plotbrief's compiled JavaScript
// has loaded, so that its hooks see only the project's modules; import errors say what to fix.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError, located } from "../error.js";

let wanted = false;
let registered: Promise<void> | undefined;
// Each project's package.json is read once: undefined when it is fine, else the problem.
const checked = new Map<string, UserError | undefined>();

/**
 * Asks for tsx's loader for the project's modules: called by the process entries (the CLI and its
 * workers). A process that already imports TypeScript (a test runner) does not call it.
 */
export function useTypeScriptLoader(): void {
  wanted = true;
}

/** Imports a project module by its path relative to the root, and returns its default export. */
export async function importDefault<T>(root: string, file: string, what: string): Promise<T> {
  const path = join(root, file);
  if (!existsSync(path)) throw new UserError(located(file, undefined, `missing; it should default-export ${what}`));
  if (wanted) {
    if (!checked.has(root)) checked.set(root, moduleTypeProblem(root));
    const problem = checked.get(root);
    if (problem) throw problem;
    registered ??= import("tsx/esm/api").then(({ register }) => void register());
    await registered;
  }
  let module: { default?: T };
  try {
    module = await import(pathToFileURL(path).href);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(located(file, undefined, explain(root, error as NodeJS.ErrnoException)), { cause: error });
  }
  if (module.default === undefined) throw new UserError(located(file, undefined, `expected a default export: ${what}`));
  return module.default;
}

/**
 * The project's modules are ES modules: without `"type": "module"` in its package.json, Node would load
 * them as CommonJS, which cannot import plotbrief, and fail with a message that does not say why.
 */
function moduleTypeProblem(root: string): UserError | undefined {
  try {
    checkModuleType(root);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}

function checkModuleType(root: string): void {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(file, "utf8")) as { type?: unknown }).type;
      } catch (error) {
        throw new UserError(located(shown(root, file), undefined, `is not valid JSON: ${(error as Error).message}`));
      }
      if (type === "module") return;
      throw new UserError(
        located(
          shown(root, file),
          undefined,
          `says "type": ${JSON.stringify(type ?? "commonjs")}; a plotbrief project is made of ES modules: set "type": "module" in it (plotbrief init does this)`,
        ),
      );
    }
    if (dirname(dir) === dir) {
      throw new UserError(
        `no package.json in ${root} or above it; a plotbrief project needs one with "type": "module" (run plotbrief init)`,
      );
    }
  }
}

/** Why an import failed, in the project's terms: which file imports what, and the fix. */
function explain(root: string, error: NodeJS.ErrnoException): string {
  const message = error.message ?? String(error);
  const from = /imported from (\S+)/.exec(message)?.[1];
  const where = from ? `${shown(root, from.replace(/^file:\/\//, ""))} ` : "";
  const pkg = /^Cannot find package '([^']+)'/.exec(message)?.[1];
  if (error.code === "ERR_MODULE_NOT_FOUND" && pkg) {
    return `failed to load: ${where}imports "${pkg}", which is not installed; add it to the project (npm install ${pkg})`;
  }
  const file = /^Cannot find module '([^']+)'/.exec(message)?.[1];
  if (error.code === "ERR_MODULE_NOT_FOUND" && file) {
    return `failed to load: ${where}imports ${shown(root, file)}, which does not exist`;
  }
  if (/require\(\) (of )?ES Module|ERR_REQUIRE_ESM|ERR_REQUIRE_CYCLE_MODULE/.test(`${error.code} ${message}`)) {
    return `failed to load: it was loaded as CommonJS; set "type": "module" in the project's package.json`;
  }
  return `failed to load: ${message.replaceAll(root.endsWith("/") ? root : `${root}/`, "")}`;
}

function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith("..") ? path : rel;
}
