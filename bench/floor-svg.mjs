// The floor for a build without a browser: a bare Node script that imports jsdom and Plot, draws the
// flagship's four charts from its data files with plain Plot calls (the same marks, data and sizes;
// no plotbrief), and writes the four SVGs into one file.
// Usage: node bench/floor-svg.mjs <data-dir> <out-file>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";

const [data, out] = process.argv.slice(2);
const { document } = new JSDOM("<!DOCTYPE html>").window;
const csv = (file) => {
  const [head, ...lines] = readFileSync(join(data, file), "utf8").trim().split("\n");
  const names = head.split(",");
  // Enough of CSV for these files: quoted fields may hold commas and doubled quotes.
  const cells = (line) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .slice(0, names.length)
      .map((m) => m[1].replace(/^"|"$/g, "").replaceAll('""', '"'));
  return lines.map((line) => Object.fromEntries(cells(line).map((cell, i) => [names[i], cell])));
};
const font = { "font-family": '"Source Sans 3", system-ui, sans-serif', "font-size": "12" };
const svg = (options) => {
  const node = Plot.plot({ width: 640, ...options, document });
  for (const [name, value] of Object.entries(font)) node.setAttribute(name, value);
  return node.outerHTML;
};

const tariff = csv("tariff.csv").filter((row) => row.id === "lost-share");
const gdp = csv("gdp.csv").map((row) => ({ ...row, growth: Number(row.growth) }));
const summons = csv("summons.csv").map((row) => ({ ...row, count: Number(row.count) }));
const timeline = JSON.parse(readFileSync(join(data, "timeline.json"), "utf8")).map((row) => ({
  ...row,
  start: new Date(Date.UTC(...row.date.split("-").map((n, i) => Number(n) - (i === 1 ? 1 : 0)))),
}));

const charts = [
  svg({
    height: 90,
    x: { domain: [0, 100], label: "Share of exports to the EU (%)" },
    marks: [
      Plot.barX([100], { x: (d) => d, fill: "#ddd" }),
      Plot.barX(tariff, { x: (d) => Number(d.value), fill: "#b2182b" }),
      Plot.text(tariff, {
        x: (d) => Number(d.value),
        text: (d) => `about ${d.value}%: tariffs reinstated`,
        textAnchor: "start",
        dx: 5,
      }),
    ],
  }),
  svg({
    height: 25 + gdp.length * 26,
    marginLeft: 190,
    x: { domain: [-13, 12], label: "Real GDP growth (%)" },
    y: { domain: gdp.map((d) => `${d.year} ${d.forecaster} ${d.id}`), label: null, tickSize: 0 },
    marks: [
      Plot.gridX({ stroke: "#ccc", strokeOpacity: 1 }),
      Plot.barX(gdp, {
        x: "growth",
        y: (d) => `${d.year} ${d.forecaster} ${d.id}`,
        fill: (d) => (d.kind === "actual" ? "#1d4f91" : "white"),
        stroke: "#1d4f91",
        insetTop: 4,
        insetBottom: 4,
      }),
      Plot.ruleX([0], { stroke: "#333" }),
      Plot.text(gdp, {
        x: "growth",
        y: (d) => `${d.year} ${d.forecaster} ${d.id}`,
        text: (d) => `${d.growth}%`,
        textAnchor: "start",
        dx: 5,
      }),
    ],
  }),
  svg({
    height: 25 + summons.length * 56,
    marginLeft: 215,
    x: { domain: [0, 130], label: "People summoned" },
    y: { domain: summons.map((d) => d.reported_by), label: null, tickSize: 0 },
    marks: [
      Plot.gridX({ stroke: "#ccc", strokeOpacity: 1 }),
      Plot.barX(summons, { x: "count", y: "reported_by", fill: "#5b3a8c", insetTop: 6, insetBottom: 30 }),
      Plot.text(summons, {
        x: "count",
        y: "reported_by",
        text: (d) => String(d.count),
        textAnchor: "start",
        dx: 5,
        dy: -12,
      }),
      Plot.text(summons, {
        x: 0,
        y: "reported_by",
        text: "counted",
        textAnchor: "start",
        lineAnchor: "top",
        dy: 2,
        lineWidth: 38,
      }),
      Plot.ruleX([0], { stroke: "#333" }),
    ],
  }),
  svg({
    height: 25 + timeline.length * 22,
    marginLeft: 10,
    x: { domain: [new Date(Date.UTC(2017, 0, 1)), new Date(Date.UTC(2021, 1, 1))], label: null },
    y: { domain: timeline.map((d) => d.id), axis: null },
    marks: [
      Plot.dot(timeline, { x: "start", y: "id", fill: "#333" }),
      Plot.text(timeline, { x: "start", y: "id", text: "event", textAnchor: "start", dx: 6 }),
    ],
  }),
];
writeFileSync(out, `${charts.join("\n")}\n`);
