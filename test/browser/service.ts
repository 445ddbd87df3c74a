// A browser standing in for a service (browserless, Chrome with --remote-debugging-port), for the tests
// and the benchmark that print through one shared browser.
import { execFile } from "node:child_process";
import { mkdtemp, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * Starts `executable` headless with a debugging port and a profile of its own in the temporary folder:
 * its endpoint, its process, and `close`, which kills it, waits for it to exit and removes its profile.
 */
export async function serviceBrowser(executable: string) {
  const profile = await mkdtemp(join(tmpdir(), "plotbrief-service-browser-"));
  const args = [
    "--headless",
    "--remote-debugging-port=0",
    `--user-data-dir=${profile}`,
    "--disable-gpu",
    "--no-first-run",
  ];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  const browser = execFile(executable, args);
  const exited = new Promise<void>((resolve) => browser.on("exit", () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let stderr = "";
    browser.stderr!.on("data", (chunk: string) => {
      stderr += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    browser.on("exit", () => reject(new Error(`browser exited: ${stderr}`)));
  }).catch(async (error: unknown) => {
    await rm(profile, { recursive: true, force: true });
    throw error;
  });
  const close = async () => {
    // Chromium keeps its singleton's socket in a folder of its own in the temporary folder, linked from
    // the profile, which a killed browser leaves behind.
    const socket = await readlink(join(profile, "SingletonSocket")).catch(() => undefined);
    if (browser.exitCode === null && browser.signalCode === null) browser.kill("SIGKILL");
    await exited;
    // Its helper processes may write into the profile for a moment after it is gone.
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    if (socket !== undefined && /\/org\.chromium\.Chromium\.\w+\/SingletonSocket$/.test(socket))
      await rm(dirname(socket), { recursive: true, force: true });
  };
  return { endpoint, browser, profile, close };
}
