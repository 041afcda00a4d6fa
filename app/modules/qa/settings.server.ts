import { db } from "~/utils/db.server";

export interface QaSettingsValues {
  maskPersonalData: boolean;
  disputeWindowDays: number;
  disputeSlaDays: number;
}

export const QA_SETTINGS_DEFAULTS: QaSettingsValues = {
  maskPersonalData: true,
  disputeWindowDays: 7,
  disputeSlaDays: 3,
};

/** The organisation's QA settings; the defaults until an admin saves the settings page. */
export async function getQaSettings(): Promise<QaSettingsValues> {
  const row = await db.qaSettings.findUnique({
    where: { id: 1 },
    select: { maskPersonalData: true, disputeWindowDays: true, disputeSlaDays: true },
  });
  return row ?? QA_SETTINGS_DEFAULTS;
}
