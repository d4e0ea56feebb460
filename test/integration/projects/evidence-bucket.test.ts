/**
 * The milestone-evidence bucket adapter against the local S3 (moto), through the bucket the local provisioning
 * creates: an upload through a presigned POST form exactly as a contractor's app sends it, the HeadObject check of
 * what arrived, and a presigned GET back. Moto does not enforce POST policies, so what the form would let S3 accept
 * is asserted on the signed policy itself.
 */
import { createHash, randomUUID } from 'node:crypto';
import { GetObjectLockConfigurationCommand, GetBucketVersioningCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionLocalResources } from '../../../lib/local/provision.ts';
import { EVIDENCE_RETENTION } from '../../../shared/kernel/deployment/evidence-bucket.ts';
import { createEvidenceS3Client, S3EvidenceFiles } from '../../../shared/projects/adapters/evidence-bucket.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const TTL_SECONDS = 300;
const CLOCK_TOLERANCE_MILLISECONDS = 5_000;
/** A PNG signature and the start of an IHDR chunk: small, and recognisably an image's bytes. */
const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01]);

const client = createEvidenceS3Client();
let bucketName: string;
let evidence: S3EvidenceFiles;

beforeAll(async () => {
  ({ evidenceBucketName: bucketName } = await provisionLocalResources(`ev${randomUUID().slice(0, 8)}`));
  evidence = new S3EvidenceFiles(client, bucketName);
});

afterAll(() => {
  client.destroy();
});

const evidenceKey = (): string => `projects/${randomUUID()}/milestones/1/${randomUUID()}.png`;

/** What a contractor's app does with a form: every field, then the file last, as multipart/form-data. */
async function postThroughForm(form: { url: string; fields: Readonly<Record<string, string>> }, bytes: Uint8Array, contentType: string): Promise<Response> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
  // S3 asks uploads into a bucket with a default Object Lock retention to prove their integrity with an MD5.
  body.append('Content-MD5', createHash('md5').update(bytes).digest('base64'));
  body.append('file', new Blob([bytes], { type: contentType }), 'evidence.png');
  return fetch(form.url, { method: 'POST', body });
}

interface SignedPolicy {
  readonly expiration: string;
  readonly conditions: ReadonlyArray<unknown>;
}

const signedPolicyOf = (fields: Readonly<Record<string, string>>): SignedPolicy =>
  JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8')) as SignedPolicy;

describe('the milestone-evidence bucket', () => {
  it('is provisioned locally versioned, with the ten-year default Object Lock retention of the deployed bucket', async () => {
    const versioning = await client.send(new GetBucketVersioningCommand({ Bucket: bucketName }));
    const lock = await client.send(new GetObjectLockConfigurationCommand({ Bucket: bucketName }));

    expect(versioning.Status).toBe('Enabled');
    expect(lock.ObjectLockConfiguration?.ObjectLockEnabled).toBe('Enabled');
    expect(lock.ObjectLockConfiguration?.Rule?.DefaultRetention).toMatchObject({ Mode: EVIDENCE_RETENTION.mode, Years: EVIDENCE_RETENTION.years });
  });

  it('accepts an upload through a presigned form, and describes it with the content type and size that arrived', async () => {
    const key = evidenceKey();
    const form = await evidence.uploadForm({ key, contentType: 'image/png', maxBytes: MAX_BYTES, ttlSeconds: TTL_SECONDS });

    const response = await postThroughForm(form, PNG_BYTES, 'image/png');

    expect(response.status, await response.clone().text()).toBe(204);
    expect(await evidence.describe(key)).toEqual({ contentType: 'image/png', sizeBytes: PNG_BYTES.byteLength });
  });

  it('describes a key nothing was uploaded under as undefined', async () => {
    expect(await evidence.describe(evidenceKey())).toBeUndefined();
  });

  it('hands out a presigned download URL that returns exactly the uploaded bytes', async () => {
    const key = evidenceKey();
    const form = await evidence.uploadForm({ key, contentType: 'image/png', maxBytes: MAX_BYTES, ttlSeconds: TTL_SECONDS });
    expect((await postThroughForm(form, PNG_BYTES, 'image/png')).status).toBe(204);

    const url = await evidence.downloadUrl(key, TTL_SECONDS);
    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_BYTES);
  });

  it('signs a form that admits only one object, under exactly its key and content type, of 1 byte up to the maximum', async () => {
    const key = evidenceKey();
    const before = Date.now();

    const form = await evidence.uploadForm({ key, contentType: 'application/pdf', maxBytes: MAX_BYTES, ttlSeconds: TTL_SECONDS });

    const policy = signedPolicyOf(form.fields);
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1, MAX_BYTES], { 'Content-Type': 'application/pdf' }, { key }, { bucket: bucketName }]),
    );
    // The one open field: the file's own MD5, which S3 checks against the bytes and asks of uploads into a locked bucket.
    const prefixMatches = policy.conditions.filter((condition) => Array.isArray(condition) && condition[0] === 'starts-with');
    expect(prefixMatches).toEqual([['starts-with', '$Content-MD5', '']]);
    expect(form.fields).toMatchObject({ key, 'Content-Type': 'application/pdf' });
    // The form says when S3 stops accepting it: the signed policy's expiration, ttlSeconds after signing.
    expect(form.expiresAt.getTime()).toBe(Date.parse(policy.expiration));
    // The SDK signs by its own clock (Date.now() plus the skew offset it takes from a server's Date header, in whole
    // seconds) and the policy keeps whole seconds, so the test's clock bounds it only loosely: runs came out 1.0 s
    // and 1.04 s early. Five seconds either side of a 300 s lifetime still proves the form lives ttlSeconds.
    expect(form.expiresAt.getTime()).toBeGreaterThanOrEqual(before + TTL_SECONDS * 1000 - CLOCK_TOLERANCE_MILLISECONDS);
    expect(form.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + TTL_SECONDS * 1000 + CLOCK_TOLERANCE_MILLISECONDS);
  });

  it('points its forms and links at the local S3 endpoint, addressing the bucket in the path, so curl on this machine reaches them', async () => {
    const endpoint = process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
    const key = evidenceKey();

    const form = await evidence.uploadForm({ key, contentType: 'image/png', maxBytes: MAX_BYTES, ttlSeconds: TTL_SECONDS });
    const link = await evidence.downloadUrl(key, TTL_SECONDS);

    expect(endpoint).toBeDefined();
    expect(form.url).toBe(`${endpoint}/${bucketName}`);
    expect(link.startsWith(`${endpoint}/${bucketName}/${key}?`)).toBe(true);
  });
});
