// "Sources and methods", written for every report from its datasets: each dataset, its sources with
// their dates and addresses, what each counted, and where sources disagree.
import { formatDigits, formatNumber } from "../data/format.js";
import { citeSource } from "../data/provenance.js";
import type { Dataset } from "../data/dataset.js";

export interface SourcesAndMethods {
  readonly datasets: readonly {
    readonly title: string;
    readonly file: string;
    readonly sources: readonly {
      readonly cite: string;
      readonly title: string;
      readonly url?: string;
      readonly notes?: string;
    }[];
    /** "Sources disagree on people summoned: 59 (VOD, Nov. 3, 2020: ex-CNRP members…), …" */
    readonly disagreements: readonly string[];
  }[];
  /** What the reader should know about how the data was handled: "In the data downloads, 2 cells…" */
  readonly notes: readonly string[];
}

/**
 * Describes the datasets a report uses, in the order it loaded them; `neutralised` is how many cells of
 * its data downloads were made safe from spreadsheets.
 */
export function sourcesAndMethods(datasets: Iterable<Dataset>, locale: string, neutralised = 0): SourcesAndMethods {
  const one = neutralised === 1;
  const cells = one ? "one cell that begins" : `${formatDigits(neutralised, 0)} cells that begin`;
  const notes =
    neutralised === 0
      ? []
      : [
          `In the data downloads, ${cells} with =, +, -, @ or a tab ${one ? "starts" : "start"} with an apostrophe, ` +
            `so that a spreadsheet shows ${one ? "it" : "them"} as text instead of running ${one ? "it" : "them"} as a formula.`,
        ];
  return {
    notes,
    datasets: [...datasets].map((dataset) => ({
      title: dataset.spec.title,
      file: dataset.spec.file,
      sources: dataset.spec.sources.map((source) => ({
        cite: citeSource(source),
        title: source.title,
        ...(source.url === undefined ? {} : { url: source.url }),
        ...(source.notes === undefined ? {} : { notes: source.notes }),
      })),
      disagreements: disagreements(dataset, locale),
    })),
  };
}

function disagreements(dataset: Dataset, locale: string): string[] {
  const compare = dataset.spec.compare;
  if (!compare) return [];
  const groups = new Map<string, object[]>();
  for (const row of dataset.rows) {
    const group = compare.group(row as never);
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const lines: string[] = [];
  for (const [group, rows] of groups) {
    const values = rows.map((row) => dataset.quantity(row as never, compare.value as never));
    if (new Set(values.map((q) => `${q.value}/${q.qualifier}`)).size < 2) continue;
    const stated = rows.map((row, i) => {
      const source = dataset
        .sourcesOf(row as never)
        .map(citeSource)
        .join("; ");
      const what = compare.describe ? `: ${compare.describe(row as never)}` : "";
      return `${formatNumber(values[i]!, { locale })} (${source}${what})`;
    });
    lines.push(`Sources disagree on ${group}: ${stated.join("; ")}.`);
  }
  return lines;
}
