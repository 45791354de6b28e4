import { Injectable } from '@nestjs/common';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { SaasLink } from './saas-link';

/** A person whose Zoom status went between active and not active with the records just written. */
export interface StatusChange {
  syncValue: string;
  active: boolean;
}

/**
 * Keeps SaaS users' status through the routes Oomnitza documents, for links that carry no status
 * of their own: after the records are written, the people whose Zoom status changed are found by
 * sync value, their SaaS users of the app by person id, and those are activated or deactivated.
 * The people are written either way: a failure here is logged, and the next change of the user's
 * status tries again.
 */
@Injectable()
export class SaasStatus {
  private readonly log: Logger;

  constructor(
    private readonly oomnitza: OomnitzaBulkClient,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: SaasStatus.name });
  }

  async apply(access: OomnitzaAccess, link: SaasLink, syncField: string, changes: StatusChange[]): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    try {
      const people = await this.oomnitza.peopleBySyncValue(
        access,
        syncField,
        changes.map((change) => change.syncValue),
        ['id'],
      );
      const personIdOf = (change: StatusChange) => people.get(change.syncValue.toLowerCase())?.id;
      const personIds = changes.flatMap((change) => (personIdOf(change) === undefined ? [] : [String(personIdOf(change))]));
      const saasUsers =
        personIds.length === 0 ? new Map<string, string>() : await this.oomnitza.saasUsersOf(access, link.saasId, personIds);
      for (const active of [true, false]) {
        const ids = changes
          .filter((change) => change.active === active)
          .flatMap((change) => saasUsers.get(String(personIdOf(change))) ?? []);
        if (ids.length > 0) {
          await this.oomnitza.setSaasUsersActive(access, ids, active);
        }
      }
    } catch (error) {
      this.log.warn({ err: error, saasId: link.saasId, users: changes.length }, 'saas user status not updated');
    }
  }
}
