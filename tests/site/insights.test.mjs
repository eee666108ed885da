// The pure half of the insight events (overrides/assets/doum/shared/insights-core.js): masking,
// the send decision (endpoint, sampling, Do Not Track / GPC), event building, Material's result
// line, and one event per search (never per keystroke) on a fake clock.
import { test } from "node:test"
import assert from "node:assert/strict"
import {
  EVENT_TYPES, MASKS, MAX_TEXT, SETTLE_MS, buildEvent, maskText, minuteOf, optedOut, readSettings,
  resultCount, searchSession, shouldSend,
} from "../../overrides/assets/doum/shared/insights-core.js"

test("e-mail addresses are masked, with the Korean around them kept", () => {
  assert.equal(maskText("제 메일은 kim.minsu+help@naver.com 이에요"), `제 메일은 ${MASKS.email} 이에요`)
  assert.equal(maskText("abc@daum.net으로 답장 주세요"), `${MASKS.email}으로 답장 주세요`)
  assert.equal(maskText("아이디가 홍길동@회사.한국 인데요"), `아이디가 ${MASKS.email} 인데요`)
  assert.equal(maskText("ＡＢＣ＠ｎａｖｅｒ．ｃｏｍ"), MASKS.email, "full-width letters too")
})

test("phone numbers in the forms Koreans write them are masked", () => {
  for (const phone of ["010-1234-5678", "010 1234 5678", "01012345678", "010.1234.5678", "011-123-4567",
    "+82 10-1234-5678", "+82-10-1234-5678", "02-123-4567", "(02)1234-5678", "031-123-4567", "０１０-１２３４-５６７８"]) {
    const masked = maskText(`번호 ${phone}로 바꿨어요`)
    assert.equal(masked, `번호 ${MASKS.phone}로 바꿨어요`, phone)
  }
})

test("card-like runs and any run of six or more digits are masked; short numbers stay", () => {
  assert.equal(maskText("카드 1234 5678 9012 3456 결제"), `카드 ${MASKS.card} 결제`)
  assert.equal(maskText("카드 1234-5678-9012-3456"), `카드 ${MASKS.card}`)
  assert.equal(maskText("4111111111111111"), MASKS.card)
  assert.equal(maskText("주문번호 20261130123 환불"), `주문번호 ${MASKS.digits} 환불`)
  assert.equal(maskText("인증번호 123456 안 와요"), `인증번호 ${MASKS.digits} 안 와요`)
  assert.ok(!/\d/.test(maskText("주민번호 900101-1234567")), "a resident number leaves no digit")
  assert.equal(maskText("2단계 인증 iOS 17 12월 3일 10:30"), "2단계 인증 iOS 17 12월 3일 10:30")
  assert.equal(maskText("이모티콘 2,500원 환불"), "이모티콘 2,500원 환불")
})

test("masked text is trimmed, collapsed and cut; non-strings become empty", () => {
  assert.equal(maskText("  탈퇴   방법\n"), "탈퇴 방법")
  assert.equal([...maskText("가".repeat(500))].length, MAX_TEXT)
  assert.equal(maskText(null), "")
  assert.equal(maskText({ toString: () => "a@b.co" }), "")
})

test("no typed secret survives masking", () => {
  const secrets = ["hong@example.com", "010-9876-5432", "4111 1111 1111 1111", "1234567"]
  const text = `문의: ${secrets.join(" / ")} 도와주세요`
  const masked = maskText(text)
  for (const secret of secrets) assert.ok(!masked.includes(secret), secret)
  assert.ok(!/\d{6,}/.test(masked))
  assert.ok(!masked.includes("@"))
})

test("settings: no endpoint means off; rates are clamped; DNT respected by default", () => {
  assert.deepEqual(readSettings(null), { endpoint: "", sampleRate: 1, respectDoNotTrack: true })
  assert.equal(readSettings({ endpoint: "javascript:alert(1)" }).endpoint, "")
  assert.equal(readSettings({ endpoint: "https://r.example/e", sample_rate: 7 }).sampleRate, 1)
  assert.equal(readSettings({ endpoint: "https://r.example/e", sample_rate: -1 }).sampleRate, 0)
  assert.equal(readSettings({ endpoint: "https://r.example/e", respect_do_not_track: false }).respectDoNotTrack, false)
})

test("the send decision: endpoint, sampling per page load, DNT and GPC when configured", () => {
  const on = readSettings({ endpoint: "https://r.example/e" })
  assert.equal(shouldSend(readSettings({}), { draw: 0 }), false, "no endpoint, never")
  assert.equal(shouldSend(on, { draw: 0.999 }), true)
  const zero = readSettings({ endpoint: "https://r.example/e", sample_rate: 0 })
  for (const draw of [0, 0.0001, 0.5, 0.9999]) assert.equal(shouldSend(zero, { draw }), false)
  const tenth = readSettings({ endpoint: "https://r.example/e", sample_rate: 0.1 })
  assert.equal(shouldSend(tenth, { draw: 0.05 }), true)
  assert.equal(shouldSend(tenth, { draw: 0.15 }), false)
  assert.equal(shouldSend(on, { draw: 0, nav: { doNotTrack: "1" } }), false)
  assert.equal(shouldSend(on, { draw: 0, nav: { globalPrivacyControl: true } }), false)
  assert.equal(shouldSend(on, { draw: 0, nav: { doNotTrack: "0", globalPrivacyControl: false } }), true)
  const ignoring = readSettings({ endpoint: "https://r.example/e", respect_do_not_track: false })
  assert.equal(shouldSend(ignoring, { draw: 0, nav: { doNotTrack: "1" } }), true)
  assert.equal(optedOut(undefined), false)
})

