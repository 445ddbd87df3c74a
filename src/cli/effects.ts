// Side effects of the CLI, in one object so that tests can pass their own.

/** Where the CLI writes, which folder and environment it works in, and how it meets signals. */
export interface CliEffects {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Raw output without a newline, for the progress line. */
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly onSignals: (handler: (signal: NodeJS.Signals) => void) => void;
  readonly offSignals: (handler: (signal: NodeJS.Signals) => void) => void;
  readonly exit: (code: number) => never;
}

const SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export const processEffects: CliEffects = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
  onSignals: (handler) => SIGNALS.forEach((signal) => process.on(signal, handler)),
  offSignals: (handler) => SIGNALS.forEach((signal) => process.off(signal, handler)),
  exit: (code) => process.exit(code),
};
