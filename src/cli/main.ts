// The command line: parses arguments, runs a command, and is the one place that catches and exits.
import { readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { UserError } from "../error.js";
import type { Output } from "../build/build.js";
import { VERSION } from "../report/assemble.js";
import { FORMATS } from "../report/notebook.js";
import type { Format } from "../report/notebook.js";

/** Where the CLI writes, which folder and environment it works in, and how it meets signals; tests pass their own. */
export interface CliEffects {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onSignals: (handler: (signal: NodeJS.Signals) => void) => void;
  readonly offSignals: (handler: (signal: NodeJS.Signals) => void) => void;
  readonly exit: (code: number) => never;
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

const defaultEffects: CliEffects = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
  onSignals: (handler) => SIGNALS.forEach((signal) => process.on(signal, handler)),
  offSignals: (handler) => SIGNALS.forEach((signal) => process.off(signal, handler)),
  exit: (code) => process.exit(code),
};

interface BuildFlags {
  root: string;
  out: string;
  format?: string;
  browserWsEndpoint?: string;
  printTimeout: string;
}

function parseFormats(list: string): Format[] {
  const formats = list.split(",").map((format) => format.trim());
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0 || formats.length === 0) {
    throw new UserError(`--format: expected a list from ${FORMATS.join(",")}, found "${list}"`);
  }
  return formats as Format[];
}

/** Runs the CLI and returns its exit code: 0 ok, 1 for a problem in the user's input, 2 for a bug. */
export async function main(argv: readonly string[], effects: CliEffects = defaultEffects): Promise<number> {
  let debug = argv.includes("--debug");
  const program = new Command("plotbrief")
    .description("Build self-contained HTML briefings from typed datasets and Observable Plot figures.")
    .version(VERSION)
    .option("--debug", "print stack traces for errors")
    .exitOverride()
    .configureOutput({ writeOut: (s) => effects.stdout(s.trimEnd()), writeErr: (s) => effects.stderr(s.trimEnd()) });

  program
    .command("build")
    .description("build reports into <out>/<report>/: index.html, <report>.pdf, figures/<id>.svg and .png")
    .argument("[reports...]", "reports to build, by folder name under reports/ (default: all)")
    .option("--root <dir>", "the project folder", ".")
    .option("--out <dir>", "the output folder", "out")
    .option("--format <list>", `what to write, from ${FORMATS.join(",")} (default: the report's front matter)`)
    .option(
      "--browser-ws-endpoint <url>",
      "print with an already running browser (default: $PLOTBRIEF_BROWSER_WS_ENDPOINT, else launch one)",
    )
    .option("--print-timeout <ms>", "how long one page may take to print", "60000")
    .action(async (names: string[], options: BuildFlags) => {
      const { buildReport } = await import("../build/build.js");
      const { Printer } = await import("../render/printer.js");
      const { killBrowsers } = await import("../render/browser.js");
      const root = resolve(effects.cwd, options.root);
      const out = resolve(effects.cwd, options.out);
      const formats = options.format === undefined ? undefined : parseFormats(options.format);
      const timeoutMs = Number(options.printTimeout);
      if (!(timeoutMs > 0))
        throw new UserError(`--print-timeout: expected a number of milliseconds, found "${options.printTimeout}"`);
      const epoch = effects.env.SOURCE_DATE_EPOCH;
      const date = epoch === undefined ? undefined : new Date(Number(epoch) * 1000);
      if (date && Number.isNaN(date.getTime()))
        throw new UserError(`SOURCE_DATE_EPOCH: expected seconds since 1970, found "${epoch}"`);
      // The browser starts now, while the data and figures are prepared.
      const wsEndpoint = options.browserWsEndpoint ?? effects.env.PLOTBRIEF_BROWSER_WS_ENDPOINT;
      const printer =
        formats === undefined || formats.includes("pdf") || formats.includes("png")
          ? new Printer({ timeoutMs, ...(wsEndpoint ? { wsEndpoint } : {}) })
          : undefined;
      const stop = (signal: NodeJS.Signals) => {
        killBrowsers();
        effects.stderr(`stopped by ${signal}`);
        effects.exit(signal === "SIGINT" ? 130 : 143);
      };
      effects.onSignals(stop);
      try {
        const slugs = names.length > 0 ? names : await listReports(root);
        for (const slug of slugs) {
          const started = performance.now();
          const onOutput = (output: Output) => {
            const path = relative(effects.cwd, join(out, output.path));
            effects.stdout(`${output.changed ? "wrote" : "unchanged"} ${path} (${formatBytes(output.bytes)})`);
          };
          const outputs = await buildReport(slug, {
            root,
            out,
            printer,
            onOutput,
            ...(formats ? { formats } : {}),
            ...(date ? { date } : {}),
          });
          effects.stdout(`built ${slug}: ${outputs.length} files in ${Math.round(performance.now() - started)} ms`);
        }
      } finally {
        await printer?.close();
        effects.offSignals(stop);
      }
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    debug ||= program.opts().debug === true;
    if (error instanceof UserError) {
      effects.stderr(debug ? String(error.stack) : `error: ${error.message}`);
      return 1;
    }
    effects.stderr(
      debug
        ? String((error as Error).stack ?? error)
        : `internal error: ${(error as Error).message ?? error}\n(rerun with --debug for a stack trace)`,
    );
    return 2;
  }
}

async function listReports(root: string): Promise<string[]> {
  const entries = await readdir(join(root, "reports"), { withFileTypes: true }).catch(() => {
    throw new UserError(`no reports/ folder in ${root}; run plotbrief in a project folder or pass --root`);
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
