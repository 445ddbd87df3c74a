import { describe, expect, it } from "vitest";
import { citeSource, defineSources, sourceLine } from "../../src/data/provenance.js";
import { CATALOGUE } from "../../src/i18n/messages.js";

const sources = defineSources({
  vod: { publisher: "VOD English", kind: "news report", published: "2020-11-03" },
  ap: { publisher: "AP", kind: "news report", published: "2020-11-13", via: "VOA Cambodia" },
  adb: {
    publisher: "Asian Development Bank",
    title: "Asian Development Outlook 2021",
    kind: "report",
    published: "2021-04-28",
  },
  unknown: { publisher: "Contemporary news reports", kind: "no single source recorded" },
});

describe("defineSources(specs)", () => {
  it("needs a title or a kind, and refuses a placeholder title in square brackets", () => {
    expect(() => defineSources({ x: { publisher: "Asia Times" } })).toThrow(
      'source x: a source needs a title or a kind; give its headline as title, or say what it is with kind, such as kind: "news report"',
    );
    expect(() => defineSources({ x: { publisher: "Asia Times", title: " ", kind: " " } })).toThrow(
      "source x: a source needs a title or a kind",
    );
    expect(() =>
      defineSources({
        x: { publisher: "Asia Times", title: "[News analysis of US and EU pressure]", kind: "news analysis" },
      }),
    ).toThrow(
      'source x: title "[News analysis of US and EU pressure]" is a placeholder in square brackets; leave the title out and say what the source is with kind, such as kind: "news report"',
    );
    expect(() => defineSources({ x: { publisher: "", kind: "report" } })).toThrow(
      "source x: a source needs a publisher",
    );
    // Brackets inside a real title are the title's own.
    expect(defineSources({ x: { publisher: "EC", title: "Decision [2020/123]" } }).x.title).toBe("Decision [2020/123]");
  });
});

describe("citeSource(source, options)", () => {
  it("cites a source without a title by publisher, kind and date; one with a title by publisher and date", () => {
    expect(citeSource(sources.vod)).toBe("VOD English, news report, Nov. 3, 2020");
    expect(citeSource(sources.ap)).toBe("AP, news report via VOA Cambodia, Nov. 13, 2020");
    expect(citeSource(sources.adb)).toBe("Asian Development Bank, April 28, 2021");
    expect(citeSource(sources.unknown)).toBe("Contemporary news reports, no single source recorded");
    expect(sourceLine([sources.vod, sources.adb])).toBe(
      "Sources: VOD English, news report, Nov. 3, 2020; Asian Development Bank, April 28, 2021.",
    );
  });

  it("cites it in each locale: the kind as the author wrote it, the date in the locale", () => {
    const cite = (lang: string, locale: string) => citeSource(sources.ap, { locale, messages: CATALOGUE[lang] });
    expect(cite("fr", "fr-FR")).toBe("AP, news report via VOA Cambodia, 13 novembre 2020");
    expect(cite("de", "de-DE")).toBe("AP, news report über VOA Cambodia, 13. November 2020");
    expect(cite("es", "es-ES")).toBe("AP, news report vía VOA Cambodia, 13 de noviembre de 2020");
  });
});
