// The one reader of what the build tells the browser: #doum-site (site-wide, printed once outside
// Material's container) and #doum-page (per page, in <head>, swapped by instant navigation).
// Also the owner of the contact page's URL and of the prefilled contact link.
//
// Error policy, the same for every caller: a missing element, invalid JSON or a value of the
// wrong shape reads as the documented default below — never an exception.
//   siteData()  → {support: {}, contact: {url: "contact/"}, search: {popular_keywords: []}}
//   pageData()  → {} (no page facts: no service, type or url)

export const DEFAULT_CONTACT_PATH = 'contact/'

// This file is <site>/assets/doum/shared/site.js, whatever page imported it.
export const SITE_ROOT = new URL('../../../', import.meta.url)

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
const objectOr = (value) => (isObject(value) ? value : {})
const text = (value) => (typeof value === 'string' ? value : '')

function readJson(id) {
  const element = globalThis.document?.getElementById?.(id) // none outside a page (node tests)
  if (!element) return { element: null, value: null }
  try {
    return { element, value: JSON.parse(element.textContent || 'null') }
  } catch {
    return { element, value: null }
  }
}

let site = null

/** The site-wide data, read once per document load. */
export function siteData() {
  if (site) return site
  const raw = objectOr(readJson('doum-site').value)
  const contact = objectOr(raw.contact)
  const search = objectOr(raw.search)
  site = {
    ...raw,
    support: objectOr(raw.support),
    contact: { ...contact, url: text(contact.url) || DEFAULT_CONTACT_PATH },
    search: {
      ...search,
      popular_keywords: Array.isArray(search.popular_keywords)
        ? search.popular_keywords.filter((word) => typeof word === 'string')
        : [],
    },
  }
  return site
}

let page = { element: undefined, data: {} }

/** The current page's data; re-read only when instant navigation brought a new element. */
export function pageData() {
  const element = globalThis.document?.getElementById?.('doum-page') ?? null
  if (element === page.element) return page.data
  page = { element, data: objectOr(readJson('doum-page').value) }
  return page.data
}

/** The contact page, as an absolute URL (correct for both `use_directory_urls` values). */
export function contactUrl() {
  try {
    return new URL(siteData().contact.url, SITE_ROOT).href
  } catch {
    return new URL(DEFAULT_CONTACT_PATH, SITE_ROOT).href
  }
}

// The prefill parameters, in the order pagedata.py's `contact_query` writes them.
const PREFILL_KEYS = ['service', 'type', 'q', 'from']

/**
 * The contact page with its form filled in: service, inquiry type, the customer's question (q)
 * and the page they came from (from, root-relative like pageData().url). Empty values are left
 * out; contact.js accepts only listed services and types and only this site's pages.
 */
export function prefillLink(fill = {}) {
  const url = new URL(contactUrl())
  const values = objectOr(fill)
  for (const key of PREFILL_KEYS) {
    const value = values[key]
    const written = typeof value === 'string' ? value.trim() : ''
    if (written) url.searchParams.set(key, written)
  }
  return url.href
}
