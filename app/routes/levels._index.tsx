import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LadderTrack } from "~/components/levels/ladder-view";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { requirePermission, userCan } from "~/modules/identity/session.server";
import { ladderOverview } from "~/modules/levels/ladder.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:level:team");
  const { levels, vocabulary } = await ladderOverview();
  return {
    levels,
    vocabulary,
    canEdit: userCan(user, "manage:level:any"),
    pageTitle: await pageTitle(request, "levels:ladder.title"),
  };
}

export default function LadderPage() {
  const { t } = useTranslation("levels");
  const { levels, vocabulary, canEdit } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("ladder.title")}
        description={t("ladder.description")}
        actions={
          <Link to="/levels/people" className="btn-secondary">
            {t("ladder.roster")}
          </Link>
        }
      />
      {(["professional", "management"] as const).map((track) => (
        <LadderTrack
          key={track}
          track={track}
          levels={levels.filter((level) => level.track === track)}
          vocabulary={vocabulary}
          canEdit={canEdit}
        />
      ))}
    </div>
  );
}
