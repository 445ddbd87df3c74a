// Citations: a row that restates another row's value (a news report quoting a forecast) is checked
// against the row it cites, so that a citation never stands in the data as an estimate of its own.
import { formatNumber } from "./format.js";
import { nearKeys } from "./keys.js";
import type { QualifiedNumber } from "./qualified.js";

/**
 * Whether a citation's value agrees with the value it cites, within the citation's qualifier: "exact"
 * agrees with the original rounded to the citation's written decimals (−4 with −4.0), "about" with that
 * or a value within a tenth of it (about 4 with 4.4, not with 4.5), "more-than", "at-least" and "up-to" as
 * their words say (more than 50 with 56).
 */
export function citationAgrees(citation: QualifiedNumber, original: QualifiedNumber): boolean {
  const { value, digits, qualifier } = citation;
  const half = 0.5 * 10 ** -digits;
  const o = original.value;
  switch (qualifier) {
    // A value halfway between two written ones rounds either way, so it agrees with neither.
    case "exact":
      return Math.abs(o - value) < half - 1e-9;
    case "about":
      return Math.abs(o - value) < half - 1e-9 || Math.abs(o - value) <= Math.abs(value) / 10 + 1e-9;
    case "more-than":
      return o > value;
    case "at-least":
      return o >= value;
    case "up-to":
      return o <= value;
  }
}

/** The row a citation cites, as the check needs it. */
export interface CitedRow {
  readonly key: string;
  /** The cited row's own cites value, if it is a citation too. */
  readonly cites: string | undefined;
  /** The cited row's numbers, by column. */
  readonly values: ReadonlyMap<string, QualifiedNumber>;
}

/**
 * What is wrong with a citation, for its row's error, or undefined: the cited key is missing, the row
 * itself, a citation of its own, or states values that disagree with the citation's.
 */
export function citationProblem(
  key: string,
  values: ReadonlyMap<string, QualifiedNumber>,
  cited: string,
  original: CitedRow | undefined,
  keys: () => readonly string[],
): { kind: string; message: string } | undefined {
  if (cited === key)
    return {
      kind: "a citation of another row",
      message: `row "${key}" cites itself; a row cites the row whose value it restates, or leaves cites empty`,
    };
  if (!original) {
    const all = keys();
    const near = nearKeys(cited, all);
    const list = (near.length > 0 ? near : all.slice(0, 3)).map((k) => `"${k}"`).join(", ");
    return {
      kind: "the key of a row",
      message: `row "${key}" cites "${cited}", which is no row's key; cite the key of the row it restates (${near.length > 0 ? "close keys" : "keys such as"}: ${list})`,
    };
  }
  if (original.cites !== undefined) {
    return {
      kind: "a row that is not a citation",
      message: `row "${key}" cites "${cited}", which is itself a citation of "${original.cites}"; cite "${original.cites}", the row that states the value`,
    };
  }
  for (const [column, value] of values) {
    const stated = original.values.get(column);
    if (stated === undefined || citationAgrees(value, stated)) continue;
    return {
      kind: "a value that agrees with the row it cites",
      message:
        `row "${key}" states ${column} ${formatNumber(value)}, which does not agree with ${formatNumber(stated)} in "${cited}", the row it cites; ` +
        `correct the value, or leave cites empty if the row is an estimate of its own`,
    };
  }
  return undefined;
}
