// The brand is a registered symbol, so an error made by another copy of plotbrief (a project's own
// install beside the CLI's, say) is still known for what it is; an ordinary Error never carries it.
const USER_ERROR = Symbol.for("plotbrief.user-error");

/**
 * An error the user can cause and fix: bad data, a broken reference, a missing browser. The CLI prints
 * its message alone, without a stack; anything else is a bug in plotbrief.
 */
export class UserError extends Error {
  override name = "UserError";
  /** Every problem, where the message stands for many (grouped): `--json` prints them all. */
  readonly problems?: readonly Problem[];

  constructor(message: string, options?: ErrorOptions & { problems?: readonly Problem[] }) {
    super(message, options);
    if (options?.problems) this.problems = options.problems;
  }

  static {
    Object.defineProperty(this.prototype, USER_ERROR, { value: true });
  }

  /** `error instanceof UserError` holds for a UserError from any copy of plotbrief. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[USER_ERROR] === true;
  }
}

/** Formats a location the way compilers do, so editors can jump to it: "file:7" or "file". */
export function located(file: string, line: number | undefined, message: string): string {
  return line === undefined ? `${file}: ${message}` : `${file}:${line}: ${message}`;
}

/** Quotes what was found, so that empty strings and spaces are visible. */
export function found(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

/** One problem in the user's input, located, as `--json` prints it. */
export interface Problem {
  /** The whole message: `data/w.csv:12: column "date": expected a date (…), found "01/02/2012"`. */
  readonly message: string;
  readonly file?: string;
  /** The line of the file (CSV files have lines; JSON records have only their row). */
  readonly line?: number;
  /** The record's number in the file, from 1. */
  readonly row?: number;
  readonly column?: string;
  /** What was expected, without what was found: problems of one file, column and kind are grouped. */
  readonly kind?: string;
}

/** How many problems of one kind are shown before the rest are counted. */
export const SHOWN = 3;

/** An error for many problems: its message groups them, its `problems` keep them all. */
export function problemsError(problems: readonly Problem[]): UserError {
  return new UserError(groupProblems(problems), { problems });
}

/** An error's problems: those it keeps, or one per line of its message. */
export function problemsOf(error: Error): readonly Problem[] {
  return (error as UserError).problems ?? error.message.split("\n").map((message) => ({ message }));
}

/**
 * The problems as lines, a few of each kind: one bad column of a long file would flood the screen, so
 * after `shown` problems of one file, column and kind, one line counts the rest and says where they are:
 * `data/w.csv: column "date": and 1,697 more like this (lines 5–1,701)`.
 */
export function groupProblems(problems: readonly Problem[], shown = SHOWN): string {
  const groups = new Map<string, Problem[]>();
  const order: Problem[][] = [];
  for (const problem of problems) {
    const id = problem.kind === undefined ? undefined : JSON.stringify([problem.file, problem.column, problem.kind]);
    const group = id === undefined ? undefined : groups.get(id);
    if (group) group.push(problem);
    else {
      order.push([problem]);
      if (id !== undefined) groups.set(id, order.at(-1)!);
    }
  }
  return order
    .flatMap((group) => {
      // Counting one more problem takes a line as showing it does.
      if (group.length <= shown + 1) return group.map((problem) => problem.message);
      const [first] = group as [Problem];
      const rest = group.slice(shown);
      const where = first.column === undefined ? "" : `column "${first.column}": `;
      const span = spanOf(rest);
      const more = `${where}and ${rest.length.toLocaleString("en-US")} more like this${span ? ` (${span})` : ""}`;
      const line = first.file === undefined ? more : located(first.file, undefined, more);
      return [...group.slice(0, shown).map((problem) => problem.message), line];
    })
    .join("\n");
}

/** Where problems are, by line (or row), as at most three stretches: "lines 5–1,701", "lines 4, 9–12 and 40". */
function spanOf(problems: readonly Problem[]): string | undefined {
  const lines = problems.every((problem) => problem.line !== undefined);
  const at = (problem: Problem) => (lines ? problem.line : problem.row);
  if (problems.some((problem) => at(problem) === undefined)) return undefined;
  // Stretches of consecutive rows (a quoted field over two lines leaves a gap in line numbers, not in rows).
  const next = (a: Problem, b: Problem) =>
    b.row !== undefined && a.row !== undefined ? b.row === a.row + 1 : at(b) === at(a)! + 1;
  const stretches: [Problem, Problem][] = [];
  for (const problem of problems) {
    const last = stretches.at(-1);
    if (last && next(last[1], problem)) last[1] = problem;
    else stretches.push([problem, problem]);
  }
  const n = (problem: Problem) => at(problem)!.toLocaleString("en-US");
  const noun = lines ? "line" : "row";
  const [first, last] = [problems[0]!, problems.at(-1)!];
  if (stretches.length > 3) return `between ${noun}s ${n(first)} and ${n(last)}`;
  const parts = stretches.map(([a, b]) => (a === b ? n(a) : `${n(a)}–${n(b)}`));
  const plural = problems.length > 1 ? "s" : "";
  return `${noun}${plural} ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0]}`;
}

/**
 * An error in how an author called plotbrief (a column type's options, a unit's definition): whoever
 * loads the author's module names the line of the call, as for any error thrown while loading it.
 */
export function callerError(message: string): UserError {
  return Object.assign(new UserError(message), { atCaller: true });
}

/** Whether an error is about the call that reached plotbrief, not about plotbrief's own line. */
export function isCallerError(error: unknown): boolean {
  return error instanceof UserError && (error as { atCaller?: unknown }).atCaller === true;
}
