/**
 * The Saudi national address (SPL) of the installation: building number, street, district, city, postal code and
 * additional number. Personal data: stored only encrypted, and shown only to the customer and, with consent, to the
 * contractor chosen for the project.
 */

export interface InstallationAddress {
  /** Four digits. */
  readonly buildingNumber: string;
  readonly street: string;
  readonly district: string;
  readonly city: string;
  /** Five digits. */
  readonly postalCode: string;
  /** Four digits. */
  readonly additionalNumber: string;
}

export const BUILDING_NUMBER_PATTERN = /^\d{4}$/;
export const POSTAL_CODE_PATTERN = /^\d{5}$/;
export const ADDITIONAL_NUMBER_PATTERN = /^\d{4}$/;
/** Street, district and city names: letters (Arabic or Latin), digits, spaces and common punctuation. */
export const ADDRESS_NAME_LENGTH_MAX = 100;