test("events: known types only, minute time, masked flat fields, nothing else", () => {
  assert.deepEqual(EVENT_TYPES, ["search", "launcher_open", "launcher_question", "vote", "handoff", "contact_send"])
  assert.equal(buildEvent("pageview", {}, { now: 0 }), null)
  const now = Date.UTC(2026, 11, 2, 2, 36, 59, 999)
  assert.equal(minuteOf(now), "2026-12-02T02:36Z")
  const event = buildEvent("search", {
    query: "010-1234-5678 번호 변경", results: 3.2, opened: false, type: "vote", time: "x", page: "p",
    nested: { a: 1 }, list: [1], fn: () => 1, Bad: "x", empty: "", missing: undefined,
  }, { now, page: "account/change-phone-number/" })
  assert.deepEqual(event, {
    v: 1, type: "search", time: "2026-12-02T02:36Z", page: "account/change-phone-number/",
    query: `${MASKS.phone} 번호 변경`, results: 3, opened: false,
  })
  const embedded = buildEvent("launcher_open", {}, { now, page: "", host: "https://shop.example.com" })
  assert.deepEqual(embedded, { v: 1, type: "launcher_open", time: "2026-12-02T02:36Z", page: "", host: "https://shop.example.com" })
})

test("Material's result line as a count", () => {
  const t = {
    "search.result.none": "검색어와 일치하는 문서가 없습니다",
    "search.result.one": "1개의 일치하는 문서",
    "search.result.other": "#개의 일치하는 문서",
    "search.result.placeholder": "검색어를 입력하세요",
    "search.result.initializer": "검색 초기화",
  }
  assert.equal(resultCount("검색어와 일치하는 문서가 없습니다", t), 0)
  assert.equal(resultCount("1개의 일치하는 문서", t), 1)
  assert.equal(resultCount("12개의 일치하는 문서", t), 12)
  assert.equal(resultCount("검색어를 입력하세요", t), null)
  assert.equal(resultCount("검색 초기화", t), null)
  assert.equal(resultCount("", t), null)
})

function fakeClock() {
  let now = 0
  let next = 1
  const timers = new Map()
  return {
    setTimer(fn, ms) { const id = next++; timers.set(id, { at: now + ms, fn }); return id },
    clearTimer(id) { timers.delete(id) },
    advance(ms) {
      now += ms
      for (const [id, t] of [...timers]) if (t.at <= now) { timers.delete(id); t.fn() }
    },
  }
}

test("one event per search: the final query after a pause, not one per keystroke", () => {
  const clock = fakeClock()
  const sent = []
  const s = searchSession((e) => sent.push(e), clock)
  for (const prefix of ["ㅂ", "비", "빌", "비밀", "비밀ㅂ", "비밀버", "비밀번", "비밀번호"]) {
    s.typed(prefix)
    clock.advance(200)
  }
  s.results("비밀번호", 4)
  assert.equal(sent.length, 0, "nothing while typing")
  clock.advance(SETTLE_MS)
  assert.equal(sent.length, 0, "a settled search waits to learn whether a result is opened")
  s.typed("비밀번호 찾기") // a new search after the pause: the first one is over
  assert.deepEqual(sent, [{ query: "비밀번호", results: 4, opened: false }])
  s.results("비밀번호 찾기", 2)
  s.opened()
  assert.deepEqual(sent[1], { query: "비밀번호 찾기", results: 2, opened: true })
  s.end()
  s.opened()
  assert.equal(sent.length, 2, "a search ends once")
})

test("closing the box ends the search even before the pause; cleared text is not a search", () => {
  const clock = fakeClock()
  const sent = []
  const s = searchSession((e) => sent.push(e), clock)
  s.typed("환불")
  s.results("환불", 0)
  clock.advance(300)
  s.end()
  assert.deepEqual(sent, [{ query: "환불", results: 0, opened: false }])
  s.typed("탈퇴")
  clock.advance(100)
  s.typed("")
  clock.advance(SETTLE_MS * 2)
  s.end()
  assert.equal(sent.length, 1, "typed and erased within the pause: no search")
  s.typed("  ")
  s.end()
  assert.equal(sent.length, 1)
})

test("results that arrive before the text settles are kept for that text", () => {
  const clock = fakeClock()
  const sent = []
  const s = searchSession((e) => sent.push(e), clock)
  s.results("멀티프로필", 3)
  s.typed("멀티프로필")
  s.opened()
  assert.deepEqual(sent, [{ query: "멀티프로필", results: 3, opened: true }])
})
