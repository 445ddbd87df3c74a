// The claims audit: numbers typed by hand in the prose that equal, or nearly equal, a value in the data
// are reported, so that every number a reader sees is bound to its source. A number is compared only
// with values in the unit and at the scale its words give, and one that restates a value its own
// sentence already quotes is left alone.
import { located } from "../error.js";
import type { Quoted } from "../data/derive.js";
import type { Dataset } from "../data/dataset.js";
import { formatNumber } from "../data/format.js";
import type { QualifiedNumber } from "../data/qualified.js";
import { findTypedNumbers, proseLocale } from "./claims.js";
import type { TypedNumber } from "./claims.js";
import { findProse } from "./markdown.js";
import type { ParsedMarkdown } from "./markdown.js";
import type { Notebook } from "./notebook.js";
import { dataUnit, unitReading } from "./prose-units.js";
import type { DataUnit } from "./prose-units.js";

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
  const { locale } = notebook.front;
  const units = unitReading(locale, new Set(known.map((entry) => entry.value.unit)));
  const reading = proseLocale(locale);
  const blocks = findProse(markdown);
  const references = new Set(blocks.flatMap((block) => block.references.map(factName)));
  const index = indexKnown(known, references);
  return blocks.flatMap((block) =>
    findTypedNumbers(block, reading, units).flatMap((typed) => {
      if (restates(typed, index.named)) return [];
      const like = lookalike(typed, index);
      if (!like) return [];
      const value = formatNumber(like.value, { locale });
      return [
        located(
          notebook.file,
          notebook.bodyLine + typed.line,
          `${typed.text} looks like ${like.id} (${value}); bind it to the data ({{${like.id}}}) or mark it as free text ({{free ${typed.text}}})`,
        ),
      ];
    }),
  );
}

/** One value the prose could have quoted instead of typing it. */
export interface Known {
  /** The reference that quotes it: "gdp/adb-2018", "gdp/adb-2018.growth" for a column after the first. */
  readonly id: string;
  /** Every way a reference may name it: with and without its column for the first. */
  readonly names: readonly string[];
  readonly value: QualifiedNumber;
  /** How prose writes its unit, read once per unit. */
  readonly unit: DataUnit;
}

/** Every number value of the datasets and derived values, by the reference that quotes it. */
export function knownValues(datasets: Iterable<Dataset>, derived: ReadonlyMap<string, Quoted>): Known[] {
  const known: Known[] = [];
  const units = new Map<string, DataUnit>();
  const unitOf = (id: string) => units.get(id) ?? units.set(id, dataUnit(id)).get(id)!;
  for (const dataset of datasets) {
    // A citation's wording is a value the prose may quote too ("about 4%").
    for (const row of [...dataset.rows, ...dataset.citations]) {
      const key = dataset.keyOf(row);
      for (const [i, name] of dataset.numberColumns.entries()) {
        if ((row as Record<string, unknown>)[name] === undefined) continue;
        const full = `${dataset.id}/${key}.${name}`;
        const value = dataset.quantity(row, name as never);
        known.push({
          id: i === 0 ? `${dataset.id}/${key}` : full,
          names: i === 0 ? [`${dataset.id}/${key}`, full] : [full],
          value,
          unit: unitOf(value.unit),
        });
      }
    }
  }
  for (const [name, quoted] of derived) {
    known.push({
      id: `derived/${name}`,
      names: [`derived/${name}`],
      value: quoted.value,
      unit: unitOf(quoted.value.unit),
    });
  }
  return known;
}

/** Known values in order of magnitude, so that those near a typed number are found without reading them all. */
export interface KnownIndex {
  readonly values: readonly Known[];
  /** Each value's magnitude at its scale: 5.8e9 for 5.8 in usd-billion. */
  readonly magnitudes: readonly number[];
  /** The values by the names references give them (only those `references` name, if given). */
  readonly named: ReadonlyMap<string, Known>;
}

export function indexKnown(known: readonly Known[], references?: ReadonlySet<string>): KnownIndex {
  const magnitudes = known.map((entry) => Math.abs(entry.value.value) * entry.unit.scale);
  const order = known.map((_, i) => i).sort((a, b) => magnitudes[a]! - magnitudes[b]!);
  const named = new Map<string, Known>();
  for (const entry of known) {
    for (const name of entry.names) if (!references || references.has(name)) named.set(name, entry);
  }
  return { values: order.map((i) => known[i]!), magnitudes: order.map((i) => magnitudes[i]!), named };
}

/**
 * The data value a typed number looks like, if any: in the unit family its words name (a bare number
 * only a count or a value in a unit the audit cannot read in prose; with a scale word, also money:
 * "worth 5.8 billion"), at its scale, the same magnitude within 2% or within rounding of its written
 * decimals. The closest wins, then the one written with the same decimals ("4%" is the article's
 * "about 4%", not the ADB's "4.0%").
 */
export function lookalike(typed: TypedNumber, { values, magnitudes }: KnownIndex): Known | undefined {
  const magnitude = typed.value * typed.scale;
  const rounding = 0.5 * 10 ** -typed.digits * typed.scale;
  // Only values from here to there can be within 2% of their own size, or within the typed rounding.
  const from = Math.min(magnitude - rounding, magnitude / 1.02);
  const to = Math.max(magnitude + rounding, magnitude / 0.98);
  let best: { entry: Known; distance: number; sameDigits: number } | undefined;
  for (let i = firstAtLeast(magnitudes, from); i < values.length && magnitudes[i]! <= to; i++) {
    const entry = values[i]!;
    const { unit } = entry;
    const family =
      typed.families.length > 0
        ? typed.families.includes(unit.family)
        : unit.family === "count" || !unit.known || (unit.currency && typed.scale > 1);
    if (!family) continue;
    const distance = near(magnitude, magnitudes[i]!, rounding);
    if (distance === undefined) continue;
    const sameDigits = entry.value.digits === typed.digits ? 0 : 1;
    if (!best || distance < best.distance || (distance === best.distance && sameDigits < best.sameDigits))
      best = { entry, distance, sameDigits };
  }
  return best?.entry;
}

/** The first index whose number is at least `min`, in numbers sorted in increasing order. */
function firstAtLeast(sorted: readonly number[], min: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < min) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether a typed number restates a value its sentence quotes ("{{gdp/2020}}, or about 3%"): the same
 * magnitude in any unit, as written or at the value's own scale.
 */
function restates(typed: TypedNumber, named: ReadonlyMap<string, Known>): boolean {
  return typed.sentence.some((reference) => {
    const entry = named.get(factName(reference));
    if (!entry) return false;
    const value = Math.abs(entry.value.value);
    const rounding = 0.5 * 10 ** -typed.digits;
    return (
      near(typed.value * typed.scale, value * entry.unit.scale, rounding * typed.scale) !== undefined ||
      near(typed.value, value, rounding) !== undefined
    );
  });
}

/** The value a reference names, without its options: "gdp/2020" for "gdp/2020 | abs". */
const factName = (reference: string) => reference.split("|")[0]!.trim();

/** How far apart a typed magnitude and a data magnitude are, relatively, if within 2% or the typed rounding. */
function near(typed: number, data: number, rounding: number): number | undefined {
  const distance = Math.abs(typed - data);
  const tolerance = Math.max(data * 0.02, rounding);
  return distance <= tolerance ? distance / Math.max(data, Number.MIN_VALUE) : undefined;
}
