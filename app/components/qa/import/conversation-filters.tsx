import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterActions, FilterInput, FilterSelect } from "~/components/filter-fields";
import type { ConversationFilter } from "~/modules/qa/import/conversation-filter";
import { CHANNELS } from "~/modules/qa/import/limits";

type Options = {
  teams: { id: string; name: string }[];
  agents: { id: string; name: string; externalId: string }[];
  tags: string[];
};

/** GET form: filters live in the URL, so a filtered list can be bookmarked and paged. */
export function ConversationFilters({ filter, options }: { filter: ConversationFilter; options: Options }) {
  const { t } = useTranslation(["qa-import", "common"]);
  const all = t("browser.all");
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6" role="search">
      <FilterInput
        id="filter-q"
        name="q"
        type="search"
        label={t("browser.search")}
        defaultValue={filter.q}
        placeholder={t("browser.searchPlaceholder")}
        className="lg:col-span-2"
      />
      <FilterSelect
        id="filter-team"
        name="team"
        label={t("browser.team")}
        defaultValue={filter.team}
        allLabel={all}
        options={options.teams.map((team) => ({ value: team.id, label: team.name }))}
      />
      <FilterSelect
        id="filter-agent"
        name="agent"
        label={t("browser.agent")}
        defaultValue={filter.agent}
        allLabel={all}
        options={options.agents.map((agent) => ({ value: agent.id, label: `${agent.name}（${agent.externalId}）` }))}
      />
      <FilterSelect
        id="filter-channel"
        name="channel"
        label={t("browser.channel")}
        defaultValue={filter.channel ?? ""}
        allLabel={all}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))}
      />
      <FilterSelect
        id="filter-tag"
        name="tag"
        label={t("browser.tag")}
        defaultValue={filter.tag}
        allLabel={all}
        options={options.tags.map((tag) => ({ value: tag, label: tag }))}
      />
      <FilterInput
        id="filter-from"
        name="from"
        type="date"
        label={t("browser.from")}
        defaultValue={filter.from ?? ""}
      />
      <FilterInput id="filter-to" name="to" type="date" label={t("browser.to")} defaultValue={filter.to ?? ""} />
      <FilterSelect
        id="filter-csat"
        name="csatMax"
        label={t("browser.csatMax")}
        defaultValue={filter.csatMax ?? ""}
        allLabel={all}
        options={[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: `≤ ${value}` }))}
      />
      <FilterInput
        id="filter-min-messages"
        name="minMessages"
        type="number"
        min={1}
        label={t("browser.minMessages")}
        defaultValue={filter.minMessages ?? ""}
      />
      <div className="flex items-end">
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="complaint" value="1" defaultChecked={filter.complaint === "1"} />
          {t("browser.complaintOnly")}
        </label>
      </div>
      <FilterActions />
    </Form>
  );
}
