// What an output depends on, as content hashes: the incremental build's cache keys.
import { createHash } from "node:crypto";
import { readFile as readFileFromDisk, readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { moduleGraph as graphOf } from "../report/modules.js";
import { reportPaths } from "../report/report.js";
import type { LoadedReport } from "../report/load.js";

// A build reads the same inputs for many reports (shared data and modules), and reads a dataset's
// file both to load it and to hash it: each file's bytes are read once per process for as long as its
// size and modification time stay the same.
const reads = new Map<string, { key: string; bytes: Promise<Buffer> }>();

/** A file's bytes, read once while it is unchanged: the build's reader for data files and hashes. */
export async function readInput(path: string): Promise<Buffer> {
  const { size, mtimeMs } = await stat(path);
  const key = `${size}:${mtimeMs}`;
  let entry = reads.get(path);
  if (entry?.key !== key) {
    entry = { key, bytes: readFileFromDisk(path) };
    reads.set(path, entry);
  }
  return entry.bytes;
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
      async (file) => [relative(root, file), await readInput(file).catch(() => Buffer.from("(missing)"))] as const,
    ),
  );
  return hash(...parts.flat());
}

// plotbrief's own code: dist/ when it runs compiled, src/ when it runs from source (tests).
const SELF = fileURLToPath(new URL("..", import.meta.url));
let toolHash: Promise<string> | undefined;

/** plotbrief itself: its package.json and every file of its code, so a change to the tool invalidates the cache. */
export function hashTool(): Promise<string> {
  toolHash ??= (async () => {
    const entries = await readdir(SELF, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && !entry.name.endsWith(".d.ts"))
      .map((entry) => join(entry.parentPath, entry.name));
    return hashFiles(SELF, [join(SELF, "../package.json"), ...files]);
  })();
  return toolHash;
}

/**
 * The project files a module imports, directly or not, with itself. plotbrief's own code is left to
 * {@link hashTool}.
 */
export function moduleGraph(root: string, entry: string): Promise<string[]> {
  return graphOf(root, entry, (file) => file.startsWith(SELF));
}

/** Every project file a report is made from: its notebook and modules, its datasets' files, its template. */
export async function reportInputs(root: string, report: LoadedReport): Promise<string[]> {
  const paths = reportPaths(report.slug);
  const { template } = report;
  const [modules, templateModules] = await Promise.all([
    moduleGraph(root, join(root, paths.module)),
    template.builtIn ? [] : moduleGraph(root, join(template.dir, "template.ts")),
  ]);
  const data = [
    ...[...report.datasets.values()].map((dataset) => join(root, dataset.spec.file)),
    ...(report.edition ? [join(root, report.edition.file)] : []),
  ];
  const styles = template.builtIn
    ? []
    : template.spec.styles.map((style) =>
        typeof style === "string" ? join(template.dir, style) : fileURLToPath(style),
      );
  return [...new Set([join(root, paths.notebook), ...modules, ...data, ...templateModules, ...styles])].sort();
}

/** Each input's content hash by its path relative to the root: what a manifest records. */
export async function inputHashes(root: string, files: readonly string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    files.map(
      async (file) => [relative(root, file), hash(await readInput(file).catch(() => Buffer.alloc(0)))] as const,
    ),
  );
  return Object.fromEntries(entries);
}
