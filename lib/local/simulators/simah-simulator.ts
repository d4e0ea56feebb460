/**
 * SIMAH simulator: returns a credit report keyed by national ID (test-identities.ts). Ordinary IDs get a score
 * derived from a hash of the ID, so the same person always gets the same report, and it maps to LOW or MEDIUM risk
 * under our documented method (docs/credit-assessment.md), never HIGH. Nothing is logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseNationalId } from '../../../shared/kernel/national-id.ts';
import { heldOpenReplies, startHttpSimulator, type RunningSimulator, type SimulatorResponse } from './http-simulator.ts';
import { simahBehaviourFor } from './test-identities.ts';

export interface SimahSimulatorOptions {
  /** @default 0 (a free port) */
  readonly port?: number;
}

export interface SimahCreditReport {
  readonly reportId: string;
  /** 300 to 900. */
  readonly score: number;
  readonly grade: 'A' | 'B' | 'C' | 'D' | 'E';
  readonly existingObligationsHalalas: number;
  readonly activeDefaults: number;
  readonly reportedAt: string;
}

/**
 * Ordinary scores start at our MEDIUM threshold (HIGH is below 550, MEDIUM below 700), so no ordinary person is
 * refused: 650 to 899, about a fifth MEDIUM and the rest LOW.
 */
export const ORDINARY_SCORE_MIN = 650;
export const ORDINARY_SCORE_MAX = 899;
/** Ordinary obligations: whole riyals from 0 to SAR 49,999. */
const ORDINARY_OBLIGATIONS_RIYALS_SPAN = 50_000;
const HALALAS_PER_SAR = 100;
/** Far beyond our 5 s client timeout, and short enough that an abandoned request does not linger. */
export const TIMEOUT_HOLD_MILLISECONDS = 30_000;
const UNAVAILABLE: SimulatorResponse = { status: 503, body: { error: 'service unavailable' } };

/** The fixed reports of the special test IDs; the comments give the risk our method assigns. */
const HIGH_RISK_REPORT = { score: 480, activeDefaults: 2, existingObligationsHalalas: 45_000 * HALALAS_PER_SAR }; // HIGH
const MEDIUM_RISK_REPORT = { score: 620, activeDefaults: 0, existingObligationsHalalas: 8_000 * HALALAS_PER_SAR }; // MEDIUM
const RECOVERED_REPORT = { score: 760, activeDefaults: 0, existingObligationsHalalas: 1_200 * HALALAS_PER_SAR }; // LOW

function gradeFor(score: number): SimahCreditReport['grade'] {
  if (score >= 800) return 'A';
  if (score >= 700) return 'B';
  if (score >= 600) return 'C';
  if (score >= 500) return 'D';
  return 'E';
}

function report(figures: { readonly score: number; readonly activeDefaults: number; readonly existingObligationsHalalas: number }): SimahCreditReport {
  return { reportId: randomUUID(), grade: gradeFor(figures.score), ...figures, reportedAt: new Date().toISOString() };
}

/** The same ID always gets the same figures; only the report id and time change. */
export function ordinaryReportFigures(nationalId: string): { readonly score: number; readonly activeDefaults: 0; readonly existingObligationsHalalas: number } {
  const digest = createHash('sha256').update(nationalId).digest();
  return {
    score: ORDINARY_SCORE_MIN + (digest.readUInt32BE(0) % (ORDINARY_SCORE_MAX - ORDINARY_SCORE_MIN + 1)),
    activeDefaults: 0,
    existingObligationsHalalas: (digest.readUInt32BE(4) % ORDINARY_OBLIGATIONS_RIYALS_SPAN) * HALALAS_PER_SAR,
  };
}

export async function startSimahSimulator(options: SimahSimulatorOptions = {}): Promise<RunningSimulator> {
  // Per instance, so that each test run sees the transient failure once.
  const failedOnce = new Set<string>();
  const held = heldOpenReplies(TIMEOUT_HOLD_MILLISECONDS);

  function creditReport(body: unknown): SimulatorResponse | Promise<SimulatorResponse> {
    const { nationalId, consentReference } = (body ?? {}) as { nationalId?: unknown; consentReference?: unknown };
    if (typeof nationalId !== 'string' || parseNationalId(nationalId) === undefined) return { status: 400, body: { error: 'invalid nationalId' } };
    // SIMAH releases a report only against the consumer's recorded consent.
    if (typeof consentReference !== 'string' || consentReference.trim() === '') return { status: 400, body: { error: 'consentReference required' } };
    switch (simahBehaviourFor(nationalId)) {
      case 'timeout':
        return held.reply();
      case 'server-error':
        return UNAVAILABLE;
      case 'server-error-once':
        if (failedOnce.has(nationalId)) return { status: 200, body: report(RECOVERED_REPORT) };
        failedOnce.add(nationalId);
        return UNAVAILABLE;
      case 'garbage':
        return { status: 200, body: { reportId: 'R', score: 'excellent', grade: 7 } };
      case 'high-risk':
        return { status: 200, body: report(HIGH_RISK_REPORT) };
      case 'medium-risk':
        return { status: 200, body: report(MEDIUM_RISK_REPORT) };
      case 'ordinary':
        return { status: 200, body: report(ordinaryReportFigures(nationalId)) };
    }
  }

  return startHttpSimulator(
    options.port ?? 0,
    async (request) => {
      if (request.method === 'POST' && request.url.pathname === '/v1/credit-reports') return creditReport(request.body);
      return { status: 404, body: { error: 'not found' } };
    },
    held.release,
  );
}
