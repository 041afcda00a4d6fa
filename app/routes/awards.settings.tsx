import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/field";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { readBoardSettings, saveBoardSettings } from "~/modules/awards/rank-view.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { redirectWithFlash } from "~/utils/flash.server";

export const meta = titleFromLoader;

const SettingsSchema = z.object({
  leaderboardProgramKey: z.string({ message: "validation:required" }).trim().min(1, "validation:required"),
  agentTopN: z.coerce
    .number({ message: "awards:settings.errors.topN" })
    .int("awards:settings.errors.topN")
    .min(1, "awards:settings.errors.topN")
    .max(100, "awards:settings.errors.topN"),
  fullBoardVisible: z.literal("on").optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:leaderboard:any");
  return { ...(await readBoardSettings()), pageTitle: await pageTitle(request, "awards:settings.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:leaderboard:any");
  const parsed = SettingsSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> }, { status: 400 });
  }
  const result = await saveBoardSettings(
    {
      leaderboardProgramKey: parsed.data.leaderboardProgramKey,
      agentTopN: parsed.data.agentTopN,
      fullBoardVisible: parsed.data.fullBoardVisible === "on",
    },
    { id: user.id, ipAddress: clientIp(request) },
  );
  if (!result.ok) return data({ fieldErrors: result.fieldErrors }, { status: 400 });
  return redirectWithFlash("/awards/settings", {
    kind: "success",
    message: result.changed ? "awards:settings.saved" : "awards:settings.noChanges",
  });
}

export default function AwardSettingsPage() {
  const { t } = useTranslation(["awards", "common"]);
  const navigation = useNavigation();
  const { settings, programs } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader
        title={t("settings.title")}
        description={t("settings.description")}
        actions={
          <Link to="/awards/cycles" className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <Form method="post" className="card space-y-5 p-6">
        <Field
          id="settings-program"
          label={t("settings.program")}
          errors={errors.leaderboardProgramKey}
          hint={t("settings.programHint")}
        >
          <select
            id="settings-program"
            name="leaderboardProgramKey"
            defaultValue={settings.leaderboardProgramKey ?? ""}
            className="input"
          >
            {programs.map((program) => (
              <option key={program.key} value={program.key}>
                {program.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="settings-topn" label={t("settings.topN")} errors={errors.agentTopN} hint={t("settings.topNHint")}>
          <input
            id="settings-topn"
            name="agentTopN"
            type="number"
            min={1}
            max={100}
            defaultValue={settings.agentTopN}
            className="input w-32"
          />
        </Field>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="fullBoardVisible"
            defaultChecked={settings.fullBoardVisible}
            className="mt-0.5 h-4 w-4"
          />
          <span>
            {t("settings.fullBoard")}
            <span className="block text-xs text-slate-500">{t("settings.fullBoardHint")}</span>
          </span>
        </label>
        <div className="flex justify-end">
          <button type="submit" className="btn-primary" disabled={navigation.state !== "idle"}>
            {t("common:actions.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}
