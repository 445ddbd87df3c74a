// The second stage: the report's references bound to its data. Figures get their numbers and their
// data, facts their text and sources, derived values are computed, and the claims audit reads the
// prose. Every broken reference is reported at once, each with its line; nothing is rendered yet.
import { UserError, isCallerError, located } from "../error.js";
import type { AnyDatasetSpec, Dataset, RowsOf } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import { formatDigits } from "../data/format.js";
import { figureRows, resolveFigure } from "../figures/figure.js";
import { resolveMessages } from "../i18n/locale.js";
import type { ResolvedMessages } from "../i18n/locale.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import type { AnyFigureSpec, Figure, FigureExports, FigureOptions } from "../figures/figure.js";
import type { Html } from "../render/html.js";
import { html } from "../render/html.js";
import { auditClaims } from "./audit.js";
import { unknownParam } from "./editions.js";
import { resolveFact, resolveInline } from "./facts.js";
import type { Fact, FactContext } from "./facts.js";
import type { LoadedReport } from "./load.js";
import type { Source } from "../data/provenance.js";
import { formatDate } from "../data/format.js";
import { parsePreciseDate } from "../data/qualified.js";
import type { PreciseDate } from "../data/qualified.js";
import { horizonOf, isAfter } from "./as-of.js";
import type { LeftOut } from "./as-of.js";
import type { FrontMatter } from "./notebook.js";
import {
  findOutsideImages,
  findProse,
  findReferences,
  findUpdatePassages,
  inlineKey,
  parseMarkdown,
  withoutPassages,
} from "./markdown.js";
import { projectFrame } from "./modules.js";
import type { ParsedMarkdown } from "./markdown.js";
import { reportPaths } from "./report.js";
import { columnWidth } from "./template.js";

/** A report with everything its page quotes resolved. */
export interface BoundReport {
  readonly report: LoadedReport;
  /** Every figure of the report module, bound to its data, in the module's order. */
  readonly figures: readonly { readonly spec: AnyFigureSpec; readonly figure: Figure }[];
  /** The number of each figure the notebook embeds, in the order it embeds them. */
  readonly numbers: ReadonlyMap<string, number>;
  /** The markup of each inline reference, keyed as written between the braces. */
  readonly inline: ReadonlyMap<string, Html>;
  /** Each key number with its label, and where it stands among sources that disagree, unless the author gave a reason. */
  readonly keyNumbers: readonly KeyNumber[];
  /** The values chosen from sources that disagree whose reasons the author gave, for "Sources and methods". */
  readonly choices: readonly Chosen[];
  /** Rows left out of this edition as of a date: "gdp/adb-ado2021-2020 (April 28, 2021)". */
  readonly leftOut: readonly LeftOut[];
  /** The claims audit's findings: hand-typed numbers that look like data values. */
  readonly warnings: readonly string[];
  /** The notebook's body, parsed once. */
  readonly markdown: ParsedMarkdown;
  /** The report module's derived values, by name: "Sources and methods" states their aggregates. */
  readonly derived: ReadonlyMap<string, Quoted>;
  /** plotbrief's words for the reader, in the report's locale. */
  readonly messages: Messages;
}

/** A key number: its fact, its label, and "the highest of seven counts, from about 50 to 121" where that applies. */
export type KeyNumber = Fact & { readonly label: string; readonly note?: string };

/** A value chosen from sources that disagree, with the author's reason: in the key numbers or in the text. */
export interface Chosen {
  readonly place: "key" | "text";
  readonly fact: Fact;
  readonly reason: string;
}

/**
 * Binds a report for the formats a build makes (every one where unset): a figure's own file is made
 * for svg and png, its social card for png, or for the page's image where the front matter gives a url.
 */
