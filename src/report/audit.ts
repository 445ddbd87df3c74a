// The claims audit: numbers typed by hand in the prose that equal, or nearly equal, a value in the data
// are reported, so that every number a reader sees is bound to its source.
import { located } from "../error.js";
import type { Quoted } from "../data/derive.js";
import type { Dataset } from "../data/dataset.js";
import { formatNumber } from "../data/format.js";
import type { QualifiedNumber } from "../data/qualified.js";
import { findTypedNumbers } from "./markdown.js";
import type { ParsedMarkdown } from "./markdown.js";
import type { Notebook } from "./notebook.js";

/**
 * Reads the notebook's prose for numbers typed by hand that look like a value of the data, and says
 * for each where it is and what to bind it to.
 */
export function auditClaims(
  notebook: Notebook,
  markdown: ParsedMarkdown,
  datasets: Iterable<Dataset>,
  derived: ReadonlyMap<string, Quoted>,
): string[] {
  const known = knownValues(datasets, derived);
  return findTypedNumbers(markdown).flatMap((typed) => {
    const like = lookalike(typed, known);
    if (!like) return [];
    const value = formatNumber(like.value, { locale: notebook.front.locale });
    return [
      located(
        notebook.file,
        notebook.bodyLine + typed.line,
        `${typed.text} looks like ${like.id} (${value}); bind it to the data ({{${like.id}}}) or mark it as free text ({{free ${typed.text}}})`,
      ),
    ];
  });
}

/** A number as typed in the prose. */
export interface TypedNumber {
  readonly text: string;
  readonly value: number;
  readonly percent: boolean;
  readonly line: number;
}

/** One value the prose could have quoted instead of typing it. */
export interface Known {
  readonly id: string;
  readonly value: QualifiedNumber;
}

/** Every number value of the datasets and derived values, by the reference that quotes it. */
export function knownValues(datasets: Iterable<Dataset>, derived: ReadonlyMap<string, Quoted>): Known[] {
  const known: Known[] = [];
  for (const dataset of datasets) {
    for (const row of dataset.rows) {
      const key = dataset.keyOf(row);
      for (const [i, name] of dataset.numberColumns.entries()) {
        if ((row as Record<string, unknown>)[name] === undefined) continue;
        known.push({
          id: `${dataset.id}/${key}${i === 0 ? "" : `.${name}`}`,
          value: dataset.quantity(row, name as never),
        });
      }
    }
  }
  for (const [name, quoted] of derived) known.push({ id: `derived/${name}`, value: quoted.value });
  return known;
}

/**
 * The data value a typed number looks like, if any: the same magnitude within 2% (or within rounding of
 * its written decimals), and a percentage only for a value in percent. The closest wins, then the one
 * written with the same decimals ("4%" is the article's "about 4%", not the ADB's "4.0%").
 */
export function lookalike(typed: TypedNumber, known: readonly Known[]): Known | undefined {
  const digits = (typed.text.split(".")[1] ?? "").replace(/\D/g, "").length;
  const candidates = known.flatMap((entry) => {
    const { value } = entry;
    const percent = value.unit === "percent" || value.unit === "percentage-points";
    if (percent !== typed.percent) return [];
    const distance = Math.abs(typed.value - Math.abs(value.value));
    const tolerance = Math.max(Math.abs(value.value) * 0.02, 0.5 * 10 ** -digits);
    return distance <= tolerance ? [{ entry, distance, sameDigits: value.digits === digits ? 0 : 1 }] : [];
  });
  candidates.sort((a, b) => a.distance - b.distance || a.sameDigits - b.sameDigits);
  return candidates[0]?.entry;
}
