// Finding a system Chrome or Chromium: plotbrief never downloads a browser.
import type { ChildProcess } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, launch } from "puppeteer-core";
import type { Browser } from "puppeteer-core";
import { UserError } from "../error.js";

/** Environment variables that name a browser, in the order they are read. */
export const BROWSER_ENV = ["PLOTBRIEF_BROWSER", "CHROME_PATH", "PUPPETEER_EXECUTABLE_PATH"] as const;

/** Where Debian, Ubuntu, Fedora, Homebrew and the vendors install Chrome or Chromium. */
export const BROWSER_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
] as const;

/**
 * The browser to use: the first environment variable that is set (it must point at a program), else
 * the first usual install path that exists. Throws a message naming every place tried and the fix.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, paths: readonly string[] = BROWSER_PATHS): string {
  for (const name of BROWSER_ENV) {
    const path = env[name];
    if (!path) continue;
    if (isExecutable(path)) return path;
    throw new UserError(
      `${name} is set to ${path}, which is not an executable program; point it at Chrome or Chromium`,
    );
  }
  const found = paths.find(isExecutable);
  if (found) return found;
  throw new UserError(
    [
      "no Chrome or Chromium found. Tried:",
      ...BROWSER_ENV.map((name) => `  $${name} (not set)`),
      ...paths.map((path) => `  ${path}`),
      "Install one (Debian/Ubuntu: apt-get install chromium), or set PLOTBRIEF_BROWSER to its path.",
    ].join("\n"),
  );
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A browser that plotbrief prints with: launched (and owned) or connected to (and shared). */
export interface BrowserSession {
  readonly browser: Browser;
  /** Closes a launched browser and removes its profile; disconnects from a shared one. */
  close(): Promise<void>;
}

/** Where the browser comes from: a program to launch, or a running browser's WebSocket endpoint. */
export interface BrowserOptions {
  readonly executablePath?: string;
  readonly wsEndpoint?: string;
}

// Launched browsers still open, so that a signal can end them synchronously before the process exits.
const live = new Set<{ process: ChildProcess | null; profile: string }>();

/** Launches a browser (over a pipe, so it dies with us) with a throwaway profile, or connects to one. */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  if (options.wsEndpoint) {
    const browser = await connect({ browserWSEndpoint: options.wsEndpoint }).catch((error: Error) => {
      throw new UserError(`cannot connect to the browser at ${options.wsEndpoint}: ${error.message}`);
    });
    return { browser, close: () => browser.disconnect() };
  }
  const executablePath = options.executablePath ?? findBrowser();
  const profile = mkdtempSync(join(tmpdir(), "plotbrief-chromium-"));
  // Registered before the launch, so that a signal during start-up still removes the profile.
  const entry: { process: ChildProcess | null; profile: string } = { process: null, profile };
  live.add(entry);
  // Chromium's own temporary files go inside the profile too, so removing it leaves nothing behind.
  const temporary = join(profile, "tmp");
  mkdirSync(temporary);
  let browser: Browser;
  try {
    browser = await launch({
      executablePath,
      pipe: true,
      userDataDir: join(profile, "profile"),
      env: { ...process.env, TMPDIR: temporary },
      // plotbrief's CLI handles signals itself and ends every browser with killBrowsers().
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--font-render-hinting=none",
      ],
    });
  } catch (error) {
    live.delete(entry);
    rmSync(profile, { recursive: true, force: true });
    throw new UserError(`cannot start the browser ${executablePath}: ${(error as Error).message}`);
  }
  entry.process = browser.process();
  return {
    browser,
    close: async () => {
      live.delete(entry);
      await browser.close().catch(() => entry.process?.kill("SIGKILL"));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Ends every browser this process launched and removes their profiles, synchronously: for signal handlers. */
export function killBrowsers(): void {
  for (const entry of live) {
    const pid = entry.process?.pid;
    if (pid !== undefined) {
      // Puppeteer starts the browser as the leader of its own process group: end the whole group.
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        entry.process?.kill("SIGKILL");
      }
    }
    // Some helpers leave the group (the zygote, on Linux): end whatever still uses the profile, and
    // wait (up to a second) for it to be gone, or it could still write into the profile as it goes.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 100; i++) {
      const left = processesUsing(entry.profile);
      if (left.length === 0) break;
      for (const other of left) killQuietly(other);
      Atomics.wait(pause, 0, 0, 10);
    }
    try {
      rmSync(entry.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Nothing more can be done while exiting; the profile is in the temporary folder.
    }
  }
  live.clear();
}

/** Live processes whose command line mentions `path` (Linux's /proc; elsewhere, none are found). */
function processesUsing(path: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, "utf8");
      const state = /^State:\s+(\w)/m.exec(readFileSync(`/proc/${name}/status`, "utf8"))?.[1];
      return cmdline.includes(path) && state !== "Z" ? [Number(name)] : [];
    } catch {
      return [];
    }
  });
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
