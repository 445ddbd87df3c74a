// Values computed from other values, with their qualifiers and sources carried through: "about" stays
// "about", a forecast stays a forecast, and the sources of both inputs are cited.
import type { Aggregation } from "./aggregate.js";
import type { Source } from "./provenance.js";
import { latestDate } from "./qualified.js";
import type { Kind, PreciseDate, QualifiedNumber, Qualifier } from "./qualified.js";

/** A number with the sources it comes from: what prose quotes. Made by `dataset.fact(key)` or derived. */
export interface Quoted {
  readonly value: QualifiedNumber;
  readonly sources: readonly Source[];
  /** When it became known: the latest publication date of what it is made from, where recorded. */
  readonly published?: PreciseDate;
  /** The aggregates it is made from (a mean, a sum…) and their rows, which "Sources and methods" states. */
  readonly aggregates?: readonly Aggregation[];
}

/** a − b. The difference of two percentages is in percentage points. */
export function difference(a: Quoted, b: Quoted): Quoted {
  if (a.value.unit !== b.value.unit) throw new Error(`cannot subtract ${b.value.unit} from ${a.value.unit}`);
  const unit = a.value.unit === "percent" ? "percentage-points" : a.value.unit;
  return combine(a, b, a.value.value - b.value.value, {
    unit,
    signed: true,
    qualifier: subtracted(a.value.qualifier, b.value.qualifier),
  });
}

/** The change from `from` to `to`: to − from, signed. */
export function change(from: Quoted, to: Quoted): Quoted {
  return difference(to, from);
}

/** part as a percentage of whole, to `digits` decimals: `shareOf(get(exports).fact("eu"), get(exports).fact("total"))`. */
export function shareOf(part: Quoted, whole: Quoted, digits = 0): Quoted {
  if (part.value.unit !== whole.value.unit)
    throw new Error(`cannot take ${part.value.unit} as a share of ${whole.value.unit}`);
  if (whole.value.value === 0) throw new Error("cannot take a share of zero");
  const qualifier = part.value.qualifier === "exact" && whole.value.qualifier === "exact" ? "exact" : "about";
  return combine(part, whole, (part.value.value / whole.value.value) * 100, {
    unit: "percent",
    signed: false,
    qualifier,
    digits,
  });
}

function combine(
  a: Quoted,
  b: Quoted,
  value: number,
  how: { unit: QualifiedNumber["unit"]; signed: boolean; qualifier: Qualifier; digits?: number },
): Quoted {
  const digits = how.digits ?? Math.max(a.value.digits, b.value.digits);
  return {
    value: {
      value: Number(value.toFixed(digits)),
      digits,
      qualifier: how.qualifier,
      kind: weakest(a.value.kind, b.value.kind),
      unit: how.unit,
      signed: how.signed,
    },
    sources: combined([a.sources, b.sources]),
    ...publishedOf(a, b),
    ...aggregatesOf(a, b),
  };
}

/** The sources of several values, each once, in order of first use. */
export function combined(sources: readonly (readonly Source[])[]): Source[] {
  return [...new Set(sources.flat())];
}

function publishedOf(a: Quoted, b: Quoted): Pick<Quoted, "published"> {
  const published = latestDate([a.published, b.published]);
  return published === undefined ? {} : { published };
}

// Only values made from aggregates carry the field, so that others stay as they were.
function aggregatesOf(a: Quoted, b: Quoted): Pick<Quoted, "aggregates"> {
  const aggregates = [...(a.aggregates ?? []), ...(b.aggregates ?? [])];
  return aggregates.length === 0 ? {} : { aggregates };
}

/**
 * The qualifier of a − b: exact only if both are. "More than a" minus an exact b is still "more than";
 * any other mix (more than minus more than, say) is only "about".
 */
function subtracted(a: Qualifier, b: Qualifier): Qualifier {
  if (b === "exact") return a;
  if (a === "exact" && (b === "more-than" || b === "at-least")) return "up-to";
  if (a === "exact" && b === "up-to") return "at-least";
  return "about";
}

/** A value derived from a forecast is a forecast; from an estimate, an estimate. */
function weakest(a: Kind, b: Kind): Kind {
  if (a === "forecast" || b === "forecast") return "forecast";
  if (a === "estimate" || b === "estimate") return "estimate";
  return "actual";
}
