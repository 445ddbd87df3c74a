// The project's own modules (reports, figures, datasets, templates) are TypeScript. The CLI compiles
// each with esbuild into `.cache/plotbrief/modules/`, once per change of its source, and imports the
// JavaScript: no loader hooks, which would cost every process and thread that loads a report a
// quarter of a second to start, and see every later import. Errors say what to fix.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError, located } from "../error.js";

let compile = false;

/**
 * Compiles the project's modules before importing them: called by the process entries (the CLI and its
 * workers), whose Node cannot import TypeScript. A test runner that can does not call it.
 */
export function compileProjectModules(): void {
  compile = true;
}

/** Imports a project module by its path relative to the root, and returns its default export. */
export async function importDefault<T>(root: string, file: string, what: string): Promise<T> {
  const path = join(root, file);
  if (!existsSync(path)) throw new UserError(located(file, undefined, `missing; it should default-export ${what}`));
  let url = pathToFileURL(path).href;
  if (compile) {
    checkModuleType(root);
    url = await compiled(root, path);
  }
  let module: { default?: T };
  try {
    module = await import(url);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(located(file, undefined, explain(root, error as NodeJS.ErrnoException)), { cause: error });
  }
  if (module.default === undefined) throw new UserError(located(file, undefined, `expected a default export: ${what}`));
  return module.default;
}

// A relative import in a module: `from "./x.js"`, `import "./x.js"`, `import("./x.js")`.
const IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(\.{1,2}\/[^"']+)\2/g;
const CODE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

/**
 * The project file a relative import names, as TypeScript resolves it: "./x.js" is "./x.ts" when that
 * exists; undefined when there is none.
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  const path = resolve(dirname(from), specifier);
  const candidates = [path];
  if (/\.[cm]?js$/.test(path)) candidates.unshift(path.replace(/js$/, "ts"));
  if (path.endsWith(".jsx")) candidates.unshift(path.replace(/jsx$/, "tsx"));
  if (!extname(path)) candidates.push(`${path}.ts`, `${path}.js`, join(path, "index.ts"), join(path, "index.js"));
  return candidates.find((candidate) => existsSync(candidate) && !candidate.endsWith(sep));
}

// Each module's source and what its relative imports name, read once while its size and modification
// time stay the same: reports share modules, and a build walks each report's graph more than once.
const modules = new Map<string, { key: string; source: string; imports: (string | undefined)[] }>();

async function moduleSource(file: string): Promise<{ source: string; imports: (string | undefined)[] }> {
  const { size, mtimeMs } = await stat(file);
  const key = `${size}:${mtimeMs}`;
  const known = modules.get(file);
  if (known?.key === key) return known;
  const source = await readFile(file, "utf8");
  const imports = [...source.matchAll(IMPORT)].map((match) => resolveImport(file, match[3]!));
  const entry = { key, source, imports };
  modules.set(file, entry);
  return entry;
}

/** The project modules that `entry` imports, directly or not, found by their relative imports (and itself). */
export async function moduleGraph(entry: string, skip: (file: string) => boolean = () => false): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file) || skip(file) || file.includes(`${sep}node_modules${sep}`)) return;
    seen.add(file);
    if (!CODE.test(file)) return;
    const { imports } = await moduleSource(file).catch(() => ({ imports: [] }));
    await Promise.all(imports.map((target) => (target === undefined ? undefined : visit(target))));
  };
  await visit(entry);
  return [...seen];
}

// Bumped when the compiled form changes, so that modules compiled by an older plotbrief are redone.
const FORMAT = "1";
// The compiled modules known to be up to date in this process, by key.
const fresh = new Set<string>();

/** Compiles `entry` and the modules it imports (where their sources changed); returns the entry's URL. */
async function compiled(root: string, entry: string): Promise<string> {
  const out = join(root, ".cache", "plotbrief", "modules");
  const target = (file: string) => {
    const path = relative(root, file);
    const inside = !path.startsWith("..") && !isAbsolute(path);
    return join(out, inside ? path : join("_outside", file)).replace(/\.[^./\\]+$/, "") + ".mjs";
  };
  const files = (await moduleGraph(entry)).filter((file) => CODE.test(file));
  await Promise.all(
    files.map(async (file) => {
      const { source, imports } = await moduleSource(file);
      const key = createHash("sha256")
        .update(`${FORMAT}\0${file}\0${source}\0${imports.join("\0")}`)
        .digest("hex");
      if (fresh.has(key)) return;
      const path = target(file);
      const header = `// plotbrief ${key}\n`;
      const existing = await readFile(path, "utf8").catch(() => "");
      if (!existing.startsWith(header)) {
        const code = relink(await transform(root, file, source), file, target);
        await mkdir(dirname(path), { recursive: true });
        const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(temporary, header + code);
        await rename(temporary, path);
      }
      fresh.add(key);
    }),
  );
  return pathToFileURL(target(entry)).href;
}

