// A locale's language, read one way everywhere: the catalogue, units, numbers, axes and tips ask it.

/** The language of a locale: "fr" for "fr-CA", "fil" for "fil-PH". */
export function languageOf(locale: string): string {
  return new Intl.Locale(locale).language;
}

/** Whether a locale writes English, which has forms of its own (AP dates, "$" for dollars); none is English. */
export function isEnglish(locale: string | undefined): boolean {
  return locale === undefined || languageOf(locale) === "en";
}
