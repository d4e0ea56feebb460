import * as z from 'zod';

/** Bounds that keep every amount far inside safe integers and any real purchase: SAR 10 million. */
export const AMOUNT_HALALAS_MAX = 1_000_000_000;

/** A positive amount of money in the API: always integer halalas. */
export const halalasSchema = z.number().int().positive().max(AMOUNT_HALALAS_MAX).describe('Integer halalas (1 SAR = 100 halalas).');
