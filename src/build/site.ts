// The site index of an output folder: every report built into it, from each report's manifest, as a
// page for readers (`index.html`, one file like the reports) and a list for machines (`reports.json`).
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { formatDate } from "../data/format.js";
import { parsePreciseDate } from "../data/qualified.js";
import { html } from "../render/html.js";
import { writeAtomic } from "../write.js";
import { outputPaths } from "../report/report.js";
import { MANIFEST } from "./manifest.js";
import type { Listing, Manifest } from "./manifest.js";

/** One report (or one edition of a report) in the index: what it is, when, and where its files are, relative to the index. */
export interface SiteEntry extends Listing {
  readonly report: string;
  readonly edition?: string;
  readonly html?: string;
  readonly pdf?: string;
}

/**
 * The reports built into `out` (`<report>/`, and each edition's `<report>/<edition>/`), newest first (by
 * update, else date), then by name.
 */
export async function siteEntries(out: string): Promise<SiteEntry[]> {
  const entries: SiteEntry[] = [];
  for (const folder of await foldersOf(out)) {
    const own = await entryAt(out, folder);
    if (own) entries.push(own);
    else if (!existsSync(join(out, folder, MANIFEST)))
      for (const edition of await foldersOf(join(out, folder))) {
        const entry = await entryAt(out, folder, edition);
        if (entry) entries.push(entry);
      }
  }
  const latest = (entry: SiteEntry) => entry.updated ?? entry.date;
  const name = (entry: SiteEntry) => `${entry.report}/${entry.edition ?? ""}`;
  return entries.sort((a, b) =>
    latest(a) !== latest(b) ? (latest(a) < latest(b) ? 1 : -1) : name(a) === name(b) ? 0 : name(a) < name(b) ? -1 : 1,
  );
}

/** The folders in `dir`, by name. */
async function foldersOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The entry of the report (or edition) built into `<out>/<report>[/<edition>]`, if its manifest says it is one. */
async function entryAt(out: string, report: string, edition?: string): Promise<SiteEntry | undefined> {
  const paths = outputPaths(report, edition);
  const path = join(out, paths.dir, MANIFEST);
  if (!existsSync(path)) return undefined;
  const manifest = JSON.parse(await readFile(path, "utf8")) as Manifest;
  if (manifest.listing === undefined || manifest.report !== report || manifest.edition !== edition) return undefined;
  const file = (name: string) => (existsSync(join(out, paths.dir, name)) ? `${paths.dir}/${name}` : undefined);
  const [page, pdf] = [file("index.html"), file(paths.pdf)];
  return {
    report,
    ...(edition === undefined ? {} : { edition }),
    ...manifest.listing,
    ...(page === undefined ? {} : { html: page }),
    ...(pdf === undefined ? {} : { pdf }),
  };
}

/** `reports.json`: the index for machines. */
export function siteJson(entries: readonly SiteEntry[]): string {
  return `${JSON.stringify({ reports: entries }, null, 2)}\n`;
}

/** `index.html`: the index for readers, one file that needs nothing else, as the reports are. */
export function siteHtml(entries: readonly SiteEntry[]): string {
  const when = (text: string) => {
    const date = parsePreciseDate(text);
    return date ? formatDate(date) : text;
  };
  return html`<!DOCTYPE html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
        <title>Reports</title>
        <style>
          :root {
            color-scheme: light dark;
            font-family: system-ui, sans-serif;
            line-height: 1.45;
          }
          body {
            margin: 0 auto;
            max-width: 42rem;
            padding: 1.5rem 1rem;
          }
          li {
            border-top: 1px solid color-mix(in srgb, currentColor 20%, transparent);
            list-style: none;
            padding: 0.9rem 0;
          }
          ul {
            padding: 0;
          }
          h2 {
            font-size: 1.15rem;
            margin: 0 0 0.2rem;
          }
          p {
            margin: 0.2rem 0;
          }
          .when {
            font-size: 0.85rem;
            opacity: 0.75;
          }
        </style>
      </head>
      <body>
        <h1>Reports</h1>
        <ul>
          ${entries.map(
            (entry) =>
              html`<li>
                <h2>${entry.html ? html`<a href="${entry.html}">${entry.title}</a>` : entry.title}</h2>
                <p>${entry.dek}</p>
                <p class="when">
                  ${when(entry.date)}${entry.updated ? ` · Updated ${when(entry.updated)}` : ""}${
                    entry.pdf ? html` · <a href="${entry.pdf}">PDF</a>` : ""
                  }
                </p>
              </li>`,
          )}
        </ul>
      </body>
    </html>`.value;
}

/** Writes the site index of `out` (`index.html` and `reports.json`), each atomically; returns its reports. */
export async function writeSiteIndex(out: string): Promise<SiteEntry[]> {
  const entries = await siteEntries(out);
  await writeAtomic(join(out, "index.html"), siteHtml(entries));
  await writeAtomic(join(out, "reports.json"), siteJson(entries));
  return entries;
}
