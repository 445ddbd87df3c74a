// "Sources and methods", written for every report from its datasets: each dataset, its sources with
// their dates and addresses, what each counted, and where sources disagree.
import { formatNumber } from "../data/format.js";
import { citeSource } from "../data/provenance.js";
import type { Dataset } from "../data/dataset.js";
import type { Messages } from "../i18n/messages.js";

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

/** The report's locale and words. */
interface Words {
  readonly locale: string;
  readonly messages: Messages;
}

/**
 * Describes the datasets a report uses, in the order it loaded them, in the report's words;
 * `neutralised` is how many cells of its data downloads were made safe from spreadsheets.
 */
export function sourcesAndMethods(datasets: Iterable<Dataset>, words: Words, neutralised = 0): SourcesAndMethods {
  const { locale, messages } = words;
  const notes =
    neutralised === 0 ? [] : [messages.neutralised(neutralised, new Intl.NumberFormat(locale).format(neutralised))];
  return {
    notes,
    datasets: [...datasets].map((dataset) => ({
      title: dataset.spec.title,
      file: dataset.spec.file,
      sources: dataset.spec.sources.map((source) => ({
        cite: citeSource(source, words),
        title: source.title,
        ...(source.url === undefined ? {} : { url: source.url }),
        ...(source.notes === undefined ? {} : { notes: source.notes }),
      })),
      disagreements: disagreements(dataset, words),
    })),
  };
}

function disagreements(dataset: Dataset, { locale, messages }: Words): string[] {
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
        .map((source) => citeSource(source, { locale, messages }))
        .join("; ");
      const what = compare.describe ? `: ${compare.describe(row as never)}` : "";
      return `${formatNumber(values[i]!, { locale })} (${source}${what})`;
    });
    lines.push(messages.disagreement(group, stated.join("; ")));
  }
  return lines;
}
