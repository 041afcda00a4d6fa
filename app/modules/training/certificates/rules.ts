/**
 * Pure certificate rules: the printed serial, the expiry date and the state shown in lists.
 */
export const SERIAL_PREFIX = "YP";
export const SERIAL_DIGITS = 6;
export const EXPIRING_WINDOW_DAYS = 30;
export const CERTIFICATE_STATES = ["valid", "expiring", "expired", "revoked"] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

const DAY_MS = 86_400_000;

/** e.g. YP-2026-000123: the prefix, the issue year and a per-year sequence. */
export function formatSerial(year: number, sequence: number, prefix = SERIAL_PREFIX): string {
  return `${prefix}-${year}-${String(sequence).padStart(SERIAL_DIGITS, "0")}`;
}

/** The sequence number of a serial of that year, or null when the serial belongs to another year/prefix. */
export function serialSequence(serial: string, year: number, prefix = SERIAL_PREFIX): number | null {
  const match = new RegExp(`^${prefix}-${year}-(\\d+)$`).exec(serial);
  return match ? Number(match[1]) : null;
}

/**
 * issuedAt + months, same day of month; when that day does not exist the last day of the month
 * (31 Jan + 1 month = 28/29 Feb). null months = no expiry.
 */
export function certificateExpiry(issuedAt: Date, validityMonths: number | null): Date | null {
  if (validityMonths === null || validityMonths <= 0) return null;
  const year = issuedAt.getUTCFullYear();
  const month = issuedAt.getUTCMonth() + validityMonths;
  const day = issuedAt.getUTCDate();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(day, lastDay),
      issuedAt.getUTCHours(),
      issuedAt.getUTCMinutes(),
      issuedAt.getUTCSeconds(),
      issuedAt.getUTCMilliseconds(),
    ),
  );
}

export function certificateState(
  certificate: { expiresAt: Date | string | null; revokedAt?: Date | string | null },
  now: Date,
  windowDays = EXPIRING_WINDOW_DAYS,
): CertificateState {
  if (certificate.revokedAt) return "revoked";
  if (!certificate.expiresAt) return "valid";
  const expires = new Date(certificate.expiresAt).getTime();
  if (expires <= now.getTime()) return "expired";
  if (expires - now.getTime() <= windowDays * DAY_MS) return "expiring";
  return "valid";
}
