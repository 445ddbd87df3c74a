// Every word plotbrief writes for a reader, in English, French, German and Spanish. The English table
// is the model: the others are typed off it, so a missing or misspelt key fails to compile. Numbers
// come in already written in the report's locale; a count comes too where the words depend on it.
import type { AggregateOp } from "../data/aggregate.js";
import type { Qualifier } from "../data/qualified.js";

/** The kinds of chart an alt text names, by the `ariaLabel` of Plot's marks, with "scatter" and "chart". */
export type ChartKind =
  | "line"
  | "area"
  | "bar"
  | "rect"
  | "cell"
  | "dot"
  | "scatter"
  | "tick"
  | "text"
  | "arrow"
  | "link"
  | "geo"
  | "image"
  | "vector"
  | "chart";

const ZERO_TO_NINE = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const UP_VERBS = ["up", "rose", "risen", "rises", "grew", "grown", "grows", "increased", "gained", "climbed", "jumped"];
const UP_NOUNS = ["rise", "increase", "gain", "jump"];
const DOWN_VERBS = ["down", "fell", "fallen", "falls", "dropped", "declined", "decreased", "shrank", "lost"];
const DOWN_NOUNS = ["fall", "drop", "decline", "decrease"];

const en = {
  /** The briefing's kicker and running header. */
  briefing: "Briefing",
  /** The memo's kicker. */
  memo: "Memo",
  /** A figure's label, and what `{{ref id}}` writes: "Figure 2". */
  figure: (number: number): string => `Figure ${number}`,
  chartData: "Data for this chart",
  download: "Download the data (CSV)",
  /** Under a table cut to `table_rows`. */
  firstRows: (shown: string, total: string): string =>
    `The first ${shown} of ${total} rows; the download has them all.`,
  keyNumbers: "Key numbers",
  sourcesAndMethods: "Sources and methods",
  /** The printed appendix of the figures' data. */
  tables: "Tables",
  /** The memo's heading of its one line of sources. */
  sourcesLabel: "Sources:",
  /** The memo's heading of the sources its figures' source lines do not cite already. */
  otherSourcesLabel: "Other sources:",
  method:
    "Every number in this briefing is quoted from these datasets as its source states it, with its qualifier (“about”, “more than”) and its kind (actual, estimate or forecast), " +
    "or worked out from them (a difference, a change, a total), which keeps the qualifiers and sources of the numbers it is worked out from.",
  colophon:
    "Every number in this briefing is quoted from its dataset or worked out from it; each chart lists its sources and its data.",
  /** The PDF footer's page numbers; `page` and `total` are Chromium's markup, kept in the order given. */
  pageOf: <T>(page: T, total: T): (string | T)[] => ["Page ", page, " of ", total],
  /** A figure's source line: "Source: VOD English, Nov. 3, 2020." */
  sourceLine: (cites: readonly string[]): string =>
    `${cites.length === 1 ? "Source" : "Sources"}: ${cites.join("; ")}.`,
  /** A source known second-hand: "AP via VOA Cambodia". */
  via: (publisher: string, via: string): string => `${publisher} via ${via}`,
  /** A source without a recorded title, by what it is: "VOD English, news report". */
  sourceKind: (publisher: string, kind: string): string => `${publisher}, ${kind}`,
  /** A quoted citation's source: the original's, then who cited it. */
  citedBy: (original: string, citing: string): string => `${original}, as cited by ${citing}`,
  /** A citation in "Sources and methods": who cites which value, and how it words it. */
  citation: (citing: string, original: string, value: string, stated: string): string =>
    `${citing}, cites ${original}: ${value}, stated as ${stated}; a citation, not an estimate of its own.`,
  disagreement: (subject: string, stated: string): string => `Sources disagree on ${subject}: ${stated}.`,
  /** Where a value quoted from sources that disagree stands: "the highest of seven counts, from about 50 to 121". */
  chosen: ({ standing, written, noun, low, high }: Choice): string => {
    const two = { highest: "the higher", lowest: "the lower", one: "one" };
    const many = { highest: "the highest", lowest: "the lowest", one: "one" };
    const which = (written === "two" ? two : many)[standing];
    return `${which} of ${written} ${noun === "count" ? "counts" : "figures"}, from ${low} to ${high}`;
  },
  /** A choice the author gave a reason for, in "Sources and methods"; `reason` is the author's, without its period. */
  chosenBecause: (place: "key" | "text", fact: string, chosen: string, reason: string): string =>
    `${place === "key" ? "Key numbers" : "In the text"}: ${fact} is ${chosen}; it is chosen because ${reason}.`,
  /** The dateline of a report updated since it was published: "Published Nov. 30, 2020 · Updated April 28, 2021". */
  publishedOn: (date: string): string => `Published ${date}`,
  updatedOn: (date: string): string => `Updated ${date}`,
  /** The dateline of an edition built as of a later day than its last update. */
  asOf: (date: string): string => `As of ${date}`,
  /** The label of an update passage (`::: update 2021-04-28`). */
  updatePassage: (date: string): string => `Update, ${date}:`,
  /** A figure's note on rows published after the report's date: "Updated April 28, 2021: data from ADB, April 28, 2021." */
  updatedData: (date: string, cites: string): string => `Updated ${date}: data from ${cites}.`,
  /** "Sources and methods" on a dataset's rows published after the report's date. */
  updatedRows: (date: string, count: number, written: string, list: string): string =>
    `Updated ${date}: ${count === 1 ? "one row" : `${written} rows`} published after the first edition (${list}).`,
  /** "Sources and methods" of an edition built as of a date. */
  asOfEdition: (date: string, count: number, written: string): string =>
    count === 0
      ? `This is the edition as of ${date}.`
      : `This is the edition as of ${date}: ${count === 1 ? "one row" : `${written} rows`} published later ${count === 1 ? "is" : "are"} left out.`,
  /** The note on data-download cells made safe from spreadsheets; `count` is at least 1. */
  neutralised: (count: number, written: string): string => {
    const one = count === 1;
    const cells = one ? "one cell that begins" : `${written} cells that begin`;
    return (
      `In the data downloads, ${cells} with =, +, -, @ or a tab ${one ? "starts" : "start"} with an apostrophe, ` +
      `so that a spreadsheet shows ${one ? "it" : "them"} as text instead of running ${one ? "it" : "them"} as a formula.`
    );
  },
  /** A figure's extremes, for its alt text: "growth: highest ADB, 7.5%; lowest IMF, −4%". */
  extremes: (column: string, high: string, low: string): string => `${column}: highest ${high}; lowest ${low}`,
  chartKinds: {
    line: "line chart",
    area: "area chart",
    bar: "bar chart",
    rect: "histogram",
    cell: "heatmap",
    dot: "dot plot",
    scatter: "scatter plot",
    tick: "tick plot",
    text: "chart of labels",
    arrow: "chart of arrows",
    link: "chart of links",
    geo: "map",
    image: "chart of images",
    vector: "chart of vectors",
    chart: "chart",
  } satisfies Record<ChartKind, string> as Record<ChartKind, string>,
  /** The alt text's first sentence, before its series: "A line chart of 96 rows". */
  altChart: (kind: string, rows: number, written: string): string =>
    `${/^[aeiou]/i.test(kind) ? "An" : "A"} ${kind} of ${written} ${rows === 1 ? "row" : "rows"}`,
  altSeries: (count: number, list: string): string => ` in ${count} series: ${list}`,
  /** A continuous axis, its label capitalised: "Growth: −4 to 7.5." */
  altRange: (label: string, low: string, high: string): string => `${label}: ${low} to ${high}.`,
  /** A discrete axis: "Forecaster: 3 values, ADB, IMF, World Bank." */
  altValues: (label: string, count: number, list: string): string =>
    `${label}: ${count} ${count === 1 ? "value" : "values"}, ${list}.`,
  /** A list cut short: "a, b, c and 3 more". */
  /** A list cut short, its count written: "a, b, c, d, e and 1,200 more". */
  andMore: (list: string, written: string): string => `${list} and ${written} more`,
  /** Joins a list as prose does: "a", "a and b", "a, b and c". */
  list: (items: readonly string[]): string =>
    items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`,
  /** The words before a number's qualifier: "about 4%", "more than 50". */
  qualifiers: {
    about: "about",
    "more-than": "more than",
    "at-least": "at least",
    "up-to": "up to",
  } satisfies Record<Exclude<Qualifier, "exact">, string> as Record<Exclude<Qualifier, "exact">, string>,
  /** A value's kind after it: "−4% (forecast)". */
  kinds: { estimate: "estimate", forecast: "forecast" },
  /**
   * Zero to nine spelt out ("eight lawmakers"): the style `words`, and English prose's counts by
   * default (AP style); undefined keeps the figure.
   */
  numberWord: (n: number): string | undefined => ZERO_TO_NINE[n],
  /**
   * Words just before a number that say which way it went, matched at the end of the text before it,
   * whatever the case: "up {{…}}", "fell by {{…}}", "a rise of {{…}}". The number then loses its sign.
   */
  directions: {
    up: [...UP_VERBS, ...UP_VERBS.map((verb) => `${verb} by`), ...UP_NOUNS.map((noun) => `${noun} of`)],
    down: [...DOWN_VERBS, ...DOWN_VERBS.map((verb) => `${verb} by`), ...DOWN_NOUNS.map((noun) => `${noun} of`)],
  } as { readonly up: readonly string[]; readonly down: readonly string[] },
  /** A rank: "3rd of 12", "joint 2nd of 7". */
  rank: (n: number, of: number, joint: boolean): string => {
    const suffix = { one: "st", two: "nd", few: "rd", other: "th" }[
      new Intl.PluralRules("en-US", { type: "ordinal" }).select(n) as "one" | "two" | "few" | "other"
    ];
    return `${joint ? "joint " : ""}${n}${suffix} of ${of}`;
  },
  /** The rows an aggregate was taken over: "all 12 rows of Test data". */
  aggregateRows: (count: number, written: string, title: string, all: boolean): string =>
    `${all ? "all " : ""}${written} ${count === 1 ? "row" : "rows"} of ${title}`,
  /** How they were chosen: `where region is "South"`, `where region is one of "A", "B"`. */
  aggregateWhere: (conditions: readonly Condition[]): string =>
    `where ${conditions
      .map(({ column, values, oneOf }) =>
        !oneOf ? `${column} is ${values[0]}` : `${column} is one of ${values.join(", ")}`,
      )
      .join(" and ")}`,
  /** The line's first sentence: "Mean of value over all 12 rows of Test data (a–l): 6.5." */
  aggregate: ({ op, column, over, value, row, ties, order }: AggregateStatement): string => {
    if (op === "count") return `Count of ${over}: ${value}.`;
    if (op === "rank") {
      const first = order === "ascending" ? "smallest" : "largest";
      return `Rank of row ${row} by ${column}, ${first} first, among ${over}: ${value}.`;
    }
    if (op === "share-of-total") return `Share of row ${row} in the total of ${column} over ${over}: ${value}.`;
    const name = { sum: "Sum", mean: "Mean", median: "Median", min: "Minimum", max: "Maximum" }[op];
    const at = row === undefined ? "" : `, in row ${row}${ties ? ` (tied with ${ties})` : ""}`;
    return `${name} of ${column} over ${over}: ${value}${at}.`;
  },
  /** Rows left out of an aggregate as empty: "One row has no value and is left out (k)." */
  aggregateEmpty: (count: number, written: string, column: string, list: string): string =>
    count === 1
      ? `One row has no ${column} and is left out (${list}).`
      : `${written} rows have no ${column} and are left out (${list}).`,
  /** "1 of the 11 values is a forecast." */
  aggregateValues: (note: ValueNote, count: number, written: string, total: string): string => {
    const [one, many] = {
      inexact: ["approximate or a bound", "approximate or bounds"],
      forecast: ["a forecast", "forecasts"],
      estimate: ["an estimate", "estimates"],
    }[note];
    return `${written} of the ${total} values ${count === 1 ? `is ${one}` : `are ${many}`}.`;
  },
};

/** The words plotbrief writes for a reader: one language's table. */
export type Messages = typeof en;

/** An aggregate as "Sources and methods" states it, its parts already written in the report's words. */
export interface AggregateStatement {
  readonly op: AggregateOp;
  /** The column; "" for a count of rows. */
  readonly column: string;
  /** The rows: "all 12 rows of Test data where region is "South" (g–l)". */
  readonly over: string;
  /** What it came to: "6.5", "3rd of 12", "about 15% (forecast)". */
  readonly value: string;
  /** The row the value is of (a min or max, a rank, a share), and the rows tied with it, listed. */
  readonly row?: string;
  readonly ties?: string;
  /** For a rank: "descending" puts the largest first. */
  readonly order: "descending" | "ascending";
}

/** A selection by column values, its values as written in the data: `region`, `['"South"']`. */
export interface Condition {
  readonly column: string;
  readonly values: readonly string[];
  /** Whether the selection gave a list of values (`{ region: ["Asia"] }`), not one value. */
  readonly oneOf: boolean;
}

/** A value chosen from sources that disagree, its parts already written: `written` is the number of values. */
export interface Choice {
  readonly standing: "highest" | "lowest" | "one";
  readonly of: number;
  readonly written: string;
  /** "count" for whole counts (of people, of events), "figure" for any other quantity. */
  readonly noun: "count" | "figure";
  readonly low: string;
  readonly high: string;
}

/** Which of an aggregate's values a note counts: approximate ones or bounds, forecasts, estimates. */
export type ValueNote = "inexact" | "forecast" | "estimate";

// French typography: a no-break space before a colon, a narrow one before a semicolon.
const NBSP = "\u00a0";
const NNBSP = "\u202f";

const fr: Messages = {
  briefing: "Note d’analyse",
  memo: "Note",
  figure: (number) => `Figure ${number}`,
  chartData: "Données de ce graphique",
  download: "Télécharger les données (CSV)",
  firstRows: (shown, total) =>
    `Les ${shown} premières lignes sur ${total}${NNBSP}; le téléchargement les contient toutes.`,
  keyNumbers: "Chiffres clés",
  sourcesAndMethods: "Sources et méthodes",
  tables: "Tableaux",
  sourcesLabel: `Sources${NBSP}:`,
  otherSourcesLabel: `Autres sources${NBSP}:`,
  method:
    "Chaque chiffre de cette note est cité d’après ces jeux de données tel que sa source l’énonce, " +
    `avec son qualificatif («${NBSP}environ${NBSP}», «${NBSP}plus de${NBSP}») et sa nature (réel, estimation ou prévision), ` +
    "ou calculé à partir d’eux (un écart, une variation, un total), en gardant les qualificatifs et les sources des chiffres dont il est tiré.",
  colophon:
    `Chaque chiffre de cette note est cité d’après son jeu de données ou calculé à partir de lui${NNBSP}; ` +
    "chaque graphique indique ses sources et ses données.",
  pageOf: (page, total) => ["Page ", page, " sur ", total],
  sourceLine: (cites) => `${cites.length === 1 ? "Source" : "Sources"}${NBSP}: ${cites.join(`${NNBSP}; `)}.`,
  via: (publisher, via) => `${publisher} via ${via}`,
  citedBy: (original, citing) => `${original}, cité par ${citing}`,
  citation: (citing, original, value, stated) =>
    `${citing}, cite ${original}${NBSP}: ${value}, écrit ${stated}${NNBSP}; une citation, non une estimation propre.`,
  sourceKind: (publisher, kind) => `${publisher}, ${kind}`,
  disagreement: (subject, stated) => `Les sources divergent sur ${subject}${NBSP}: ${stated}.`,
  chosen: ({ standing, written, noun, low, high }) => {
    const which = { highest: "le plus élevé", lowest: "le plus bas", one: "l’un" }[standing];
    return `${which} des ${written} ${noun === "count" ? "décomptes" : "chiffres"}, entre ${low} et ${high}`;
  },
  chosenBecause: (place, fact, chosen, reason) =>
    `${place === "key" ? "Chiffres clés" : "Dans le texte"}${NBSP}: ${fact} est ${chosen}. Motif du choix${NBSP}: ${reason}.`,
  publishedOn: (date) => `Publié le ${date}`,
  updatedOn: (date) => `Mis à jour le ${date}`,
  asOf: (date) => `État au ${date}`,
  updatePassage: (date) => `Mise à jour du ${date}${NBSP}:`,
  updatedData: (date, cites) => `Mis à jour le ${date}${NBSP}: données de ${cites}.`,
  updatedRows: (date, count, written, list) =>
    `Mis à jour le ${date}${NBSP}: ${count === 1 ? "une ligne publiée" : `${written} lignes publiées`} après la première édition (${list}).`,
  asOfEdition: (date, count, written) =>
    count === 0
      ? `Ceci est l’édition au ${date}.`
      : `Ceci est l’édition au ${date}${NBSP}: ${count === 1 ? "une ligne publiée plus tard est écartée" : `${written} lignes publiées plus tard sont écartées`}.`,
  neutralised: (count, written) =>
    count === 1
      ? "Dans les téléchargements de données, une cellule qui commence par =, +, -, @ ou une tabulation " +
        "est précédée d’une apostrophe, pour qu’un tableur l’affiche comme du texte au lieu de l’exécuter comme une formule."
      : `Dans les téléchargements de données, ${written} cellules qui commencent par =, +, -, @ ou une tabulation ` +
        "sont précédées d’une apostrophe, pour qu’un tableur les affiche comme du texte au lieu de les exécuter comme des formules.",
  extremes: (column, high, low) => `${column}${NBSP}: maximum ${high}${NNBSP}; minimum ${low}`,
  chartKinds: {
    line: "graphique en courbes",
    area: "graphique en aires",
    bar: "graphique à barres",
    rect: "histogramme",
    cell: "carte de chaleur",
    dot: "graphique à points",
    scatter: "nuage de points",
    tick: "graphique à traits",
    text: "graphique d’étiquettes",
    arrow: "graphique de flèches",
    link: "graphique de liens",
    geo: "carte",
    image: "graphique d’images",
    vector: "graphique de vecteurs",
    chart: "graphique",
  },
  // French counts 0 and 1 as singular.
  altChart: (kind, rows, written) => `${capital(kind)} de ${written} ${rows < 2 ? "ligne" : "lignes"}`,
  altSeries: (count, list) => ` en ${count} séries${NBSP}: ${list}`,
  altRange: (label, low, high) => `${label}${NBSP}: de ${low} à ${high}.`,
  altValues: (label, count, list) => `${label}${NBSP}: ${count} ${count < 2 ? "valeur" : "valeurs"}, ${list}.`,
  andMore: (list, written) => `${list} et ${written} autres`,
  list: (items) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`),
  qualifiers: { about: "environ", "more-than": "plus de", "at-least": "au moins", "up-to": "jusqu’à" },
  kinds: { estimate: "estimation", forecast: "prévision" },
  // "un" or "une" depends on the noun that follows, which plotbrief does not know: 1 stays a figure.
  numberWord: (n) => ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"][n - 2],
  directions: {
    up: ["en hausse de", "hausse de", "augmenté de", "progressé de", "progression de", "grimpé de", "gagné"],
    down: [
      "en baisse de",
      "baisse de",
      "baissé de",
      "chuté de",
      "chute de",
      "diminué de",
      "reculé de",
      "recul de",
      "perdu",
    ],
  },
  rank: (n, of, joint) => `${n === 1 ? "1er" : `${n}e`}${joint ? " ex aequo" : ""} sur ${of}`,
  aggregateRows: (count, written, title, all) =>
    `${all ? "les " : ""}${written} ${count < 2 ? "ligne" : "lignes"} de ${title}`,
  aggregateWhere: (conditions) =>
    `où ${conditions
      .map(({ column, values, oneOf }) =>
        !oneOf ? `${column} vaut ${values[0]}` : `${column} vaut l’une des valeurs ${values.join(", ")}`,
      )
      .join(" et ")}`,
  aggregate: ({ op, column, over, value, row, ties, order }) => {
    if (op === "count") return `Décompte de ${over}${NBSP}: ${value}.`;
    if (op === "rank") {
      const first = order === "ascending" ? "du plus petit au plus grand" : "du plus grand au plus petit";
      return `Rang de la ligne ${row} selon ${column}, ${first}, parmi ${over}${NBSP}: ${value}.`;
    }
    if (op === "share-of-total") {
      return `Part de la ligne ${row} dans le total de ${column} sur ${over}${NBSP}: ${value}.`;
    }
    const name = { sum: "Somme", mean: "Moyenne", median: "Médiane", min: "Minimum", max: "Maximum" }[op];
    const at = row === undefined ? "" : `, à la ligne ${row}${ties ? ` (à égalité avec ${ties})` : ""}`;
    return `${name} de ${column} sur ${over}${NBSP}: ${value}${at}.`;
  },
  aggregateEmpty: (count, written, column, list) =>
    count === 1
      ? `Une ligne n’a pas de ${column} et est écartée (${list}).`
      : `${written} lignes n’ont pas de ${column} et sont écartées (${list}).`,
  aggregateValues: (note, count, written, total) => {
    const [one, many] = {
      inexact: ["approchée ou une borne", "approchées ou des bornes"],
      forecast: ["une prévision", "des prévisions"],
      estimate: ["une estimation", "des estimations"],
    }[note];
    return `${written} des ${total} valeurs ${count < 2 ? `est ${one}` : `sont ${many}`}.`;
  },
};

