import { useTranslation } from "react-i18next";
import type { LiveScore } from "./live-score";
import { Modal } from "./modal";
import { ScoreFigure } from "./score-badge";

export function SubmitDialog({
  open,
  live,
  passMark,
  failedNames,
  submitting,
  onConfirm,
  onClose,
}: {
  open: boolean;
  live: LiveScore;
  passMark: number;
  failedNames: string[];
  submitting: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(["qa-review", "common"]);
  return (
    <Modal
      open={open}
      title={t("qa-review:submit.title")}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn-ghost" onClick={onClose}>
            {t("common:actions.cancel")}
          </button>
          <button type="button" className="btn-primary" onClick={onConfirm} disabled={submitting} autoFocus>
            {t("qa-review:submit.confirm")}
          </button>
        </>
      }
    >
      <p className="text-sm text-slate-600">{t("qa-review:submit.finalScore")}</p>
      <div className="mt-1">
        <ScoreFigure
          score={live.result.score}
          passed={live.passed}
          criticalFailed={live.result.criticalFailed}
          passMark={passMark}
        />
      </div>
      {failedNames.length > 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          {t("qa-review:submit.failedCriteria", { names: failedNames.join("、") })}
        </p>
      ) : null}
      <p className="mt-3 text-xs text-slate-500">{t("qa-review:submit.note")}</p>
    </Modal>
  );
}
