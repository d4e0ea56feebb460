/**
 * The financing agreement a customer accepts for a project: the version of the terms, and every figure they agreed
 * to (price, down payment, financing, each installment). Its SHA-256 over canonical JSON is what acceptance records,
 * so what was shown and what was accepted can be proven equal years later.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../kernel/canonical-json.ts';
import type { Project } from './project.ts';

/** Bumped whenever the wording changes; acceptances record the version they accepted. */
export const AGREEMENT_TERMS_VERSION = 'rabhan-solar-bnpl-2026-12';

export interface AgreementInstallment {
  readonly sequence: number;
  readonly dueDate: string;
  readonly amountHalalas: number;
}

export interface AgreementTerms {
  readonly termsVersion: string;
  readonly projectId: string;
  readonly planId: string;
  readonly contractorId: string;
  readonly quoteId: string;
  readonly totalHalalas: number;
  readonly downPaymentHalalas: number;
  readonly financedHalalas: number;
  /** SAMA BNPL Art. 20: no fees or interest of any kind. */
  readonly feesHalalas: 0;
  readonly installments: readonly AgreementInstallment[];
  /** The due dates are indicative until notice to proceed; the first falls due a policy period after it. */
  readonly scheduleStartsAtNoticeToProceed: true;
  readonly firstInstallmentMonthsAfterNoticeToProceed: number;
  readonly coolingOffEndsAt: string;
  readonly milestoneAmountsHalalas: { readonly M1: number; readonly M2: number };
}

export function agreementTerms(project: Project, installments: readonly AgreementInstallment[], firstInstallmentMonthsAfterNoticeToProceed: number): AgreementTerms {
  return {
    termsVersion: AGREEMENT_TERMS_VERSION,
    projectId: project.projectId,
    planId: project.planId,
    contractorId: project.contractorId,
    quoteId: project.quoteId,
    totalHalalas: project.totalHalalas,
    downPaymentHalalas: project.downPaymentHalalas,
    financedHalalas: project.financedHalalas,
    feesHalalas: 0,
    installments: installments.map(({ sequence, dueDate, amountHalalas }) => ({ sequence, dueDate, amountHalalas })),
    scheduleStartsAtNoticeToProceed: true,
    firstInstallmentMonthsAfterNoticeToProceed,
    coolingOffEndsAt: project.coolingOffEndsAt.toISOString(),
    milestoneAmountsHalalas: { M1: project.milestones.M1.amountHalalas, M2: project.milestones.M2.amountHalalas },
  };
}

/** SHA-256 (hex) of the terms' canonical JSON. */
export function termsSha256(terms: AgreementTerms): string {
  return createHash('sha256').update(canonicalJson(terms)).digest('hex');
}
