import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EmptyState } from "~/components/empty-state";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { SLUG_PATTERN } from "~/modules/training/kb/kb";
import {
  createCategory,
  listCategories,
  moveCategory,
  renameCategory,
  visibleStatuses,
} from "~/modules/training/kb/kb.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

const name = z
  .string({ error: "validation:required" })
  .trim()
  .min(1, "validation:required")
  .max(40, "validation:tooLong");
const CategoryAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    name,
    slug: z
      .string({ error: "validation:required" })
      .trim()
      .toLowerCase()
      .min(2, "training-kb:errors.slugFormat")
      .max(60, "validation:tooLong")
      .regex(SLUG_PATTERN, "training-kb:errors.slugFormat"),
  }),
  z.object({ intent: z.literal("rename"), id: z.string().min(1).max(40), name }),
  z.object({ intent: z.literal("move"), id: z.string().min(1).max(40), direction: z.enum(["up", "down"]) }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:kb-article:any");
  const { categories, uncategorised } = await listCategories(visibleStatuses(true));
  return { categories, uncategorised, pageTitle: await pageTitle(request, "training-kb:categories.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:kb-article:any");
  const submission = parseWithZod(await request.formData(), { schema: CategoryAction });
  if (submission.status !== "success") return data({ ...submission.reply(), rowId: null }, { status: 400 });
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const value = submission.value;
  const result =
    value.intent === "create"
      ? await createCategory({ slug: value.slug, name: value.name }, actor)
      : value.intent === "rename"
        ? await renameCategory(value.id, value.name, actor)
        : await moveCategory(value.id, value.direction, actor);
  if (!result.ok) {
    return data(
      {
        ...submission.reply({ fieldErrors: { [result.field]: [result.error] } }),
        rowId: "id" in value ? value.id : null,
      },
      { status: result.field === "id" ? 404 : 400 },
    );
  }
  return redirectWithFlash("/kb/categories", {
    kind: "success",
    message: `training-kb:flash.category.${value.intent}`,
    params: { name: "name" in value ? value.name : "" },
  });
}

export default function KbCategoriesPage() {
  const { t } = useTranslation(["training-kb", "common"]);
  const { categories, uncategorised } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = result && "error" in result ? (result.error ?? {}) : {};
  const errorText = (list: string[] | null | undefined) =>
    list?.length ? (
      <p className="mt-1 text-xs text-rose-600" role="alert">
        {list.map((error) => t(error)).join("；")}
      </p>
    ) : null;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("categories.title")}
        description={t("categories.description")}
        actions={
          <Link to="/kb" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <div className="card overflow-hidden">
        {categories.length === 0 ? (
          <EmptyState icon="book" title={t("categories.empty")} />
        ) : (
          <table className="table-base" data-testid="kb-categories">
            <thead>
              <tr>
                <th scope="col">{t("categories.order")}</th>
                <th scope="col">{t("categories.name")}</th>
                <th scope="col">{t("categories.slug")}</th>
                <th scope="col">{t("categories.articles")}</th>
                <th scope="col">
                  <span className="sr-only">{t("categories.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((category, index) => (
                <tr key={category.id}>
                  <td className="whitespace-nowrap">
                    <div className="flex gap-1">
                      {(["up", "down"] as const).map((direction) => (
                        <Form method="post" key={direction}>
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="id" value={category.id} />
                          <input type="hidden" name="direction" value={direction} />
                          <button
                            type="submit"
                            className="btn-ghost px-2 py-1"
                            disabled={busy || (direction === "up" ? index === 0 : index === categories.length - 1)}
                            aria-label={t(`categories.move.${direction}`, { name: category.name })}
                          >
                            {direction === "up" ? "↑" : "↓"}
                          </button>
                        </Form>
                      ))}
                    </div>
                  </td>
                  <td>
                    <Form method="post" className="flex items-start gap-2">
                      <input type="hidden" name="intent" value="rename" />
                      <input type="hidden" name="id" value={category.id} />
                      <div>
                        <input
                          name="name"
                          defaultValue={category.name}
                          className="input py-1"
                          aria-label={t("categories.renameLabel", { name: category.name })}
                        />
                        {result && "rowId" in result && result.rowId === category.id ? errorText(errors.name) : null}
                      </div>
                      <button type="submit" className="btn-secondary px-3 py-1" disabled={busy}>
                        {t("categories.rename")}
                      </button>
                    </Form>
                  </td>
                  <td className="font-mono text-xs text-slate-500">{category.slug}</td>
                  <td className="tabular-nums">
                    <Link to={`/kb?category=${category.slug}`} className="text-brand-700 hover:underline">
                      {category.articles}
                    </Link>
                  </td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {uncategorised > 0 ? (
          <p className="border-t border-slate-200 px-4 py-3 text-sm text-slate-500">
            {t("categories.uncategorised", { count: uncategorised })}
          </p>
        ) : null}
      </div>
      <Form method="post" className="card mt-6 grid gap-4 p-6 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <input type="hidden" name="intent" value="create" />
        <div>
          <label htmlFor="category-name" className="label">
            {t("categories.name")}
          </label>
          <input id="category-name" name="name" className="input" placeholder={t("categories.namePlaceholder")} />
          {result && "rowId" in result && result.rowId === null ? errorText(errors.name) : null}
        </div>
        <div>
          <label htmlFor="category-slug" className="label">
            {t("categories.slug")}
          </label>
          <input id="category-slug" name="slug" className="input font-mono" placeholder="returns" />
          {errorText(errors.slug)}
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("categories.create")}
        </button>
      </Form>
    </div>
  );
}
