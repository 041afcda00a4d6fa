import { useTranslation } from "react-i18next";
import type { EditorValues, NodeRow, TransitionRow } from "~/modules/roleplay/authoring";
import { Fieldset } from "./basics-section";
import { AddRowButton, RowActions, RowErrors, Select, TextArea, TextInput, useRows } from "./fields";

const blankNode = (): NodeRow => ({ id: "", customer: "", hint: "", fallback: "", end: "", transitions: [] });
const blankTransition = (): TransitionRow => ({ when: "", unless: "", to: "" });

export const NODE_IDS_LIST = "scenario-node-ids";

export function NodesSection({ values }: { values: EditorValues }) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  const nodes = useRows(values.nodes, blankNode);
  return (
    <Fieldset title={t("authoring.sections.nodes")} description={t("authoring.hints.nodes")}>
      <datalist id={NODE_IDS_LIST}>
        {values.nodes.map((node) => (
          <option key={node.id} value={node.id} />
        ))}
      </datalist>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput name="start" label={f("start")} defaultValue={values.start} mono list={NODE_IDS_LIST} />
        <TextInput
          name="patienceExhausted"
          label={f("patienceExhausted")}
          hint={t("authoring.hints.patienceExhausted")}
          defaultValue={values.patienceExhausted}
          mono
          list={NODE_IDS_LIST}
        />
      </div>
      <RowErrors name="nodes" />
      {nodes.rows.map((row, index) => (
        <NodeEditor
          key={row.id}
          name={`nodes[${index}]`}
          node={row.value}
          onRemove={() => nodes.remove(row.id)}
          onUp={index > 0 ? () => nodes.move(row.id, -1) : undefined}
          onDown={index < nodes.rows.length - 1 ? () => nodes.move(row.id, 1) : undefined}
        />
      ))}
      <AddRowButton onClick={nodes.add} label={f("node")} />
    </Fieldset>
  );
}

function NodeEditor({
  name,
  node,
  onRemove,
  onUp,
  onDown,
}: {
  name: string;
  node: NodeRow;
  onRemove: () => void;
  onUp?: () => void;
  onDown?: () => void;
}) {
  const { t } = useTranslation("roleplay");
  const f = (key: string) => t(`authoring.fields.${key}`);
  const transitions = useRows(node.transitions, blankTransition);
  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3" data-testid="node-row">
      <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <TextInput name={`${name}.id`} label={f("nodeId")} defaultValue={node.id} mono />
        <Select
          name={`${name}.end`}
          label={f("end")}
          defaultValue={node.end}
          options={[
            { value: "", label: t("authoring.outcome.none") },
            ...(["resolved", "customer_left", "escalated"] as const).map((value) => ({
              value,
              label: t(`authoring.outcome.${value}`),
            })),
          ]}
        />
        <RowActions label={f("node")} onRemove={onRemove} onUp={onUp} onDown={onDown} />
      </div>
      <RowErrors name={name} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextArea
          name={`${name}.customer`}
          label={f("customer")}
          hint={t("authoring.hints.customer")}
          defaultValue={node.customer}
        />
        <TextArea
          name={`${name}.fallback`}
          label={f("fallback")}
          hint={t("authoring.hints.fallback")}
          defaultValue={node.fallback}
        />
      </div>
      <TextInput name={`${name}.hint`} label={f("hint")} hint={t("authoring.hints.hint")} defaultValue={node.hint} />
      <div className="space-y-2">
        <p className="label">{f("transitions")}</p>
        <p className="text-xs text-slate-500">{t("authoring.hints.transitions")}</p>
        <RowErrors name={`${name}.transitions`} />
        {transitions.rows.map((row, index) => {
          const rowName = `${name}.transitions[${index}]`;
          return (
            <div key={row.id} className="grid items-end gap-2 sm:grid-cols-[2fr_1fr_1fr_auto]">
              <TextInput name={`${rowName}.when`} label={f("when")} defaultValue={row.value.when} mono />
              <TextInput name={`${rowName}.unless`} label={f("unless")} defaultValue={row.value.unless} mono />
              <TextInput name={`${rowName}.to`} label={f("to")} defaultValue={row.value.to} mono list={NODE_IDS_LIST} />
              <RowActions
                label={f("transition")}
                onRemove={() => transitions.remove(row.id)}
                onUp={index > 0 ? () => transitions.move(row.id, -1) : undefined}
              />
            </div>
          );
        })}
        <AddRowButton onClick={transitions.add} label={f("transition")} />
      </div>
    </div>
  );
}
