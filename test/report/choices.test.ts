// Values chosen from sources that disagree: the key numbers say where they stand, the prose is warned
// of one quoted alone, `| range` shows the range, and a reason given is printed in Sources and methods.
import { describe, expect, it } from "vitest";
import { bindReport } from "../../src/report/bind.js";
import { resolveFact } from "../../src/report/facts.js";
import { loadReport } from "../../src/report/load.js";
import { failure, notebook, project, success } from "../hostile/project.js";
import { ROOT } from "../project.js";

// Three counts of the same thing, from 7 to 30, in a dataset that declares them compared.
const COUNTS = {
  "data/t/t.csv": "id,label,value,source\na,Alpha,12,s\nb,Beta,7,s\nc,Gamma,30,s\n",
  "data/t/datasets.ts": `import { defineDataset, defineSources, number, source, text } from "plotbrief";

export const sources = defineSources({ s: { publisher: "Test Agency", title: "Counts", published: "2020-11" } });
export const t = defineDataset({
  id: "t",
  title: "Test data",
  file: "data/t/t.csv",
  key: "id",
  columns: { id: text(), label: text(), value: number({ unit: "count" }), source: source() },
  sources: [sources.s],
  compare: { value: "value", group: () => "how many there were", describe: (row) => row.label },
});
`,
};

const keyNumber = (fact: string, extra = "") => `key_numbers:\n  - { fact: ${fact}, label: "counted"${extra} }\n`;
const note = (html: string) => /class="pb-key-note">([^<]*)</.exec(html)?.[1];
const QUOTED_ALONE = /quotes .* and the paragraph quotes none of the others/;

describe("key numbers chosen from sources that disagree", () => {
  it("say where they stand: the highest, the lowest, or one of them, with the range", async () => {
    for (const [fact, expected] of [
      ["t/c", "the highest of three counts, from 7 to 30"],
      ["t/b", "the lowest of three counts, from 7 to 30"],
      ["t/a", "one of three counts, from 7 to 30"],
    ]) {
      const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Text.", keyNumber(fact!)) });
      expect(note((await success(root)).html)).toBe(expected);
    }
  });

  it("say so in the report's locale: fr, de, es", async () => {
    for (const [locale, expected] of [
      ["fr-FR", "le plus élevé des trois décomptes, entre 7 et 30"],
      ["de-DE", "die höchste von drei Zählungen, zwischen 7 und 30"],
      ["es-ES", "el más alto de tres recuentos, entre 7 y 30"],
    ]) {
      const front = `locale: ${locale}\n${keyNumber("t/c")}`;
      const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Texte.", front) });
      expect(note((await success(root)).html)).toBe(expected);
    }
  });

  it("with a reason, say nothing in the box, and Sources and methods prints the choice and its reason", async () => {
    const front = keyNumber("t/c", ', reason: "it is the latest count."');
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Text.", front) });
    const { html } = await success(root);
    expect(note(html)).toBeUndefined();
    expect(html).toContain(
      "Key numbers: 30 (Test Agency, Nov. 2020) is the highest of three counts, from 7 to 30; it is chosen because it is the latest count.",
    );
  });

  it("say nothing where the values agree, or the dataset compares none", async () => {
    const root = await project({ "reports/r/index.md": notebook("Text.", keyNumber("t/a")) });
    expect(note((await success(root)).html)).toBeUndefined();
  });

  it("in the flagship: 121 is the highest of seven counts, from about 50 to 121", async () => {
    const bound = bindReport(await loadReport(ROOT, "cambodia-2020"));
    expect(bound.keyNumbers.map((n) => n.note)).toEqual([
      undefined,
      undefined,
      "the highest of seven counts, from about 50 to 121",
    ]);
    // Its courts paragraph quotes four of the counts, its 2018 growth both sources: nothing to warn of.
    expect(bound.warnings.filter((warning) => QUOTED_ALONE.test(warning))).toEqual([]);
  });
});

describe("prose that quotes a value chosen from sources that disagree", () => {
  it("is warned of where the paragraph quotes no other, at its line, with the three fixes", async () => {
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Some text.\nGamma had {{t/c}}.") });
    expect((await success(root)).warnings).toContain(
      "reports/r/index.md:10: {{t/c}} quotes 30 (Test Agency, Nov. 2020), the highest of three counts, from 7 to 30, for how many there were, and the paragraph quotes none of the others; " +
        'quote them too, write {{t/c | range}} to show where it stands, or say why it was chosen in the front matter: choices: { t/c: "…" }',
    );
  });

  it("fails the build with strict: true", async () => {
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Gamma had {{t/c}}.", "strict: true\n") });
    expect(await failure(root)).toMatch(/^reports\/r\/index\.md:10: \{\{t\/c\}\} quotes 30/);
  });

  it("is silent where the paragraph quotes another value of the group", async () => {
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Gamma had {{t/c}}, Alpha {{t/a}}.") });
    expect((await success(root)).warnings.filter((w) => QUOTED_ALONE.test(w))).toEqual([]);
  });

  it("shows the range with | range, and is silent", async () => {
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Gamma had {{t/c | range}}.") });
    const { html, warnings } = await success(root);
    expect(html).toContain(">30 (the highest of three counts, from 7 to 30)</span>");
    expect(warnings.filter((w) => QUOTED_ALONE.test(w))).toEqual([]);
  });

  it("with a reason in choices, is silent, and Sources and methods prints it", async () => {
    const front = 'choices: { t/c: "it is the latest count" }\n';
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Gamma had {{t/c}}.", front) });
    const { html, warnings } = await success(root);
    expect(warnings.filter((w) => QUOTED_ALONE.test(w))).toEqual([]);
    expect(html).toContain(
      "In the text: 30 (Test Agency, Nov. 2020) is the highest of three counts, from 7 to 30; it is chosen because it is the latest count.",
    );
  });

  it("refuses a reason for a fact that does not exist, at the choices line", async () => {
    const front = 'choices: { t/z: "it is the latest count" }\n';
    const root = await project({ ...COUNTS, "reports/r/index.md": notebook("Gamma had {{t/c | range}}.", front) });
    expect(await failure(root)).toMatch(/^reports\/r\/index\.md:6: choices: unknown fact "t\/z"/);
  });

  it("warns of a reason for a value no source disputes: nothing was chosen", async () => {
    const front = 'choices: { t/a: "it is the latest count" }\n';
    const root = await project({ "reports/r/index.md": notebook("Alpha had {{t/a}}.", front) });
    expect((await success(root)).warnings).toContain(
      "reports/r/index.md:6: choices: t/a.value is not chosen from values that disagree (no other row of its dataset states the same quantity with another value); remove its reason",
    );
  });

  it("refuses | range on a value no source disputes, saying how to fix it", async () => {
    const root = await project({ "reports/r/index.md": notebook("Alpha had {{t/a | range}}.") });
    expect(await failure(root)).toBe(
      'reports/r/index.md:9: {{t/a | range}}: range says where a value stands among sources that disagree, but no other row of t states this quantity with another value (see compare in its defineDataset); remove "range"',
    );
  });

  it("in the flagship, | range writes the range after the value", async () => {
    const { datasets } = await loadReport(ROOT, "cambodia-2020");
    const context = { datasets, derived: new Map(), figures: new Map(), locale: "en-US" };
    expect(resolveFact("summons/aljazeera | range", context)).toMatchObject({
      text: "121 (the highest of seven counts, from about 50 to 121)",
    });
    expect(resolveFact("gdp/adb-2018", context)).toMatchObject({
      choice: { group: "actual growth in 2018", text: "the lower of two figures, from +7.3% to +7.5%" },
    });
  });
});
