// Starting a browser: plotbrief spawns Chromium itself, with a throwaway profile, as the first thing
// a build does, and connects puppeteer to it over a pipe later. Chromium's start-up (most of a
// second) then overlaps loading puppeteer and the rest of plotbrief, and does not need this process's
// attention while it starts, so that loading jsdom, which holds the main thread for a second, cannot
// delay it.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import type { Browser, ConnectionTransport } from "puppeteer-core";
import { UserError } from "../error.js";
import { findBrowser } from "./browser.js";

/** A browser that plotbrief prints with: launched (and owned) or connected to (and shared). */
export interface BrowserSession {
  readonly browser: Browser;
  /** The process id of a browser that plotbrief launched. */
  readonly pid?: number;
  /** Why a launched browser's process ended ("it exited (SIGSEGV) saying: …"), if it has. */
  exited(): string | undefined;
  /** Ends a launched browser and removes its profile; disconnects from a shared one. */
  close(): Promise<void>;
}

/** Where the browser comes from: a program to launch, or a running browser's WebSocket endpoint. */
export interface BrowserOptions {
  readonly executablePath?: string;
  readonly wsEndpoint?: string;
  /** The environment the browser is found in and started with; by default the process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** Told when the browser's process has been started, before it is ready. */
  readonly onSpawn?: () => void;
  /** How long the browser may take to start and answer; by default 30 s. */
  readonly startTimeoutMs?: number;
}

/**
 * Chromium's flags: those puppeteer's own launch passes (puppeteer-core 24's `defaultArgs`, checked
 * by a test), then plotbrief's: no GPU, no network of its own, the same text rendering everywhere.
 */
export const BROWSER_FLAGS = [
  "--allow-pre-commit-input",
  "--disable-background-networking",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-breakpad",
  "--disable-client-side-phishing-detection",
  "--disable-component-extensions-with-background-pages",
  "--disable-crash-reporter",
  "--disable-default-apps",
  "--disable-dev-shm-usage",
  "--disable-hang-monitor",
  "--disable-infobars",
  "--disable-ipc-flooding-protection",
  "--disable-popup-blocking",
  "--disable-prompt-on-repost",
  "--disable-renderer-backgrounding",
  "--disable-search-engine-choice-screen",
  "--disable-sync",
  "--enable-automation",
  "--export-tagged-pdf",
  "--force-color-profile=srgb",
  "--generate-pdf-document-outline",
  "--metrics-recording-only",
  "--no-first-run",
  "--password-store=basic",
  "--use-mock-keychain",
  "--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes",
  "--enable-features=PdfOopif",
  "--headless=new",
  "--hide-scrollbars",
  "--mute-audio",
  "--disable-extensions",
  "--disable-gpu",
  "--disable-component-update",
  "--font-render-hinting=none",
] as const;

type Launched = { process: ChildProcess | null; profile: string; temporary: string };

// Launched browsers still open, so that a signal can end them synchronously before the process exits.
const live = new Set<Launched>();

// Chromium keeps a socket in its temporary folder, and a socket's path must fit in about 100 bytes
// (104 on macOS): the length of "/.org.chromium.Chromium.XXXXXX/SingletonSocket", with room to spare.
const SOCKET_PATH = 50;

