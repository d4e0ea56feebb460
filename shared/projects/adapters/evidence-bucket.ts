/**
 * The milestone-evidence bucket on S3: presigned POST forms for contractors' uploads, HeadObject to check what
 * arrived, presigned GET URLs to hand evidence out. The bucket (stateful stack) encrypts every object with its own
 * KMS key by default and locks it for the records period, so nothing here names a key or a retention.
 */
import { GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Environment } from '../../kernel/config/environment.ts';
import type { EvidenceFiles, StoredFile, UploadForm } from '../app/evidence-files.ts';

/** Bounded SDK retries, as for the other clients: throttling is retried briefly, then surfaces as a failure. */
export const S3_MAX_ATTEMPTS = 3;

/** What S3 answers for an object stored without a Content-Type. */
const S3_DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/**
 * An S3 client for the evidence bucket; the projects context's compose.ts builds one per process. Like the other
 * clients it takes its endpoint from the standard AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) when running locally.
 * A configured endpoint (moto, LocalStack) is one host with no per-bucket DNS names, so requests and presigned URLs
 * then address the bucket in the path; in AWS they use the bucket's virtual-hosted name.
 */
export function createEvidenceS3Client(environment: Environment = process.env): S3Client {
  const endpointConfigured = Boolean(environment.AWS_ENDPOINT_URL_S3 || environment.AWS_ENDPOINT_URL);
  return new S3Client({ maxAttempts: S3_MAX_ATTEMPTS, forcePathStyle: endpointConfigured });
}

function isNotFound(error: unknown): boolean {
  if (error instanceof S3ServiceException) return error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404;
  return error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey');
}

/**
 * When S3 starts refusing the form: the expiration inside the signed policy (the signing time plus Expires, to the
 * second), read back rather than recomputed, so the two can never disagree.
 */
function policyExpiration(fields: Readonly<Record<string, string>>): Date {
  const policy = JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as { expiration?: unknown };
  const expiresAt = typeof policy.expiration === 'string' ? new Date(policy.expiration) : undefined;
  if (expiresAt === undefined || Number.isNaN(expiresAt.getTime())) throw new Error('The presigned POST policy has no expiration');
  return expiresAt;
}

export class S3EvidenceFiles implements EvidenceFiles {
  constructor(
    private readonly client: S3Client,
    private readonly bucketName: string,
  ) {}

  async uploadForm(request: { readonly key: string; readonly contentType: string; readonly maxBytes: number; readonly ttlSeconds: number }): Promise<UploadForm> {
    const { key, contentType, maxBytes, ttlSeconds } = request;
    const { url, fields } = await createPresignedPost(this.client, {
      Bucket: this.bucketName,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        { 'Content-Type': contentType },
        // Exact, even for a key ending in ${filename}, which the library would otherwise turn into a prefix match.
        { key },
        // Any value: S3 checks it against the bytes. The bucket's default Object Lock retention makes S3 ask uploads
        // for an integrity digest, so the client adds a Content-MD5 field of the file, which every field of a POST
        // must be allowed by a condition to carry.
        ['starts-with', '$Content-MD5', ''],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: ttlSeconds,
    });
    return { url, fields: { ...fields, key, 'Content-Type': contentType }, expiresAt: policyExpiration(fields) };
  }

  async describe(key: string): Promise<StoredFile | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucketName, Key: key }));
      return { contentType: head.ContentType ?? S3_DEFAULT_CONTENT_TYPE, sizeBytes: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async downloadUrl(key: string, ttlSeconds: number): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucketName, Key: key }), { expiresIn: ttlSeconds });
  }
}
