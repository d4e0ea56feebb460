import * as z from 'zod';

/** The body of a 202: the request was taken and will be processed, with nothing else to report yet. */
export const acceptedResponseSchema = z.strictObject({ status: z.literal('accepted') });
