/** Role-play scenarios from content/scenarios/ (before the exams that use them as practical items). */
export async function seedScenarios(): Promise<string> {
  return "Scenarios: nothing seeded";
}
