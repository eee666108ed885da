// The launcher's panel, mounted into a root: the help center's document (launcher.js, markup from
// partials/doum-launcher.html) or the shadow root that embed.js draws on another site (embed/panel.js,
// markup from embed/markup.js). Everything the two differ in comes in as options: how search is
// asked, how the agents' state is read (status.json on the help center), where the state is kept,
// the contact link and where answers open.
//
// Hand-off: every channel (agent chat, KakaoTalk Channel, 네이버 톡톡, an SDK messenger, phone) fires
// a cancelable `doum:launcher-handoff` on document ({channel, url}); a listener that calls
// preventDefault() takes over (e.g. ChannelIO('showMessenger')) and the link is not followed.
import { describeState, supportState } from './calendar.js'
import { resultItem } from '../shared/result-item.js'
import { plural, t } from '../shared/strings.js'
import { unavailableMessage } from '../shared/unavailable.js'

const ANSWERS = 3
const TYPING_DELAY_MS = 150
const COMPOSING_DELAY_MS = 300 // Hangul syllables still forming: wait a little longer
const STATUS_REFRESH_MS = 30000
export const QUESTION_MAX = 500

/** A store that keeps nothing beyond the page (the embed writes no storage of the host's). */
export const memoryStore = () => {
  let state = {}
  return { load: () => state, save: (next) => (state = next) }
}

export function visitorTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone
  } catch {
    return ''
  }
}

// A link that must not be followed now keeps its focus (so its reason is read) but does nothing.
function disable(link) {
  link.removeAttribute('href')
  link.setAttribute('aria-disabled', 'true')
  if (link.localName === 'a') {
    link.setAttribute('role', 'link')
    link.tabIndex = 0
  }
}

function enable(link, url) {
  if (url) link.href = url
  link.removeAttribute('aria-disabled')
  link.removeAttribute('role')
  link.removeAttribute('tabindex')
}

export class Launcher {
  /**
   * @param {object} o
   * @param {Element} o.button  the 상담하기 button (aria-controls the panel)
   * @param {Element} o.panel   the panel (role=dialog)
   * @param {Document|ShadowRoot} o.root  where focus is read (activeElement)
   * @param {object} o.support  siteData().support
   * @param {(q: string, limit: number) => Promise<object[]>} o.search
   * @param {(now: number, calendar: object, zone: string) => {state, text}} o.agentState
   * @param {(q: string) => string} o.emailLink  the contact page with the prefill
   * @param {{load, save}} o.store
   * @param {string} [o.answerTarget]  '_blank' on another site
   * @param {(answers: Element, status: Element) => void} [o.unreadable]  search cannot be read at all
   */
  constructor(o) {
    Object.assign(this, { config: o, panel: o.panel, root: o.root, support: o.support })
    this.opener = null
    this.timer = 0 // refreshes the status while the panel is open
    this.typing = 0 // waits for the customer to pause before asking search
    this.query = 0 // number of the latest question sent to search; older answers are dropped
    this.prepared = false // the support state was drawn ahead of a first open (prepare)
    this.part = (name) => o.panel.querySelector(`[data-doum-${name}]`)
    this.input = o.panel.querySelector('#doum-question')
    this.agent = this.part('agent')
    this.email = this.part('email')
    this.options = o.panel.querySelector('#doum-options')
    this.escalate = this.part('escalate')
    this.button = o.button
    this.channels = Array.isArray(o.support.channels) ? o.support.channels : []
    this.listen()
    this.restore()
  }

