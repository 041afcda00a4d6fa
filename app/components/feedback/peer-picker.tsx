import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Person = { id: string; name: string; externalId: string };

export function PeerPicker({
  subjectId,
  title,
  candidates,
  chosen,
  min,
  max,
  error,
}: {
  subjectId: string;
  title: string;
  candidates: Person[];
  chosen: string[];
  min: number;
  max: number;
  error: string | null;
}) {
  const { t } = useTranslation(["feedback", "common"]);
  const navigation = useNavigation();
  const [selected, setSelected] = useState(() => new Set(chosen));
  const count = selected.size;
  return (
    <Form method="post" className="card p-5" aria-label={title}>
      <input type="hidden" name="subjectId" value={subjectId} />
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        <span className={`text-sm ${count < min || count > max ? "text-amber-700" : "text-emerald-700"}`}>
          {t("peers.selected", { count, min, max })}
        </span>
      </div>
      {candidates.length === 0 ? (
        <p className="text-sm text-slate-500">{t("peers.noCandidates")}</p>
      ) : (
        <div className="grid gap-2 sm:grid-cols-3">
          {candidates.map((person) => (
            <label key={person.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="raterIds"
                value={person.id}
                checked={selected.has(person.id)}
                onChange={(event) => {
                  const next = new Set(selected);
                  if (event.target.checked) next.add(person.id);
                  else next.delete(person.id);
                  setSelected(next);
                }}
                className="h-4 w-4 rounded border-slate-300"
              />
              {person.name}
              <span className="text-xs text-slate-400">{person.externalId}</span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p className="mt-2 text-sm text-rose-600" role="alert">
          {t(error, { min, max })}
        </p>
      ) : null}
      <div className="mt-3 flex justify-end">
        <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
          {t("peers.save")}
        </button>
      </div>
    </Form>
  );
}
