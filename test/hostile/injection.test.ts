import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failure, project, success } from "./project.js";

describe("hostile input: injection", () => {
  it("neutralises spreadsheet formulas in the data download, leaves numbers alone, and says so", async () => {
    const rows = [
      "id,label,value,source",
      'a,"=HYPERLINK(""http://evil.example"",""click"")",12,s',
      "b,+cmd|' /C calc'!A0,-3.5,s",
      "c,@SUM(1+1),0,s",
      'd,"\tTab",1,s',
      "e,-sign,-7,s",
    ].join("\n");
    const { html } = await success(await project({ "data/t/t.csv": `${rows}\n` }));
    const href = /href="data:text\/csv;charset=utf-8,([^"]+)"/.exec(html)![1]!;
    const unescaped = href.replaceAll("&#39;", "'").replaceAll("&#34;", '"').replaceAll("&#38;", "&");
    const download = decodeURIComponent(unescaped);
    expect(download.split("\n")).toEqual([
      "id,label,value,source",
      `a,"'=HYPERLINK(""http://evil.example"",""click"")",12,s`,
      "b,'+cmd|' /C calc'!A0,-3.5,s",
      "c,'@SUM(1+1),0,s",
      "d,Tab,1,s", // text is trimmed when it is read: the tab is gone
      "e,'-sign,-7,s",
      "",
    ]);
    expect(html).toContain(
      "In the data downloads, 4 cells that begin with =, +, -, @ or a tab start with an apostrophe, so that a spreadsheet shows them as text instead of running them as a formula.",
    );
  });

  it("shows markup from the data and the front matter as text", async () => {
    const root = await project({
      "data/t/t.csv": 'id,label,value,source\na,"<img src=x onerror=alert(1)>",12,s\n',
    });
    const notebook = join(root, "reports/r/index.md");
    await writeFile(
      notebook,
      (await readFile(notebook, "utf8")).replace('title: "Test"', 'title: "</title><script>alert(2)</script>"'),
    );
    const { html, out } = await success(root);
    const svg = await readFile(join(out, "r/figures/bars.svg"), "utf8");
    expect(html).not.toMatch(/<img src=x|<script>alert/);
    expect(html).toContain("<td>&#60;img src=x onerror=alert(1)&#62;</td>");
    expect(html).toContain("<title>&#60;/title&#62;&#60;script&#62;alert(2)&#60;/script&#62;</title>");
    expect(svg).not.toContain("<img");
  });

  it("refuses a YAML alias bomb in the front matter, naming the file", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [name, previous] of [
      ["b", "a"],
      ["c", "b"],
      ["d", "c"],
      ["e", "d"],
      ["f", "e"],
    ])
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    const root = await project({
      "reports/r/index.md": `---\n${bomb.join("\n")}\ntitle: "Test"\n---\n\nText.\n`,
    });
    expect(await failure(root)).toBe(
      "reports/r/index.md:2: front matter: Excessive alias count indicates a resource exhaustion attack; write the values out instead",
    );
  });
});
