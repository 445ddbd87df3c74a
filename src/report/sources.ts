// "Sources and methods", written for every report from its datasets: each dataset, its sources with
// their dates and addresses, what each counted, and where sources disagree.
import { formatNumber } from "../data/format.js";
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
}

/** Describes the datasets a report uses, in the order it loaded them. */
export function sourcesAndMethods(datasets: Iterable<Dataset>, locale: string): SourcesAndMethods {
  return {
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
