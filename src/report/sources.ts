// "Sources and methods", written for every report from its datasets: each dataset, its sources with
// their dates and addresses, what each counted, where sources disagree, and the rows that each
// aggregate the prose quotes (a mean, a sum, a maximum…) was taken over.
import { numberFormat } from "../data/intl.js";
import { formatRank } from "../data/aggregate.js";
import { disagreementsOf } from "../data/compare.js";
import type { Aggregation } from "../data/aggregate.js";
import { formatDate, formatDigits, formatNumber } from "../data/format.js";
import type { PreciseDate } from "../data/qualified.js";
import { isAfter } from "./as-of.js";
import { citeSource } from "../data/provenance.js";
import type { Source } from "../data/provenance.js";
import { columnsOf } from "../data/schema.js";
import { typeset } from "../data/typography.js";
import type { Dataset } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import type { Chosen } from "./bind.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import { isEnglish } from "../i18n/language.js";

export interface SourcesAndMethods {
  readonly datasets: readonly {
    readonly title: string;
    readonly file: string;
    readonly sources: readonly {
      readonly cite: string;
      /** Its headline, where recorded; a source without one is cited by publisher, kind and date. */
      readonly title?: string;
      /** What a titled source is ("report"): an untitled one says it in its cite. */
      readonly kind?: string;
      readonly url?: string;
      readonly notes?: string;
    }[];
    /** "Asia Times, news analysis, Nov. 2020, cites ADB (…), −4.0% (forecast), as about −4% (forecast): a citation…" */
    readonly citations: readonly string[];
    /** "Sources disagree on people summoned: 59 (VOD, Nov. 3, 2020: ex-CNRP members…), …" */
    readonly disagreements: readonly string[];
    /** Its rows published after the report's date, by date: "Updated April 28, 2021: 2 rows published after the first edition (…)." */
    readonly updates: readonly string[];
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
  choices: readonly Chosen[] = [],
  edition?: Edition,
): SourcesAndMethods {
  const { locale, messages } = words;
  const reasons = choices.flatMap(({ place, fact, reason }) =>
    fact.choice
      ? [
          messages.chosenBecause(
            place,
            `${fact.text} (${fact.choice.cite})`,
            fact.choice.text,
            reason.trim().replace(/[.!?]$/, ""),
          ),
        ]
      : [],
  );
  const aggregates = [...derived.values()].flatMap((quoted) => quoted.aggregates ?? []);
  const methods = [...new Set(aggregates.map((aggregate) => describeAggregate(aggregate, words)))];
  const notes = [
    ...reasons,
    ...methods,
    ...(neutralised === 0 ? [] : [messages.neutralised(neutralised, numberFormat(locale).format(neutralised))]),
  ];
  if (edition?.asOf !== undefined) {
    const n = edition.leftOut;
    notes.unshift(messages.asOfEdition(formatDate(edition.asOf, locale), n, countIn(locale)(n)));
  }
  return {
    notes,
    datasets: [...datasets].map((dataset) => ({
      title: typeset(dataset.spec.title),
      file: dataset.spec.file,
      // An edition as of a date lists no source published after it: none of its rows cites one.
      sources: ownSources(dataset)
        .filter((source) => edition?.asOf === undefined || !isAfter(source.published, edition.asOf))
        .map((source) => ({
          cite: citeSource(source, words),
          ...(source.title ? { title: source.title, ...(source.kind ? { kind: source.kind } : {}) } : {}),
          ...(source.url === undefined ? {} : { url: source.url }),
          ...(source.notes === undefined ? {} : { notes: source.notes }),
        })),
      citations: citations(dataset, words),
      disagreements: disagreements(dataset, words),
      updates: edition === undefined ? [] : updates(dataset, edition.date, words),
    })),
  };
}

/** Which edition the page is: its first date, and the as-of date and rows left out of a build as of a date. */
export interface Edition {
  readonly date: PreciseDate;
  readonly asOf?: PreciseDate;
  readonly leftOut: number;
}

/** A dataset's rows published after the report's date, one line per date of publication. */
function updates(dataset: Dataset, since: PreciseDate, { locale, messages }: Words): string[] {
  const byDate = new Map<string, { date: PreciseDate; keys: string[] }>();
  for (const row of dataset.rows) {
    const published = dataset.knownFrom(row);
    if (published === undefined || published.getTime() <= since.getTime()) continue;
    const entry = byDate.get(String(published)) ?? { date: published, keys: [] };
    entry.keys.push(dataset.keyOf(row));
    byDate.set(String(published), entry);
  }
  return [...byDate.values()]
    .sort((a, b) => a.date.getTime() - b.date.getTime())
    .map(({ date, keys }) =>
      messages.updatedRows(formatDate(date, locale), keys.length, countIn(locale)(keys.length), messages.list(keys)),
    );
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
  const format = numberFormat(locale, { maximumFractionDigits: 0 });
  return (n) => format.format(n);
}

/** The rows' keys: "a–l" for a run of three or more in the dataset's order, else up to six by name. */
function listKeys({ keys, run }: Aggregation, { locale, messages }: Words): string {
  if (run && keys.length >= 3) return `${keys[0]}–${keys.at(-1)}`;
  if (keys.length <= 6) return messages.list(keys);
  return messages.andMore(keys.slice(0, 5).join(", "), countIn(locale)(keys.length - 5));
}

/**
 * The dataset's sources, less those only its citations cite: a report quoting another's value is listed
 * as a citation of it, not as a source of its own.
 */
function ownSources(dataset: Dataset): readonly Source[] {
  const cited = new Set(dataset.citations.flatMap((row) => dataset.sourcesOf(row as never)));
  if (cited.size === 0) return dataset.spec.sources;
  const own = new Set(dataset.rows.flatMap((row) => dataset.sourcesOf(row as never)));
  return dataset.spec.sources.filter((source) => own.has(source) || !cited.has(source));
}

/** Each citation of the dataset: who cites which row's value, and how it words it. */
function citations(dataset: Dataset, words: Words): string[] {
  const { locale, messages } = words;
  const value = dataset.numberColumns[0];
  if (value === undefined) return [];
  return dataset.citations.map((citation) => {
    const original = dataset.original(citation)!;
    const q = (row: object) => formatNumber(dataset.quantity(row as never, value), { locale, messages });
    return messages.citation(
      citeRow(dataset, citation, words),
      describeRow(dataset, original, words),
      q(original),
      q(citation),
    );
  });
}

/** A row's sources as one cite: "Khmer Post Asia, news report, Sept. 23, 2020". */
export function citeRow(dataset: Dataset, row: object, words: Words): string {
  return dataset
    .sourcesOf(row as never)
    .map((source) => citeSource(source, words))
    .join("; ");
}

/**
 * The row a citation cites, as a reader knows it: what the dataset's `compare.describe` says of it and its
 * first date, then its source: "ADB, Sept. 15, 2020 (Khmer Post Asia, news report, Sept. 23, 2020)".
 */
export function describeRow(dataset: Dataset, row: object, words: Words): string {
  const dated = columnsOf(dataset.spec.columns, "date")[0];
  const cite = citeRow(dataset, row, words);
  // What the cite says already is not said twice: "Electoral Commission, June 10, 2024".
  const what = [
    dataset.spec.compare?.describe?.(row as never),
    dated === undefined ? "" : dataset.format(row as never, dated as never, words),
  ].filter((part): part is string => Boolean(part) && !cite.includes(part!));
  return what.length > 0 ? `${what.join(", ")} (${cite})` : cite;
}

function disagreements(dataset: Dataset, { locale, messages }: Words): string[] {
  const describe = dataset.spec.compare?.describe;
  return disagreementsOf(dataset).map(({ group, keys, values }) => {
    const stated = keys.map((key, i) => {
      const row = dataset.row(key)!;
      const source = dataset
        .sourcesOf(row)
        .map((source) => citeSource(source, { locale, messages }))
        .join("; ");
      const what = describe ? `: ${describe(row as never)}` : "";
      return `${formatNumber(values[i]!, { locale, messages })} (${source}${what})`;
    });
    return messages.disagreement(group, stated.join("; "));
  });
}
