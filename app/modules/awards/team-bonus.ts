/**
 * A team award's bonus is split equally among the team's members (decision 008). Amounts are split in fen so the
 * shares add up exactly; the leftover fen go one each to the first members by 工号 (a stable, visible rule).
 */
export function splitTeamBonus(
  amountYuan: number,
  members: readonly { userId: string; code: string }[],
): { userId: string; amount: number }[] {
  if (members.length === 0 || !(amountYuan > 0)) return [];
  const ordered = [...members].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const totalFen = Math.round(amountYuan * 100);
  const base = Math.floor(totalFen / ordered.length);
  const leftover = totalFen - base * ordered.length;
  return ordered.map((member, index) => ({
    userId: member.userId,
    amount: (base + (index < leftover ? 1 : 0)) / 100,
  }));
}
