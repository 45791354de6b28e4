import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const ALERT_KINDS = [
  'run_failed',
  'run_overdue',
  'scheduled_run_missed',
  'stale_data',
  'recovered',
  'credential_invalid',
  'removals_held',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Something about an integration that people must hear about before they notice it. */
export class IntegrationAlertValue {
  @IsIn(ALERT_KINDS)
  kind: AlertKind;

  @IsIn(ALERT_SEVERITIES)
  severity: AlertSeverity;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @IsString()
  @MaxLength(4000)
  detail: string;

  @IsOptional()
  @IsUUID()
  runId?: string;
}
