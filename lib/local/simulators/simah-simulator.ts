/**
 * SIMAH simulator: returns a credit report keyed by national ID (test-identities.ts). Ordinary IDs get a
 * deterministic score between 650 and 899 derived from the ID, so they map to LOW or MEDIUM risk, never HIGH.
 */
import { createHash, randomUUID } from 'node:crypto';
import { startHttpSimulator, type RunningSimulator } from './http-simulator.ts';
import { simahBehaviourFor } from './test-identities.ts';

/** Ordinary scores stay at or above the MEDIUM threshold so no ordinary person is refused. */
const ORDINARY_SCORE_MIN = 650;
const ORDINARY_SCORE_SPAN = 250;

function gradeFor(score: number): string {
  if (score >= 800) return 'A';
  if (score >= 700) return 'B';
  if (score >= 600) return 'C';
  if (score >= 500) return 'D';
  return 'E';
}

function report(score: number, activeDefaults: number, existingObligationsHalalas: number) {
  return { reportId: randomUUID(), score, grade: gradeFor(score), existingObligationsHalalas, activeDefaults, reportedAt: new Date().toISOString() };
}

export async function startSimahSimulator(options: { readonly port: number }): Promise<RunningSimulator> {
  const failedOnce = new Set<string>();
  return startHttpSimulator(options.port, async (request) => {
    if (request.method !== 'POST' || request.url.pathname !== '/v1/credit-reports') return { status: 404, body: { error: 'not found' } };
    const nationalId = String((request.body as { nationalId?: unknown } | undefined)?.nationalId ?? '');
    switch (simahBehaviourFor(nationalId)) {
      case 'timeout':
        return 'hang';
      case 'server-error':
        return { status: 503, body: { error: 'service unavailable' } };
      case 'server-error-once':
        if (!failedOnce.has(nationalId)) {
          failedOnce.add(nationalId);
          return { status: 503, body: { error: 'service unavailable' } };
        }
        return { status: 200, body: report(760, 0, 1_200_00) };
      case 'garbage':
        return { status: 200, body: { reportId: 'R', score: 'excellent', grade: 7 } };
      case 'high-risk':
        return { status: 200, body: report(480, 2, 45_000_00) };
      case 'medium-risk':
        return { status: 200, body: report(620, 0, 8_000_00) };
      case 'ordinary': {
        const digest = createHash('sha256').update(nationalId).digest();
        return { status: 200, body: report(ORDINARY_SCORE_MIN + (digest.readUInt16BE(0) % ORDINARY_SCORE_SPAN), 0, (digest.readUInt16BE(2) % 500) * 100) };
      }
    }
  });
}
