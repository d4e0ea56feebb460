/** The dependencies of the evidence routes: the S3 client of the milestone-evidence bucket. */
import { once } from '../kernel/compose.ts';
import { evidenceBucketName } from '../kernel/config/platform-config.ts';
import { createEvidenceS3Client, S3EvidenceFiles } from './adapters/evidence-bucket.ts';
import type { EvidenceDeps } from './app/project-deps.ts';
import { projectDeps } from './compose.ts';

export const evidenceDeps = /* @__PURE__ */ once((): EvidenceDeps => ({ ...projectDeps(), evidenceFiles: new S3EvidenceFiles(createEvidenceS3Client(), evidenceBucketName()) }));
