/** The events the platform context publishes. `data` carries ids and facts, never personal data. */
import * as z from 'zod';
import { defineEventType } from '../../kernel/messaging/event-type.ts';

export const PLATFORM_EVENTS = {
  pipelineCanaryEmitted: defineEventType({
    source: 'rabhan.platform',
    detailType: 'Pipeline Canary Emitted',
    version: 1,
    data: z.strictObject({ canaryId: z.string().describe('Random id of this canary; the consumer records its arrival.') }),
  }),
} as const;
