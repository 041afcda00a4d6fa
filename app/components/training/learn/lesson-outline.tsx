import { Link } from "@remix-run/react";

export type OutlineModule = { id: string; title: string; lessons: { id: string; title: string; completed: boolean }[] };

/** The course outline beside a lesson: modules, lessons with completion ticks, the current one highlighted. */
export function LessonOutline({
  courseId,
  modules,
  currentId,
}: {
  courseId: string;
  modules: OutlineModule[];
  currentId: string;
}) {
  return (
    <nav className="mt-2 space-y-3 text-sm">
      {modules.map((module) => (
        <div key={module.id}>
          <p className="font-medium text-slate-700">{module.title}</p>
          <ol className="mt-1 space-y-0.5">
            {module.lessons.map((lesson) => (
              <li key={lesson.id}>
                <Link
                  to={`/learn/courses/${courseId}/lessons/${lesson.id}`}
                  aria-current={lesson.id === currentId ? "page" : undefined}
                  className={`flex items-start gap-2 rounded px-2 py-1 ${
                    lesson.id === currentId
                      ? "bg-brand-50 font-medium text-brand-700"
                      : "text-slate-600 hover:bg-slate-50"
                  }`}
                >
                  <span
                    aria-hidden="true"
                    className={`mt-0.5 inline-flex h-4 w-4 shrink-0 items-center justify-center rounded-full text-[10px] ${
                      lesson.completed ? "bg-emerald-500 text-white" : "border border-slate-300"
                    }`}
                  >
                    {lesson.completed ? "✓" : ""}
                  </span>
                  <span>{lesson.title}</span>
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </nav>
  );
}
