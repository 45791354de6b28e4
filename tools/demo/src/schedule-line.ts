/** The integration's schedule as the scheduler shows it. */
export interface ScheduledIntegration {
  schedule: { kind: string; time?: string; timezone: string; everyHours?: number; days?: string[]; expression?: string };
  nextRunAt: string | null;
}

/** One line: when the integration runs next, and by what schedule. */
export function scheduleLine({ schedule, nextRunAt }: ScheduledIntegration): string {
  const when: Record<string, string> = {
    daily: `daily at ${schedule.time}`,
    every_hours: `every ${schedule.everyHours} hours from ${schedule.time}`,
    weekly: `weekly on ${schedule.days?.join(', ')} at ${schedule.time}`,
    cron: `by "${schedule.expression}"`,
  };
  return `demo: next scheduled run ${nextRunAt ?? 'none (not active)'} (${when[schedule.kind] ?? schedule.kind} ${schedule.timezone})`;
}
