import { Injectable } from '@nestjs/common';
import { OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { SaasLink } from './saas-link';

/** A person whose SaaS user must become active or inactive: their Zoom status changed, or an earlier change did not take. */
export interface StatusChange {
  syncKey: string;
  syncValue: string;
  active: boolean;
}

/** Which changes Oomnitza took, and which it did not (to be tried again with the user's next record). */
export interface StatusOutcome {
  applied: StatusChange[];
  missed: StatusChange[];
}

export const NO_STATUS_CHANGES: StatusOutcome = { applied: [], missed: [] };

/**
 * Keeps SaaS users' status through the routes Oomnitza documents, for links that carry no status
 * of their own: after the records are written, the people are found by sync value, their SaaS
 * users of the app by person id, and those are activated or deactivated. The people are written
 * either way. A change Oomnitza did not take (a failed call, a person or SaaS user not found yet,
 * an id it answered with an error) is reported missed, so it is tried again later.
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

  async apply(access: OomnitzaAccess, link: SaasLink, syncField: string, changes: StatusChange[]): Promise<StatusOutcome> {
    if (changes.length === 0) {
      return NO_STATUS_CHANGES;
    }
    try {
      const taken = await this.set(access, link, syncField, changes);
      const outcome = { applied: changes.filter((change) => taken.has(change)), missed: changes.filter((change) => !taken.has(change)) };
      if (outcome.missed.length > 0) {
        this.log.warn(
          { saasId: link.saasId, users: outcome.missed.length },
          'saas user status not updated for some users; tried again later',
        );
      }
      return outcome;
    } catch (error) {
      this.log.warn({ err: error, saasId: link.saasId, users: changes.length }, 'saas user status not updated; tried again later');
      return { applied: [], missed: changes };
    }
  }

  /** The changes Oomnitza took. */
  private async set(access: OomnitzaAccess, link: SaasLink, syncField: string, changes: StatusChange[]): Promise<Set<StatusChange>> {
    const people = await this.oomnitza.peopleBySyncValue(
      access,
      syncField,
      changes.map((change) => change.syncValue),
      ['id'],
    );
    const personIdOf = (change: StatusChange) => people.get(change.syncValue.toLowerCase())?.id;
    const personIds = changes.flatMap((change) => (personIdOf(change) === undefined ? [] : [String(personIdOf(change))]));
    const saasUsers = personIds.length === 0 ? new Map<string, string>() : await this.oomnitza.saasUsersOf(access, link.saasId, personIds);
    const saasUserOf = (change: StatusChange) => saasUsers.get(String(personIdOf(change)));
    const taken = new Set<StatusChange>();
    for (const active of [true, false]) {
      const due = changes.filter((change) => change.active === active && saasUserOf(change) !== undefined);
      if (due.length === 0) {
        continue;
      }
      const refused = await this.oomnitza.setSaasUsersActive(access, due.map(saasUserOf) as string[], active);
      for (const change of due.filter((change) => !refused.has(saasUserOf(change) as string))) {
        taken.add(change);
      }
    }
    return taken;
  }
}
