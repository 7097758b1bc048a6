import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminEnabled, isAdmin } from "@/lib/admin/admin-session";
import { orderFilterSchema, PAGE_SIZE, type OrderFilter } from "@/lib/payments/order-filter";
import { listOrders } from "@/lib/payments/store/order-list";
import { ORDER_STATES } from "@/lib/payments/types";
import { getDb } from "@/lib/db/database";
import { getConfig } from "@/lib/env";
import { formatMoney } from "@/lib/money";
import { isCurrencyCode } from "@/lib/qfpay/currencies";
import { ORDER_STATUS_TEXT } from "@/lib/payments/state-machine";
import { signOutAction } from "./actions";
import { ReconcileButton } from "./reconcile-button";
import { SignInForm } from "./sign-in-form";
import { AdminTable } from "./_components/admin-table";
import { StatusBadge } from "@/app/_components/status-badge";
import { statusToneOf } from "@/lib/payments/order-status";
import { WALLET_NAMES } from "@/lib/qfpay/pay-types";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

const DATE = new Intl.DateTimeFormat("en-HK", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Hong_Kong" });

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
  if (!(await isAdmin())) {
    return (
      <main className="page narrow" id="main">
        <h1>Admin sign-in</h1>
        <SignInForm />
      </main>
    );
  }
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
        <h1>Orders</h1>
        <div className="admin-tools">
          <ReconcileButton />
          <form action={signOutAction}>
            <button type="submit" className="button button-quiet">
              Sign out
            </button>
          </form>
        </div>
      </div>
      <form method="get" className="admin-filters" aria-label="Filter orders">
        <label>
          State
          <select name="state" defaultValue={filter.state ?? ""}>
            <option value="">Any</option>
            {ORDER_STATES.map((state) => (
              <option key={state} value={state}>
                {ORDER_STATUS_TEXT[state]}
              </option>
            ))}
            <option value="needs_review">Needs review</option>
          </select>
        </label>
        <label>
          From
          <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <label>
          Mode
          <select name="mode" defaultValue={filter.mode ?? ""}>
            <option value="">This mode ({currentMode})</option>
            <option value="all">Every mode</option>
            <option value="sandbox">Sandbox</option>
            <option value="test">Test</option>
            <option value="live">Live</option>
          </select>
        </label>
        <label className="grow">
          Search
          <input type="search" name="q" defaultValue={filter.q} placeholder="Order number, id, out_trade_no or syssn" />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
        <a className="button button-quiet" href={`/admin/orders.csv${query({ ...filter }, 1)}`}>
          Export CSV
        </a>
      </form>
      <p className="field-hint">
        {total} order{total === 1 ? "" : "s"}
      </p>
      <AdminTable
        stacked
        rows={rows}
        columns={[
          {
            header: "Order",
            cell: (row) => (
              <>
                <Link href={`/admin/orders/${row.id}`} className="order-number">
                  {row.number}
                </Link>
                <span className="order-id mono">{row.id}</span>
              </>
            ),
          },
          { header: "Created", cell: (row) => DATE.format(row.createdAt) },
          {
            header: "State",
            cell: (row) => (
              <>
                <StatusBadge tone={statusToneOf(row.state)} text={ORDER_STATUS_TEXT[row.state]} />
                {row.needsReview && <span className="badge">Needs review</span>}
                {row.mode && row.mode !== "live" && (
                  <span className="badge">{row.mode === "sandbox" ? "Sandbox" : "Test"}</span>
                )}
              </>
            ),
          },
          {
            header: "Wallet",
            cell: (row) => (row.wallet === "alipayhk" || row.wallet === "alipay" ? WALLET_NAMES[row.wallet] : "–"),
          },
          { header: "Pay type", cell: (row) => row.payType ?? "–" },
          {
            header: "Amount",
            cell: (row) => (isCurrencyCode(row.currency) ? formatMoney(row.total, row.currency) : row.total),
          },
          { header: "Email", cell: (row) => row.email },
        ]}
      />
      <nav aria-label="Pages" className="pagination">
        {filter.page > 1 && <Link href={`/admin${query(filter, filter.page - 1)}`}>Previous page</Link>}
        <span>
          Page {filter.page} of {pages}
        </span>
        {filter.page < pages && <Link href={`/admin${query(filter, filter.page + 1)}`}>Next page</Link>}
      </nav>
    </main>
  );
}
