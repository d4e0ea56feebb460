/**
 * What a function may touch. The CDK function construct turns each permission into a least-privilege grant,
 * so a handler gets exactly the access its route or integration declares and nothing more.
 */
export const PERMISSIONS = [
  'table:read',
  'table:write',
  'pii:encrypt',
  'pii:decrypt',
  /** GenerateMac with the blind-index HMAC key, to find records by a personal value. */
  'pii:blind-index',
  /** Send to its own integration's DLQ, to dead-letter a poison message at once instead of after every retry. */
  'queue:send-dead-letter',
  /** Read the NAFATH callback signing secret. */
  'secret:nafath-callback',
  /** Read the payment gateway webhook signing secret. */
  'secret:payment-webhook',
  /** Read the payout provider's webhook signing secret. */
  'secret:payout-webhook',
  /** Sign presigned POST forms into the milestone-evidence bucket, and HeadObject what was uploaded. */
  'evidence:write',
  /** Sign presigned GET URLs for milestone evidence. */
  'evidence:read',
  'token:sign',
  'token:read-public-key',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
