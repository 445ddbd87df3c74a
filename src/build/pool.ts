// Figures rendered in parallel across cores: a pool of worker threads, each with its own jsdom
// document, started only when there are enough figures to repay their start-up (about a second).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { UserError } from "../error.js";
import { readInput } from "./inputs.js";
import type { Chart } from "../render/svg.js";
import type { FigureRequest, RenderReply, RenderRequest } from "./render-worker.js";

/**
 * Below this many figures to render, one thread is faster than starting workers: a worker takes about
 * a second to load jsdom and Plot, and a figure takes a few milliseconds.
 */
export const POOL_THRESHOLD = 400;

export class FigurePool {
  readonly #workers: Worker[] = [];
  readonly #pending = new Map<number, (reply: RenderReply) => void>();
  // Which worker has which report loaded: its data files are sent to each worker once.
  readonly #loaded = new Set<string>();
  #next = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL("./render-worker.js", import.meta.url));
      worker.on("message", (reply: RenderReply) => {
        this.#pending.get(reply.id)?.(reply);
        this.#pending.delete(reply.id);
      });
      worker.on("error", (error) => {
        for (const [id, resolve] of this.#pending) resolve({ id, error: error.message, user: false });
      });
      this.#workers.push(worker);
    }
  }

  /**
   * Renders a figure of a report on the next worker, round robin; resolves with its SVG and the thread.
   * The report's data files go with its first request to each worker, so that no worker reads them again.
   */
  async render(
    request: FigureRequest,
    files: () => Promise<Record<string, Uint8Array>>,
  ): Promise<{ chart: Chart; thread: number }> {
    const id = this.#next++;
    const index = id % this.#workers.length;
    const loaded = `${index}\0${request.root}\0${request.slug}\0${request.asOf ?? ""}`;
    const data = this.#loaded.has(loaded) ? {} : await files();
    this.#loaded.add(loaded);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (reply) => {
        if ("chart" in reply) resolve({ chart: reply.chart, thread: reply.thread });
        else reject(reply.user ? new UserError(reply.error) : new Error(reply.error));
      });
      this.#workers[index]!.postMessage({ ...request, id, files: data } satisfies RenderRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}

/**
 * Below this mean time to render a figure here, a build stays on one thread however many figures it
 * has: a worker binds the figure again and sends its chart back, which costs about as much, and
 * workers take the cores the page assembly and the browser's print need (a report of 1,000 one-chart
 * editions built in 16 s on one thread, 24 s with workers, and peaked at twice the memory).
 */
export const CHEAP_FIGURE_MS = 20;

/**
 * Where a build's figures are rendered: in this thread for the first `threshold`, then across a
 * pool of workers, one per core, once a build has shown it has many and that they are costly (by
 * default; a threshold given explicitly counts figures only). Shared by every report of a build.
 */
export class FigureRenderer {
  #count = 0;
  #localMs = 0;
  #pool: FigurePool | undefined;
  readonly #byCountOnly: boolean;

  constructor(readonly threshold = POOL_THRESHOLD) {
    this.#byCountOnly = threshold !== POOL_THRESHOLD;
  }

  /** Renders with `local` in this thread, or on a worker; says which thread did it (0 for this one). */
  async render(
    request: FigureRequest,
    local: () => Promise<Chart>,
    dataFiles: () => readonly string[],
  ): Promise<{ chart: Chart; thread: number }> {
    const count = ++this.#count;
    const cheap = !this.#byCountOnly && this.#localMs / Math.max(1, count - 1) < CHEAP_FIGURE_MS;
    if (!this.#pool && (count <= this.threshold || availableParallelism() < 2 || cheap)) {
      const started = performance.now();
      const chart = await local();
      this.#localMs += performance.now() - started;
      return { chart, thread: 0 };
    }
    this.#pool ??= new FigurePool(availableParallelism());
    const files = async () =>
      Object.fromEntries(await Promise.all(dataFiles().map(async (path) => [path, await readInput(path)] as const)));
    return this.#pool.render(request, files);
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }
}
