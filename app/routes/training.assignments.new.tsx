import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { AssignmentForm } from "~/components/training/assignments/assignment-form";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { ROLES } from "~/modules/identity/permissions";
import { clientIp, forbidden, requirePermission } from "~/modules/identity/session.server";
import {
  assignableItems,
  assignScope,
  createAssignment,
  previewAssignment,
  targetOptions,
} from "~/modules/training/assignments/assign.server";
import {
  ASSIGNMENT_KINDS,
  CreateAssignmentSchema,
  type AssignmentKindName,
} from "~/modules/training/assignments/rules";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assign:learning:team");
  const scope = assignScope(user)!;
  const url = new URL(request.url);
  const [items, targets] = await Promise.all([assignableItems(), targetOptions(scope)]);
  const kindParam = url.searchParams.get("kind");
  const kind: AssignmentKindName = (ASSIGNMENT_KINDS as readonly string[]).includes(kindParam ?? "")
    ? (kindParam as AssignmentKindName)
    : "course";
  const itemParam = url.searchParams.get("item") ?? "";
  return {
    items,
    ...targets,
    roles: ROLES,
    defaults: { kind, itemId: items[kind].some((item) => item.id === itemParam) ? itemParam : "", dueDate: "" },
    pageTitle: await pageTitle(request, "training-assign:new.title"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "assign:learning:team");
  const scope = assignScope(user)!;
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: CreateAssignmentSchema });
  if (formData.get("intent") === "preview") {
    if (submission.status !== "success") return { preview: null };
    return { preview: await previewAssignment(submission.value, scope) };
  }
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createAssignment(submission.value, scope, { id: user.id, ipAddress: clientIp(request) });
  if (!result.ok) {
    if (result.forbidden) throw forbidden("assign:learning:team");
    return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  }
  const item = (await assignableItems())[submission.value.kind].find((entry) => entry.id === submission.value.itemId);
  return redirectWithFlash(`/training/assignments/${result.id}`, {
    kind: "success",
    message: "training-assign:flash.created",
    params: { item: item?.title ?? "", added: result.added, skipped: result.skipped, alreadyDone: result.alreadyDone },
  });
}

export default function NewAssignmentPage() {
  const { t } = useTranslation(["training-assign", "common"]);
  const { items, people, teams, canTargetRole, roles, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && !("preview" in actionData) ? actionData : undefined;
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("new.title")}
        description={t("new.description")}
        actions={
          <Link to="/training/assignments" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <AssignmentForm
        items={items}
        people={people}
        teams={teams}
        roles={roles}
        canTargetRole={canTargetRole}
        defaults={defaults}
        lastResult={lastResult}
      />
    </div>
  );
}
