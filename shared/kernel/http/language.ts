export const SUPPORTED_LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Longest Accept-Language header we bother to parse; anything longer is abuse, not preference. */
const ACCEPT_LANGUAGE_LENGTH_MAX = 256;

/**
 * Picks Arabic or English from an Accept-Language header by quality value (RFC 9110 §12.5.4).
 * Any `ar-*` tag counts as Arabic; unknown languages fall back to English.
 */
export function negotiateLanguage(acceptLanguage: string | undefined): Language {
  if (acceptLanguage === undefined || acceptLanguage.length > ACCEPT_LANGUAGE_LENGTH_MAX) return DEFAULT_LANGUAGE;
  let best: { language: Language; quality: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    const language = SUPPORTED_LANGUAGES.find((supported) => supported === primary);
    if (language === undefined) continue;
    const qualityParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.slice(2));
    if (!Number.isFinite(quality) || quality <= 0) continue;
    if (best === undefined || quality > best.quality) best = { language, quality };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
