// The live preview answers only pages on this machine: a page elsewhere that reaches it through DNS
// rebinding (another Host) or another site's script (another Origin) is refused.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { project } from "../hostile/project.js";
import { ROOT } from "../project.js";

let server: ChildProcess;
let port: number;

beforeAll(async () => {
  const root = await project();
  // No browser: the preview runs without PDFs.
  server = spawn(process.execPath, [join(ROOT, "bin/plotbrief.js"), "dev", "--port", "0"], {
    cwd: root,
    env: { ...process.env, PLOTBRIEF_BROWSER: "/nonexistent/chromium" },
  });
  port = await new Promise<number>((resolve, reject) => {
    let output = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /plotbrief dev: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    server.on("exit", (code) => reject(new Error(`dev exited with ${code}: ${output}`)));
  });
});

afterAll(() => {
  server?.kill("SIGINT");
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: `127.0.0.1:${port}`, ...headers } });
    req.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => {
        body += chunk.toString();
        // The event stream never ends: its first line is enough.
        if (response.headers["content-type"] === "text/event-stream") {
          response.destroy();
          resolve({ status: response.statusCode!, body });
        }
      });
      response.on("end", () => resolve({ status: response.statusCode!, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("plotbrief dev, asked from elsewhere", () => {
  it("answers a page on this machine", async () => {
    expect((await get("/")).status).toBe(200);
    expect((await get("/", { host: `localhost:${port}` })).status).toBe(200);
    expect((await get("/_plotbrief/events?report=r", { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });

  it("refuses another Host, as a DNS rebinding page would send", async () => {
    const { status, body } = await get("/r/", { host: "evil.example" });
    expect(status).toBe(403);
    expect(body).toBe(
      'plotbrief dev answers only to localhost, 127.0.0.1, [::1] (this request came for "evil.example")\n',
    );
  });

  it("refuses another site's page on the event stream", async () => {
    const { status, body } = await get("/_plotbrief/events?report=r", { origin: "http://evil.example" });
    expect(status).toBe(403);
    expect(body).toContain('from "http://evil.example"');
  });

  it("answers 400 to a malformed path and 404 to an unknown report", async () => {
    expect(await get("/%")).toEqual({ status: 400, body: 'plotbrief dev: malformed path "/%"\n' });
    expect((await get("/nope/")).status).toBe(404);
  });
});
