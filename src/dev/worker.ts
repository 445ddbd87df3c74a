// The dev server's builder, in a child process: report modules stay imported between builds (fast),
// and a changed module is picked up by starting a new worker, since ES modules cannot be unloaded.
import { UserError } from "../error.js";
import { renderReport } from "../build/render.js";
import { editionOf, loadReport } from "../report/load.js";
import type { FrontMatter } from "../report/notebook.js";
import type { PagePrint } from "../render/printer.js";

export interface WorkerRequest {
  readonly id: number;
  readonly slug: string;
}

export type WorkerReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly html: string;
      readonly front: FrontMatter;
      readonly print: PagePrint;
    }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Serves build requests from the parent over IPC until the parent goes away. */
export async function runWorker(root: string): Promise<void> {
  const send = (reply: WorkerReply) => process.send!(reply);
  process.on("message", (request: WorkerRequest) => {
    void (async () => {
      try {
        // The preview is the page alone: no figure's files are made.
        // A report with editions is previewed as its first edition.
        const loaded = await loadReport(root, request.slug);
        const report = editionOf(loaded, loaded.editions?.[0]?.slug);
        const rendered = await renderReport(root, report, undefined, new Set(["html"]));
        send({ id: request.id, ok: true, html: rendered.html, front: rendered.front, print: rendered.print });
      } catch (error) {
        const message = error instanceof UserError ? error.message : `internal error: ${(error as Error).stack}`;
        send({ id: request.id, ok: false, error: message });
      }
    })();
  });
  process.on("disconnect", () => process.exit(0));
  await new Promise(() => {}); // runs until the parent disconnects
}
