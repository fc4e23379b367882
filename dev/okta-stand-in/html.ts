/** Small HTML helpers for the stand-in's pages: plain, dependency-free, everything escaped. */

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f4f5; color: #1d1d21; margin: 0; }
  header { background: #1d1d21; color: #fff; padding: 12px 24px; display: flex; justify-content: space-between; align-items: center; }
  header a { color: #fff; }
  main { max-width: 420px; margin: 40px auto; background: #fff; padding: 24px 32px; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  main.wide { max-width: 760px; }
  h1 { font-size: 1.35rem; margin-top: 0; }
  label { display: block; margin: 12px 0 4px; font-weight: 600; }
  input[type=text], input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 8px; font-size: 1rem; border: 1px solid #8c8c96; border-radius: 4px; }
  button { margin-top: 18px; width: 100%; padding: 10px; font-size: 1rem; background: #1662dd; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  .error { color: #b00020; background: #fdecee; padding: 8px 12px; border-radius: 4px; }
  .muted { color: #6e6e78; font-size: .875rem; }
  ul.tiles { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 12px; }
  ul.tiles a { display: block; height: 100%; box-sizing: border-box; padding: 24px 12px; text-align: center; border: 1px solid #d7d7dc; border-radius: 6px; text-decoration: none; color: #1662dd; font-weight: 600; }
  .banner { background: #fff4d6; color: #5a4400; padding: 4px 24px; font-size: .8rem; }
`;

export type PageOptions = {
  title: string;
  /** Already-escaped HTML of the page body. */
  body: string;
  /** Shown in the header bar (escaped here). */
  orgName?: string;
  /** Already-escaped HTML placed at the right of the header bar. */
  headerRight?: string;
  wide?: boolean;
};

export function page({ title, body, orgName, headerRight, wide }: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="banner">Local Okta stand-in for development and tests. Not Okta.</div>
<header><strong>${escapeHtml(orgName ?? 'Okta stand-in')}</strong><span>${headerRight ?? ''}</span></header>
<main${wide ? ' class="wide"' : ''}>
${body}
</main>
</body>
</html>`;
}

export function errorPage(orgName: string, heading: string, details: Record<string, string | undefined>): string {
  const rows = Object.entries(details)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: <span data-error-field="${escapeHtml(key)}">${escapeHtml(value)}</span></p>`)
    .join('\n');
  return page({ title: heading, orgName, body: `<h1>${escapeHtml(heading)}</h1>\n${rows}` });
}

/**
 * A page whose form POSTs itself (`application/x-www-form-urlencoded`) on load, with a `<noscript>` button
 * for browsers without JavaScript. Used for the logout confirmation and for Okta Simplified tile launches.
 */
export function autoSubmitPage(options: {
  title: string;
  orgName: string;
  action: string;
  fields: Record<string, string>;
  formId?: string;
  buttonLabel?: string;
}): string {
  const formId = options.formId ?? 'auto-submit';
  const inputs = Object.entries(options.fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n  ');
  return page({
    title: options.title,
    orgName: options.orgName,
    body: `<h1>${escapeHtml(options.title)}</h1>
<form id="${escapeHtml(formId)}" method="post" action="${escapeHtml(options.action)}" enctype="application/x-www-form-urlencoded">
  ${inputs}
  <noscript><button type="submit">${escapeHtml(options.buttonLabel ?? 'Continue')}</button></noscript>
</form>
<script>document.getElementById(${JSON.stringify(formId).replace(/</g, '\\u003c')}).submit();</script>`,
  });
}
