import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ArticleKindValue } from "~/modules/training/kb/kb";
import { ArticleKindBadge } from "./badges";

export type PickedArticle = { id: string; slug: string; title: string; kind: ArticleKindValue };

/**
 * Search-as-you-type picker of published knowledge-base articles (GET /kb/search?q=…). The chosen articles are
 * submitted as hidden inputs named `name` (their ids). `max` = 1 makes it a single choice.
 */
export function ArticlePicker({
  name,
  label,
  initial = [],
  max = 10,
  errors,
  onChange,
}: {
  name: string;
  label: string;
  initial?: PickedArticle[];
  max?: number;
  errors?: string[];
  onChange?: (articles: PickedArticle[]) => void;
}) {
  const { t } = useTranslation("training-kb");
  const fetcher = useFetcher<{ articles: PickedArticle[] }>();
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<PickedArticle[]>(initial);
  const inputId = useId();
  const { load } = fetcher;

  useEffect(() => {
    const trimmed = query.trim();
    if (!trimmed) return;
    const timer = setTimeout(() => load(`/kb/search?q=${encodeURIComponent(trimmed)}`), 250);
    return () => clearTimeout(timer);
  }, [query, load]);

  const update = (next: PickedArticle[]) => {
    setPicked(next);
    onChange?.(next);
  };
  const results = query.trim()
    ? (fetcher.data?.articles ?? []).filter((article) => !picked.some((p) => p.id === article.id))
    : [];
  const full = picked.length >= max;

  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
      </label>
      {picked.map((article) => (
        <input key={article.id} type="hidden" name={name} value={article.id} />
      ))}
      {picked.length > 0 ? (
        <ul className="mb-2 space-y-1" data-testid="picked-articles">
          {picked.map((article) => (
            <li key={article.id} className="flex items-center gap-2 rounded-md bg-slate-50 px-2 py-1 text-sm">
              <ArticleKindBadge kind={article.kind} />
              <span className="flex-1 text-slate-800">{article.title}</span>
              <button
                type="button"
                className="text-xs text-slate-500 hover:text-rose-600"
                onClick={() => update(picked.filter((p) => p.id !== article.id))}
                aria-label={t("picker.remove", { title: article.title })}
              >
                {t("picker.removeShort")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {full ? null : (
        <div className="relative">
          <input
            id={inputId}
            type="search"
            className="input"
            value={query}
            autoComplete="off"
            placeholder={t("picker.placeholder")}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") event.preventDefault();
            }}
            aria-invalid={errors?.length ? true : undefined}
          />
          {query.trim() ? (
            <ul className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white shadow-lg">
              {fetcher.state !== "idle" && results.length === 0 ? (
                <li className="px-3 py-2 text-sm text-slate-500">{t("picker.searching")}</li>
              ) : results.length === 0 ? (
                <li className="px-3 py-2 text-sm text-slate-500">{t("picker.noMatches")}</li>
              ) : (
                results.map((article) => (
                  <li key={article.id}>
                    <button
                      type="button"
                      className="flex w-full items-center gap-2 px-3 py-2 text-left text-sm hover:bg-slate-50"
                      onClick={() => {
                        update([...picked, article].slice(0, max));
                        setQuery("");
                      }}
                    >
                      <ArticleKindBadge kind={article.kind} />
                      <span className="text-slate-800">{article.title}</span>
                      <span className="ml-auto font-mono text-xs text-slate-400">{article.slug}</span>
                    </button>
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </div>
      )}
      {errors?.length ? (
        <p className="mt-1 text-xs text-rose-600" role="alert">
          {errors.map((error) => t(error)).join("；")}
        </p>
      ) : null}
    </div>
  );
}
