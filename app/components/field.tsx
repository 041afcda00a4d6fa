import { useTranslation } from "react-i18next";

type FieldProps = {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: React.ReactNode;
};

/** Label + control + translated errors. Error strings are catalogue keys ("validation:required"). */
export function Field({ id, label, errors, hint, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-600" role="alert">
          {errors.map((error) => t(error)).join("；")}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ errors }: { errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700">
      {errors.map((error) => t(error)).join("；")}
    </div>
  );
}
