import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import {
  ASSIGNMENT_KINDS,
  ASSIGNMENT_TARGETS,
  CreateAssignmentSchema,
  type AssignmentKindName,
  type AssignmentTargetName,
} from "~/modules/training/assignments/rules";

type Person = { id: string; name: string; externalId: string; team: string | null; roles: string[] };
type Option = { id: string; title: string };
type NamedOption = { id: string; name: string };

export type Preview =
  | { forbidden: true }
  | { forbidden: false; reached: number; added: number; skipped: number; alreadyDone: number }
  | null;

function groupByTeam(people: Person[], noTeam: string) {
  const groups = new Map<string, Person[]>();
  for (const person of people) {
    const team = person.team ?? noTeam;
    groups.set(team, [...(groups.get(team) ?? []), person]);
  }
  return [...groups.entries()];
}

export function AssignmentForm({
  items,
  people,
  teams,
  roles,
  canTargetRole,
  defaults,
  lastResult,
}: {
  items: Record<AssignmentKindName, Option[]>;
  people: Person[];
  teams: NamedOption[];
  roles: readonly string[];
  canTargetRole: boolean;
  defaults: { kind: AssignmentKindName; itemId: string; dueDate: string };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["training-assign", "training", "common"]);
  const navigation = useNavigation();
  const preview = useFetcher<{ preview: Preview }>();
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<AssignmentKindName>(defaults.kind);
  const [itemId, setItemId] = useState(defaults.itemId);
  const [target, setTarget] = useState<AssignmentTargetName>("team");
  const [teamId, setTeamId] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState("");
  const [version, setVersion] = useState(0);
  const [form, fields] = useForm({
    id: "new-assignment",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateAssignmentSchema }),
  });

  const targets = ASSIGNMENT_TARGETS.filter((value) => value !== "role" || canTargetRole);
  const visiblePeople = useMemo(() => {
    const query = search.trim().toLowerCase();
    if (!query) return people;
    return people.filter(
      (person) => person.name.toLowerCase().includes(query) || person.externalId.toLowerCase().includes(query),
    );
  }, [people, search]);

  // Recount whenever a choice changes (a round trip: who is skipped or done depends on the database).
  useEffect(() => {
    if (!formRef.current || !itemId) return;
    const data = new FormData(formRef.current);
    data.set("intent", "preview");
    preview.submit(data, { method: "post" });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, itemId, target, teamId, selected, version]);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const result = preview.data?.preview ?? null;
  const errorText = (errors?: string[]) =>
    errors?.length ? (
      <p className="mt-1 text-xs text-rose-600" role="alert">
        {errors.map((error) => t(error)).join("；")}
      </p>
    ) : null;

  return (
    <Form method="post" {...getFormProps(form)} ref={formRef} className="card space-y-6 p-6">
      <FormError errors={form.errors} />
      <input type="hidden" name="intent" value="create" />
      <fieldset>
        <legend className="label">{t("new.kind")}</legend>
        <div className="flex flex-wrap gap-4">
          {ASSIGNMENT_KINDS.map((value) => (
            <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => {
                  setKind(value);
                  setItemId("");
                }}
                className="h-4 w-4 border-slate-300 text-brand-600"
              />
              {t(`training:assignmentKind.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field id="assignment-item" label={t("new.item")} errors={fields.itemId.errors}>
        <select
          id="assignment-item"
          name="itemId"
          className="input"
          value={itemId}
          onChange={(event) => setItemId(event.target.value)}
        >
          <option value="">
            {items[kind].length > 0
              ? t("new.chooseItem")
              : t("new.noItems", { kind: t(`training:assignmentKind.${kind}`) })}
          </option>
          {items[kind].map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </select>
      </Field>
      <fieldset>
        <legend className="label">{t("new.target")}</legend>
        <div className="flex flex-wrap gap-4">
          {targets.map((value) => (
            <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="radio"
                name="target"
                value={value}
                checked={target === value}
                onChange={() => setTarget(value)}
                className="h-4 w-4 border-slate-300 text-brand-600"
              />
              {t(`target.${value}Label`)}
            </label>
          ))}
        </div>
        {!canTargetRole ? <p className="mt-1 text-xs text-slate-500">{t("new.leadScope")}</p> : null}
      </fieldset>
      {target === "users" ? (
        <div>
          <div className="flex flex-wrap items-end justify-between gap-2">
            <label htmlFor="people-search" className="label">
              {t("new.people")}
            </label>
            <span className="text-xs text-slate-500">{t("new.selectedCount", { count: selected.size })}</span>
          </div>
          <input
            id="people-search"
            type="search"
            className="input"
            placeholder={t("new.peopleSearch")}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
          <div className="mt-2 max-h-80 space-y-3 overflow-y-auto rounded-md border border-slate-200 p-3">
            {groupByTeam(visiblePeople, t("new.noTeam")).map(([team, members]) => (
              <fieldset key={team}>
                <legend className="flex w-full items-center justify-between text-xs font-semibold text-slate-500">
                  <span>{team}</span>
                  <button
                    type="button"
                    className="text-brand-700 hover:underline"
                    onClick={() => members.forEach((person) => toggle(person.id, true))}
                  >
                    {t("new.selectTeam")}
                  </button>
                </legend>
                <div className="mt-1 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                  {members.map((person) => (
                    <label key={person.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
                      <input
                        type="checkbox"
                        checked={selected.has(person.id)}
                        onChange={(event) => toggle(person.id, event.target.checked)}
                        className="h-4 w-4 rounded border-slate-300 text-brand-600"
                      />
                      {person.name}
                      <span className="font-mono text-xs text-slate-400">{person.externalId}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
          {[...selected].map((id) => (
            <input key={id} type="hidden" name="userIds" value={id} />
          ))}
          {errorText(fields.userIds.errors)}
        </div>
      ) : null}
      {target === "team" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="assignment-team" label={t("new.team")} errors={fields.teamId.errors}>
            <select
              id="assignment-team"
              name="teamId"
              className="input"
              value={teamId}
              onChange={(event) => setTeamId(event.target.value)}
            >
              <option value="">{t("new.chooseTeam")}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="assignment-team-role" label={t("new.teamRole")}>
            <select
              id="assignment-team-role"
              name="role"
              className="input"
              defaultValue="agent"
              onChange={() => setVersion((value) => value + 1)}
            >
              <option value="">{t("new.allRoles")}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`common:roles.${role}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      ) : null}
      {target === "role" ? (
        <Field id="assignment-role" label={t("new.role")} errors={fields.role.errors}>
          <select
            id="assignment-role"
            name="role"
            className="input"
            defaultValue="agent"
            onChange={() => setVersion((value) => value + 1)}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(`common:roles.${role}`)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="assignment-due" label={t("new.dueDate")} errors={fields.dueDate.errors} hint={t("new.dueHint")}>
          <input id="assignment-due" name="dueDate" type="date" className="input" defaultValue={defaults.dueDate} />
        </Field>
        <label className="mt-6 inline-flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="retrain"
            onChange={() => setVersion((value) => value + 1)}
            className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600"
          />
          <span>
            {t("new.retrain")}
            <span className="block text-xs text-slate-500">{t("new.retrainHint")}</span>
          </span>
        </label>
      </div>
      <Field id="assignment-note" label={t("new.note")} errors={fields.note.errors}>
        <textarea
          id="assignment-note"
          name="note"
          rows={3}
          maxLength={500}
          className="input"
          placeholder={t("new.notePlaceholder")}
        />
      </Field>
      <div
        className="rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-800"
        aria-live="polite"
        data-testid="assignment-preview"
      >
        <span className="font-medium">{t("new.preview")}：</span>
        {preview.state !== "idle"
          ? t("new.previewLoading")
          : result && !result.forbidden
            ? t("new.previewResult", result)
            : result?.forbidden
              ? t("errors.outOfScope")
              : t("new.previewEmpty")}
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("new.submit")}
        </button>
      </div>
    </Form>
  );
}
