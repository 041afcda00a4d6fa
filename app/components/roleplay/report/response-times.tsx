import { useTranslation } from "react-i18next";
import { clockText } from "~/modules/roleplay/play-clock";

type Reply = { position: number; text: string; responseSeconds: number | null; overTime: boolean };

/** One bar per agent reply, scaled to the longer of the limit and the slowest reply; the limit is marked. */
export function ResponseTimes({ replies, limitSeconds }: { replies: readonly Reply[]; limitSeconds: number }) {
  const { t } = useTranslation("roleplay");
  const scale = Math.max(limitSeconds, ...replies.map((reply) => reply.responseSeconds ?? 0), 1);
  if (replies.length === 0) return null;
  return (
    <table className="w-full text-sm" data-testid="response-times">
      <caption className="sr-only">{t("play.result.responseTimes")}</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="w-10 py-1 font-normal">#</th>
          <th className="py-1 font-normal">{t("play.result.reply")}</th>
          <th className="w-1/3 py-1 font-normal">{t("play.result.responseTime")}</th>
        </tr>
      </thead>
      <tbody>
        {replies.map((reply, index) => {
          const seconds = reply.responseSeconds ?? 0;
          return (
            <tr key={reply.position} className="border-t border-slate-100 align-top">
              <td className="py-1.5 text-slate-400">{index + 1}</td>
              <td className="py-1.5 pr-3 text-slate-700">
                <span className="line-clamp-2">{reply.text}</span>
              </td>
              <td className="py-1.5">
                <div className="relative h-4 rounded bg-slate-100">
                  <div
                    className={`h-4 rounded ${reply.overTime ? "bg-rose-400" : "bg-emerald-400"}`}
                    style={{ width: `${Math.min(100, (seconds / scale) * 100)}%` }}
                  />
                  <div
                    className="absolute inset-y-0 border-r-2 border-dashed border-slate-500"
                    style={{ left: `${Math.min(100, (limitSeconds / scale) * 100)}%` }}
                    title={t("play.result.limit")}
                  />
                </div>
                <span className={`text-xs ${reply.overTime ? "text-rose-600" : "text-slate-500"}`}>
                  {clockText(seconds)}
                  {reply.overTime ? ` · ${t("play.chat.overTime")}` : ""}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
