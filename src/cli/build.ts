import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { UserError, problemsOf } from "../error.js";
import { parsePreciseDate } from "../data/qualified.js";
import type { BuildEvent } from "../build/build.js";
import type { Printer } from "../render/printer.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";
import { cacheDir, listReports, listUnits, parseFormats, resolveShard, shardOf } from "./project.js";

export interface BuildFlags {
  readonly root: string;
  readonly out: string;
  readonly format?: string;
  readonly force?: boolean;
  readonly shard?: string;
  readonly shards?: string;
  readonly pages?: string;
  readonly browserWsEndpoint?: string;
  readonly printTimeout: string;
  /** `--as-of 2020-11-30`: the edition as of that day. */
  readonly asOf?: string;
  /** `--edition north`: one edition of the one report named. */
  readonly edition?: string;
}

/** `plotbrief build [report…]`: builds reports, in parallel, printing with one browser started first. */
export async function build(names: string[], flags: BuildFlags, effects: CliEffects, log: Logger): Promise<void> {
  const started = performance.now();
  const root = resolve(effects.cwd, flags.root);
  const out = resolve(effects.cwd, flags.out);
  const formats = flags.format === undefined ? undefined : parseFormats(flags.format);
  const timeoutMs = Number(flags.printTimeout);
  if (!(timeoutMs > 0)) throw new UserError(`--print-timeout: expected milliseconds, found "${flags.printTimeout}"`);
  const date = sourceDate(effects.env.SOURCE_DATE_EPOCH);
  const asOf = flags.asOf === undefined ? undefined : parsePreciseDate(flags.asOf);
  if (flags.asOf !== undefined && asOf === undefined)
    throw new UserError(`--as-of: expected a date (YYYY-MM-DD, YYYY-MM or YYYY), found "${flags.asOf}"`);
  const shard = resolveShard(flags, effects.env);
  // Each report, or each edition of a report with editions: shards split these.
  const all = await listUnits(root, names.length > 0 ? names : await listReports(root), flags.edition);
  const units = shard === undefined ? all : shardOf(all, shard);
  const slugs = units.map((unit) => unit.id);
  if (shard !== undefined) {
    // A shard with nothing to build still leaves its folder, so that a merge of every shard's finds it.
    await mkdir(out, { recursive: true });
    log.record(
      "shard",
      { shard: shard.index, shards: shard.count, from: shard.from, reports: slugs },
      `shard ${shard.index + 1} of ${shard.count} (${shard.from}): ${slugs.length} of ${all.length} ${all.length === 1 ? "report" : "reports"}`,
    );
  }
  const wsEndpoint = flags.browserWsEndpoint ?? effects.env.PLOTBRIEF_BROWSER_WS_ENDPOINT;
  // How many pages this process prints at once (default one per core): a shared browser service
  // serves several processes, each with a share of its pages.
  const pagesText = flags.pages ?? effects.env.PLOTBRIEF_PAGES;
  const pages = pagesText === undefined ? undefined : Number(pagesText);
  if (pages !== undefined && !(Number.isInteger(pages) && pages >= 1))
    throw new UserError(
      `${flags.pages === undefined ? "PLOTBRIEF_PAGES" : "--pages"}: expected a number of pages, 1 or more; found "${pagesText}"`,
    );
  const needsBrowser = await someWantPrint(root, [...new Set(units.map((unit) => unit.report))], formats);

  const [{ FigureRenderer }, { Printer }, { killBrowsers }, { removeTemporaries }] = await Promise.all([
    import("../build/pool.js"),
    import("../render/printer.js"),
    import("../render/launch.js"),
    import("../write.js"),
  ]);
  // PLOTBRIEF_POOL_THRESHOLD: after how many figures a build starts rendering on worker threads.
  const threshold = effects.env.PLOTBRIEF_POOL_THRESHOLD;
  const renderer = new FigureRenderer(threshold === undefined ? undefined : Number(threshold));
  let printer: Printer | undefined;
  // Signals are handled before the browser starts: Ctrl-C then ends it and removes its profile.
  const stop = (signal: NodeJS.Signals) => {
    killBrowsers();
    removeTemporaries();
    log.error(`stopped by ${signal}`);
    effects.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
  };
  effects.onSignals(stop);
  const totals = { files: 0, written: 0, rendered: [] as string[], cached: [] as string[] };
  try {
    // The browser's process starts first: its start-up (most of a second) overlaps all that follows.
    if (needsBrowser) {
      printer = new Printer({
        timeoutMs,
        env: effects.env,
        ...(wsEndpoint ? { wsEndpoint } : {}),
        ...(pages === undefined ? {} : { pages }),
      });
      await printer.started;
    }
    // When figures are sure to be drawn (no figure in the cache yet, or --force), jsdom loads now, while
    // the browser starts on its own.
    if (flags.force === true || !existsSync(cacheDir(root)))
      void import("../render/svg.js").then((svg) => svg.svgDocument().catch(() => {}));
    const [{ BuildMemo, buildReport }, { Cache }] = await Promise.all([
      import("../build/build.js"),
      import("../build/cache.js"),
    ]);
    const cache = new Cache(cacheDir(root), flags.force === true);
    // A report with editions is loaded once, and each edition narrowed from it.
    const memo = new BuildMemo();
    // Reports build side by side, so one report's print overlaps the next one's rendering.
    const results = await mapLimit(units, availableParallelism() * 2, async (unit) => {
      const slug = unit.id;
      const reportStarted = performance.now();
      const rendered: string[] = [];
      const cached: string[] = [];
      const onEvent = (event: BuildEvent) => {
        if (event.type === "figure") (event.cached ? cached : rendered).push(event.figure);
        log.build(event, out);
      };
      const outputs = await buildReport(unit.report, {
        root,
        out,
        cache,
        renderer,
        onEvent,
        memo,
        ...(unit.edition === undefined ? {} : { edition: unit.edition }),
        ...(printer ? { printer } : {}),
        ...(formats ? { formats } : {}),
        ...(date ? { date } : {}),
        ...(asOf ? { asOf } : {}),
      });
      const ms = Math.round(performance.now() - reportStarted);
      totals.files += outputs.length;
      totals.written += outputs.filter((output) => output.changed).length;
      totals.rendered.push(...rendered.map((id) => `${slug}/${id}`));
      totals.cached.push(...cached.map((id) => `${slug}/${id}`));
      log.record(
        "report",
        { report: slug, files: outputs.length, rendered: rendered.sort(), cached: cached.sort(), ms },
        `built ${slug}: ${outputs.length} files in ${ms} ms; figures rendered: ${rendered.join(", ") || "none"}` +
          (cached.length > 0 ? `; from cache: ${cached.join(", ")}` : ""),
      );
    });
    throwAll(results);
    // A shard's folder holds part of the site: `plotbrief merge` writes the index of the whole.
    if (shard === undefined) {
      const { writeSiteIndex } = await import("../build/site.js");
      const listed = await writeSiteIndex(out);
      log.record(
        "index",
        { reports: listed.map((entry) => entry.report) },
        `wrote ${relative(effects.cwd, join(out, "index.html"))} and reports.json: ${listed.length} ${listed.length === 1 ? "report" : "reports"}`,
      );
    }
  } finally {
    await Promise.all([printer?.close(), renderer.close()]);
    effects.offSignals(stop);
  }
  const ms = Math.round(performance.now() - started);
  log.record(
    "summary",
    {
      reports: slugs.length,
      files: totals.files,
      written: totals.written,
      rendered: totals.rendered.sort(),
      cached: totals.cached.sort(),
      ms,
    },
    `${slugs.length} ${slugs.length === 1 ? "report" : "reports"}, ${totals.files} files (${totals.written} written), ` +
      `${totals.rendered.length} figures rendered, ${totals.cached.length} from cache, in ${ms} ms`,
  );
}

