// The flagship's PDF in French: its running header and footer, which Chromium draws apart from the page.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { Printer } from "../../src/render/printer.js";
import { copyProject } from "../project.js";
import { browserPath } from "./chromium.js";

const run = promisify(execFile);
const executable = browserPath();

describe.skipIf(executable === undefined)("the flagship PDF with lang: fr", () => {
  it("numbers its pages and dates its footer in French, under a French header", async () => {
    const root = await copyProject();
    const notebook = join(root, "reports/cambodia-2020/index.md");
    await writeFile(notebook, (await readFile(notebook, "utf8")).replace("paper: a4\n", "paper: a4\nlang: fr\n"));
    const out = await mkdtemp(join(tmpdir(), "plotbrief-pdf-fr-"));
    const printer = new Printer({ executablePath: executable! });
    try {
      await buildReport("cambodia-2020", { root, out, formats: ["pdf"], printer });
    } finally {
      await printer.close();
    }
    const pdf = join(out, "cambodia-2020/cambodia-2020.pdf");
    const text = (await run("pdftotext", [pdf, "-"])).stdout.replace(/[\s\u00a0\u202f]+/g, " ");
    const pages = Number(/^Pages: +(\d+)$/m.exec((await run("pdfinfo", [pdf])).stdout)![1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page 1 sur ${pages}`);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    expect(text).toContain("The plotbrief worked example · Publié le 30 novembre 2020 · Mis à jour le 28 avril 2021");
    expect(text).toContain("Note d’analyse");
    expect(text).not.toMatch(/Page \d+ of \d+|Nov\. 30, 2020|Briefing|Published Nov|Updated April/);
  }, 120_000);
});
