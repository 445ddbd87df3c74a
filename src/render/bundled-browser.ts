// The browser plotbrief brings, for a machine without Chrome or Chromium: the headless Chromium
// that the npm package @sparticuz/chromium ships compressed. It is unpacked once into a cache folder,
// into a temporary folder first and then renamed, so that builds running at once never see half of
// it; the package's own unpacking writes loose files into the temporary folder and races.
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { access, chmod, mkdir, mkdtemp, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import { withTemporary } from "../write.js";

/** A browser program, and the environment it needs beyond the process's. */
export interface BundledBrowser {
  readonly path: string;
  /** What `doctor` says: "@sparticuz/chromium 153.0.0". */
  readonly name: string;
  /** Its own copies of the libraries that a machine without Chromium lacks (NSS), and its fonts. */
  readonly env: Readonly<Record<string, string>>;
}

const require = createRequire(import.meta.url);
const PACKAGE = "@sparticuz/chromium";

/** The package's folder, if it is installed. */
function packageDir(): string | undefined {
  try {
    // Its entry is build/index.js; its package.json is not among its exports.
    return dirname(dirname(require.resolve(PACKAGE)));
  } catch {
    return undefined;
  }
}

/**
 * The bundled browser, unpacked on first use (two or three seconds) into
 * `node_modules/.cache/plotbrief/` beside the package, or `~/.cache/plotbrief/` where that is not
 * writable; `cacheDir` overrides both. Undefined when the package is not installed.
 */
export async function bundledBrowser(env: NodeJS.ProcessEnv, cacheDir?: string): Promise<BundledBrowser | undefined> {
  // The package's Chromium is built for Linux on x86-64 only.
  if (process.platform !== "linux" || process.arch !== "x64") return undefined;
  const dir = packageDir();
  if (dir === undefined) return undefined;
  const { version } = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as { version: string };
  const name = `${PACKAGE} ${version}`;
  const modules = dir.lastIndexOf(`${sep}node_modules${sep}`);
  const caches = cacheDir
    ? [cacheDir]
    : [
        ...(modules === -1 ? [] : [join(dir.slice(0, modules), "node_modules", ".cache", "plotbrief")]),
        join(env.XDG_CACHE_HOME ?? join(env.HOME ?? homedir(), ".cache"), "plotbrief"),
      ];
  let failure: Error | undefined;
  for (const cache of caches) {
    const target = join(cache, `chromium-${version}`);
    const browser: BundledBrowser = {
      path: join(target, "chromium"),
      name,
      env: { LD_LIBRARY_PATH: join(target, "al2023", "lib"), FONTCONFIG_PATH: target },
    };
    if (existsSync(target)) return browser;
    try {
      await unpack(join(dir, "bin"), cache, target);
      return browser;
    } catch (error) {
      failure = error as Error;
    }
  }
  throw new Error(`cannot unpack ${name} into ${caches.join(" or ")}: ${failure?.message}`);
}

/** Unpacks the package's archives into `target`, through a temporary folder beside it. */
async function unpack(bin: string, cache: string, target: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  await access(cache, 2 /* W_OK */);
  const temporary = await mkdtemp(`${target}.tmp-`);
  const { extract } = await import("tar-fs");
  // Registered, so that Ctrl-C during the two seconds this takes leaves no half-unpacked browser.
  await withTemporary(temporary, async () => {
    const untar = (archive: string, into: string) =>
      pipeline(createReadStream(join(bin, archive)), createBrotliDecompress(), extract(into, { chown: false }));
    await Promise.all([
      pipeline(
        createReadStream(join(bin, "chromium.br")),
        createBrotliDecompress({ chunkSize: 1 << 21 }),
        createWriteStream(join(temporary, "chromium"), { mode: 0o755 }),
      ),
      untar("al2023.tar.br", join(temporary, "al2023")),
      untar("fonts.tar.br", temporary),
      // Its graphics libraries must sit beside the program.
      untar("swiftshader.tar.br", temporary),
    ]);
    // The system's fonts where there are any, else the package's Open Sans.
    await writeFile(
      join(temporary, "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
        `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
        `  <dir>${target}/fonts</dir>\n  <cachedir>${target}/fontconfig</cachedir>\n</fontconfig>\n`,
    );
    // mkdtemp made it for this user alone; the browser is for every user of the cache.
    await chmod(temporary, 0o755);
    await rename(temporary, target).catch((error: Error) => {
      if (!existsSync(target)) throw error; // else another build unpacked it first
    });
  });
}
