// A report in French or German that derives a mean, a rank and a change: its "Sources and methods"
// states the aggregates in the report's language, its prose quotes them so, and the words before a
// change ("en hausse de", "ein Anstieg um") are read in that language too. A project's words win.
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { failure, notebook, project, success } from "../hostile/project.js";

// Alpha 12, Beta −3.5, Gamma 8: a mean of 5.5, Gamma 2nd of 3, Alpha 4 above Gamma.
const CSV = "id,label,value,source\na,Alpha,12,s\nb,Beta,-3.5,s\nc,Gamma,8,s\n";

const report = (
  messages = "",
) => `import { MESSAGES, defineMessages, defineReport, difference, mean, rank } from "plotbrief";
import { t } from "../../data/t/datasets.js";
import bars from "./figures/bars.js";

export default defineReport({
  figures: [bars],
  datasets: [t],
  facts: {
    "mean-x": (get) => mean(get(t), "value"),
    "rank-c": (get) => rank(get(t), "value", "c"),
    "rise": (get) => difference(get(t).fact("a"), get(t).fact("c")),
  },${messages}
});
`;

const FRENCH =
  "La moyenne est de {{derived/mean-x}}. Gamma est {{derived/rank-c}}, Alpha en hausse de {{derived/rise}}.";
const GERMAN =
  "Der Mittelwert ist {{derived/mean-x}}. Gamma liegt auf {{derived/rank-c}}, ein Anstieg um {{derived/rise}}.";

const roots: string[] = [];
async function made(lang: string, prose: string, messages?: string): Promise<string> {
  const root = await project({
    "data/t/t.csv": CSV,
    "reports/r/report.ts": report(messages),
    "reports/r/index.md": notebook(prose, `lang: ${lang}\n`),
  });
  roots.push(root);
  return root;
}

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

/** The page's text, tags dropped and spaces made plain. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/[\u00a0\u202f]/g, " ");

describe("a report with aggregates and a change, in French", () => {
  it("writes its prose and its Sources and methods in French, and drops the sign after en hausse de", async () => {
    const { html, warnings } = await success(await made("fr", FRENCH));
    expect(warnings).toEqual([]);
    const text = textOf(html);
    expect(text).toContain("La moyenne est de 5,5. Gamma est 2e sur 3, Alpha en hausse de 4.");
    expect(text).toContain("Moyenne de value sur les 3 lignes de Test data (a\u2013c) : 5,5.");
    expect(text).toContain(
      "Rang de la ligne c selon value, du plus grand au plus petit, parmi les 3 lignes de Test data (a\u2013c) : 2e sur 3.",
    );
    expect(text).not.toMatch(/\bof\b|\brows\b|Mean|Rank|2nd/);
  });

  it("refuses en baisse de before a rise, as it refuses down in English", async () => {
    const prose = FRENCH.replace("en hausse de", "en baisse de");
    expect(await failure(await made("fr", prose))).toMatch(
      /the words before \{\{derived\/rise\}\} say it went down, but it is positive, a rise/,
    );
  });
});

describe("a report with aggregates and a change, in German", () => {
  it("writes its prose and its Sources and methods in German, and drops the sign after ein Anstieg um", async () => {
    const { html, warnings } = await success(await made("de", GERMAN));
    expect(warnings).toEqual([]);
    const text = textOf(html);
    expect(text).toContain("Der Mittelwert ist 5,5. Gamma liegt auf Platz 2 von 3, ein Anstieg um 4.");
    expect(text).toContain("Mittelwert von value über alle 3 Zeilen von Test data (a\u2013c): 5,5.");
    expect(text).toContain(
      "Rang der Zeile c nach value (absteigend) über alle 3 Zeilen von Test data (a\u2013c): Platz 2 von 3.",
    );
  });
});

describe("a project's own words for aggregates and changes", () => {
  it("override plotbrief's rank and add a direction word", async () => {
    const messages = `
  messages: defineMessages({
    fr: {
      rank: (n, of) => \`\${n}e place sur \${of}\`,
      directions: { ...MESSAGES.fr.directions, up: [...MESSAGES.fr.directions.up, "a bondi de"] },
    },
  }),`;
    const prose = FRENCH.replace("en hausse de", "a bondi de");
    const { html } = await success(await made("fr", prose, messages));
    const text = textOf(html);
    expect(text).toContain("Gamma est 2e place sur 3, Alpha a bondi de 4.");
    expect(text).toContain("(a\u2013c) : 2e place sur 3.");
  });

  it("leave a word the project did not add as no direction: no contradiction is found", async () => {
    // "a plongé de" (dived by) before a rise would be refused, were it one of the words for down.
    const { html } = await success(await made("fr", FRENCH.replace("en hausse de", "a plongé de")));
    expect(textOf(html)).toContain("Alpha a plongé de 4.");
  });
});