/** TypeScript to JavaScript, one file at a time, with a source map inline (for locating errors). */
async function transform(root: string, file: string, source: string): Promise<string> {
  let transform: typeof import("esbuild").transform;
  try {
    ({ transform } = await import("esbuild"));
  } catch (error) {
    throw new UserError(`cannot compile the project's TypeScript: ${(error as Error).message.trim()}`);
  }
  try {
    const result = await transform(source, {
      loader: /\.[cm]?tsx?$/.test(file) ? (file.endsWith("x") ? "tsx" : "ts") : "js",
      format: "esm",
      target: "node20",
      sourcefile: file,
      sourcemap: "inline",
      logLevel: "silent",
    });
    return result.code;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors?.[0];
    if (!first) throw new UserError(`${relative(root, file)}: cannot compile: ${(error as Error).message.trim()}`);
    const where = `${relative(root, file)}:${first.location ? `${first.location.line}:${first.location.column + 1}` : ""}`;
    throw new UserError(`${where.replace(/:$/, "")}: ${first.text}`);
  }
}

/**
 * Points the compiled module's relative imports at the compiled files (other files, JSON say, at the
 * sources), and its `import.meta` at the source, so that `new URL("./style.css", import.meta.url)`
 * still finds the file beside it.
 */
function relink(code: string, file: string, target: (file: string) => string): string {
  const meta = {
    "import.meta.url": JSON.stringify(pathToFileURL(file).href),
    "import.meta.filename": JSON.stringify(file),
    "import.meta.dirname": JSON.stringify(dirname(file)),
  };
  return code
    .replace(IMPORT, (match, keyword: string, quote: string, specifier: string) => {
      const resolved = resolveImport(file, specifier);
      if (resolved === undefined) return match; // left for Node to report, naming the file
      const url = pathToFileURL(CODE.test(resolved) ? target(resolved) : resolved).href;
      return `${keyword}${quote}${url}${quote}`;
    })
    .replace(/\bimport\.meta\.(?:url|filename|dirname)\b/g, (name) => meta[name as keyof typeof meta]);
}

/**
 * The project's modules are ES modules: without `"type": "module"` in its package.json, the project's
 * editor and tsc read them as CommonJS, which cannot import plotbrief. Checked once per project.
 */
const checked = new Map<string, UserError | undefined>();

function checkModuleType(root: string): void {
  if (!checked.has(root)) checked.set(root, moduleTypeProblem(root));
  const problem = checked.get(root);
  if (problem) throw problem;
}

function moduleTypeProblem(root: string): UserError | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      let type: unknown;
      try {
        type = (JSON.parse(readFileSync(file, "utf8")) as { type?: unknown }).type;
      } catch (error) {
        return new UserError(located(shown(root, file), undefined, `is not valid JSON: ${(error as Error).message}`));
      }
      if (type === "module") return undefined;
      return new UserError(
        located(
          shown(root, file),
          undefined,
          `says "type": ${JSON.stringify(type ?? "commonjs")}; a plotbrief project is made of ES modules: set "type": "module" in it (plotbrief init does this)`,
        ),
      );
    }
    if (dirname(dir) === dir) {
      return new UserError(
        `no package.json in ${root} or above it; a plotbrief project needs one with "type": "module" (run plotbrief init)`,
      );
    }
  }
}

/** Why an import failed, in the project's terms: which file imports what, and the fix. */
function explain(root: string, error: NodeJS.ErrnoException): string {
  const message = error.message ?? String(error);
  const from = /imported from (\S+)/.exec(message)?.[1];
  const where = from ? `${shown(root, sourceOf(root, from.replace(/^file:\/\//, "")))} ` : "";
  const pkg = /^Cannot find package '([^']+)'/.exec(message)?.[1];
  if (error.code === "ERR_MODULE_NOT_FOUND" && pkg) {
    return `failed to load: ${where}imports "${pkg}", which is not installed; add it to the project (npm install ${pkg})`;
  }
  const file = /^Cannot find module '([^']+)'/.exec(message)?.[1];
  if (error.code === "ERR_MODULE_NOT_FOUND" && file) {
    return `failed to load: ${where}imports ${shown(root, file)}, which does not exist`;
  }
  return `failed to load: ${message.replaceAll(root.endsWith("/") ? root : `${root}/`, "")}`;
}

/** The source file of a compiled module's path. */
function sourceOf(root: string, path: string): string {
  const out = join(root, ".cache", "plotbrief", "modules");
  if (!path.startsWith(out + sep)) return path;
  const stem = path.slice(out.length + 1).replace(/\.mjs$/, "");
  const base = stem.startsWith(`_outside${sep}`) ? stem.slice("_outside".length) : join(root, stem);
  return (
    [".ts", ".tsx", ".mts", ".js", ".mjs"].map((ext) => base + ext).find((candidate) => existsSync(candidate)) ?? path
  );
}

function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith("..") ? path : rel;
}
