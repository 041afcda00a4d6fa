import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { DIFFICULTY_LEVELS, type ExamItemDraft, type ItemReport } from "~/modules/training/exams/authoring";
import { ItemStatus } from "./item-status";
import { ScenarioItemForm, type BuilderScenario } from "./scenario-item-form";

export type BuilderBank = { id: string; title: string; categories: string[] };
export type BuilderItem = ExamItemDraft & { label: string; report: ItemReport | null };
type SearchResult = {
  id: string;
  key: string;
  stem: string;
  type: string;
  points: number;
  category: string;
  bank: { title: string };
};

export function ExamBuilder({
  examId,
  initialItems,
  banks,
  scenarios,
  locked,
  problems,
}: {
  examId: string;
  initialItems: BuilderItem[];
  banks: BuilderBank[];
  scenarios: BuilderScenario[];
  locked: boolean;
  problems: string[] | null;
}) {
  const { t } = useTranslation(["training-exams", "training", "common"]);
  const [items, setItems] = useState<BuilderItem[]>(initialItems);
  const [dirty, setDirty] = useState(false);
  const search = useFetcher<{ search?: SearchResult[] }>();
  const busy = useNavigation().state === "submitting";
  const [drawBank, setDrawBank] = useState(banks[0]?.id ?? "");
  const bankById = new Map(banks.map((bank) => [bank.id, bank]));
  const update = (next: BuilderItem[]) => {
    setItems(next);
    setDirty(true);
  };
  const move = (index: number, delta: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item!);
    update(next);
  };
  const addDraw = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const count = Number(data.get("count"));
    const points = data.get("points") ? Number(data.get("points")) : null;
    const bankId = String(data.get("bankId") ?? "");
    if (!bankId || !Number.isInteger(count) || count < 1) return;
    const category = String(data.get("category") ?? "") || null;
    const chosen = String(data.get("difficulty") ?? "");
    const level = (DIFFICULTY_LEVELS as readonly string[]).includes(chosen)
      ? (chosen as (typeof DIFFICULTY_LEVELS)[number])
      : null;
    update([
      ...items,
      {
        kind: "draw",
        bankId,
        category,
        difficulty: level,
        count,
        points,
        label: bankById.get(bankId)?.title ?? "",
        report: null,
      },
    ]);
  };
  const used = new Set(items.flatMap((item) => (item.kind === "question" ? [item.questionId] : [])));
  const usedScenarios = new Set(items.flatMap((item) => (item.kind === "scenario" ? [item.scenarioId] : [])));
  const payload = items.map((item) =>
    item.kind === "scenario"
      ? { kind: "scenario", scenarioId: item.scenarioId, points: item.points, passPercent: item.passPercent }
      : item.kind === "question"
        ? { kind: "question", questionId: item.questionId, points: item.points }
        : {
            kind: "draw",
            bankId: item.bankId,
            category: item.category,
            difficulty: item.difficulty,
            count: item.count,
            points: item.points,
          },
  );

  return (
    <div className="space-y-6" data-testid="exam-builder">
      {locked ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-800">
          {t("builder.locked")}
        </p>
      ) : null}
      <Form method="post" className="card overflow-hidden">
        <input type="hidden" name="intent" value="items" />
        <input type="hidden" name="items" value={JSON.stringify(payload)} />
        <div className="flex items-center justify-between border-b border-slate-200 p-4">
          <h2 className="text-base font-semibold text-slate-900">{t("builder.itemsTitle")}</h2>
          <button type="submit" className="btn-primary" disabled={locked || busy || !dirty}>
            {t("builder.saveItems")}
          </button>
        </div>
        {problems?.length ? (
          <div className="p-4">
            <FormError errors={problems} />
          </div>
        ) : null}
        {items.length === 0 ? (
          <p className="p-6 text-center text-sm text-slate-500">{t("builder.empty")}</p>
        ) : (
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("builder.item")}</th>
                <th scope="col">{t("builder.count")}</th>
                <th scope="col">{t("builder.points")}</th>
                <th scope="col">{t("builder.available")}</th>
                <th scope="col" className="sr-only">
                  {t("builder.actions")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item, index) => (
                <tr key={`${index}-${itemKey(item)}`}>
                  <td className="tabular-nums text-slate-500">{index + 1}</td>
                  <td className="text-sm">
                    {item.kind === "scenario" ? (
                      <>
                        <span className="badge mr-2 bg-amber-50 text-amber-800">
                          {t("roleplay:exam.builder.scenario")}
                        </span>
                        {item.label}
                        {" · "}
                        {t("roleplay:exam.builder.scenarioPass", { percent: item.passPercent })}
                      </>
                    ) : item.kind === "question" ? (
                      <>
                        <span className="badge mr-2 bg-sky-50 text-sky-700">{t("builder.fixed")}</span>
                        {item.label}
                      </>
                    ) : (
                      <>
                        <span className="badge mr-2 bg-violet-50 text-violet-700">{t("builder.draw")}</span>
                        {item.label}
                        {" · "}
                        {item.category ?? t("builder.anyCategory")}
                        {" · "}
                        {item.difficulty ? t(`training:difficulty.${item.difficulty}`) : t("builder.anyDifficulty")}
                      </>
                    )}
                  </td>
                  <td className="tabular-nums">{item.kind === "draw" ? item.count : 1}</td>
                  <td className="tabular-nums">{item.points ?? t("builder.ownPoints")}</td>
                  <td className="text-sm">
                    <ItemStatus report={item.report} />
                  </td>
                  <td className="whitespace-nowrap text-right">
                    <button
                      type="button"
                      className="btn-ghost"
                      disabled={locked || index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t("builder.up")}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn-ghost"
                      disabled={locked || index === items.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t("builder.down")}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn-ghost text-rose-700"
                      disabled={locked}
                      onClick={() => update(items.filter((_, position) => position !== index))}
                    >
                      {t("builder.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Form>

      {!locked ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <ScenarioItemForm
            scenarios={scenarios}
            used={usedScenarios}
            onAdd={(scenario, points, passPercent) =>
              update([
                ...items,
                { kind: "scenario", scenarioId: scenario.id, points, passPercent, label: scenario.title, report: null },
              ])
            }
          />
          <form
            className="card space-y-3 p-5"
            onSubmit={(event) => {
              event.preventDefault();
              addDraw(event.currentTarget);
            }}
          >
            <h3 className="text-sm font-semibold text-slate-900">{t("builder.addDraw")}</h3>
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label className="label" htmlFor="draw-bank">
                  {t("builder.bank")}
                </label>
                <select
                  id="draw-bank"
                  name="bankId"
                  className="input"
                  value={drawBank}
                  onChange={(event) => setDrawBank(event.target.value)}
                >
                  {banks.map((bank) => (
                    <option key={bank.id} value={bank.id}>
                      {bank.title}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label className="label" htmlFor="draw-category">
                  {t("builder.category")}
                </label>
                <select id="draw-category" name="category" className="input" key={drawBank}>
                  <option value="">{t("builder.anyCategory")}</option>
                  {(bankById.get(drawBank)?.categories ?? []).map((category) => (
                    <option key={category} value={category}>
                      {category}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label className="label" htmlFor="draw-difficulty">
                  {t("builder.difficulty")}
                </label>
                <select id="draw-difficulty" name="difficulty" className="input">
                  <option value="">{t("builder.anyDifficulty")}</option>
                  {DIFFICULTY_LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t(`training:difficulty.${level}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="grid grid-cols-2 gap-3">
                <div>
                  <label className="label" htmlFor="draw-count">
                    {t("builder.count")}
                  </label>
                  <input
                    id="draw-count"
                    name="count"
                    type="number"
                    min={1}
                    max={200}
                    defaultValue={1}
                    className="input"
                  />
                </div>
                <div>
                  <label className="label" htmlFor="draw-points">
                    {t("builder.pointsEach")}
                  </label>
                  <input id="draw-points" name="points" type="number" min={0.5} step={0.5} className="input" />
                </div>
              </div>
            </div>
            <button type="submit" className="btn-secondary" disabled={!drawBank}>
              {t("builder.addDrawSubmit")}
            </button>
          </form>

          <div className="card space-y-3 p-5">
            <h3 className="text-sm font-semibold text-slate-900">{t("builder.addFixed")}</h3>
            <search.Form
              method="get"
              action={`/training/exams/${examId}/edit`}
              className="flex flex-wrap items-end gap-2"
            >
              <input type="hidden" name="search" value="1" />
              <div>
                <label className="label" htmlFor="fixed-bank">
                  {t("builder.bank")}
                </label>
                <select id="fixed-bank" name="bank" className="input">
                  <option value="">{t("builder.allBanks")}</option>
                  {banks.map((bank) => (
                    <option key={bank.id} value={bank.id}>
                      {bank.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex-1">
                <label className="label" htmlFor="fixed-q">
                  {t("builder.searchText")}
                </label>
                <input id="fixed-q" name="q" className="input" />
              </div>
              <button type="submit" className="btn-secondary">
                {t("common:actions.search")}
              </button>
            </search.Form>
            <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto text-sm">
              {(search.data?.search ?? []).map((question) => (
                <li key={question.id} className="flex items-start justify-between gap-3 py-2">
                  <div>
                    <p className="font-mono text-xs text-slate-500">
                      {question.bank.title} · {question.key} · {t(`training:questionType.${question.type}`)} ·{" "}
                      {question.category}
                    </p>
                    <p>{question.stem}</p>
                  </div>
                  <button
                    type="button"
                    className="btn-secondary shrink-0"
                    disabled={used.has(question.id)}
                    onClick={() =>
                      update([
                        ...items,
                        {
                          kind: "question",
                          questionId: question.id,
                          points: null,
                          label: `${question.key} ${question.stem.slice(0, 40)}`,
                          report: null,
                        },
                      ])
                    }
                  >
                    {used.has(question.id) ? t("builder.added") : t("builder.add")}
                  </button>
                </li>
              ))}
              {search.data?.search && search.data.search.length === 0 ? (
                <li className="py-2 text-slate-500">{t("common:empty.noResults")}</li>
              ) : null}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function itemKey(item: BuilderItem) {
  if (item.kind === "question") return item.questionId;
  if (item.kind === "scenario") return item.scenarioId;
  return item.bankId;
}
