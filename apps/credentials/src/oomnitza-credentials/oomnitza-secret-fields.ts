import { SecretContext } from '../encryption/secret-context';

export function oomnitzaTokenContext(credential: { tenantId: string; id: string }): SecretContext {
  return { tenantId: credential.tenantId, kind: 'oomnitza', credentialId: credential.id, field: 'apiToken' };
}