function sourceDate(epoch: string | undefined): Date | undefined {
  if (epoch === undefined) return undefined;
  const date = new Date(Number(epoch) * 1000);
  if (!/^\d+$/.test(epoch) || Number.isNaN(date.getTime())) {
    throw new UserError(`SOURCE_DATE_EPOCH: expected whole seconds since 1970, found "${epoch}"`);
  }
  return date;
}

/** Runs `task` over `items`, at most `limit` at a time, and settles them all. */
async function mapLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  const results: PromiseSettledResult<void>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!).then(
        (value) => ({ status: "fulfilled", value }) as const,
        (reason: unknown) => ({ status: "rejected", reason }) as const,
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every report's problem at once when they are all the user's; else the first bug. */
function throwAll(results: readonly PromiseSettledResult<void>[]): void {
  const reasons = results.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
  if (reasons.length === 0) return;
  const bug = reasons.find((reason) => !(reason instanceof UserError));
  if (bug) throw bug;
  // A problem of the project (its package.json, say) is the same for every report: said once.
  const unique = reasons.filter((reason, i) => reasons.findIndex((other) => other.message === reason.message) === i);
  if (unique.length === 1) throw reasons[0]; // with its cause, for --debug
  const messages = unique.map((reason) => reason.message);
  throw new UserError(messages.join("\n"), { problems: unique.flatMap((reason) => problemsOf(reason)) });
}

/**
 * Whether any of these reports prints (pdf, png, or the social card of a page with a `url`), with the
 * formats given or its front matter's, read without loading the notebook parser: the answer decides
 * whether the browser starts at once.
 */
async function someWantPrint(root: string, slugs: readonly string[], given?: readonly string[]): Promise<boolean> {
  if (given?.some((format) => format === "pdf" || format === "png")) return true;
  for (const slug of slugs) {
    const notebook = await readFile(join(root, "reports", slug, "index.md"), "utf8").catch(() => "");
    // The front matter only: the prose may have a line that starts "url:" or "formats:".
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(notebook)?.[1] ?? "";
    if (/^url:/m.test(front) && (!given || given.includes("html"))) return true;
    if (given) continue;
    // `formats: [html, svg]`, or a block list of `- html` lines under `formats:`.
    const formats = /^formats:[ \t]*(\[[^\]]*\]|(?:\r?\n[ \t]+-[^\n]*)+)/m.exec(front)?.[1];
    if (formats === undefined || /\b(pdf|png)\b/.test(formats)) return true;
  }
  return false;
}
