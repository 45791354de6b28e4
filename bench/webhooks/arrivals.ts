import { OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { OomnitzaPerson } from '@zoom-oomnitza-sync/local-platform';
import { EventKind, SentEvent } from './event-load';

/**
 * Follows each event until the Oomnitza sandbox shows its change, by reading the people written
 * since the last look now and then: the latency is from the Zoom sandbox's dispatch (it sends the first attempt
 * then) to the person's `written_at`. Only a user's latest change can be seen: one overtaken by
 * the user's next change before it was seen is counted as overtaken, not measured.
 */
export class ArrivalTracker {
  readonly latenciesMs: number[] = [];
  readonly latenciesMsByKind = new Map<EventKind, number[]>();
  overtaken = 0;
  private readonly pending = new Map<string, SentEvent>();
  private lastSampledAt?: Date;

  constructor(
    private readonly oomnitza: OomnitzaSandbox,
    private readonly targets: { status: string; dept: string },
  ) {}

  track(event: SentEvent): void {
    if (this.pending.has(event.userId)) {
      this.overtaken += 1;
    }
    this.pending.set(event.userId, event);
  }

  get outstanding(): number {
    return this.pending.size;
  }

  /** The events not seen yet, by kind. */
  outstandingByKind(): Map<EventKind, number> {
    const counts = new Map<EventKind, number>();
    for (const event of this.pending.values()) {
      counts.set(event.kind, (counts.get(event.kind) ?? 0) + 1);
    }
    return counts;
  }

  sample(): void {
    // The sandbox runs in this process: nothing is written while a sample runs, and a person written before the last one was looked at then.
    const sampledAt = new Date();
    const written = this.lastSampledAt ? this.oomnitza.state.peopleWrittenSince(this.lastSampledAt) : this.oomnitza.state.people();
    this.lastSampledAt = sampledAt;
    const people = new Map(written.map((person) => [String(person.email).toLowerCase(), person]));
    for (const [userId, event] of this.pending) {
      const person = people.get(event.email);
      const writtenAt = Date.parse(String(person?.written_at));
      // A write older than the event is an earlier change's: the person may show this effect already if that change never arrived.
      if (person && writtenAt >= event.dispatchedAt && this.shows(person, event)) {
        this.latenciesMs.push(writtenAt - event.dispatchedAt);
        const ofKind = this.latenciesMsByKind.get(event.kind) ?? [];
        ofKind.push(writtenAt - event.dispatchedAt);
        this.latenciesMsByKind.set(event.kind, ofKind);
        this.pending.delete(userId);
      }
    }
  }

  private shows(person: OomnitzaPerson, { effect }: SentEvent): boolean {
    return effect.field === 'exists' || person[this.targets[effect.field]] === effect.value;
  }
}
