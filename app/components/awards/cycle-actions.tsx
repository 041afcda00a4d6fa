import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { nextTransitions, type CycleStatus } from "~/modules/awards/cycle-state";

/** The next workflow step(s) of the cycle, each confirmed before it is sent. */
export function CycleActions({ status }: { status: CycleStatus }) {
  const { t } = useTranslation("awards");
  const navigation = useNavigation();
  const transitions = nextTransitions(status);
  if (transitions.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {transitions.map((transition) => (
        <Form
          key={transition}
          method="post"
          className="flex items-center gap-3"
          onSubmit={(event) => {
            if (!window.confirm(t(`cycles.confirm.${transition}`))) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value={transition} />
          {transition === "publish" ? (
            <label className="flex items-center gap-2 text-sm text-slate-600">
              <input type="checkbox" name="inviteStories" defaultChecked className="h-4 w-4" />
              {t("cycles.inviteStories")}
            </label>
          ) : null}
          <button
            type="submit"
            className={transition === "compute" && status === "computed" ? "btn-secondary" : "btn-primary"}
            disabled={navigation.state !== "idle"}
            data-testid={`cycle-${transition}`}
          >
            {t(
              status === "computed" && transition === "compute"
                ? "cycles.actions.recompute"
                : `cycles.actions.${transition}`,
            )}
          </button>
        </Form>
      ))}
    </div>
  );
}
