import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/use-format";

export type ConversationOption = {
  id: string;
  externalId: string;
  channel: string;
  startedAt: string;
  agent?: string | null;
  team?: string | null;
};

/**
 * Recent conversations (any team) as checkboxes, searchable without leaving the form: chosen conversations stay
 * listed (and submitted) while the search results change underneath them.
 */
export function ConversationPicker({
  name,
  initialResults,
  initialSelected,
}: {
  name: string;
  initialResults: ConversationOption[];
  initialSelected: ConversationOption[];
}) {
  const { t } = useTranslation(["qa-calibration"]);
  const format = useFormat();
  const fetcher = useFetcher<{ conversations: ConversationOption[] }>();
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<ConversationOption[]>(initialSelected);
  const results = fetcher.data?.conversations ?? initialResults;
  const chosen = new Set(selected.map((entry) => entry.id));
  const rows = [...selected, ...results.filter((entry) => !chosen.has(entry.id))];

  const search = () => fetcher.load(`/qa/calibration/new?q=${encodeURIComponent(query)}`);
  const toggle = (option: ConversationOption) =>
    setSelected((current) =>
      current.some((entry) => entry.id === option.id)
        ? current.filter((entry) => entry.id !== option.id)
        : [...current, option],
    );

  return (
    <div className="rounded-lg border border-slate-200">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 p-3">
        <label htmlFor="conversation-search" className="sr-only">
          {t("qa-calibration:new.searchConversations")}
        </label>
        <input
          id="conversation-search"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              search();
            }
          }}
          placeholder={t("qa-calibration:new.searchPlaceholder")}
          className="input w-full sm:w-72"
        />
        <button type="button" className="btn-secondary" onClick={search} disabled={fetcher.state !== "idle"}>
          {t("common:actions.search")}
        </button>
        <span className="text-xs text-slate-500" aria-live="polite">
          {t("qa-calibration:new.selectedCount", { count: selected.length })}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">{t("qa-calibration:new.noConversations")}</p>
      ) : (
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto" data-testid="conversation-options">
          {rows.map((option) => (
            <li key={option.id}>
              <label className="flex cursor-pointer items-center gap-3 px-3 py-2 text-sm hover:bg-slate-50">
                <input
                  type="checkbox"
                  name={name}
                  value={option.id}
                  checked={chosen.has(option.id)}
                  onChange={() => toggle(option)}
                  className="h-4 w-4 rounded border-slate-300"
                />
                <span className="font-mono text-xs text-slate-700">{option.externalId}</span>
                <span className="badge bg-slate-100 text-slate-600">
                  {t(`qa-calibration:channels.${option.channel}`, { defaultValue: option.channel })}
                </span>
                <span className="text-slate-500">{format.dateTime(option.startedAt)}</span>
                {option.agent ? <span className="truncate text-slate-500">{option.agent}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
