import { useTranslation } from "react-i18next";

const MOOD_TONE: Record<string, string> = {
  calm: "bg-emerald-100 text-emerald-800",
  anxious: "bg-amber-100 text-amber-800",
  annoyed: "bg-orange-100 text-orange-800",
  angry: "bg-rose-100 text-rose-700",
};

export function MoodBadge({ mood }: { mood: string }) {
  const { t } = useTranslation("roleplay");
  return (
    <span className={`badge ${MOOD_TONE[mood] ?? "bg-slate-100 text-slate-600"}`} data-testid="persona-mood">
      {t(`play.mood.${mood}`, { defaultValue: mood })}
    </span>
  );
}

export function PersonaCard({
  persona,
}: {
  persona: { name: string; mood: string; description: string; tier: string };
}) {
  const { t } = useTranslation("roleplay");
  return (
    <section className="card space-y-2 p-4" aria-labelledby="persona-title">
      <h2 id="persona-title" className="text-sm font-semibold text-slate-500">
        {t("play.persona.title")}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex h-9 w-9 items-center justify-center rounded-full bg-sky-100 text-sm font-semibold text-sky-700">
          {persona.name.slice(0, 1)}
        </span>
        <span className="font-medium text-slate-900">{persona.name}</span>
        <MoodBadge mood={persona.mood} />
        <span className="badge bg-slate-100 text-slate-600">
          {t(`play.tier.${persona.tier}`, { defaultValue: persona.tier })}
        </span>
      </div>
      {persona.description ? <p className="text-sm text-slate-600">{persona.description}</p> : null}
    </section>
  );
}
