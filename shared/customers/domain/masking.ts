/** What staff see of a customer's personal data: enough to recognise and help, never enough to reuse. */
import { maskNationalId } from '../../kernel/national-id.ts';

export { maskNationalId };

export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part !== '')
    .map((part) => `${[...part][0] ?? ''}${'*'.repeat(Math.max(0, [...part].length - 1))}`)
    .join(' ');
}

/** +9665XXXXXXXX → +9665*****678 */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, 5)}${'*'.repeat(Math.max(0, e164.length - 8))}${e164.slice(-3)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** Only the birth year is shown. */
export function maskDateOfBirth(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-**-**`;
}
