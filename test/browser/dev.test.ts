import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser } from "../../src/render/launch.js";
import type { BrowserSession } from "../../src/render/launch.js";
import { ROOT, copyProject } from "../project.js";
import { browserPath } from "./chromium.js";

const executable = browserPath();

describe.skipIf(executable === undefined)("plotbrief dev in Chromium", () => {
  let root: string;
  let server: ChildProcess;
  let url: string;
  let session: BrowserSession;
  let browser: Browser;
  let page: Page;
  let csv: string;
  let original: string;

  beforeAll(async () => {
    root = await copyProject();
    csv = join(root, "data/cambodia-2020/tariff.csv");
    original = await readFile(csv, "utf8");
    server = spawn(process.execPath, [join(ROOT, "bin/plotbrief.js"), "dev", "--port", "0"], { cwd: root });
    url = await new Promise<string>((resolve, reject) => {
      let output = "";
      server.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /plotbrief dev: (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      server.on("exit", (code) => reject(new Error(`dev exited with ${code}: ${output}`)));
    });
    session = await openBrowser({ executablePath: executable! });
    browser = session.browser;
    page = await browser.newPage();
    await page.goto(`${url}cambodia-2020/`, { waitUntil: "load" });
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
  });

  afterAll(async () => {
    await session?.close();
    server?.kill("SIGINT");
  });

  const text = () => page.evaluate(() => document.body.innerText);
  const waitForText = (needle: string) =>
    page.waitForFunction((n: string) => document.body.innerText.includes(n), { timeout: 10_000 }, needle);

  it("lists the reports, with each PDF a click away", async () => {
    const index = await (await fetch(url)).text();
    expect(index).toContain('<a href="/cambodia-2020/">cambodia-2020</a>');
    const pdf = await fetch(`${url}cambodia-2020/cambodia-2020.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("shows a changed value in the prose and the chart without reloading the page", async () => {
    expect(await text()).toContain("tariffs apply to about 20% of Cambodia");
    await writeFile(
      csv,
      original.replace(
        "lost-share,Share of Cambodia's yearly exports to the EU that lost duty-free access,20,",
        "lost-share,Share of Cambodia's yearly exports to the EU that lost duty-free access,25,",
      ),
    );
    await waitForText("tariffs apply to about 25% of Cambodia");
    expect(await page.$eval("#figure-tariff-share svg", (svg) => svg.textContent)).toContain(
      "about 25%: tariffs reinstated",
    );
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it("shows a located error in the page when the data breaks, and clears it when fixed", async () => {
    await writeFile(csv, original.replace("duty-free access,20,percent", "duty-free access,n/a,percent"));
    await page.waitForSelector("#plotbrief-error", { timeout: 10_000 });
    expect(await page.$eval("#plotbrief-error", (box) => box.textContent)).toBe(
      'data/cambodia-2020/tariff.csv:2: column "value": expected a number, found "n/a"',
    );
    await writeFile(csv, original.replace("duty-free access,20,percent", "duty-free access,30,percent"));
    await waitForText("tariffs apply to about 30% of Cambodia");
    expect(await page.$("#plotbrief-error")).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });
});
