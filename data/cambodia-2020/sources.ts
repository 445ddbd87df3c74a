// Every source of the Cambodia 2020 briefing, as listed in this folder's README and recorded in the
// project's source notes. A title is given only where the source notes name the publication; every other
// source says what it is (kind) and is cited by publisher, kind and date. No address is recorded.
import { defineSources } from "plotbrief";

export const sources = defineSources({
  "ec-2020-02-12": {
    publisher: "European Commission",
    kind: "press release",
    published: "2020-02-12",
    via: "VOA Khmer",
    notes: "Also reported by the Phnom Penh Post and Cambodia Daily on the same day.",
  },
  "ec-2019-02": {
    publisher: "European Commission",
    kind: "announcement",
    published: "2019-02",
    via: "Shoe Intelligence",
  },
  "cambodia-daily-2020-02-12": {
    publisher: "Cambodia Daily",
    kind: "news report",
    published: "2020-02-12",
    notes: "The standard EU tariff of 12% replaces zero duty on the clothing affected.",
  },
  "voa-khmer-2020-02-12": {
    publisher: "VOA Khmer",
    kind: "news report",
    published: "2020-02-12",
    notes: "2018 figures for the EU's share of Cambodia's exports and their value.",
  },
  "cnv-adb": {
    publisher: "Asian Development Bank",
    kind: "growth figures",
    via: "cnv.org.kh",
    notes:
      "Actual growth for 2016 to 2018 and the Asian Development Outlook 2019 forecast. Publication date not recorded.",
  },
  "ppp-wb-2018": {
    publisher: "World Bank",
    kind: "growth figure",
    via: "Phnom Penh Post",
    notes: "Publication date not recorded.",
  },
  "cnv-pm-2018-01": {
    publisher: "Prime Minister Hun Sen",
    kind: "statement",
    published: "2018-01",
    via: "cnv.org.kh",
  },
  "ppp-2020-04-03": {
    publisher: "Phnom Penh Post",
    kind: "news report",
    published: "2020-04-03",
    notes: "On the ADB's Asian Development Outlook 2020.",
  },
  "khmer-post-asia-2020-09-23": {
    publisher: "Khmer Post Asia",
    kind: "news report",
    published: "2020-09-23",
    notes:
      "On the ADB's Asian Development Outlook 2020 Supplement and Update; both figures are also reported by Cambodia Daily.",
  },
  "cambodia-daily-adb-2020": {
    publisher: "Cambodia Daily",
    kind: "news report",
    published: "2020",
    notes: "Quotes the ADB country director on the government's forecast.",
  },
  "adb-2021-04-28": {
    publisher: "Asian Development Bank",
    title: "Asian Development Outlook 2021",
    kind: "report",
    published: "2021-04-28",
    via: "newsghana.com.gh and Xinhua-based reports",
  },
  "asia-times-2020-11": {
    publisher: "Asia Times",
    kind: "news analysis",
    published: "2020-11",
    notes: "On US and EU pressure on Cambodia: the article this briefing starts from.",
  },
  "vod-2020-11-03": {
    publisher: "VOD English",
    kind: "news report",
    published: "2020-11-03",
  },
  "ap-2020-11-13": {
    publisher: "AP",
    kind: "news report",
    published: "2020-11-13",
    via: "VOA Cambodia",
    notes: "Also printed by the Taipei Times on Nov. 15, 2020. Quotes Am Sam Ath of Licadho.",
  },
  "aljazeera-2020-11-26": {
    publisher: "Al Jazeera",
    kind: "news report",
    published: "2020-11-26",
    notes: "Quotes Mu Sochua of the CNRP.",
  },
  "reuters-2021-01-14": {
    publisher: "Reuters",
    kind: "news report",
    published: "2021-01-14",
  },
  "widely-reported": {
    publisher: "Contemporary news reports",
    kind: "no single source recorded",
    notes: "Events reported widely at the time, for which the source notes name no one report.",
  },
});
