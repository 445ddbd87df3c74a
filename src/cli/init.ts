import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { createRequire } from "node:module";
import { UserError } from "../error.js";
import { VERSION } from "../version.js";
import type { CliEffects } from "./effects.js";
import type { Logger } from "./log.js";
import { createFiles, reportFiles } from "./new.js";

/** The report a new project starts with. */
const FIRST_REPORT = "first-briefing";

/**
 * `plotbrief init [dir]`: makes a folder a plotbrief project, or completes one: package.json (an ES
 * module, plotbrief as a dependency, the scripts), tsconfig.json, a first report with its data, the CI
 * workflow and a README. Files that exist are kept; package.json gains only what it lacks.
 */
export async function init(dir: string, effects: CliEffects, log: Logger): Promise<void> {
  const root = resolve(effects.cwd, dir);
  await mkdir(root, { recursive: true });
  const shown = (path: string) => relative(effects.cwd, join(root, path)) || path;
  await completePackageJson(root, shown("package.json"), log);

  const hasReports = await readdir(join(root, "reports")).then(
    (entries) => entries.length > 0,
    () => false,
  );
  const files: Record<string, string> = {
    "tsconfig.json": TSCONFIG,
    ".gitignore": "node_modules/\nout/\n.cache/\n",
    ".github/workflows/briefings.yml": WORKFLOW,
    "README.md": readme(basename(root)),
    ...(hasReports ? {} : reportFiles(FIRST_REPORT)),
  };
  const fresh = Object.fromEntries(Object.entries(files).filter(([path]) => !existsSync(join(root, path))));
  for (const path of Object.keys(files).filter((path) => !(path in fresh))) {
    log.record("kept", { path }, `kept ${shown(path)}`);
  }
  await createFiles(root, fresh, effects, log);
  const cd = relative(effects.cwd, root);
  log.info(
    [
      "",
      "Next:",
      ...(cd ? [`  cd ${cd}`] : []),
      "  npm install      # installs what package.json now lists (TypeScript, for npm test)",
      "  npm run build    # builds out/<report>/: index.html, a PDF and each chart as SVG",
      "  npm test         # type-checks the project and checks every report",
      `Then write your own: plotbrief new <name> (the first one is reports/${FIRST_REPORT}/).`,
    ].join("\n"),
  );
}

