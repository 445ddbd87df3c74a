import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError, located } from "../error.js";
import { loadDataset } from "../data/load.js";
import type { AnyDatasetSpec, Dataset, DatasetSpec, RowsOf } from "../data/dataset.js";
import type { Quoted } from "../data/derive.js";
import type { AnyFigureSpec } from "../figures/figure.js";
import { parseNotebook } from "./notebook.js";
import type { Notebook } from "./notebook.js";
import type { TemplateSpec } from "./template.js";

/**
 * A report's module, `reports/<slug>/report.ts`: the figures its notebook can embed, and any further
 * datasets its prose quotes. Example: `export default defineReport({ figures: [gdpRevisions], datasets: [article] })`.
 */
export interface ReportSpec {
  readonly figures: readonly AnyFigureSpec[];
  /**
   * Values computed from the data, quoted in prose as `{{derived/name}}`, their qualifiers and sources
   * carried through. Example: `{ revision: (get) => change(get(gdp).fact("adb-ado2019-2020"), get(gdp).fact("adb-ado2021-2020")) }`.
   */
  readonly facts?: Readonly<Record<string, (get: <D extends AnyDatasetSpec>(spec: D) => Dataset<RowsOf<D>>) => Quoted>>;
  // `any`: datasets of every row type; each was checked where it was defined.

  readonly datasets?: readonly DatasetSpec<any>[];
}

/** Identity helper for typing. */
export function defineReport(spec: ReportSpec): ReportSpec {
  return spec;
}

/** Everything a report is made of, read and validated, before anything is rendered. */
export interface LoadedReport {
  readonly slug: string;
  readonly notebook: Notebook;
  readonly spec: ReportSpec;
  readonly datasets: ReadonlyMap<string, Dataset>;
  readonly template: TemplateSpec;
  readonly templateDir: string;
}

/** Where a report's files are, relative to the project root. */
export function reportPaths(slug: string) {
  const dir = join("reports", slug);
  return { dir, notebook: join(dir, "index.md"), module: join(dir, "report.ts") };
}

/** Reads a report's notebook, module, datasets and template. Every dataset problem is reported at once. */
export async function loadReport(root: string, slug: string): Promise<LoadedReport> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
    throw new UserError(`report name "${slug}": expected a folder name under reports/, such as cambodia-2020`);
  }
  const paths = reportPaths(slug);
  let source: string;
  try {
    source = await readFile(join(root, paths.notebook), "utf8");
  } catch {
    throw new UserError(
      located(paths.notebook, undefined, `no notebook for report "${slug}"; create it, or check the report's name`),
    );
  }
  const notebook = parseNotebook(paths.notebook, source);
  const spec = await importDefault<ReportSpec>(root, paths.module, "a report made with defineReport");
  if (!Array.isArray(spec.figures))
    throw new UserError(
      located(paths.module, undefined, "expected a default export made with defineReport({ figures: [...] })"),
    );

  const specs = new Map<string, DatasetSpec<never>>();
  for (const dataset of [
    ...spec.figures.flatMap((figure) => Object.values(figure.uses) as DatasetSpec<never>[]),
    ...(spec.datasets ?? []),
  ]) {
    const known = specs.get(dataset.id);
    if (known && known !== dataset)
      throw new UserError(`${paths.module}: two different datasets have the id "${dataset.id}"`);
    specs.set(dataset.id, dataset as DatasetSpec<never>);
  }
  const results = await Promise.allSettled([...specs.values()].map((dataset) => loadDataset(dataset, root)));
  const problems = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  if (problems.length > 0) {
    if (problems.every((problem) => problem instanceof UserError))
      throw new UserError(problems.map((p: Error) => p.message).join("\n"));
    throw problems.find((problem) => !(problem instanceof UserError));
  }
  const datasets = new Map(
    results.map((result) => (result as PromiseFulfilledResult<Dataset>).value).map((d) => [d.id, d]),
  );

  const templateDir = join("templates", notebook.front.template);
  const template = await importDefault<TemplateSpec>(
    root,
    join(templateDir, "template.ts"),
    "a template made with defineTemplate",
    () =>
      located(
        paths.notebook,
        notebook.keyLines.template,
        `unknown template "${notebook.front.template}"; templates live in templates/<name>/template.ts`,
      ),
  );
  return { slug, notebook, spec, datasets, template, templateDir };
}

async function importDefault<T>(root: string, file: string, what: string, missing?: () => string): Promise<T> {
  let module: { default?: T };
  if (
    !(await access(join(root, file)).then(
      () => true,
      () => false,
    ))
  ) {
    throw new UserError(missing ? missing() : located(file, undefined, `missing; it should default-export ${what}`));
  }
  try {
    module = await import(pathToFileURL(join(root, file)).href);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(located(file, undefined, `failed to load: ${(error as Error).message}`), { cause: error });
  }
  if (module.default === undefined) throw new UserError(located(file, undefined, `expected a default export: ${what}`));
  return module.default;
}
