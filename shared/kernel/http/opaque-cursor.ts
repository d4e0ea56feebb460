import * as z from 'zod';

/** What a client may rely on about a cursor: nothing but passing it back. Its format is ours to change. */
export const opaqueCursor = (issuedBy: string, lengthMax: number) =>
  z
    .string()
    .max(lengthMax)
    .describe(
      `Opaque: pass back, unchanged, the nextCursor of the previous page of ${issuedBy}. Its format is not part of this contract and may change. ` +
        `A cursor that ${issuedBy} did not issue is refused with 400 VALIDATION_FAILED (field query.cursor). At most ${lengthMax} characters.`,
    );
