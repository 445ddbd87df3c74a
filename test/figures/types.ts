// Checked by `tsc --noEmit` (part of npm test), not run: each @ts-expect-error fails the type check
// if the line below it compiles, so these lines prove that a figure cannot name a missing column.
import * as Plot from "@observablehq/plot";
import { defineFigure } from "../../src/figures/figure.js";
import { tableOf } from "../../src/figures/table.js";
import { gdp } from "../../data/cambodia-2020/datasets.js";

export const typo = defineFigure({
  id: "typo",
  title: "Typo",
  uses: { gdp },
  plot: ({ gdp }) => ({
    // @ts-expect-error "growht" is not a column of gdp
    marks: [Plot.barX(gdp.rows, { x: gdp.col("growht"), y: gdp.col("id") })],
  }),
  // @ts-expect-error "forcaster" is not a column of gdp
  table: ({ gdp }) => tableOf(gdp, ["forcaster", "growth"]),
  alt: ({ gdp }) => {
    const row = gdp.rows[0]!;
    // @ts-expect-error rows are typed too
    return String(row.growht);
  },
});
