import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { FieldError, ProblemException } from '@zoom-oomnitza-sync/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { SchedulerEnvironment } from '../scheduler.environment';
import { CredentialKind, KnownCredentialEntity } from './known-credential.entity';

/** The credentials an integration names; either may be left out of a change. */
export interface CredentialChoice {
  zoomCredentialId?: string;
  oomnitzaCredentialId?: string;
}

const LOOK_AGAIN_MS = 100;

const FIELDS = [
  { field: 'zoomCredentialId', kind: 'zoom', label: 'Zoom' },
  { field: 'oomnitzaCredentialId', kind: 'oomnitza', label: 'Oomnitza' },
] as const;

/** Some named credential is not the tenant's to use. */
export class CredentialNotUsableProblem extends ProblemException {
  constructor(errors: FieldError[]) {
    super({
      status: 422,
      slug: 'credential-not-usable',
      title: 'A credential cannot be used',
      detail: `${errors.map((error) => error.message).join('; ')}.`,
      errors,
    });
  }
}

/**
 * An integration may only name credentials of its own tenant, of the right kind, not deleted, as
 * the known_credentials read model has them. Another tenant's credential is "not known", word for
 * word and after the same wait as one that does not exist, so the answer tells nobody it exists. A
 * credential created a moment ago may not have reached the read model yet: an id not known is
 * looked up again for CREDENTIAL_ARRIVAL_WAIT_MS before it is refused.
 */
@Injectable()
export class CredentialOwnership {
  private readonly arrivalWaitMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: ConfigService<SchedulerEnvironment, true>,
  ) {
    this.arrivalWaitMs = config.get('CREDENTIAL_ARRIVAL_WAIT_MS', { infer: true });
  }

  /** Waits for credentials not known yet (call it outside a transaction); refuses with 422 what is not the tenant's. */
  async awaitOwned(tenantId: string, choice: CredentialChoice): Promise<void> {
    const deadline = Date.now() + this.arrivalWaitMs;
    for (;;) {
      const refusals = await this.refusals(this.dataSource.manager, tenantId, choice);
      if (refusals.length === 0) {
        return;
      }
      if (refusals.some((refusal) => !refusal.unknown) || Date.now() >= deadline) {
        throw new CredentialNotUsableProblem(refusals.map(({ error }) => error));
      }
      await new Promise((resolve) => setTimeout(resolve, LOOK_AGAIN_MS));
    }
  }

  /** Inside a transaction, without waiting: refuses with 422 what is not (or no longer) the tenant's. */
  async requireOwned(manager: EntityManager, tenantId: string, choice: CredentialChoice): Promise<void> {
    const refusals = await this.refusals(manager, tenantId, choice);
    if (refusals.length > 0) {
      throw new CredentialNotUsableProblem(refusals.map(({ error }) => error));
    }
  }

  private async refusals(manager: EntityManager, tenantId: string, choice: CredentialChoice) {
    const named = FIELDS.flatMap((spec) => (choice[spec.field] === undefined ? [] : [{ ...spec, id: choice[spec.field] as string }]));
    if (named.length === 0) {
      return [];
    }
    const known = await manager.findBy(KnownCredentialEntity, { credentialId: In(named.map(({ id }) => id)) });
    const byId = new Map(known.map((credential) => [credential.credentialId, credential]));
    return named.flatMap(({ field, kind, label, id }) => {
      const credential = byId.get(id);
      if (!credential || !isUsableBy(credential, tenantId, kind)) {
        return [{ unknown: true, error: { field, message: `no ${label} credential ${id} of this tenant is known` } }];
      }
      if (credential.deletedAt) {
        return [{ unknown: false, error: { field, message: `${label} credential ${id} was deleted` } }];
      }
      return [];
    });
  }
}

const isUsableBy = (credential: KnownCredentialEntity, tenantId: string, kind: CredentialKind) =>
  credential.tenantId === tenantId && credential.kind === kind;
