// `plotbrief merge <dir>… --out <dir>`: the output folders of a build's shards joined into one, with the
// site index of the whole. Every report of the project must be in exactly one of them.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, rename, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { UserError } from "../error.js";
import { MANIFEST } from "../build/manifest.js";
import { writeSiteIndex } from "../build/site.js";
import { temporaryBeside, withTemporary } from "../write.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";
import { listReports, listUnits } from "./project.js";

// How many problems a failed merge lists before "and n more".
const SHOWN = 10;

export interface MergeFlags {
  readonly out: string;
  readonly root: string;
}

/** Joins the shards' folders into `--out`; names any report missing from all of them or in two, and then writes nothing. */
export async function merge(dirs: string[], flags: MergeFlags, effects: CliEffects, log: Logger): Promise<void> {
  if (dirs.length === 0) throw new UserError("merge: name the shards' output folders, such as shard-0 shard-1");
  const out = resolve(effects.cwd, flags.out);
  const shown = (path: string) => relative(effects.cwd, path) || ".";
  // Each report's folder, or each edition's (`<report>/<edition>/`), by where it was built.
  const found = new Map<string, string[]>();
  const folders = async (dir: string) =>
    (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const dir of dirs.map((dir) => resolve(effects.cwd, dir))) {
    if (!existsSync(dir)) throw new UserError(`merge: ${shown(dir)} does not exist`);
    for (const name of await folders(dir)) {
      const inside = existsSync(join(dir, name, MANIFEST))
        ? [name]
        : (await folders(join(dir, name)))
            .filter((edition) => existsSync(join(dir, name, edition, MANIFEST)))
            .map((edition) => `${name}/${edition}`);
      for (const id of inside) found.set(id, [...(found.get(id) ?? []), dir]);
    }
  }
  const root = resolve(effects.cwd, flags.root);
  const expected = (await listUnits(root, await listReports(root))).map((unit) => unit.id);
  const problems = [
    ...[...found]
      .filter(([, where]) => where.length > 1)
      .map(([report, where]) => `${report} is in ${where.map(shown).join(" and ")}: built twice, by two shards`),
    ...expected
      .filter((report) => !found.has(report))
      .map((report) => `${report} is in none of them: its shard did not finish; run it again, then merge`),
  ];
  if (problems.length > 0) {
    // A shard that did not finish misses hundreds of editions: the first few say which shard to run.
    const shownProblems = problems.length > SHOWN + 2 ? problems.slice(0, SHOWN) : problems;
    const more = problems.length - shownProblems.length;
    throw new UserError(
      `merge found ${problems.length} ${problems.length === 1 ? "problem" : "problems"}:\n${shownProblems.map((p) => `  ${p}`).join("\n")}` +
        (more > 0 ? `\n  … and ${more} more` : ""),
    );
  }
  // Each report's (or edition's) folder is copied beside its place, then put there in one rename.
  await mkdir(out, { recursive: true });
  for (const [report, [dir]] of found) {
    const target = join(out, report);
    if (resolve(dir!, report) === target) continue;
    await mkdir(dirname(target), { recursive: true });
    const temporary = temporaryBeside(target);
    await withTemporary(temporary, async () => {
      // A shard killed mid-write can leave a half-written temporary file: it is not part of the site.
      await cp(join(dir!, report), temporary, {
        recursive: true,
        filter: (source) => !/\/\.[^/]*\.\d+\.\d+\.tmp$/.test(source),
      });
      await rm(target, { recursive: true, force: true });
      await rename(temporary, target);
    });
  }
  const listed = await writeSiteIndex(out);
  log.record(
    "merge",
    { reports: listed.map((entry) => entry.report), from: dirs.length },
    `merged ${found.size} ${found.size === 1 ? "report" : "reports"} from ${dirs.length} ${dirs.length === 1 ? "folder" : "folders"} into ${shown(out)}, with index.html and reports.json`,
  );
}
