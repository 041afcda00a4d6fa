/** Whole months between a hire date and a reference day (calendar months, not 30-day blocks). */
export function tenureMonths(hireDate: Date, now: Date): number {
  const months = (now.getUTCFullYear() - hireDate.getUTCFullYear()) * 12 + (now.getUTCMonth() - hireDate.getUTCMonth());
  const dayNotReached = now.getUTCDate() < hireDate.getUTCDate();
  return Math.max(0, months - (dayNotReached ? 1 : 0));
}

export type TenureBand = "under1y" | "1to3y" | "over3y";

/** The domain's "excellent agent" bar starts at three years of service. */
export function tenureBand(months: number): TenureBand {
  if (months < 12) return "under1y";
  if (months < 36) return "1to3y";
  return "over3y";
}
