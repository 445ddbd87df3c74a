// Finding a browser: the machine's Chrome or Chromium, else the one plotbrief brings in an npm
// package. plotbrief never downloads a browser.
import { accessSync, constants } from "node:fs";
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
  bring: () => Promise<BundledBrowser | undefined> = () => bundledBrowser(env),
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
