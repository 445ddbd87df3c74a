// Every word plotbrief writes for a reader, in English, French, German and Spanish. The English table
// is the model: the others are typed off it, so a missing or misspelt key fails to compile. Numbers
// come in already written in the report's locale; a count comes too where the words depend on it.

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
  /** The memo's heading of its one line of sources. */
  sourcesLabel: "Sources:",
  method:
    'Every number in this briefing is quoted from these datasets as its source states it, with its qualifier ("about", "more than") and its kind (actual, estimate or forecast).',
  colophon: "Every number in this briefing is quoted from its dataset; each chart lists its sources and its data.",
  /** The PDF footer's page numbers; `page` and `total` are Chromium's markup, kept in the order given. */
  pageOf: <T>(page: T, total: T): (string | T)[] => ["Page ", page, " of ", total],
  /** A figure's source line: "Source: VOD English, Nov. 3, 2020." */
  sourceLine: (cites: readonly string[]): string =>
    `${cites.length === 1 ? "Source" : "Sources"}: ${cites.join("; ")}.`,
  /** A source known second-hand: "AP via VOA Cambodia". */
  via: (publisher: string, via: string): string => `${publisher} via ${via}`,
  disagreement: (subject: string, stated: string): string => `Sources disagree on ${subject}: ${stated}.`,
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
  altMore: (list: string, count: number): string => `${list} and ${count} more`,
};

/** The words plotbrief writes for a reader: one language's table. */
export type Messages = typeof en;

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
  sourcesLabel: `Sources${NBSP}:`,
  method:
    "Chaque chiffre de cette note est cité d’après ces jeux de données tel que sa source l’énonce, " +
    `avec son qualificatif («${NBSP}environ${NBSP}», «${NBSP}plus de${NBSP}») et sa nature (réel, estimation ou prévision).`,
  colophon:
    `Chaque chiffre de cette note est cité d’après son jeu de données${NNBSP}; ` +
    "chaque graphique indique ses sources et ses données.",
  pageOf: (page, total) => ["Page ", page, " sur ", total],
  sourceLine: (cites) => `${cites.length === 1 ? "Source" : "Sources"}${NBSP}: ${cites.join(`${NNBSP}; `)}.`,
  via: (publisher, via) => `${publisher} via ${via}`,
  disagreement: (subject, stated) => `Les sources divergent sur ${subject}${NBSP}: ${stated}.`,
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
  altMore: (list, count) => `${list} et ${count} autres`,
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
  sourcesLabel: "Quellen:",
  method:
    "Jede Zahl in dieser Analyse ist aus diesen Datensätzen so zitiert, wie ihre Quelle sie angibt, " +
    "mit ihrer Einschränkung („etwa“, „mehr als“) und ihrer Art (Ist-Wert, Schätzung oder Prognose).",
  colophon:
    "Jede Zahl in dieser Analyse ist aus ihrem Datensatz zitiert; jede Grafik nennt ihre Quellen und ihre Daten.",
  pageOf: (page, total) => ["Seite ", page, " von ", total],
  sourceLine: (cites) => `${cites.length === 1 ? "Quelle" : "Quellen"}: ${cites.join("; ")}.`,
  via: (publisher, via) => `${publisher} über ${via}`,
  disagreement: (subject, stated) => `Die Quellen weichen voneinander ab (${subject}): ${stated}.`,
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
  altMore: (list, count) => `${list} und ${count} weitere`,
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
  sourcesLabel: "Fuentes:",
  method:
    "Cada cifra de este informe se cita de estos conjuntos de datos tal como la da su fuente, " +
    "con su matiz («alrededor de», «más de») y su tipo (real, estimación o previsión).",
  colophon: "Cada cifra de este informe se cita de su conjunto de datos; cada gráfico indica sus fuentes y sus datos.",
  pageOf: (page, total) => ["Página ", page, " de ", total],
  sourceLine: (cites) => `${cites.length === 1 ? "Fuente" : "Fuentes"}: ${cites.join("; ")}.`,
  via: (publisher, via) => `${publisher} vía ${via}`,
  disagreement: (subject, stated) => `Las fuentes discrepan sobre ${subject}: ${stated}.`,
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
  altMore: (list, count) => `${list} y ${count} más`,
};

/** plotbrief's own tables, by language subtag: `MESSAGES.fr.chartData` is "Données de ce graphique". */
export const CATALOGUE: Readonly<Record<string, Messages>> & { readonly en: Messages } = { en, fr, de, es };

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
