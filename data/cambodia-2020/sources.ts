// Every source of the Cambodia 2020 briefing, as listed in this folder's README. Titles in square
// brackets describe a report whose headline we have not recorded; URLs are given where we have them.
import { defineSources } from "plotbrief";

export const sources = defineSources({
  "ec-2020-02-12": {
    publisher: "European Commission",
    title: "Cambodia to lose duty-free access to the EU market over human rights concerns (press release IP/20/229)",
    url: "https://ec.europa.eu/commission/presscorner/detail/en/ip_20_229",
    published: "2020-02-12",
    via: "VOA Khmer",
    notes: "Also reported by the Phnom Penh Post and Cambodia Daily on the same day.",
  },
  "ec-2019-02": {
    publisher: "European Commission",
    title: "[Launch of the procedure to withdraw EBA preferences from Cambodia]",
    published: "2019-02",
    via: "Shoe Intelligence",
  },
  "cambodia-daily-2020-02-12": {
    publisher: "Cambodia Daily",
    title: "[Report on the partial withdrawal of EBA preferences]",
    published: "2020-02-12",
    notes: "The standard EU tariff of 12% replaces zero duty on the clothing affected.",
  },
  "voa-khmer-2020-02-12": {
    publisher: "VOA Khmer",
    title: "[Report on the partial withdrawal of EBA preferences]",
    published: "2020-02-12",
    notes: "2018 figures for the EU's share of Cambodia's exports and their value.",
  },
  "cnv-adb": {
    publisher: "Asian Development Bank",
    title: "[Growth figures and the Asian Development Outlook 2019 forecast]",
    via: "cnv.org.kh",
    notes: "Publication date not recorded.",
  },
  "ppp-wb-2018": {
    publisher: "World Bank",
    title: "[Cambodia's 2018 growth]",
    via: "Phnom Penh Post",
    notes: "Publication date not recorded.",
  },
  "cnv-pm-2018-01": {
    publisher: "Prime Minister Hun Sen",
    title: "[Statement on 2017 growth]",
    published: "2018-01",
    via: "cnv.org.kh",
  },
  "ppp-2020-04-03": {
    publisher: "Phnom Penh Post",
    title: "[ADB's Asian Development Outlook 2020 forecast for Cambodia]",
    published: "2020-04-03",
  },
  "khmer-post-asia-2020-09-23": {
    publisher: "Khmer Post Asia",
    title: "[ADB's Asian Development Outlook 2020 Update for Cambodia]",
    published: "2020-09-23",
    notes: "The June supplement and September update figures are also reported by Cambodia Daily.",
  },
  "cambodia-daily-adb-2020": {
    publisher: "Cambodia Daily",
    title: "[The ADB country director on the government's 2020 forecast]",
    published: "2020",
  },
  "adb-2021-04-28": {
    publisher: "Asian Development Bank",
    title: "Asian Development Outlook 2021",
    published: "2021-04-28",
    via: "newsghana.com.gh and Xinhua-based reports",
  },
  "asia-times-2020-11": {
    publisher: "Asia Times",
    title: "[News analysis of US and EU pressure on Cambodia]",
    published: "2020-11",
  },
  "vod-2020-11-03": {
    publisher: "VOD English",
    title: "[Two lists of summonses for ex-CNRP members]",
    published: "2020-11-03",
  },
  "ap-2020-11-13": {
    publisher: "AP",
    title: "[Cambodia summons opposition members for treason trial]",
    published: "2020-11-13",
    via: "VOA Cambodia",
    notes: "Also printed by the Taipei Times on Nov. 15, 2020. Quotes Am Sam Ath of Licadho.",
  },
  "aljazeera-2020-11-26": {
    publisher: "Al Jazeera",
    title: "[Mass treason trial opens in Phnom Penh]",
    published: "2020-11-26",
    notes: "Quotes Mu Sochua of the CNRP.",
  },
  "reuters-2021-01-14": {
    publisher: "Reuters",
    title: "[Treason hearing of Jan. 14, 2021]",
    published: "2021-01-14",
  },
  "widely-reported": {
    publisher: "Contemporary news reports",
    title: "[Widely reported at the time]",
    notes: "No single source is recorded for these events.",
  },
});
