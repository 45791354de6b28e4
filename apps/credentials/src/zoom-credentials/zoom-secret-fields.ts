import { SecretContext } from '../encryption/secret-context';

export type ZoomSecretField = 'clientSecret' | 'webhookSecretToken';

export function zoomSecretContext(credential: { tenantId: string; id: string }, field: ZoomSecretField): SecretContext {
  return { tenantId: credential.tenantId, kind: 'zoom', credentialId: credential.id, field };
}
