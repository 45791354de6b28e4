import { CredentialsChanged, CredentialsChangedValue } from '@zoom-oomnitza-sync/contracts';
import { PlatformDeployment } from './platform-deployment';
import { sendAs } from './stage-reports';

/**
 * Announces credentials on credentials.changed as the credentials service does when they are
 * created, so a scheduler running without that service knows them as the tenant's.
 */
export async function announceCredentials(
  deployment: PlatformDeployment,
  tenantId: string,
  credentials: { zoom?: string[]; oomnitza?: string[] },
): Promise<void> {
  const topic = deployment.topics.name(CredentialsChanged.topic);
  const announced = [
    ...(credentials.zoom ?? []).map((credentialId) => ({ credentialId, kind: 'zoom' as const })),
    ...(credentials.oomnitza ?? []).map((credentialId) => ({ credentialId, kind: 'oomnitza' as const })),
  ];
  for (const { credentialId, kind } of announced) {
    const payload: CredentialsChangedValue = { credentialId, kind, change: 'created' };
    await sendAs(topic, CredentialsChanged, { tenantId, integrationId: credentialId }, [payload]);
  }
}
