// What the CLI tells the person or the CI log: plain lines, a live progress line on a terminal, or
// one JSON object a line with --json. --quiet keeps only errors.
import { relative } from "node:path";
import type { BuildEvent } from "../build/build.js";
import type { Problem } from "../error.js";
import type { CliEffects } from "./effects.js";

export type LogMode = "human" | "json" | "quiet";

export class Logger {
  #progress = false;

  constructor(
    readonly effects: CliEffects,
    readonly mode: LogMode,
  ) {}

  /** A line for people; in JSON mode, an object with `event` and `message`. */
  info(message: string, event = "info", fields: Record<string, unknown> = {}): void {
    if (this.mode === "quiet") return;
    if (this.mode === "json") return this.json({ event, ...fields, message });
    this.#clearProgress();
    this.effects.stdout(message);
  }

  /** A fact for logs: JSON mode prints it whole; people see `line` if given. */
  record(event: string, fields: Record<string, unknown>, line?: string): void {
    if (this.mode === "json") this.json({ event, ...fields });
    else if (line !== undefined) this.info(line);
  }

  /** A problem that does not stop the command: to stderr, or a JSON record. */
  warn(message: string, fields: Record<string, unknown> = {}): void {
    if (this.mode === "json") return this.json({ event: "warning", ...fields, message }, "stderr");
    if (this.mode === "quiet") return;
    this.#clearProgress();
    this.effects.stderr(`warning: ${message}`);
  }

  /**
   * An error that stops the command. People see its message, which shows a few problems of each kind;
   * JSON mode prints every problem as a record of its own, with its file, line, row, column and kind.
   */
  error(message: string, problems?: readonly Problem[]): void {
    if (this.mode === "json") {
      if (problems === undefined) return this.json({ event: "error", message }, "stderr");
      for (const problem of problems) this.json({ event: "error", ...problem }, "stderr");
    } else {
      this.#clearProgress();
      this.effects.stderr(`error: ${message}`);
    }
  }

  /** On a terminal, one line rewritten in place: "cambodia-2020: figure summons (3/4)". */
  progress(message: string): void {
    if (this.mode !== "human" || !this.effects.isTTY) return;
    this.effects.write(`\r\x1b[2K${message}`);
    this.#progress = true;
  }

  /** Reports a build event: writes as lines, figures as progress (or JSON records). */
  build(event: BuildEvent, out: string): void {
    const { type: _type, ...fields } = event;
    switch (event.type) {
      case "figure":
        this.record("figure", { ...fields, ms: round(event.ms) });
        this.progress(`${event.report}: figure ${event.figure}${event.cached ? " (cached)" : ""}`);
        break;
      case "print":
        this.record("print", { ...fields, ms: round(event.ms) });
        this.progress(`${event.report}: ${event.format}${event.cached ? " (cached)" : ""}`);
        break;
      case "warning":
        this.warn(event.message, { report: event.report });
        break;
      case "as-of": {
        const n = event.leftOut.length;
        const rows = n === 0 ? "no rows" : n === 1 ? "1 row" : `${n} rows`;
        this.record(
          "as-of",
          fields,
          `${event.report} as of ${event.asOf}: left out ${rows} published later${n === 0 ? "" : `: ${event.leftOut.join(", ")}`}`,
        );
        break;
      }
      case "write": {
        const path = relative(this.effects.cwd, `${out}/${event.path}`);
        const size = event.bytes < 1024 ? `${event.bytes} B` : `${(event.bytes / 1024).toFixed(1)} kB`;
        this.record("write", { ...fields, path }, `${event.changed ? "wrote" : "unchanged"} ${path} (${size})`);
        break;
      }
    }
  }

  json(value: Record<string, unknown>, stream: "stdout" | "stderr" = "stdout"): void {
    this.effects[stream](JSON.stringify(value));
  }

  #clearProgress(): void {
    if (this.#progress) this.effects.write("\r\x1b[2K");
    this.#progress = false;
  }
}

export function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
