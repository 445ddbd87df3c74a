import { Plot, defineFigure, formatDate, formatNumber, palette, tableOf } from "plotbrief";
import { tariff } from "../../../data/cambodia-2020/datasets.js";

export default defineFigure({
  id: "tariff-share",
  title: ({ tariff }) => {
    const lost = tariff.quantity(tariff.row("lost-share")!, "value");
    return `${capitalize(formatNumber(lost))} of Cambodia's exports to the EU lost duty-free access`;
  },
  subtitle: ({ tariff }) =>
    `Share of Cambodia's yearly exports to the EU, by access after ${formatDate(tariff.row("lost-share")!.date)}`,
  uses: { tariff },
  plot: ({ tariff }, { narrow }) => {
    const lost = tariff.quantity(tariff.row("lost-share")!, "value");
    const value = tariff.quantity(tariff.row("lost-value")!, "value");
    // The remainder inherits the qualifier: 100 minus "about 20" is "about 80".
    const kept = { ...lost, value: 100 - lost.value };
    const segments = [
      {
        x1: 0,
        x2: lost.value,
        fill: palette.red,
        label: `${formatNumber(lost)}: tariffs reinstated`,
        detail: `${formatNumber(value)} a year`,
      },
      { x1: lost.value, x2: 100, fill: palette.light, label: `${formatNumber(kept)}: still duty-free`, detail: "" },
    ];
    const x = { domain: [0, 100], label: null, tickFormat: (d: number) => `${d}%` };
    const bar = Plot.barX(segments, {
      x1: "x1",
      x2: "x2",
      fill: "fill",
      insetBottom: narrow ? 8 : 36,
      insetTop: narrow ? 58 : 0,
    });
    if (narrow) {
      // On a phone the labels take a line each above the bar: side by side they would meet.
      return {
        height: 128,
        marginTop: 0,
        marginLeft: 12,
        marginRight: 18,
        x: { ...x, ticks: [0, 25, 50, 75, 100] },
        marks: [
          bar,
          Plot.text(segments.slice(0, 1), {
            x: "x1",
            text: "label",
            textAnchor: "start",
            frameAnchor: "top",
            dx: 4,
            dy: 9,
            fontWeight: "bold",
          }),
          Plot.text(segments.slice(0, 1), {
            x: "x1",
            text: "detail",
            textAnchor: "start",
            frameAnchor: "top",
            dx: 4,
            dy: 26,
          }),
          Plot.text(segments.slice(1), {
            x: "x2",
            text: "label",
            textAnchor: "end",
            frameAnchor: "top",
            dy: 45,
            fontWeight: "bold",
          }),
          Plot.ruleX([0]),
        ],
      };
    }
    return {
      height: 126,
      marginTop: 10,
      marginLeft: 10,
      marginRight: 20,
      x,
      marks: [
        bar,
        Plot.text(segments.slice(0, 1), {
          x: "x1",
          text: "label",
          textAnchor: "start",
          dx: 4,
          dy: -20,
          frameAnchor: "bottom",
          fontWeight: "bold",
        }),
        Plot.text(segments.slice(1), {
          x: "x2",
          text: "label",
          textAnchor: "end",
          dy: -20,
          frameAnchor: "bottom",
          fontWeight: "bold",
        }),
        Plot.text(segments, { x: "x1", text: "detail", textAnchor: "start", dx: 4, dy: -5, frameAnchor: "bottom" }),
        Plot.ruleX([0]),
      ],
    };
  },
  table: ({ tariff }) => tableOf(tariff, ["fact", "value", "date", "source", "notes"]),
  notes: ({ tariff }) => {
    const row = tariff.row("clothing-tariff")!;
    return [
      `Clothing that lost duty-free access now pays the standard EU tariff of ${formatNumber(tariff.quantity(row, "value"))}.`,
    ];
  },
  alt: ({ tariff }) => {
    const lost = tariff.quantity(tariff.row("lost-share")!, "value");
    const value = tariff.quantity(tariff.row("lost-value")!, "value");
    return `A single bar of Cambodia's exports to the EU: ${formatNumber(lost)}, worth ${formatNumber(value)} a year, lost duty-free access on ${formatDate(tariff.row("lost-share")!.date)}; the rest stays duty-free.`;
  },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