const de: Messages = {
  briefing: "Kurzanalyse",
  memo: "Vermerk",
  figure: (number) => `Abbildung ${number}`,
  chartData: "Daten zu dieser Grafik",
  download: "Daten herunterladen (CSV)",
  firstRows: (shown, total) => `Die ersten ${shown} von ${total} Zeilen; der Download enthält alle.`,
  keyNumbers: "Kennzahlen",
  sourcesAndMethods: "Quellen und Methoden",
  tables: "Tabellen",
  sourcesLabel: "Quellen:",
  otherSourcesLabel: "Weitere Quellen:",
  method:
    "Jede Zahl in dieser Analyse ist aus diesen Datensätzen so zitiert, wie ihre Quelle sie angibt, " +
    "mit ihrer Einschränkung („etwa“, „mehr als“) und ihrer Art (Ist-Wert, Schätzung oder Prognose), " +
    "oder aus ihnen berechnet (eine Differenz, eine Veränderung, eine Summe), mit den Einschränkungen und Quellen der Zahlen, aus denen sie berechnet ist.",
  colophon:
    "Jede Zahl in dieser Analyse ist aus ihrem Datensatz zitiert oder aus ihm berechnet; jede Grafik nennt ihre Quellen und ihre Daten.",
  pageOf: (page, total) => ["Seite ", page, " von ", total],
  sourceLine: (cites) => `${cites.length === 1 ? "Quelle" : "Quellen"}: ${cites.join("; ")}.`,
  via: (publisher, via) => `${publisher} über ${via}`,
  citedBy: (original, citing) => `${original}, zitiert von ${citing}`,
  citation: (citing, original, value, stated) =>
    `${citing}, zitiert ${original}: ${value}, angegeben als ${stated}; ein Zitat, keine eigene Schätzung.`,
  sourceKind: (publisher, kind) => `${publisher}, ${kind}`,
  disagreement: (subject, stated) => `Die Quellen weichen voneinander ab (${subject}): ${stated}.`,
  chosen: ({ standing, written, noun, low, high }) => {
    const which = { highest: "die höchste", lowest: "die niedrigste", one: "eine" }[standing];
    return `${which} von ${written} ${noun === "count" ? "Zählungen" : "Angaben"}, zwischen ${low} und ${high}`;
  },
  chosenBecause: (place, fact, chosen, reason) =>
    `${place === "key" ? "Kennzahlen" : "Im Text"}: ${fact} ist ${chosen}. Grund der Wahl: ${reason}.`,
  publishedOn: (date) => `Veröffentlicht am ${date}`,
  updatedOn: (date) => `Aktualisiert am ${date}`,
  asOf: (date) => `Stand: ${date}`,
  updatePassage: (date) => `Aktualisierung vom ${date}:`,
  updatedData: (date, cites) => `Aktualisiert am ${date}: Daten von ${cites}.`,
  updatedRows: (date, count, written, list) =>
    `Aktualisiert am ${date}: ${count === 1 ? "eine Zeile" : `${written} Zeilen`}, nach der ersten Ausgabe veröffentlicht (${list}).`,
  asOfEdition: (date, count, written) =>
    count === 0
      ? `Dies ist die Ausgabe mit Stand vom ${date}.`
      : `Dies ist die Ausgabe mit Stand vom ${date}: ${count === 1 ? "eine später veröffentlichte Zeile fehlt" : `${written} später veröffentlichte Zeilen fehlen`}.`,
  neutralised: (count, written) =>
    count === 1
      ? "In den Daten-Downloads beginnt eine Zelle, die mit =, +, -, @ oder einem Tabulator anfängt, mit einem Apostroph, " +
        "damit eine Tabellenkalkulation sie als Text zeigt, statt sie als Formel auszuführen."
      : `In den Daten-Downloads beginnen ${written} Zellen, die mit =, +, -, @ oder einem Tabulator anfangen, mit einem Apostroph, ` +
        "damit eine Tabellenkalkulation sie als Text zeigt, statt sie als Formeln auszuführen.",
  extremes: (column, high, low) => `${column}: Höchstwert ${high}; Tiefstwert ${low}`,
  chartKinds: {
    line: "Liniendiagramm",
    area: "Flächendiagramm",
    bar: "Balkendiagramm",
    rect: "Histogramm",
    cell: "Heatmap",
    dot: "Punktdiagramm",
    scatter: "Streudiagramm",
    tick: "Strichdiagramm",
    text: "Diagramm aus Beschriftungen",
    arrow: "Pfeildiagramm",
    link: "Verbindungsdiagramm",
    geo: "Karte",
    image: "Diagramm aus Bildern",
    vector: "Vektordiagramm",
    chart: "Diagramm",
  },
  altChart: (kind, rows, written) => `${kind} mit ${written} ${rows === 1 ? "Zeile" : "Zeilen"}`,
  altSeries: (count, list) => ` in ${count} Reihen: ${list}`,
  altRange: (label, low, high) => `${label}: ${low} bis ${high}.`,
  altValues: (label, count, list) => `${label}: ${count} ${count === 1 ? "Wert" : "Werte"}, ${list}.`,
  andMore: (list, written) => `${list} und ${written} weitere`,
  list: (items) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} und ${items.at(-1)}`),
  qualifiers: { about: "etwa", "more-than": "mehr als", "at-least": "mindestens", "up-to": "bis zu" },
  kinds: { estimate: "Schätzung", forecast: "Prognose" },
  // "ein", "eine" or "eins" depends on the noun that follows, which plotbrief does not know: 1 stays a figure.
  numberWord: (n) => ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"][n - 2],
  // Only forms where the words come before the number: "stieg um 3 %", not "ist um 3 % gestiegen".
  directions: {
    up: ["ein Anstieg um", "Anstieg um", "ein Plus von", "stieg um", "wuchs um", "legte um", "erhöhte sich um"],
    down: ["ein Rückgang um", "Rückgang um", "ein Minus von", "sank um", "fiel um", "verringerte sich um"],
  },
  rank: (n, of, joint) => `${joint ? "geteilter " : ""}Platz ${n} von ${of}`,
  aggregateRows: (count, written, title, all) =>
    `${all ? "alle " : ""}${written} ${count === 1 ? "Zeile" : "Zeilen"} von ${title}`,
  aggregateWhere: (conditions) =>
    `mit ${conditions.map(({ column, values }) => `${column} = ${values.join(" oder ")}`).join(" und ")}`,
  aggregate: ({ op, column, over, value, row, ties, order }) => {
    if (op === "count") return `Anzahl: ${over}: ${value}.`;
    if (op === "rank") {
      const first = order === "ascending" ? "aufsteigend" : "absteigend";
      return `Rang der Zeile ${row} nach ${column} (${first}) über ${over}: ${value}.`;
    }
    if (op === "share-of-total") return `Anteil der Zeile ${row} an der Summe von ${column} über ${over}: ${value}.`;
    const name = { sum: "Summe", mean: "Mittelwert", median: "Median", min: "Minimum", max: "Maximum" }[op];
    const at = row === undefined ? "" : `, in Zeile ${row}${ties ? ` (gleichauf mit ${ties})` : ""}`;
    return `${name} von ${column} über ${over}: ${value}${at}.`;
  },
  aggregateEmpty: (count, written, column, list) =>
    count === 1
      ? `Eine Zeile hat keinen Wert für ${column} und bleibt unberücksichtigt (${list}).`
      : `${written} Zeilen haben keinen Wert für ${column} und bleiben unberücksichtigt (${list}).`,
  aggregateValues: (note, count, written, total) => {
    const [one, many] = {
      inexact: ["ungefähr oder eine Schranke", "ungefähr oder Schranken"],
      forecast: ["eine Prognose", "Prognosen"],
      estimate: ["eine Schätzung", "Schätzungen"],
    }[note];
    return `${written} der ${total} Werte ${count === 1 ? `ist ${one}` : `sind ${many}`}.`;
  },
};

const es: Messages = {
  briefing: "Informe",
  memo: "Nota",
  figure: (number) => `Figura ${number}`,
  chartData: "Datos de este gráfico",
  download: "Descargar los datos (CSV)",
  firstRows: (shown, total) => `Las primeras ${shown} de ${total} filas; la descarga las incluye todas.`,
  keyNumbers: "Cifras clave",
  sourcesAndMethods: "Fuentes y métodos",
  tables: "Tablas",
  sourcesLabel: "Fuentes:",
  otherSourcesLabel: "Otras fuentes:",
  method:
    "Cada cifra de este informe se cita de estos conjuntos de datos tal como la da su fuente, " +
    "con su matiz («alrededor de», «más de») y su tipo (real, estimación o previsión), " +
    "o se calcula a partir de ellos (una diferencia, una variación, un total), con los matices y las fuentes de las cifras de las que se calcula.",
  colophon:
    "Cada cifra de este informe se cita de su conjunto de datos o se calcula a partir de él; cada gráfico indica sus fuentes y sus datos.",
  pageOf: (page, total) => ["Página ", page, " de ", total],
  sourceLine: (cites) => `${cites.length === 1 ? "Fuente" : "Fuentes"}: ${cites.join("; ")}.`,
  via: (publisher, via) => `${publisher} vía ${via}`,
  citedBy: (original, citing) => `${original}, citado por ${citing}`,
  citation: (citing, original, value, stated) =>
    `${citing}, cita ${original}: ${value}, expresado como ${stated}; una cita, no una estimación propia.`,
  sourceKind: (publisher, kind) => `${publisher}, ${kind}`,
  disagreement: (subject, stated) => `Las fuentes discrepan sobre ${subject}: ${stated}.`,
  chosen: ({ standing, written, noun, low, high }) => {
    const which = { highest: "el más alto", lowest: "el más bajo", one: "uno" }[standing];
    return `${which} de ${written} ${noun === "count" ? "recuentos" : "valores"}, entre ${low} y ${high}`;
  },
  chosenBecause: (place, fact, chosen, reason) =>
    `${place === "key" ? "Cifras clave" : "En el texto"}: ${fact} es ${chosen}. Motivo de la elección: ${reason}.`,
  publishedOn: (date) => `Publicado el ${date}`,
  updatedOn: (date) => `Actualizado el ${date}`,
  asOf: (date) => `Al ${date}`,
  updatePassage: (date) => `Actualización del ${date}:`,
  updatedData: (date, cites) => `Actualizado el ${date}: datos de ${cites}.`,
  updatedRows: (date, count, written, list) =>
    `Actualizado el ${date}: ${count === 1 ? "una fila publicada" : `${written} filas publicadas`} después de la primera edición (${list}).`,
  asOfEdition: (date, count, written) =>
    count === 0
      ? `Esta es la edición al ${date}.`
      : `Esta es la edición al ${date}: ${count === 1 ? "se omite una fila publicada" : `se omiten ${written} filas publicadas`} más tarde.`,
  neutralised: (count, written) =>
    count === 1
      ? "En las descargas de datos, una celda que empieza por =, +, -, @ o un tabulador lleva delante un apóstrofo, " +
        "para que una hoja de cálculo la muestre como texto en vez de ejecutarla como fórmula."
      : `En las descargas de datos, ${written} celdas que empiezan por =, +, -, @ o un tabulador llevan delante un apóstrofo, ` +
        "para que una hoja de cálculo las muestre como texto en vez de ejecutarlas como fórmulas.",
  extremes: (column, high, low) => `${column}: máximo ${high}; mínimo ${low}`,
  chartKinds: {
    line: "gráfico de líneas",
    area: "gráfico de áreas",
    bar: "gráfico de barras",
    rect: "histograma",
    cell: "mapa de calor",
    dot: "gráfico de puntos",
    scatter: "diagrama de dispersión",
    tick: "gráfico de marcas",
    text: "gráfico de etiquetas",
    arrow: "gráfico de flechas",
    link: "gráfico de enlaces",
    geo: "mapa",
    image: "gráfico de imágenes",
    vector: "gráfico de vectores",
    chart: "gráfico",
  },
  altChart: (kind, rows, written) => `${capital(kind)} de ${written} ${rows === 1 ? "fila" : "filas"}`,
  altSeries: (count, list) => ` en ${count} series: ${list}`,
  altRange: (label, low, high) => `${label}: de ${low} a ${high}.`,
  altValues: (label, count, list) => `${label}: ${count} ${count === 1 ? "valor" : "valores"}, ${list}.`,
  andMore: (list, written) => `${list} y ${written} más`,
  list: (items) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} y ${items.at(-1)}`),
  qualifiers: { about: "alrededor de", "more-than": "más de", "at-least": "al menos", "up-to": "hasta" },
  kinds: { estimate: "estimación", forecast: "previsión" },
  // "uno", "un" or "una" depends on the noun that follows, which plotbrief does not know: 1 stays a figure.
  numberWord: (n) => ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"][n - 2],
  directions: {
    up: [
      "subió",
      "subió un",
      "aumentó",
      "aumentó un",
      "creció",
      "creció un",
      "un aumento de",
      "una subida de",
      "un alza de",
    ],
    down: [
      "bajó",
      "bajó un",
      "cayó",
      "cayó un",
      "disminuyó",
      "disminuyó un",
      "una caída de",
      "un descenso de",
      "una bajada de",
    ],
  },
  rank: (n, of, joint) => `puesto ${n}${joint ? " (empatado)" : ""} de ${of}`,
  aggregateRows: (count, written, title, all) =>
    `${all ? "las " : ""}${written} ${count === 1 ? "fila" : "filas"} de ${title}`,
  aggregateWhere: (conditions) =>
    `donde ${conditions
      .map(({ column, values, oneOf }) =>
        !oneOf ? `${column} es ${values[0]}` : `${column} es uno de ${values.join(", ")}`,
      )
      .join(" y ")}`,
  aggregate: ({ op, column, over, value, row, ties, order }) => {
    if (op === "count") return `Recuento de ${over}: ${value}.`;
    if (op === "rank") {
      const first = order === "ascending" ? "de menor a mayor" : "de mayor a menor";
      return `Puesto de la fila ${row} por ${column}, ${first}, entre ${over}: ${value}.`;
    }
    if (op === "share-of-total") return `Parte de la fila ${row} en el total de ${column} en ${over}: ${value}.`;
    const name = { sum: "Suma", mean: "Media", median: "Mediana", min: "Mínimo", max: "Máximo" }[op];
    const at = row === undefined ? "" : `, en la fila ${row}${ties ? ` (empatada con ${ties})` : ""}`;
    return `${name} de ${column} en ${over}: ${value}${at}.`;
  },
  aggregateEmpty: (count, written, column, list) =>
    count === 1
      ? `Una fila no tiene ${column} y queda fuera (${list}).`
      : `${written} filas no tienen ${column} y quedan fuera (${list}).`,
  aggregateValues: (note, count, written, total) => {
    const [one, many] = {
      inexact: ["aproximado o un límite", "aproximados o límites"],
      forecast: ["una previsión", "previsiones"],
      estimate: ["una estimación", "estimaciones"],
    }[note];
    return `${written} de los ${total} valores ${count === 1 ? `es ${one}` : `son ${many}`}.`;
  },
};

/** plotbrief's own tables, by language subtag: `MESSAGES.fr.chartData` is "Données de ce graphique". */
export const CATALOGUE: Readonly<Record<string, Messages>> & { readonly en: Messages } = { en, fr, de, es };

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
