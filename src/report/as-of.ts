// Which edition of a report a build makes: its first date, its latest update, and, for
// `plotbrief build --as-of`, the day it is built as of. Data published after the edition's horizon is
// left out (as of a date) or an error (otherwise); data published after the first date is an update.
import { UserError, located } from "../error.js";
import type { Dataset } from "../data/dataset.js";
import { formatDate } from "../data/format.js";
import type { PreciseDate } from "../data/qualified.js";
import { CATALOGUE } from "../i18n/messages.js";
import type { Messages } from "../i18n/messages.js";
import type { FrontMatter, Notebook } from "./notebook.js";

/** The last day whose data the edition may quote: the as-of date, else `updated`, else `date`. */
export function horizonOf(front: FrontMatter): PreciseDate {
  return front.asOf ?? front.updated ?? front.date;
}

/** Whether `date` is later than `than`, each taken at its start ("2020-11" is Nov. 1, 2020). */
export function isAfter(date: PreciseDate | undefined, than: PreciseDate): boolean {
  return date !== undefined && date.getTime() > than.getTime();
}

/** A row an edition as of an earlier date leaves out. */
export interface LeftOut {
  /** "gdp/adb-ado2021-2020" */
  readonly fact: string;
  readonly published: PreciseDate;
}

/**
 * The front matter of the edition as of `asOf`: an `updated` later than it is dropped. An as-of date
 * before the report's date is an error: the report did not exist then.
 */
export function editionAsOf(notebook: Notebook, asOf: PreciseDate): FrontMatter {
  const { front } = notebook;
  if (asOf.getTime() < front.date.getTime()) {
    throw new UserError(
      located(
        notebook.file,
        notebook.keyLines["date"],
        `--as-of ${asOf} is before the report's date (${front.date}), when it was not yet published; give a date on or after ${front.date}`,
      ),
    );
  }
  const { updated, ...rest } = front;
  return { ...rest, ...(updated !== undefined && !isAfter(updated, asOf) ? { updated } : {}), asOf };
}

/** Each dataset without its rows published after `asOf`, and those rows. */
export function datasetsAsOf(
  datasets: ReadonlyMap<string, Dataset>,
  asOf: PreciseDate,
): { datasets: Map<string, Dataset>; leftOut: LeftOut[] } {
  const leftOut: LeftOut[] = [];
  const kept = new Map<string, Dataset>();
  for (const [id, dataset] of datasets) {
    kept.set(
      id,
      dataset.filter((row) => {
        const published = dataset.knownFrom(row);
        if (!isAfter(published, asOf)) return true;
        leftOut.push({ fact: `${id}/${dataset.keyOf(row)}`, published: published! });
        return false;
      }),
    );
  }
  return { datasets: kept, leftOut };
}

/**
 * The dateline in the report's words: "Nov. 30, 2020" for a report never updated, else "Published Nov.
 * 30, 2020 · Updated April 28, 2021"; an edition as of a later day than both adds "As of …".
 */
export function dateline(front: FrontMatter, messages: Messages = CATALOGUE.en): string {
  const written = (date: PreciseDate) => formatDate(date, front.locale);
  const latest = front.updated ?? front.date;
  const asOf = front.asOf !== undefined && isAfter(front.asOf, latest) ? front.asOf : undefined;
  if (front.updated === undefined && front.asOf === undefined) return written(front.date);
  return [
    messages.publishedOn(written(front.date)),
    ...(front.updated !== undefined && isAfter(front.updated, front.date)
      ? [messages.updatedOn(written(front.updated))]
      : []),
    ...(asOf ? [messages.asOf(written(asOf))] : []),
  ].join(" · ");
}
