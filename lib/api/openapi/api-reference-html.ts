import { localeFromAcceptLanguage } from "@/lib/i18n/locales";

/**
 * The reference page: Scalar's standalone bundle from this origin, configured to fetch nothing elsewhere — no
 * default fonts (fonts.scalar.com), no telemetry, no AI agent, no proxy (the "try it" client calls this server).
 */
export function apiReferenceHtml(input: { nonce: string; lang: string | null }): string {
  const lang = localeFromAcceptLanguage(input.lang);
  const title = lang === "pt-BR" ? "Papo — referência da API" : "Papo — API reference";
  const config = {
    url: "/api/v1/openapi.json",
    withDefaultFonts: false,
    telemetry: false,
    agent: { disabled: true },
    hideClientButton: false,
    showDeveloperTools: "never",
    documentDownloadType: "json",
  };
  const nonce = escapeAttr(input.nonce);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="/docs/api/assets/standalone.js"></script>
<script nonce="${nonce}">Scalar.createApiReference("#app", ${JSON.stringify(config).replace(/</g, "\\u003c")});</script>
</body>
</html>`;
}

function escapeAttr(value: string): string {
  return value.replace(/[^A-Za-z0-9+/=]/g, "");
}
