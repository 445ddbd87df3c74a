import { join } from "node:path";
import { assembleReport } from "../report/assemble.js";
import { loadReport } from "../report/report.js";
import { svgDocument } from "../render/svg.js";
import { writeAtomic } from "./write.js";

export interface BuildOptions {
  /** The project root: reports/, data/ and templates/ are found here. */
  readonly root: string;
  /** Where outputs go, one folder per report: `<out>/<slug>/index.html`. */
  readonly out: string;
}

/** One output of a build, with its path relative to the output folder. */
export interface Output {
  readonly path: string;
  readonly bytes: number;
  /** False when the file already held these bytes. */
  readonly changed: boolean;
}

/**
 * Builds one report: everything is rendered in memory first, so a failure anywhere writes nothing;
 * then each file is written atomically.
 */
export async function buildReport(slug: string, options: BuildOptions): Promise<Output[]> {
  const [report, document] = await Promise.all([loadReport(options.root, slug), svgDocument()]);
  const rendered = await assembleReport(options.root, report, document);
  const files = [
    { path: join(slug, "index.html"), content: rendered.html },
    ...rendered.figures.map(({ figure, svg }) => ({
      path: join(slug, "figures", `${figure.id}.svg`),
      content: `${svg}\n`,
    })),
  ];
  const outputs: Output[] = [];
  for (const file of files) {
    const changed = await writeAtomic(join(options.out, file.path), file.content);
    outputs.push({ path: file.path, bytes: Buffer.byteLength(file.content), changed });
  }
  return outputs;
}
