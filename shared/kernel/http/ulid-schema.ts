import * as z from 'zod';
import { ULID_PATTERN } from '../clock-and-ids.ts';

/** A path or body field that must be one of our ids. */
export const ulidSchema = z.string().regex(ULID_PATTERN, 'must be a ULID');
