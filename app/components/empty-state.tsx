import { Icon } from "./icons";

export function EmptyState({
  title,
  body,
  icon = "list",
  children,
}: {
  title: string;
  body?: string;
  icon?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-14 text-center">
      <span className="flex h-12 w-12 items-center justify-center rounded-full bg-slate-100 text-slate-400">
        <Icon name={icon} className="h-6 w-6" />
      </span>
      <p className="mt-3 text-sm font-medium text-slate-700">{title}</p>
      {body ? <p className="mt-1 max-w-sm text-sm text-slate-500">{body}</p> : null}
      {children ? <div className="mt-4">{children}</div> : null}
    </div>
  );
}
