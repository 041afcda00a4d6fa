import { useTranslation } from "react-i18next";
import { SHORTCUTS } from "./keymap";
import { Modal } from "./modal";

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(["qa-review", "common"]);
  return (
    <Modal
      open={open}
      title={t("qa-review:shortcuts.title")}
      onClose={onClose}
      footer={
        <button type="button" className="btn-secondary" onClick={onClose}>
          {t("common:actions.dismiss")}
        </button>
      }
    >
      <dl className="divide-y divide-slate-100 text-sm" data-testid="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action} className="flex items-center justify-between gap-4 py-2">
            <dt className="text-slate-600">{t(`qa-review:shortcuts.${shortcut.action}`)}</dt>
            <dd className="flex gap-1">
              {shortcut.keys.map((key) => (
                <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">
                  {key}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">{t("qa-review:shortcuts.typingNote")}</p>
    </Modal>
  );
}
