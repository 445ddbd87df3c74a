// Runs the real CLI in a child process, as a user would, and collects what it printed.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./project.js";

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function plotbrief(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const options = { cwd, env: { ...process.env, ...env } };
    execFile(process.execPath, [join(ROOT, "bin/plotbrief.js"), ...args], options, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}
