// Inside a worker thread: renders one figure of one report at a time, keeping each report loaded.
import { parentPort, threadId } from "node:worker_threads";
import { UserError } from "../error.js";
import { resolveFigure } from "../figures/figure.js";
import { loadReport } from "../report/report.js";
import type { LoadedReport } from "../report/report.js";
import { renderSvg, svgDocument } from "../render/svg.js";

export interface RenderRequest {
  readonly id: number;
  readonly root: string;
  readonly slug: string;
  readonly figure: string;
}

export type RenderReply =
  | { readonly id: number; readonly svg: string; readonly thread: number }
  | { readonly id: number; readonly error: string; readonly user: boolean };

const reports = new Map<string, Promise<LoadedReport>>();

parentPort!.on("message", (request: RenderRequest) => {
  void (async () => {
    try {
      const key = `${request.root}\0${request.slug}`;
      if (!reports.has(key)) reports.set(key, loadReport(request.root, request.slug));
      const report = await reports.get(key)!;
      const spec = report.spec.figures.find((figure) => figure.id === request.figure)!;
      const svg = renderSvg(resolveFigure(spec, report.datasets), await svgDocument());
      parentPort!.postMessage({ id: request.id, svg, thread: threadId } satisfies RenderReply);
    } catch (error) {
      const user = error instanceof UserError;
      parentPort!.postMessage({ id: request.id, error: (error as Error).message, user } satisfies RenderReply);
    }
  })();
});
