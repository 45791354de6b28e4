import { Cron } from 'croner';
import { ScheduleDto, ScheduleKind, Weekday, WEEKDAYS } from './schedule.dto';

/** A schedule as stored: the fields its kind uses, defaults filled in. */
export interface Schedule {
  kind: ScheduleKind;
  timezone: string;
  time?: string;
  everyHours?: number;
  days?: Weekday[];
  expression?: string;
}

/** The product page's default: once every day. */
export const DEFAULT_SCHEDULE: Schedule = { kind: 'daily', time: '02:00', timezone: 'UTC' };

export function scheduleOf(input: ScheduleDto): Schedule {
  const timezone = input.timezone ?? 'UTC';
  switch (input.kind) {
    case 'daily':
      return { kind: 'daily', time: input.time!, timezone };
    case 'every_hours':
      return { kind: 'every_hours', everyHours: input.everyHours!, time: input.time ?? '00:00', timezone };
    case 'weekly':
      return {
        kind: 'weekly',
        days: [...input.days!].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b)),
        time: input.time!,
        timezone,
      };
    case 'cron':
      return { kind: 'cron', expression: input.expression!.trim(), timezone };
  }
}

/** The cron pattern (minute first, or second first for six fields) the schedule fires on. */
export function cronPatternOf(schedule: Schedule): string {
  if (schedule.kind === 'cron') {
    return schedule.expression!;
  }
  const [hour, minute] = schedule.time!.split(':').map(Number);
  switch (schedule.kind) {
    case 'daily':
      return `${minute} ${hour} * * *`;
    case 'every_hours': {
      const hours = Array.from({ length: 24 / schedule.everyHours! }, (_, index) => (hour + index * schedule.everyHours!) % 24);
      return `${minute} ${hours.sort((a, b) => a - b).join(',')} * * *`;
    }
    case 'weekly':
      return `${minute} ${hour} * * ${schedule.days!.map((day) => WEEKDAYS.indexOf(day)).join(',')}`;
  }
}

/**
 * The schedule's slots, by croner: a wall-clock time skipped by a daylight-saving change runs
 * once, just after it; one that happens twice runs once, the first time.
 */
function slotsOf(schedule: Schedule): Cron {
  return new Cron(cronPatternOf(schedule), { timezone: schedule.timezone, paused: true, mode: '5-or-6-parts' });
}

/** The first slot strictly after `after`; null for an expression that never fires again. */
export function nextSlotAfter(schedule: Schedule, after: Date): Date | null {
  return slotsOf(schedule).nextRun(after);
}

/** The shortest time between two of the next `samples` slots after `from`, in seconds. */
export function shortestGapSeconds(schedule: Schedule, from: Date, samples = 50): number {
  const slots = slotsOf(schedule).nextRuns(samples, from);
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < slots.length; index += 1) {
    shortest = Math.min(shortest, (slots[index].getTime() - slots[index - 1].getTime()) / 1000);
  }
  return shortest;
}
