import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { AppShell } from "~/components/app-shell";
import { RouteErrorBoundary } from "~/components/error-boundary";
import { getLocale, getT } from "~/modules/i18n/i18n.server";
import { navigationFor } from "~/modules/identity/navigation";
import { workspacesFor } from "~/modules/identity/permissions";
import { getSessionUser } from "~/modules/identity/session.server";
import { unreadCount } from "~/modules/notifications/notifications.server";
import { env } from "~/utils/env.server";
import { readFlash } from "~/utils/flash.server";
import stylesheet from "~/styles/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.appTitle ?? "服务力" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, t, { flash, headers }] = await Promise.all([
    getSessionUser(request),
    getLocale(request),
    getT(request),
    readFlash(request),
  ]);
  const viewer = user
    ? {
        id: user.id,
        name: user.name,
        externalId: user.externalId,
        roles: user.roles,
        unread: await unreadCount(user.id),
        navigation: navigationFor(user.permissions),
        workspaces: workspacesFor(user.roles).map(({ role, path }) => ({ role, path })),
      }
    : null;
  return data(
    {
      appTitle: `${t("appName")} · ${t("appTagline")}`,
      locale,
      timeZone: env().APP_TIME_ZONE,
      renderedAt: Date.now(),
      viewer,
      flash,
    },
    { headers },
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale = root?.locale ?? "zh-CN";
  const { i18n } = useTranslation();
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const root = useRouteLoaderData<typeof loader>("root");
  if (!root?.viewer) return <Outlet />;
  return (
    <AppShell viewer={root.viewer} flash={root.flash}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
