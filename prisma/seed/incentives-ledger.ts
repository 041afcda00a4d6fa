/** Bonus and penalty ledger entries and an appeal for the demo. */
export async function seedLedger(): Promise<string> {
  return "Ledger: nothing seeded";
}
