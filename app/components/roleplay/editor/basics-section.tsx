import { useTranslation } from "react-i18next";
import type { EditorValues, ItemRow } from "~/modules/roleplay/authoring";
import { AddRowButton, RowActions, RowErrors, Select, TextArea, TextInput, useRows } from "./fields";

export function Fieldset({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset className="card space-y-4 p-5">
      <legend className="sr-only">{title}</legend>
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {description ? <p className="mt-0.5 text-xs text-slate-500">{description}</p> : null}
      </div>
      {children}
    </fieldset>
  );
}

export function BasicsSection({ values }: { values: EditorValues }) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  return (
    <Fieldset title={t("authoring.sections.basics")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput name="title" label={f("title")} defaultValue={values.title} />
        <TextInput name="tags" label={f("tags")} hint={t("authoring.hints.tags")} defaultValue={values.tags} />
      </div>
      <TextArea name="summary" label={f("summary")} defaultValue={values.summary} rows={2} />
      <TextArea name="goal" label={f("goal")} hint={t("authoring.hints.goal")} defaultValue={values.goal} rows={2} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Select
          name="difficulty"
          label={f("difficulty")}
          defaultValue={values.difficulty || "medium"}
          options={(["easy", "medium", "hard"] as const).map((value) => ({
            value,
            label: t(`authoring.difficulty.${value}`),
          }))}
        />
        <Select
          name="channel"
          label={f("channel")}
          defaultValue={values.channel || "chat"}
          options={(["chat", "phone"] as const).map((value) => ({ value, label: t(`authoring.channel.${value}`) }))}
        />
        <TextInput
          name="replyTimeLimitSeconds"
          label={f("replyTimeLimitSeconds")}
          hint={t("authoring.hints.replyTimeLimitSeconds")}
          defaultValue={values.replyTimeLimitSeconds}
          inputMode="numeric"
        />
      </div>
    </Fieldset>
  );
}

export function PersonaSection({ values }: { values: EditorValues }) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  return (
    <Fieldset title={t("authoring.sections.persona")}>
      <div className="grid gap-4 sm:grid-cols-4">
        <TextInput name="persona.name" label={f("personaName")} defaultValue={values.persona.name} />
        <Select
          name="persona.mood"
          label={f("mood")}
          defaultValue={values.persona.mood || "calm"}
          options={(["calm", "anxious", "annoyed", "angry"] as const).map((value) => ({
            value,
            label: t(`authoring.mood.${value}`),
          }))}
        />
        <TextInput
          name="persona.patience"
          label={f("patience")}
          hint={t("authoring.hints.patience")}
          defaultValue={values.persona.patience}
          inputMode="numeric"
        />
        <Select
          name="persona.tier"
          label={f("tier")}
          defaultValue={values.persona.tier || "ordinary"}
          options={(["ordinary", "key", "special"] as const).map((value) => ({
            value,
            label: t(`authoring.tier.${value}`),
          }))}
        />
      </div>
      <TextArea
        name="persona.description"
        label={f("personaDescription")}
        defaultValue={values.persona.description}
        rows={2}
      />
    </Fieldset>
  );
}

const blankItem = (): ItemRow => ({ name: "", sku: "", quantity: "1", price: "" });

export function OrderSection({ values }: { values: EditorValues }) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  const items = useRows(values.order.items, blankItem);
  return (
    <Fieldset title={t("authoring.sections.order")} description={t("authoring.hints.order")}>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput name="order.orderNumber" label={f("orderNumber")} defaultValue={values.order.orderNumber} mono />
        <TextInput name="order.platform" label={f("platform")} defaultValue={values.order.platform} />
        <TextInput name="order.status" label={f("status")} defaultValue={values.order.status} />
        <TextInput
          name="order.orderedAt"
          label={f("orderedAt")}
          defaultValue={values.order.orderedAt}
          hint="2026-11-18"
        />
        <TextInput name="order.deliveredAt" label={f("deliveredAt")} defaultValue={values.order.deliveredAt} />
        <TextInput name="order.amount" label={f("amount")} defaultValue={values.order.amount} inputMode="decimal" />
      </div>
      <div className="space-y-2">
        <p className="label">{f("items")}</p>
        <RowErrors name="order.items" />
        {items.rows.map((row, index) => (
          <div
            key={row.id}
            className="grid items-end gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_80px_100px_auto]"
          >
            <TextInput name={`order.items[${index}].name`} label={f("itemName")} defaultValue={row.value.name} />
            <TextInput name={`order.items[${index}].sku`} label={f("sku")} defaultValue={row.value.sku} mono />
            <TextInput
              name={`order.items[${index}].quantity`}
              label={f("quantity")}
              defaultValue={row.value.quantity}
              inputMode="numeric"
            />
            <TextInput
              name={`order.items[${index}].price`}
              label={f("price")}
              defaultValue={row.value.price}
              inputMode="decimal"
            />
            <RowActions label={f("item")} onRemove={() => items.remove(row.id)} />
          </div>
        ))}
        <AddRowButton onClick={items.add} label={f("item")} />
      </div>
      <TextArea name="order.issue" label={f("issue")} defaultValue={values.order.issue} rows={2} />
      <TextArea
        name="order.notes"
        label={f("notes")}
        hint={t("authoring.hints.lines")}
        defaultValue={values.order.notes}
        rows={3}
      />
    </Fieldset>
  );
}
