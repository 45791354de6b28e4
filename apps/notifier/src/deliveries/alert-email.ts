import { AlertKind } from '@zoom-oomnitza-sync/contracts';
import { NotificationEntity } from '../notifications/notification.entity';

export interface AlertEmail {
  subject: string;
  text: string;
  html: string;
}

const WHAT_TO_DO: Record<AlertKind, string> = {
  run_failed:
    "Read the reason above and the run's record errors (GET /integrations/{integration}/runs/{run}/errors), fix what they name, then press Run now or wait for the next scheduled run.",
  credential_invalid:
    'Update the Zoom or Oomnitza credential the reason names (PATCH the credential, then POST its /test), then press Run now.',
  run_overdue: "The run is still making progress. Check Zoom's and Oomnitza's rate limits, and the run's counts as it goes.",
  scheduled_run_missed: 'Make sure the scheduler service is running; the next slots run as scheduled once it is.',
  stale_data: "Oomnitza may not show Zoom's current users. Look at the integration's recent runs: failed, skipped, or none scheduled.",
  recovered: 'Nothing: the integration is syncing again.',
  removals_held:
    'Review the held removals (GET /integrations/{integration}/held-removals) and approve or discard them; nothing is removed until you do.',
};

/** The email of one alert to one contact: what happened, to which integration and run, and what to do. */
export function alertEmail(notification: NotificationEntity, heldBack: number, integrationName?: string): AlertEmail {
  const whatToDo = WHAT_TO_DO[notification.kind]
    .replaceAll('{integration}', notification.integrationId)
    .replaceAll('{run}', notification.runId ?? '{run}');
  const facts: [string, string][] = [
    ['Integration', integrationName ? `${integrationName} (${notification.integrationId})` : notification.integrationId],
    ...(notification.runId ? [['Run', notification.runId] as [string, string]] : []),
    ['Alert', `${notification.kind} (${notification.severity})`],
    ['Raised at', notification.createdAt.toISOString()],
  ];
  const repeats =
    heldBack > 0
      ? `${heldBack} more ${heldBack === 1 ? 'alert' : 'alerts'} like this one came since the last email and were held back.`
      : '';
  const text = [
    notification.title,
    '',
    notification.detail,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    ...(repeats ? ['', repeats] : []),
    '',
    `What to do: ${whatToDo}`,
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(notification.title)}</h2>`,
    `<p>${escapeHtml(notification.detail)}</p>`,
    `<table>${facts.map(([label, value]) => `<tr><th align="left">${label}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`,
    ...(repeats ? [`<p>${escapeHtml(repeats)}</p>`] : []),
    `<p><strong>What to do:</strong> ${escapeHtml(whatToDo)}</p>`,
  ].join('\n');
  return { subject: `[Zoom sync] ${notification.title}`, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
