// The project's own modules (reports, figures, datasets, templates) are TypeScript. The CLI compiles
// each with esbuild into `.cache/plotbrief/modules/`, once per change of its source, and imports the
// JavaScript: no loader hooks, which would cost every process and thread that loads a report a
// quarter of a second to start, and see every later import. Errors say what to fix.
import { createHash } from "node:crypto";
import { SourceMap } from "node:module";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError, isCallerError, located } from "../error.js";
import { isOutside, linkedOutside } from "../paths.js";
import { VERSION } from "../version.js";
import { temporaryBeside, withTemporary } from "../write.js";

let compile = false;

// plotbrief's own source and compiled code, wherever it is installed.
const PACKAGE = fileURLToPath(new URL("../..", import.meta.url));
const OWN = [join(PACKAGE, "src") + sep, join(PACKAGE, "dist") + sep];

/**
 * Compiles the project's modules before importing them: called by the process entries (the CLI and its
 * workers), whose Node cannot import TypeScript. A test runner that can does not call it.
 */
export function compileProjectModules(): void {
  compile = true;
}

/** Where a project's compiled modules are kept. */
export function modulesDir(root: string): string {
  return join(root, ".cache", "plotbrief", "modules");
}

/** Imports a project module by its path relative to the root, and returns its default export. */
export async function importDefault<T>(root: string, file: string, what: string): Promise<T> {
  const path = join(root, file);
  if (!existsSync(path)) throw new UserError(located(file, undefined, `missing; it should default-export ${what}`));
  const real = linkedOutside(root, path);
  if (real !== undefined) {
    throw new UserError(
      located(file, undefined, `is a link to ${real}, outside the project folder; a build reads only the project`),
    );
  }
  let url = pathToFileURL(path).href;
  if (compile) {
    checkModuleType(root);
    url = await compiled(root, path);
  }
  let module: { default?: T };
  try {
    module = await import(url);
  } catch (error) {
    if (error instanceof UserError && !isCallerError(error)) throw error;
    // A module that throws as it loads (a figure's id checked by defineFigure, say) is named where it threw.
    const where = projectFrame(root, error);
    // A call to plotbrief with wrong options (number({ unit: "furlong" })) is named at the call.
    const message = isCallerError(error) ? (error as Error).message : explain(root, error as NodeJS.ErrnoException);
    throw new UserError(where ? `${where}: ${message}` : located(file, undefined, message), { cause: error });
  }
  if (module.default === undefined) throw new UserError(located(file, undefined, `expected a default export: ${what}`));
  return module.default;
}

// Modules compiled to JavaScript and imported from the cache; anything else (JSON, CommonJS) is
// imported where it is.
const COMPILED = /\.(?:[mc]?ts|tsx|m?js|jsx)$/;
const LOADERS = { ts: "ts", mts: "ts", cts: "ts", tsx: "tsx", js: "js", mjs: "js", jsx: "jsx" } as const;

/**
 * The project file a relative import names, as TypeScript resolves it: "./x.js" is "./x.ts" when that
 * exists, "./dir" is "./dir/index.ts"; undefined when there is none.
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  const path = resolve(dirname(from), specifier);
  const candidates = [path];
  if (/\.[cm]?js$/.test(path)) candidates.unshift(path.replace(/js$/, "ts"));
  if (path.endsWith(".jsx")) candidates.unshift(path.replace(/jsx$/, "tsx"));
  if (!extname(path)) candidates.push(`${path}.ts`, `${path}.js`, join(path, "index.ts"), join(path, "index.js"));
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

/** A module as read and compiled: its JavaScript, and each relative import with the file it names. */
interface ModuleSource {
  readonly key: string;
  readonly source: string;
  readonly code: string;
  readonly imports: readonly {
    readonly specifier: string;
    /** The import's place in `code`: the specifier between its quotes. */
    readonly start: number;
    readonly end: number;
    readonly resolved: string | undefined;
  }[];
  /** Where `code` reads `import.meta.url`, `.filename` or `.dirname`. */
  readonly metas: readonly { readonly start: number; readonly end: number; readonly name: string }[];
}

// Each module, read, compiled and its imports found once while its size and modification time stay
// the same: reports share modules, and a build walks each report's graph more than once.
const modules = new Map<string, ModuleSource>();

