import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContentStatusBadge, Duration } from "~/components/training/courses/badges";
import type { ContentStatus, CourseType } from "~/modules/training/courses/course-rules";

type PathCourseRow = {
  courseId: string;
  title: string;
  slug: string;
  type: CourseType;
  status: ContentStatus;
  version: number | null;
  publishedMinutes: number | null;
};

function ItemButton({
  intent,
  stamp,
  courseId,
  direction,
  label,
  title,
  className = "btn-ghost px-2 py-1 text-xs",
}: {
  intent: string;
  stamp: string;
  courseId: string;
  direction?: "up" | "down";
  label: string;
  title?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="stamp" value={stamp} />
      <input type="hidden" name="courseId" value={courseId} />
      {direction ? <input type="hidden" name="direction" value={direction} /> : null}
      <button
        type="submit"
        className={className}
        title={title}
        aria-label={title}
        disabled={navigation.state === "submitting"}
      >
        {label}
      </button>
    </Form>
  );
}

/** The path's ordered courses with move/remove, the running total against the required hours, and "add course". */
export function PathCourses({
  stamp,
  courses,
  available,
  hours,
  requiredHours,
}: {
  stamp: string;
  courses: PathCourseRow[];
  available: { id: string; title: string; type: CourseType; minutes: number }[];
  hours: number;
  requiredHours: number | null;
}) {
  const { t } = useTranslation(["training-courses", "training", "common"]);
  const navigation = useNavigation();
  const short = requiredHours !== null && hours < requiredHours;
  return (
    <section className="card overflow-hidden">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 className="text-sm font-semibold text-slate-900">{t("paths.courses")}</h2>
        <p className={`text-sm ${short ? "font-medium text-amber-700" : "text-slate-600"}`} data-testid="path-hours">
          {requiredHours !== null
            ? t("paths.hoursVsRequired", { hours, required: requiredHours })
            : t("paths.hoursTotal", { hours })}
        </p>
      </header>
      {courses.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t("paths.noCourses")}</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {courses.map((course, index) => (
            <li key={course.courseId} className="flex flex-wrap items-center gap-3 px-4 py-2.5">
              <span className="w-6 text-right text-xs text-slate-400">{index + 1}</span>
              <div className="min-w-0 flex-1">
                <Link
                  to={`/training/courses/${course.courseId}`}
                  className="font-medium text-brand-700 hover:underline"
                >
                  {course.title}
                </Link>
                <span className="ml-2 text-xs text-slate-500">{t(`training:courseType.${course.type}`)}</span>
                {course.status !== "published" ? (
                  <span className="ml-2">
                    <ContentStatusBadge status={course.status} />
                  </span>
                ) : null}
              </div>
              <span className="whitespace-nowrap text-sm text-slate-500">
                {course.publishedMinutes !== null ? <Duration minutes={course.publishedMinutes} /> : "—"}
                {course.version ? <span className="ml-1 text-xs text-slate-400">v{course.version}</span> : null}
              </span>
              <div className="flex items-center gap-1">
                {index > 0 ? (
                  <ItemButton
                    intent="move-course"
                    stamp={stamp}
                    courseId={course.courseId}
                    direction="up"
                    label="↑"
                    title={t("editor.moveUp")}
                  />
                ) : null}
                {index < courses.length - 1 ? (
                  <ItemButton
                    intent="move-course"
                    stamp={stamp}
                    courseId={course.courseId}
                    direction="down"
                    label="↓"
                    title={t("editor.moveDown")}
                  />
                ) : null}
                <ItemButton
                  intent="remove-course"
                  stamp={stamp}
                  courseId={course.courseId}
                  label={t("paths.remove")}
                  className="btn-ghost px-2 py-1 text-xs text-rose-600"
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Form
        method="post"
        key={`add-${stamp}`}
        className="flex flex-wrap items-end gap-2 border-t border-slate-100 bg-slate-50 px-4 py-3"
      >
        <input type="hidden" name="intent" value="add-course" />
        <input type="hidden" name="stamp" value={stamp} />
        <div className="flex-1">
          <label htmlFor="add-course" className="label">
            {t("paths.addCourse")}
          </label>
          <select id="add-course" name="courseId" className="input" required defaultValue="">
            <option value="" disabled>
              {available.length ? t("paths.chooseCourse") : t("paths.noAvailable")}
            </option>
            {available.map((course) => (
              <option key={course.id} value={course.id}>
                {t("paths.courseOption", {
                  title: course.title,
                  type: t(`training:courseType.${course.type}`),
                  hours: Math.round((course.minutes / 60) * 10) / 10,
                })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="btn-secondary"
          disabled={navigation.state === "submitting" || !available.length}
        >
          {t("paths.add")}
        </button>
      </Form>
    </section>
  );
}
