import * as z from 'zod';
import { NATIONAL_ID_PATTERN } from '../../kernel/national-id.ts';
import { ulidSchema } from '../../kernel/http/ulid-schema.ts';


export const startNafathSessionRequestSchema = z
  .strictObject({
    // The format is documented; the use-case checks it with the check digit, which no pattern can state, and answers
    // 400 INVALID_NATIONAL_ID for either.
    nationalId: z
      .string()
      .max(32)
      .meta({ pattern: NATIONAL_ID_PATTERN.source })
      .describe('Saudi national ID (first digit 1) or Iqama number (2): ten digits, the last a check digit. Otherwise 400 INVALID_NATIONAL_ID.'),
  })
  .meta({ id: 'StartNafathSessionRequest' });

export const startNafathSessionResponseSchema = z
  .strictObject({
    sessionId: z.string(),
    pollToken: z.string().describe('Send as X-Poll-Token when polling; shown only once.'),
    randomNumber: z.string().describe('The number to pick in the Nafath app.'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'StartNafathSessionResponse' });

export const nafathSessionPathSchema = z.strictObject({ sessionId: ulidSchema });

export const issuedTokensSchema = z
  .strictObject({ accessToken: z.string(), refreshToken: z.string(), expiresInSeconds: z.number().int() })
  .meta({ id: 'IssuedTokens' });

export const nafathSessionResponseSchema = z
  .strictObject({
    sessionId: z.string(),
    status: z.enum(['WAITING', 'COMPLETED', 'REJECTED', 'EXPIRED']),
    tokens: issuedTokensSchema.optional().describe('Present once: on the first poll that sees COMPLETED.'),
  })
  .meta({ id: 'NafathSessionResponse' });

export const nafathCallbackSchema = z
  .strictObject({
    callbackId: z.string().min(1).max(128),
    transId: z.string().min(1).max(128),
    status: z.enum(['COMPLETED', 'REJECTED', 'EXPIRED']),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'NafathCallback' });

export const refreshTokensRequestSchema = z.strictObject({ refreshToken: z.string().max(256) }).meta({ id: 'RefreshTokensRequest' });

export const jwksResponseSchema = z
  .strictObject({ keys: z.array(z.object({ kty: z.string(), crv: z.string(), x: z.string(), y: z.string(), kid: z.string(), alg: z.string(), use: z.string() })) })
  .meta({ id: 'JsonWebKeySet' });

export { acceptedResponseSchema } from '../../kernel/http/accepted-schema.ts';
