// "Sources and methods", written for every report from its datasets: each dataset, its sources with
// their dates and addresses, what each counted, where sources disagree, and the rows that each
// aggregate the prose quotes (a mean, a sum, a maximum…) was taken over.
import { formatRank } from "../data/aggregate.js";
import type { Aggregation } from "../data/aggregate.js";
import { formatDigits, formatNumber } from "../data/format.js";
import { citeSource } from "../data/provenance.js";
import { typeset } from "../data/typography.js";
import type { Dataset } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { isEnglish } from "../i18n/language.js";

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
  /**
   * What the reader should know about how the data was handled: each aggregate the report derives
   * ("Mean of value over all 12 rows of Test data (a–l): 4.5."), then "In the data downloads, 2 cells…"
   */
  readonly notes: readonly string[];
}

/** The report's locale and words. */
interface Words {
  readonly locale: string;
  readonly messages: Messages;
}

/**
 * Describes the datasets a report uses, in the order it loaded them, in the report's words;
 * `neutralised` is how many cells of its data downloads were made safe from spreadsheets; `derived`,
 * the report's derived values, whose aggregates are stated with their rows.
 */
export function sourcesAndMethods(
  datasets: Iterable<Dataset>,
  words: Words,
  neutralised = 0,
  derived: ReadonlyMap<string, Quoted> = new Map(),
): SourcesAndMethods {
  const { locale, messages } = words;
  const aggregates = [...derived.values()].flatMap((quoted) => quoted.aggregates ?? []);
  const methods = [...new Set(aggregates.map((aggregate) => describeAggregate(aggregate, words)))];
  const notes =
    neutralised === 0
      ? methods
      : [...methods, messages.neutralised(neutralised, new Intl.NumberFormat(locale).format(neutralised))];
  return {
    notes,
    datasets: [...datasets].map((dataset) => ({
      title: typeset(dataset.spec.title),
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

const ENGLISH: Words = { locale: "en-US", messages: CATALOGUE.en };

/**
 * One aggregate as "Sources and methods" states it, in the report's words: "Mean of value over all 12
 * rows of Test data (a–l): 4.5."
 */
export function describeAggregate(aggregate: Aggregation, words: Words = ENGLISH): string {
  const { locale, messages } = words;
  const { op, column = "", keys, empty } = aggregate;
  const count = countIn(locale);
  const n = keys.length + empty.length;
  const rows = messages.aggregateRows(n, count(n), aggregate.title, aggregate.all);
  const where = aggregate.conditions === undefined ? "" : ` ${messages.aggregateWhere(aggregate.conditions)}`;
  const value =
    op === "rank"
      ? formatRank(aggregate.value, aggregate, { kind: true, locale, messages })
      : formatNumber(aggregate.value, { locale, messages });
  const head = messages.aggregate({
    op,
    column,
    over: `${rows}${where} (${listKeys(aggregate, words)})`,
    value,
    ...(aggregate.row === undefined ? {} : { row: aggregate.row }),
    ...(aggregate.ties?.length ? { ties: messages.list(aggregate.ties) } : {}),
    order: aggregate.order ?? "descending",
  });
  const total = count(keys.length);
  const notes = [
    empty.length === 0 ? "" : messages.aggregateEmpty(empty.length, count(empty.length), column, messages.list(empty)),
    ...(["inexact", "forecast", "estimate"] as const).map((note) => {
      const k = { inexact: aggregate.inexact, forecast: aggregate.forecasts, estimate: aggregate.estimates }[note];
      return k === 0 ? "" : messages.aggregateValues(note, k, count(k), total);
    }),
  ];
  return [head, ...notes].filter(Boolean).join(" ");
}

/** Counts of rows written in the locale; in English, AP style whatever the region. */
function countIn(locale: string): (n: number) => string {
  if (isEnglish(locale)) return (n) => formatDigits(n, 0);
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return (n) => format.format(n);
}

/** The rows' keys: "a–l" for a run of three or more in the dataset's order, else up to six by name. */
function listKeys({ keys, run }: Aggregation, { locale, messages }: Words): string {
  if (run && keys.length >= 3) return `${keys[0]}–${keys.at(-1)}`;
  if (keys.length <= 6) return messages.list(keys);
  return messages.andMore(keys.slice(0, 5).join(", "), countIn(locale)(keys.length - 5));
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
      return `${formatNumber(values[i]!, { locale, messages })} (${source}${what})`;
    });
    lines.push(messages.disagreement(group, stated.join("; ")));
  }
  return lines;
}
