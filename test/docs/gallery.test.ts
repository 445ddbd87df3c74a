// The gallery's charts are files: this test writes them into a project with the gallery's data, builds
// them, and compares each chart with its golden SVG, so that the gallery shows what plotbrief draws.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plotbrief } from "../cli.js";
import { expectGolden } from "../golden.js";
import { galleryProject } from "../project.js";

describe("docs/gallery.md", () => {
  it("builds every chart it shows, without a warning, each as its golden SVG", async () => {
    const root = await galleryProject();
    const { code, stderr } = await plotbrief(["build", "gallery"], root);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const charts = (await readdir(join(root, "out/gallery/figures"))).sort();
    expect(charts).toEqual(
      [
        "annotated-bars",
        "diverging",
        "dot-plot",
        "lines-key",
        "lines-labels",
        "river",
        "scatter",
        "small-multiples",
        "stacked-area",
        "stacked-bars",
      ].map((id) => `${id}.svg`),
    );
    for (const chart of charts) {
      await expectGolden(`gallery/${chart}`, await readFile(join(root, "out/gallery/figures", chart), "utf8"));
    }
    const html = await readFile(join(root, "out/gallery/index.html"), "utf8");
    expect(html.match(/<div class="pb-key">/g)).toHaveLength(6);
  });
});
