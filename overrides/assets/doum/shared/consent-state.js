// The pure half of the insights consent (shared/consent.js draws the notice and keeps the
// choice): whether to ask, how a remembered choice is read and written. No DOM, no storage of
// its own, so node:test checks it (tests/insights/consent.test.mjs).
//
// A remembered choice is {"choice": "yes" | "no", "version": "…"} under CONSENT_KEY; the version
// is the site's consent text's (doum.insights.settings.consent), so a changed text asks again.
import { optedOut } from './insights-core.js'
import { t } from './strings.js'

export const CONSENT_KEY = 'doum:insights-consent'
export const AGREED = 'yes'
export const REFUSED = 'no'

function text(value) {
  return typeof value === 'string' ? value.trim() : ''
}

/** `insights.consent` of the site data, or null when it cannot be shown whole (then nothing is sent). */
export function readConsent(raw) {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null
  const items = Array.isArray(raw.items) ? raw.items.map(text).filter(Boolean) : []
  const consent = {
    items,
    purpose: text(raw.purpose),
    retention: text(raw.retention),
    receiver: text(raw.receiver),
    version: text(raw.version),
  }
  const whole = items.length && consent.purpose && consent.retention && consent.receiver && consent.version
  return whole ? consent : null
}

/**
 * Is there anything to ask? Only when this site could send at all: an endpoint, a sampling rate
 * above 0 and — when the owner honours them — no Do Not Track or Global Privacy Control.
 */
export function mayAsk(settings, nav = null) {
  if (!settings || !settings.endpoint || !(settings.sampleRate > 0)) return false
  return !(settings.respectDoNotTrack && optedOut(nav))
}

/** A stored value as AGREED, REFUSED or '' (not chosen, garbage, or a choice about another text). */
export function readChoice(stored, version) {
  if (typeof stored !== 'string' || !version) return ''
  let value = null
  try {
    value = JSON.parse(stored)
  } catch {
    return ''
  }
  if (!value || typeof value !== 'object' || value.version !== version) return ''
  return value.choice === AGREED || value.choice === REFUSED ? value.choice : ''
}

/** The value to store for a choice about the consent text of `version`. */
export function storedChoice(choice, version) {
  if (choice !== AGREED && choice !== REFUSED) throw new TypeError(`not a consent choice: ${choice}`)
  return JSON.stringify({ choice, version })
}

/** The sentence the /contact/ privacy notice shows about the visitor's current choice. */
export function choiceText(choice) {
  if (choice === AGREED) return t('consent.state_agreed')
  if (choice === REFUSED) return t('consent.state_refused')
  return t('consent.state_unchosen')
}