/** Starts a browser (over a pipe, so it dies with us) with a throwaway profile, or connects to one. */
export async function openBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  if (options.wsEndpoint) {
    const { connect } = await import("puppeteer-core");
    const timeout = options.startTimeoutMs ?? 30_000;
    const browser = await within(
      timeout,
      `it did not answer within ${timeout} ms`,
      // http://host:9222, Chrome's --remote-debugging-port: puppeteer asks it for its WebSocket address.
      connect({
        ...(/^https?:\/\//.test(options.wsEndpoint)
          ? { browserURL: options.wsEndpoint }
          : { browserWSEndpoint: options.wsEndpoint }),
        protocolTimeout: timeout,
      }),
    ).catch((error: Error) => {
      throw new UserError(`cannot connect to the browser at ${options.wsEndpoint}: ${error.message}`);
    });
    return { browser, exited: () => undefined, close: () => browser.disconnect() };
  }
  const env = options.env ?? process.env;
  const found = options.executablePath ? { path: options.executablePath, from: "given" } : await findBrowser(env);
  removeLeftovers();
  const profile = mkdtempSync(join(tmpdir(), `${PROFILE}${process.pid}-`));
  // Chromium's own temporary files go inside the profile too, so removing it leaves nothing behind;
  // under a long TMPDIR (macOS's, say), where its socket's path would be too long, into /tmp instead.
  let temporary = join(profile, "tmp");
  if (temporary.length + SOCKET_PATH > 100 && existsSync("/tmp"))
    temporary = mkdtempSync(`/tmp/${SHORT}${process.pid}-`);
  else mkdirSync(temporary);
  // Registered before the start, so that a signal during start-up still removes the profile.
  const entry: Launched = { process: null, profile, temporary };
  live.add(entry);
  const fail = (why: string) => {
    live.delete(entry);
    end(entry);
    for (const stream of entry.process?.stdio ?? []) stream?.destroy();
    return new UserError(`cannot start the browser ${found.path}: ${why}`);
  };
  let child: ChildProcess;
  try {
    child = spawn(
      found.path,
      [
        ...BROWSER_FLAGS,
        ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
        `--user-data-dir=${join(profile, "profile")}`,
        "--remote-debugging-pipe",
        "about:blank",
      ],
      {
        // The protocol goes over file descriptors 3 (to the browser) and 4 (from it).
        stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"],
        // Its own process group, so that ending the group ends every helper it starts.
        detached: true,
        env: { ...env, ...found.env, TMPDIR: temporary },
      },
    );
  } catch (error) {
    throw fail((error as Error).message);
  }
  entry.process = child;
  options.onSpawn?.();
  // What the browser says as it starts, for the message if it fails ("Socket path too long", say).
  let said = "";
  child.stderr!.on("data", (chunk: Buffer) => void (said = (said + chunk.toString()).slice(-2000)));
  let ended: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once("error", (error) => resolve((ended = error.message)));
    child.once("exit", (code, signal) =>
      resolve((ended = `it exited (${signal ?? `code ${code}`}) ${lastLines(said)}`.trim())),
    );
  });
  const transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
  const timeout = options.startTimeoutMs ?? 30_000;
  let browser: Browser;
  try {
    const { connect } = await import("puppeteer-core");
    browser = await within(
      timeout,
      `it did not answer within ${timeout} ms`,
      Promise.race([
        connect({ transport, defaultViewport: null }),
        exited.then((why) => Promise.reject(new Error(why))),
      ]),
    );
  } catch (error) {
    transport.close();
    throw fail((error as Error).message);
  }
  return {
    browser,
    ...(child.pid === undefined ? {} : { pid: child.pid }),
    exited: () => ended,
    // A throwaway browser needs no orderly shutdown, which takes it a quarter of a second: its
    // processes are ended at once, then its profile is removed.
    close: async () => {
      live.delete(entry);
      end(entry);
      transport.close();
      for (const stream of child.stdio) stream?.destroy();
    },
  };
}

/** `promise`, or an error saying `why` after `ms`. */
function within<T>(ms: number, why: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(why)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The folders a launch makes, named with the process's id: `plotbrief-chromium-<pid>-XXXXXX` in the
// temporary folder, and `plotbrief-<pid>-XXXXXX` in /tmp for Chromium's own files under a long TMPDIR.
const PROFILE = "plotbrief-chromium-";
const SHORT = "plotbrief-";

/**
 * Removes the browser folders of plotbrief processes that are gone (ended by `kill -9`, say, which no
 * handler sees); a live process's folders, this one's included, are left alone.
 */
function removeLeftovers(): void {
  for (const [dir, prefix] of [
    [tmpdir(), PROFILE],
    ["/tmp", SHORT],
  ] as const) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = Number(new RegExp(`^${prefix}(\\d+)-[^-]+$`).exec(name)?.[1]);
      if (!pid || alive(pid)) continue;
      rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lastLines(text: string): string {
  const lines = text.trim().split("\n").slice(-3);
  return lines.length > 0 && lines[0] !== "" ? `saying: ${lines.join(" / ")}` : "";
}

/**
 * Chrome DevTools Protocol messages over the browser's pipe: JSON, each ended by a NUL byte. Bytes are
 * gathered until the NUL, so that a character split between two reads is decoded whole.
 */
class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  #pending: Buffer[] = [];
  #closed = false;

  constructor(
    readonly write: Writable,
    read: Readable,
  ) {
    read.on("data", (chunk: Buffer) => this.#receive(chunk));
    read.on("close", () => this.onclose?.());
    // A broken pipe is the browser's exit, which the session sees as a closed connection.
    read.on("error", () => {});
    write.on("error", () => {});
  }

  send(message: string): void {
    if (this.#closed) return;
    this.write.write(message);
    this.write.write("\0");
  }

  #receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      this.#pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(this.#pending).toString("utf8");
      this.#pending = [];
      this.onmessage?.(message);
      start = end + 1;
    }
    if (start < chunk.length) this.#pending.push(chunk.subarray(start));
  }

  close(): void {
    this.#closed = true;
  }
}

/** Ends every browser this process launched and removes their profiles, synchronously: for signal handlers. */
export function killBrowsers(): void {
  for (const entry of live) end(entry);
  live.clear();
}

/** Ends a launched browser's processes, waiting (up to a second) until they are gone, and removes its folders. */
function end(entry: Launched): void {
  const pid = entry.process?.pid;
  if (pid !== undefined) {
    // The browser leads its own process group: end the whole group.
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      entry.process?.kill("SIGKILL");
    }
  }
  // Some helpers leave the group (the zygote, on Linux): end whatever still uses the profile, and
  // wait for it to be gone, or it could still write into the profile as it goes.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 100; i++) {
    const left = processesUsing(entry.profile);
    if (left.length === 0) break;
    for (const other of left) killQuietly(other);
    Atomics.wait(pause, 0, 0, 10);
  }
  for (const dir of [entry.temporary, entry.profile]) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Nothing more can be done; the folder is in the temporary folder.
    }
  }
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
