import { GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { derToJoseSignature, keyIdFor, signingInput, type AccessTokenClaims } from '../app/access-token.ts';
import type { AccessTokenSigner } from '../app/ports.ts';

/** Signs access tokens inside KMS; the private key never leaves it. */
export class KmsAccessTokenSigner implements AccessTokenSigner {
  private readonly kid: string;

  constructor(
    private readonly kms: KMSClient,
    private readonly signingKeyId: string,
  ) {
    this.kid = keyIdFor(signingKeyId);
  }

  async sign(claims: AccessTokenClaims): Promise<string> {
    const input = signingInput(this.kid, claims);
    const { Signature } = await this.kms.send(
      new SignCommand({ KeyId: this.signingKeyId, Message: Buffer.from(input, 'utf8'), MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    if (Signature === undefined) throw new Error('KMS returned no signature');
    return `${input}.${derToJoseSignature(Signature).toString('base64url')}`;
  }
}

/** Fetches the signing key's public half once per process; verification then needs no KMS call. */
export async function loadAccessTokenPublicKeys(kms: KMSClient, signingKeyId: string): Promise<ReadonlyMap<string, KeyObject>> {
  const { PublicKey } = await kms.send(new GetPublicKeyCommand({ KeyId: signingKeyId }));
  if (PublicKey === undefined) throw new Error('KMS returned no public key');
  return new Map([[keyIdFor(signingKeyId), createPublicKey({ key: Buffer.from(PublicKey), format: 'der', type: 'spki' })]]);
}
