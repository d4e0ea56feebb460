/**
 * A pragmatic well-formedness check for e-mail addresses: enough to catch typing errors, not a full RFC 5322 parser
 * (no quoted local parts, comments, IP-literal domains or internationalised addresses). Only a confirmation message
 * proves that an address works.
 *
 * The customers context validates e-mail with zod's `z.email()` plus a 254-character bound
 * (shared/customers/api/contracts.ts). This pure rule accepts the same local-part characters as that one and is
 * stricter elsewhere (lengths, hyphens at label ends), so every address it accepts `z.email()` accepts too; a test
 * holds that.
 */

/** RFC 5321: a path is at most 256 octets including the angle brackets, so an address is at most 254. */
export const EMAIL_ADDRESS_LENGTH_MAX = 254;
/** RFC 5321: a local part is at most 64 octets. */
export const EMAIL_LOCAL_PART_LENGTH_MAX = 64;
/** RFC 1035: a DNS label is at most 63 octets. */
export const EMAIL_DOMAIN_LABEL_LENGTH_MAX = 63;

/** One dot-separated piece of the local part: letters, digits and `_ ' + -` (the set zod's practical rule allows). */
const LOCAL_ATOM = /^[A-Za-z0-9_'+-]+$/;
/** A domain label: letters, digits and hyphens, beginning and ending with a letter or digit. */
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
/** The top-level domain: letters only, at least two. */
const TOP_LEVEL_DOMAIN = /^[A-Za-z]{2,}$/;

/**
 * True when `value` looks like `local@domain.tld`: at most 254 characters, exactly one `@`, a local part of at most
 * 64 characters made of dot-separated atoms (no leading, trailing or doubled dot, not ending in `'`), and a domain of
 * at least two labels of letters, digits and inner hyphens, each at most 63 characters, the last being two or more
 * letters. No spaces anywhere; ASCII only. The value is taken as given: callers trim first.
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > EMAIL_ADDRESS_LENGTH_MAX) return false;
  const at = value.indexOf('@');
  if (at < 0 || at !== value.lastIndexOf('@')) return false;
  return isLocalPart(value.slice(0, at)) && isDomain(value.slice(at + 1));
}

function isLocalPart(local: string): boolean {
  if (local.length === 0 || local.length > EMAIL_LOCAL_PART_LENGTH_MAX || local.endsWith("'")) return false;
  return local.split('.').every((atom) => LOCAL_ATOM.test(atom));
}

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  const topLevel = labels[labels.length - 1];
  if (labels.length < 2 || topLevel === undefined || !TOP_LEVEL_DOMAIN.test(topLevel)) return false;
  return labels.every((label) => label.length <= EMAIL_DOMAIN_LABEL_LENGTH_MAX && DOMAIN_LABEL.test(label));
}
