import { Plot, defineFigure, formatDate, formatNumber, tableOf } from "plotbrief";
import { summons } from "../../../data/cambodia-2020/datasets.js";

export default defineFigure({
  id: "summons",
  title: "How many were summoned? It depends who counted what",
  subtitle: "People summoned to court on treason charges, late 2020, as each source reported it",
  uses: { summons },
  plot: ({ summons }) => {
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
    return {
      height: 25 + rows.length * 56,
      marginTop: 5,
      marginLeft: 215,
      marginRight: 30,
      x: { domain: [0, 130], label: "People summoned", labelAnchor: "left", labelArrow: "none" },
      y: { domain: rows.map((d) => d.label), label: null, tickSize: 0 },
      marks: [
        Plot.gridX({ stroke: "#ccc", strokeOpacity: 1 }),
        // Exact counts solid; approximate ones ("about", "more than") in outline, as they are not exact.
        Plot.barX(
          rows.filter((d) => d.exact),
          { x: "count", y: "label", fill: "#5b3a8c", insetTop: 6, insetBottom: 30 },
        ),
        Plot.barX(
          rows.filter((d) => !d.exact),
          {
            x: "count",
            y: "label",
            fill: "white",
            stroke: "#5b3a8c",
            strokeWidth: 1.5,
            strokeDasharray: "4,2",
            insetTop: 6,
            insetBottom: 30,
          },
        ),
        Plot.text(rows, {
          x: "count",
          y: "label",
          text: "text",
          textAnchor: "start",
          dx: 5,
          dy: -12,
          fontWeight: "bold",
          fill: "#222",
        }),
        Plot.text(rows, {
          x: 0,
          y: "label",
          text: "counted",
          textAnchor: "start",
          lineAnchor: "top",
          dy: 2,
          lineWidth: 38,
          fontSize: 10.5,
          fill: "#444",
        }),
        Plot.ruleX([0], { stroke: "#333" }),
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
