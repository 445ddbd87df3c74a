// Finding and starting a browser: the machine's Chrome or Chromium, else the one plotbrief brings in
// an npm package. plotbrief never downloads a browser.
import type { ChildProcess } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, launch } from "puppeteer-core";
import type { Browser } from "puppeteer-core";
import { UserError } from "../error.js";
import { bundledBrowser } from "./bundled-browser.js";
import type { BundledBrowser } from "./bundled-browser.js";

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

/** A browser to launch: its program, where it was found (for `doctor` and errors), and the environment it needs. */
export interface FoundBrowser {
  readonly path: string;
  /** "$PLOTBRIEF_BROWSER", "a usual install path" or "plotbrief's own (@sparticuz/chromium 153.0.0)". */
  readonly from: string;
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The machine's browser: the first environment variable that is set (it must point at a program),
 * else the first usual install path that holds one; undefined when there is none.
 */
export function findSystemBrowser(
  env: NodeJS.ProcessEnv,
  paths: readonly string[] = BROWSER_PATHS,
): FoundBrowser | undefined {
  for (const name of BROWSER_ENV) {
    const path = env[name];
    if (!path) continue;
    if (isExecutable(path)) return { path, from: `$${name}` };
    throw new UserError(
      `${name} is set to ${path}, which is not an executable program; point it at Chrome or Chromium`,
    );
  }
  const path = paths.find(isExecutable);
  return path === undefined ? undefined : { path, from: "a usual install path" };
}

/**
 * The browser to use: the machine's Chrome or Chromium if it has one, else the Chromium that plotbrief
 * brings (unpacked on first use). Throws a message naming every place tried and the fix.
 */
export async function findBrowser(
  env: NodeJS.ProcessEnv,
  paths: readonly string[] = BROWSER_PATHS,
  bring: () => Promise<BundledBrowser | undefined> = bundledBrowser,
): Promise<FoundBrowser> {
  const system = findSystemBrowser(env, paths);
  if (system) return system;
  let bundled: BundledBrowser | undefined;
  try {
    bundled = await bring();
  } catch (error) {
    throw new UserError(`no Chrome or Chromium found, and plotbrief's own failed: ${(error as Error).message}`);
  }
  if (bundled) return { path: bundled.path, from: `plotbrief's own (${bundled.name})`, env: bundled.env };
  throw new UserError(
    [
      "no Chrome or Chromium found. Tried:",
      ...BROWSER_ENV.map((name) => `  $${name} (not set)`),
      ...paths.map((path) => `  ${path}`),
      "  plotbrief's own (@sparticuz/chromium, not installed)",
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
  /** The environment the browser is found in and started with; by default the process's. */
  readonly env?: NodeJS.ProcessEnv;
}

// Launched browsers still open, so that a signal can end them synchronously before the process exits.
const live = new Set<{ process: ChildProcess | null; profile: string; temporary: string }>();

// Chromium keeps a socket in its temporary folder, and a socket's path must fit in about 100 bytes
// (104 on macOS): the length of "/.org.chromium.Chromium.XXXXXX/SingletonSocket", with room to spare.
const SOCKET_PATH = 50;

/** Launches a browser (over a pipe, so it dies with us) with a throwaway profile, or connects to one. */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  if (options.wsEndpoint) {
    const browser = await connect({ browserWSEndpoint: options.wsEndpoint }).catch((error: Error) => {
      throw new UserError(`cannot connect to the browser at ${options.wsEndpoint}: ${error.message}`);
    });
    return { browser, close: () => browser.disconnect() };
  }
  const env = options.env ?? process.env;
  const found = options.executablePath ? { path: options.executablePath, from: "given" } : await findBrowser(env);
  const executablePath = found.path;
  const profile = mkdtempSync(join(tmpdir(), "plotbrief-chromium-"));
  // Chromium's own temporary files go inside the profile too, so removing it leaves nothing behind;
  // under a long TMPDIR (macOS's, say), where its socket's path would be too long, into /tmp instead.
  let temporary = join(profile, "tmp");
  if (temporary.length + SOCKET_PATH > 100 && existsSync("/tmp")) temporary = mkdtempSync("/tmp/plotbrief-");
  else mkdirSync(temporary);
  // Registered before the launch, so that a signal during start-up still removes the profile.
  const entry = { process: null as ChildProcess | null, profile, temporary };
  live.add(entry);
  let browser: Browser;
  try {
    browser = await launch({
      executablePath,
      pipe: true,
      userDataDir: join(profile, "profile"),
      env: { ...env, ...found.env, TMPDIR: temporary },
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
    remove(entry);
    throw new UserError(`cannot start the browser ${executablePath}: ${(error as Error).message}`);
  }
  entry.process = browser.process();
  return {
    browser,
    close: async () => {
      live.delete(entry);
      await browser.close().catch(() => entry.process?.kill("SIGKILL"));
      remove(entry);
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
      remove(entry);
    } catch {
      // Nothing more can be done while exiting; the profile is in the temporary folder.
    }
  }
  live.clear();
}

/** Removes a browser's profile and temporary folder. */
function remove(entry: { profile: string; temporary: string }): void {
  for (const dir of [entry.temporary, entry.profile])
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
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
