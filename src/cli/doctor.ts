import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { UserError } from "../error.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";
import { listReports } from "./project.js";

const run = promisify(execFile);

/** `plotbrief doctor`: what plotbrief finds on this machine and in this project; exits 1 if something is missing. */
export async function doctor(flags: { root: string }, effects: CliEffects, log: Logger): Promise<void> {
  const [{ findBrowser }, { loadReport }, { fontPath }] = await Promise.all([
    import("../render/browser.js"),
    import("../report/load.js"),
    import("../render/fonts.js"),
  ]);
  const root = resolve(effects.cwd, flags.root);
  const problems: string[] = [];
  const say = (check: string, ok: boolean, detail: string) => {
    log.record("doctor", { check, ok, detail }, `${ok ? "ok     " : "PROBLEM"} ${check}: ${detail}`);
    if (!ok) problems.push(`${check}: ${detail}`);
  };

  const [major, minor] = process.versions.node.split(".").map(Number) as [number, number];
  say("node", major > 20 || (major === 20 && minor >= 19), `${process.version} (plotbrief needs 20.19 or newer)`);

  try {
    const browser = await findBrowser(effects.env);
    const env = { ...effects.env, ...browser.env };
    const version = await run(browser.path, ["--version"], { timeout: 10_000, env }).then(
      ({ stdout }) => stdout.trim(),
      (error: Error) => `does not run: ${error.message}`,
    );
    say("browser", !version.startsWith("does not run"), `${browser.path} (${browser.from}): ${version}`);
  } catch (error) {
    say("browser", false, (error as Error).message.replaceAll("\n", " "));
  }

  let slugs: string[] = [];
  try {
    slugs = await listReports(root);
  } catch (error) {
    say("reports", false, (error as Error).message);
  }
  const templates = new Set<string>();
  for (const slug of slugs) {
    try {
      const report = await loadReport(root, slug);
      const { template } = report;
      templates.add(`${template.name} (${template.builtIn ? "plotbrief's" : `templates/${template.name}`})`);
      for (const font of [...template.spec.fonts, ...template.spec.print.fonts]) {
        if (fontPath(font.file, root) === undefined)
          throw new UserError(`font ${font.family} ${font.weight}: ${font.file} is missing`);
      }
      say(
        `report ${slug}`,
        true,
        `${report.spec.figures.length} figures, ${report.datasets.size} datasets, template ${report.notebook.front.template}`,
      );
    } catch (error) {
      if (!(error instanceof UserError) && (error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
      say(`report ${slug}`, false, (error as Error).message.replaceAll("\n", "; "));
    }
  }
  if (slugs.length > 0)
    say(
      "fonts",
      problems.every((p) => !p.includes("font ")),
      `embedded from npm packages for ${[...templates].join(", ")}`,
    );
  if (problems.length > 0)
    throw new UserError(`doctor found ${problems.length} ${problems.length === 1 ? "problem" : "problems"}`);
}
