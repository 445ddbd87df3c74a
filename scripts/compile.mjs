// Compiles src/ to dist/: TypeScript by tsc (JavaScript and .d.ts files), then the templates' CSS,
// which tsc does not copy. `--clean` starts from an empty dist/, as `npm pack` and `npm ci` do.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// tsc's incremental record describes dist/: without dist/, it would make tsc emit nothing.
if (process.argv.includes("--clean") || !existsSync(join(root, "dist/index.js"))) {
  rmSync(join(root, "dist"), { recursive: true, force: true });
  rmSync(join(root, ".cache/tsc"), { recursive: true, force: true });
}
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const { status } = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (status !== 0) process.exit(status ?? 1);

for (const entry of readdirSync(join(root, "src"), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".css")) continue;
  const from = join(entry.parentPath, entry.name);
  const to = join(root, "dist", relative(join(root, "src"), from));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
