import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/build/build.js";
import { Printer } from "../../src/render/printer.js";
import { ROOT, copyProject } from "../project.js";
import { browserPath } from "./chromium.js";
import { serviceBrowser } from "./service.js";

const run = promisify(execFile);
const executable = browserPath();
const temp = (name: string) => mkdtemp(join(tmpdir(), `plotbrief-${name}-`));
const flat = (text: string) => text.replace(/\s+/g, " ");

describe.skipIf(executable === undefined)("the flagship PDF", () => {
  let pdfPath: string;
  let pdf: Buffer;
  let second: Buffer;
  let text: string;
  let memoPath: string;

  beforeAll(async () => {
    // Two builds, each with its own browser, into two folders.
    const outputs: Buffer[] = [];
    for (let i = 0; i < 2; i++) {
      const out = await temp("pdf");
      const printer = new Printer({ executablePath: executable! });
      try {
        await buildReport("cambodia-2020", { root: ROOT, out, formats: ["pdf"], printer });
        // The memo too, once, with the same browser: its margins are not the briefing's.
        if (i === 0) await buildReport("cambodia-2020-memo", { root: ROOT, out, formats: ["pdf"], printer });
      } finally {
        await printer.close();
      }
      pdfPath = join(out, "cambodia-2020/cambodia-2020.pdf");
      if (i === 0) memoPath = join(out, "cambodia-2020-memo/cambodia-2020-memo.pdf");
      outputs.push(await readFile(pdfPath));
    }
    [pdf, second] = outputs as [Buffer, Buffer];
    text = flat((await run("pdftotext", [pdfPath, "-"])).stdout);
  });

  it("holds the title, every figure's title, source line and table, and page numbers", async () => {
    const { loadReport } = await import("../../src/report/load.js");
    const { resolveFigure } = await import("../../src/figures/figure.js");
    const report = await loadReport(ROOT, "cambodia-2020");
    expect(text).toContain(report.notebook.front.title);
    for (const spec of report.spec.figures) {
      const figure = resolveFigure(spec, report.datasets);
      expect(text).toContain(flat(figure.title));
      expect(text).toContain(flat(figure.source));
    }
    // The figures' tables, in an appendix after the report, each under its figure's number and title.
    const appendix = text.slice(text.lastIndexOf("Tables Figure 1"));
    expect(appendix).toContain("Figure 3 How many were summoned? It depends who counted what Reported by");
    expect(appendix).toContain("Figure 4 From a banned opposition to a mass trial Date Event Source");
    const pages = Number(/^Pages: +(\d+)$/m.exec((await run("pdfinfo", [pdfPath])).stdout)![1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it("has the page count, title, author and dates in its document properties, and is tagged", async () => {
    const info = (await run("pdfinfo", [pdfPath])).stdout;
    // Created when the report was published, modified when it was updated.
    const dates = (await run("pdfinfo", ["-isodates", pdfPath])).stdout;
    expect(dates).toMatch(/^CreationDate: +2020-11-30T00:00:00Z$/m);
    expect(dates).toMatch(/^ModDate: +2021-04-28T00:00:00Z$/m);
    expect(info).toMatch(/^Title: +Pressure from both sides: the US, the EU and Cambodia in late 2020$/m);
    expect(info).toMatch(/^Author: +The plotbrief worked example$/m);
    expect(info).toMatch(/^Tagged: +yes$/m);
    expect(info).toMatch(/^Page size: +595\.92 x 841\.92 pts \(A4\)$/m);
    expect(Number(/^Pages: +(\d+)$/m.exec(info)![1])).toBeGreaterThanOrEqual(3);
  });

  it("has a structure tree that pdfinfo -struct reads without an error, the memo's too", async () => {
    const { stdout, stderr } = await run("pdfinfo", ["-struct", pdfPath]);
    expect(stdout).toMatch(/^Document$/m);
    expect(stdout).toMatch(/^ +H2 \(block\)$/m);
    expect(`${stdout}\n${stderr}`).not.toMatch(/error|wrong type/i);
    // The memo's sources line is <strong>: Chromium's Strong, mapped to a Span.
    const memo = await run("pdfinfo", ["-struct", memoPath]);
    expect(memo.stdout).toMatch(/^ +Span \(inline\)$/m);
    expect(`${memo.stdout}\n${memo.stderr}`).not.toMatch(/error|wrong type/i);
  });

  it("has no running header on page 1, whose title block is just below it, and has one on page 2", async () => {
    const page = async (n: number) => flat((await run("pdftotext", ["-f", `${n}`, "-l", `${n}`, pdfPath, "-"])).stdout);
    const title = "Pressure from both sides: the US, the EU and Cambodia in late 2020";
    expect((await page(1)).split(title).length - 1).toBe(1);
    expect(await page(2)).toContain(`${title} Briefing`);
  });

  it("sets the footer (and header) on the text column, in the briefing and in the memo", async () => {
    for (const [path, pageNumber] of [
      [pdfPath, 2],
      [memoPath, 1],
    ] as const) {
      const words = await wordBoxes(path, pageNumber);
      const footer = words.filter((word) => word.yMin > 800);
      const body = words.filter((word) => word.yMin > 50 && word.yMin < 780);
      // The text column: from the body's left edge to as far from the A4 page's right edge (both
      // templates set equal side margins); no body text reaches past it, and the footer spans it.
      const left = Math.min(...body.map((word) => word.xMin));
      const right = A4_WIDTH - left;
      expect(Math.max(...body.map((word) => word.xMax)), path).toBeLessThan(right + 1);
      expect(Math.abs(Math.min(...footer.map((word) => word.xMin)) - left), path).toBeLessThan(2);
      expect(Math.abs(Math.max(...footer.map((word) => word.xMax)) - right), path).toBeLessThan(2);
      const header = words.filter((word) => word.yMin < 40);
      if (header.length > 0) expect(Math.abs(Math.min(...header.map((word) => word.xMin)) - left)).toBeLessThan(2);
    }
  });

  it("has bookmarks from the report's headings", () => {
    const bytes = pdf.toString("latin1");
    expect(bytes).toContain("/Outlines");
    for (const heading of ["The economy: from a boom to a contraction", "The courts: how many were summoned?"]) {
      expect(bytes).toContain(`/Title (${heading})`);
    }
  });

  it("embeds every font, all of them the report's own", async () => {
    const rows = (await run("pdffonts", [pdfPath])).stdout.trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [name, type, , , emb] = row.split(/\s+/);
      // Chromium sets the halos behind chart labels (stroked text) as Type 3 glyphs of the same fonts.
      if (name === "[none]") expect(type).toBe("Type");
      else expect(name).toMatch(/^[A-Z]{6}\+Source(Sans3|Serif4)/);
      expect(emb).toBe("yes");
    }
    expect(rows.filter((row) => !row.startsWith("[none]")).length).toBeGreaterThanOrEqual(4);
  });

  it("is byte for byte the same when built again with another browser", () => {
    expect(second.equals(pdf)).toBe(true);
  });

  it("looks like its golden page 1, rasterised", async () => {
    const dir = await temp("raster");
    await run("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", pdfPath, join(dir, "page")]);
    const actual = await readFile(join(dir, (await readdir(dir))[0]!));
    const golden = join(ROOT, "test/output/cambodia-2020/page-1.png");
    if (process.env.UPDATE_GOLDEN === "1") await writeFile(golden, actual);
    const differing = pixelDifference(PNG.sync.read(await readFile(golden)), PNG.sync.read(actual));
    if (differing > 0.005) await writeFile(golden.replace(/\.png$/, "-changed.png"), actual);
    expect(differing, "share of pixels that differ from test/output/cambodia-2020/page-1.png").toBeLessThanOrEqual(
      0.005,
    );
  });
});

/** Every word of a PDF page with its box, in points from the top left. */
/** An A4 page's width in PDF points. */
const A4_WIDTH = 595.28;

async function wordBoxes(path: string, page: number) {
  const { stdout } = await run("pdftotext", ["-bbox", "-f", `${page}`, "-l", `${page}`, path, "-"]);
  return [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)].map(
    ([, xMin, yMin, xMax, word]) => ({ xMin: Number(xMin), yMin: Number(yMin), xMax: Number(xMax), word: word! }),
  );
}

/** Share of pixels whose colour differs by more than a little, or 1 if the sizes differ. */
function pixelDifference(a: PNG, b: PNG): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const delta = Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!)));
    if (delta > 48) differing++;
  }
  return differing / (a.width * a.height);
}

