import { article } from "../../data/cambodia-2020/datasets.js";
import { defineReport } from "../../src/report/report.js";
import gdpRevisions from "./figures/gdp-revisions.js";
import summons from "./figures/summons.js";
import tariffShare from "./figures/tariff-share.js";
import timeline from "./figures/timeline.js";

export default defineReport({
  figures: [tariffShare, gdpRevisions, summons, timeline],
  datasets: [article],
});
