const MAX_IDENTIFIER_LENGTH = 63;

/** The LISTEN/NOTIFY channel on which a schema's outbox announces new rows. */
export function outboxChannelOf(schema: string): string {
  return `outbox_${schema}`.slice(0, MAX_IDENTIFIER_LENGTH);
}
