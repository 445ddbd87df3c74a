import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { stampPdf } from "../../src/render/pdf-info.js";

const run = promisify(execFile);

/** A one-page PDF shaped like Chromium's: classic xref, an Info dictionary with the print time. */
function chromiumLikePdf(tagged: readonly string[] = []): Uint8Array {
  const objects = [
    "<</Creator (HeadlessChrome)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261129151403+00'00')\n/ModDate (D:20261129151403+00'00')>>",
    tagged.length === 0
      ? "<</Type /Catalog /Pages 3 0 R>>"
      : "<</Type /Catalog /Pages 3 0 R /MarkInfo <</Type /MarkInfo /Marked true>> /StructTreeRoot 5 0 R>>",
    "<</Type /Pages /Kids [4 0 R] /Count 1>>",
    "<</Type /Page /Parent 3 0 R /MediaBox [0 0 200 200]>>",
    // A structure tree as Chromium writes one: a Document holding one element of each type given.
    ...(tagged.length === 0
      ? []
      : [
          "<</Type /StructTreeRoot\n/K 6 0 R>>",
          `<</Type /StructElem\n/S /Document\n/P 5 0 R\n/K [${tagged.map((_, i) => `${i + 7} 0 R`).join(" ")}]>>`,
          ...tagged.map((type) => `<</Type /StructElem\n/S /${type}\n/P 6 0 R>>`),
        ]),
  ];
  let text = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, "0")} 00000 n \n`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(text, "latin1");
}

async function pdfinfo(pdf: Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "plotbrief-pdf-")), "test.pdf");
  await writeFile(path, pdf);
  return (await run("pdfinfo", ["-isodates", path])).stdout;
}

const info = {
  title: "Pressure from both sides",
  author: "The data desk",
  subject: "Tariffs \u2212 and a trial", // a true minus sign: not Latin-1
  keywords: ["Cambodia", "EU"],
  creator: "plotbrief 0.1.0",
  date: new Date(Date.UTC(2020, 10, 30)),
};

// pdfinfo (poppler-utils) reads the result as a PDF reader would. CI installs it and requires it.
const hasPdfinfo = await run("pdfinfo", ["-v"]).then(
  () => true,
  () => {
    if (process.env.PLOTBRIEF_REQUIRE_BROWSER === "1")
      throw new Error("pdfinfo is missing: apt-get install poppler-utils");
    console.warn("skipping stampPdf tests: pdfinfo is missing (apt-get install poppler-utils)");
    return false;
  },
);

describe.skipIf(!hasPdfinfo)("stampPdf(pdf, info)", () => {
  it("sets the document properties and pins both dates, as pdfinfo reads them", async () => {
    const text = await pdfinfo(stampPdf(chromiumLikePdf(), info));
    expect(text).toMatch(/^Title: +Pressure from both sides$/m);
    expect(text).toMatch(/^Author: +The data desk$/m);
    expect(text).toMatch(/^Subject: +Tariffs \u2212 and a trial$/m);
    expect(text).toMatch(/^Keywords: +Cambodia, EU$/m);
    expect(text).toMatch(/^Creator: +plotbrief 0\.1\.0$/m);
    expect(text).toMatch(/^CreationDate: +2020-11-30T00:00:00Z$/m);
    expect(text).toMatch(/^ModDate: +2020-11-30T00:00:00Z$/m);
    expect(text).toMatch(/^Pages: +1$/m);
  });

  it("dates a changed document's modification apart from its creation", async () => {
    const modified = new Date(Date.UTC(2021, 3, 28));
    const text = await pdfinfo(stampPdf(chromiumLikePdf(), { ...info, modified }));
    expect(text).toMatch(/^CreationDate: +2020-11-30T00:00:00Z$/m);
    expect(text).toMatch(/^ModDate: +2021-04-28T00:00:00Z$/m);
  });

  it("maps the PDF 2.0 structure types Chromium writes (Aside, Strong, Em) to PDF 1.7's, so the tree is valid", async () => {
    const dir = await mkdtemp(join(tmpdir(), "plotbrief-pdf-"));
    const struct = async (pdf: Uint8Array) => {
      await writeFile(join(dir, "tagged.pdf"), pdf);
      const { stdout, stderr } = await run("pdfinfo", ["-struct", join(dir, "tagged.pdf")]);
      return `${stdout}${stderr}`;
    };
    try {
      const tagged = chromiumLikePdf(["Aside", "Strong", "Em", "P"]);
      expect(await struct(tagged)).toMatch(/wrong type \(Aside\)/);
      const text = await struct(stampPdf(tagged, info));
      expect(text).not.toMatch(/error|wrong type/i);
      expect(text).toMatch(/^ +Sect$/m);
      expect(text).toMatch(/^ +Span \(inline\)$/m);
      // A tree with only standard types is left as it is.
      expect(Buffer.from(stampPdf(chromiumLikePdf(["P"]), info)).toString("latin1")).not.toContain("/RoleMap");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("leaves no trace of the print time in the bytes, so two prints stamp the same", () => {
    const a = Buffer.from(stampPdf(chromiumLikePdf(), info));
    const later = Buffer.from(chromiumLikePdf()).toString("latin1").replaceAll("20261129151403", "20261130094512");
    const b = Buffer.from(stampPdf(Buffer.from(later, "latin1"), info));
    expect(a.toString("latin1")).not.toContain("2026");
    expect(b.equals(a)).toBe(true);
  });
});
