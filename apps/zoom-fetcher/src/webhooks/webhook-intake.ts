import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { CredentialRef } from '@zoom-oomnitza-sync/credentials-client';
import { OutboxInsert, OutboxService } from '@zoom-oomnitza-sync/messaging';
import { preparedStatement, qualifiedTable, SqlParameters } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { KnownUserStatus } from '../directory/known-user.entity';
import { ZoomDirectory } from '../directory/zoom-directory';
import { IntegrationDirectory, IntegrationRef } from '../integrations/integration-directory';
import { ReconcileSchedule } from '../reconcile/reconcile-schedule';
import { UserChangePublisher } from '../user-changes/user-change-publisher';
import { ReadRequest, UserReadQueue } from '../user-reads/user-read-queue';
import { WebhookEventEntity } from './webhook-event.entity';
import { ZoomWebhook } from './zoom-webhook-body';

export type UserEvent = Extract<ZoomWebhook, { kind: 'user_event' }>;

/** These say all there is to say: the user is gone or inactive, and a read would add nothing (or find nobody). */
const PUBLISHED_AS_RECEIVED: ReadonlySet<ZoomUserEvent> = new Set(['user.deactivated', 'user.deleted', 'user.disassociated']);

/** What each event says of the user's status, for the directory; the others say it in their object, if at all. */
const STATUS_AFTER: Partial<Record<ZoomUserEvent, KnownUserStatus>> = {
  'user.activated': 'active',
  'user.invitation_accepted': 'active',
  'user.deactivated': 'inactive',
  'user.deleted': 'removed',
  'user.disassociated': 'removed',
};

/** Up to this many integrations of one credential, the intake runs prepared: its text differs by their count. */
const PREPARED_MAX_INTEGRATIONS = 8;

/** Stands for the e-mail the directory knows until the statement splices it in: valid, and no user's. */
const KNOWN_EMAIL = `${randomUUID()}@known-email.invalid`;

/** What the statement does with a fresh event: publish it, have the user read, or publish it if the directory knows the user. */
type Route = 'publish' | 'read' | 'publish_if_known';

/**
 * Takes a verified user event in, in one statement (no transaction of its own, one round trip):
 * the event row (once per event: Zoom redelivers), the user in the directory, and either its
 * zoom.user.changed messages or a read of the user from Zoom. An update of a user the directory
 * knows needs no read: its object carries every changed field and the directory the e-mail that
 * addresses it. An event about a user the fetcher never saw means Zoom dropped one: the reconcile
 * reports drift at once.
 */
