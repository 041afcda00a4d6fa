import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import { FlashBanner } from "./flash-banner";
import { Icon } from "./icons";
import { LanguageSwitch } from "./language-switch";

type Viewer = NonNullable<RootData["viewer"]>;

export function AppShell({
  viewer,
  flash,
  children,
}: {
  viewer: Viewer;
  flash: RootData["flash"];
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const initials = viewer.name.slice(-2);

  return (
    <div className="flex min-h-full">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <aside
        className={`${menuOpen ? "fixed inset-0 z-40 flex" : "hidden"} w-64 shrink-0 flex-col border-r border-slate-200 bg-white lg:static lg:flex`}
        aria-label={t("nav.label")}
      >
        <div className="flex h-16 items-center gap-2 border-b border-slate-100 px-5">
          <span className="flex h-8 w-8 items-center justify-center rounded-lg bg-brand-600 text-sm font-bold text-white">
            服
          </span>
          <span className="text-base font-semibold text-slate-900">{t("appName")}</span>
        </div>
        <nav className="flex-1 overflow-y-auto px-3 py-4">
          {viewer.navigation.map((section) => (
            <div key={section.titleKey} className="mb-5">
              <p className="px-3 pb-1.5 text-xs font-semibold uppercase tracking-wider text-slate-400">
                {t(section.titleKey)}
              </p>
              <ul className="space-y-0.5">
                {section.items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      onClick={() => setMenuOpen(false)}
                      className={({ isActive }) =>
                        `flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium ${
                          isActive
                            ? "bg-brand-50 text-brand-700"
                            : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                        }`
                      }
                    >
                      <Icon name={item.icon} className="h-4.5 w-4.5 h-[18px] w-[18px]" />
                      {t(item.labelKey)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="border-t border-slate-100 p-3">
          <NavLink
            to="/account"
            className={({ isActive }) =>
              `flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`
            }
          >
            <Icon name="settings" className="h-[18px] w-[18px]" />
            {t("nav.account")}
          </NavLink>
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-slate-200 bg-white/90 px-4 backdrop-blur sm:px-6">
          <button
            type="button"
            className="btn-ghost lg:hidden"
            aria-label={t("nav.openMenu")}
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <Icon name="menu" />
          </button>
          {viewer.workspaces.length > 1 ? (
            <div className="hidden items-center gap-1 md:flex" aria-label={t("nav.workspaces")}>
              {viewer.workspaces.map((workspace) => (
                <Link
                  key={workspace.role}
                  to={workspace.path}
                  className={`rounded-full px-3 py-1 text-xs font-medium ${
                    location.pathname.startsWith(workspace.path)
                      ? "bg-brand-600 text-white"
                      : "bg-slate-100 text-slate-600 hover:bg-slate-200"
                  }`}
                >
                  {t(`roles.${workspace.role}`)}
                </Link>
              ))}
            </div>
          ) : null}
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitch />
            <Link
              to="/notifications"
              className="relative rounded-full p-2 text-slate-500 hover:bg-slate-100 hover:text-slate-700"
              aria-label={t("notifications.bell", { count: viewer.unread })}
              data-testid="notification-bell"
            >
              <Icon name="bell" />
              {viewer.unread > 0 ? (
                <span className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-rose-500 px-1 text-[11px] font-semibold text-white">
                  {viewer.unread > 99 ? "99+" : viewer.unread}
                </span>
              ) : null}
            </Link>
            <div className="flex items-center gap-2 border-l border-slate-200 pl-3">
              <span
                className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
                aria-hidden="true"
              >
                {initials}
              </span>
              <div className="hidden text-sm leading-tight sm:block">
                <p className="font-medium text-slate-800" data-testid="viewer-name">
                  {viewer.name}
                </p>
                <p className="text-xs text-slate-500">{viewer.roles.map((role) => t(`roles.${role}`)).join(" · ")}</p>
              </div>
              <Form method="post" action="/logout">
                <button type="submit" className="btn-ghost px-2" aria-label={t("nav.logout")} title={t("nav.logout")}>
                  <Icon name="logout" className="h-[18px] w-[18px]" />
                </button>
              </Form>
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          <FlashBanner flash={flash} />
          {children}
        </main>
      </div>
    </div>
  );
}
