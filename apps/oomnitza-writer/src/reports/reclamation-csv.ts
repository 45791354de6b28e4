import { ReclaimableUserDto } from './dto/licence-reclamation.dto';

export const RECLAMATION_CSV_HEADER = 'user,zoom_user_id,department,status,last_login_time,days_inactive\r\n';

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. Text a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
function cell(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reclamationCsvRows(users: ReclaimableUserDto[]): string {
  return users
    .map(
      (user) =>
        [user.userKey, user.zoomUserId, user.department, user.status, user.lastLoginTime, user.daysInactive].map(cell).join(',') + '\r\n',
    )
    .join('');
}
