/**
 * How long the milestone-evidence bucket keeps every object version, and in which Object Lock mode. The CDK stateful
 * stack and the local provisioning both configure the bucket from this.
 *
 * Ten years is the records rule (consumer records are kept at least 10 years; the stricter figure wins over the
 * brief's seven). The clock starts at upload, so a relationship that ends later needs its evidence's retention
 * extended then (PutObjectRetention can lengthen a lock, never shorten it).
 *
 * GOVERNANCE, not COMPLIANCE: no application role can delete or shorten a lock (none holds
 * s3:BypassGovernanceRetention or s3:DeleteObjectVersion), but an upload that must not be kept (another person's
 * documents, sent by mistake, which PDPL requires us to erase) can still be removed by a deliberately privileged
 * operator, in CloudTrail. COMPLIANCE would make such a file undeletable for ten years, even by the root user.
 */
export const EVIDENCE_RETENTION = { mode: 'GOVERNANCE', years: 10 } as const;
