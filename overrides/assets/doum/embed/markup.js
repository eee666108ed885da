// The launcher panel's markup for embed.js: the same elements, classes and ids as
// partials/doum-launcher.html draws on the help center (launcher/panel.js reads both the same
// way). Every value from the site data is set as text or as an attribute, never as markup.
// The words are browser.yml's `embed` area (the help center's partial's, word for word, from
// pages.yml's `launcher`), read with t() from the help center's site.json.
import { checkedLine, levelName, noticeHref } from '../shared/status-core.js'
import { t } from '../shared/strings.js'

function h(tag, attributes = {}, ...children) {
  const svg = tag === 'svg' || tag === 'path'
  const element = svg
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  element.append(...children.filter((child) => child != null && child !== false))
  return element
}

const CLOSE_ICON =
  'M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z'

function channelElements(channel) {
  const id = `doum-channel-${channel.id}`
  const attributes = {
    class: `doum-option doum-option--${channel.id}`,
    'data-doum-channel': channel.id,
    'aria-describedby': id,
  }
  const name = channel.number ? `${channel.label} ${channel.number}` : channel.label
  const control = channel.url
    ? h(
        'a',
        {
          ...attributes,
          href: channel.url,
          ...(channel.url.startsWith('tel:') ? {} : { target: '_blank', rel: 'noopener' }),
        },
        name,
      )
    : h('button', { ...attributes, type: 'button' }, name)
  return [
    control,
    h(
      'p',
      { class: 'doum-option__note', id },
      t('launcher.channel_hours', { hours: channel.hours_text || '' }),
    ),
  ]
}

/** The panel (hidden) for the site data's `support`; `contactUrl` is the help center's /contact/. */
export function panelMarkup(support, contactUrl) {
  const channels = Array.isArray(support.channels) ? support.channels : []
  const agent =
    support.chat_url || !channels.length
      ? [
          h(
            'a',
            {
              class: 'doum-option doum-option--agent',
              'data-doum-agent': true,
              href: support.chat_url || null,
              target: '_blank',
              rel: 'noopener',
              'aria-describedby': 'doum-agent-reason',
            },
            t('embed.agent_chat'),
          ),
          h('p', { class: 'doum-option__note', id: 'doum-agent-reason', 'data-doum-agent-reason': true }),
        ]
      : []
  const replyNote = [
    t('embed.email_note_start'),
    support.email ? t('embed.email_note_address', { email: support.email }) : '',
    support.reply_time ? t('embed.email_note_time', { reply_time: support.reply_time }) : '',
    t('embed.email_note_end'),
  ].join('')
  return h(
    'div',
    {
      class: 'doum-panel',
      id: 'doum-panel',
      role: 'dialog',
      'aria-labelledby': 'doum-panel-title',
      hidden: true,
    },
    h(
      'div',
      { class: 'doum-panel__header' },
      h('h2', { class: 'doum-panel__title', id: 'doum-panel-title' }, t('embed.title')),
      h(
        'button',
        {
          class: 'doum-panel__close',
          type: 'button',
          'data-doum-close': true,
          'aria-label': t('embed.close'),
        },
        h(
          'svg',
          { viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
          h('path', { d: CLOSE_ICON }),
        ),
      ),
    ),
    h(
      'div',
      { class: 'doum-panel__body' },
      // The owner's notices from status.json (embed/panel.js fills it): the host page has no banner.
      // Always there, empty until the file arrives: a live region announces what is added to it.
      h('div', { class: 'doum-panel__notices', role: 'status', 'data-doum-notices': true }),
      h(
        'ul',
        { class: 'doum-status', 'aria-label': t('embed.status') },
        h(
          'li',
          { class: 'doum-status__item', 'data-state': 'open' },
          h('span', { class: 'doum-status__dot', 'aria-hidden': 'true' }),
          h('span', {}, h('strong', {}, t('embed.bot')), ` ${t('embed.bot_hours')}`),
        ),
        h(
          'li',
          { class: 'doum-status__item', 'data-doum-agent-status': true },
          h('span', { class: 'doum-status__dot', 'aria-hidden': 'true' }),
          h(
            'span',
            {},
            h('strong', { 'data-doum-agent-title': true }, t('embed.agent')),
            h('span', { class: 'doum-status__detail', 'data-doum-agent-detail': true }),
          ),
        ),
      ),
      support.hours_text
        ? h(
            'dl',
            { class: 'doum-facts doum-panel__hours' },
            h(
              'div',
              {},
              h('dt', {}, support.hours_label), // the site data's, as the partial's
              h('dd', {}, support.hours_text),
            ),
          )
        : null,
      h(
        'form',
        { class: 'doum-bot', role: 'search', 'aria-label': t('embed.ask_bot'), 'data-doum-bot': true },
        h('label', { class: 'doum-bot__label', for: 'doum-question' }, t('embed.question')),
        h('input', {
          class: 'doum-bot__input',
          id: 'doum-question',
          type: 'text',
          enterkeyhint: 'search',
          autocomplete: 'off',
          spellcheck: 'false',
          placeholder: t('embed.placeholder'),
          'aria-describedby': 'doum-bot-status',
        }),
        h('p', { class: 'doum-bot__status', id: 'doum-bot-status', 'aria-live': 'polite' }),
        h('ol', { class: 'doum-bot__answers', 'data-doum-answers': true }),
      ),
      h(
        'button',
        {
          class: 'doum-panel__more',
          type: 'button',
          'data-doum-escalate': true,
          'aria-expanded': 'false',
          'aria-controls': 'doum-options',
        },
        t('embed.not_solved'),
      ),
      h(
        'section',
        { class: 'doum-options', id: 'doum-options', 'aria-labelledby': 'doum-options-title', hidden: true },
        h(
          'h3',
          { class: 'doum-options__title', id: 'doum-options-title', tabindex: '-1' },
          t('embed.other_ways'),
        ),
        ...agent,
        ...channels.flatMap(channelElements),
        h(
          'a',
          {
            class: 'doum-option',
            'data-doum-email': true,
            href: contactUrl,
            target: '_blank',
            rel: 'noopener',
            'aria-describedby': 'doum-email-note',
          },
          t('embed.email'),
        ),
        h('p', { class: 'doum-option__note', id: 'doum-email-note' }, replyNote),
      ),
    ),
  )
}

/** The owner's active notices (status.json) as the panel shows them: level, text, an optional
 *  link that opens on the help center, and when the file was last checked under the first. */
export function noticeItems(notices, status, timeZone, siteRoot) {
  return notices.map((notice, number) => {
    const href = noticeHref(notice, siteRoot)
    const checked = number === 0 ? checkedLine(status, timeZone) : ''
    return h(
      'div',
      { class: `doum-notice doum-notice--${notice.level}`, 'data-level': notice.level },
      h(
        'p',
        { class: 'doum-notice__text' },
        h('strong', {}, `${levelName(notice.level)} `),
        notice.text,
        href ? ' ' : null,
        href ? h('a', { href, target: '_blank', rel: 'noopener' }, t('status.more')) : null,
      ),
      checked ? h('p', { class: 'doum-notice__checked' }, checked) : null,
    )
  })
}
