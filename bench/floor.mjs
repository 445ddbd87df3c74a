// The floor for a build: start Chromium and print HTML files, with bare puppeteer-core, one page per
// core, and the same print options as plotbrief (paper, margins, header and footer, tagged, outline).
// Usage: node bench/floor.mjs <chromium> <print-options.json> <out-dir> <file.html>...
import { readFile, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { launch } from "puppeteer-core";

const [executablePath, optionsFile, out, ...files] = process.argv.slice(2);
const options = JSON.parse(await readFile(optionsFile, "utf8"));
const browser = await launch({
  executablePath,
  pipe: true,
  args: [...(process.getuid?.() === 0 ? ["--no-sandbox"] : []), "--disable-gpu", "--font-render-hinting=none"],
});
const pages = await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), files.length) }, () => browser.newPage()),
);
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
await browser.close();
