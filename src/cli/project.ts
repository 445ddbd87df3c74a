import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { UserError } from "../error.js";
import { FORMATS } from "../report/notebook.js";
import type { Format } from "../report/notebook.js";
import type { ReportSpec } from "../report/report.js";

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

/** What a build makes: a report, or one edition of a report with editions. */
export interface Unit {
  readonly report: string;
  readonly edition?: string;
  /** "cambodia-2020", or "regions/north" for an edition: what shards hash and messages name. */
  readonly id: string;
}

/**
 * What building these reports makes: each report without editions, and each edition of those with
 * them, read from their modules and editions tables. `edition` keeps one edition of one report.
 */
export async function listUnits(root: string, reports: readonly string[], edition?: string): Promise<Unit[]> {
  const [{ importDefault }, { loadEditions, noSuchEdition }, { readInput }, { reportPaths }] = await Promise.all([
    import("../report/modules.js"),
    import("../report/editions.js"),
    import("../build/inputs.js"),
    import("../report/report.js"),
  ]);
  if (edition !== undefined && reports.length !== 1)
    throw new UserError(
      `--edition ${edition}: name the one report it is an edition of, such as plotbrief build <report> --edition ${edition}`,
    );
  const units: Unit[] = [];
  for (const report of reports) {
    const module = reportPaths(report).module;
    const spec = existsSync(join(root, module))
      ? await importDefault<ReportSpec>(root, module, "a report made with defineReport")
      : undefined;
    const editions = spec && typeof spec === "object" ? await loadEditions(root, report, spec, readInput) : undefined;
    if (edition !== undefined && !editions?.some((candidate) => candidate.slug === edition))
      throw new UserError(noSuchEdition(report, edition, editions));
    if (editions === undefined) {
      units.push({ report, id: report });
      continue;
    }
    const chosen = edition === undefined ? editions : editions.filter((candidate) => candidate.slug === edition);
    units.push(...chosen.map((one) => ({ report, edition: one.slug, id: `${report}/${one.slug}` })));
  }
  return units;
}

/** One of n shares of a project's reports that a process builds: `index` from 0. */
export interface Shard {
  readonly index: number;
  readonly count: number;
  /** Where the index came from: "--shard", "JOB_COMPLETION_INDEX"… */
  readonly from: string;
}

/**
 * The reports of a shard: those whose name hashes to its index. The shards of a CI matrix or a cluster
 * split the reports between them, each exactly once, without talking; a report stays in its shard
 * (and beside its cache) when others are added or removed.
 */
export function shardOf<T extends string | Unit>(reports: readonly T[], shard: Shard): T[] {
  return reports.filter(
    (report) => shardIndex(typeof report === "string" ? report : report.id, shard.count) === shard.index,
  );
}

/** The shard of n (from 0) a report belongs to: a stable hash of its name. */
export function shardIndex(report: string, count: number): number {
  return createHash("sha256").update(report).digest().readUInt32BE(0) % count;
}

// The index each engine gives its tasks, from 0, and the count where it gives one too.
const ENGINES = [
  { index: "JOB_COMPLETION_INDEX", engine: "Kubernetes Indexed Jobs" },
  { index: "CLOUD_RUN_TASK_INDEX", count: "CLOUD_RUN_TASK_COUNT", engine: "Cloud Run Jobs" },
  { index: "AWS_BATCH_JOB_ARRAY_INDEX", engine: "AWS Batch array jobs" },
] as const;

/**
 * The shard this process builds: `--shard i/n` (from 1, as CI matrices count), else the index that
 * Kubernetes Indexed Jobs, Cloud Run Jobs or AWS Batch array jobs set, with the count from the engine,
 * `--shards n` or PLOTBRIEF_SHARDS. Undefined when nothing shards the build.
 */
export function resolveShard(
  flags: { readonly shard?: string; readonly shards?: string },
  env: NodeJS.ProcessEnv,
): Shard | undefined {
  if (flags.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(flags.shard);
    const [i, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (!match || n < 1 || i < 1 || i > n)
      throw new UserError(`--shard: expected i/n with 1 <= i <= n, such as 1/2; found "${flags.shard}"`);
    return { index: i - 1, count: n, from: "--shard" };
  }
  const given =
    flags.shards !== undefined ? "--shards" : env.PLOTBRIEF_SHARDS !== undefined ? "PLOTBRIEF_SHARDS" : undefined;
  const setCount = flags.shards ?? env.PLOTBRIEF_SHARDS;
  const engine = ENGINES.find(({ index }) => env[index] !== undefined && env[index] !== "");
  if (!engine) {
    if (given === undefined) return undefined;
    throw new UserError(
      `${given} ${setCount} says how many shards there are, but not which one this is: pass --shard i/n, or run where ${ENGINES.map((e) => e.index).join(", ")} is set`,
    );
  }
  const engineCount = "count" in engine ? env[engine.count] : undefined;
  const countText = setCount ?? engineCount;
  const countFrom = setCount !== undefined ? given! : "count" in engine ? engine.count : undefined;
  if (countText === undefined) {
    throw new UserError(
      `${engine.index}=${env[engine.index]} (${engine.engine}) says which shard this is, but not how many there are: pass --shards n or set PLOTBRIEF_SHARDS to the number of tasks`,
    );
  }
  const whole = (text: string) => (/^\d+$/.test(text) ? Number(text) : Number.NaN);
  const [index, count] = [whole(env[engine.index]!), whole(countText)];
  if (!(count >= 1)) throw new UserError(`${countFrom}: expected a number of shards, 1 or more; found "${countText}"`);
  if (!(index >= 0 && index < count)) {
    throw new UserError(
      `${engine.index}: expected a shard from 0 to ${count - 1} (${countFrom} ${count}); found "${env[engine.index]}"`,
    );
  }
  return { index, count, from: engine.index };
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
