/** Award programmes from content/awards/programs.yaml and the demo award cycles. */
export async function seedAwardPrograms(): Promise<string> {
  return "Award programmes: nothing seeded";
}

export async function seedAwardCycles(): Promise<string> {
  return "Award cycles: nothing seeded";
}

export async function seedLeaderboards(): Promise<string> {
  return "Leaderboards: nothing seeded";
}
