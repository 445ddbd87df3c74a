import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { UserError } from "../error.js";
import type { Manifest } from "../build/build.js";
import type { RenderedReport } from "../report/assemble.js";
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
  const files = (rendered: RenderedReport) =>
    new Map([
      ["index.html", rendered.html],
      ...rendered.figures.map(({ figure, svg }) => [`figures/${figure.id}.svg`, `${svg}\n`] as const),
    ]);
  const [{ loadReport }, { assembleReport }, { hash, inputHashes, reportInputs }, { MANIFEST }] = await Promise.all([
    import("../report/report.js"),
    import("../report/assemble.js"),
    import("../build/inputs.js"),
    import("../build/build.js"),
  ]);
  const root = resolve(effects.cwd, flags.root);
  const against = flags.against === undefined ? undefined : resolve(effects.cwd, flags.against);
  const slugs = names.length > 0 ? names : await listReports(root);
  const problems: string[] = [];

  for (const slug of slugs) {
    const found: string[] = [];
    const problem = (error: unknown) => {
      if (!(error instanceof UserError)) throw error;
      found.push(...error.message.split("\n"));
    };
    const report = await loadReport(root, slug).catch(problem);
    let outputs: Map<string, string> | undefined;
    if (report) {
      try {
        const [first, second] = [await assembleReport(root, report), await assembleReport(root, report)];
        for (const warning of first.warnings) log.warn(warning, { report: slug });
        outputs = files(first);
        const again = files(second);
        for (const [path, content] of outputs) {
          if (again.get(path) !== content) found.push(`${slug}/${path}: two renders of the same input differ`);
        }
      } catch (error) {
        problem(error);
      }
    }
    if (report && against) {
      const dir = join(against, slug);
      const manifest = await readFile(join(dir, MANIFEST), "utf8")
        .then((text) => JSON.parse(text) as Manifest)
        .catch(() => undefined);
      const now = await inputHashes(root, await reportInputs(root, report));
      const changed = manifest
        ? [...new Set([...Object.keys(now), ...Object.keys(manifest.inputs)])]
            .filter((path) => now[path] !== manifest.inputs[path])
            .sort()
        : undefined;
      const because = (path: string) => {
        if (!manifest) return `no ${MANIFEST} there says which input changed`;
        const mine = changed!.filter((input) => manifest.outputs[path]?.inputs.includes(input) ?? true);
        return mine.length > 0
          ? `changed since it was built: ${mine.join(", ")}`
          : "its inputs are unchanged, so plotbrief itself changed";
      };
      const shown = (path: string) => relative(effects.cwd, join(dir, path));
      if (outputs) {
        for (const [path, content] of outputs) {
          const built = await readFile(join(dir, path), "utf8").catch(() => undefined);
          if (built === undefined) found.push(`${shown(path)}: missing; run plotbrief build`);
          else if (hash(built) !== hash(content))
            found.push(`${shown(path)}: stale (${because(path)}); run plotbrief build`);
        }
      } else if (manifest && changed!.length > 0) {
        // The report does not build now, but inputs of these outputs changed since they were built.
        for (const path of Object.keys(manifest.outputs)) {
          if (changed!.some((input) => manifest.outputs[path]!.inputs.includes(input))) {
            found.push(`${shown(path)}: stale (${because(path)})`);
          }
        }
      }
    }
    log.record(
      "check",
      { report: slug, ok: found.length === 0, problems: found },
      `${found.length === 0 ? "ok" : "FAILED"} ${slug}`,
    );
    problems.push(...found);
  }
  if (problems.length > 0) {
    throw new UserError(
      `check found ${problems.length} ${problems.length === 1 ? "problem" : "problems"}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  }
  log.record(
    "summary",
    { reports: slugs.length, problems: 0 },
    `checked ${slugs.length} ${slugs.length === 1 ? "report" : "reports"}: no problems`,
  );
}
