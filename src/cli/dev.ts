import { resolve } from "node:path";
import { UserError } from "../error.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";
import { round } from "./log.js";
import { listReports } from "./project.js";

export interface DevFlags {
  readonly root: string;
  readonly port: string;
  readonly host: string;
}

/** `plotbrief dev`: the live preview, until Ctrl-C. */
export async function dev(flags: DevFlags, effects: CliEffects, log: Logger): Promise<void> {
  const [{ startDevServer }, { Printer }, { findBrowser }, { killBrowsers }] = await Promise.all([
    import("../dev/server.js"),
    import("../render/printer.js"),
    import("../render/browser.js"),
    import("../render/launch.js"),
  ]);
  const root = resolve(effects.cwd, flags.root);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`--port: expected a port number, found "${flags.port}"`);
  await listReports(root); // fails early, and plainly, outside a project
  let printer: InstanceType<typeof Printer> | undefined;
  try {
    await findBrowser(effects.env); // says plainly, now, why there will be no PDFs
    printer = new Printer({ env: effects.env });
  } catch (error) {
    log.info(`no PDFs in this preview: ${(error as Error).message.split("\n")[0]}`);
  }
  const server = await startDevServer({
    root,
    host: flags.host,
    port,
    ...(printer ? { printer } : {}),
    listReports: () => listReports(root),
    onBuild: ({ report, ok, ms, error }) =>
      log.record(
        "rebuild",
        { report, ok, ms: round(ms), ...(error ? { error } : {}) },
        ok ? `rebuilt ${report} in ${Math.round(ms)} ms` : `${report} does not build:\n${error}`,
      ),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE")
      throw new UserError(`port ${port} is in use; pass --port with another, or 0 for any free one`);
    throw error;
  });
  log.record("listening", { url: server.url }, `plotbrief dev: ${server.url} (Ctrl-C to stop)`);
  await new Promise<void>((resolveStop) => {
    const stop = () => {
      effects.offSignals(stop);
      resolveStop();
    };
    effects.onSignals(stop);
  });
  await server.close();
  await printer?.close();
  killBrowsers();
}
