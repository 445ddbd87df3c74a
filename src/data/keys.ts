// Row keys: any column can name a dataset's rows, dates and numbers included. A key is compared as
// text, the value written the one way its column writes it, and the keys near a missing one are offered.
import { isoDate } from "./format.js";
import type { PreciseDate } from "./qualified.js";

/**
 * A key value as text: a date as ISO 8601 to its precision ("2012", "2012-01", "2012-01-02"), a moment in
 * UTC without milliseconds when it has none ("2012-01-02T08:00:00Z"), a number as JavaScript writes it
 * ("4.5" for "4.50"), text as is.
 */
export function keyText(value: unknown): string {
  if (value instanceof Date) {
    // Duck-typed: a precise date made by another copy of plotbrief is still one.
    if ("precision" in value) return isoDate(value as PreciseDate);
    return value.toISOString().replace(/\.000Z$/, "Z");
  }
  return String(value);
}

/**
 * Up to `count` keys close to a missing one, closest first: a typo, or a date a day or a month off. Of keys
 * as close, those that share a longer beginning come first ("2012-01-32" is nearer "2012-01-31" than "2012-01-02").
 */
export function nearKeys(key: string, keys: readonly string[], count = 3): string[] {
  const most = Math.max(2, Math.floor(key.length / 3));
  const shared = (candidate: string) => {
    let i = 0;
    while (i < key.length && key[i] === candidate[i]) i++;
    return i;
  };
  return keys
    .map((candidate, order) => ({
      candidate,
      order,
      distance: editDistance(key, candidate, most),
      shared: shared(candidate),
    }))
    .filter(({ distance }) => distance <= most)
    .sort((a, b) => a.distance - b.distance || b.shared - a.shared || a.order - b.order)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** Levenshtein distance, given up (as `most + 1`) once it is sure to be more than `most`. */
function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > most) return most + 1;
    previous = current;
  }
  return previous[b.length]!;
}
