import { IsString } from 'class-validator';

/** Someone asked to reconcile an integration now (`POST /integrations/:id/reconcile`), not at its next interval. */
export class ZoomReconcileRequestedValue {
  @IsString()
  zoomCredentialId: string;
}
