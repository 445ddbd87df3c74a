import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/build/render.js";
import { loadReport } from "../../src/report/load.js";
import { copyProject } from "../project.js";

async function withTemplate(template: string, files: Record<string, string> = {}) {
  const root = await copyProject();
  const notebook = join(root, "reports/cambodia-2020/index.md");
  await writeFile(notebook, (await readFile(notebook, "utf8")).replace("template: briefing", `template: ${template}`));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

describe("loadReport(root, slug)", () => {
  it("finds plotbrief's own templates in the package", async () => {
    const root = await copyProject();
    const report = await loadReport(root, "cambodia-2020");
    expect(report.template).toMatchObject({ name: "briefing", builtIn: true });
  });

  it("takes a project's templates/<name>/ over plotbrief's template of the same name", async () => {
    const root = await withTemplate("briefing", {
      "templates/briefing/template.ts": `import { defineTemplate, html } from "plotbrief";
import briefing from "plotbrief/templates/briefing";

export default defineTemplate({
  ...briefing,
  styles: [...briefing.styles, "desk.css"],
  page: ({ front, body, css }) => html\`<!DOCTYPE html><style>\${css}</style><h1 class="desk">\${front.title}</h1>\${body}\`,
});
`,
      "templates/briefing/desk.css": ".desk { color: #c00; }\n",
    });
    const report = await loadReport(root, "cambodia-2020");
    expect(report.template).toMatchObject({ name: "briefing", builtIn: false, dir: join(root, "templates/briefing") });
    const { html } = await renderReport(root, report);
    expect(html).toMatch(/^<!DOCTYPE html><style>@font-face/);
    expect(html).toContain(".desk { color: #c00; }");
    expect(html).toContain('<h1 class="desk">Pressure from both sides');
    expect(html).toContain('<figure class="pb-figure" id="figure-summons"');
  });

  it("names plotbrief's templates when the front matter names an unknown one", async () => {
    const root = await withTemplate("bulletin");
    await expect(loadReport(root, "cambodia-2020")).rejects.toThrow(
      /^reports\/cambodia-2020\/index\.md:\d+: unknown template "bulletin"; plotbrief has briefing and memo, and a project's own live in templates\/<name>\/template\.ts$/,
    );
  });

  it("takes a template's name, never a path", async () => {
    const root = await withTemplate("../../elsewhere/tpl");
    await expect(loadReport(root, "cambodia-2020")).rejects.toThrow(
      /^reports\/cambodia-2020\/index\.md:\d+: front matter "template": expected a template name \(lowercase letters, digits and dashes\), found "\.\.\/\.\.\/elsewhere\/tpl"$/,
    );
  });

  it("refuses markup that a template built as a plain string", async () => {
    const root = await withTemplate("raw", {
      "templates/raw/template.ts": `import { defineTemplate } from "plotbrief";
import briefing from "plotbrief/templates/briefing";

export default defineTemplate({ ...briefing, page: ({ front }) => \`<h1>\${front.title}</h1>\` as never });
`,
    });
    await expect(renderReport(root, await loadReport(root, "cambodia-2020"))).rejects.toThrow(
      'template "raw": page returned a string; build markup with html`…` from "plotbrief", which escapes what it is given',
    );
  });
});
