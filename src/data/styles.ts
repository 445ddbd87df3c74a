// Number styles as authors write them after `|` in a notebook ("compact, round 1") or in tableOf's
// styles, read into the options of formatNumber. One vocabulary for prose and tables.
import type { NumberFormat } from "./format.js";

const FLAGS: Record<string, NumberFormat> = {
  abs: { abs: true },
  "no-kind": { kind: false },
  short: { style: "short" },
  compact: { compact: "long" },
  "compact-short": { compact: "short" },
  percent: { percent: true },
  words: { words: true },
  // English prose spells out counts below ten; "digits" keeps the figure ("8 of 12").
  digits: { words: false },
  sign: { sign: true },
};

/** The styles there are, as an error lists them. */
export const STYLES = [...Object.keys(FLAGS), "round N", "round N sig"];

/**
 * Reads styles such as "abs, no-kind" or "compact, round 1": separated by commas or spaces, `round N`
 * for N decimal places, `round N sig` for N significant digits. Returns the options, or what is wrong.
 */
export function parseStyles(text: string): NumberFormat | { error: string } {
  const format: Record<string, unknown> = {};
  const words = text.split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === "round") {
      if (format["decimals"] !== undefined || format["significant"] !== undefined) {
        return { error: "round twice: choose decimals (round 1) or significant digits (round 2 sig)" };
      }
      const places = words[i + 1];
      if (places === undefined || !/^\d{1,2}$/.test(places)) {
        return { error: `round needs a number of places: "round 1" (decimals) or "round 2 sig" (significant digits)` };
      }
      const significant = words[i + 2] === "sig";
      if (significant && Number(places) === 0) return { error: `"round 0 sig" keeps no digit; round to 1 or more` };
      if (significant) format["significant"] = Number(places);
      else format["decimals"] = Number(places);
      i += significant ? 2 : 1;
      continue;
    }
    const known = Object.hasOwn(FLAGS, word) ? FLAGS[word] : undefined;
    if (!known) return { error: `unknown style "${word}"; styles: ${STYLES.join(", ")}` };
    Object.assign(format, known);
  }
  if (words.includes("words") && words.includes("digits"))
    return { error: "words and digits contradict each other: choose one" };
  if (format["abs"] && format["sign"]) return { error: "abs and sign contradict each other: choose one" };
  return format as NumberFormat;
}
