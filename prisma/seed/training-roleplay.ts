/** Role-play demo data: the scenarios in content/scenarios/, sessions played by agents, reviews waiting. */
export async function seedRolePlay(): Promise<string> {
  return "Role-play: nothing seeded";
}
