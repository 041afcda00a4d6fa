import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";

export type ProgramChoice = { id: string; name: string; cadence: string; defaultPeriod: string };

/** 新建评选: a programme and its period (YYYY-MM, YYYY-Qn or YYYY); the last complete period is proposed. */
export function NewCycleForm({
  programs,
  lastResult,
}: {
  programs: ProgramChoice[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation(["awards", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({ id: "new-cycle", lastResult });
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const program = programs.find((choice) => choice.id === programId);
  const [period, setPeriod] = useState(program?.defaultPeriod ?? "");
  return (
    <Form
      method="post"
      {...getFormProps(form)}
      className="card grid gap-4 p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
    >
      <input type="hidden" name="intent" value="create" />
      <div className="sm:col-span-3">
        <FormError errors={form.errors} />
      </div>
      <Field id="cycle-program" label={t("cycles.new.program")} errors={fields.programId.errors}>
        <select
          id="cycle-program"
          name="programId"
          value={programId}
          onChange={(event) => {
            setProgramId(event.target.value);
            setPeriod(programs.find((choice) => choice.id === event.target.value)?.defaultPeriod ?? "");
          }}
          className="input"
        >
          {programs.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}（{t(`programForm.options.cadence.${choice.cadence}`)}）
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="cycle-period"
        label={t("cycles.new.period")}
        errors={fields.period.errors}
        hint={program ? t(`cycles.new.periodHint.${program.cadence}`) : undefined}
      >
        <input
          id="cycle-period"
          name="period"
          value={period}
          onChange={(event) => setPeriod(event.target.value)}
          className="input font-mono"
        />
      </Field>
      <button type="submit" className="btn-primary" disabled={navigation.state !== "idle" || programs.length === 0}>
        {t("cycles.new.submit")}
      </button>
    </Form>
  );
}
