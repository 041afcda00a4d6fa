import { useTranslation } from "react-i18next";

export type ParticipantOption = { id: string; name: string; externalId: string; isLead: boolean };

export function ParticipantPicker({
  name,
  participants,
  defaultSelected,
  errors,
  errorId,
}: {
  name: string;
  participants: ParticipantOption[];
  defaultSelected: string[];
  errors?: string[];
  errorId: string;
}) {
  const { t } = useTranslation(["qa-calibration", "common"]);
  const selected = new Set(defaultSelected);
  return (
    <div>
      <p className="mb-2 text-xs text-slate-500">{t("qa-calibration:new.participantsHint")}</p>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" data-testid="participant-options">
        {participants.map((participant) => (
          <li key={participant.id}>
            <label className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50">
              <input
                type="checkbox"
                name={name}
                value={participant.id}
                defaultChecked={selected.has(participant.id)}
                aria-describedby={errors?.length ? errorId : undefined}
                className="h-4 w-4 rounded border-slate-300"
              />
              <span className="font-medium text-slate-800">{participant.name}</span>
              <span className="font-mono text-xs text-slate-400">{participant.externalId}</span>
              {participant.isLead ? (
                <span className="badge ml-auto bg-sky-50 text-sky-700">{t("common:roles.qa_lead")}</span>
              ) : null}
            </label>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-xs text-rose-600" role="alert">
          {errors.map((error) => t(error)).join("；")}
        </p>
      ) : null}
    </div>
  );
}
