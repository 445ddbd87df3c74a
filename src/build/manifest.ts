// Each report's output folder holds a manifest: the hash of every input and of every output, and
// which inputs each output was made from, so that `check --against` can name what made a file stale.
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DatasetSpec } from "../data/dataset.js";
import type { LoadedReport } from "../report/load.js";
import { reportPaths } from "../report/report.js";
import { VERSION } from "../version.js";
import { hash, inputHashes, moduleGraph, reportInputs } from "./inputs.js";

/** The file in each report's output folder that records its inputs and outputs. */
export const MANIFEST = "manifest.json";

export interface Manifest {
  readonly plotbrief: string;
  readonly report: string;
  /** The edition of a report with editions, by its slug; its folder is `<report>/<edition>/`. */
  readonly edition?: string;
  /** The edition's as-of date, where it was built with `--as-of`. */
  readonly asOf?: string;
  /** What a site index lists of it: its title, dek, date and last update, as the front matter gives them. */
  readonly listing?: Listing;
  /** Content hash of every input, by path relative to the project root. */
  readonly inputs: Record<string, string>;
  /** Every output, by path relative to the report's output folder: its content hash and what it is made from. */
  readonly outputs: Record<string, { readonly sha256: string; readonly inputs: readonly string[] }>;
}

/** A report as a site index lists it. */
export interface Listing {
  readonly title: string;
  readonly dek: string;
  /** YYYY-MM-DD, to the date's precision. */
  readonly date: string;
  readonly updated?: string;
}

/** The manifest of a report's files (path relative to its output folder, content), as JSON text. */
export async function makeManifest(
  root: string,
  report: LoadedReport,
  files: ReadonlyMap<string, string>,
  memo?: { once<T>(key: string, make: () => Promise<T>): Promise<T> },
): Promise<string> {
  // The editions of a report share its inputs: hashed once a build where it is given a memo.
  const once = <T>(key: string, make: () => Promise<T>) => (memo ? memo.once(`${key}\0${report.slug}`, make) : make());
  const inputs = await once("inputs", async () => inputHashes(root, await reportInputs(root, report)));
  const modules = await once("module-files", async () =>
    (await moduleGraph(root, join(root, reportPaths(report.slug).module))).map((file) => relative(root, file)),
  );
  const figures = new Map(report.spec.figures.map((spec) => [spec.id, spec]));
  const madeFrom = (path: string): string[] => {
    const figure = figures.get(/^figures\/(.+)\.svg$/.exec(path)?.[1] ?? "");
    if (!figure) return Object.keys(inputs);
    const data = (Object.values(figure.uses) as DatasetSpec<never>[]).map((dataset) => dataset.file);
    return [...new Set([...modules, ...data])].sort();
  };
  const outputs = Object.fromEntries(
    [...files].map(([path, content]) => [path, { sha256: hash(content), inputs: madeFrom(path) }]),
  );
  const { asOf, title, dek, date, updated } = report.notebook.front;
  const listing: Listing = {
    title,
    dek,
    date: String(date),
    ...(updated === undefined ? {} : { updated: String(updated) }),
  };
  const value: Manifest = {
    plotbrief: VERSION,
    report: report.slug,
    ...(report.edition === undefined ? {} : { edition: report.edition.slug }),
    ...(asOf === undefined ? {} : { asOf: String(asOf) }),
    listing,
    inputs,
    outputs,
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An output that does not match what the report makes now, and why. */
export interface Stale {
  /** Relative to the output folder of the report. */
  readonly path: string;
  readonly reason: string;
}

/**
 * Compares the outputs built in `dir` with what the report makes now (`files`, or undefined when the
 * report does not build), naming for each stale file the inputs that changed since it was built.
 */
export async function staleOutputs(
  root: string,
  report: LoadedReport,
  dir: string,
  files: ReadonlyMap<string, string> | undefined,
): Promise<Stale[]> {
  const manifest = await readFile(join(dir, MANIFEST), "utf8")
    .then((text) => JSON.parse(text) as Manifest)
    .catch(() => undefined);
  const now = await inputHashes(root, await reportInputs(root, report));
  const changed = manifest
    ? [...new Set([...Object.keys(now), ...Object.keys(manifest.inputs)])]
        .filter((path) => now[path] !== manifest.inputs[path])
        .sort()
    : [];
  const because = (path: string) => {
    if (!manifest) return `no ${MANIFEST} there says which input changed`;
    const mine = changed.filter((input) => manifest.outputs[path]?.inputs.includes(input) ?? true);
    return mine.length > 0
      ? `changed since it was built: ${mine.join(", ")}`
      : "its inputs are unchanged, so plotbrief itself changed";
  };
  const stale: Stale[] = [];
  if (files) {
    for (const [path, content] of files) {
      const built = await readFile(join(dir, path), "utf8").catch(() => undefined);
      if (built === undefined) stale.push({ path, reason: "missing; run plotbrief build" });
      else if (hash(built) !== hash(content))
        stale.push({ path, reason: `stale (${because(path)}); run plotbrief build` });
    }
  } else if (manifest && changed.length > 0) {
    // The report does not build now, but inputs of these outputs changed since they were built.
    for (const [path, output] of Object.entries(manifest.outputs)) {
      if (changed.some((input) => output.inputs.includes(input)))
        stale.push({ path, reason: `stale (${because(path)})` });
    }
  }
  return stale;
}
