// Inside a worker thread: renders one figure of one report at a time, keeping each report loaded.
// The report's modules are the project's TypeScript; its data files come with the request.
import { readFile } from "node:fs/promises";
import { parentPort, threadId } from "node:worker_threads";
import { UserError } from "../error.js";
import type { FigureExports } from "../figures/figure.js";
import { parsePreciseDate } from "../data/qualified.js";
import { bindFigure, figureOptions } from "../report/bind.js";
import { editionOf, loadReport } from "../report/load.js";
import type { LoadedReport } from "../report/load.js";
import { compileProjectModules } from "../report/modules.js";
import { renderFigure } from "../render/svg.js";
import type { Chart } from "../render/svg.js";

/** One figure to render: which project, report and figure. */
export interface FigureRequest {
  readonly root: string;
  readonly slug: string;
  /** The edition, in a report with editions: the worker narrows the loaded report to its rows. */
  readonly edition?: string;
  readonly figure: string;
  /** Which of the figure's files the build's formats need. */
  readonly exports: FigureExports;
  /** The edition's as-of date (`plotbrief build --as-of`), as written: its rows published later are left out. */
  readonly asOf?: string;
}

export interface RenderRequest extends FigureRequest {
  readonly id: number;
  /** The report's data files, by absolute path, as the main thread read them. */
  readonly files: Readonly<Record<string, Uint8Array>>;
}

export type RenderReply =
  | { readonly id: number; readonly chart: Chart; readonly thread: number }
  | { readonly id: number; readonly error: string; readonly user: boolean };

compileProjectModules();
const reports = new Map<string, Promise<LoadedReport>>();

parentPort!.on("message", (request: RenderRequest) => {
  void (async () => {
    try {
      const key = `${request.root}\0${request.slug}\0${request.asOf ?? ""}`;
      const read = async (path: string) => request.files[path] ?? (await readFile(path));
      const asOf = request.asOf === undefined ? undefined : parsePreciseDate(request.asOf);
      if (!reports.has(key)) reports.set(key, loadReport(request.root, request.slug, read, asOf ? { asOf } : {}));
      const report = editionOf(await reports.get(key)!, request.edition);
      const spec = report.spec.figures.find((figure) => figure.id === request.figure)!;
      const chart = await renderFigure(
        bindFigure(report, spec, { ...figureOptions(report), exports: request.exports }),
      );
      parentPort!.postMessage({ id: request.id, chart, thread: threadId } satisfies RenderReply);
    } catch (error) {
      const user = error instanceof UserError;
      parentPort!.postMessage({ id: request.id, error: (error as Error).message, user } satisfies RenderReply);
    }
  })();
});