/** Creates package.json, or adds what a plotbrief project needs to the one there, keeping the rest. */
async function completePackageJson(root: string, shown: string, log: Logger): Promise<void> {
  const path = join(root, "package.json");
  const text = await readFile(path, "utf8").catch(() => undefined);
  let pkg: Record<string, unknown>;
  try {
    pkg = text === undefined ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch (error) {
    throw new UserError(
      `${shown}: is not valid JSON (${(error as Error).message}); mend it, then run plotbrief init again`,
    );
  }
  if (typeof pkg !== "object" || pkg === null || Array.isArray(pkg))
    throw new UserError(`${shown}: expected a JSON object`);
  const changes: string[] = [];
  const set = (key: string, value: unknown, why: string) => {
    pkg[key] = value;
    changes.push(why);
  };
  if (pkg.name === undefined) set("name", packageName(basename(root)), "name");
  if (pkg.private === undefined && text === undefined) set("private", true, "private");
  if (pkg.type !== "module") set("type", "module", `"type": "module" (was ${JSON.stringify(pkg.type ?? "unset")})`);
  const scripts = { ...(pkg.scripts as Record<string, string> | undefined) };
  const wanted: Record<string, string> = {
    build: "plotbrief build",
    dev: "plotbrief dev",
    check: "plotbrief check",
    test: "tsc --noEmit && plotbrief check",
  };
  for (const [name, command] of Object.entries(wanted)) {
    // npm init writes a test script that only fails; it is replaced, anything else is kept.
    if (scripts[name] === undefined || (name === "test" && /no test specified/.test(scripts[name]!))) {
      scripts[name] = command;
      changes.push(`scripts.${name}`);
    }
  }
  pkg.scripts = scripts;
  const deps = { ...(pkg.dependencies as Record<string, string> | undefined) };
  const devDeps = { ...(pkg.devDependencies as Record<string, string> | undefined) };
  if (deps.plotbrief === undefined && devDeps.plotbrief === undefined) {
    deps.plotbrief = `^${VERSION}`;
    pkg.dependencies = deps;
    changes.push("dependencies.plotbrief");
  }
  if (deps.typescript === undefined && devDeps.typescript === undefined) {
    devDeps.typescript = `^${typescriptVersion()}`;
    pkg.devDependencies = devDeps;
    changes.push("devDependencies.typescript");
  }
  if (changes.length === 0) return void log.record("kept", { path: "package.json" }, `kept ${shown}`);
  await writeFile(path, `${JSON.stringify(pkg, null, 2)}\n`);
  log.record(
    text === undefined ? "created" : "updated",
    { path: "package.json", changes },
    `${text === undefined ? "created" : `updated ${shown}:`} ${text === undefined ? shown : changes.join(", ")}`,
  );
}

/** The TypeScript that plotbrief itself is compiled with. */
function typescriptVersion(): string {
  const own = createRequire(import.meta.url)("../../package.json") as { devDependencies?: Record<string, string> };
  return own.devDependencies?.typescript?.replace(/^\D*/, "") ?? "5.9.3";
}

/** npm's rules for a name: lowercase, no spaces, URL-safe. */
function packageName(folder: string): string {
  return (
    folder
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+/, "") || "briefings"
  );
}

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "lib": ["ES2022", "DOM"],
    "strict": true,
    "noEmit": true,
    "skipLibCheck": true,
    "verbatimModuleSyntax": true
  },
  "include": ["data", "reports", "templates"]
}
`;

export const WORKFLOW = `# Rebuilds every briefing when data, notebooks or code change, and every morning, and keeps the
# HTML and PDFs as artifacts. The test job gates the build; the build is split across a matrix.
name: briefings

on:
  push:
  pull_request:
  schedule:
    - cron: "17 5 * * *"
  workflow_dispatch:

jobs:
  test:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npm test

  build:
    needs: test
    runs-on: ubuntu-24.04
    strategy:
      matrix:
        shard: [1, 2]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      # GitHub's Ubuntu runners come with Google Chrome, which plotbrief finds at /usr/bin/google-chrome.
      - run: npm ci
      - uses: actions/cache@v4
        with:
          path: .cache/plotbrief
          key: plotbrief-\${{ matrix.shard }}-\${{ github.sha }}
          restore-keys: plotbrief-\${{ matrix.shard }}-
      - run: npm run build -- --shard \${{ matrix.shard }}/2 --out shard-\${{ matrix.shard }} --json
      - uses: actions/upload-artifact@v4
        with:
          name: shard-\${{ matrix.shard }}
          path: shard-\${{ matrix.shard }}/
          if-no-files-found: error

  merge:
    needs: build
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - uses: actions/download-artifact@v4
        with:
          pattern: shard-*
      - run: npx --no-install plotbrief merge shard-* --out site --json
      - uses: actions/upload-artifact@v4
        with:
          name: briefings
          path: site/
          if-no-files-found: error
`;

function readme(name: string): string {
  return `# ${name}

Briefings built with [plotbrief](https://www.npmjs.com/package/plotbrief): typed datasets in \`data/\`,
notebooks and figures in \`reports/\`, built into self-contained HTML reports and PDFs in \`out/\`.

\`\`\`sh
npm install && npm run build   # builds every report into out/<report>/
npm test                       # type-checks the project and checks every report
\`\`\`

\`npm run dev\` previews the reports as you write, updating the page on every save.
\`npx plotbrief new <name>\` starts another report. PDFs need Chrome or Chromium: plotbrief uses the
one installed on the machine, or the one it brings when none is.
`;
}
