import { cronPatternOf, nextSlotAfter, Schedule, scheduleOf, shortestGapSeconds } from './schedule';

const slotsAfter = (schedule: Schedule, from: string, count: number) => {
  const slots: string[] = [];
  let after = new Date(from);
  for (let index = 0; index < count; index += 1) {
    after = nextSlotAfter(schedule, after)!;
    slots.push(after.toISOString());
  }
  return slots;
};

describe('schedules', () => {
  it('runs daily at the wall-clock time of its timezone', () => {
    const schedule = scheduleOf({ kind: 'daily', time: '02:00', timezone: 'America/New_York' });
    expect(cronPatternOf(schedule)).toBe('0 2 * * *');
    // EST is UTC-5 in January.
    expect(slotsAfter(schedule, '2026-01-10T12:00:00Z', 2)).toEqual(['2026-01-11T07:00:00.000Z', '2026-01-12T07:00:00.000Z']);
  });

  it('runs once on the day a daylight-saving change skips its time, just after the change', () => {
    const schedule = scheduleOf({ kind: 'daily', time: '02:30', timezone: 'Europe/Berlin' });
    // 29 March 2026: clocks jump from 02:00 to 03:00 CEST; 02:30 does not exist that day.
    expect(slotsAfter(schedule, '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T01:30:00.000Z', // 02:30 CET
      '2026-03-29T01:00:00.000Z', // 03:00 CEST
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
    ]);
  });

  it('runs once on the day a daylight-saving change repeats its time, the first time', () => {
    const schedule = scheduleOf({ kind: 'daily', time: '02:30', timezone: 'Europe/Berlin' });
    // 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET; 02:30 happens twice.
    expect(slotsAfter(schedule, '2026-10-24T12:00:00Z', 2)).toEqual([
      '2026-10-25T00:30:00.000Z', // 02:30 CEST, not again at 02:30 CET
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('runs every N hours from the time given, the same hours every day', () => {
    const schedule = scheduleOf({ kind: 'every_hours', everyHours: 6, time: '03:15' });
    expect(schedule.timezone).toBe('UTC');
    expect(cronPatternOf(schedule)).toBe('15 3,9,15,21 * * *');
    expect(slotsAfter(schedule, '2026-05-01T16:00:00Z', 3)).toEqual([
      '2026-05-01T21:15:00.000Z',
      '2026-05-02T03:15:00.000Z',
      '2026-05-02T09:15:00.000Z',
    ]);
  });

  it('runs weekly on the chosen days', () => {
    const schedule = scheduleOf({ kind: 'weekly', days: ['thu', 'mon'], time: '23:45', timezone: 'UTC' });
    expect(cronPatternOf(schedule)).toBe('45 23 * * 1,4');
    // 1 May 2026 is a Friday.
    expect(slotsAfter(schedule, '2026-05-01T00:00:00Z', 3)).toEqual([
      '2026-05-04T23:45:00.000Z',
      '2026-05-07T23:45:00.000Z',
      '2026-05-11T23:45:00.000Z',
    ]);
  });

  it('runs by a cron expression, seconds first when it has six fields', () => {
    const weekdays = scheduleOf({ kind: 'cron', expression: ' 0 */4 * * 1-5 ', timezone: 'UTC' });
    expect(cronPatternOf(weekdays)).toBe('0 */4 * * 1-5');
    expect(slotsAfter(weekdays, '2026-05-01T21:00:00Z', 2)).toEqual(['2026-05-04T00:00:00.000Z', '2026-05-04T04:00:00.000Z']);
    expect(shortestGapSeconds(scheduleOf({ kind: 'cron', expression: '*/20 * * * * *' }), new Date('2026-05-01T00:00:00Z'))).toBe(20);
  });
});
