import { createContext, useContext, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "~/modules/roleplay/authoring";

export const EditorErrors = createContext<FieldErrors>({});

function fieldId(name: string) {
  return `f-${name.replace(/[^a-zA-Z0-9]+/g, "-")}`;
}

function useFieldErrors(name: string) {
  return useContext(EditorErrors)[name] ?? [];
}

type Common = { name: string; label: string; hint?: string; className?: string };

function Wrapper({ name, label, hint, className, children }: Common & { children: React.ReactNode }) {
  const { t } = useTranslation();
  const errors = useFieldErrors(name);
  const id = fieldId(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint && errors.length === 0 ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {errors.length > 0 ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-600" role="alert">
          {errors.map((error) => t(error)).join("；")}
        </p>
      ) : null}
    </div>
  );
}

function controlProps(name: string, invalid: boolean) {
  const id = fieldId(name);
  return {
    id,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": invalid ? `${id}-error` : undefined,
  };
}

export function TextInput({
  defaultValue,
  mono,
  list,
  inputMode,
  ...common
}: Common & { defaultValue: string; mono?: boolean; list?: string; inputMode?: "numeric" | "decimal" }) {
  const invalid = useFieldErrors(common.name).length > 0;
  return (
    <Wrapper {...common}>
      <input
        {...controlProps(common.name, invalid)}
        type="text"
        defaultValue={defaultValue}
        list={list}
        inputMode={inputMode}
        autoComplete="off"
        className={`input ${mono ? "font-mono" : ""} ${invalid ? "border-rose-400" : ""}`}
      />
    </Wrapper>
  );
}

export function TextArea({ defaultValue, rows = 3, ...common }: Common & { defaultValue: string; rows?: number }) {
  const invalid = useFieldErrors(common.name).length > 0;
  return (
    <Wrapper {...common}>
      <textarea
        {...controlProps(common.name, invalid)}
        defaultValue={defaultValue}
        rows={rows}
        className={`input ${invalid ? "border-rose-400" : ""}`}
      />
    </Wrapper>
  );
}

export function Select({
  defaultValue,
  options,
  ...common
}: Common & { defaultValue: string; options: readonly { value: string; label: string }[] }) {
  const invalid = useFieldErrors(common.name).length > 0;
  return (
    <Wrapper {...common}>
      <select {...controlProps(common.name, invalid)} defaultValue={defaultValue} className="input">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Wrapper>
  );
}

/** Errors attached to a whole row (e.g. "an intent needs at least one phrase or pattern"). */
export function RowErrors({ name }: { name: string }) {
  const { t } = useTranslation();
  const errors = useFieldErrors(name);
  if (errors.length === 0) return null;
  return (
    <p className="text-xs text-rose-600" role="alert">
      {errors.map((error) => t(error)).join("；")}
    </p>
  );
}

type Row<T> = { id: string; value: T };

/**
 * Rows of uncontrolled inputs with stable React keys: adding, removing or moving a row keeps what was typed in the
 * others, and the input names follow the row's new index.
 */
export function useRows<T>(initial: readonly T[], blank: () => T) {
  const counter = useRef(initial.length);
  const [rows, setRows] = useState<Row<T>[]>(() => initial.map((value, index) => ({ id: `r${index}`, value })));
  return {
    rows,
    add: () => setRows((current) => [...current, { id: `r${counter.current++}`, value: blank() }]),
    remove: (id: string) => setRows((current) => current.filter((row) => row.id !== id)),
    move: (id: string, direction: -1 | 1) =>
      setRows((current) => {
        const index = current.findIndex((row) => row.id === id);
        const target = index + direction;
        if (index < 0 || target < 0 || target >= current.length) return current;
        const next = [...current];
        [next[index], next[target]] = [next[target]!, next[index]!];
        return next;
      }),
  };
}

export function RowActions({
  onRemove,
  onUp,
  onDown,
  label,
}: {
  onRemove: () => void;
  onUp?: () => void;
  onDown?: () => void;
  label: string;
}) {
  const { t } = useTranslation("roleplay");
  return (
    <div className="flex items-center gap-1">
      {onUp ? (
        <button
          type="button"
          className="btn-ghost px-2 py-1 text-xs"
          onClick={onUp}
          aria-label={t("authoring.rows.up", { label })}
        >
          ↑
        </button>
      ) : null}
      {onDown ? (
        <button
          type="button"
          className="btn-ghost px-2 py-1 text-xs"
          onClick={onDown}
          aria-label={t("authoring.rows.down", { label })}
        >
          ↓
        </button>
      ) : null}
      <button type="button" className="btn-ghost px-2 py-1 text-xs text-rose-600" onClick={onRemove}>
        {t("authoring.rows.remove", { label })}
      </button>
    </div>
  );
}

export function AddRowButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" className="btn-secondary text-sm" onClick={onClick}>
      + {label}
    </button>
  );
}
