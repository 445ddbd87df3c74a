// Where sources disagree: the rows of a dataset that state the same quantity (its `compare` groups)
// with different values. "Sources and methods" lists them; a key number or a sentence that quotes one
// of them says it was chosen from the others.
import { numberFormat } from "./intl.js";
import type { Dataset } from "./dataset.js";
import { formatNumber, wordsOf } from "./format.js";
import type { NumberFormat } from "./format.js";
import type { QualifiedNumber } from "./qualified.js";

/** One quantity that sources state differently: its rows, in the data file's order, and their values. */
export interface Disagreement {
  /** What the rows state, as `compare.group` names it: "how many were summoned". */
  readonly group: string;
  readonly column: string;
  readonly keys: readonly string[];
  readonly values: readonly QualifiedNumber[];
}

/** Each of the dataset's compare groups whose values differ (by value or qualifier), in the data's order. */
export function disagreementsOf(dataset: Dataset): readonly Disagreement[] {
  let found = cache.get(dataset);
  if (!found) cache.set(dataset, (found = disagreements(dataset)));
  return found;
}

// A dataset's rows do not change once loaded: each is grouped once, however many facts quote it.
const cache = new WeakMap<Dataset, readonly Disagreement[]>();

function disagreements(dataset: Dataset): Disagreement[] {
  const compare = dataset.spec.compare;
  if (!compare) return [];
  const groups = new Map<string, object[]>();
  for (const row of dataset.rows) {
    const group = compare.group(row as never);
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  const column = compare.value as string;
  return [...groups].flatMap(([group, rows]) => {
    const values = rows.map((row) => dataset.quantity(row as never, column as never));
    if (new Set(values.map((q) => `${q.value}/${q.qualifier}`)).size < 2) return [];
    return [{ group, column, keys: rows.map((row) => dataset.keyOf(row as never)), values }];
  });
}

/** The disagreement a row's value is part of, if that column is compared and its group's values differ. */
export function disagreementOf(dataset: Dataset, key: string, column: string): Disagreement | undefined {
  return disagreementsOf(dataset).find((d) => d.column === column && d.keys.includes(key));
}

/** Where a value stands among the others: the only highest or lowest, or one of them. */
export type Standing = "highest" | "lowest" | "one";

/** Where the row's value stands in its group, and the group's range, lowest first (the first row of a tie). */
export function standingOf(
  disagreement: Disagreement,
  key: string,
): { standing: Standing; low: QualifiedNumber; high: QualifiedNumber } {
  const { values, keys } = disagreement;
  const value = values[keys.indexOf(key)]!.value;
  const numbers = values.map((q) => q.value);
  const max = Math.max(...numbers);
  const min = Math.min(...numbers);
  const only = (n: number) => numbers.filter((v) => v === n).length === 1;
  const standing = value === max && only(max) ? "highest" : value === min && only(min) ? "lowest" : "one";
  return { standing, low: values.find((q) => q.value === min)!, high: values.find((q) => q.value === max)! };
}

/** "the highest of seven counts, from about 50 to 121", in the words of the locale. */
export function describeChoice(
  dataset: Dataset,
  disagreement: Disagreement,
  key: string,
  format: Pick<NumberFormat, "locale" | "messages">,
): string {
  const { standing, low, high } = standingOf(disagreement, key);
  const column = dataset.spec.columns[disagreement.column];
  const noun = column?.unit === "count" ? "count" : "figure";
  const words = wordsOf(format);
  const n = disagreement.keys.length;
  const written = words.numberWord(n) ?? numberFormat(format.locale ?? "en-US").format(n);
  const options = { ...format, kind: false };
  return words.chosen({
    standing,
    of: n,
    written,
    noun,
    low: formatNumber(low, options),
    high: formatNumber(high, options),
  });
}
