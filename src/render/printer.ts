// Printing pages with a browser: one browser started early, one page reused, every outside request
// blocked and named, timeouts, and one relaunch if the browser crashes.
import { availableParallelism } from "node:os";
import type { Page, PDFOptions } from "puppeteer-core";
import { stat } from "node:fs/promises";
import { UserError } from "../error.js";
import { findBrowser } from "./browser.js";
import { openBrowser } from "./launch.js";
import type { BrowserOptions, BrowserSession } from "./launch.js";

export interface PrinterOptions extends BrowserOptions {
  /** How long loading and printing one page may take before it is abandoned. Default 60 s. */
  readonly timeoutMs?: number;
  /** How many pages print at once: by default one per core. */
  readonly pages?: number;
}

/** Print settings from the template and the report: paper, margins, running header and footer. */
export type PagePrint = Pick<
  PDFOptions,
  "format" | "margin" | "displayHeaderFooter" | "headerTemplate" | "footerTemplate" | "printBackground"
>;

class PrintTimeout extends Error {}

/** How many times a print connects again to a browser service (`wsEndpoint`) that dropped it. */
const SERVICE_RETRIES = 3;

const VIEWPORT = { width: 760, height: 1000, deviceScaleFactor: 2 };

export class Printer {
  readonly #options: PrinterOptions;
  #session: Promise<BrowserSession>;
  // How many times the browser was started or connected again after it was lost.
  #reopened = 0;
  // A pool of pages, reused across prints: idle ones, how many exist, and prints waiting for one.
  #idle: Page[] = [];
  #pages = 0;
  #waiting: ((page: Page | undefined) => void)[] = [];
  #blocked = new WeakMap<Page, string[]>();
  // The first page, being opened as soon as the browser is ready.
  #warming: Promise<void> = Promise.resolve();

  /** Resolves once the browser's process has started (or failed to): see {@link Printer.constructor}. */
  readonly started: Promise<void>;

