// The visitor-facing text of doum's browser code, in the build's language (`theme.language`).
// The build puts the `browser` area of src/doum/site/strings/<language>/browser.yml into the site
// data as `strings`; t('launcher.agent_open') reads it. The parts one page's code alone reads come
// with that page instead (the contact form's: in the contact page's page data, as `strings`;
// src/doum/site/strings.py PAGE_OWN_STRINGS). Korean is the reference catalog; every language has
// the same keys and {placeholders}.
//
// Never throws: a key the catalog lacks reads as the key itself (logged once), a placeholder
// without a value stays as written.
import { pageData, siteData } from './site.js'

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value)
const PLACEHOLDER = /\{(\w+)\}/g

let catalog = null
let given = false // useStrings named the whole catalog: no page adds to it
const reported = new Set()

/**
 * Read `strings` instead of the page's site data: the embed (its own site data, on another
 * site's page) and node tests (no page at all).
 */
export function useStrings(strings) {
  catalog = isObject(strings) ? strings : {}
  given = true
}

function strings() {
  if (!catalog) catalog = isObject(siteData().strings) ? siteData().strings : {}
  return catalog
}

/** The current page's own words (read again after instant navigation brings another page). */
function pageStrings() {
  if (given) return {}
  const own = pageData().strings
  return isObject(own) ? own : {}
}

function find(tree, key) {
  let node = tree
  for (const part of String(key).split('.')) {
    if (!isObject(node) || !Object.hasOwn(node, part)) return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

function lookup(key) {
  const shared = find(strings(), key)
  return shared === undefined ? find(pageStrings(), key) : shared
}

function missing(key) {
  if (reported.has(key)) return
  reported.add(key)
  console.warn(`doum: no text for "${key}" in this site's strings (src/doum/site/strings/*/browser.yml)`)
}

/** The text at `key` (a dotted path in the browser area) with its {placeholders} filled in. */
export function t(key, values = {}) {
  const text = lookup(key)
  if (text === undefined) {
    missing(key)
    return String(key)
  }
  return text.replace(PLACEHOLDER, (whole, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}

/**
 * The text as pieces, for a sentence around an element: parts('search.empty_contact', {link})
 * → ['찾는 답이 없나요? ', link, ' 양식으로 알려 주세요.'], ready for append(...).
 */
export function parts(key, values = {}) {
  const text = t(key)
  const pieces = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!Object.hasOwn(values, match[1])) continue
    pieces.push(text.slice(last, match.index), values[match[1]])
    last = match.index + match[0].length
  }
  pieces.push(text.slice(last))
  return pieces.filter((piece) => piece !== '')
}

/** The locale the catalog is written for ('ko-KR'), for Intl; undefined when there is none. */
export function locale() {
  const value = lookup('locale')
  try {
    return value ? Intl.getCanonicalLocales(value)[0] : undefined
  } catch {
    return undefined
  }
}

/** A whole number as the catalog's language writes it: digits in groups of three, joined by its
 *  `digit_group` mark (1,234). Intl's number format would say the same, but its first use on a
 *  page costs tens of milliseconds of set-up (the contact page's counter runs on load). */
export function formatCount(count) {
  const number = Math.trunc(Number(count)) || 0
  const digits = String(Math.abs(number)).replace(/\B(?=(\d{3})+$)/g, lookup('digit_group') ?? '')
  return number < 0 ? `-${digits}` : digits
}

/** A count's text: `<key>.one`, `<key>.other`, … by the locale's plural rules, {count} filled in. */
export function plural(key, count, values = {}) {
  let form = 'other'
  try {
    form = new Intl.PluralRules(locale()).select(count)
  } catch {
    form = 'other'
  }
  const filled = { ...values, count: formatCount(count) }
  return lookup(`${key}.${form}`) === undefined ? t(`${key}.other`, filled) : t(`${key}.${form}`, filled)
}
