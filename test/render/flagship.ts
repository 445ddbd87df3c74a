// Renders the flagship's figures to SVG strings; run directly, it prints them as JSON (for the TZ test).
import { fileURLToPath } from "node:url";
import { resolveFigure } from "../../src/figures/figure.js";
import { loadReport } from "../../src/report/load.js";
import { renderSvg, svgDocument } from "../../src/render/svg.js";
import { ROOT } from "../project.js";

export async function flagshipSvgs(): Promise<Map<string, string>> {
  const [report, document] = await Promise.all([loadReport(ROOT, "cambodia-2020"), svgDocument()]);
  return new Map(
    report.spec.figures.map((spec) => [spec.id, renderSvg(resolveFigure(spec, report.datasets), document).svg]),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(Object.fromEntries(await flagshipSvgs())));
}
