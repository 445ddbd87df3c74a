import { describe, expect, it } from "vitest";
import { CSV, failure, project, success } from "./project.js";

describe("hostile input: encodings", () => {
  it("refuses Latin-1 text at its first byte, instead of publishing a replacement character", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("id,label,value,source\na,Caf"),
      Buffer.from([0xe9]),
      Buffer.from(",12,s\n"),
    ]);
    expect(await failure(await project({ "data/t/t.csv": latin1 }))).toBe(
      "data/t/t.csv:2:6: expected UTF-8 text, found the byte 0xE9 (Latin-1 or Windows-1252, perhaps); save the file as UTF-8",
    );
  });

  it("refuses UTF-16", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, "utf16le")]);
    expect(await failure(await project({ "data/t/t.csv": utf16 }))).toBe(
      "data/t/t.csv:1:1: expected UTF-8 text, found the byte 0xFF (Latin-1 or Windows-1252, perhaps); save the file as UTF-8",
    );
  });

  it("reads UTF-8 with a byte-order mark and Windows line ends as plain UTF-8", async () => {
    const windows = `\uFEFF${CSV.replaceAll("\n", "\r\n").replace("Alpha", "Alphé")}`;
    const { html } = await success(await project({ "data/t/t.csv": windows }));
    expect(html).toContain("<td>Alphé</td>");
    expect(html).toContain(">12</span>");
  });
});
