import { useTranslation } from "react-i18next";
import type { Script } from "~/modules/roleplay/script";
import { useFormat } from "~/utils/use-format";

const YUAN = { style: "currency", currency: "CNY" } as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="card p-5">
      <h2 className="mb-3 text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** The trainer's read-only view of a script: what the agent sees, what the customer says, how it is scored. */
export function ScriptOverview({ script, rubricName }: { script: Script; rubricName: string | null }) {
  const { t } = useTranslation("roleplay");
  const format = useFormat();
  const intentLabel = new Map(script.intents.map((intent) => [intent.key, intent.label]));
  const labels = (keys: readonly string[]) => keys.map((key) => intentLabel.get(key) ?? key).join(" + ");
  return (
    <div className="space-y-4">
      <Section title={t("authoring.sections.basics")}>
        <p className="text-sm text-slate-700">{t("authoring.overview.goal", { goal: script.goal })}</p>
        <dl className="mt-3 grid gap-3 sm:grid-cols-4">
          <Fact label={t("authoring.fields.channel")}>{t(`authoring.channel.${script.channel}`)}</Fact>
          <Fact label={t("authoring.fields.difficulty")}>{t(`authoring.difficulty.${script.difficulty}`)}</Fact>
          <Fact label={t("authoring.fields.replyTimeLimitSeconds")}>
            {t("authoring.overview.seconds", { count: script.replyTimeLimitSeconds })}
          </Fact>
          <Fact label={t("authoring.fields.tags")}>{script.tags.join("、") || "—"}</Fact>
        </dl>
      </Section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("authoring.sections.persona")}>
          <dl className="grid gap-3 sm:grid-cols-2">
            <Fact label={t("authoring.fields.personaName")}>{script.persona.name}</Fact>
            <Fact label={t("authoring.fields.mood")}>{t(`authoring.mood.${script.persona.mood}`)}</Fact>
            <Fact label={t("authoring.fields.patience")}>{script.persona.patience}</Fact>
            <Fact label={t("authoring.fields.tier")}>{t(`authoring.tier.${script.persona.tier}`)}</Fact>
          </dl>
          {script.persona.description ? (
            <p className="mt-3 text-sm text-slate-600">{script.persona.description}</p>
          ) : null}
        </Section>
        <Section title={t("authoring.sections.order")}>
          <dl className="grid gap-3 sm:grid-cols-2">
            <Fact label={t("authoring.fields.orderNumber")}>
              <span className="font-mono">{script.order.orderNumber}</span>
            </Fact>
            <Fact label={t("authoring.fields.platform")}>{script.order.platform || "—"}</Fact>
            <Fact label={t("authoring.fields.amount")}>{format.number(script.order.amount, YUAN)}</Fact>
            <Fact label={t("authoring.fields.status")}>{script.order.status}</Fact>
          </dl>
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {script.order.items.map((item, index) => (
              <li key={`${item.name}-${index}`}>
                {item.name} × {item.quantity} · {format.number(item.price, YUAN)}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-rose-700">{script.order.issue}</p>
          {script.order.notes.length > 0 ? (
            <ul className="mt-2 list-inside list-disc text-xs text-slate-500">
              {script.order.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </Section>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("authoring.sections.steps")}>
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">{t("authoring.fields.label")}</th>
                <th scope="col">{t("authoring.fields.intents")}</th>
                <th scope="col">{t("authoring.fields.weight")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {script.steps.map((step) => (
                <tr key={step.key}>
                  <td className="text-sm">
                    {step.label}
                    {step.withinReplies ? (
                      <span className="ml-1 text-xs text-slate-400">
                        {t("authoring.overview.withinReplies", { count: step.withinReplies })}
                      </span>
                    ) : null}
                  </td>
                  <td className="text-xs text-slate-500">{labels(step.intents)}</td>
                  <td className="tabular-nums text-sm">{step.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
        <Section title={t("authoring.sections.redLines")}>
          <ul className="space-y-1 text-sm">
            {script.redLines.map((line) => (
              <li key={line.key}>
                <span className="font-medium text-rose-700">{line.label}</span>
                <span className="ml-2 text-xs text-slate-500">{labels(line.intents)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-4 grid gap-3 border-t border-slate-100 pt-3 sm:grid-cols-3">
            <Fact label={t("authoring.fields.weights")}>
              {t("authoring.overview.weights", {
                steps: script.scoring.stepsWeight,
                timing: script.scoring.timingWeight,
                outcome: script.scoring.outcomeWeight,
              })}
            </Fact>
            <Fact label={t("authoring.fields.passPercent")}>{script.scoring.passPercent}</Fact>
            <Fact label={t("authoring.fields.rubric")}>
              {script.scoring.rubric
                ? t("authoring.overview.rubric", {
                    name: rubricName ?? script.scoring.rubric,
                    weight: script.scoring.humanWeight,
                  })
                : t("authoring.overview.noRubric")}
            </Fact>
          </dl>
        </Section>
      </div>
      <Section title={t("authoring.sections.nodes")}>
        <div className="overflow-x-auto">
          <table className="table-base" data-testid="script-nodes">
            <thead>
              <tr>
                <th scope="col">{t("authoring.fields.nodeId")}</th>
                <th scope="col">{t("authoring.fields.customer")}</th>
                <th scope="col">{t("authoring.fields.transitions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {script.nodes.map((node) => (
                <tr key={node.id}>
                  <td className="whitespace-nowrap font-mono text-xs">
                    {node.id}
                    {node.id === script.start ? (
                      <span className="ml-1 badge bg-sky-50 text-sky-700">{t("authoring.overview.start")}</span>
                    ) : null}
                  </td>
                  <td className="max-w-md text-sm text-slate-700">{node.customer.join(" / ")}</td>
                  <td className="min-w-[16rem] text-xs text-slate-500">
                    {node.end ? (
                      <span className="badge bg-slate-100 text-slate-700">{t(`authoring.outcome.${node.end}`)}</span>
                    ) : (
                      <ul className="space-y-0.5">
                        {node.transitions.map((transition, index) => (
                          <li key={index}>
                            {labels(transition.when)}
                            {transition.unless.length ? ` − ${labels(transition.unless)}` : ""} →{" "}
                            <span className="font-mono">{transition.to}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
