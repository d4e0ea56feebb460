/** The contractors context's integrations: the events it consumes from the bus, each through its own queue. */
import { defineIntegration, type IntegrationDefinition } from '../../kernel/messaging/integration.ts';
import { CONTRACTORS_EVENTS } from './events.ts';

export const contractorsIntegrations = {
  zatcaVatVerification: defineIntegration({
    id: 'zatca-vat-verification',
    description: "Verifies each applicant's VAT registration with ZATCA, and that it belongs to the applicant's unified number.",
    eventPattern: {
      source: [CONTRACTORS_EVENTS.contractorApplied.source],
      detailType: [CONTRACTORS_EVENTS.contractorApplied.detailType],
    },
    handlerEntry: 'functions/contractors/verify-contractor-vat.ts',
    // Three ZATCA attempts of at most 5 s each plus backoff fit well inside this.
    functionTimeoutSeconds: 30,
    // ZATCA is a national service: cap our concurrent calls to it, as for SIMAH and SEC.
    maximumConcurrency: 5,
    queue: { batchSize: 5, maxBatchingWindowSeconds: 1, maxReceiveCount: 5, retentionDays: 14 },
    // VAT and unified numbers are company identifiers, not personal data: the worker decrypts nothing.
    permissions: ['table:read', 'table:write', 'queue:send-dead-letter'],
  }),
} as const satisfies Record<string, IntegrationDefinition>;
