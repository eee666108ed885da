// A guess at the customer's device for the checklist: the customer can always edit it.
// The parsing is pure (node tests feed it strings); only suggestDevice() touches navigator.
import { t } from '../shared/strings.js'

// The form's OS choices (doum-contact.html); the last is "other" in the page's language.
export const OS_CHOICES = ['Android', 'iOS', 'iPadOS', 'Windows', 'macOS', t('contact.os_other')]

// Chrome's reduced User-Agent string freezes the Android model to "K": no information.
const PLACEHOLDER_MODELS = new Set(['', 'K'])

const empty = () => ({ model: '', os: '', osVersion: '' })

/** {model, os, osVersion} read from a User-Agent string; unknown parts stay ''. */
export function fromUserAgent(userAgent) {
  const ua = String(userAgent ?? '')
  const found = empty()
  let match
  if ((match = ua.match(/Android(?:\s+([\d.]+))?(?:;\s*([^;)]+?))?(?:\s+Build\/[^;)]*)?[;)]/))) {
    found.os = 'Android'
    found.osVersion = match[1] ?? ''
    const model = (match[2] ?? '').trim()
    // "Linux; Android 14; wv)" in webviews, "; ko-kr;" in old browsers: not models.
    if (!PLACEHOLDER_MODELS.has(model) && !/^(wv|[a-z]{2}[-_][a-z]{2})$/i.test(model)) found.model = model
  } else if ((match = ua.match(/\((iPhone|iPad|iPod)[^)]*?OS (\d+(?:_\d+)*)/))) {
    found.model = match[1]
    found.os = match[1] === 'iPad' ? 'iPadOS' : 'iOS'
    found.osVersion = match[2].replace(/_/g, '.')
  } else if ((match = ua.match(/Windows NT (\d+\.\d+)/))) {
    found.model = 'PC'
    found.os = 'Windows'
    found.osVersion =
      { '10.0': t('contact.windows_10'), 6.3: '8.1', 6.2: '8', 6.1: '7' }[match[1]] ?? match[1]
  } else if ((match = ua.match(/Mac OS X (\d+(?:[._]\d+)*)/))) {
    found.model = 'Mac'
    found.os = 'macOS'
    found.osVersion = match[1].replace(/_/g, '.')
  } else if (/Linux|CrOS/.test(ua)) {
    found.model = 'PC'
    found.os = t('contact.os_other')
  }
  return found
}

/**
 * {model, os, osVersion} from User-Agent Client Hints (high-entropy values: platform,
 * platformVersion, model). Windows reports 13 and above for Windows 11.
 */
export function fromClientHints(hints) {
  const found = empty()
  if (!hints || typeof hints !== 'object') return found
  const platform = String(hints.platform ?? '')
  const version = String(hints.platformVersion ?? '')
  const model = String(hints.model ?? '').trim()
  if (platform === 'Android') {
    found.os = 'Android'
    found.osVersion = version.replace(/(\.0)+$/, '')
    if (!PLACEHOLDER_MODELS.has(model)) found.model = model
  } else if (platform === 'Windows') {
    found.os = 'Windows'
    found.model = 'PC'
    const major = Number.parseInt(version, 10)
    if (Number.isFinite(major) && major > 0) found.osVersion = major >= 13 ? '11' : '10'
  } else if (platform === 'macOS') {
    found.os = 'macOS'
    found.model = 'Mac'
    found.osVersion = version.replace(/(\.0)+$/, '')
  } else if (platform === 'iOS') {
    found.os = 'iOS'
    found.osVersion = version
  }
  return found
}

/** Client hints win where they know something; the User-Agent string fills the rest. */
export function mergeDevice(fromHints, fromUa) {
  const merged = empty()
  for (const key of Object.keys(merged)) merged[key] = fromHints[key] || fromUa[key] || ''
  // A version only makes sense with its own OS.
  if (fromHints.os && fromUa.os && fromHints.os !== fromUa.os && !fromHints.osVersion) merged.osVersion = ''
  return merged
}

/** The browser's best guess; never rejects (client hints may be missing or refused). */
export async function suggestDevice(nav = globalThis.navigator) {
  const fromUa = fromUserAgent(nav?.userAgent)
  let hints = {}
  try {
    if (nav?.userAgentData?.getHighEntropyValues) {
      hints = await nav.userAgentData.getHighEntropyValues(['model', 'platformVersion'])
    }
  } catch {
    hints = {}
  }
  return mergeDevice(fromClientHints(hints), fromUa)
}
