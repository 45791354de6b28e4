/** How a statement was sent: named and prepared once per connection, or parsed and planned anew. */
export type StatementKind = 'prepared' | 'plain';

const sent: Record<StatementKind, number> = { prepared: 0, plain: 0 };

/**
 * Every query this process's pooled connections sent, each one round trip to PostgreSQL: the
 * figure that says what a change costs in statements, whatever else runs on the machine.
 */
export const QueryTally = {
  sent(kind: StatementKind): void {
    sent[kind] += 1;
  },

  soFar(): Readonly<Record<StatementKind, number>> {
    return { ...sent };
  },
};
