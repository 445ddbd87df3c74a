// The command line: parses arguments, runs a command, and is the one place that catches and exits.
import { Command, CommanderError } from "commander";
import { UserError } from "../error.js";
import { VERSION } from "../version.js";
import { processEffects } from "./effects.js";
import type { CliEffects } from "./effects.js";
import { Logger } from "./log.js";
import type { LogMode } from "./log.js";

interface CommonFlags {
  debug?: boolean;
  quiet?: boolean;
  json?: boolean;
}

/** Runs the CLI and returns its exit code: 0 ok, 1 for a problem in the user's input, 2 for a bug. */
export async function main(argv: readonly string[], effects: CliEffects = processEffects): Promise<number> {
  let log = new Logger(effects, argv.includes("--json") ? "json" : "human");
  let debug = argv.includes("--debug");
  // With --debug, stack traces through the project's compiled modules name its own files and lines.
  if (debug) process.setSourceMapsEnabled(true);
  const logFor = (flags: CommonFlags) => {
    const mode: LogMode = flags.json ? "json" : flags.quiet ? "quiet" : "human";
    debug ||= flags.debug === true;
    log = new Logger(effects, mode);
    return log;
  };
  const common = (command: Command) =>
    command
      .option("--quiet", "print only errors")
      .option("--json", "print one JSON object a line, for CI logs, every problem in full")
      .option("--debug", "print stack traces for errors");

  const program = new Command("plotbrief")
    .description("Typed datasets to Observable Plot figures, built into self-contained HTML reports and PDF briefings.")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => effects.stdout(s.trimEnd()), writeErr: (s) => effects.stderr(s.trimEnd()) });

  common(program.command("build"))
    .description(
      "build reports into <out>/<report>/ (each edition into <out>/<report>/<edition>/): index.html, the PDF, figures/<id>.svg and .png",
    )
    .argument("[reports...]", "reports to build, by folder name under reports/ (default: all)")
    .option("--root <dir>", "the project folder", ".")
    .option("--out <dir>", "the output folder", "out")
    .option("--format <list>", "what to write, from html,svg,pdf,png (default: the report's front matter)")
    .option("--force", "make everything again, ignoring the cache")
    .option("--edition <slug>", "build one edition of the report named (default: every edition)")
    .option(
      "--shard <i/n>",
      "build only the i-th of n shares of the reports and editions (by a stable hash of their names)",
    )
    .option(
      "--shards <n>",
      "how many shards there are, where JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX says which this is (default: $PLOTBRIEF_SHARDS)",
    )
    .option("--browser-ws-endpoint <url>", "print with a running browser (default: $PLOTBRIEF_BROWSER_WS_ENDPOINT)")
    .option("--print-timeout <ms>", "how long one page may take to print", "60000")
    .option("--pages <n>", "how many pages to print at once (default: $PLOTBRIEF_PAGES, or one per core)")
    .option("--as-of <date>", "build each report as it stood that day (YYYY-MM-DD): rows published later are left out")
    .action(async (names: string[], flags) => {
      const { build } = await import("./build.js");
      await build(names, flags, effects, logFor(flags));
    });

  common(program.command("merge"))
    .description("join the output folders of a build's shards into one, with the site index of the whole")
    .argument("<dirs...>", "the shards' output folders")
    .option("--out <dir>", "the folder to merge into", "out")
    .option("--root <dir>", "the project folder, whose reports must each be in one shard", ".")
    .action(async (dirs: string[], flags) => {
      const { merge } = await import("./merge.js");
      await merge(dirs, flags, effects, logFor(flags));
    });

  common(program.command("check"))
    .description(
      "validate all data and references, render everything twice and compare, and compare with built outputs",
    )
    .argument("[reports...]", "reports to check (default: all)")
    .option("--root <dir>", "the project folder", ".")
    .option("--against <dir>", "also compare with the outputs built in <dir> (committed ones, say)")
    .action(async (names: string[], flags) => {
      const { check } = await import("./check.js");
      await check(names, flags, effects, logFor(flags));
    });

  common(program.command("dev"))
    .description("serve the reports with live preview: pages update as their inputs change")
    .option("--root <dir>", "the project folder", ".")
    .option("--port <port>", "the port to listen on (0: any free one)", "3000")
    .option("--host <host>", "the address to listen on", "127.0.0.1")
    .action(async (flags) => {
      const { dev } = await import("./dev.js");
      await dev(flags, effects, logFor(flags));
    });

  common(program.command("init"))
    .description("make a folder a plotbrief project, or complete one: package.json, tsconfig, a first report, CI")
    .argument("[dir]", "the project folder", ".")
    .action(async (dir: string, flags) => {
      const { init } = await import("./init.js");
      await init(dir, effects, logFor(flags));
    });

  common(program.command("new"))
    .description("start a new report: a notebook, a figure and a sample dataset with its source, ready to build")
    .argument("<name>", "the report's folder name: lowercase letters, digits and dashes")
    .option("--root <dir>", "the project folder", ".")
    .action(async (name: string, flags) => {
      const { scaffold } = await import("./new.js");
      await scaffold(name, flags, effects, logFor(flags));
    });

  common(program.command("doctor"))
    .description("say what plotbrief finds: Node, the browser and its version, fonts, the reports")
    .option("--root <dir>", "the project folder", ".")
    .action(async (flags) => {
      const { doctor } = await import("./doctor.js");
      await doctor(flags, effects, logFor(flags));
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof UserError) {
      if (debug) effects.stderr(stackOf(error));
      else log.error(error.message, error.problems);
      return 1;
    }
    if (debug) effects.stderr(stackOf(error));
    else log.error(`internal error: ${(error as Error).message ?? error}\n(rerun with --debug for a stack trace)`);
    return 2;
  }
}

/** An error's stack, and its causes' (the project's own code, where plotbrief wrapped its error). */
function stackOf(error: unknown): string {
  const stacks: string[] = [];
  for (let cause = error; cause !== undefined && stacks.length < 5; cause = (cause as Error).cause) {
    stacks.push(String((cause as Error).stack ?? cause));
  }
  return stacks.join("\ncaused by: ");
}
