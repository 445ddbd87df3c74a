import { article, gdp } from "../../data/cambodia-2020/datasets.js";
import { change, defineReport } from "plotbrief";
import gdpRevisions from "./figures/gdp-revisions.js";
import summons from "./figures/summons.js";
import tariffShare from "./figures/tariff-share.js";
import timeline from "./figures/timeline.js";

export default defineReport({
  figures: [tariffShare, gdpRevisions, summons, timeline],
  datasets: [article],
  facts: {
    // From the first forecast for 2020 to the outturn: a forecast minus an actual stays qualified as a forecast.
    "gdp-revision": (get) => change(get(gdp).fact("adb-ado2019-2020"), get(gdp).fact("adb-ado2021-2020")),
  },
});
