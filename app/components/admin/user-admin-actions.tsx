import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons";

/** "Import users" and "New user", shown on the admin home and the user list. */
export function UserAdminActions() {
  const { t } = useTranslation("admin");
  return (
    <>
      <Link to="/admin/users/import" className="btn-secondary">
        <Icon name="upload" className="h-4 w-4" />
        {t("users.importAction")}
      </Link>
      <Link to="/admin/users/new" className="btn-primary">
        <Icon name="plus" className="h-4 w-4" />
        {t("users.newAction")}
      </Link>
    </>
  );
}
