import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { expectGolden } from "../golden.js";
import { ROOT, copyProject } from "../project.js";

const HTML = ["html", "svg"] as const;
const tempOut = () => mkdtemp(join(tmpdir(), "plotbrief-out-"));

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const entries = await Promise.all(
    files
      .filter((file) => file.isFile())
      .map(async (file) => {
        const path = join(file.parentPath, file.name);
        return [path.slice(dir.length + 1), await readFile(path, "utf8")] as const;
      }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

describe("buildReport(slug, options)", () => {
  it("writes the report and one SVG per figure, the page byte for byte as its golden file", async () => {
    const out = await tempOut();
    const outputs = await buildReport("cambodia-2020", { root: ROOT, out, formats: HTML });
    expect(outputs.map((output) => output.path)).toEqual([
      "cambodia-2020/index.html",
      "cambodia-2020/figures/tariff-share.svg",
      "cambodia-2020/figures/gdp-revisions.svg",
      "cambodia-2020/figures/summons.svg",
      "cambodia-2020/figures/timeline.svg",
      "cambodia-2020/manifest.json",
    ]);
    const files = await snapshot(out);
    const page = files.get("cambodia-2020/index.html")!;
    // Count columns right-aligned, their headings over them; every figure's table again, for print.
    expect(page).toContain('<th scope="col" class="pb-numeric">Count</th>');
    expect(page).toMatch(/<td class="pb-numeric">121<\/td>/);
    expect(page).toContain('<th scope="col">Reported by</th>');
    const appendix = page.slice(page.indexOf('<section class="pb-print-tables"'));
    expect(appendix).toContain('<h2 id="print-tables">Tables</h2>');
    expect(appendix.match(/<table>/g)).toHaveLength(4);
    // Titles, dek, key numbers' labels, figures' titles, subtitles and notes: curly quotes, as the prose has.
    const texts = [
      ...page.matchAll(
        /<(h1|h2|h3|p class="(?:dek|pb-title|pb-subtitle|pb-note)"|span class="pb-key-label")[^>]*>([^]*?)<\/(?:h1|h2|h3|p|span)>/g,
      ),
    ].map((match) => match[2]!);
    expect(texts.length).toBeGreaterThan(15);
    expect(texts.join("\n")).toContain("Cambodia\u2019s");
    expect(texts.filter((text) => /&#39;|&#34;|['"]/.test(text.replace(/<[^>]*>/g, "")))).toEqual([]);
    // The running head is in the page's margin boxes, and not on page 1.
    expect(page).toMatch(/@page :first \{ @top-left \{ content: none; \}/);
    await expectGolden("cambodia-2020/index.html", page);
    await expectGolden("cambodia-2020/figures/summons.svg", files.get("cambodia-2020/figures/summons.svg")!);
  });

  it("gives identical bytes on a second build, and leaves unchanged files alone", async () => {
    const out = await tempOut();
    await buildReport("cambodia-2020", { root: ROOT, out, formats: HTML });
    const first = await snapshot(out);
    const outputs = await buildReport("cambodia-2020", { root: ROOT, out, formats: HTML });
    expect(outputs.every((output) => !output.changed)).toBe(true);
    expect(await snapshot(out)).toEqual(first);
    const fresh = await tempOut();
    await buildReport("cambodia-2020", { root: ROOT, out: fresh, formats: HTML });
    expect(await snapshot(fresh)).toEqual(first);
  });

  it("writes nothing and keeps the good files when the data is bad", async () => {
    const root = await copyProject();
    const out = await tempOut();
    await buildReport("cambodia-2020", { root, out, formats: HTML });
    const good = await snapshot(out);
    const csv = join(root, "data/cambodia-2020/summons.csv");
    await writeFile(csv, (await readFile(csv, "utf8")).replace(",59,exact,", ",fifty-nine,exact,"));
    await expect(buildReport("cambodia-2020", { root, out, formats: HTML })).rejects.toThrow(
      'data/cambodia-2020/summons.csv:2: column "count": expected a whole number, found "fifty-nine"',
    );
    expect(await snapshot(out)).toEqual(good);
  });

  it("shows a value with markup in it as text, in the page and in the chart", async () => {
    const root = await copyProject();
    const csv = join(root, "data/cambodia-2020/summons.csv");
    const markup = '<script>alert("data")</script>';
    await writeFile(
      csv,
      (await readFile(csv, "utf8")).replace("people targeted by summonses", `"${markup.replaceAll('"', '""')}"`),
    );
    const out = await tempOut();
    await buildReport("cambodia-2020", { root, out, formats: HTML });
    const html = await readFile(join(out, "cambodia-2020/index.html"), "utf8");
    const svg = await readFile(join(out, "cambodia-2020/figures/summons.svg"), "utf8");
    expect(html).not.toContain("<script");
    expect(svg).not.toContain("<script");
    expect(html).toContain("<td>&#60;script&#62;alert(&#34;data&#34;)&#60;/script&#62;</td>");
    expect(svg).toContain(`>&lt;script&gt;alert("data")&lt;/script&gt;</text>`);
  });

  it("changes the sentence, the chart and the alt text together when a value changes in the data", async () => {
    const root = await copyProject();
    const csv = join(root, "data/cambodia-2020/tariff.csv");
    await writeFile(
      csv,
      (await readFile(csv, "utf8")).replace("duty-free access,20,percent", "duty-free access,25,percent"),
    );
    const out = await tempOut();
    await buildReport("cambodia-2020", { root, out, formats: HTML });
    const html = await readFile(join(out, "cambodia-2020/index.html"), "utf8");
    const svg = await readFile(join(out, "cambodia-2020/figures/tariff-share.svg"), "utf8");
    expect(html).toContain("tariffs apply to <span");
    expect(html).toMatch(
      /tariffs apply to <span class="pb-fact" data-fact="tariff\/lost-share.value" title="[^"]+">about 25%<\/span>/,
    );
    expect(svg).toContain(">about 25%: tariffs reinstated</text>");
    expect(svg).toContain('aria-label="A single bar of Cambodia’s exports to the EU: about 25%, worth');
    expect(html).toContain("About 25% of Cambodia’s exports to the EU lost duty-free access");
  });
});
