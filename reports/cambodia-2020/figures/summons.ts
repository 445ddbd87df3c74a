import { Plot, defineFigure, formatDate, formatNumber, formatPeriod, palette, tableOf } from "plotbrief";
import { summons } from "../../../data/cambodia-2020/datasets.js";

export default defineFigure({
  id: "summons",
  title: "How many were summoned? It depends who counted what",
  // The period is the reports' own: a count published later moves it.
  subtitle: ({ summons }, { locale }) =>
    `People summoned to court on treason charges, as each source reported it, ${formatPeriod(
      summons.rows.map((row) => row.date),
      { locale, precision: "month" },
    )}`,
  uses: { summons },
  plot: ({ summons }, { narrow, width }) => {
    const rows = summons.rows.map((row) => {
      const q = summons.quantity(row, "count");
      return {
        label: `${row.reported_by}, ${formatDate(row.date)}`,
        count: q.value,
        exact: q.qualifier === "exact",
        text: formatNumber(q, { style: "short" }),
        counted: row.counted,
      };
    });
    // On a phone each row is a block: who counted and when, the bar, then what was counted, all across.
    const layout = narrow
      ? {
          row: 104,
          bar: { insetTop: 22, insetBottom: 54 },
          value: -16,
          counted: -2,
          size: 13,
          lineWidth: (width - 30) / 13,
        }
      : { row: 56, bar: { insetTop: 6, insetBottom: 30 }, value: -12, counted: 2, size: 10.5, lineWidth: 38 };
    return {
      height: 25 + rows.length * layout.row,
      marginTop: 5,
      marginLeft: narrow ? 10 : 215,
      marginRight: 30,
      // The axis runs from zero to a round number past the largest count, with room for its label.
      x: {
        nice: true,
        zero: true,
        insetRight: labelRoom(
          rows.map((d) => d.text),
          13,
        ),
        label: "People summoned",
        labelAnchor: "left",
        labelArrow: "none",
      },
      y: { domain: rows.map((d) => d.label), label: null, tickSize: 0, ...(narrow ? { axis: null } : {}) },
      marks: [
        Plot.gridX({ stroke: palette.grid, strokeOpacity: 1 }),
        // Exact counts solid; approximate ones ("about", "more than") in outline, as they are not exact.
        Plot.barX(
          rows.filter((d) => d.exact),
          { x: "count", y: "label", fill: palette.purple, ...layout.bar },
        ),
        Plot.barX(
          rows.filter((d) => !d.exact),
          {
            x: "count",
            y: "label",
            fill: palette.paper,
            stroke: palette.purple,
            strokeWidth: 1.5,
            strokeDasharray: "4,2",
            ...layout.bar,
          },
        ),
        ...(narrow
          ? [
              Plot.text(rows, {
                y: "label",
                text: "label",
                frameAnchor: "left",
                textAnchor: "start",
                lineAnchor: "top",
                dx: 5,
                dy: -48,
              }),
            ]
          : []),
        Plot.text(rows, {
          x: "count",
          y: "label",
          text: "text",
          textAnchor: "start",
          dx: 5,
          dy: layout.value,
          fontWeight: "bold",
        }),
        Plot.text(rows, {
          x: 0,
          y: "label",
          text: "counted",
          textAnchor: "start",
          lineAnchor: "top",
          dx: narrow ? 5 : 0,
          dy: layout.counted,
          lineWidth: layout.lineWidth,
          fontSize: layout.size,
          fill: palette.gray,
        }),
        Plot.ruleX([0], { stroke: palette.ink }),
      ],
    };
  },
  table: ({ summons }) =>
    tableOf(summons, ["reported_by", "date", "count", "counted", "source"], {
      labels: { reported_by: "Reported by", counted: "What was counted" },
    }),
  notes: ({ summons }) => {
    const counts = summons.rows.map((row) => formatNumber(summons.quantity(row, "count")));
    return [
      "Solid bars are exact counts; outlined bars are approximate (\u201c~\u201d about, \u201c+\u201d more than).",
      `The counts (${counts.join(", ")}) are not revisions of one number: each source counted a different group.`,
    ];
  },
  alt: ({ summons }) => {
    const parts = summons.rows.map(
      (row) =>
        `${row.reported_by} (${formatDate(row.date)}): ${formatNumber(summons.quantity(row, "count"))} ${row.counted}`,
    );
    return `Bar chart of how many people were summoned on treason charges, by source. ${parts.join("; ")}.`;
  },
});

/** The room in px a bold label set beside a bar takes at `size` px: about 0.6 em a character, and its gap. */
function labelRoom(labels: readonly string[], size: number): number {
  return Math.ceil(Math.max(0, ...labels.map((label) => label.length)) * size * 0.6) + 5;
}
