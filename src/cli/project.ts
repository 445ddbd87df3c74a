import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../error.js";
import { FORMATS } from "../report/notebook.js";
import type { Format } from "../report/notebook.js";

/** The reports of a project: the folders under reports/ with a notebook (index.md), sorted by name. */
export async function listReports(root: string): Promise<string[]> {
  const entries = await readdir(join(root, "reports"), { withFileTypes: true }).catch(() => {
    throw new UserError(`no reports/ folder in ${root}; run plotbrief in a project folder or pass --root`);
  });
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(root, "reports", entry.name, "index.md")))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The reports of shard i of n ("2/4"): every n-th report by name, starting at the i-th, so that the
 * shards of a CI matrix split the reports between them, each exactly once, without talking.
 */
export function shardOf(reports: readonly string[], shard: string): string[] {
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const [i, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || n < 1 || i < 1 || i > n)
    throw new UserError(`--shard: expected i/n with 1 <= i <= n, such as 1/2; found "${shard}"`);
  return reports.filter((_, index) => index % n === i - 1);
}

export function parseFormats(list: string): Format[] {
  const formats = list.split(",").map((format) => format.trim());
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UserError(`--format: expected a list from ${FORMATS.join(",")}, found "${list}"`);
  }
  return formats as Format[];
}

/** Where the incremental build keeps rendered figures and printed files (compiled modules are beside it). */
export function cacheDir(root: string): string {
  return join(root, ".cache", "plotbrief", "outputs");
}
