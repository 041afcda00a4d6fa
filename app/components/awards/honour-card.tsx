import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Avatar } from "./badges";

export type HonourWinner = {
  id: string;
  subjectId: string;
  name: string;
  externalId: string | null;
  team: string | null;
  citation: string | null;
  certificateSerial: string | null;
  story: { title: string } | null;
};

/** A winner on the honour roll: initials on a coloured circle, name, team, citation, certificate and story links. */
export function HonourCard({ winner }: { winner: HonourWinner }) {
  const { t } = useTranslation("awards");
  return (
    <li className="flex gap-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4" data-testid="honour-winner">
      <Avatar id={winner.subjectId} name={winner.name} size="lg" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-semibold text-slate-900">
          <span data-testid="honour-winner-name">{winner.name}</span>
          {winner.team ? <span className="ml-2 text-sm font-normal text-slate-500">{winner.team}</span> : null}
        </p>
        {winner.citation ? <p className="text-sm leading-relaxed text-slate-700">{winner.citation}</p> : null}
        <p className="flex flex-wrap gap-3 pt-1 text-sm">
          {winner.certificateSerial ? (
            <Link to={`/honours/certificates/${winner.id}`} className="text-brand-700 hover:underline">
              {t("honours.certificate")}
            </Link>
          ) : null}
          {winner.story ? (
            <Link to={`/honours/stories/${winner.id}`} className="text-brand-700 hover:underline">
              {t("honours.story", { title: winner.story.title })}
            </Link>
          ) : null}
        </p>
      </div>
    </li>
  );
}
