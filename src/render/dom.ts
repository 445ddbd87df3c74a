// What Plot asks of a browser that jsdom does not do, done for the charts' document only (never as
// globals, which would change how Plot draws): the size of SVG text and groups, from the charts'
// font metrics (Plot's static tips measure themselves), and a 2D canvas that fills rectangles and
// writes a PNG (Plot's colour ramps paint themselves on one).
import { crc32, deflateSync } from "node:zlib";
import { loadedMetrics } from "./text.js";
import { parseColor } from "./palette.js";

type Box = { x: number; y: number; width: number; height: number };

/** Gives a jsdom window's SVG elements a `getBBox` and its canvases a 2D context. */
export function completeWindow(window: Window & typeof globalThis): void {
  const svg = window.SVGElement.prototype as unknown as { getBBox: () => Box; getComputedTextLength: () => number };
  svg.getBBox = function (this: Element) {
    return boxOf(this);
  };
  svg.getComputedTextLength = function (this: Element) {
    return boxOf(this).width;
  };
  const canvas = window.HTMLCanvasElement.prototype as unknown as {
    getContext: (this: HTMLCanvasElement, kind: string) => unknown;
    toDataURL: (this: HTMLCanvasElement) => string;
  };
  const pixels = new WeakMap<HTMLCanvasElement, Uint8Array>();
  const surface = (element: HTMLCanvasElement) => {
    let data = pixels.get(element);
    if (data?.length !== element.width * element.height * 4) {
      data = new Uint8Array(element.width * element.height * 4);
      pixels.set(element, data);
    }
    return data;
  };
  canvas.getContext = function (kind) {
    if (kind !== "2d") return null;
    const element = this;
    let fill = [0, 0, 0, 255];
    return {
      set fillStyle(value: string) {
        fill = parseColor(value);
      },
      fillRect(x: number, y: number, width: number, height: number) {
        const data = surface(element);
        for (let j = Math.max(0, y); j < Math.min(element.height, y + height); j++) {
          for (let i = Math.max(0, x); i < Math.min(element.width, x + width); i++)
            data.set(fill, (j * element.width + i) * 4);
        }
      },
    };
  };
  canvas.toDataURL = function () {
    return `data:image/png;base64,${png(this.width, this.height, surface(this)).toString("base64")}`;
  };
}

/** The box of SVG text (its lines, as Plot's tips write them: a tspan with x a line) or of a group. */
function boxOf(element: Element): Box {
  const name = element.localName;
  if (name === "text" || name === "tspan") {
    const measure = loadedMetrics();
    if (!measure) throw new Error("text metrics are not loaded");
    const size = fontSize(element);
    const lines: number[] = [];
    let line = -1;
    const walk = (node: Node, bold: boolean) => {
      if (node.nodeType === 3) {
        if (line < 0) line = lines.push(0) - 1;
        lines[line]! += measure(node.textContent ?? "", size, bold);
        return;
      }
      if (node.nodeType !== 1) return;
      const child = node as Element;
      if (child.localName === "title") return;
      if (child !== element && child.localName === "tspan" && child.hasAttribute("x")) line = lines.push(0) - 1;
      const weight = child.getAttribute("font-weight");
      const heavy = weight === null ? bold : weight === "bold" || Number(weight) >= 600;
      for (const grandchild of Array.from(child.childNodes)) walk(grandchild, heavy);
    };
    walk(element, isBold(element));
    return { x: 0, y: -size, width: Math.max(0, ...lines), height: lines.length * size };
  }
  if (name === "g" || name === "svg") {
    const boxes = Array.from(element.children)
      .map(boxOf)
      .filter((box) => box.width > 0 || box.height > 0);
    if (boxes.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    return {
      x,
      y,
      width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
      height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
    };
  }
  return { x: 0, y: 0, width: 0, height: 0 };
}

function fontSize(element: Element): number {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const size = parseFloat(node.getAttribute("font-size") ?? "");
    if (size > 0) return size;
  }
  return 10; // Plot's own default
}

function isBold(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const weight = node.getAttribute("font-weight");
    if (weight !== null) return weight === "bold" || Number(weight) >= 600;
  }
  return false;
}

/** An RGBA image as PNG bytes: one IDAT, filter 0 on every row. */
function png(width: number, height: number, data: Uint8Array): Buffer {
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rows.set(data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
