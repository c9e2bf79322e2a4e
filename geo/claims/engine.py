"""Reading an article's claims: tokens, then per sentence actors, acts, frames, decisions and times; then one
claim per place, side, event, voice, stance and date. The same pass records what ``geo explain`` prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from geo.claims import decide
from geo.claims import vocab as V
from geo.claims.frames import Blocked, Frame, read_frames
from geo.claims.merge import merge_claims
from geo.claims.named_before import pronoun_act, remembered
from geo.claims.places import part_named
from geo.claims.relays import heard
from geo.claims.scene import Scene, scene
from geo.claims.sides import Actor, find_actors
from geo.claims.stance import Verdict, called_false, revoiced, voiced
from geo.claims.timing import history, own_time, sentence_times, time_of
from geo.claims.tokens import ArticleDoc, Span, build_doc
from geo.claims.trace import ClaimTrace, Reading, SentenceTrace, act_line, frame_line
from geo.claims.voices import Act, adverb
from geo.models import Article, Claim, Resolved, Side, When
from geo.when import latest_full_date
from geo.when_rules import DAY_CUES, ISO_DATE

#: how many sentences after a speaker's own sentence an unattributed claim is still taken as the speaker's
SPEAKER_REACH = 2
#: how many places named before a sentence "the city" or "it" may refer back to
ANAPHOR_REACH = 6
_SAYING = frozenset({"saying", "adding", "insisting", "stressing", "noting"})
#: words that open a clause of its own, whose speaker says nothing of what came before
_CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "yet", ";"})


@dataclass(slots=True)
class _Context:
    """What carries from one sentence to the next: the last speaker, recent places, the last day named."""

    act: Act | None = None
    #: the number of the sentence that said ``act``, of the sentence being read, and of the sentences before
    #: it that may say something but are read only when a later sentence needs their speaker
    act_at: int = -99
    at: int = -1
    unheard: list[tuple[int, Span]] = field(default_factory=list)
    topic: list[Resolved] = field(default_factory=list)
    force: Side | None = None
    previous: list[Claim] = field(default_factory=list)
    last_day: date | None = None
    #: persons and offices whose side is known, by surname or office (see named_before.remembered)
    people: dict[str, Act] = field(default_factory=dict)
    #: the sentence read last
    before: Span | None = None


def extract_claims(article: Article, resolved: Sequence[Resolved]) -> list[Claim]:
    """Every territorial-control claim an article makes, one per place/side/event/voice/stance/date."""
    return list(read_claims(article, resolved, trace=False).claims)


def read_claims(article: Article, resolved: Sequence[Resolved], *, trace: bool = True) -> Reading:
    """The claims of one article, with the trace ``geo explain`` prints when ``trace`` is set."""
    adoc = build_doc(article, resolved)
    anchor = None if article.published else latest_full_date(article.text)
    ctx, claims, traces = _Context(), [], []
    places_in = {s.sentence.index: _may_claim(adoc, s) for s in adoc.spans}
    for n, span in enumerate(adoc.spans):
        nxt = adoc.spans[n + 1] if n + 1 < len(adoc.spans) else None
        found, sentence_trace = _sentence(adoc, span, nxt, ctx, anchor, places_in[span.sentence.index],
                                          trace=trace)
        claims += found
        if sentence_trace is not None:
            traces.append(sentence_trace)
    return Reading(tuple(merge_claims(claims)), tuple(traces))


def _sentence(adoc: ArticleDoc, span: Span, nxt: Span | None, ctx: _Context, anchor: date | None,
              may_claim: bool, *, trace: bool) -> tuple[list[Claim], SentenceTrace | None]:
    ctx.at += 1
    before, ctx.before = ctx.before, span
    actors: list[Actor] = []
    if may_claim:
        actors = find_actors(adoc, span.start, span.end)
    elif not _SPEECH.isdisjoint(adoc.words.lemma[span.start : span.end]):
        ctx.unheard.append((ctx.at, span))
    sc = scene(adoc, span, actors, ctx.topic[-ANAPHOR_REACH:], ctx.force) if may_claim else None
    matched, blocked = read_frames(sc) if sc is not None else ([], [])
    frames = _nearest_owns(matched)
    acts, inherited = _speakers(adoc, span, ctx, actors, bool(frames), before) if may_claim else ([], None)
    told = _told(adoc, acts)
    if told is not None:
        ctx.act, ctx.act_at = told, ctx.at
        ctx.unheard.clear()
    # times date the frames, and a day named anywhere dates "that evening" in the sentences after
    dated = bool(frames) or not DAY_CUES.isdisjoint(adoc.words.lower[span.start : span.end]) or bool(
        any(adoc.words.num[span.start : span.end]) and ISO_DATE.search(span.sentence.text))
    times = sentence_times(adoc, span, adoc.article.published or anchor, ctx.last_day) if dated else []
    days = [w.event_date for w, _ in times if w.event_date and w.precision == "day" and not history(w)]
    ctx.last_day = days[-1] if days else ctx.last_day
    if sc is None:
        return [], None
    unverified = _unverified(adoc, span) or (nxt is not None and _unverified(adoc, nxt))
    out: list[ClaimTrace] = []
    for f in frames:
        out += _claims_of(adoc, sc, f, acts, inherited, times, unverified, blocked)
    found = [t.claim for t in out]
    if not any(c.stance in ("denied", "confirmed") for c in found):
        # "Ukraine rejects the claim and says fighting there goes on": the denial is of what was said before
        found += revoiced(adoc, span, acts, ctx.previous)
    ctx.previous = found or ctx.previous
    forces = [a.side for a in actors if a.military and a.side in ("RU", "UA")]
    ctx.force = forces[-1] if forces else ctx.force
    ctx.topic += [t.resolved for f in frames for t in f.targets
                  if t.resolved.place.feature == "settlement"] or _named_by_salience(adoc, sc)
    if not trace:
        return found, None
    return found, SentenceTrace(span.sentence.index, span.sentence.text, tuple(act_line(a) for a in acts),
                                tuple(frame_line(f) for f in frames), tuple(blocked), tuple(out))


def _named_by_salience(adoc: ArticleDoc, sc: Scene) -> list[Resolved]:
    """The settlements a sentence with no claim names, the one "the town" most likely refers to next last:
    its subject, the first named with no preposition before it ("Selydove sits south of the road into
    Pokrovsk"; not "Near Kurakhove, the town of Dalne ..."), else the last named."""
    named = [t for t in sorted(sc.usable) if adoc.places[t].place.feature == "settlement"]
    subject = next((t for t in named
                    if adoc.lower(t - 1 - (adoc.lower(t - 1) in V.DET)) not in _PREPOSITIONS), None)
    ordered = [t for t in named if t != subject] + ([subject] if subject is not None else [])
    return [adoc.places[t] for t in ordered]


#: words before a place that put it in a phrase, not in the subject ("Near Kurakhove", "from Kharkiv")
_PREPOSITIONS = V.PREP_AT | frozenset({"from", "to", "toward", "towards", "into", "of", "for", "via", "past",
                                       "beyond", "outside", "behind", "across", "through", "by", "with"})


def _speakers(adoc: ArticleDoc, span: Span, ctx: _Context, actors: list[Actor], framed: bool,
              before: Span | None) -> tuple[list[Act], Act | None]:
    """The speech acts of a sentence that may claim, and the speaker carried over from the sentences before
    (for a sentence with frames). Those sentences are heard first: "Serhiy Bratchuk, spokesman for ..., said
    ..." makes "the spokesman said" here his; a pronoun that speaks is the one the sentence before named
    ("Syrskyi visited the front. He said ...")."""
    inherited = _inherited(adoc, ctx) if framed else None
    acts = remembered(heard(adoc, span, actors), ctx.people)
    if framed and not acts and (inherited is None or ctx.act_at < ctx.at - 1):
        acts = [a for a in (pronoun_act(adoc, span, before),) if a is not None]
    return acts, inherited


def _told(adoc: ArticleDoc, acts: Sequence[Act]) -> Act | None:
    """What a sentence's speaker goes on saying in the next sentences: its last act, as a report (a denial
    covers its own clause only; "confirming", "saying" report nothing after them)."""
    told = [a for a in acts if not adoc.lower(a.verb).endswith("ing")]
    return replace(told[-1], kind="say") if told else None


def _inherited(adoc: ArticleDoc, ctx: _Context) -> Act | None:
    """The speaker of the sentences before, if within reach. The sentences that only speak are read here, when
    a sentence with frames needs them (the latest that tells something wins), not each as it comes."""
    for at, span in reversed(ctx.unheard):
        if ctx.at - at - 1 > SPEAKER_REACH:
            break
        told = _told(adoc,
                     remembered(heard(adoc, span, find_actors(adoc, span.start, span.end)), ctx.people))
        if told is not None:
            ctx.act, ctx.act_at = told, at
            break
    ctx.unheard.clear()
    return ctx.act if ctx.at - ctx.act_at - 1 <= SPEAKER_REACH else None


#: words that may refer to a place named before ("the city", "it", "there", "the region's towns")
_REFERS = frozenset({"city", "town", "village", "settlement", "island", "it", "there", "region", "oblast",
                     "territory", "settlements", "villages", "towns", "cities"})
_REVOICES = V.DENY | V.CONFIRM | V.FALSE_WORDS | frozenset({"back", "true"})
#: words of a sentence whose speaker may go on speaking in the next ones
_SPEECH = V.SPEECH_VERB | frozenset({"according", "citing"})


def _may_claim(adoc: ArticleDoc, span: Span) -> bool:
    """Whether a sentence may make a claim: it names a place, refers to one, or denies or confirms what was
    said."""
    return adoc.names_a_place(span) or not (_REFERS.isdisjoint(adoc.words.lower[span.start : span.end])
                                            and _REVOICES.isdisjoint(adoc.words.lemma[span.start : span.end]))


def _nearest_owns(frames: list[Frame]) -> list[Frame]:
    """A place claimed by two triggers belongs to the nearer one ("advanced into Russian territory and taken
    Sudzha": Sudzha is taken); an apposition ("X, the scene of heavy fighting,") says its own thing of it."""
    owner: dict[int, Frame] = {}
    for f in frames:
        for t in f.targets:
            if t.via.startswith("apposition"):
                continue
            best = owner.get(t.token)
            if best is None or _distance(f, t.token) < _distance(best, t.token):
                owner[t.token] = f
    kept = []
    for f in frames:
        targets = tuple(t for t in f.targets
                        if owner.get(t.token) is f or "->" in t.via or t.via.startswith("apposition"))
        if targets:
            kept.append(replace(f, targets=targets))
    return kept


def _distance(f: Frame, token: int) -> int:
    return f.trigger[0] - token if token < f.trigger[0] else token - f.trigger[1]


#: what stands before "confirmed" or "verified" when it is a verb ("could not be independently verified")
_BEFORE_A_PARTICIPLE = V.AUX | V.NEGATION | {"independently", "be"}


#: the words of verifying, whose negation leaves a claim unverified
_VERIFYING = frozenset({"verify", "confirm", "confirmation", "verification"})


def _unverified(adoc: ArticleDoc, span: Span) -> bool:
    """"could not be (immediately) verified", "has not been able to independently verify", "there was no
    independent confirmation"; not "did not make confirmed advances" (a participle before its noun), not
    "gave no confirmation of the number of dead", not past ", but"."""
    lemmas = adoc.words.lemma
    for i in (k for k in range(span.start, span.end) if lemmas[k] in _VERIFYING):
        before = list(adoc.words.lower[max(span.start, i - 6) : i])
        before = before[max((n for n, w in enumerate(before) if w in (",", "but")), default=-1) + 1 :]
        if lemmas[i] in ("confirmation", "verification"):
            if before[-2:] in (["no", "independent"], ["no", "immediate"]) or before[-3:-1] == ["was", "no"]:
                return True
            continue
        adjective = adoc.lower(i).endswith("ed") and adoc.lower(i - 1) not in _BEFORE_A_PARTICIPLE \
            and not adverb(adoc, i - 1)
        if not adjective and not {"not", "n't", "unable", "cannot"}.isdisjoint(before):
            return True
    return False


def _act_of(adoc: ArticleDoc, f: Frame, acts: Sequence[Act], inherited: Act | None) -> Act | None:
    """The act that voices a frame: the nearest before its trigger, else the first after it, else the speaker
    of the sentences before."""
    before = [a for a in acts if a.verb < f.trigger[1]]
    if (before and _relative_clause(adoc, f.trigger[0])
        and adoc.clause[before[-1].verb] != adoc.clause[f.trigger[0]]):
        # "..., where the fighting has lasted longest": the reporter's aside, not the speaker's words
        return None
    if before:
        return before[-1]
    after = [a for a in acts
             if a.verb >= f.trigger[1] and a.kind != "deny" and not _opens_contrast(adoc, a.speaker)
             and not _in_other_relative(adoc, a, f.trigger[0])]
    return after[0] if after else inherited


def _in_other_relative(adoc: ArticleDoc, act: Act, trigger: int) -> bool:
    """Whether an act after a trigger speaks inside a relative clause of its own ("Its forces had pulled out
    of X, which Russia said it had captured, Ukraine said": Ukraine says what its forces did), not as the
    sentence's closing ", Ukraine said" or ", said Oleksandr Shtupun"."""
    k = act.speaker - 1 - (adoc.lower(act.speaker - 1) == "the")
    return (_relative_clause(adoc, act.verb) and adoc.clause[act.verb] != adoc.clause[trigger]
            and "," not in (adoc.lower(k), adoc.lower(act.verb - 1)))


#: what opens a clause whose speaker speaks of it alone: a contrast, or a clause of time or cause
_OWN_CLAUSE = _CONTRAST | frozenset({"after", "before", "when", "since", "because", "until", "once"})


def _opens_contrast(adoc: ArticleDoc, speaker: int) -> bool:
    """Whether a speaker opens a contrasting or subordinate clause ("X was taken, the ministry claimed, but
    Kyiv said ...", "Ukrainian troops entered X after Russia said it had left"): it speaks of its own clause,
    not of what came before."""
    k = speaker - 1 - (adoc.lower(speaker - 1) == "the")
    return adoc.lower(k) in _OWN_CLAUSE


def _relative_clause(adoc: ArticleDoc, token: int) -> bool:
    """Whether a token is inside a ", which/where/who ..." clause."""
    c = adoc.opening[token]
    return adoc.lower(c) in ("which", "where", "who", "whose") and adoc.lower(c - 1) == ","


def _denied(adoc: ArticleDoc, f: Frame, act: Act | None) -> tuple[bool, str]:
    """A denial covers the clauses its verb governs, up to ", saying"; a negated change is denied by its
    speaker (a negated fight is no claim: "X is not surrounded")."""
    if f.negated and f.rule.negation == "deny" and f.rule.kind != "fight":
        return True, "negated"
    if act is not None and act.kind == "deny" and act.verb < f.trigger[0] and not any(
            adoc.lower(k) in _SAYING or (adoc.lemma(k) in V.SAY and adoc.lower(k - 1) in ("and", ","))
            for k in range(act.verb, f.trigger[0])):  # "denied X, saying Y", "denies X and says Y"
        return True, f"under '{adoc.lower(act.verb)}'"
    span = adoc.span(f.sentence)
    if called_false(adoc, span, f, act):
        return True, "a claim that it happened is called false"
    start = span.start
    # "could not confirm Russian claims that X had fallen": the
    if act is not None and act.speaker < f.trigger[0]:
        start = max(start, act.speaker)  # claim is the claimant's; the doubt before it is another voice's
    for k in range(max(start, f.trigger[0] - 12), f.trigger[0]):
        if adoc.lower(k) in V.NEGATION \
                and adoc.lemma(k + 1) in ("mean", "true", "confirm", "acknowledge") or \
                adoc.lower(k) in ("too",) and adoc.lower(k + 1) in ("early", "soon"):
            return True, f"'{adoc.text(k, k + 2)}'"
    return False, ""


def _claims_of(adoc: ArticleDoc, sc: Scene, f: Frame, acts: Sequence[Act], inherited: Act | None,
               times: Sequence[tuple[When, int]], unverified: bool,
               blocked: list[Blocked]) -> list[ClaimTrace]:
    """The claims of one frame: one verdict per place, voiced by the frame's act and any second voice."""
    act = _act_of(adoc, f, acts, inherited)
    aside = (f.rule.kind == "hold" and (act is None or act is inherited or act.side == "unknown")
             and all(t.via.startswith("relative") for t in f.targets))
    if f.rule.voice == "reporter" or aside or all(t.via.startswith("apposition") for t in f.targets):
        f = replace(f, rule=replace(f.rule, voice="reporter")) if f.rule.kind == "hold" else f
        act = None  # control stated in passing, or in an apposition: the reporter's
    denied, deny_why = _denied(adoc, f, act)
    if f.negated and not denied:
        blocked.append(Blocked(f.rule.id, f.text, "negated"))
        return []
    when, when_why = time_of(adoc, f, times)
    if history(when):
        blocked.append(Blocked(f.rule.id, f.text, f"history: '{when.text if when else ''}', before this war"))
        return []
    if act is not None and act is inherited and not decide.recent(when, adoc.article):
        act = None  # background told in the reporter's voice
    out = []
    for t in f.targets:
        own = own_time(adoc, times, t.token) if len(f.targets) > 1 else None
        dated, dated_why = (own, f"'{own.text}' right after the place") if own else (when, when_why)
        verdict = _verdict(sc, f, t.resolved, act, denied, unverified, dated, (deny_why, dated_why))
        if isinstance(verdict, str):
            blocked.append(Blocked(f.rule.id, f.text, f"{t.resolved.mention.surface}: {verdict}"))
        else:
            out += voiced(adoc, replace(verdict, part=part_named(adoc, t.token)), acts)
    return out


def _freed_of(sc: Scene, f: Frame, actor: Actor) -> bool:
    """"cleared of Russians", "liberated from the occupiers": the side a place was freed of, not the one that
    freed it."""
    return sc.adoc.lower(actor.start - 1 - (sc.adoc.lower(actor.start - 1) == "the")) in ("of", "from") and \
        f.trigger[1] <= actor.start <= f.trigger[1] + 2


def _pronoun_side(sc: Scene, f: Frame) -> Side | None:
    """The side a pronoun with no speaker stands for: the side named last before the trigger, else the
    fighting side named first after it ("As they retreated, the Russian occupiers ..."), else the one named
    last in the sentences before ("Russian forces pushed on. They took X")."""
    sides = [a for a in sc.actors if a.side in ("RU", "UA")]
    before = [a.side for a in sides if a.end <= f.trigger[0]]
    after = [a.side for a in sides if a.start >= f.trigger[1] and a.military]
    return before[-1] if before else after[0] if after else sc.force


def _verdict(sc: Scene, f: Frame, r: Resolved, act: Act | None, denied: bool, unverified: bool,
             when: When | None, why: tuple[str, str]) -> Verdict | str:
    """The side and controller of one place of a frame, or why it makes no claim."""
    belligerents = frozenset(a.side for a in sc.actors if a.side in ("RU", "UA") and not _freed_of(sc, f, a))
    side, side_why = decide.acting_side(f, act, r.place, denied, belligerents, _pronoun_side(sc, f))
    control, control_why = decide.controller(f, side)
    if control is None:
        return side_why
    if f.rule.kind == "fight" and r.place.feature == "region" and not any(
        w in f.text.lower() or w in t.via for t in f.targets for w in ("into", "enter", "cross", "inside")):
        return "fighting in a region says nothing of who holds it"
    return Verdict(f, r, act, side, control, denied, unverified, when, (side_why, control_why, *why))
