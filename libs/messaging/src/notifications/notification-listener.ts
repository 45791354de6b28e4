import { Client, ClientConfig } from 'pg';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

const RECONNECT_DELAY_MS = 2_000;

/** A connection of its own, with the DataSource's settings: LISTEN holds it for the process lifetime. */
export function listenerConnectionOf(dataSource: DataSource): ClientConfig {
  const options = dataSource.options as PostgresConnectionOptions;
  const config: ClientConfig = {
    connectionString: options.url,
    host: options.host,
    port: options.port,
    user: options.username,
    password: typeof options.password === 'string' ? options.password : undefined,
    database: options.database,
    ssl: options.ssl as ClientConfig['ssl'],
    application_name: options.applicationName,
  };
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as ClientConfig;
}

/**
 * LISTENs on one channel (the outbox's, the writer's pending records') and calls `onNotification`
 * for each NOTIFY. A lost connection is re-established in the background; the listener's owner
 * polls to cover the gap.
 */
export class NotificationListener {
  private client?: Client;
  private stopped = true;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    private readonly onNotification: () => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', () => this.onNotification());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      this.scheduleReconnect(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Rows committed while no one was listening are picked up at once.
    this.onNotification();
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.client = undefined;
    client.end().catch(() => undefined);
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped) {
      return;
    }
    this.logger.warn(
      { channel: this.channel, error: error instanceof Error ? error.message : undefined },
      'LISTEN connection unavailable; polling until it is back',
    );
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}
