// 개인정보 수집·이용 동의 for the insights events (README "Privacy"): until the visitor agrees,
// insights.js sends nothing and keeps nothing to send later.
//
// The notice is drawn here, from the site data's `insights.consent` (items, purpose, retention,
// receiver — generated from the config), as a labelled region that is a child of <body> outside
// Material's container: instant navigation keeps it and does not ask again. It is fixed at the
// bottom left, beside the launcher bubble and never over it, moves nothing on the page, and takes
// focus only when the visitor asked to choose again (the /contact/ privacy notice's button).
// The choice is remembered in localStorage (shared/storage.js); where storage is blocked it
// holds for this page view and the next full load asks again. On another site's page (the
// launcher embedded) nothing is drawn into the host's page, so nothing is ever agreed or sent.
import {
  AGREED,
  CONSENT_KEY,
  REFUSED,
  choiceText,
  mayAsk,
  readChoice,
  readConsent,
  storedChoice,
} from './consent-state.js'
import { browserStorage } from './storage.js'
import { t } from './strings.js'

const NOTICE_ID = 'doum-insights-consent'

function element(tag, className, text) {
  const node = document.createElement(tag)
  if (className) node.className = className
  if (text) node.textContent = text
  return node
}

function line(label, value) {
  const item = element('li')
  item.append(element('strong', '', label), `: ${value}`)
  return item
}

function drawNotice(consent, choose) {
  const notice = element('section', 'doum-insights-consent')
  notice.id = NOTICE_ID
  notice.tabIndex = -1
  notice.setAttribute('aria-labelledby', `${NOTICE_ID}-title`)
  notice.dataset.doumConsent = ''
  const title = element('h2', 'doum-insights-consent__title', t('consent.title'))
  title.id = `${NOTICE_ID}-title`
  const intro = element(
    'p',
    'doum-insights-consent__intro',
    t('consent.question', { receiver: consent.receiver }),
  )
  const items = element('ul', 'doum-insights-consent__items')
  items.dataset.doumConsentItems = ''
  for (const item of consent.items) items.append(element('li', '', item))
  const collected = element('li')
  collected.append(element('strong', '', t('consent.items')), items)
  const list = element('ul', 'doum-insights-consent__list')
  list.append(
    collected,
    line(t('consent.purpose'), consent.purpose),
    line(t('consent.retention'), consent.retention),
  )
  const current = element('p', 'doum-insights-consent__current')
  current.dataset.doumConsentCurrent = ''
  const later = element('p', 'doum-insights-consent__later', t('consent.note'))
  const actions = element('div', 'doum-insights-consent__actions')
  const yes = element(
    'button',
    'doum-insights-consent__button doum-insights-consent__button--yes',
    t('consent.agree'),
  )
  const no = element('button', 'doum-insights-consent__button', t('consent.refuse'))
  for (const [button, choice] of [
    [yes, AGREED],
    [no, REFUSED],
  ]) {
    button.type = 'button'
    button.dataset.doumConsentChoice = choice
    button.addEventListener('click', () => choose(choice))
  }
  actions.append(yes, no)
  notice.append(title, intro, list, current, later, actions)
  return notice
}

function visuallyHiddenStatus() {
  const status = element('p', 'doum-insights-consent__status')
  status.setAttribute('role', 'status')
  return status
}

/** Before Material's container (after its skip link): early in the reading and tab order. */
function place(node) {
  const skip = document.querySelector('[data-md-component=skip]')
  if (skip && skip.parentElement === document.body) skip.after(node)
  else document.body.prepend(node)
}

/**
 * The consent gate of the insights events. `settings`: insights-core readSettings; `raw`: the
 * site data's `insights.consent`; `beforeChoice()` runs before a choice takes effect (insights.js
 * ends its open searches, so nothing typed before agreeing is sent after); `onSite`: false on
 * another site's page, where nothing is asked and so nothing is sent.
 * Returns {agreed()}: true only after 동의, for this consent text.
 */
export function consentGate(settings, raw, { nav = null, onSite = true, beforeChoice = () => {} } = {}) {
  const consent = readConsent(raw)
  const asking = onSite && Boolean(consent) && mayAsk(settings, nav)
  const storage = browserStorage()
  let choice = ''
  try {
    choice = asking ? readChoice(storage?.getItem(CONSENT_KEY), consent.version) : ''
  } catch {
    choice = ''
  }
  let notice = null
  let status = null
  let opener = null

  function showChoice() {
    for (const node of document.querySelectorAll('[data-doum-consent-state]')) {
      node.textContent = asking ? choiceText(choice) : t('consent.no_storage')
    }
    for (const button of document.querySelectorAll('[data-doum-consent-change]')) button.hidden = !asking
  }

  function choose(value) {
    try {
      beforeChoice()
    } catch {
      // ending the searches never stops the choice
    }
    choice = value
    try {
      storage?.setItem(CONSENT_KEY, storedChoice(value, consent.version))
    } catch {
      // full or blocked: the choice holds for this page view
    }
    const hadFocus = notice?.contains(document.activeElement)
    notice?.remove()
    if (!status) {
      status = visuallyHiddenStatus()
      document.body.append(status)
    }
    status.textContent = t(value === AGREED ? 'consent.agreed' : 'consent.refused')
    showChoice()
    if (!hadFocus) return
    // Focus goes back where the visitor was: the button that asked again, else the page's content.
    const back = opener?.isConnected ? opener : document.querySelector('main')
    if (back && back !== opener && !back.hasAttribute('tabindex')) back.tabIndex = -1
    back?.focus({ preventScroll: true })
  }

  function show(from = null) {
    if (!asking) return
    opener = from
    notice ??= drawNotice(consent, choose)
    notice.querySelector('[data-doum-consent-current]').textContent = choice ? choiceText(choice) : ''
    notice.querySelector('[data-doum-consent-current]').hidden = !choice
    if (!notice.isConnected) place(notice)
    if (from) notice.focus()
  }

  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-doum-consent-change]') : null
    if (button) show(button)
  })
  showChoice()
  if (window.document$?.subscribe) window.document$.subscribe(showChoice)
  if (asking && !choice) show()

  return {
    agreed: () => asking && choice === AGREED,
  }
}