export function bindReport(report: LoadedReport, formats?: ReadonlySet<string>): BoundReport {
  const { notebook, spec } = report;
  const front = notebook.front;
  const module = reportPaths(report.slug).module;
  const ids = new Set(spec.figures.map((figure) => figure.id));
  if (ids.size !== spec.figures.length) throw new UserError(`${module}: two figures share an id`);

  const problems: string[] = [];
  const at = (line: number, message: string) =>
    problems.push(located(notebook.file, notebook.bodyLine + line, message));
  const { messages, english } = reportMessages(report);
  const horizon = horizonOf(front);
  const markdown = editionOf(parseMarkdown(notebook.body, messages.directions), report, at);
  for (const image of findOutsideImages(markdown)) {
    at(
      image.line,
      `image ${image.src} is outside the report, which must work offline as one file; embed it as a data: URL`,
    );
  }
  // Figures first: their numbers, in the order the notebook embeds them, are what {{ref id}} writes.
  const references = findReferences(markdown);
  const numbers = new Map<string, number>();
  for (const { text: id, line } of references.filter((r) => r.kind === "figure")) {
    if (!ids.has(id)) at(line, `unknown figure "${id}"; figures: ${[...ids].join(", ")}`);
    else if (numbers.has(id)) at(line, `figure "${id}" is already embedded; embed each figure once`);
    else numbers.set(id, numbers.size + 1);
  }
  const { derived, unavailable } = derive(report);
  const context: FactContext = {
    datasets: report.datasets,
    derived,
    figures: numbers,
    locale: front.locale,
    messages,
    since: front.date,
  };
  // A fact this edition cannot quote: left out as of its date, or published after its horizon.
  const unquotable = (text: string, resolved: Fact | { error: string }): string | undefined => {
    if (!("error" in resolved)) {
      if (!isAfter(resolved.published, horizon)) return undefined;
      return `{{${text}}} was published ${resolved.published} (${resolved.source}), after ${horizonName(front)}; ${laterFix(front, resolved.published!)}`;
    }
    const reference = text.split("|")[0]!.trim();
    const left = report.leftOut.find((row) => reference === row.fact || reference.startsWith(`${row.fact}.`));
    const derivedName = /^derived\/([^.\s|]+)/.exec(reference)?.[1];
    if (left) {
      return `{{${text}}} was published ${left.published}, after this edition's date (--as-of ${front.asOf}), so it is left out; put the passage in an update (::: update ${left.published} … :::), or give a key number a before: { fact, label }`;
    }
    if (derivedName !== undefined && unavailable.has(derivedName)) {
      return `{{${text}}} cannot be computed in the edition as of ${front.asOf}: ${unavailable.get(derivedName)}; put the passage in an update (::: update YYYY-MM-DD … :::)`;
    }
    return resolved.error;
  };
  const inline = new Map<string, Html>();
  for (const { text, line, direction } of references.filter((r) => r.kind === "inline")) {
    const misplaced = /^figure\s+(\S+)$/.exec(text);
    if (misplaced) {
      at(line, `{{figure ${misplaced[1]}}} must stand alone on its line`);
      continue;
    }
    // An edition's parameter, as text: the name of its country, say.
    const param = /^param\.(\S+)$/.exec(text);
    if (param) {
      const value = report.edition?.params[param[1]!];
      if (value === undefined) at(line, unknownParam(`{{${text}}}`, param[1]!, report.edition?.params, report.edition));
      else inline.set(inlineKey(text, direction), html`${value}`);
      continue;
    }
    const resolved = resolveInline(text, context, direction);
    const problem = "error" in resolved ? unquotable(text, resolved) : resolved.fact && unquotable(text, resolved.fact);
    if (problem !== undefined) at(line, problem);
    else if (!("error" in resolved)) inline.set(inlineKey(text, direction), resolved.html);
  }
  // The reasons for choices, by the fact they explain ("summons/aljazeera.count").
  const reasons = new Map<string, string>();
  const explained = new Map<string, Fact>();
  for (const [fact, reason] of Object.entries(front.choices)) {
    const resolved = resolveFact(fact, context);
    if ("error" in resolved)
      problems.push(located(notebook.file, notebook.keyLines.choices, `choices: ${resolved.error}`));
    else {
      reasons.set(resolved.id, reason);
      explained.set(resolved.id, resolved);
    }
  }
  const chosen: Chosen[] = [];
  const keyNumbers = front.key_numbers.flatMap(({ fact, label, reason, before }): KeyNumber[] => {
    let resolved = resolveFact(fact, context);
    let problem = unquotable(fact, resolved);
    let shown = label;
    // An edition before the update shows what the box said then.
    if (problem !== undefined && front.asOf !== undefined && "error" in resolved && before !== undefined) {
      resolved = resolveFact(before.fact, context);
      problem = unquotable(before.fact, resolved);
      shown = before.label;
    }
    // What the box showed before is checked in every build, not only in the editions that show it.
    if (problem === undefined && before !== undefined && shown === label) {
      const earlier = resolveFact(before.fact, context);
      if ("error" in earlier) problem = `before: ${earlier.error}`;
    }
    if (problem !== undefined || "error" in resolved) {
      problems.push(located(notebook.file, notebook.keyLines.key_numbers, `key_numbers: ${problem}`));
      return [];
    }
    const why = reason ?? reasons.get(resolved.id);
    if (resolved.choice && why !== undefined) chosen.push({ place: "key", fact: resolved, reason: why });
    const note = resolved.choice && !resolved.choice.shown && why === undefined ? resolved.choice.text : undefined;
    return [{ ...resolved, label: shown, ...(note === undefined ? {} : { note }) }];
  });
  for (const figureSpec of spec.figures) {
    const problem = laterRows(report, figureSpec);
    if (problem !== undefined) {
      const line = references.find((r) => r.kind === "figure" && r.text === figureSpec.id)?.line;
      problems.push(
        line === undefined
          ? located(module, undefined, problem)
          : located(notebook.file, notebook.bodyLine + line, problem),
      );
    }
  }
  if (problems.length > 0) throw new UserError(problems.join("\n"));

  const warnings: string[] = auditClaims(notebook, markdown, report.datasets.values(), derived);
  const choices = checkChoices(markdown, context, reasons);
  for (const { line, message } of choices.warnings)
    warnings.push(located(notebook.file, notebook.bodyLine + line, message));
  for (const [id, reason] of reasons) {
    const fact = choices.quoted.get(id) ?? explained.get(id)!;
    const quoted = choices.quoted.has(id);
    // A key number with this reason printed it already.
    if (fact.choice && quoted) chosen.push({ place: "text", fact, reason });
    else if (fact.choice && !keyNumbers.some((n) => n.id === id)) {
      const where = located(
        notebook.file,
        notebook.keyLines.choices,
        `choices: ${id} is quoted neither in the text nor in the key numbers; remove its reason`,
      );
      warnings.push(where);
    } else if (!fact.choice) {
      warnings.push(
        located(
          notebook.file,
          notebook.keyLines.choices,
          `choices: ${id} is not chosen from values that disagree (no other row of its dataset states the same quantity with another value); remove its reason`,
        ),
      );
    }
  }
  if (english.length > 0) warnings.push(englishWords(report, english));
  if (front.strict && warnings.length > 0) throw new UserError(warnings.join("\n"));

  const options = figureOptions(report);
  const exportsOf = (id: string): FigureExports =>
    formats === undefined
      ? { file: true, card: true }
      : {
          file: formats.has("svg") || formats.has("png"),
          card: formats.has("png") || (formats.has("html") && front.url !== undefined && numbers.get(id) === 1),
        };
  const figures = spec.figures.map((figureSpec) => {
    try {
      const figure = bindFigure(report, figureSpec, { ...options, exports: exportsOf(figureSpec.id) });
      const rows = figureRows(figure);
      if (rows > front.max_figure_rows) throw tooManyRows(report, figure.id, rows, front.max_figure_rows);
      warnings.push(...figure.notices);
      return { spec: figureSpec, figure };
    } catch (error) {
      // The figure's own code threw: name the place in it and the figure, keep the cause for --debug.
      if (error instanceof UserError && !isCallerError(error)) throw error;
      const where = projectFrame(report.root, error);
      throw new UserError(`${where ? `${where}: ` : ""}figure ${figureSpec.id}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  return {
    report,
    figures,
    numbers,
    inline,
    keyNumbers,
    choices: chosen.sort((a, b) => (a.place === b.place ? 0 : a.place === "key" ? -1 : 1)),
    warnings,
    markdown,
    derived,
    messages,
    leftOut: report.leftOut,
  };
}

/**
 * The prose's quotes of values chosen from sources that disagree: one alone in its paragraph, without
 * the others of its group, `| range` or a reason in `choices`, is warned of, at its line.
 */
function checkChoices(
  markdown: ParsedMarkdown,
  context: FactContext,
  reasons: ReadonlyMap<string, string>,
): { warnings: { line: number; message: string }[]; quoted: Map<string, Fact> } {
  const warnings: { line: number; message: string }[] = [];
  const quoted = new Map<string, Fact>();
  for (const prose of findProse(markdown)) {
    const facts = prose.references.map((text) => {
      const fact = resolveFact(text, context);
      return "error" in fact ? undefined : fact;
    });
    // The line of each reference: its paragraph's, and one more for each line break before it.
    const lines = prose.text.split("\uFFFC").map((part) => part.split("\n").length - 1);
    let line = prose.line;
    facts.forEach((fact, i) => {
      line += lines[i]!;
      if (!fact?.choice) return;
      quoted.set(fact.id, fact);
      const { choice } = fact;
      if (choice.shown || reasons.has(fact.id)) return;
      const others = facts.some(
        (other) =>
          other?.choice?.dataset === choice.dataset && other.choice.group === choice.group && other.id !== fact.id,
      );
      if (others) return;
      const text = prose.references[i]!;
      const bare = text.replace(/\s*\|.*$/, "");
      const ranged = text.includes("|") ? `${text}, range` : `${bare} | range`;
      warnings.push({
        line,
        message:
          `{{${text}}} quotes ${fact.text} (${choice.cite}), ${choice.text}, for ${choice.group}, and the paragraph quotes none of the others; ` +
          `quote them too, write {{${ranged}}} to show where it stands, or say why it was chosen in the front matter: choices: { ${bare}: "…" }`,
      });
    });
  }
  return { warnings, quoted };
}

/** The report's words: plotbrief's for its locale, under those its module gives. */
function reportMessages(report: LoadedReport): ResolvedMessages {
  try {
    return resolveMessages(report.notebook.front.locale, report.spec.messages);
  } catch (error) {
    throw new UserError(located(reportPaths(report.slug).module, undefined, (error as Error).message));
  }
}

/** The warning for a locale whose language plotbrief has no words for, naming the front matter's line. */
function englishWords(report: LoadedReport, english: readonly string[]): string {
  const { file, front, keyLines } = report.notebook;
  const key = keyLines.locale !== undefined ? "locale" : "lang";
  const language = new Intl.Locale(front.locale).language;
  const which =
    english.length === Object.keys(CATALOGUE.en).length
      ? "its words for the reader stay English"
      : `${english.length} of its words for the reader stay English (${english.join(", ")})`;
  return located(
    file,
    keyLines[key],
    `${key} "${front[key]}": plotbrief writes en, fr, de and es, so ${which}; give them in report.ts: defineReport({ messages: { ${language}: { … } } })`,
  );
}

/** What the report binds its figures with: its locale and words, its print column's width, its credit line and its table length. */
export function figureOptions(report: LoadedReport): FigureOptions {
  const { front } = report.notebook;
  return {
    locale: front.locale,
    messages: reportMessages(report).messages,
    column: columnWidth(report.template.spec, front.paper, report.template.name),
    credit: front.credit ?? front.byline,
    tableRows: front.table_rows,
    ...(report.edition ? { params: report.edition.params } : {}),
  };
}

function tooManyRows(report: LoadedReport, id: string, rows: number, limit: number): UserError {
  return new UserError(
    `${reportPaths(report.slug).module}: figure ${id} shows ${formatDigits(rows, 0)} rows, at most ${formatDigits(limit, 0)} (max_figure_rows in the front matter); ` +
      "aggregate them with Plot's transforms (Plot.binX, Plot.groupX, Plot.windowY) and give tableOf the rows a reader needs ({ rows })",
  );
}

/**
 * The report module's derived values, each computed once; a value that fails is named. In an edition
 * as of a date, one that needs a row left out is unavailable, an error only where it is quoted.
 */
function derive(report: LoadedReport): { derived: Map<string, Quoted>; unavailable: Map<string, string> } {
  const derived = new Map<string, Quoted>();
  const unavailable = new Map<string, string>();
  const get = <D extends AnyDatasetSpec>(spec: D) => {
    const dataset = report.datasets.get(spec.id);
    if (!dataset)
      throw new Error(`dataset ${spec.id} is not used by this report; list it in defineReport({ datasets })`);
    return dataset as unknown as Dataset<RowsOf<D>>;
  };
  for (const [name, compute] of Object.entries(report.spec.facts ?? {})) {
    try {
      derived.set(name, compute(get, report.edition?.params ?? {}));
    } catch (error) {
      if (report.leftOut.length > 0) {
        unavailable.set(name, (error as Error).message);
        continue;
      }
      const where = projectFrame(report.root, error) ?? reportPaths(report.slug).module;
      throw new UserError(`${where}: derived value "${name}": ${(error as Error).message}`, { cause: error });
    }
  }
  return { derived, unavailable };
}

/** "the report's date (Nov. 30, 2020)", or its update's, or the edition's as-of date. */
function horizonName(front: FrontMatter): string {
  if (front.asOf !== undefined) return `this edition's date (--as-of ${front.asOf})`;
  if (front.updated !== undefined) return `the report's last update (updated: ${front.updated})`;
  return `the report's date (date: ${front.date})`;
}

/** How to quote data published after the report's horizon. */
function laterFix(front: FrontMatter, published: PreciseDate): string {
  if (front.asOf !== undefined) return `build as of ${published} or later, or leave it out`;
  return `to use it, say that the report was updated (updated: ${isoDay(published)} in the front matter), or leave it out`;
}

/** A date as front matter writes it: a day, the first of its month or year where it is known less precisely. */
function isoDay(date: PreciseDate): string {
  return date.toISOString().slice(0, 10);
}

/** The datasets a figure draws from, as this edition loaded them. */
function figureDatasets(report: LoadedReport, spec: AnyFigureSpec): Dataset[] {
  return (Object.values(spec.uses) as AnyDatasetSpec[]).flatMap((dataset) => report.datasets.get(dataset.id) ?? []);
}

/** A figure's rows published after the report's horizon, as an error; plotbrief cannot tell which rows the figure draws, so it counts them all. */
function laterRows(report: LoadedReport, spec: AnyFigureSpec): string | undefined {
  const { front } = report.notebook;
  const horizon = horizonOf(front);
  const later = figureDatasets(report, spec).flatMap((dataset) =>
    dataset.rows.flatMap((row) => {
      const published = dataset.knownFrom(row);
      return isAfter(published, horizon)
        ? [{ fact: `${dataset.id}/${dataset.keyOf(row)}`, published: published! }]
        : [];
    }),
  );
  if (later.length === 0) return undefined;
  const latest = later.reduce((a, b) => (b.published.getTime() > a.published.getTime() ? b : a));
  const rows = later.map((row) => `${row.fact} (${row.published})`).join(", ");
  return `figure ${spec.id} draws rows published after ${horizonName(front)}: ${rows}; ${laterFix(front, latest.published)}`;
}

/**
 * A figure bound to the report's data, with a note for each date of its rows published after the
 * report's date ("Updated April 28, 2021: data from …"): here and on a worker thread alike.
 */
export function bindFigure(report: LoadedReport, spec: AnyFigureSpec, options = figureOptions(report)): Figure {
  const figure = resolveFigure(spec, report.datasets, options);
  const { front } = report.notebook;
  const messages = options.messages ?? CATALOGUE.en;
  const byDate = new Map<string, { date: PreciseDate; sources: Set<Source> }>();
  for (const dataset of figureDatasets(report, spec)) {
    for (const row of dataset.rows) {
      const published = dataset.knownFrom(row);
      if (!isAfter(published, front.date)) continue;
      const entry = byDate.get(String(published)) ?? { date: published!, sources: new Set<Source>() };
      for (const source of dataset.sourcesOf(row)) entry.sources.add(source);
      byDate.set(String(published), entry);
    }
  }
  if (byDate.size === 0) return figure;
  const notes = [...byDate.values()]
    .sort((a, b) => a.date.getTime() - b.date.getTime())
    .map(({ date, sources }) => {
      // By publisher: the source line under the figure cites each in full.
      const publishers = [...new Set([...sources].map((source) => source.publisher))];
      return messages.updatedData(formatDate(date, front.locale), messages.list(publishers));
    });
  return { ...figure, notes: [...figure.notes, ...notes] };
}

/**
 * The notebook's body for this edition: each update passage checked (a valid date, after the report's
 * date, by its horizon), and those dated after an as-of date left out.
 */
function editionOf(markdown: ParsedMarkdown, report: LoadedReport, at: (line: number, message: string) => void) {
  const { front } = report.notebook;
  const horizon = horizonOf(front);
  const later = new Set<string>();
  for (const passage of findUpdatePassages(markdown)) {
    const date = parsePreciseDate(passage.date);
    const where = `update passage "::: update ${passage.date}"`;
    if (!passage.closed) at(passage.line, `${where} is not closed; end it with a line ":::"`);
    if (!date) at(passage.line, `${where}: expected a date (YYYY-MM-DD), found "${passage.date}"`);
    else if (!isAfter(date, front.date))
      at(
        passage.line,
        `${where} is dated on or before the report's date (${front.date}); an update comes later, so write it as prose`,
      );
    else if (isAfter(date, horizon)) {
      if (front.asOf !== undefined) later.add(passage.date);
      else
        at(
          passage.line,
          `${where} is dated after ${horizonName(front)}; say updated: ${isoDay(date)} in the front matter`,
        );
    }
  }
  return later.size === 0 ? markdown : withoutPassages(markdown, (date) => later.has(date));
}
