// The datasets of the Cambodia 2020 briefing: each file in this folder, its columns and its sources.
import {
  cites,
  count,
  date,
  defineDataset,
  kind,
  number,
  oneOf,
  qualifier,
  source,
  text,
  UNITS,
  year,
} from "plotbrief";
import { sources } from "./sources.js";

/** Single facts, each with its own unit: the EU tariff decision. */
export const tariff = defineDataset({
  id: "tariff",
  title: "The EU's partial withdrawal of Everything But Arms",
  file: "data/cambodia-2020/tariff.csv",
  key: "id",
  columns: {
    id: text(),
    fact: text(),
    value: number({ min: 0, unit: "percent" }),
    unit: oneOf(UNITS),
    qualifier: qualifier(),
    kind: kind(),
    date: date(),
    source: source(),
    notes: text({ optional: true }),
  },
  sources: [
    sources["ec-2020-02-12"],
    sources["cambodia-daily-2020-02-12"],
    sources["voa-khmer-2020-02-12"],
    sources["asia-times-2020-11"],
  ],
});

/** Cambodia's real GDP growth: forecasts by vintage and actuals, as each source stated them. */
export const gdp = defineDataset({
  id: "gdp",
  title: "Cambodia's real GDP growth, forecasts and actuals",
  file: "data/cambodia-2020/gdp.csv",
  key: "id",
  columns: {
    id: text(),
    forecaster: text(),
    publication: text({ optional: true }),
    published: date({ optional: true }),
    year: year(),
    growth: number({ min: -100, max: 100, unit: "percent", signed: true }),
    qualifier: qualifier(),
    kind: kind(),
    source: source(),
    notes: text({ optional: true }),
    // The article's "about 4%" restates the ADB's September forecast: a citation, not a forecast of its own.
    cites: cites(),
  },
  sources: [
    sources["cnv-adb"],
    sources["cnv-pm-2018-01"],
    sources["ppp-wb-2018"],
    sources["ppp-2020-04-03"],
    sources["khmer-post-asia-2020-09-23"],
    sources["cambodia-daily-adb-2020"],
    sources["asia-times-2020-11"],
    sources["adb-2021-04-28"],
  ],
  // Two sources for the same year's actual growth disagree; forecasts of different dates are revisions.
  compare: {
    value: "growth",
    group: (row) => (row.kind === "actual" ? `actual growth in ${row.year}` : undefined),
    describe: (row) => row.forecaster,
  },
});

/** How many were summoned to court on treason charges, by who reported it and what they counted. */
export const summons = defineDataset({
  id: "summons",
  title: "People summoned on treason charges, by source",
  file: "data/cambodia-2020/summons.csv",
  key: "id",
  columns: {
    id: text(),
    reported_by: text(),
    date: date(),
    count: count(),
    qualifier: qualifier(),
    counted: text(),
    source: source(),
  },
  sources: [
    sources["vod-2020-11-03"],
    sources["ap-2020-11-13"],
    sources["asia-times-2020-11"],
    sources["aljazeera-2020-11-26"],
    sources["reuters-2021-01-14"],
  ],
  compare: { value: "count", group: () => "how many were summoned", describe: (row) => row.counted },
});

/** Events from 1979 to January 2021. */
export const timeline = defineDataset({
  id: "timeline",
  title: "Timeline",
  file: "data/cambodia-2020/timeline.json",
  key: "id",
  columns: { id: text(), date: date(), event: text(), source: source() },
  sources: [
    sources["asia-times-2020-11"],
    sources["widely-reported"],
    sources["ec-2019-02"],
    sources["ec-2020-02-12"],
    sources["aljazeera-2020-11-26"],
  ],
});

/** Other numbers quoted in the article. */
export const article = defineDataset({
  id: "article",
  title: "Other figures from the article",
  file: "data/cambodia-2020/article.csv",
  key: "id",
  columns: tariff.columns,
  sources: [sources["asia-times-2020-11"]],
});