  /**
   * Starts the browser at once, so that its start-up overlaps the work done before the first print,
   * and opens a first page as soon as it is ready. A caller about to hold the main thread for long
   * (loading jsdom) awaits `started` first.
   */
  constructor(options: PrinterOptions = {}) {
    this.#options = options;
    let spawned!: () => void;
    const spawn = new Promise<void>((resolve) => (spawned = resolve));
    this.#session = this.#open(spawned);
    this.started = Promise.race([
      spawn,
      this.#session.then(
        () => {},
        () => {},
      ),
    ]);
  }

  #open(onSpawn?: () => void): Promise<BrowserSession> {
    const session = openBrowser({
      ...this.#options,
      startTimeoutMs: this.#timeout,
      ...(onSpawn ? { onSpawn } : {}),
    });
    session.catch(() => {}); // reported when the browser is first used, not when it fails to start
    // The first page is opened while the browser waits for work: making one takes a third of a second.
    this.#warming = session.then(
      async () => {
        if (this.#pages > 0) return;
        this.#pages++;
        await this.#newPage().then(
          (page) => this.#release(page, true),
          () => {
            this.#pages--;
            this.#waiting.shift()?.(undefined);
          },
        );
      },
      () => {},
    );
    return session;
  }

  get #timeout(): number {
    return this.#options.timeoutMs ?? 60_000;
  }

  /** Prints a page to PDF. `what` names it in errors: "cambodia-2020.pdf". */
  pdf(what: string, html: string, print: PagePrint): Promise<Uint8Array> {
    return this.#run(what, html, (page) =>
      page.pdf({ ...print, tagged: true, outline: true, waitForFonts: true, timeout: 0 }),
    );
  }

  /**
   * Screenshots elements of a page as PNG, keyed by selector: at twice the CSS pixel size, or at
   * `scale` times (a social card is drawn at its pixel size, 1,200 by 675, and shot at 1).
   */
  png(what: string, html: string, selectors: readonly string[], scale = 2): Promise<Map<string, Uint8Array>> {
    return this.#run(what, html, async (page) => {
      if (scale !== 2) await page.setViewport({ ...VIEWPORT, deviceScaleFactor: scale });
      try {
        const shots = new Map<string, Uint8Array>();
        for (const selector of selectors) {
          const element = await page.$(selector);
          if (!element) throw new Error(`${what}: no element ${selector} in the page`);
          shots.set(selector, await element.screenshot({ type: "png", omitBackground: false }));
        }
        return shots;
      } finally {
        if (scale !== 2) await page.setViewport(VIEWPORT);
      }
    });
  }

  async #run<T>(what: string, html: string, job: (page: Page) => Promise<T>): Promise<T> {
    for (;;) {
      const used = this.#session;
      try {
        return await this.#attempt(what, html, job);
      } catch (error) {
        const session = await used.catch(() => undefined);
        if (!session || session.browser.connected) throw error;
        // Another print met the same loss and has connected again: try on the new session.
        if (this.#session !== used) continue;
        const { wsEndpoint } = this.#options;
        if (this.#reopened >= (wsEndpoint ? SERVICE_RETRIES : 1)) {
          const why = session.exited() ?? "its connection closed";
          throw new UserError(
            wsEndpoint
              ? `${what}: the browser service at ${wsEndpoint} dropped the connection ${this.#reopened + 1} times (${why}); give each process fewer pages (--pages) or the service more room`
              : `${what}: the browser stopped while printing, twice: ${why}`,
          );
        }
        // The browser died under us, or a shared service dropped us: start or connect again (a
        // browser of our own once; a service a few times, waiting longer each time) and try again.
        // The new session is in place at once, so that prints failing beside this one wait for it.
        this.#reopened++;
        this.#pages -= this.#idle.length;
        this.#idle = [];
        const wait = wsEndpoint ? 250 * 2 ** (this.#reopened - 1) : 0;
        this.#session = (async () => {
          await session.close().catch(() => {});
          await new Promise((resolve) => setTimeout(resolve, wait));
          return this.#open();
        })();
        this.#session.catch(() => {}); // reported by the print that awaits it
      }
    }
  }

  async #attempt<T>(what: string, html: string, job: (page: Page) => Promise<T>): Promise<T> {
    let page: Page | undefined;
    const blocked: string[] = [];
    const refuse = () => {
      if (blocked.length === 0) return;
      const urls = blocked.map((url) => `  ${url}`).join("\n");
      throw new UserError(
        `${what}: the page tried to load from outside itself (blocked):\n${urls}\nEmbed the file in the report instead.`,
      );
    };
    // A browser that never answers fails here, after its start timeout, saying which browser it was.
    await this.#session;
    // The timeout covers waiting for a page too.
    const work = (async () => {
      page = await this.#acquire();
      this.#blocked.set(page, blocked);
      await page.setContent(html, { waitUntil: "load", timeout: 0 });
      refuse();
      const result = await job(page);
      refuse(); // print-only styles and lazy images load while printing
      return result;
    })();
    // Puppeteer's own timeouts miss a page whose script never yields, so the whole job is raced.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeout()), this.#timeout);
    });
    let healthy = false;
    try {
      const result = await Promise.race([work, timeout]);
      healthy = true;
      return result;
    } catch (error) {
      healthy = error instanceof UserError;
      if (!(error instanceof PrintTimeout) && (error as Error).name !== "TimeoutError") throw error;
      work.catch(() => {});
      throw new UserError(`${what}: printing timed out after ${this.#timeout} ms`);
    } finally {
      clearTimeout(timer);
      // A page that hung or broke is closed; the next print gets a fresh one. A page still being
      // acquired when the time ran out is released when it comes.
      if (page) this.#release(page, healthy);
      else void work.then(() => page && this.#release(page, false)).catch(() => page && this.#release(page, false));
    }
  }

  async #acquire(): Promise<Page> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#pages < (this.#options.pages ?? availableParallelism())) {
      this.#pages++;
      try {
        return await this.#newPage();
      } catch (error) {
        this.#pages--;
        throw error;
      }
    }
    const page = await new Promise<Page | undefined>((resolve) => this.#waiting.push(resolve));
    return page ?? this.#acquire();
  }

  #release(page: Page, healthy: boolean): void {
    if (!healthy) {
      this.#pages--;
      void page.close().catch(() => {});
      this.#waiting.shift()?.(undefined);
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter) waiter(page);
    else this.#idle.push(page);
  }

  async #newPage(): Promise<Page> {
    const { browser } = await this.#session;
    const page = await browser.newPage();
    // Our pages forbid every request by CSP; here the requests are let through to be blocked and named.
    await page.setBypassCSP(true);
    await page.setViewport(VIEWPORT);
    // What is printed is light, whatever the machine prefers: the PDF, the PNGs and the cards.
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("data:") || url === "about:blank") return void request.continue();
      this.#blocked.get(page)?.push(url);
      void request.abort("blockedbyclient");
    });
    return page;
  }

  /**
   * Which browser prints, for cache keys (its bytes differ from another's): the program and its size and
   * date, or the running browser's address. Known without waiting for the browser to start.
   */
  async identity(): Promise<string> {
    const { executablePath, wsEndpoint, env = process.env } = this.#options;
    if (wsEndpoint) return wsEndpoint;
    const path =
      executablePath ??
      (await findBrowser(env).then(
        (found) => found.path,
        () => "none",
      ));
    const info = await stat(path).catch(() => undefined);
    return `${path} ${info?.size} ${info?.mtimeMs}`;
  }

  /** The process id of a browser this printer launched, if it is running: for diagnostics and tests. */
  async pid(): Promise<number | undefined> {
    const session = await this.#session.catch(() => undefined);
    return session?.pid;
  }

  /** Closes the page and the browser (or disconnects from a shared one). */
  async close(): Promise<void> {
    await this.#warming;
    const session = await this.#session.catch(() => undefined);
    // Pages are closed too: in a shared browser they would otherwise stay open after we disconnect.
    await Promise.all(this.#idle.map((page) => page.close().catch(() => {})));
    this.#idle = [];
    await session?.close();
  }
}
