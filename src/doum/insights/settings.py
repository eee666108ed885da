"""The `insights` entry of the site data (#doum-site) and the privacy notice's text.

The browser (assets/doum/shared/insights.js) reads `endpoint`, `sample_rate` and
`respect_do_not_track`; the contact page (doum-contact.html) prints `notice` under its
privacy section whenever insights are on.
"""

from __future__ import annotations

from typing import Any

from doum.config_types import origin

# What an event holds, in the words the /contact/ privacy notice uses.
COLLECTED = [
    "도움말에서 검색한 말과 결과 수, 결과를 열었는지 (이메일 주소·전화번호·카드 번호·6자리 이상의 숫자는 가린 뒤)",
    "채팅 상담 창을 열었는지, 챗봇에 물어본 말과 답변을 열었는지 (같은 방식으로 가린 뒤)",
    "'이 답변이 도움이 되었나요?'에 누른 답과 그 페이지",
    "상담원 채팅·전화·이메일 중 고른 문의 방법과 그때의 상담 가능 여부",
    "문의하기 페이지의 메일 보내기 버튼을 눌렀는지 (문의 내용은 보내지 않아요)",
    "보고 있던 도움말 페이지 주소와 분 단위 시각",
]
NOT_COLLECTED = "쿠키, 방문자·세션 식별자, 문의 양식에 적은 내용은 수집하지 않아요."


def site_data(insights: Any) -> dict[str, Any] | None:
    """What the browser and the contact template need; None when insights are off."""
    endpoint = getattr(insights, "endpoint", "") or ""
    if not endpoint:
        return None
    rate = float(getattr(insights, "sample_rate", 1.0))
    dnt = bool(getattr(insights, "respect_do_not_track", True))
    return {
        "endpoint": endpoint,
        "sample_rate": rate,
        "respect_do_not_track": dnt,
        "notice": {
            "collected": COLLECTED,
            "not_collected": NOT_COLLECTED,
            "receiver": origin(endpoint),
            "sample_percent": round(rate * 100, 1) if rate < 1 else 100,
            "respects_do_not_track": dnt,
        },
    }