describe.skipIf(executable === undefined)("Printer", () => {
  let printer: Printer;

  beforeAll(() => {
    printer = new Printer({ executablePath: executable!, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await printer?.close();
  });

  const page = (body: string) => `<!DOCTYPE html><html><head><title>t</title></head><body>${body}</body></html>`;
  const print = { format: "A4" as const };

  it("blocks a request to anything outside the page and names it", async () => {
    await expect(printer.pdf("x.pdf", page('<img src="https://example.com/map.png" alt="">'), print)).rejects.toThrow(
      "x.pdf: the page tried to load from outside itself (blocked):\n  https://example.com/map.png\n",
    );
  });

  it("times out a print that hangs, with a clear error, and prints the next page", async () => {
    await expect(printer.pdf("hang.pdf", page("<script>for (;;) {}</script>"), print)).rejects.toThrow(
      "hang.pdf: printing timed out after 2000 ms",
    );
    const pdf = await printer.pdf("next.pdf", page("<p>fine</p>"), print);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("relaunches a crashed browser once", async () => {
    // A printer of its own, with the default timeout: a relaunch on a busy machine takes longer than 2 s.
    const relaunching = new Printer({ executablePath: executable! });
    try {
      await relaunching.pdf("before.pdf", page("<p>one</p>"), print);
      const pid = await relaunching.pid();
      process.kill(pid!, "SIGKILL");
      await new Promise((resolve) => setTimeout(resolve, 200));
      const pdf = await relaunching.pdf("after.pdf", page("<p>two</p>"), print);
      expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
      expect(await relaunching.pid()).not.toBe(pid);
    } finally {
      await relaunching.close();
    }
  });
});

describe.skipIf(executable === undefined)("plotbrief build with a browser", () => {
  const cli = join(ROOT, "bin/plotbrief.js");

  /** Chromium processes whose command line mentions `dir` (each build's profile lives in its TMPDIR). */
  async function browsersUnder(dir: string): Promise<number[]> {
    const pids: number[] = [];
    for (const entry of await readdir("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
      if (cmdline.includes(dir) && !cmdline.includes("plotbrief.js")) pids.push(Number(entry));
    }
    return pids;
  }

  /** What plotbrief or puppeteer left in a TMPDIR (tsx keeps its compile cache there, by design). */
  const ours = async (dir: string) => (await readdir(dir)).filter((name) => !name.startsWith("tsx-"));

  it("writes PNGs of each figure at twice their size, and leaves no browser or profile behind", async () => {
    const root = await copyProject();
    const tmp = await temp("tmpdir");
    await run(process.execPath, [cli, "build", "cambodia-2020", "--format", "png"], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
    });
    // The exported file, with its furniture, shot at twice its size; its social card at 1,200 by 675.
    const svg = await readFile(join(root, "out/cambodia-2020/figures/summons.svg"), "utf8").catch(() => undefined);
    expect(svg).toBeUndefined();
    const png = PNG.sync.read(await readFile(join(root, "out/cambodia-2020/figures/summons.png")));
    expect(png.width).toBe(2 * (658 + 40));
    const card = PNG.sync.read(await readFile(join(root, "out/cambodia-2020/figures/summons.card.png")));
    expect([card.width, card.height]).toEqual([1200, 675]);
    expect(await browsersUnder(tmp)).toEqual([]);
    expect(await ours(tmp)).toEqual([]);
  });

  it("prints US Letter when the front matter asks, dated SOURCE_DATE_EPOCH when set", async () => {
    const root = await copyProject();
    const notebook = join(root, "reports/cambodia-2020/index.md");
    await writeFile(notebook, (await readFile(notebook, "utf8")).replace("paper: a4", "paper: letter"));
    await run(process.execPath, [cli, "build", "--format", "pdf"], {
      cwd: root,
      env: { ...process.env, SOURCE_DATE_EPOCH: "1609459200" },
    });
    const info = (await run("pdfinfo", ["-isodates", join(root, "out/cambodia-2020/cambodia-2020.pdf")])).stdout;
    expect(info).toMatch(/^Page size: +612 x 792 pts \(letter\)$/m);
    expect(info).toMatch(/^CreationDate: +2021-01-01T00:00:00Z$/m);
  });

  it("fails on an external image in a notebook, naming it, and leaves no browser behind", async () => {
    const root = await copyProject();
    const tmp = await temp("tmpdir");
    const notebook = join(root, "reports/cambodia-2020/index.md");
    await writeFile(notebook, `${await readFile(notebook, "utf8")}\n![A map](https://example.com/map.png)\n`);
    const failed = await run(process.execPath, [cli, "build"], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
    }).then(
      () => expect.fail("the build succeeded"),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /^error: reports\/cambodia-2020\/index\.md:\d+: image https:\/\/example\.com\/map\.png is outside the report, which must work offline as one file; embed it as a data: URL\n$/,
    );
    expect(await browsersUnder(tmp)).toEqual([]);
    expect(await ours(tmp)).toEqual([]);
  });

  it("leaves no browser or profile behind when stopped with Ctrl-C", async () => {
    const root = await copyProject();
    const tmp = await temp("tmpdir");
    const child = execFile(process.execPath, [cli, "build", "--format", "pdf"], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 20_000;
    while ((await browsersUnder(tmp)).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await browsersUnder(tmp)).length).toBeGreaterThan(0);
    child.kill("SIGINT");
    expect(await exited, stderr).toBe(130);
    // The browser's own helper processes take a moment to go once it is killed.
    for (let i = 0; i < 50 && (await browsersUnder(tmp)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await browsersUnder(tmp)).toEqual([]);
    for (let i = 0; i < 20 && (await ours(tmp)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await ours(tmp)).toEqual([]);
  });

  it("prints under a TMPDIR as long as macOS's, and leaves nothing there or in /tmp", async () => {
    const root = await copyProject();
    const long = join(await temp("tmpdir"), "T".repeat(60));
    await mkdir(long);
    const before = (await readdir("/tmp")).filter((name) => name.startsWith("plotbrief-"));
    const { stdout } = await run(process.execPath, [cli, "build", "cambodia-2020", "--format", "pdf"], {
      cwd: root,
      env: { ...process.env, TMPDIR: long },
    });
    expect(stdout).toMatch(/^wrote out\/cambodia-2020\/cambodia-2020\.pdf /m);
    expect(await ours(long)).toEqual([]);
    // Other tests running beside this one may have folders of their own there: only a dead process's count.
    const alive = (pid: number) => {
      try {
        return process.kill(pid, 0);
      } catch {
        return false;
      }
    };
    const left = (await readdir("/tmp")).filter((name) => {
      const pid = Number(/^plotbrief-(\d+)-/.exec(name)?.[1]);
      return pid && !before.includes(name) && !alive(pid);
    });
    expect(left).toEqual([]);
  });

  it("removes at its next start the profile of a build killed with SIGKILL", async () => {
    const root = await copyProject();
    const tmp = await temp("tmpdir");
    const child = execFile(process.execPath, [cli, "build", "--format", "pdf"], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
    });
    const deadline = Date.now() + 20_000;
    while ((await browsersUnder(tmp)).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    // The browser's pipe closes with its parent, and the browser ends by itself.
    for (let i = 0; i < 100 && (await browsersUnder(tmp)).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await browsersUnder(tmp)).toEqual([]);
    const left = await ours(tmp);
    expect(left).toEqual([expect.stringMatching(/^plotbrief-chromium-\d+-\w+$/)]);
    await run(process.execPath, [cli, "build", "cambodia-2020", "--format", "pdf"], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
    });
    expect(await ours(tmp)).toEqual([]);
  });

  it("prints with an already running browser given by --browser-ws-endpoint, and leaves it running", async () => {
    const { endpoint, browser, close } = await serviceBrowser(executable!);
    try {
      const root = await copyProject();
      const http = endpoint.replace(/^ws:\/\/([^/]+)\/.*$/, "http://$1");
      const pages = async () =>
        ((await (await fetch(`${http}/json/list`)).json()) as { type: string }[]).filter((t) => t.type === "page")
          .length;
      const before = await pages();
      const { stdout } = await run(
        process.execPath,
        [cli, "build", "--format", "pdf", "--browser-ws-endpoint", endpoint],
        {
          cwd: root,
        },
      );
      expect(stdout).toMatch(/^wrote out\/cambodia-2020\/cambodia-2020\.pdf /m);
      expect(browser.exitCode).toBeNull();
      expect(await pages(), "tabs left open in the shared browser").toBe(before);
      // Chrome's own address, http://host:port, will do: plotbrief asks it for the WebSocket's.
      const byHttp = await run(
        process.execPath,
        [cli, "build", "cambodia-2020-memo", "--format", "pdf", "--out", "by-http", "--browser-ws-endpoint", http],
        { cwd: root },
      );
      expect(byHttp.stdout).toMatch(/^wrote by-http\/cambodia-2020-memo\/cambodia-2020-memo\.pdf /m);
      expect(browser.exitCode).toBeNull();
    } finally {
      await close();
    }
  });

  it("prints from three processes at once through one browser service, a page each, connecting again each time it drops them", async () => {
    const { endpoint, browser, close } = await serviceBrowser(executable!);
    // A proxy in front of the service that drops the first two connections once a page is on its way:
    // a browser of plotbrief's own is started again once, a service is connected to again a few times.
    let connections = 0;
    let dropped = 0;
    const proxy = createServer((client) => {
      const first = ++connections <= 2;
      const upstream = connect(Number(new URL(endpoint).port), "127.0.0.1");
      let sent = 0;
      client.on("data", (chunk: Buffer) => {
        sent += chunk.length;
        if (first && sent > 100_000 && !client.destroyed) {
          dropped++;
          client.destroy();
          upstream.destroy();
          return;
        }
        upstream.write(chunk);
      });
      upstream.on("data", (chunk) => client.write(chunk));
      for (const socket of [client, upstream]) socket.on("error", () => {}).on("close", () => client.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const through = endpoint.replace(/:\d+\//, `:${(proxy.address() as AddressInfo).port}/`);
      const builds = [through, endpoint, endpoint].map(async (url) => {
        const root = await copyProject();
        const args = [cli, "build", "cambodia-2020", "--format", "pdf", "--browser-ws-endpoint", url, "--pages", "1"];
        await run(process.execPath, args, { cwd: root });
        return readFile(join(root, "out/cambodia-2020/cambodia-2020.pdf"));
      });
      for (const pdf of await Promise.all(builds)) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(dropped).toBe(2);
      expect(connections, "connected again after each drop").toBeGreaterThanOrEqual(3);
      expect(browser.exitCode).toBeNull();
    } finally {
      proxy.close();
      await close();
    }
  });
});
