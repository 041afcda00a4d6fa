import { Link } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export type FilterOption = { value: string; label: string };

type FilterSelectProps = {
  /** The control's id; the label points at it, so tests can find the field with getByLabel. */
  id: string;
  name: string;
  label: string;
  options: readonly FilterOption[];
  /** Label of a leading empty-value option ("全部"); leave out when every value is a real choice. */
  allLabel?: string;
  /** Classes of the wrapping cell, e.g. "lg:col-span-2". */
  className?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className" | "children">;

/** Labelled `<select>` cell of a GET filter form. Pass defaultValue (or value + onChange when controlled). */
export function FilterSelect({ id, name, label, options, allLabel, className, ...selectProps }: FilterSelectProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select id={id} name={name} className="input" {...selectProps}>
        {allLabel !== undefined ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type FilterInputProps = {
  id: string;
  name: string;
  label: string;
  /** Classes of the wrapping cell, e.g. "lg:col-span-2". */
  className?: string;
  /** Classes of the input itself; "input" unless given (e.g. "input font-mono"). */
  inputClassName?: string;
  /** Rendered after the input inside the cell, e.g. a `<datalist>`. */
  children?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "children">;

/** Labelled text/search/date/number `<input>` cell of a GET filter form. */
export function FilterInput({
  id,
  name,
  label,
  className,
  inputClassName = "input",
  children,
  ...inputProps
}: FilterInputProps) {
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input id={id} name={name} className={inputClassName} {...inputProps} />
      {children}
    </div>
  );
}

/** 筛选 (submit) and 重置 (back to the unfiltered list) buttons closing a filter form. */
export function FilterActions({ resetTo = "?", className }: { resetTo?: string; className?: string }) {
  const { t } = useTranslation("common");
  return (
    <div className={className ? `flex items-end gap-2 ${className}` : "flex items-end gap-2"}>
      <button type="submit" className="btn-primary">
        {t("actions.filter")}
      </button>
      <Link to={resetTo} className="btn-ghost">
        {t("actions.reset")}
      </Link>
    </div>
  );
}
