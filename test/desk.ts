// A desk's own project with plotbrief installed from its packed tarball, as npm would publish it:
// for the package test and the benchmark, which both run plotbrief as users run it.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "./project.js";

const exec = promisify(execFile);

export const npm = (args: string[], cwd: string) =>
  exec("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, maxBuffer: 64 << 20 });

/** Packs this repository's plotbrief (dist/ as compiled) into a folder; the tarball and the files it holds. */
export async function pack(): Promise<{ tarball: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "plotbrief-pack-"));
  const { stdout } = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  return { tarball: join(dir, info!.filename), files: info!.files.map((file) => file.path).sort() };
}

/**
 * What `npm init -y && npm i plotbrief` leaves: a new folder whose package.json names plotbrief (the
 * tarball) and TypeScript, installed offline with `npm ci`. Its lockfile pins what they install to
 * the versions this repository's lockfile holds, so that npm needs nothing but its cache, which this
 * repository's own `npm ci` filled (an install without a lockfile would ask the registry which
 * versions exist).
 */
export async function deskProject(tarball: string): Promise<string> {
  const project = await mkdtemp(join(tmpdir(), "plotbrief-desk-"));
  await npm(["init", "-y"], project);
  const own = JSON.parse(await readFile(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dev?: boolean; version?: string; [key: string]: unknown }>;
  };
  const pkgPath = join(project, "package.json");
  const pkg = JSON.parse(await readFile(pkgPath, "utf8"));
  const typescript = own.packages["node_modules/typescript"]!;
  pkg.dependencies = { plotbrief: `file:${tarball}` };
  pkg.devDependencies = { typescript: typescript.version };
  await writeFile(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const root = own.packages[""]!;
  const integrity = `sha512-${createHash("sha512")
    .update(await readFile(tarball))
    .digest("base64")}`;
  const packages: Record<string, unknown> = {
    "": { name: pkg.name, version: pkg.version, dependencies: pkg.dependencies, devDependencies: pkg.devDependencies },
    "node_modules/plotbrief": {
      version: root.version,
      resolved: `file:${tarball}`,
      integrity,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
    "node_modules/typescript": typescript,
  };
  for (const [path, entry] of Object.entries(own.packages)) if (path && !entry.dev) packages[path] = entry;
  const lock = { name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages };
  await writeFile(join(project, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  await npm(["ci", "--offline"], project);
  return project;
}
