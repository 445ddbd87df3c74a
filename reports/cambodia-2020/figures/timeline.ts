import * as Plot from "@observablehq/plot";
import { formatDate } from "../../../src/data/format.js";
import { dateEnd, dateStart } from "../../../src/data/qualified.js";
import { defineFigure } from "../../../src/figures/figure.js";
import { tableOf } from "../../../src/figures/table.js";
import { timeline } from "../../../data/cambodia-2020/datasets.js";
import type { RowsOf } from "../../../src/data/dataset.js";

type Row = RowsOf<typeof timeline>;

const START = new Date(Date.UTC(2017, 0, 1));
const END = new Date(Date.UTC(2021, 1, 1));
const WIDTH = 640;
const MARGIN = 20;
const LABEL_WIDTH = 150; // px: lineWidth below is in ems of the 11px label font
const LANE = 48;

export default defineFigure({
  id: "timeline",
  title: "From a banned opposition to a mass trial",
  subtitle: "Events from 2017 to January 2021; events known only to the month are drawn as the month",
  uses: { timeline },
  plot: ({ timeline }) => {
    const events = laneOut(shown(timeline.rows));
    const lanes = Math.max(...events.map((d) => d.lane));
    return {
      width: WIDTH,
      height: 40 + lanes * LANE,
      marginLeft: MARGIN,
      marginRight: MARGIN,
      marginTop: 10,
      x: { type: "utc", domain: [START, END], label: null },
      y: { domain: [0, lanes + 0.9], axis: null },
      marks: [
        Plot.ruleY([0], { stroke: "#333" }),
        Plot.ruleX(events, { x: "start", y1: 0, y2: "lane", stroke: "#999" }),
        Plot.rectX(
          events.filter((d) => d.precision === "month"),
          { x1: "start", x2: "end", y1: -0.12, y2: 0.12, fill: "#1d4f91" },
        ),
        Plot.dot(
          events.filter((d) => d.precision === "day"),
          { x: "start", y: 0, r: 3.5, fill: "#1d4f91" },
        ),
        Plot.text(
          events.filter((d) => d.anchor === "start"),
          {
            x: "start",
            y: "lane",
            text: "text",
            textAnchor: "start",
            lineAnchor: "bottom",
            lineWidth: LABEL_WIDTH / 11,
            dx: -3,
            fontSize: 11,
          },
        ),
        Plot.text(
          events.filter((d) => d.anchor === "end"),
          {
            x: "start",
            y: "lane",
            text: "text",
            textAnchor: "end",
            lineAnchor: "bottom",
            lineWidth: LABEL_WIDTH / 11,
            dx: 3,
            fontSize: 11,
          },
        ),
      ],
    };
  },
  table: ({ timeline }) => tableOf(timeline, ["date", "event", "source"]),
  notes: ({ timeline }) => {
    const before = timeline.rows.filter((row) => dateStart(row.date) < START);
    return before.map((row) => `Not shown: ${row.event} (${formatDate(row.date)}).`);
  },
});

function shown(rows: readonly Row[]): Row[] {
  return rows.filter((row) => dateStart(row.date) >= START && dateStart(row.date) < END);
}

/**
 * Stacks labels in lanes so that none overlap: each event takes the lowest lane whose last label ends
 * before this one starts. Labels near the right edge hang to the left of their event.
 */
function laneOut(rows: readonly Row[]) {
  const px = (date: Date) =>
    MARGIN + ((date.getTime() - START.getTime()) / (END.getTime() - START.getTime())) * (WIDTH - 2 * MARGIN);
  const ends: number[] = [];
  return rows.map((row) => {
    const start = dateStart(row.date);
    const x = px(start);
    const anchor = x + LABEL_WIDTH > WIDTH - MARGIN ? "end" : "start";
    const [left, right] = anchor === "start" ? [x, x + LABEL_WIDTH] : [x - LABEL_WIDTH, x];
    let lane = ends.findIndex((end) => end + 8 < left);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = right;
    return {
      start,
      end: dateEnd(row.date),
      precision: row.date.precision,
      lane: lane + 1,
      anchor,
      text: `${formatDate(row.date)}\n${row.event}`,
    };
  });
}