  listen() {
    this.button.addEventListener('click', () => this.toggle())
    for (const type of ['pointerover', 'focus']) this.button.addEventListener(type, () => this.prepare())
    this.part('close').addEventListener('click', () => this.close())
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.isComposing) {
        event.preventDefault()
        this.close()
      }
    })
    this.part('bot').addEventListener('submit', (event) => {
      event.preventDefault()
      this.ask(0)
    })
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.isComposing) event.preventDefault() // Enter ends the syllable only
    })
    this.input.addEventListener('input', (event) => {
      this.save()
      this.renderEmail()
      this.ask(event.isComposing ? COMPOSING_DELAY_MS : TYPING_DELAY_MS)
    })
    this.input.addEventListener('compositionend', () => this.ask(0))
    this.escalate.addEventListener('click', () => this.showOptions(this.options.hidden, true))
    this.panel.addEventListener('click', (event) => this.handoff(event))
    this.panel.addEventListener('keydown', (event) => {
      // Enter on a disabled link does nothing.
      const link = event.target instanceof Element && event.target.closest('[aria-disabled="true"]')
      if (event.key === 'Enter' && link) event.preventDefault()
    })
  }

  handoff(event) {
    const link =
      event.target instanceof Element && event.target.closest('[data-doum-agent], [data-doum-channel]')
    if (!link) return
    if (link.getAttribute('aria-disabled') === 'true') {
      event.preventDefault()
      return
    }
    const channel = link.dataset.doumChannel || 'chat_url'
    const detail = { channel, url: link.getAttribute('href') || '' }
    const taken = !document.dispatchEvent(
      new CustomEvent('doum:launcher-handoff', { cancelable: true, detail }),
    )
    if (taken) event.preventDefault()
    else if (!detail.url) {
      // An SDK messenger nobody opened: say so instead of doing nothing.
      const note = this.panel.querySelector(`#${link.getAttribute('aria-describedby')}`)
      if (note) note.textContent = t('launcher.messenger_failed')
    }
  }

  restore() {
    const saved = this.config.store.load() || {}
    this.input.value = typeof saved.question === 'string' ? saved.question.slice(0, QUESTION_MAX) : ''
    this.showOptions(saved.escalated === true, false)
    if (saved.open === true) this.open({ focus: false })
  }

  save() {
    this.config.store.save({
      open: this.isOpen(),
      question: this.input.value,
      escalated: !this.options.hidden,
    })
  }

  isOpen() {
    return !this.panel.hidden
  }

  /** The visitor is about to open the panel (a pointer over an opener, a touch on it, focus):
   *  the support state is drawn now, into the hidden panel, so the page's first time-zone and
   *  date formats (Intl sets up their data on first use: some 15 ms here, several times that on
   *  a slow phone) are made before the click rather than in it. Once a page view. */
  prepare() {
    if (this.prepared || this.isOpen()) return
    this.prepared = true
    this.renderStatus()
  }

  open({ focus = true, opener = null } = {}) {
    const wasOpen = this.isOpen()
    this.opener = opener
    this.panel.hidden = false
    this.button.setAttribute('aria-expanded', 'true')
    this.renderStatus()
    this.renderEmail()
    if (this.input.value) this.ask(0)
    clearInterval(this.timer)
    this.timer = setInterval(() => this.renderStatus(), STATUS_REFRESH_MS)
    if (focus) this.input.focus()
    this.save()
    if (!wasOpen) document.dispatchEvent(new CustomEvent('doum:launcher-open'))
  }

  close() {
    if (!this.isOpen()) return
    const focusWasInside = this.panel.contains(this.root.activeElement)
    this.panel.hidden = true
    this.button.setAttribute('aria-expanded', 'false')
    clearInterval(this.timer)
    if (focusWasInside || document.activeElement === document.body) {
      const back = this.opener?.isConnected ? this.opener : this.button
      back.focus()
    }
    this.opener = null
    this.save()
    document.dispatchEvent(new CustomEvent('doum:launcher-close'))
  }

  toggle(options) {
    if (this.isOpen()) this.close()
    else this.open(options)
  }

  /** The page changed (Material's instant navigation): its facts feed the email link. */
  refresh() {
    if (!this.isOpen()) return
    this.renderStatus()
    this.renderEmail()
  }

  showOptions(shown, moveFocus) {
    this.options.hidden = !shown
    this.escalate.setAttribute('aria-expanded', String(shown))
    if (shown) this.renderStatus()
    if (shown && moveFocus) this.options.querySelector('h3').focus()
    this.save()
  }

  renderStatus() {
    const calendar = this.support.calendar
    if (!calendar?.timezone) return
    const now = Date.now()
    const zone = visitorTimeZone()
    const agents = this.config.agentState(now, calendar, zone) // calendar (+ status.json on the help center)
    const item = this.part('agent-status')
    item.dataset.state = agents.state.state
    this.part('agent-title').textContent = agents.text.agent
    this.part('agent-detail').textContent = agents.text.detail
    if (this.agent) this.renderAgent(agents.state, agents.text)
    for (const channel of this.channels) this.renderChannel(channel, agents, now, zone)
  }

  renderAgent(state, text) {
    const reason = this.part('agent-reason')
    const chatUrl = this.support.chat_url
    if (state.state === 'open' && chatUrl) {
      enable(this.agent, chatUrl)
      reason.textContent = t('launcher.chat_opens', { detail: text.detail })
      return
    }
    disable(this.agent)
    reason.textContent = chatUrl ? `${text.agent}. ${text.detail}` : t('launcher.chat_missing')
  }

  // A channel answers by the agents' hours, around the clock, or by its own calendar.
  renderChannel(channel, agents, now, zone) {
    const link = this.panel.querySelector(`[data-doum-channel="${channel.id}"]`)
    const note = link && this.panel.querySelector(`#${link.getAttribute('aria-describedby')}`)
    if (!link || !note) return
    let state = { state: 'open' }
    let text = { agent: '', detail: t('launcher.channel_always') }
    if (channel.hours === 'agents') ({ state, text } = agents)
    else if (channel.hours === 'own' && channel.calendar?.timezone) {
      state = supportState(now, channel.calendar)
      text = describeState(state, channel.calendar, zone)
    }
    const hours = channel.hours_text ? t('launcher.channel_hours', { hours: channel.hours_text }) : ''
    if (state.state === 'open') {
      enable(link, channel.url)
      note.textContent =
        channel.hours === 'always' ? hours : t('launcher.channel_now', { hours, detail: text.detail })
      return
    }
    disable(link)
    note.textContent = `${text.agent}. ${text.detail}`
  }

  renderEmail() {
    this.email.href = this.config.emailLink(this.input.value)
  }

  ask(delay) {
    clearTimeout(this.typing)
    this.typing = setTimeout(() => this.answer(this.input.value.trim()), delay)
  }

  async answer(question) {
    const number = ++this.query
    const list = this.part('answers')
    const status = this.panel.querySelector('#doum-bot-status')
    if (!question) {
      list.replaceChildren()
      status.textContent = ''
      return
    }
    let results = []
    let failure = null
    try {
      results = await this.config.search(question, ANSWERS)
    } catch (error) {
      failure = error || new Error('search failed')
    }
    if (number !== this.query) return
    if (failure) {
      list.replaceChildren()
      if (this.config.unreadable) this.config.unreadable(list, status, question)
      else status.textContent = t('launcher.search_unavailable', { message: unavailableMessage() })
      // Open the other ways to ask rather than leave the visitor waiting.
      this.showOptions(true, false)
      return
    }
    const items = results.slice(0, ANSWERS).map((result) => resultItem(result, 'doum-bot__answer'))
    if (this.config.answerTarget) {
      for (const link of items.map((item) => item.querySelector('a'))) {
        link.target = this.config.answerTarget
        link.rel = 'noopener'
      }
    }
    list.replaceChildren(...items)
    status.textContent = results.length
      ? plural('launcher.answers', Math.min(results.length, ANSWERS))
      : t('launcher.no_answers')
  }
}
