/** The port to the milestone-evidence bucket: presigned forms in, presigned links out, and a check of what arrived. */

/** A presigned POST form: the client POSTs multipart/form-data to `url` with every field, then the file as `file`. */
export interface UploadForm {
  readonly url: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresAt: Date;
}

/** What the bucket holds under a key, read with HeadObject. */
export interface StoredFile {
  readonly contentType: string;
  readonly sizeBytes: number;
}

export interface EvidenceFiles {
  /**
   * A form that lets its holder upload exactly one object under `key`, with exactly `contentType`, of at most
   * `maxBytes` (a `content-length-range` condition), valid for `ttlSeconds`.
   */
  uploadForm(request: { readonly key: string; readonly contentType: string; readonly maxBytes: number; readonly ttlSeconds: number }): Promise<UploadForm>;
  /** The object under `key`, or undefined when nothing was uploaded there. */
  describe(key: string): Promise<StoredFile | undefined>;
  /** A presigned GET URL for `key`, valid for `ttlSeconds`. */
  downloadUrl(key: string, ttlSeconds: number): Promise<string>;
}
