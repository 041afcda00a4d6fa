import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleFromLoader } from "~/components/meta";
import { PageHeader } from "~/components/page-header";
import { ExamBuilder, type BuilderItem } from "~/components/training/exam-builder/exam-builder";
import { ExamSettingsForm } from "~/components/training/exam-builder/exam-settings-form";
import { getT } from "~/modules/i18n/i18n.server";
import { pageTitle } from "~/modules/i18n/page-title.server";
import { clientIp, requirePermission } from "~/modules/identity/session.server";
import { instantToLocalDateTime, parseItemsField } from "~/modules/training/exams/authoring";
import {
  builderBanks,
  builderScenarios,
  courseOptions,
  getExamDetail,
  saveExamItems,
  searchQuestions,
  updateExamSettings,
} from "~/modules/training/exams/authoring.server";
import { readSettingsForm } from "~/modules/training/exams/settings-form.server";
import { env } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { conflict, notFound } from "~/utils/http.server";

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:exam:any");
  const url = new URL(request.url);
  if (url.searchParams.get("search")) {
    return {
      search: await searchQuestions(url.searchParams.get("bank") || null, url.searchParams.get("q") ?? ""),
    };
  }
  const detail = await getExamDetail(params.examId ?? "");
  if (!detail) notFound("exam not found");
  const timeZone = env().APP_TIME_ZONE;
  const { exam } = detail;
  const [courses, banks, scenarios, title] = await Promise.all([
    courseOptions(),
    builderBanks(),
    builderScenarios(),
    pageTitle(request, "training-exams:edit.title", { title: exam.title }),
  ]);
  const bankTitles = new Map(banks.map((bank) => [bank.id, bank.title]));
  const items: BuilderItem[] = detail.items.map((item) => {
    if (item.kind === "scenario") {
      const label = "scenario" in item && item.scenario ? item.scenario.title : "";
      return { ...item, scenario: undefined, label, report: item.report };
    }
    if (item.kind === "question") {
      const label = "label" in item && item.label ? `${item.label.key} ${item.label.stem.slice(0, 40)}` : "";
      return { kind: "question", questionId: item.questionId, points: item.points, label, report: item.report };
    }
    return {
      kind: "draw",
      bankId: item.bankId,
      category: item.category,
      difficulty: item.difficulty,
      count: item.count,
      points: item.points,
      label: bankTitles.get(item.bankId) ?? "",
      report: item.report,
    };
  });
  return {
    search: null,
    exam: {
      id: exam.id,
      title: exam.title,
      values: {
        title: exam.title,
        description: exam.description,
        timeLimitMinutes: exam.timeLimitMinutes,
        maxAttempts: exam.maxAttempts,
        passPercent: exam.passPercent,
        gradingMethod: exam.gradingMethod,
        availableFrom: instantToLocalDateTime(exam.availableFrom, timeZone),
        availableUntil: instantToLocalDateTime(exam.availableUntil, timeZone),
        shuffleQuestions: exam.shuffleQuestions,
        shuffleOptions: exam.shuffleOptions,
        reviewMode: exam.reviewMode,
        isCertification: exam.isCertification,
        certificateTitle: exam.certificateTitle,
        certificateValidityMonths: exam.certificateValidityMonths,
        remediationCourseId: exam.remediationCourseId,
        remediateOnFail: exam.remediateOnFail,
      },
    },
    items,
    locked: detail.locked,
    courses,
    banks,
    scenarios,
    timeZone,
    pageTitle: title,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:exam:any");
  const actor = { id: user.id, ipAddress: clientIp(request) };
  const examId = params.examId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "items") {
    const items = parseItemsField(form.get("items"));
    if (!items) return data({ problems: ["training-exams:errors.items"], fieldErrors: null }, { status: 400 });
    const result = await saveExamItems(examId, items, actor);
    if (!result.ok) {
      if (result.status === 404) notFound("exam not found");
      if (result.status === 409) conflict(result.reason);
      if (result.status === 400) {
        const t = await getT(request);
        return data(
          { problems: result.problems.map((problem) => t(problem.message, problem.params)), fieldErrors: null },
          { status: 400 },
        );
      }
    }
    return redirectWithFlash(`/training/exams/${examId}/edit`, {
      kind: "success",
      message: "training-exams:flash.itemsSaved",
    });
  }
  const parsed = readSettingsForm(form, false);
  if (!parsed.ok) return data({ problems: null, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await updateExamSettings(examId, parsed.value, env().APP_TIME_ZONE, actor);
  if (!result.ok) {
    if ("notFound" in result) notFound("exam not found");
    return data({ problems: null, fieldErrors: { [result.field]: [result.message] } }, { status: 400 });
  }
  return redirectWithFlash(`/training/exams/${examId}`, {
    kind: "success",
    message: "training-exams:flash.settingsSaved",
  });
}

export default function EditExamPage() {
  const { t } = useTranslation(["training-exams", "common"]);
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!("exam" in loaded) || !loaded.exam) return null;
  const { exam, items, locked, courses, banks, scenarios, timeZone } = loaded;
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("edit.title", { title: exam.title })}
        description={t("edit.description")}
        actions={
          <Link to={`/training/exams/${exam.id}`} className="btn-ghost">
            {t("common:actions.back")}
          </Link>
        }
      />
      <section>
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("edit.itemsSection")}</h2>
        <ExamBuilder
          key={JSON.stringify(items)}
          examId={exam.id}
          initialItems={items}
          banks={banks}
          scenarios={scenarios}
          locked={locked}
          problems={actionData?.problems ?? null}
        />
      </section>
      <section>
        <h2 className="mb-3 text-lg font-semibold text-slate-900">{t("edit.settingsSection")}</h2>
        <ExamSettingsForm
          values={exam.values}
          courses={courses}
          errors={actionData?.fieldErrors ? { fieldErrors: actionData.fieldErrors } : null}
          withSlug={false}
          submitLabel={t("edit.saveSettings")}
          timeZone={timeZone}
        />
      </section>
    </div>
  );
}
