// "Sources and methods", written for every report from its datasets: each dataset, its sources with
// their dates and addresses, what each counted, where sources disagree, and the rows that each
// aggregate the prose quotes (a mean, a sum, a maximum…) was taken over.
import { formatRank } from "../data/aggregate.js";
import type { Aggregation } from "../data/aggregate.js";
import { formatDigits, formatList, formatNumber } from "../data/format.js";
import { citeSource } from "../data/provenance.js";
import type { Dataset } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
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
  const methods = [...new Set(aggregates.map((aggregate) => describeAggregate(aggregate, locale)))];
  const notes =
    neutralised === 0
      ? methods
      : [...methods, messages.neutralised(neutralised, new Intl.NumberFormat(locale).format(neutralised))];
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

const OPS: Record<Aggregation["op"], string> = {
  sum: "Sum",
  mean: "Mean",
  median: "Median",
  min: "Minimum",
  max: "Maximum",
  count: "Count",
  rank: "Rank",
  "share-of-total": "Share",
};

/**
 * One aggregate as "Sources and methods" states it: "Mean of value over all 12 rows of Test data (a–l):
 * 4.5." English only; every word of it is written here, so that a message catalogue can take it over.
 */
export function describeAggregate(aggregate: Aggregation, locale: string): string {
  const { op, column, keys, empty } = aggregate;
  const n = keys.length + empty.length;
  const rows = `${aggregate.all ? "all " : ""}${formatDigits(n, 0)} ${n === 1 ? "row" : "rows"} of ${aggregate.title}`;
  const where = aggregate.where === undefined ? "" : ` where ${aggregate.where}`;
  const over = `${rows}${where} (${listKeys(aggregate)})`;
  const value =
    op === "rank" ? formatRank(aggregate.value, aggregate, { kind: true }) : formatNumber(aggregate.value, { locale });
  const tied = aggregate.ties?.length ? ` (tied with ${formatList(aggregate.ties)})` : "";
  const order = aggregate.order === "ascending" ? "smallest" : "largest";
  let head: string;
  switch (op) {
    case "count":
      head = `Count of ${over}: ${value}.`;
      break;
    case "rank":
      head = `Rank of row ${aggregate.row} by ${column}, ${order} first, among ${over}: ${value}.`;
      break;
    case "share-of-total":
      head = `Share of row ${aggregate.row} in the total of ${column} over ${over}: ${value}.`;
      break;
    default: {
      const row = aggregate.row === undefined ? "" : `, in row ${aggregate.row}${tied}`;
      head = `${OPS[op]} of ${column} over ${over}: ${value}${row}.`;
    }
  }
  const some = (k: number, one: string, many: string) =>
    k === 0
      ? ""
      : ` ${formatDigits(k, 0)} of the ${formatDigits(keys.length, 0)} values ${k === 1 ? `is ${one}` : `are ${many}`}.`;
  const notes = [
    empty.length === 0
      ? ""
      : ` ${empty.length === 1 ? "One row has" : `${formatDigits(empty.length, 0)} rows have`} no ${column} and ${empty.length === 1 ? "is" : "are"} left out (${formatList(empty)}).`,
    some(aggregate.inexact, "approximate or a bound", "approximate or bounds"),
    some(aggregate.forecasts, "a forecast", "forecasts"),
    some(aggregate.estimates, "an estimate", "estimates"),
  ];
  return head + notes.join("");
}

/** The rows' keys: "a–l" for a run of three or more in the dataset's order, else up to six by name. */
function listKeys({ keys, run }: Aggregation): string {
  if (run && keys.length >= 3) return `${keys[0]}–${keys.at(-1)}`;
  if (keys.length <= 6) return formatList(keys);
  return `${keys.slice(0, 5).join(", ")} and ${formatDigits(keys.length - 5, 0)} more`;
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
