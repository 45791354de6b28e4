import { percentile } from '@zoom-oomnitza-sync/devkit';
import { LocalStack, oomnitzaPeople, OomnitzaPerson, subscribeLocalStack, zoomSandboxAdmin } from '@zoom-oomnitza-sync/local-platform';
import { ChangeResult, ZoomUser } from '@zoom-oomnitza-sync/zoom-sandbox';

/** One change made in Zoom and how Oomnitza shows it once it arrived. */
interface Change {
  email: string;
  dispatchedAt: number;
  arrived(person: OomnitzaPerson): boolean;
}

const TIMEZONES = ['Europe/Lisbon', 'Asia/Kolkata', 'America/Bogota'];

export function webhookLine(latenciesMs: readonly number[]): string {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const ms = (fraction: number) => Math.round(percentile(sorted, fraction));
  return `demo: webhooks: ${sorted.length} changes in Oomnitza, p50 ${ms(0.5)} ms, p99 ${ms(0.99)} ms`;
}

/**
 * Subscribes the Zoom sandbox to the platform's webhook URL, changes `count` users through its
 * admin API (departments, time zones, last names in turn) and waits until Oomnitza shows every
 * change. Latency: from the Zoom sandbox's dispatch (event_ts: it sends the first attempt then)
 * to the Oomnitza sandbox's `written_at`.
 */
export async function changeUsersInZoom(stack: LocalStack, count: number, timeoutMs: number): Promise<number[]> {
  const { zoom } = await subscribeLocalStack(stack);
  const targets = stack.setup.fieldTargets;
  const owner = stack.zoom.population.users()[0];
  const users = stack.zoom.population
    .users('active')
    .filter((user) => user.id !== owner.id && user.first_name.trim() && user.last_name.trim())
    .slice(0, count);
  const changes: Change[] = [];
  for (const [index, user] of users.entries()) {
    const { field, value, change } = updateOf(user, index, targets);
    const { delivery } = await zoomSandboxAdmin<ChangeResult>(zoom, 'PATCH', `/sandbox/users/${user.id}`, change);
    changes.push({ email: user.email.toLowerCase(), dispatchedAt: delivery.eventTs, arrived: (person) => person[field] === value });
  }

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const people = await oomnitzaPeople(stack.oomnitza);
    const missing = changes.filter((change) => {
      const person = people.get(change.email);
      return !person || !change.arrived(person);
    });
    if (missing.length === 0) {
      return changes.map((change) => Date.parse(String(people.get(change.email)?.written_at)) - change.dispatchedAt);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `webhooks: only ${changes.length - missing.length} of ${changes.length} changes reached Oomnitza within ${timeoutMs / 1000} s; missing: ${missing
          .slice(0, 5)
          .map((change) => change.email)
          .join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A change of the user that Oomnitza shows in one field, different from what it holds now. */
function updateOf(
  user: Readonly<ZoomUser>,
  index: number,
  targets: LocalStack['setup']['fieldTargets'],
): { field: string; value: string; change: Record<string, string> } {
  if (index % 3 === 0) {
    const dept = `Demo ${index}`;
    return { field: targets.dept, value: dept, change: { dept } };
  }
  if (index % 3 === 1) {
    const timezone = TIMEZONES.find((candidate) => candidate !== user.timezone) as string;
    return { field: targets.timezone, value: timezone, change: { timezone } };
  }
  const lastName = `${user.last_name.trim()}-Demo`;
  return { field: 'last_name', value: lastName, change: { last_name: lastName } };
}
