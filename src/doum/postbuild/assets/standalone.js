// doum on a site doum did not build (`doum index SITE_DIR`): one module tag in the page's
// <head> brings the chat launcher, a search box and the contact data, from files next to it:
//   assets/doum/site.json      the support calendar, contact and search settings (#doum-site)
//   assets/doum/launcher.html  the launcher's markup (the theme's partial, rendered)
//   assets/doum/search-worker.js + search/doum.json, the same search as the plugin's sites
// On a page doum built (Material + the plugin) the launcher and its data are there already:
// nothing is added twice, only the search boxes are filled in.
//
// Search box: any element with data-doum-searchbox. An <input> inside it is used as it is;
// otherwise doum adds a labelled one. Results (title, summary) are listed under it; ?q= in
// the address searches on load.
import { search } from './search.js'
import { unavailableMessage } from './shared/unavailable.js'
import { resultItem } from './shared/result-item.js'

const ROOT = new URL('../../', import.meta.url) // this file is <site>/assets/doum/standalone.js
const asset = (path) => new URL(`assets/doum/${path}`, ROOT).href
const RESULTS = 8
const TYPING_DELAY_MS = 150

function addStyle(path) {
  const href = asset(path)
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some((link) => link.href === href)) return
  const link = document.createElement('link')
  link.rel = 'stylesheet'
  link.href = href
  document.head.append(link)
}

async function fetchText(path) {
  const response = await fetch(asset(path))
  if (!response.ok) throw new Error(`doum: ${asset(path)} answered ${response.status}`)
  return response.text()
}

// #doum-site, as the plugin prints it: shared/site.js reads it once, so it goes in first.
async function addSiteData() {
  if (document.getElementById('doum-site')) return
  const text = await fetchText('site.json')
  JSON.parse(text) // a broken file fails here, not in every module that reads it
  const element = document.createElement('script')
  element.type = 'application/json'
  element.id = 'doum-site'
  element.textContent = text
  document.body.append(element)
}

async function addLauncher() {
  if (document.getElementById('doum-panel')) return // built by the plugin: launcher.js runs already
  addStyle('standalone.css')
  addStyle('launcher/launcher.css')
  const template = document.createElement('template')
  template.innerHTML = await fetchText('launcher.html') // written by doum index, values escaped
  // Its links are relative to the site root, not to this page.
  for (const link of template.content.querySelectorAll('a[href]')) {
    link.setAttribute('href', new URL(link.getAttribute('href'), ROOT).href)
  }
  document.body.append(template.content)
  await import('./launcher/launcher.js')
}

let boxes = 0

function mountSearchBox(box) {
  if (box.dataset.doumReady !== undefined) return
  box.dataset.doumReady = ''
  box.classList.add('doum-box')
  const id = `doum-box-${++boxes}`
  let input = box.querySelector('input')
  if (!input) {
    const label = document.createElement('label')
    label.className = 'doum-box__label'
    label.htmlFor = `${id}-input`
    label.textContent = '무엇을 도와드릴까요?'
    input = document.createElement('input')
    input.type = 'search'
    input.id = `${id}-input`
    input.className = 'doum-box__input'
    input.placeholder = '예: 비밀번호 찾기, 탈퇴'
    box.append(label, input)
  }
  input.autocomplete = 'off'
  input.setAttribute('enterkeyhint', 'search')
  const status = document.createElement('p')
  status.className = 'doum-box__status'
  status.id = `${id}-status`
  status.setAttribute('aria-live', 'polite')
  const list = document.createElement('ol')
  list.className = 'doum-box__results'
  input.setAttribute('aria-describedby', status.id)
  box.append(status, list)

  let asked = 0
  let timer = 0
  const answer = async () => {
    const query = input.value.trim()
    const number = ++asked
    if (!query) {
      list.replaceChildren()
      status.textContent = ''
      return
    }
    let results
    try {
      results = await search(query, { limit: RESULTS })
    } catch {
      if (number !== asked) return
      list.replaceChildren()
      status.textContent = `${unavailableMessage()} 오른쪽 아래 상담하기로 물어봐 주세요.`
      return
    }
    if (number !== asked) return
    list.replaceChildren(...results.map((result) => resultItem(result, 'doum-box__result')))
    status.textContent = results.length
      ? `검색 결과 ${results.length}개`
      : '검색 결과가 없어요. 다른 말로 찾아보세요.'
  }
  input.addEventListener('input', (event) => {
    clearTimeout(timer)
    timer = setTimeout(answer, event.isComposing ? 300 : TYPING_DELAY_MS)
  })
  input.addEventListener('compositionend', () => {
    clearTimeout(timer)
    answer()
  })
  input.closest('form')?.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(timer)
    answer()
  })
  const query = new URLSearchParams(location.search).get('q')
  if (query && !input.value) {
    input.value = query
    answer()
  }
}

async function start() {
  try {
    await addSiteData()
    await addLauncher()
    // The contact page doum index wrote (or the owner's copy of its form).
    if (document.getElementById('contact-form')) await import('./contact/contact.js')
  } catch (error) {
    console.warn('doum: the launcher could not start:', error)
  }
  addStyle('standalone.css')
  for (const box of document.querySelectorAll('[data-doum-searchbox]')) mountSearchBox(box)
}

start()
