// The live preview: an HTTP server on loopback that serves each report as HTML (and PDF), rebuilds it
// in a worker when any input changes, and tells open pages over server-sent events.
import { fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { watch } from "chokidar";
import { escapeHtml } from "../render/html.js";
import { printPdf } from "../render/pdf.js";
import type { Printer } from "../render/printer.js";
import { CLIENT, CLIENT_PATH } from "./client.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

export interface DevOptions {
  readonly root: string;
  readonly host: string;
  readonly port: number;
  /** Kept warm for PDFs; without one, PDF links answer with the reason. */
  readonly printer?: Printer;
  readonly listReports: () => Promise<string[]>;
  /** Told of each rebuild: which report, whether it failed, how long it took. */
  readonly onBuild?: (event: { report: string; ok: boolean; ms: number; error?: string }) => void;
}

export interface DevServer {
  readonly url: string;
  close(): Promise<void>;
}

const WORKER = fileURLToPath(new URL("./worker-process.js", import.meta.url));
const MODULE = /\.(ts|mts|js|mjs)$/;
// The page's own policy forbids scripts and connections; the preview allows its own, and nothing else.
const DEV_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'self'; connect-src 'self'";

type Build = { ok: true; html: string; reply: Extract<WorkerReply, { ok: true }> } | { ok: false; error: string };

export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const { root } = options;
  let worker = startWorker();
  let nextId = 0;
  const pending = new Map<number, (reply: WorkerReply) => void>();
  const builds = new Map<string, Promise<Build>>();
  const clients = new Map<string, Set<ServerResponse>>();

  function startWorker(): ChildProcess {
    const child = fork(WORKER, [root], { serialization: "advanced", stdio: "inherit" });
    child.on("message", (reply: WorkerReply) => {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    });
    child.on("exit", () => {
      for (const [id, resolve] of pending)
        resolve({ id, ok: false, error: "the build worker stopped; save a file to retry" });
      pending.clear();
    });
    return child;
  }

  function build(slug: string): Promise<Build> {
    const started = performance.now();
    const result = new Promise<WorkerReply>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.send({ id, slug } satisfies WorkerRequest);
    }).then((reply): Build => {
      const ms = performance.now() - started;
      options.onBuild?.({ report: slug, ok: reply.ok, ms, ...(reply.ok ? {} : { error: reply.error }) });
      return reply.ok ? { ok: true, html: forPreview(reply.html, slug), reply } : { ok: false, error: reply.error };
    });
    builds.set(slug, result);
    return result;
  }

  const latest = (slug: string) => builds.get(slug) ?? build(slug);

  async function rebuildOpen(): Promise<void> {
    await Promise.all(
      [...clients].map(async ([slug, responses]) => {
        const result = await build(slug);
        const message = result.ok
          ? "event: update\ndata: {}\n\n"
          : `event: failed\ndata: ${JSON.stringify({ message: result.error })}\n\n`;
        for (const response of responses) response.write(message);
      }),
    );
  }

  // Any input: data, notebooks, figure and dataset modules, templates. Module changes need a new worker.
  let timer: NodeJS.Timeout | undefined;
  let restart = false;
  const watcher = watch(
    ["data", "reports", "templates"].map((dir) => join(root, dir)),
    { ignoreInitial: true },
  );
  watcher.on("all", (_event, path) => {
    restart ||= MODULE.test(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      builds.clear();
      if (restart) {
        worker.kill();
        worker = startWorker();
        restart = false;
      }
      void rebuildOpen();
    }, 30);
  });
  await new Promise<void>((resolve) => watcher.once("ready", resolve));

  // The names this server answers to: loopback's, and the address it was asked to listen on. Any other
  // Host is a page elsewhere reaching it through DNS rebinding; any other Origin, another site's page.
  const names = new Set([
    "localhost",
    "127.0.0.1",
    "[::1]",
    options.host.includes(":") ? `[${options.host}]` : options.host,
  ]);
  const server = createServer((request, response) => {
    const host = request.headers.host ?? "";
    const name = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host)?.[1]?.toLowerCase() ?? "";
    const origin = request.headers.origin;
    if (!names.has(name) || (origin !== undefined && origin !== `http://${host}`)) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
      return void response.end(
        `plotbrief dev answers only to ${[...names].join(", ")} (this request came for ${JSON.stringify(host)}${origin === undefined ? "" : ` from ${JSON.stringify(origin)}`})\n`,
      );
    }
    void route(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(`plotbrief dev: ${error.message}`);
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    let parts: string[];
    try {
      parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      return void response.end(`plotbrief dev: malformed path ${JSON.stringify(url.pathname)}\n`);
    }
    if (url.pathname === CLIENT_PATH) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      return void response.end(CLIENT);
    }
    if (url.pathname === "/_plotbrief/events") {
      const slug = url.searchParams.get("report") ?? "";
      response.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-store",
        connection: "keep-alive",
      });
      response.write(": connected\n\n");
      const set = clients.get(slug) ?? new Set();
      clients.set(slug, set.add(response));
      request.on("close", () => set.delete(response));
      return;
    }
    if (parts.length === 0) return page(response, 200, await indexPage());
    const reports = await options.listReports();
    const slug = parts[0]!;
    if (!reports.includes(slug))
      return page(response, 404, `<p>No report "${escapeHtml(slug)}". <a href="/">All reports</a></p>`);
    if (parts.length === 1 && !url.pathname.endsWith("/")) {
      response.writeHead(302, { location: `/${encodeURIComponent(slug)}/` });
      return void response.end();
    }
    const result = await latest(slug);
    if (parts.length === 1) {
      if (result.ok) return page(response, 200, result.html, true);
      return page(response, 200, errorPage(slug, result.error), true);
    }
    if (parts.length === 2 && parts[1] === `${slug}.pdf`) {
      if (!result.ok) return page(response, 500, errorPage(slug, result.error), true);
      if (!options.printer)
        return page(response, 503, "<p>No browser is running, so there is no PDF; run plotbrief doctor.</p>");
      const pdf = await printPdf({ slug, ...result.reply }, options.printer).catch((error: Error) => error);
      if (pdf instanceof Error) return page(response, 500, errorPage(slug, pdf.message), true);
      response.writeHead(200, { "content-type": "application/pdf", "cache-control": "no-store" });
      return void response.end(pdf);
    }
    return page(response, 404, `<p>Not found. <a href="/${encodeURIComponent(slug)}/">Back to the report</a></p>`);
  }

  async function indexPage(): Promise<string> {
    const items = (await options.listReports()).map((slug) => {
      const href = `/${encodeURIComponent(slug)}/`;
      return `<li><a href="${href}">${escapeHtml(slug)}</a> · <a href="${href}${encodeURIComponent(slug)}.pdf">PDF</a></li>`;
    });
    return shell("plotbrief dev", `<h1>Reports</h1><ul>${items.join("")}</ul>`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    close: async () => {
      clearTimeout(timer);
      for (const set of clients.values()) for (const response of set) response.end();
      await watcher.close();
      worker.kill();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The built page, made live: its policy allows the preview's script, which is added. */
function forPreview(html: string, slug: string): string {
  return html
    .replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${DEV_POLICY}$2`)
    .replace("<html ", `<html data-plotbrief-report="${escapeHtml(slug)}" `)
    .replace("</head>", `<script src="${CLIENT_PATH}" defer></script>\n</head>`);
}

function errorPage(slug: string, message: string): string {
  const body = `<h1>${escapeHtml(slug)} does not build</h1><pre id="plotbrief-error" role="alert">${escapeHtml(message)}</pre><p>Fix the file and this page updates by itself.</p>`;
  return forPreview(shell(`${slug}: error`, body), slug);
}

function shell(title: string, body: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="">\n<title>${escapeHtml(title)}</title>\n<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#fff0f0;color:#7a0000;padding:1rem;border:2px solid #b00}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function page(response: ServerResponse, status: number, html: string, live = false): void {
  response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  response.end(live ? html : html.startsWith("<!DOCTYPE") ? html : shell("plotbrief dev", html));
}
