/** Role-play sessions agents played in the demo: practice, a red line and a retry, a transcript waiting for review. */
export async function seedRolePlaySessions(): Promise<string> {
  return "Role-play sessions: nothing seeded";
}
