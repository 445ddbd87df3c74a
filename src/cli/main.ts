// The command line: parses arguments, runs a command, and is the one place that catches and exits.
import { readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { UserError } from "../error.js";
import { VERSION } from "../report/assemble.js";

/** Where the CLI writes and which folder it works in; tests pass their own. */
export interface CliEffects {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly cwd: string;
}

const defaultEffects: CliEffects = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

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
    .description("build reports into <out>/<report>/index.html and <out>/<report>/figures/<id>.svg")
    .argument("[reports...]", "reports to build, by folder name under reports/ (default: all)")
    .option("--root <dir>", "the project folder", ".")
    .option("--out <dir>", "the output folder", "out")
    .action(async (names: string[], options: { root: string; out: string }) => {
      const { buildReport } = await import("../build/build.js");
      const root = resolve(effects.cwd, options.root);
      const out = resolve(effects.cwd, options.out);
      const slugs = names.length > 0 ? names : await listReports(root);
      for (const slug of slugs) {
        const started = performance.now();
        const outputs = await buildReport(slug, { root, out });
        for (const output of outputs) {
          const path = relative(effects.cwd, join(out, output.path));
          effects.stdout(`${output.changed ? "wrote" : "unchanged"} ${path} (${formatBytes(output.bytes)})`);
        }
        effects.stdout(`built ${slug}: ${outputs.length} files in ${Math.round(performance.now() - started)} ms`);
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