@Injectable()
export class WebhookIntake {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly integrations: IntegrationDirectory,
    private readonly publisher: UserChangePublisher,
    private readonly outbox: OutboxService,
    private readonly reads: UserReadQueue,
    private readonly directory: ZoomDirectory,
    private readonly reconcile: ReconcileSchedule,
  ) {}

  async take(credential: CredentialRef, event: UserEvent): Promise<'accepted' | 'duplicate'> {
    const integrations = await this.integrations.activeUsing(this.dataSource.manager, credential.credentialId);
    const parameters = new SqlParameters();
    const { sql, published } = await this.statement(credential, event, integrations, parameters);
    const [outcome] = (await this.dataSource.query(
      integrations.length <= PREPARED_MAX_INTEGRATIONS ? preparedStatement(sql) : sql,
      parameters.values,
    )) as { fresh: boolean; published: number }[];
    published?.committed(outcome.published > 0);
    this.publisher.count({ messages: outcome.published, eventTs: event.eventTs, path: 'webhook' });
    return outcome.fresh ? 'accepted' : 'duplicate';
  }

  /**
   * The intake's statement, from its owners' parts: the event row and the user in the directory
   * always; `intake` decides; the messages, the read request and the flag of a user never seen
   * happen only where it says so. It answers whether the event was fresh and how many messages it wrote.
   */
  private async statement(
    credential: CredentialRef,
    event: UserEvent,
    integrations: IntegrationRef[],
    parameters: SqlParameters,
  ): Promise<{ sql: string; published?: OutboxInsert }> {
    const route = routeOf(event);
    const zoomCredential = `${parameters.add(credential.credentialId)}::text`;
    const observedAt = new Date(event.eventTs);
    const parts = [
      `receipt AS (${this.receiptSql(parameters, zoomCredential, event)})`,
      this.directory.learningSql(this.dataSource, parameters, zoomCredential, event.user, observedAt, STATUS_AFTER[event.event]),
      `intake AS (SELECT EXISTS (SELECT 1 FROM receipt) AS fresh, EXISTS (SELECT 1 FROM previous) AS known,
         ${this.publishesSql(route, event)} AS publishes)`,
    ];
    const columns = ['fresh'];
    const published = await this.publication(credential, integrations, route, event, parameters);
    if (published) {
      parts.push(`published AS (${published.sql})`);
      columns.push('(SELECT count(*)::int FROM published) AS published', published.announcement);
    } else {
      columns.push('0 AS published');
    }
    if (route !== 'publish' && integrations.length > 0 && event.user.id !== undefined) {
      const requested = this.reads.requestInStatement(parameters, this.readRequest(credential, event, event.user.id), {
        cte: 'requested',
        when: '(SELECT fresh AND NOT publishes FROM intake)',
      });
      parts.push(`requested AS (${requested.sql})`);
      columns.push(requested.announcement);
    }
    if (event.event !== 'user.created') {
      const censusTaken = this.directory.censusTakenSql(this.dataSource, zoomCredential);
      parts.push(
        `flagged AS (${this.reconcile.flagUnknownUserInStatement(zoomCredential, `(SELECT fresh AND NOT known FROM intake) AND ${censusTaken}`)})`,
      );
    }
    return { sql: `WITH ${parts.join(',\n')}\nSELECT ${columns.join(', ')} FROM intake`, published };
  }

  /** The event's row, once per event (ON CONFLICT DO NOTHING): a pending user has no id yet, and its e-mail tells its events apart. */
  private receiptSql(parameters: SqlParameters, zoomCredential: string, event: UserEvent): string {
    const values = [event.event, event.user.id ?? String(event.user.email)].map((value) => `${parameters.add(value)}::text`);
    return `INSERT INTO ${qualifiedTable(this.dataSource, WebhookEventEntity)} (zoom_credential_id, event, user_key, event_ts)
      VALUES (${zoomCredential}, ${values.join(', ')}, ${parameters.add(event.eventTs)}::bigint) ON CONFLICT DO NOTHING RETURNING 1`;
  }

  /** Whether a fresh event is published as it came: an update only of a user the directory knows, not removed, with an e-mail. */
  private publishesSql(route: Route, event: UserEvent): string {
    if (route !== 'publish_if_known') {
      return String(route === 'publish');
    }
    const addressed = event.user.email === undefined ? '(SELECT email FROM previous) IS NOT NULL' : 'true';
    return `EXISTS (SELECT 1 FROM previous WHERE status IS DISTINCT FROM 'removed') AND ${addressed}`;
  }

  /** The messages the event may publish; an update without an e-mail is addressed by the one the directory knows, spliced in. */
  private async publication(
    credential: CredentialRef,
    integrations: IntegrationRef[],
    route: Route,
    event: UserEvent,
    parameters: SqlParameters,
  ): Promise<OutboxInsert | undefined> {
    if (route === 'read' || integrations.length === 0) {
      return undefined;
    }
    const splice = route === 'publish_if_known' && event.user.email === undefined;
    const user = splice ? { ...event.user, email: KNOWN_EMAIL } : event.user;
    const change = {
      zoomCredentialId: credential.credentialId,
      zoomAccountId: event.accountId,
      event: event.event,
      eventTs: event.eventTs,
      user,
      complete: false,
      previous: event.previous,
      observedAt: new Date(event.eventTs),
    };
    const rows = await this.publisher.rows(integrations, change);
    return this.outbox.insertInStatement(this.dataSource, rows, parameters, {
      cte: 'published',
      when: '(SELECT fresh AND publishes FROM intake)',
      ...(splice ? { payload: spliceKnownEmail } : {}),
    });
  }

  private readRequest(credential: CredentialRef, event: UserEvent, userId: string): ReadRequest {
    return {
      tenantId: credential.tenantId,
      zoomCredentialId: credential.credentialId,
      zoomAccountId: event.accountId,
      userId,
      event: event.event,
      eventTs: event.eventTs,
      webhookUser: event.user,
      previous: event.previous,
    };
  }
}

function routeOf(event: UserEvent): Route {
  if (event.user.id === undefined || PUBLISHED_AS_RECEIVED.has(event.event)) {
    return 'publish';
  }
  return event.event === 'user.updated' ? 'publish_if_known' : 'read';
}

/** The message text with the directory's e-mail of the user in place of KNOWN_EMAIL, as an SQL expression. */
function spliceKnownEmail(value: string, parameters: SqlParameters): string {
  const [before, after, ...more] = value.split(JSON.stringify(KNOWN_EMAIL));
  if (after === undefined || more.length > 0) {
    throw new Error('the message does not hold the known e-mail exactly once');
  }
  return `(${parameters.add(before)} || (SELECT to_json(email)::text FROM previous) || ${parameters.add(after)})`;
}
