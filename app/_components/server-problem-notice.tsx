/** What a misconfigured shop shows on every page instead of a bare 500: what is wrong, and where to look. */
export function ServerProblemNotice({ problem }: { problem: string }) {
  return (
    <main className="page narrow" id="main">
      <h1>This shop is not set up yet</h1>
      <p role="alert">{problem}</p>
      <p>
        Set the variable in your host&apos;s project settings (on Vercel: Settings, Environment Variables), then
        redeploy. The README&apos;s Configuration section lists every variable; <code>/api/health</code> reports the
        same reason.
      </p>
    </main>
  );
}
