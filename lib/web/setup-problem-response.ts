/** `&`, `<`, `>` and quotes, for text placed in HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What every request gets while the configuration is wrong (a serverless instance keeps running): 503
 * and the one line that says what to set, never a bare 500. Route handlers get it as JSON; pages as a
 * small page of its own, since the shop's pages and layout need the configuration to render.
 */
export function setupProblemResponse(problem: string, pathname: string): Response {
  const headers = { "Cache-Control": "no-store" };
  if (/^\/(api|sandbox\/qfpay)\//.test(pathname)) return Response.json({ error: problem }, { status: 503, headers });
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>This shop is not set up yet</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2a24}code{background:#eef3f0;padding:0 .25rem}</style></head>
<body><main><h1>This shop is not set up yet</h1><p role="alert">${escapeHtml(problem)}</p>
<p>Set the variable in your host's project settings (on Vercel: Settings, Environment Variables), then redeploy. The README's Configuration section lists every variable; <code>/api/health</code> reports the same reason.</p></main></body></html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      ...headers,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
