import { notFound } from "next/navigation";

/** Any unknown path under a locale: its 404 is the locale's own (app/[locale]/not-found.tsx), not the root's. */
export default function UnknownPage() {
  notFound();
}
