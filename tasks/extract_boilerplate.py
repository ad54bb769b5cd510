"""Boilerplate lines: the patterns of a news template's text that is not the article's
(sign-ups, "Related:" lines, share bars, credits, consent placeholders, notices), and a
paywall's prompt. Languages other than English have their most common phrasings."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A short block (paragraph, heading, list item...) in which one of these is found is not
# article text. Most are anchored at the start of the block, so that a real sentence that
# merely mentions "subscribe to" survives; one that starts with "^" is tried at the start
# only, one that starts with "\b" at word boundaries only (keep the alternatives of either
# inside one group). Config-provided patterns are searched as given.
DEFAULT_BOILERPLATE: tuple[str, ...] = (
    # newsletters, sign-ups, subscriptions, paywall prompts
    r"^(want|get|receive) (the|our) (latest|best|top)\b"
    r".{0,80}\b(sign up|subscribe|newsletter|inbox)",
    r"^sign up (here |now |today )?(to|for)\b",
    r"^(click|tap) here to (subscribe|sign up|read|get|download|follow|join)",
    r"^subscribe (to|for|now|today)\b",
    r"^(already a subscriber|subscribers only|log ?in to continue)",
    r"^get (unlimited|full|instant|digital) access to\b",
    r"\b(subscribe|sign in|log in|register) to (continue|keep) reading\b",
    r"^(thanks|thank you) for (signing up|subscribing)",
    r"^(thanks|thank you|sorry)!?$",
    r"^there was an error processing your (subscription|request)",
    r"^keep an eye on your inbox",
    r"^.{0,80}\bnewsletter$",
    r"\b(sign(ing)? up|subscrib(e|ing)|register(ing)?) (to|for)\b.{0,50}\bnewsletters?\b",
    r"^newsletter\b",
    r"\bnewsletter\b.{0,60}\b(anmelden|abonnieren|hier entlang)\b",
    r"^get .{0,60} delivered (to|through|straight)",
    # links to other stories
    r"^(read|see|watch|listen)( the)? (more|also|next|full story|latest)\b",
    r"^(related|recommended|more|top|latest|popular|trending)( stories| articles| content"
    r"| news| coverage| reading| links| videos| posts?)?\s*[:|]",
    r"^(auch interessant|(ähnliche|weitere|verwandte) artikel|das könnte sie auch interessieren"
    r"|schlagwörter zu diesem artikel|articles similaires|artículos relacionados"
    r"|articoli correlati|czytaj więcej|関連記事|関連キーワード|おすすめ(情報|記事)|相关(新闻|阅读)"
    r"|관련 ?기사)$",
    r"^filed under\s*:",
    r"^\[\w+\b[^\]]*\].*\[/\w+\]$",  # a shortcode the CMS did not render
    r"^(related|recommended) (stories|articles|content|coverage|reading|links)$",
    r"^(top stories|our picks|most (read|popular|viewed|shared)( in [\w ]{1,30})?|editor'?s picks"
    r"|you (may|might) also like)$",
    r"\b(in unserem|in our) live ?blog:?$",
    r"^also on [\w.-]+\.\w{2,}\b",
    r"^(don'?t|do not) miss\b",
    r"^((à )?lire aussi|lesen sie auch|mehr zum thema|(lee|leer) (también|más)\b"
    r"|leia (também|mais)|читайте также|(les|læs|läs) (også|också)\b|lees ook\b"
    r"|leggi anche\b|czytaj (też|także)\b|lue myös\b)",
    r"^[\w ]{1,30}\s*[>»]$",  # a breadcrumb
    # sharing, comments, feedback
    r"^(share|like) this (story|article|post|page)\b",
    r"^(share|tweet|email|print)( this)?( article| story)?$",
    r"^(copy link|link copied|link kopieren|lien copié|copiar enlace|कॉपी लिंक|링크 복사"
    r"|기사 url이 복사되었습니다)\.?$",
    r"^we want to hear from you\b",
    r"^this article has been sent to\b",
    r"^(\d+ )?comments?$",
    r"^(leave|post|add|view|show|read) (a |the |your )?comments?\b",
    r"^tell us what you think",
    r"\bcomments? (are|is|will be) (now )?(closed|moderated|reviewed)\b"
    r"|\bmoderating (all )?comments\b",
    r"^(order reprints|print article|reprints? (&|and) permissions)$",
    r"^this copy is for your personal,? non-?commercial use",
    r"^an error has occurred,? please try again",
    r"^(copyright|©|\(c\))\s*(\d{4}|the |by )|^(©|ⓒ)",
    r"\ball rights reserved\b",
    r"무단 ?전재|재배포 금지|無断転載|版权所有",
    r"\b(müssen nicht|does not necessarily|do not necessarily|ne reflètent pas nécessairement"
    r"|no reflejan necesariamente)\b.{0,40}\b(meinung|views?|opinions?|position)\b",
    r"^(you must|you need to|please|du musst|sie müssen|bitte)\b.{0,40}"
    r"\b(log ?in|logged in|sign in|einloggen|anmelden)\b.{0,40}\b(comment|kommentar)",
    r"^ihre meinung ist uns wichtig\b",
    r"\bread our privacy (policy|notice)\b",
    # datelines, credits, author contact and bio lines
    r"^(published|updated|posted|last (updated|modified))\s*:?\s*(on\s*)?[\w.,: ]{0,40}\d{4}$",
    r"^\(?(reporting|writing|editing|additional reporting) by\b",
    r"^(about the author|(die|zur) autorin|(der|zum) autor|l'auteur|l'autrice|el autor"
    r"|la autora|sobre o autor|sobre a autora)$",
    r"^(write|e-?mail|contact|reach) (to )?(the )?"
    r"(author|reporters?|writer|us|him|her|them|\w+ \w+)\b.{0,80}(@|\bat \S+@|twitter|on x\b)",
    r"\bfollow (us|him|her|them|\w+( \w+)?) on (twitter|facebook|instagram|x|linkedin|youtube)\b",
    r"^follow @\w+",
    r"^(how to )?listen (to|on|live|back)\b.{0,60}\b(podcast|live|here|radio)\b",
    r"^(listen|download|itunes|spotify|subscribe)\s*:\s*https?://",
    r"^(get|download) (the )?[\w ]{0,40} app\b",
    # photo captions and credits
    r"^\(?(photo|foto|image|picture|video|graphic|illustration|bild|фото|fotoğraf|צילום|صورة"
    r"|عکس)s?( credit)?\s*(:|by\b|/|©)",
    r"\b(photo|foto|image|picture|bild|фото)s?( credit)?\s*:\s*[^.!?]{2,60}$",  # a credit tail
    r"\((image |photo )?credits?:[^)]*\)$",
    r"^(source|credit|quelle|fuente|fonte|källa|kilde|bron)s?:\s*(\S+\s*){1,6}$",
    r"^[^.!?]{0,160}\|\s*\d{1,2}:\d{2} min$",  # a video teaser with its length
    r"^pictured\b.{0,40}\b(is|are|from (left|right))\b",
    r"[^.!?。]\s*(연합뉴스|뉴스1|뉴시스|[가-힣]{2,4} ?기자)$",  # a Korean caption's credit
    # consent placeholders left where an embed (video, post, chart) would be
    r"^((externer|eingebetteter) inhalt\b|(external|embedded|third[- ]party) content\b"
    r".{0,80}\b(not (available|displayed|shown)|consent|cookies|privacy))",
    r"\b(deine|ihre|your) (privatsphäre|datenschutz|privacy|cookie)[- ]?(einstellungen|settings"
    r"|preferences)\b",
    r"^(ein klick für den datenschutz|link zum [\w-]+[- ]inhalt$)",
    r"\b(accept|enable|allow|agree to) (the )?(cookies|consent|tracking|marketing cookies)\b"
    r".{0,60}\b(view|see|watch|display|load|show)",
    r"^(um|to) (diese[nr]? |this )?(externen? )?(inhalte?|content|video|post|embed)\b.{0,80}"
    r"\b(zuzustimmen|anzuzeigen|zustimmen|consent|enable|accept)\b",
    # reader-service footers
    r"^got a (story|tip|news tip)\b",
    r"\b(agree|consent) to (our|the)\b.{0,80}\b(privacy (policy|notice)|terms)\b",
    r"^join ((our|the) (commenting|comment|discussion|conversation)\b"
    r"|thought-provoking conversations)",
    r"^this is a breaking( news)? (news )?story\b.{0,40}$",
    # ads and cookie notices
    r"^advertisement$",
    r"^(story continues|article continues|continue reading) (below|after)",
    r"\b(this (web)?site|we) uses? cookies\b",
    r"^by (using|continuing to (use|browse)) (this|our) (web)?site",
)

SHORT_BLOCK_WORDS = 40  # a longer block is prose, whatever it mentions
# A paywall's prompt: what follows it (offers, sign-in links, a subscriber's benefits) is
# the paywall's box, not the article, when it comes after most of the text.
PAYWALL_PROMPT = re.compile(
    r"\b(subscribe|sign in|log ?in|register|become a member) (now )?to (continue|keep) reading"
    r"|^(already a subscriber|subscribers only|to continue reading)"
    r"|\b(this|the) (article|story|content) is (only )?(available|reserved|exclusive) (to|for)"
    r" (subscribers|members|premium)"
    r"|\bil vous reste \d+([.,]\d+)? ?% de cet article|\bla suite est réservée aux abonnés"
    r"|\b(dieser|der) (artikel|beitrag|inhalt) ist (nur |exklusiv )?für (abonnent|plus-|mitglied)"
    r"|\b(este|el) (artículo|contenido) es (exclusivo|solo) para (suscriptores|socios)"
    r"|\b(questo|l')\s?articolo è riservato agli abbonati"
    r"|\b(este|o) (artigo|conteúdo) é exclusivo para assinantes"
    r"|この記事は(有料)?会員限定|有料会員になると",
    re.IGNORECASE,
)

# The defaults as two alternations, one search a block instead of one a pattern: those
# anchored at the start (most), which a search tries there only, and the rest, where those
# that open at a word boundary share one "\b" (a search tries them at word boundaries only,
# not each at every character: 40% faster).
_ANCHORED_DEFAULTS = re.compile(
    "^(?:" + "|".join(f"(?:{p[1:]})" for p in DEFAULT_BOILERPLATE if p.startswith("^")) + ")",
    re.IGNORECASE,
)
_AT_WORDS = "|".join(f"(?:{p[2:]})" for p in DEFAULT_BOILERPLATE if p.startswith(r"\b"))
_ELSEWHERE = [f"(?:{p})" for p in DEFAULT_BOILERPLATE if not p.startswith(("^", r"\b"))]
DEFAULT_PATTERNS = [
    _ANCHORED_DEFAULTS,
    re.compile("|".join([rf"\b(?:{_AT_WORDS})", *_ELSEWHERE]), re.IGNORECASE),
]
_DECORATION = " -–—•|*>_\t"


def compile_patterns(extra: Sequence[str] = ()) -> list[re.Pattern[str]]:
    """The default boilerplate patterns plus config-provided ones, case-insensitive (the
    defaults, compiled once, when there are none)."""
    if not extra:
        return DEFAULT_PATTERNS
    return [*DEFAULT_PATTERNS, *(re.compile(p, re.IGNORECASE) for p in extra)]


def is_boilerplate(text: str, patterns: Sequence[re.Pattern[str]]) -> bool:
    """A short block in which a boilerplate pattern is found."""
    if len(text.split()) > SHORT_BLOCK_WORDS:
        return False
    stripped = text.strip(_DECORATION)
    return any(p.search(stripped) for p in patterns)


def opens_like_boilerplate(text: str) -> bool:
    """A block of any length that opens as a template's lines do ("Follow @Desk on Twitter
    to...", "This copy is for your personal, non-commercial use..."): at the article's
    end, such a block is the template's footer, however long."""
    return bool(_ANCHORED_DEFAULTS.search(text.strip(_DECORATION)))
