const MAX_IDENTIFIER_LENGTH = 63;

/** The LISTEN/NOTIFY channel on which a schema's writer hears that records are waiting. */
export function pendingRecordsChannelOf(schema: string): string {
  return `pending_records_${schema}`.slice(0, MAX_IDENTIFIER_LENGTH);
}