async function moduleSource(root: string, file: string): Promise<ModuleSource> {
  const { size, mtimeMs } = await stat(file);
  const key = `${size}:${mtimeMs}`;
  const known = modules.get(file);
  if (known?.key === key) return known;
  const source = await readFile(file, "utf8");
  const code = await transform(root, file, source);
  const { init, parse } = await import("es-module-lexer");
  await init;
  const [found] = parse(code);
  const imports: ModuleSource["imports"][number][] = [];
  const metas: ModuleSource["metas"][number][] = [];
  for (const { n: specifier, s: start, e: end, d: dynamic } of found) {
    if (dynamic === -2) {
      const name = /^\.(url|filename|dirname)\b/.exec(code.slice(end))?.[1];
      if (name) metas.push({ start, end: end + 1 + name.length, name });
      continue;
    }
    if (specifier === undefined) {
      const line = lineOf(source, code.slice(start, end));
      throw new UserError(
        located(relative(root, file), line, "import() of a computed path; import each module by its path"),
      );
    }
    if (!/^\.{1,2}\//.test(specifier)) continue;
    const resolved = resolveImport(file, specifier);
    const at = (why: string) =>
      new UserError(located(relative(root, file), lineOf(source, specifier), `imports "${specifier}", ${why}`));
    if (resolved === undefined) throw at("which does not exist");
    if (isOutside(root, resolved) || linkedOutside(root, resolved) !== undefined) {
      throw at("which is outside the project folder; a build reads only the project: copy the module into it");
    }
    // A dynamic import's place covers its quotes; a static one's does not.
    const quoted = dynamic > -1 ? 1 : 0;
    imports.push({ specifier, start: start + quoted, end: end - quoted, resolved });
  }
  const entry = { key, source, code, imports, metas };
  modules.set(file, entry);
  return entry;
}

function lineOf(source: string, text: string): number | undefined {
  const at = source.indexOf(text);
  return at === -1 ? undefined : source.slice(0, at).split("\n").length;
}

/** The project modules that `entry` imports, directly or not, and itself. */
export async function moduleGraph(
  root: string,
  entry: string,
  skip: (file: string) => boolean = () => false,
): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file) || skip(file) || file.includes(`${sep}node_modules${sep}`)) return;
    seen.add(file);
    if (!COMPILED.test(file)) return;
    const { imports } = await moduleSource(root, file);
    await Promise.all(imports.map(({ resolved }) => (resolved === undefined ? undefined : visit(resolved))));
  };
  await visit(entry);
  return [...seen];
}

// Modules compiled by another version of plotbrief are compiled again.
const FORMAT = `plotbrief ${VERSION}`;
// The compiled modules known to be up to date in this process, by key.
const fresh = new Set<string>();

/** Compiles `entry` and the modules it imports (where their sources changed); returns the entry's URL. */
async function compiled(root: string, entry: string): Promise<string> {
  const out = modulesDir(root);
  const target = (file: string) => join(out, relative(root, file)).replace(/\.[^./\\]+$/, "") + ".mjs";
  const files = (await moduleGraph(root, entry)).filter((file) => COMPILED.test(file));
  await Promise.all(
    files.map(async (file) => {
      const module = await moduleSource(root, file);
      const key = createHash("sha256")
        .update([FORMAT, out, file, module.source, ...module.imports.map((i) => i.resolved)].join("\0"))
        .digest("hex");
      if (fresh.has(key)) return;
      const path = target(file);
      // The key goes last, so that the compiled lines stay the source map's lines.
      const trailer = `\n// plotbrief ${key}\n`;
      const existing = await readFile(path, "utf8").catch(() => "");
      if (!existing.endsWith(trailer)) {
        await mkdir(dirname(path), { recursive: true });
        const temporary = temporaryBeside(path);
        await withTemporary(temporary, async () => {
          await writeFile(temporary, relink(module, file, target) + trailer);
          await rename(temporary, path);
        });
      }
      fresh.add(key);
    }),
  );
  return pathToFileURL(target(entry)).href;
}

