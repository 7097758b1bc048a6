export type Verdict = "accept" | "refuse";

/**
 * One request of a cross-check table. `verdict` is what both the client and the sandbox answer; where
 * their readings of QFPay's documentation differ, `differs` gives the sandbox's verdict and why, with
 * the source that decides it, so the difference is written down and a new one fails the test.
 */
export interface Row {
  name: string;
  verdict: Verdict;
  differs?: { sandbox: Verdict; why: string };
}

export function rowVerdicts(row: Row): { client: Verdict; sandbox: Verdict } {
  return { client: row.verdict, sandbox: row.differs?.sandbox ?? row.verdict };
}
