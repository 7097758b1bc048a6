import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/link";
import { adminEnabled, isAdmin } from "@/lib/admin/admin-session";
import { orderFilterSchema, PAGE_SIZE, type OrderFilter } from "@/lib/payments/order-filter";
import { listOrders } from "@/lib/payments/store/order-list";
import { ORDER_STATES } from "@/lib/payments/types";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { formatDateTime } from "@/lib/date-time";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { signOutAction } from "./actions";
import { ReconcileButton } from "./reconcile-button";
import { SignInForm } from "./sign-in-form";
import { AdminTable } from "./_components/admin-table";
import { StatusBadge } from "@/app/_components/status-badge";
import { statusToneOf } from "@/lib/payments/order-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("metaTitle"), robots: { index: false } };
}

function query(filter: OrderFilter, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["state", "from", "to", "q", "mode"] as const) if (filter[key]) params.set(key, filter[key]!);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!adminEnabled()) notFound();
  const t = await getTranslations("admin");
  if (!(await isAdmin())) {
    return (
      <main className="page narrow" id="main">
        <h1>{t("signIn.title")}</h1>
        <SignInForm />
      </main>
    );
  }
  const locale = await getLocale();
  const ts = await getTranslations("orderStatus");
  const tw = await getTranslations("wallets");
  const modes = { sandbox: t("modes.sandbox"), test: t("modes.test"), live: t("modes.live") };
  const raw = await searchParams;
  const filter = orderFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const currentMode = getConfig().qfpay.environment;
  const { rows, total } = await listOrders(await getDb(), filter, currentMode);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <main className="page admin" id="main">
      <div className="admin-bar">
        <h1>{t("orders.title")}</h1>
        <div className="admin-tools">
          <ReconcileButton />
          <form action={signOutAction}>
            <button type="submit" className="button button-quiet">
              {t("orders.signOut")}
            </button>
          </form>
        </div>
      </div>
      <form method="get" className="admin-filters" aria-label={t("orders.filterLabel")}>
        <label>
          {t("orders.state")}
          <select name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("orders.any")}</option>
            {ORDER_STATES.map((state) => (
              <option key={state} value={state}>
                {ts(state)}
              </option>
            ))}
            <option value="needs_review">{t("needsReview")}</option>
          </select>
        </label>
        <label>
          {t("orders.from")}
          <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          {t("orders.to")}
          <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <label>
          {t("orders.mode")}
          <select name="mode" defaultValue={filter.mode ?? ""}>
            <option value="">{t("orders.thisMode", { mode: modes[currentMode] })}</option>
            <option value="all">{t("orders.everyMode")}</option>
            <option value="sandbox">{modes.sandbox}</option>
            <option value="test">{modes.test}</option>
            <option value="live">{modes.live}</option>
          </select>
        </label>
        <label className="grow">
          {t("orders.search")}
          <input type="search" name="q" defaultValue={filter.q} placeholder={t("orders.searchPlaceholder")} />
        </label>
        <button type="submit" className="button">
          {t("orders.filter")}
        </button>
        {/* A route handler with one address in every language (its columns are data, not words). */}
        <a className="button button-quiet" href={`/admin/orders.csv${query({ ...filter }, 1)}`}>
          {t("orders.exportCsv")}
        </a>
      </form>
      <p className="field-hint">{t("orders.count", { count: total })}</p>
      <AdminTable
        stacked
        rows={rows}
        none={t("none")}
        columns={[
          {
            header: t("orders.columns.order"),
            cell: (row) => (
              <>
                <Link href={`/admin/orders/${row.id}`} className="order-number">
                  {row.number}
                </Link>
                <span className="order-id mono">{row.id}</span>
              </>
            ),
          },
          { header: t("orders.columns.created"), cell: (row) => formatDateTime(row.createdAt, locale) },
          {
            header: t("orders.columns.state"),
            cell: (row) => (
              <>
                <StatusBadge tone={statusToneOf(row.state)} text={ts(row.state)} />
                {row.needsReview && <span className="badge">{t("needsReview")}</span>}
                {row.mode && row.mode !== "live" && <span className="badge">{modes[row.mode]}</span>}
              </>
            ),
          },
          {
            header: t("orders.columns.wallet"),
            cell: (row) => (row.wallet === "alipayhk" || row.wallet === "alipay" ? tw(row.wallet) : "–"),
          },
          { header: t("orders.columns.payType"), cell: (row) => row.payType ?? "–" },
          {
            header: t("orders.columns.amount"),
            cell: (row) => (isCurrencyCode(row.currency) ? formatMoney(row.total, row.currency, locale) : row.total),
          },
          { header: t("orders.columns.email"), cell: (row) => row.email },
        ]}
      />
      <nav aria-label={t("orders.pages")} className="pagination">
        {filter.page > 1 && <Link href={`/admin${query(filter, filter.page - 1)}`}>{t("orders.previous")}</Link>}
        <span>{t("orders.pageOf", { page: filter.page, pages })}</span>
        {filter.page < pages && <Link href={`/admin${query(filter, filter.page + 1)}`}>{t("orders.next")}</Link>}
      </nav>
    </main>
  );
}
