// A locale's language, read one way everywhere: the catalogue, units, numbers, axes and tips ask it.

/** The language of a locale: "fr" for "fr-CA", "fil" for "fil-PH". */
export function languageOf(locale: string): string {
  let language = languages.get(locale);
  if (language === undefined) {
    language = new Intl.Locale(locale).language;
    languages.set(locale, language);
  }
  return language;
}

// Intl.Locale is slow to make, and a build asks for the same few locales thousands of times.
const languages = new Map<string, string>();

/** Whether a locale writes English, which has forms of its own (AP dates, "$" for dollars); none is English. */
export function isEnglish(locale: string | undefined): boolean {
  return locale === undefined || languageOf(locale) === "en";
}
