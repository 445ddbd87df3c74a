// Document properties and pinned dates for a PDF from Chromium, which can set neither: the dates it
// stamps are overwritten in place (same length, so offsets stay valid) and a new Info dictionary is
// appended as an incremental update, the way PDF editors save.

/** What a PDF reader shows as the document's properties. */
export interface PdfInfo {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly creator: string;
  /** The creation date, and the modification date where it differs: pinned, so the same input gives the same bytes. */
  readonly date: Date;
  /** When it was last changed: a report's update; the creation date where unset. */
  readonly modified?: Date;
}

const DATE_ENTRY = /\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g;

/** Returns the PDF with its dates pinned and its document properties set. */
export function stampPdf(pdf: Uint8Array, info: PdfInfo): Uint8Array {
  // latin1 maps bytes to chars one to one, so string offsets are byte offsets.
  let text = Buffer.from(pdf).toString("latin1");
  const date = pdfDate(info.date);
  const modified = pdfDate(info.modified ?? info.date);
  text = text.replace(DATE_ENTRY, (entry, key: string) => {
    const pinned = `/${key} (${key === "ModDate" ? modified : date})`;
    if (pinned.length > entry.length) throw new Error(`cannot pin ${key} in place: ${entry}`);
    return pinned.padEnd(entry.length, " ");
  });

  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text);
  if (!trailer) throw new Error("unexpected PDF from the browser: no trailer at its end");
  const size = Number(/\/Size (\d+)/.exec(trailer[1]!)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer[1]!)?.[1];
  if (!size || !root) throw new Error("unexpected PDF from the browser: trailer without /Size or /Root");

  const body = text.endsWith("\n") ? text : `${text}\n`;
  const entries = [
    ["Title", info.title],
    ["Author", info.author],
    ["Subject", info.subject],
    ["Keywords", info.keywords.join(", ")],
    ["Creator", info.creator],
    ["Producer", info.creator],
  ]
    .map(([key, value]) => `/${key} ${pdfString(value!)}`)
    .join("\n");
  const object = `${size} 0 obj\n<<${entries}\n/CreationDate (${date})\n/ModDate (${modified})>>\nendobj\n`;
  const roles = roleMapped(body);
  const xref = [`${size} 1\n${String(body.length).padStart(10, "0")} 00000 n \n`];
  // Subsections in ascending order: the tree's root is an object Chromium wrote, below `size`.
  if (roles) xref.unshift(`${roles.number} 1\n${String(body.length + object.length).padStart(10, "0")} 00000 n \n`);
  const xrefOffset = body.length + object.length + (roles?.object.length ?? 0);
  const update =
    object +
    (roles?.object ?? "") +
    `xref\n${xref.join("")}` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body + update, "latin1");
}

// PDF 2.0's structure types that Chromium writes (an <aside> is an Aside, <strong> a Strong) into a PDF
// that says it is 1.4, where they are not standard, as PDF 1.7's equivalents: readers that check the
// tree (pdfinfo -struct: "StructElem object is wrong type") then read it.
const PDF2_ROLES: Readonly<Record<string, string>> = {
  Aside: "Sect",
  Strong: "Span",
  Em: "Span",
  Sub: "Span",
  Title: "H",
  FENote: "Note",
  DocumentFragment: "Part",
  Artifact: "NonStruct",
};

/** The structure tree's root again, with a RoleMap for the PDF 2.0 types the tree uses; none if it uses none. */
function roleMapped(text: string): { number: string; object: string } | undefined {
  const used = new Set([...text.matchAll(/\/S \/([A-Za-z]+)\b/g)].map((match) => match[1]!));
  const map = Object.entries(PDF2_ROLES).filter(([role]) => used.has(role));
  if (map.length === 0) return undefined;
  const root = /(\d+) 0 obj\s*<<(\/Type \/StructTreeRoot(?:(?!>>)[\s\S])*)>>\s*endobj/.exec(text);
  if (!root || root[2]!.includes("/RoleMap")) return undefined;
  const roleMap = map.map(([role, standard]) => `/${role} /${standard}`).join(" ");
  return { number: root[1]!, object: `${root[1]} 0 obj\n<<${root[2]}\n/RoleMap <<${roleMap}>>>>\nendobj\n` };
}

/** "D:20201130000000+00'00'": the PDF date format, in UTC. */
function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2020-11-30T00:00:00.000Z
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}+00'00'`;
}

/** A text string as UTF-16BE with a byte-order mark, in hex: safe for any character. */
function pdfString(value: string): string {
  let hex = "FEFF";
  for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}
