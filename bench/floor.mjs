// The floor for a build: print HTML files with bare puppeteer-core, with the same print options as
// plotbrief (paper, margins, header and footer, tagged, outline). It launches its own Chromium, or, given
// a ws:// endpoint instead of a program, connects to a running browser (a shared service) and leaves it
// running. One page per core, or BENCH_FLOOR_PAGES pages.
// Usage: node bench/floor.mjs <chromium | ws://…> <print-options.json> <out-dir> <file.html>...
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { connect, launch } from "puppeteer-core";

const [executablePath, optionsFile, out, ...files] = process.argv.slice(2);
const options = JSON.parse(await readFile(optionsFile, "utf8"));
const shared = executablePath.startsWith("ws://");
const browser = shared
  ? await connect({ browserWSEndpoint: executablePath })
  : await launch({
      executablePath,
      pipe: true,
      args: [...(process.getuid?.() === 0 ? ["--no-sandbox"] : []), "--disable-gpu", "--font-render-hinting=none"],
    });
const count = Number(process.env.BENCH_FLOOR_PAGES ?? availableParallelism());
const pages = await Promise.all(Array.from({ length: Math.min(count, files.length) }, () => browser.newPage()));
let next = 0;
await Promise.all(
  pages.map(async (page) => {
    while (next < files.length) {
      const file = files[next++];
      await page.setContent(await readFile(file, "utf8"), { waitUntil: "load", timeout: 0 });
      const pdf = await page.pdf({ ...options, timeout: 0 });
      await writeFile(join(out, `${basename(file, ".html")}-${next}.pdf`), pdf);
    }
  }),
);
if (shared) {
  await Promise.all(pages.map((page) => page.close()));
  await browser.disconnect();
} else await browser.close();
