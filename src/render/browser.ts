// Finding a system Chrome or Chromium: plotbrief never downloads a browser.
import { accessSync, constants } from "node:fs";
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
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of BROWSER_ENV) {
    const path = env[name];
    if (!path) continue;
    if (isExecutable(path)) return path;
    throw new UserError(
      `${name} is set to ${path}, which is not an executable program; point it at Chrome or Chromium`,
    );
  }
  const found = BROWSER_PATHS.find(isExecutable);
  if (found) return found;
  throw new UserError(
    [
      "no Chrome or Chromium found. Tried:",
      ...BROWSER_ENV.map((name) => `  $${name} (not set)`),
      ...BROWSER_PATHS.map((path) => `  ${path}`),
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