/** TypeScript to JavaScript, one file at a time, with its source map inline (`--debug` maps stack traces). */
async function transform(root: string, file: string, source: string): Promise<string> {
  let transform: typeof import("esbuild").transform;
  try {
    ({ transform } = await import("esbuild"));
  } catch (error) {
    throw new UserError(`cannot compile the project's TypeScript: ${(error as Error).message.trim()}`);
  }
  const extension = extname(file).slice(1) as keyof typeof LOADERS;
  try {
    const result = await transform(source, {
      loader: LOADERS[extension] ?? "js",
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
 * The compiled module with its relative imports pointing at the compiled files (other files, JSON say,
 * at the sources), and its `import.meta.url` at the source, so that `new URL("./style.css",
 * import.meta.url)` still finds the file beside it. Places come from es-module-lexer, so that text in
 * strings and comments is left alone.
 */
function relink(module: ModuleSource, file: string, target: (file: string) => string): string {
  const meta: Record<string, string> = {
    url: JSON.stringify(pathToFileURL(file).href),
    filename: JSON.stringify(file),
    dirname: JSON.stringify(dirname(file)),
  };
  const edits = [
    ...module.imports.map(({ start, end, resolved }) => ({
      start,
      end,
      text: pathToFileURL(COMPILED.test(resolved!) ? target(resolved!) : resolved!).href,
    })),
    ...module.metas.map(({ start, end, name }) => ({ start, end, text: meta[name]! })),
  ].sort((a, b) => b.start - a.start);
  let code = module.code;
  for (const { start, end, text } of edits) code = code.slice(0, start) + text + code.slice(end);
  return code;
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
  const from = /imported from (.+?)\s*$/m.exec(message)?.[1];
  const importer = from ? (from.startsWith("file:") ? fileURLToPath(from) : from) : undefined;
  const where = importer ? `${shown(root, sourceOf(root, importer))} ` : "";
  const pkg = /^Cannot find package '([^']+)'/.exec(message)?.[1];
  if (error.code === "ERR_MODULE_NOT_FOUND" && pkg) {
    return `failed to load: ${where}imports "${pkg}", which is not installed; add it to the project (npm install ${pkg})`;
  }
  const file = /^Cannot find module '([^']+)'/.exec(message)?.[1];
  if (error.code === "ERR_MODULE_NOT_FOUND" && file) {
    return `failed to load: ${where}imports ${shown(root, sourceOf(root, file))}, which does not exist`;
  }
  return `failed to load: ${message.replaceAll(root.endsWith("/") ? root : `${root}/`, "")}`;
}

/** The source file of a compiled module's path. */
function sourceOf(root: string, path: string): string {
  const out = modulesDir(root);
  if (!path.startsWith(out + sep)) return path;
  const base = join(root, path.slice(out.length + 1).replace(/\.mjs$/, ""));
  const extensions = [".ts", ".tsx", ".mts", ".js", ".mjs", ".jsx"];
  return extensions.map((extension) => base + extension).find((candidate) => existsSync(candidate)) ?? path;
}

function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel.startsWith("..") ? path : rel;
}

/**
 * Where in the project's own code an error was thrown: the first frame of its stack in a project
 * module, mapped from the compiled module back to its source ("reports/x/figures/y.ts:12:7"), or
 * undefined when no frame is the project's.
 */
export function projectFrame(root: string, error: unknown): string | undefined {
  const stack = (error as Error | undefined)?.stack ?? "";
  const out = modulesDir(root);
  for (const match of stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+):(\d+):(\d+)/g)) {
    const [, path, line, column] = match as unknown as [string, string, string, string];
    // plotbrief's own code is not the project's, even in this repository, whose flagship is a project.
    if (OWN.some((dir) => path.startsWith(dir))) continue;
    if (path.startsWith(out + sep)) {
      const mapped = mapBack(path, Number(line), Number(column));
      if (mapped) return `${shown(root, mapped.file)}:${mapped.line}:${mapped.column}`;
    } else if (path.startsWith(root + sep) && !path.includes(`${sep}node_modules${sep}`) && COMPILED.test(path)) {
      return `${shown(root, path)}:${line}:${column}`;
    }
  }
  return undefined;
}

/** A place in a compiled module, mapped through its inline source map to its source. */
function mapBack(
  path: string,
  line: number,
  column: number,
): { file: string; line: number; column: number } | undefined {
  let code: string;
  try {
    code = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const payload = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)/.exec(code)?.[1];
  if (!payload) return undefined;
  const map = new SourceMap(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
  const entry = map.findEntry(line - 1, column - 1) as {
    originalSource?: string;
    originalLine?: number;
    originalColumn?: number;
  };
  if (entry.originalSource === undefined || entry.originalLine === undefined) return undefined;
  const file = entry.originalSource.startsWith("file:") ? fileURLToPath(entry.originalSource) : entry.originalSource;
  return { file, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}
