/**
 * Where a secret belongs. It is the AES-GCM additional authenticated data: a ciphertext copied to
 * another tenant, credential or field fails to decrypt.
 */
export interface SecretContext {
  tenantId: string;
  kind: 'zoom' | 'oomnitza';
  credentialId: string;
  field: string;
}

const AAD_LABEL = 'zoom-oomnitza-sync/credentials/v1';

/** JSON of an array: unambiguous whatever characters the parts hold. */
export function additionalDataOf(context: SecretContext): Buffer {
  return Buffer.from(JSON.stringify([AAD_LABEL, context.tenantId, context.kind, context.credentialId, context.field]), 'utf8');
}

export function describeContext(context: SecretContext): string {
  return `${context.field} of ${context.kind} credential ${context.credentialId}`;
}
