import { useState } from "react";
import { useTranslation } from "react-i18next";

export type BuilderScenario = { id: string; title: string; difficulty: string };

/** "添加角色演练": a published scenario, its points and its own pass threshold. */
export function ScenarioItemForm({
  scenarios,
  used,
  onAdd,
}: {
  scenarios: BuilderScenario[];
  used: ReadonlySet<string>;
  onAdd: (scenario: BuilderScenario, points: number, passPercent: number) => void;
}) {
  const { t } = useTranslation(["training-exams", "training"]);
  const [error, setError] = useState<string | null>(null);
  const available = scenarios.filter((scenario) => !used.has(scenario.id));
  return (
    <form
      className="card space-y-3 p-5"
      data-testid="add-scenario-item"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const scenario = scenarios.find((entry) => entry.id === data.get("scenarioId"));
        const points = Number(data.get("points"));
        const passPercent = Number(data.get("passPercent"));
        if (!scenario) return setError(t("roleplay:exam.builder.scenarioRequired"));
        if (!Number.isFinite(points) || points <= 0 || points > 1000)
          return setError(t("roleplay:exam.builder.scenarioPoints"));
        if (!Number.isFinite(passPercent) || passPercent < 0 || passPercent > 100) {
          return setError(t("roleplay:exam.builder.scenarioThreshold"));
        }
        setError(null);
        onAdd(scenario, points, passPercent);
      }}
    >
      <h3 className="text-sm font-semibold text-slate-900">{t("roleplay:exam.builder.addScenario")}</h3>
      <p className="text-xs text-slate-500">{t("roleplay:exam.builder.addScenarioHelp")}</p>
      {available.length === 0 ? (
        <p className="text-sm text-slate-500">{t("roleplay:exam.builder.noScenarios")}</p>
      ) : (
        <>
          <div>
            <label className="label" htmlFor="scenario-id">
              {t("roleplay:exam.builder.scenario")}
            </label>
            <select id="scenario-id" name="scenarioId" className="input">
              {available.map((scenario) => (
                <option key={scenario.id} value={scenario.id}>
                  {scenario.title} · {t(`training:difficulty.${scenario.difficulty}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="grid grid-cols-2 gap-3">
            <div>
              <label className="label" htmlFor="scenario-points">
                {t("builder.points")}
              </label>
              <input
                id="scenario-points"
                name="points"
                type="number"
                min={0.5}
                max={1000}
                step={0.5}
                defaultValue={50}
                className="input"
              />
            </div>
            <div>
              <label className="label" htmlFor="scenario-pass">
                {t("roleplay:exam.builder.scenarioPassLabel")}
              </label>
              <input
                id="scenario-pass"
                name="passPercent"
                type="number"
                min={0}
                max={100}
                step={1}
                defaultValue={70}
                className="input"
              />
            </div>
          </div>
          {error ? (
            <p className="text-sm text-rose-700" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn-secondary">
            {t("roleplay:exam.builder.addScenarioSubmit")}
          </button>
        </>
      )}
    </form>
  );
}
