// What an output depends on, as content hashes: the incremental build's cache keys.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile as readFileFromDisk, readdir, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { reportPaths } from "../report/report.js";
import type { LoadedReport } from "../report/report.js";

// A build reads the same inputs for many reports (the template, shared data and modules): each file's
// bytes are read once per process for as long as its size and modification time stay the same.
const reads = new Map<string, { key: string; bytes: Promise<Buffer> }>();

async function readFile(path: string, encoding?: "utf8"): Promise<Buffer & string> {
  const { size, mtimeMs } = await stat(path);
  const key = `${size}:${mtimeMs}`;
  let entry = reads.get(path);
  if (entry?.key !== key) {
    entry = { key, bytes: readFileFromDisk(path) };
    reads.set(path, entry);
  }
  const bytes = await entry.bytes;
  return (encoding ? bytes.toString(encoding) : bytes) as Buffer & string;
}

/** A SHA-256 over its parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ. */
export function hash(...parts: (string | Uint8Array)[]): string {
  const digest = createHash("sha256");
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part) : part;
    digest.update(`${bytes.length}:`).update(bytes);
  }
  return digest.digest("hex");
}

/** Hashes files by path (relative to root) and content, in a stable order. */
export async function hashFiles(root: string, files: Iterable<string>): Promise<string> {
  const sorted = [...new Set(files)].sort();
  const parts = await Promise.all(
    sorted.map(
      async (file) => [relative(root, file), await readFile(file).catch(() => Buffer.from("(missing)"))] as const,
    ),
  );
  return hash(...parts.flat());
}

const TOOL = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let toolHash: Promise<string> | undefined;

/** plotbrief itself: its version and every file of its source, so a change to the tool invalidates the cache. */
export function hashTool(): Promise<string> {
  toolHash ??= (async () => {
    const entries = await readdir(join(TOOL, "src"), { recursive: true, withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    return hashFiles(TOOL, [join(TOOL, "package.json"), join(TOOL, "package-lock.json"), ...files]);
  })();
  return toolHash;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/**
 * The project files a module imports, directly or not, found by reading their relative imports
 * (`./x.js` is the TypeScript file `./x.ts`). plotbrief's own source is left to {@link hashTool}.
 */
export async function moduleGraph(entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file) || file.startsWith(join(TOOL, "src")) || file.includes("node_modules")) return;
    seen.add(file);
    const source = await readFile(file, "utf8").catch(() => "");
    for (const match of source.matchAll(IMPORT)) {
      let target = resolve(dirname(file), match[1]!);
      if (target.endsWith(".js") && !existsSync(target) && existsSync(target.replace(/\.js$/, ".ts"))) {
        target = target.replace(/\.js$/, ".ts");
      }
      await visit(target);
    }
  };
  await visit(entry);
  return [...seen];
}

/** Every project file a report is made from: its notebook and modules, its datasets' files, its template. */
export async function reportInputs(root: string, report: LoadedReport): Promise<string[]> {
  const paths = reportPaths(report.slug);
  const [modules, template] = await Promise.all([
    moduleGraph(join(root, paths.module)),
    moduleGraph(join(root, report.templateDir, "template.ts")),
  ]);
  const data = [...report.datasets.values()].map((dataset) => join(root, dataset.spec.file));
  const styles = report.template.styles.map((file) => join(root, report.templateDir, file));
  return [...new Set([join(root, paths.notebook), ...modules, ...data, ...template, ...styles])].sort();
}

/** Each input's content hash by its path relative to the root: what a manifest records. */
export async function inputHashes(root: string, files: readonly string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    files.map(async (file) => [relative(root, file), hash(await readFile(file).catch(() => Buffer.alloc(0)))] as const),
  );
  return Object.fromEntries(entries);
}
