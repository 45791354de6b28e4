import { LocalStack } from '@zoom-oomnitza-sync/local-platform';
import { EventKind, EventLoad } from './event-load';

/**
 * The users whose person in Oomnitza does not end as Zoom has them (Zoom Status and department;
 * a deleted user's person marked deleted), by the kind of the user's last event.
 */
export function lostEvents(
  stack: LocalStack,
  load: EventLoad,
): { total: number; byKind: { kind: EventKind; count: number; example: string }[] } {
  const targets = stack.setup.fieldTargets;
  const people = new Map(stack.oomnitza.state.export().people.map((person) => [String(person.email).toLowerCase(), person]));
  const lastEvents = new Map(load.sent.map((event) => [event.userId, event]));
  const lost = new Map<EventKind, string[]>();
  for (const [userId, last] of lastEvents) {
    const user = stack.zoom.population.find(userId);
    const person = people.get(user ? user.email.toLowerCase() : last.email);
    const expected = user ? { status: user.status, dept: user.dept ?? null } : { status: 'deleted' };
    const holds = person && person[targets.status] === expected.status && (!user || person[targets.dept] === expected.dept);
    if (!holds) {
      lost.set(last.kind, [
        ...(lost.get(last.kind) ?? []),
        `${last.email}: Zoom ${JSON.stringify(expected)}, Oomnitza ${person ? JSON.stringify({ status: person[targets.status], dept: person[targets.dept] }) : 'no person'}`,
      ]);
    }
  }
  const byKind = [...lost].map(([kind, examples]) => ({ kind, count: examples.length, example: examples[0] }));
  return { total: byKind.reduce((sum, { count }) => sum + count, 0), byKind };
}
