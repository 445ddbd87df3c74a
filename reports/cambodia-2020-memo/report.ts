// The flagship as a one-page memo: the same data and figures, in the memo template.
import { article, summons, timeline } from "../../data/cambodia-2020/datasets.js";
import { defineReport } from "plotbrief";
import flagship from "../cambodia-2020/report.js";
import gdpRevisions from "../cambodia-2020/figures/gdp-revisions.js";
import tariffShare from "../cambodia-2020/figures/tariff-share.js";

export default defineReport({
  figures: [tariffShare, gdpRevisions],
  datasets: [article, summons, timeline],
  ...(flagship.facts ? { facts: flagship.facts } : {}),
});
