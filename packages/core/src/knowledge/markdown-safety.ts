// Text shown to people may come from a model that read untrusted documents, or
// from the documents themselves. A Markdown image (or HTML <img>) is fetched by
// the reader's browser as soon as it renders, and a link invites a click: either
// can carry data to someone else's server in its URL. Both are removed unless
// their host is allowed (no host is, by default); a link keeps its label.

export interface LinkPolicy {
  /** Hosts (lower case, exact or as a parent domain) whose links and images may stay. */
  allowedHosts?: readonly string[];
}

function hostAllowed(url: string, allowed: readonly string[]): boolean {
  if (!allowed.length) return false;
  let host: string;
  try {
    const u = new URL(url.trim().replace(/^<|>$/g, ''));
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    host = u.hostname.toLowerCase();
  } catch {
    return false;
  }
  return allowed.some((a) => host === a.toLowerCase() || host.endsWith(`.${a.toLowerCase()}`));
}

/** `](url "title")` → url: the destination of an inline link or image. */
const INLINE_IMAGE =
  /!\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const INLINE_LINK =
  /\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
/** `[label]: url` reference definitions. */
const REFERENCE_DEFINITION = /^[ \t]{0,3}\[[^\]]+\]:[ \t]*(\S+)[^\n]*$/gm;
/** `![alt][ref]` reference images. */
const REFERENCE_IMAGE = /!\[[^\]]*\]\[[^\]]*\]/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;
const HTML_LINK = /<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi;
const AUTOLINK = /<((?:[a-z][a-z0-9+.-]{1,31}:|\/\/)[^\s<>]*)>/gi;
/**
 * A URL in plain text: any scheme, `www.`, protocol-relative `//host`, or a host with
 * a path (`host.tld/…`) — also what is left of one cut at a chunk's edge (`ttps://…`,
 * `://…`).
 */
const BARE_URL =
  /(?:[a-z0-9+.-]*:\/\/|\bwww\.|(?<![:\w/])\/\/(?=[a-z0-9]))[^\s<>()[\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/[^\s<>()[\]]*/gi;

/** A plain-text URL as a URL to check: schemeless ones read as https. */
const asUrl = (text: string): string =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? text
    : text.startsWith('//')
      ? `https:${text}`
      : `https://${text.replace(/^[a-z0-9+.-]*:\/\//i, '')}`;
const LEFTOVER_DESTINATION = /\]\(\s*<?((?:[a-z][a-z0-9+.-]{1,31}:|\/\/)[^\s)>]*)/gi;
const DATA_URL = /\bdata:[a-z]+\/[a-z0-9.+-]+[;,][^\s)]*/gi;

/** Removes images and links whose host is not allowed; a removed link leaves its label. */
export function stripUnsafeMarkdown(text: string, policy: LinkPolicy = {}): string {
  const allowed = policy.allowedHosts ?? [];
  let out = text;
  // Images first (an image can sit inside a link's label).
  for (let i = 0; i < 3; i++) {
    const next = out.replace(INLINE_IMAGE, (m, _alt: string, url: string) => (hostAllowed(url, allowed) ? m : ''));
    if (next === out) break;
    out = next;
  }
  out = out.replace(REFERENCE_IMAGE, '').replace(HTML_IMAGE, '');
  for (let i = 0; i < 3; i++) {
    const next = out.replace(INLINE_LINK, (m, label: string, url: string) => (hostAllowed(url, allowed) ? m : label));
    if (next === out) break;
    out = next;
  }
  out = out
    .replace(HTML_LINK, (m, label: string) => {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m);
      return href && hostAllowed(href[1] ?? href[2] ?? href[3] ?? '', allowed) ? m : label;
    })
    .replace(REFERENCE_DEFINITION, (m, url: string) => (hostAllowed(url, allowed) ? m : ''))
    .replace(AUTOLINK, (m, url: string) => (hostAllowed(url, allowed) ? m : ''))
    .replace(DATA_URL, '')
    .replace(BARE_URL, (url) => (hostAllowed(asUrl(url), allowed) ? url : ''))
    // Whatever the patterns above could not parse: a destination naming a host, or any image left.
    .replace(LEFTOVER_DESTINATION, (m, url: string) => (hostAllowed(url, allowed) ? m : ']('))
    .replace(/!\[/g, (m) => (allowed.length ? m : '['));
  return out;
}
