// The first stage of a build: a report's notebook, modules, datasets and template, read and validated
// before anything is rendered. Every dataset problem is reported at once.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError, located, problemsOf } from "../error.js";
import { linkedOutside } from "../paths.js";
import { loadDataset } from "../data/load.js";
import type { ReadFile } from "../data/load.js";
import type { Dataset, DatasetSpec } from "../data/dataset.js";
import { importDefault } from "./modules.js";
import type { PreciseDate } from "../data/qualified.js";
import { datasetsAsOf, editionAsOf } from "./as-of.js";
import type { LeftOut } from "./as-of.js";
import { forEdition, loadEditions, noSuchEdition, withParams } from "./editions.js";
import type { Edition } from "./editions.js";
import { parseNotebook } from "./notebook.js";
import type { Notebook } from "./notebook.js";
import { REPORT_NAME, reportPaths } from "./report.js";
import type { ReportSpec } from "./report.js";
import type { TemplateSpec } from "./template.js";

/** A template as found: the project's own (`templates/<name>/`) or one that plotbrief ships. */
export interface LoadedTemplate {
  readonly name: string;
  readonly spec: TemplateSpec;
  /** Its folder, absolute: relative style paths are read from here. */
  readonly dir: string;
  /** Whether it is plotbrief's own, which plotbrief's version covers in cache keys. */
  readonly builtIn: boolean;
}

/** Everything a report is made of, read and validated, before anything is rendered. */
export interface LoadedReport {
  /** The project folder. */
  readonly root: string;
  readonly slug: string;
  readonly notebook: Notebook;
  readonly spec: ReportSpec;
  readonly datasets: ReadonlyMap<string, Dataset>;
  readonly template: LoadedTemplate;
  /** In an edition as of a date (`plotbrief build --as-of`), the rows published later, left out of its datasets. */
  readonly leftOut: readonly LeftOut[];
  /** The report's editions, from its editions table; undefined for a report without. */
  readonly editions?: readonly Edition[];
  /** The one edition this is, its datasets narrowed and its front matter written with its parameters. */
  readonly edition?: Edition;
}

/** Which edition to load: `asOf` leaves out every row published after that day. */
export interface LoadOptions {
  readonly asOf?: PreciseDate;
}

// A template's name, never a path: it names a folder under templates/.
const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** Reads a report's notebook, module, datasets and template. `read` reads data files (the build's reads each once). */
export async function loadReport(
  root: string,
  slug: string,
  read?: ReadFile,
  options: LoadOptions = {},
): Promise<LoadedReport> {
  if (!REPORT_NAME.test(slug)) {
    throw new UserError(`report name "${slug}": expected a folder name under reports/, such as cambodia-2020`);
  }
  const paths = reportPaths(slug);
  const outside = linkedOutside(root, join(root, paths.notebook));
  if (outside !== undefined) {
    throw new UserError(
      located(
        paths.notebook,
        undefined,
        `is a link to ${outside}, outside the project folder; a build reads only the project`,
      ),
    );
  }
  let source: string;
  try {
    source = await readFile(join(root, paths.notebook), "utf8");
  } catch {
    throw new UserError(
      located(paths.notebook, undefined, `no notebook for report "${slug}"; create it, or check the report's name`),
    );
  }
  const parsed = parseNotebook(paths.notebook, source);
  const { asOf } = options;
  const notebook = asOf === undefined ? parsed : { ...parsed, front: editionAsOf(parsed, asOf) };
  const [spec, template] = await Promise.all([
    importDefault<ReportSpec>(root, paths.module, "a report made with defineReport"),
    loadTemplate(root, notebook),
  ]);
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
  const results = await Promise.allSettled([...specs.values()].map((dataset) => loadDataset(dataset, root, read)));
  const problems = results.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
  if (problems.length > 0) {
    const bug = problems.find((problem) => !(problem instanceof UserError));
    if (bug) throw bug;
    throw new UserError(problems.map((problem) => problem.message).join("\n"), {
      problems: problems.flatMap((problem) => problemsOf(problem)),
    });
  }
  const loaded = new Map(
    results.map((result) => (result as PromiseFulfilledResult<Dataset>).value).map((d) => [d.id, d]),
  );
  const editions = await loadEditions(root, slug, spec, read);
  // A report without editions has no parameters: a placeholder in its front matter is an error.
  if (editions === undefined) withParams(notebook, undefined);
  const base = { root, slug, notebook, spec, template, ...(editions ? { editions } : {}) };
  if (asOf === undefined) return { ...base, datasets: loaded, leftOut: [] };
  const { datasets, leftOut } = datasetsAsOf(loaded, asOf);
  return { ...base, datasets, leftOut };
}

/**
 * One edition of a report with editions (`edition` names it), or the report itself when it has none.
 * Naming an edition of a report without, or one its table lacks, is an error.
 */
export function editionOf(report: LoadedReport, edition: string | undefined): LoadedReport {
  const { editions } = report;
  if (edition === undefined) {
    if (editions === undefined) return report;
    throw new UserError(
      `${report.slug} has ${editions.length} editions; build one with --edition, such as --edition ${editions[0]?.slug}`,
    );
  }
  const found = editions?.find((candidate) => candidate.slug === edition);
  if (!found) throw new UserError(noSuchEdition(report.slug, edition, editions));
  return forEdition(report, found);
}

/** plotbrief's own templates: `<package>/dist/templates/<name>/` (compiled) or `src/templates/` (source). */
const BUILT_IN = fileURLToPath(new URL("../templates/", import.meta.url));

/** The names of the templates plotbrief ships. */
export function builtInTemplates(): string[] {
  return ["briefing", "memo"].filter((name) => builtInFile(name) !== undefined);
}

function builtInFile(name: string): string | undefined {
  return ["template.js", "template.ts"].map((file) => join(BUILT_IN, name, file)).find((file) => existsSync(file));
}

/** The notebook's template: the project's `templates/<name>/template.ts` if there is one, else plotbrief's own. */
async function loadTemplate(root: string, notebook: Notebook): Promise<LoadedTemplate> {
  const name = notebook.front.template;
  const at = (message: string) => new UserError(located(notebook.file, notebook.keyLines.template, message));
  if (!TEMPLATE_NAME.test(name)) {
    throw at(
      `front matter "template": expected a template name (lowercase letters, digits and dashes), found "${name}"`,
    );
  }
  const own = join("templates", name, "template.ts");
  const isOwn = existsSync(join(root, own));
  const builtIn = builtInFile(name);
  let spec: TemplateSpec;
  if (isOwn) {
    spec = await importDefault<TemplateSpec>(root, own, "a template made with defineTemplate");
  } else if (builtIn) {
    spec = ((await import(pathToFileURL(builtIn).href)) as { default: TemplateSpec }).default;
  } else {
    throw at(
      `unknown template "${name}"; plotbrief has ${builtInTemplates().join(" and ")}, and a project's own live in templates/<name>/template.ts`,
    );
  }
  const missing = (["page", "figure"] as const).filter((key) => typeof spec[key] !== "function");
  if (missing.length > 0 || !Array.isArray(spec.styles) || !Array.isArray(spec.fonts) || !spec.print) {
    throw at(
      `template "${name}" is not a template: export one made with defineTemplate({ fonts, styles, page, figure, print })`,
    );
  }
  return { name, spec, dir: isOwn ? join(root, "templates", name) : join(BUILT_IN, name), builtIn: !isOwn };
}
