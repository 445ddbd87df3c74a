import {
  Plot,
  PreciseDate,
  dateEnd,
  dateStart,
  defineFigure,
  formatDate,
  formatPeriod,
  palette,
  tableOf,
} from "plotbrief";
import type { RowsOf } from "plotbrief";
import { timeline } from "../../../data/cambodia-2020/datasets.js";

type Row = RowsOf<typeof timeline>;

// The chart starts with the year the opposition was dissolved; earlier events are in its notes. It
// ends with the month of the last event, whatever the data holds.
const START = new Date(Date.UTC(2017, 0, 1));

export default defineFigure({
  id: "timeline",
  title: "From a banned opposition to a mass trial",
  subtitle: ({ timeline }, { locale }) =>
    `Events from ${formatPeriod(
      shown(timeline.rows).map((row) => row.date),
      { locale, precision: "month" },
    )}, one per line; events known only to the month are drawn as the month`,
  uses: { timeline },
  plot: ({ timeline }, { narrow, width }) => {
    const events = shown(timeline.rows).map((row) => ({
      id: row.id,
      start: dateStart(row.date),
      end: dateEnd(row.date),
      precision: row.date.precision,
      text: `${formatDate(row.date)}: ${row.event}`,
    }));
    const marks = (dy: number, inset: { insetTop: number; insetBottom: number }) => [
      Plot.rectX(
        events.filter((d) => d.precision === "month"),
        { x1: "start", x2: "end", y: "id", fill: palette.blue, ...inset },
      ),
      Plot.dot(
        events.filter((d) => d.precision === "day"),
        { x: "start", y: "id", r: 4, fill: palette.blue, dy },
      ),
    ];
    const end = endOf(shown(timeline.rows));
    const middle = new Date((START.getTime() + end.getTime()) / 2);
    const x = { type: "utc" as const, domain: [START, end], label: null, grid: true };
    if (narrow) {
      // On a phone each event's label is set across the width, above its mark on the time axis.
      return {
        height: 40 + events.length * 62,
        marginLeft: 18,
        marginRight: 18,
        x: { ...x, ticks: "year" },
        y: { domain: events.map((d) => d.id), axis: null },
        marks: [
          Plot.ruleY(events, { y: "id", dy: 18, stroke: palette.grid }),
          ...marks(18, { insetTop: 44, insetBottom: 8 }),
          Plot.text(events, {
            y: "id",
            text: "text",
            frameAnchor: "left",
            textAnchor: "start",
            lineAnchor: "bottom",
            dy: 8,
            lineWidth: (width - 36) / 13,
          }),
        ],
      };
    }
    // One line per event, so labels never collide however close the dates; each label sits on the
    // side of its mark with more room.
    const left = events.filter((d) => d.start < middle);
    const right = events.filter((d) => d.start >= middle);
    // A social card's chart is narrower than the column: its labels a size smaller.
    const fontSize = width < 600 ? 10 : 11.5;
    return {
      height: 50 + events.length * 24,
      marginLeft: 15,
      marginRight: 15,
      x,
      y: { domain: events.map((d) => d.id), axis: null },
      marks: [
        Plot.ruleY(events, { y: "id", stroke: palette.grid }),
        ...marks(0, { insetTop: 6, insetBottom: 6 }),
        Plot.text(left, { x: "end", y: "id", text: "text", textAnchor: "start", dx: 8, fontSize }),
        Plot.text(right, { x: "start", y: "id", text: "text", textAnchor: "end", dx: -8, fontSize }),
      ],
    };
  },
  table: ({ timeline }) => tableOf(timeline, ["date", "event", "source"]),
  notes: ({ timeline }) =>
    timeline.rows
      .filter((row) => dateStart(row.date) < START)
      .map((row) => `Not shown: ${row.event} (${formatDate(row.date)}).`),
});

function shown(rows: readonly Row[]): Row[] {
  return rows.filter((row) => dateStart(row.date) >= START);
}

/** The end of the month of the last event: the axis's end. */
function endOf(rows: readonly Row[]): Date {
  const last = Math.max(...rows.map((row) => dateEnd(row.date).getTime() - 1));
  const date = new Date(last);
  return dateEnd(new PreciseDate(date.getUTCFullYear(), date.getUTCMonth() + 1));
}
