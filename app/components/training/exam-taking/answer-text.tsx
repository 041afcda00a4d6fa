import { useTranslation } from "react-i18next";

type Option = { key: string; text: string };

function labelOf(options: Option[], key: string): string {
  const index = options.findIndex((option) => option.key === key);
  return index >= 0 ? `${String.fromCharCode(65 + index)}. ${options[index]!.text}` : key;
}

/** An answer (the learner's or the key) as readable text: option labels as shown on this paper. */
export function AnswerText({ type, options, value }: { type: string; options: Option[]; value: unknown }) {
  const { t } = useTranslation("training-attempts");
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
    return <span className="text-slate-400">{t("review.noAnswer")}</span>;
  }
  if (type === "true_false") return <span>{value === true ? t("taking.true") : t("taking.false")}</span>;
  if (type === "single_choice" || type === "multiple_choice") {
    const keys = Array.isArray(value) ? value.map(String) : [String(value)];
    const ordered = [...keys].sort(
      (a, b) => options.findIndex((o) => o.key === a) - options.findIndex((o) => o.key === b),
    );
    return (
      <ul className="space-y-0.5">
        {ordered.map((key) => (
          <li key={key}>{labelOf(options, key)}</li>
        ))}
      </ul>
    );
  }
  if (type === "fill_blank" && Array.isArray(value)) {
    return (
      <ol className="list-decimal space-y-0.5 pl-5">
        {value.map((blank, index) => (
          <li key={index}>
            {Array.isArray(blank) ? blank.map(String).join(" / ") : String(blank ?? "") || t("review.noAnswer")}
          </li>
        ))}
      </ol>
    );
  }
  return <p className="whitespace-pre-wrap">{String(value)}</p>;
}
