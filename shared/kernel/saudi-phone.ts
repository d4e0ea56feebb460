/**
 * Saudi business phone numbers: a mobile or a landline, as an installer company may give either. Both have a
 * nine-digit national significant number after the country code 966:
 * - mobile: `5` + 8 digits (national `05X XXX XXXX`, E.164 `+9665XXXXXXXX`);
 * - landline: a two-digit area code `1X` + 7 digits (national `01X XXX XXXX`, E.164 `+9661XXXXXXXX`).
 *
 * The customers context has its own mobile-only rule (shared/customers/domain/phone.ts). The kernel may import no
 * context, so the mobile rule is restated here; it accepts every spelling the customers rule accepts and gives the
 * same E.164 result (a test holds the two together). Toll-free (800) and unified (9200) numbers are not accepted:
 * they do not reach a named office.
 */

/** Geographic area codes, after the trunk 0: Riyadh, Makkah/Jeddah, Eastern Province, Madinah/north, Qassim/Hail, south. */
export const SAUDI_LANDLINE_AREA_CODES = ['11', '12', '13', '14', '16', '17'] as const;
export type SaudiLandlineAreaCode = (typeof SAUDI_LANDLINE_AREA_CODES)[number];

/** Input longer than this is refused before any work: a grouped international number fits with room to spare. */
export const PHONE_INPUT_LENGTH_MAX = 32;

/**
 * Once spaces and dashes are removed: an optional prefix (`+966`, `00966`, `966` or the trunk `0`), then the national
 * significant number: a mobile (5 + 8 digits) or a landline (area code + 7 digits). `+966 0…` is refused: the trunk
 * 0 is never dialled after the country code.
 */
const SAUDI_BUSINESS_PHONE_PATTERN = new RegExp(
  `^(?:\\+966|00966|966|0)?(5[0-9]{8}|(?:${SAUDI_LANDLINE_AREA_CODES.join('|')})[0-9]{7})$`,
);

/** Spaces and dashes people group numbers with; removed anywhere, as the customers rule removes them. */
const GROUPING = /[\s-]/g;

/**
 * Returns the number in E.164 (`+966` and nine digits), or undefined when it is not a Saudi mobile or landline
 * number. Accepts `+966…`, `00966…`, `966…`, national `0…` and bare national significant numbers, grouped by spaces
 * or dashes; digits are ASCII only.
 */
export function normaliseSaudiBusinessPhone(input: string): string | undefined {
  if (input.length > PHONE_INPUT_LENGTH_MAX) return undefined;
  const match = SAUDI_BUSINESS_PHONE_PATTERN.exec(input.replace(GROUPING, ''));
  return match === null ? undefined : `+966${match[1]}`;
}
