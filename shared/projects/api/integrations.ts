/** The projects context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
import { CONTRACTORS_EVENTS } from '../../contractors/index.ts';
import { PROJECTS_EVENTS } from './events.ts';

export const projectsIntegrations = {
  contractorPayouts: defineIntegration({
    id: 'contractor-payouts',
    description: "Instructs the payout provider (the bank) to transfer each approved disbursement to the contractor's IBAN; the provider keys transfers by disbursement id, so a redelivery never pays twice.",
    eventPattern: {
      source: [PROJECTS_EVENTS.disbursementRequested.source],
      detailType: [PROJECTS_EVENTS.disbursementRequested.detailType],
    },
    handlerEntry: 'functions/projects/instruct-disbursement.ts',
    // Three attempts of at most 5 s each plus backoff fit well inside this.
    functionTimeoutSeconds: 30,
    // The bank's API is shared with every other payment RABHAN makes: a few transfers at a time.
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    // The contractor's IBAN is decrypted just before the call and never stored or logged in clear.
    permissions: ['table:read', 'table:write', 'pii:decrypt', 'queue:send-dead-letter'],
  }),
  releaseHeldPayouts: defineIntegration({
    id: 'release-held-payouts',
    description: "Instructs every disbursement held while a change of the contractor's IBAN waited for its four-eyes decision, once it is decided.",
    eventPattern: {
      source: [CONTRACTORS_EVENTS.contractorPayoutsReleased.source],
      detailType: [CONTRACTORS_EVENTS.contractorPayoutsReleased.detailType],
    },
    handlerEntry: 'functions/projects/release-held-payouts.ts',
    // Up to a page of transfers, each with its retries, one after another.
    functionTimeoutSeconds: 120,
    maximumConcurrency: 2,
    queue: { batchSize: 1, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    permissions: ['table:read', 'table:write', 'pii:decrypt', 'queue:send-dead-letter'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;
