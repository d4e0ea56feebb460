/** What the credit context needs from SIMAH, the credit bureau. */
export interface CreditReport {
  readonly reportId: string;
  readonly score: number;
  readonly grade: string;
  readonly existingObligationsHalalas: number;
  readonly activeDefaults: number;
}

export interface SimahClient {
  fetchCreditReport(nationalId: string, consentReference: string): Promise<CreditReport>;
}
