// When the header search finds nothing, show popular keywords and the ways to reach support
// instead of a dead end. Watches Material's result meta line ("no matching documents");
// chips put their keyword into Material's own search box (openHeaderSearch).
import { openHeaderSearch } from '../shared/header-search.js'
import { contactUrl, siteData } from '../shared/site.js'
import { parts, t } from '../shared/strings.js'

const PANEL_CLASS = 'doum-search-empty'

function buildPanel(site) {
  const panel = document.createElement('div')
  panel.className = PANEL_CLASS
  panel.hidden = true
  const keywords = site.search?.popular_keywords || []
  if (keywords.length) {
    const heading = document.createElement('p')
    heading.className = `${PANEL_CLASS}__heading`
    heading.id = `${PANEL_CLASS}-keywords`
    heading.textContent = t('search.empty_heading')
    const list = document.createElement('ul')
    list.className = `${PANEL_CLASS}__chips`
    list.setAttribute('aria-labelledby', heading.id)
    for (const keyword of keywords) {
      const item = document.createElement('li')
      const chip = document.createElement('button')
      chip.type = 'button'
      chip.className = `${PANEL_CLASS}__chip`
      chip.textContent = keyword
      chip.addEventListener('click', () => openHeaderSearch(keyword))
      item.append(chip)
      list.append(item)
    }
    panel.append(heading, list)
  }
  const contact = document.createElement('p')
  contact.className = `${PANEL_CLASS}__contact`
  const link = document.createElement('a')
  link.href = contactUrl()
  link.textContent = t('search.empty_contact_link')
  contact.append(...parts('search.empty_contact', { link }))
  const hours = site.support?.hours_text
  if (hours) {
    const line = document.createElement('span')
    line.className = `${PANEL_CLASS}__hours`
    line.textContent = `${site.support.hours_label}: ${hours}`
    contact.append(line)
  }
  panel.append(contact)
  return panel
}

function mount() {
  const result = document.querySelector('[data-md-component=search-result]')
  const meta = result?.querySelector('.md-search-result__meta')
  if (!result || !meta || result.querySelector(`.${PANEL_CLASS}`)) return
  const config = JSON.parse(document.getElementById('__config').textContent)
  const noneText = config.translations?.['search.result.none']
  const panel = buildPanel(siteData())
  meta.after(panel)
  const update = () => {
    panel.hidden = meta.textContent.trim() !== noneText
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true })
  update()
  mountApproximateNote(result, meta)
}

// The worker marks pages found only through words near the query's (a one-jamo slip in a word
// the site never uses) with an empty .doum-search-approximate in their title: say so.
function mountApproximateNote(result, meta) {
  const note = document.createElement('p')
  note.className = 'doum-search-approximate-note'
  note.hidden = true
  note.setAttribute('role', 'status')
  note.textContent = t('search.approximate')
  meta.after(note)
  const update = () => {
    note.hidden = !result.querySelector('.doum-search-approximate')
  }
  new MutationObserver(update).observe(result, { childList: true, subtree: true })
  update()
}

if (window.document$) window.document$.subscribe(mount)
else mount()
