/**
 * Personal data must never reach a log line. Redaction works by field name at any depth, so a personal value that
 * slips into a logged object is masked even if the caller forgot. Names are compared case-insensitively without
 * separators, and a field whose name merely contains one of these is masked too: `national_id`, `NationalID`,
 * `fullNameAr` and `customerPhone` all match. Masking an innocent `phoneVerified` costs little; missing a
 * `contactEmail` would be a breach.
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
  /** An SEC electricity account number identifies a home. */
  'accountNumber',
  'address',
  /** The parts of a national address, should one be logged on its own. */
  'street',
  'district',
  'buildingNumber',
  'postalCode',
  'additionalNumber',
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
const personalFieldNames = PERSONAL_FIELD_NAMES.map(normalise);

export function isPersonalFieldName(fieldName: string): boolean {
  const normalised = normalise(fieldName);
  return personalFieldNames.some((personal) => normalised.includes(personal));
}

/** A JSON.stringify replacer that masks personal fields; plugs into the Powertools Logger. */
export function redactPersonalFields(key: string, value: unknown): unknown {
  if (key !== '' && isPersonalFieldName(key) && value !== undefined && value !== null) return REDACTED;
  if (typeof value === 'bigint') return value.toString();
  return value;
}
