// Which mailto: limit applies on this device, and whether the page runs inside an app's own
// browser (KakaoTalk, Naver, Line, Instagram…) where a mailto: link often opens nothing.
// Pure functions over a navigator-like object, so node tests feed them plain data.
import { t } from '../shared/strings.js'

/** 'mobile' or 'desktop'. User-Agent Client Hints where the browser has them, the UA otherwise. */
export function platformOf(nav = globalThis.navigator) {
  const data = nav?.userAgentData
  const platform = String(data?.platform ?? '')
  if (/^(Android|iOS|iPadOS)$/i.test(platform)) return 'mobile'
  if (platform && typeof data.mobile === 'boolean') return data.mobile ? 'mobile' : 'desktop'
  const ua = String(nav?.userAgent ?? '')
  if (/Android|iPhone|iPad|iPod|Mobile/.test(ua)) return 'mobile'
  // iPadOS Safari asks for desktop pages with a Mac user agent; only its touch screen tells.
  if (/Macintosh/.test(ua) && Number(nav?.maxTouchPoints) > 1) return 'mobile'
  return 'desktop'
}

/** The limit for this platform from `contact.mailto_limit`: a number, or {desktop, mobile}. */
export function limitFor(limits, platform) {
  const pick = (value) => (Number.isFinite(value) && value > 0 ? value : 0)
  if (typeof limits === 'number') return pick(limits) || 1800
  return pick(limits?.[platform]) || pick(limits?.desktop) || 1800
}

// The app's name is read from the page's strings (contact.in_app.<key>).
const IN_APP = [
  [/KAKAOTALK/i, 'kakaotalk'],
  [/NAVER\(inapp|\bNAVER\//, 'naver'],
  [/\bLine\/\d/, 'line'],
  [/Instagram/, 'instagram'],
  [/FBAN|FBAV|FB_IAB/, 'facebook'],
  [/DaumApps/, 'daum'],
]

/** The name of the app whose built-in browser this is ('카카오톡', …), or '' for an ordinary browser. */
export function inAppOf(userAgent) {
  const ua = String(userAgent ?? '')
  for (const [pattern, key] of IN_APP) if (pattern.test(ua)) return t(`contact.in_app.${key}`)
  return ''
}

/**
 * A link that opens `pageUrl` in the phone's own browser from an in-app browser, or '' where
 * none is known (then the page explains the app's menu instead).
 */
export function externalOpenUrl(userAgent, pageUrl) {
  const ua = String(userAgent ?? '')
  let url
  try {
    url = new URL(pageUrl)
  } catch {
    return ''
  }
  if (!/^https?:$/.test(url.protocol)) return ''
  if (/KAKAOTALK/i.test(ua)) return `kakaotalk://web/openExternal?url=${encodeURIComponent(url.href)}`
  if (/\bLine\/\d/.test(ua)) {
    url.searchParams.set('openExternalBrowser', '1')
    return url.href
  }
  if (/Android/.test(ua)) {
    const scheme = url.protocol.slice(0, -1)
    return `intent://${url.host}${url.pathname}${url.search}#Intent;scheme=${scheme};action=android.intent.action.VIEW;end`
  }
  return ''
}
