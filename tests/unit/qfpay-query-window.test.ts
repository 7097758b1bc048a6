import { expect, it } from "vitest";
import { monthWindow, queryWindowsFor } from "@/lib/qfpay/query-window";

it("searches the month of txdtm, whole", () => {
  expect(monthWindow("2026-02-14 10:00:00")).toEqual({
    start_time: "2026-02-01 00:00:00",
    end_time: "2026-02-28 23:59:59",
  });
  expect(monthWindow("2028-02-14 10:00:00").end_time).toBe("2028-02-29 23:59:59");
  expect(queryWindowsFor("2026-03-15 12:00:00")).toEqual([monthWindow("2026-03-15 12:00:00")]);
});

it("near a month's end or start, searches the neighbouring month too (QFPay stamps sysdtm by its own clock)", () => {
  expect(queryWindowsFor("2026-01-31 23:59:59").map((w) => w.start_time)).toEqual([
    "2026-01-01 00:00:00",
    "2026-02-01 00:00:00",
  ]);
  expect(queryWindowsFor("2026-12-31 23:30:00").map((w) => w.start_time)).toEqual([
    "2026-12-01 00:00:00",
    "2027-01-01 00:00:00",
  ]);
  expect(queryWindowsFor("2026-02-01 00:10:00").map((w) => w.start_time)).toEqual([
    "2026-01-01 00:00:00",
    "2026-02-01 00:00:00",
  ]);
  expect(queryWindowsFor("2026-01-31 22:00:00")).toHaveLength(1);
});
