import { join, relative, resolve } from "node:path";
import { UserError, groupProblems, problemsOf } from "../error.js";
import type { Problem } from "../error.js";
import type { LoadedReport } from "../report/load.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";
import { listReports } from "./project.js";

export interface CheckFlags {
  readonly root: string;
  readonly against?: string;
}

/**
 * `plotbrief check`: the CI gate. Loads and validates every report, resolves every reference, renders
 * everything in memory twice and compares the bytes, and with --against compares with built outputs,
 * naming each stale file and the inputs that changed. Every problem is listed, then it exits 1.
 */
export async function check(names: string[], flags: CheckFlags, effects: CliEffects, log: Logger): Promise<void> {
  const [
    { loadReport },
    { forEdition },
    { outputPaths },
    { pageFiles, renderReport },
    { staleOutputs },
    { readInput },
  ] = await Promise.all([
    import("../report/load.js"),
    import("../report/editions.js"),
    import("../report/report.js"),
    import("../build/render.js"),
    import("../build/manifest.js"),
    import("../build/inputs.js"),
  ]);
  const root = resolve(effects.cwd, flags.root);
  const against = flags.against === undefined ? undefined : resolve(effects.cwd, flags.against);
  const slugs = names.length > 0 ? names : await listReports(root);
  const problems: Problem[] = [];

  // Each report, or each edition of a report with editions.
  const units: { slug: string; report: LoadedReport | undefined; problems: Problem[] }[] = [];
  for (const name of slugs) {
    const loading: Problem[] = [];
    const base = await loadReport(root, name, readInput).catch((error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      loading.push(...problemsOf(error));
    });
    if (!base?.editions) units.push({ slug: name, report: base ?? undefined, problems: loading });
    else
      for (const edition of base.editions) {
        const found: Problem[] = [];
        let report: LoadedReport | undefined;
        try {
          report = forEdition(base, edition);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          found.push(...problemsOf(error));
        }
        units.push({ slug: outputPaths(name, edition.slug).id, report, problems: found });
      }
  }
  for (const { slug, report, problems: found } of units) {
    const problem = (error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      found.push(...problemsOf(error));
    };
    let files: Map<string, string> | undefined;
    if (report) {
      try {
        const [first, second] = [await renderReport(root, report), await renderReport(root, report)];
        for (const warning of first.warnings) log.warn(warning, { report: slug });
        files = pageFiles(first);
        const again = pageFiles(second);
        for (const [path, content] of files) {
          if (again.get(path) !== content)
            found.push({ message: `${slug}/${path}: two renders of the same input differ` });
        }
      } catch (error) {
        problem(error);
      }
    }
    if (report && against) {
      const dir = join(against, outputPaths(report.slug, report.edition?.slug).dir);
      for (const { path, reason } of await staleOutputs(root, report, dir, files)) {
        found.push({ message: `${relative(effects.cwd, join(dir, path))}: ${reason}` });
      }
    }
    log.record(
      "check",
      // Every problem in full, for CI logs: people see them grouped below.
      { report: slug, ok: found.length === 0, problems: found.map((p) => p.message) },
      `${found.length === 0 ? "ok" : "FAILED"} ${slug}`,
    );
    problems.push(...found);
  }
  if (problems.length > 0) {
    const lines = groupProblems(problems).split("\n");
    throw new UserError(
      `check found ${problems.length.toLocaleString("en-US")} ${problems.length === 1 ? "problem" : "problems"}:\n${lines.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  log.record(
    "summary",
    { reports: slugs.length, problems: 0 },
    `checked ${slugs.length} ${slugs.length === 1 ? "report" : "reports"}${units.length > slugs.length ? ` (${units.length} editions and reports)` : ""}: no problems`,
  );
}
