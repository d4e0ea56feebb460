/**
 * Personal data must never reach a log line. Redaction works by field name at any depth, so a personal value that
 * slips into a logged object is masked even if the caller forgot. Names are compared case-insensitively without
 * separators, so `national_id`, `nationalId` and `NationalID` all match.
 */
export const PERSONAL_FIELD_NAMES = [
  'nationalId',
  'iqama',
  'fullName',
  'firstName',
  'lastName',
  'phone',
  'mobile',
  'email',
  'dateOfBirth',
  'birthDate',
  'iban',
  'address',
  'authorization',
  'cookie',
  'accessToken',
  'refreshToken',
  'pollToken',
  'password',
  'secret',
] as const;

export const REDACTED = '[REDACTED]';

const normalise = (fieldName: string): string => fieldName.replace(/[-_\s]/g, '').toLowerCase();
const personalFieldNames = new Set(PERSONAL_FIELD_NAMES.map(normalise));

export function isPersonalFieldName(fieldName: string): boolean {
  return personalFieldNames.has(normalise(fieldName));
}

/** A JSON.stringify replacer that masks personal fields; plugs into the Powertools Logger. */
export function redactPersonalFields(key: string, value: unknown): unknown {
  if (key !== '' && isPersonalFieldName(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
