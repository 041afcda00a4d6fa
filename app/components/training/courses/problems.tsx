import { useTranslation } from "react-i18next";

export type Problem = string | { key: string; params?: Record<string, string | number> };

/** Why an action was refused: catalogue keys (with params) from the server, in one alert. */
export function ProblemList({ problems }: { problems?: readonly Problem[] | null }) {
  const { t } = useTranslation(["training-courses", "common"]);
  if (!problems?.length) return null;
  return (
    <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
      <ul className="list-inside list-disc space-y-0.5">
        {problems.map((problem) => {
          const text = typeof problem === "string" ? t(problem) : t(problem.key, problem.params);
          return <li key={text}>{text}</li>;
        })}
      </ul>
    </div>
  );
}
