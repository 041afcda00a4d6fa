import { Form, useNavigation } from "@remix-run/react";

/** A one-button POST form with a hidden intent (and the draft's stamp when the action needs it); can ask first. */
export function IntentButton({
  intent,
  label,
  className,
  stamp,
  confirm,
}: {
  intent: string;
  label: string;
  className: string;
  stamp?: string;
  confirm?: string;
}) {
  const navigation = useNavigation();
  return (
    <Form
      method="post"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      {stamp ? <input type="hidden" name="stamp" value={stamp} /> : null}
      <button type="submit" className={className} disabled={navigation.state === "submitting"}>
        {label}
      </button>
    </Form>
  );
}
