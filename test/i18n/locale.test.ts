import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/build/render.js";
import { localeOfLang, resolveMessages } from "../../src/i18n/locale.js";
import { CATALOGUE } from "../../src/i18n/messages.js";
import { loadReport } from "../../src/report/load.js";
import { parseNotebook } from "../../src/report/notebook.js";
import { copyProject } from "../project.js";

const notebook = (...lines: string[]) =>
  parseNotebook(
    "reports/x/index.md",
    ["---", "title: T", "dek: D", "byline: B", "date: 2020-11-30", ...lines, "---", ""].join("\n"),
  );

describe("localeOfLang(lang)", () => {
  it("gives a bare language its most likely region and keeps a tag that has one", () => {
    expect(["en", "fr", "de", "es", "pt", "fr-CA", "en-GB", "zh-Hant"].map(localeOfLang)).toEqual([
      "en-US",
      "fr-FR",
      "de-DE",
      "es-ES",
      "pt-BR",
      "fr-CA",
      "en-GB",
      "zh-Hant-TW",
    ]);
  });
});

describe("parseNotebook(file, source).front: lang and locale", () => {
  it("defaults to lang en and locale en-US", () => {
    expect(notebook().front).toMatchObject({ lang: "en", locale: "en-US" });
  });

  it("takes the locale from lang, and lang from the locale, unless each is given", () => {
    expect(notebook("lang: fr").front).toMatchObject({ lang: "fr", locale: "fr-FR" });
    expect(notebook("locale: fr-CA").front).toMatchObject({ lang: "fr", locale: "fr-CA" });
    expect(notebook("lang: fr", "locale: fr-CH").front).toMatchObject({ lang: "fr", locale: "fr-CH" });
  });

  it("names the line of a lang that is no language tag", () => {
    expect(() => notebook("lang: français!")).toThrow(
      'reports/x/index.md:6: front matter "lang": expected a language tag such as en or fr',
    );
  });
});

describe("resolveMessages(locale, project)", () => {
  it("gives plotbrief's table for the locale's language, English for a language it lacks", () => {
    expect(resolveMessages("fr-CA").messages.chartData).toBe("Données de ce graphique");
    expect(resolveMessages("de-AT").messages.figure(2)).toBe("Abbildung 2");
    expect(resolveMessages("es-MX").messages.pageOf("1", "3").join("")).toBe("Página 1 de 3");
    expect(resolveMessages("en-US")).toEqual({ messages: CATALOGUE.en, english: [] });
    const italian = resolveMessages("it-IT");
    expect(italian.messages).toEqual({ ...CATALOGUE.en, numberWord: expect.any(Function) });
    // English words spelt out in Italian prose would be wrong: its figures stay.
    expect(italian.messages.numberWord(3)).toBeUndefined();
    expect(italian.english).toEqual(Object.keys(CATALOGUE.en));
  });

  it("puts the project's words over plotbrief's, its locale's over its language's", () => {
    const project = {
      en: { figure: (n: number) => `Fig. ${n}` },
      fr: { chartData: "Les données" },
      "fr-CA": { download: "Télécharger (CSV)" },
    };
    expect(resolveMessages("en-GB", project).messages.figure(3)).toBe("Fig. 3");
    const canadian = resolveMessages("fr-CA", project).messages;
    expect([canadian.chartData, canadian.download, canadian.keyNumbers]).toEqual([
      "Les données",
      "Télécharger (CSV)",
      "Chiffres clés",
    ]);
    expect(resolveMessages("fr-FR", project).messages.download).toBe("Télécharger les données (CSV)");
  });

  it("lists what a project's new language leaves English, and refuses a key that is no message", () => {
    const { messages, english } = resolveMessages("it", { it: { chartData: "Dati del grafico" } });
    expect(messages.chartData).toBe("Dati del grafico");
    expect(english).toContain("download");
    expect(english).not.toContain("chartData");
    expect(() => resolveMessages("fr", { fr: { chartdata: "x" } as never })).toThrow(
      'messages "fr": unknown key "chartdata"; expected briefing, memo, figure,',
    );
  });
});

describe("CATALOGUE[language].method and .colophon", () => {
  it("say, in every language, that a number may be worked out from the data, not only quoted", () => {
    const worked = { en: /worked out/, fr: /calculé/, de: /berechnet/, es: /calcula/ } as const;
    for (const [language, words] of Object.entries(worked)) {
      const messages = CATALOGUE[language]!;
      expect(messages.method, language).toMatch(words);
      expect(messages.colophon, language).toMatch(words);
      // Typographic quotes, as in the prose around them.
      expect(messages.method, language).not.toMatch(/["']/);
    }
  });
});

describe("a report in a language plotbrief lacks", () => {
  it("warns at the front matter's lang line, and uses the words its module gives", async () => {
    const root = await copyProject();
    const file = join(root, "reports/cambodia-2020/index.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("paper: a4\n", "paper: a4\nlang: it\n"));
    const module = join(root, "reports/cambodia-2020/report.ts");
    await writeFile(
      module,
      (await readFile(module, "utf8")).replace(
        "datasets: [article],",
        'datasets: [article],\n  messages: { it: { chartData: "Dati del grafico", figure: (n) => `Figura ${n}` } },',
      ),
    );
    const rendered = await renderReport(root, await loadReport(root, "cambodia-2020"));
    const warning = rendered.warnings.find((line) => line.includes('lang "it"'));
    expect(warning).toMatch(
      /^reports\/cambodia-2020\/index\.md:9: lang "it": plotbrief writes en, fr, de and es, so \d+ of its words for the reader stay English \(briefing, memo, download, /,
    );
    expect(warning).toContain("defineReport({ messages: { it: { … } } })");
    expect(rendered.html).toContain("<summary>Dati del grafico</summary>");
    expect(rendered.html).toContain('<span class="pb-number">Figura 1</span>');
    expect(rendered.html).toContain('<html lang="it">');
  });
});
