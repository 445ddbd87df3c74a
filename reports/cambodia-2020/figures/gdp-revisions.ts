import { Plot, PreciseDate, defineFigure, formatDate, formatNumber, palette, tableOf } from "plotbrief";
import type { RowsOf } from "plotbrief";
import { gdp } from "../../../data/cambodia-2020/datasets.js";

export default defineFigure({
  id: "gdp-revisions",
  title: ({ gdp }) =>
    `A forecast of ${formatNumber(gdp.quantity(gdp.row("adb-ado2019-2020")!, "growth"), { kind: false, sign: false })} growth became a contraction`,
  subtitle:
    "Cambodia's real GDP growth: actual growth in earlier years, then each forecast for 2020 by date, then the outturn",
  uses: { gdp },
  plot: ({ gdp }, { narrow }) => {
    const rows = shown(gdp.rows).map((row) => {
      const q = gdp.quantity(row, "growth");
      // On a phone the outline alone says "forecast" (the note says so): the label keeps its qualifier.
      return { label: label(row), growth: q.value, kind: q.kind, text: formatNumber(q, { kind: !narrow }) };
    });
    const bar = narrow ? { insetTop: 20, insetBottom: 4 } : { insetTop: 4, insetBottom: 4 };
    return {
      // On a phone each row's label sits above its bar, and the bars take the whole width.
      height: 35 + rows.length * (narrow ? 42 : 26),
      marginTop: 5,
      // The axis's title below its tick labels, clear of them.
      marginBottom: 40,
      marginLeft: narrow ? 10 : 190,
      marginRight: 10,
      // From the data, rounded out, with room beside the bars at each end for their labels.
      x: {
        nice: true,
        insetLeft: labelRoom(rows.filter((d) => d.growth < 0).map((d) => d.text)),
        insetRight: labelRoom(rows.filter((d) => d.growth >= 0).map((d) => d.text)),
        label: "Real GDP growth (%)",
        labelArrow: "none",
        labelAnchor: "center",
        labelOffset: 34,
        tickFormat: (d: number) => (d > 0 ? `+${d}` : d < 0 ? `\u2212${-d}` : "0"),
      },
      y: { domain: rows.map((d) => d.label), label: null, tickSize: 0, ...(narrow ? { axis: null } : {}) },
      marks: [
        Plot.gridX({ stroke: palette.grid, strokeOpacity: 1 }),
        // Actuals solid, forecasts in outline: the difference must survive greyscale print.
        Plot.barX(
          rows.filter((d) => d.kind === "actual"),
          { x: "growth", y: "label", fill: palette.blue, ...bar },
        ),
        Plot.barX(
          rows.filter((d) => d.kind !== "actual"),
          {
            x: "growth",
            y: "label",
            fill: palette.paper,
            stroke: palette.blue,
            strokeWidth: 1.5,
            strokeDasharray: "4,2",
            ...bar,
          },
        ),
        Plot.ruleX([0], { stroke: palette.ink }),
        ...(narrow
          ? [Plot.text(rows, { y: "label", text: "label", frameAnchor: "left", textAnchor: "start", dy: -8 })]
          : []),
        Plot.text(
          rows.filter((d) => d.growth >= 0),
          { x: "growth", y: "label", text: "text", textAnchor: "start", dx: 5, dy: narrow ? 8 : 0 },
        ),
        Plot.text(
          rows.filter((d) => d.growth < 0),
          { x: "growth", y: "label", text: "text", textAnchor: "end", dx: -5, dy: narrow ? 8 : 0 },
        ),
      ],
    };
  },
  table: ({ gdp }) =>
    tableOf(gdp, ["year", "forecaster", "publication", "published", "growth", "source"], {
      rows: shown(gdp.rows),
      labels: { year: "Year", growth: "Growth" },
    }),
  notes: ({ gdp }) => {
    const next = gdp.rows
      .filter((row) => row.year === 2021)
      .map((row) => `${formatNumber(gdp.quantity(row, "growth"), { kind: false, sign: false })} (${row.publication})`);
    const disagree = [2017, 2018].map((year) => {
      const rows = gdp.rows.filter((row) => row.year === year && row.kind === "actual");
      return `${year}: ${rows.map((row) => `${formatNumber(gdp.quantity(row, "growth"), { sign: false })} (${row.forecaster})`).join(" or ")}`;
    });
    // A citation is not a forecast of its own: it is named under the bar of the forecast it restates.
    const cited = gdp.rows.flatMap((row) =>
      gdp.citationsOf(row).map((citation) => {
        const [by] = gdp.sourcesOf(citation);
        const month = (date: PreciseDate | undefined) =>
          date ? formatDate(new PreciseDate(date.year, date.month)) : "";
        const q = gdp.quantity(citation, "growth");
        const as =
          q.value < 0
            ? `a contraction of ${formatNumber(q, { kind: false, abs: true })}`
            : formatNumber(q, { kind: false });
        return `The ${row.forecaster}'s forecast of ${month(row.published)} (${formatNumber(gdp.quantity(row, "growth"), { kind: false })}) is the one ${by?.publisher ?? citation.forecaster} cites, in ${month(by?.published)}, as ${as}.`;
      }),
    );
    return [
      `Solid bars are actual growth; outlined bars are forecasts.`,
      `Sources disagree on earlier growth: ${disagree.join("; ")}.`,
      ...cited,
      `For 2021 the ADB forecast ${next.join(", then ")}.`,
    ];
  },
  alt: ({ gdp }) => {
    const parts = shown(gdp.rows).map((row) => `${label(row)}: ${formatNumber(gdp.quantity(row, "growth"))}`);
    return `Bar chart of Cambodia's real GDP growth. ${parts.join("; ")}.`;
  },
});

type Row = RowsOf<typeof gdp>;

/** Earlier actuals, then every forecast for 2020 in the data file's order (by date), then the outturn. */
function shown(rows: readonly Row[]): Row[] {
  const earlier = rows.filter((row) => row.year < 2020);
  const forecasts = rows.filter((row) => row.year === 2020 && row.kind !== "actual");
  const outturn = rows.filter((row) => row.year === 2020 && row.kind === "actual");
  return [...earlier, ...forecasts, ...outturn];
}

function label(row: Row): string {
  if (row.year < 2020) return `${row.year} actual, ${row.forecaster}`;
  // To the month: the day of a revision is in the table.
  const when = row.published ? formatDate(new PreciseDate(row.published.year, row.published.month)) : "";
  return row.kind === "actual" ? `2020 outturn, ${row.forecaster} ${when}` : `Forecast: ${row.forecaster}, ${when}`;
}

/** The room in px a label set beside a bar takes: about half an em a character at 12 px (Source Sans 3), and its gap. */
function labelRoom(labels: readonly string[]): number {
  return Math.ceil(Math.max(0, ...labels.map((label) => label.length)) * 12 * 0.5) + 5;
}
