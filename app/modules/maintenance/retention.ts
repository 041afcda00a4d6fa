const DAY_MS = 24 * 60 * 60 * 1000;

/** Sessions that expired or were revoked longer ago than this are deleted. */
export const SESSION_RETENTION_DAYS = 1;
/** Login attempts older than this are deleted (the lockout window is minutes; 30 days keeps an audit trail). */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

export function sessionPurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_RETENTION_DAYS * DAY_MS);
}

export function loginAttemptCutoff(now: Date): Date {
  return new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * DAY_MS);
}
