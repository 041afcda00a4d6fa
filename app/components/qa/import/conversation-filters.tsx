import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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
  return (
    <Form method="get" className="grid gap-3 border-b border-slate-200 p-4 sm:grid-cols-2 lg:grid-cols-6" role="search">
      <div className="lg:col-span-2">
        <label htmlFor="filter-q" className="label">
          {t("browser.search")}
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={filter.q}
          className="input"
          placeholder={t("browser.searchPlaceholder")}
        />
      </div>
      <div>
        <label htmlFor="filter-team" className="label">
          {t("browser.team")}
        </label>
        <select id="filter-team" name="team" defaultValue={filter.team} className="input">
          <option value="">{t("browser.all")}</option>
          {options.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-agent" className="label">
          {t("browser.agent")}
        </label>
        <select id="filter-agent" name="agent" defaultValue={filter.agent} className="input">
          <option value="">{t("browser.all")}</option>
          {options.agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}（{agent.externalId}）
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-channel" className="label">
          {t("browser.channel")}
        </label>
        <select id="filter-channel" name="channel" defaultValue={filter.channel ?? ""} className="input">
          <option value="">{t("browser.all")}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channels.${channel}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-tag" className="label">
          {t("browser.tag")}
        </label>
        <select id="filter-tag" name="tag" defaultValue={filter.tag} className="input">
          <option value="">{t("browser.all")}</option>
          {options.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-from" className="label">
          {t("browser.from")}
        </label>
        <input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ""} className="input" />
      </div>
      <div>
        <label htmlFor="filter-to" className="label">
          {t("browser.to")}
        </label>
        <input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ""} className="input" />
      </div>
      <div>
        <label htmlFor="filter-csat" className="label">
          {t("browser.csatMax")}
        </label>
        <select id="filter-csat" name="csatMax" defaultValue={filter.csatMax ?? ""} className="input">
          <option value="">{t("browser.all")}</option>
          {[1, 2, 3, 4, 5].map((value) => (
            <option key={value} value={value}>
              ≤ {value}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-min-messages" className="label">
          {t("browser.minMessages")}
        </label>
        <input
          id="filter-min-messages"
          name="minMessages"
          type="number"
          min={1}
          defaultValue={filter.minMessages ?? ""}
          className="input"
        />
      </div>
      <div className="flex items-end">
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" name="complaint" value="1" defaultChecked={filter.complaint === "1"} />
          {t("browser.complaintOnly")}
        </label>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className="btn-primary">
          {t("common:actions.filter")}
        </button>
        <Link to="?" className="btn-ghost">
          {t("common:actions.reset")}
        </Link>
      </div>
    </Form>
  );
}
