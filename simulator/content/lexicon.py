"""Word lists for the content check: ``prompts/lexicons.toml``, validated strictly.

Validation needs no NLP model; ``compile_lexicon`` then tokenises every
phrase with the model's tokenizer so "i'm not sure" matches "I’m not sure".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from simulator.errors import ConfigError
from simulator.model.transcript import fold as norm  # the one token normaliser
from simulator.questions import check_keys

LEXICON_FILE = "lexicons.toml"
WILDCARD = "*"

# section -> its list-of-strings keys, space-separated (all required). "avoid.hobby" is a table array.
_KEYS = {
    "goal": (
        "nouns framing_heads framing_adjectives aim_verbs focus_words cleft_verbs verbs needs_would many_quantifiers "
        "not_goals impact_roles sequence determiners "
        "partitives others_possessives toward seen_as number_words few_quantifiers list_nouns empty_lemmas "
        "impact_verbs impact_objects growth_verbs own_complement_subjects model_cues holding_verbs for_now ordinals "
        "vague_lemmas drift moves continuing_verbs early_units rising_verbs destination_preps plan_nouns undecided "
        "no_direction take_backs"
    ),
    "steps": (
        "nouns verbs vague_objects vague_tails commit_verbs vague_determiners vague_modifiers topic_preps "
        "learning_verbs not_actions generic_objects own_groups"
        " deliberation_verbs employer_possessives done_adverbs company_preps first_words place_nouns next_words"
        " study_verbs vague_amounts schools school_verbs before_markers spending_verbs"
    ),
    "time": (
        "vague units frame_units months month_verbs prepositions frame_words past_words future_words "
        "explicit_future frequency vague_quantities per_articles hedged duration_units duration_preps"
        " pacing_tails idioms viewing_verbs holidays counts age_deadlines experience_preps"
    ),
    "hedges": (
        "phrases conditional_subjects conditional_exempt doubt_cancellers noun_determiners noun_hedges "
        "framing_verbs framing_next like_not_filler_after like_filler_after"
    ),
    "specificity": "generic entity_labels weak_numbers vague_ordinal_heads not_acronyms fuzzy_quantities interjections",
    "succinct": "chain_words",
    "why": (
        "reason_markers back_pointing value value_verbs impact thin_words success beneficiaries organisations "
        "bare_infinitive_verbs so_openers so_goal_verbs back_markers motive_heads recognition_verbs "
        "pronouns_for_people other_people discourse_verbs pride generic_impact ergative stock_motives candour"
    ),
    "role": (
        "nouns determiners the_nouns generic_your phrases field current_job_verbs posting_noise income_only "
        "payer_verbs pay_rate fieldless any_place company_forms kind_nouns field_heads"
    ),
    "contribution": (
        "verbs strong_verbs employer nouns employer_determiners you offer_subjects self_objects general_impact "
        "qualities filler_verbs receive received open_objects open_needs place_preps no_one transfer_verbs"
        " self_growth_verbs vague_gifts here repeat_objects willing willing_adjectives talk_verbs talk_objects"
        " receivers"
    ),
    "accomplishment": (
        "verbs weak_verbs non_verbs credentials learned experience intent_heads experience_verbs "
        "duration_words always_specific holding_verbs credential_verbs experience_claims founding_verbs founded"
        " experience_objects intention_objects"
    ),
    "avoid": (
        "boast_words comparatives than_targets all_together no_one boast_exempt_next self_verbs measuring_superlatives "
        "modest_before effort_verbs aspiration_modals self_words boast_phrases aspiration_heads others "
        "insults money titles money_exempt work_times belief_verbs aside_markers makes_room room_objects goal_framing "
        "stopgap stopgap_work ranks other_payers unflattering_superlatives feeling_superlatives credentials "
        "money_tasks title_verbs shown_status"
    ),
    "grammar": (
        "first_person own_subjects own_possessives self_objects speaker reflexive_first pointers would "
        "future_aux offer_modals modal_aux negators negation_exempt_next negation_raising prospective ready "
        "same_past_form past_only_form other_people other_subjects past_modals past_markers wish_verbs causatives"
    ),
    "story": (
        "me us groups group_determiners employment_verbs employment_preps habits story_openers question_words "
        "mistakes wrong mistake_verbs conditional_marks aim_heads not_actions states vague_verbs empty_objects "
        "generic_objects"
    ),
    "star": (
        "task_nouns shared_owners aim_verbs assign_verbs task_adjectives own_task_phrases shared_task_phrases "
        "place_preps place_entities not_anchors openers measure_entities measured_words measured_phrases "
        "vague_outcomes empty_subjects result_markers outcome_verbs lessons vague_lessons"
    ),
    "intro": (
        "not_roles role_verbs study_verbs study_words work_words ongoing_words recent_words vague_present "
        "recognised_verbs achievement_verbs record_words people experience_verbs fit_phrases forward"
    ),
    "horizon": (
        "numbers few couple decade_units year_units month_units week_units duration_before duration_after long_phrases"
    ),
    "closing": "lead_ins ask_phrases about_me perks work_topics",
}
SCHEMA: dict[str, tuple[str, ...]] = {section: tuple(keys.split()) for section, keys in _KEYS.items()}
HOBBY_KEYS = ("terms", "related")
SHARED_SECTIONS = ("hesitations",)  # read by simulator.hesitations, not here


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where} must be a non-empty list of strings; fix the lexicon file.")
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ConfigError(f"{where} holds {item!r}; every entry must be a non-empty string.")
        words = item.split()
        if words[0] == WILDCARD or words[-1] == WILDCARD:
            raise ConfigError(f"{where} entry {item!r} may use '*' only between words.")
    return tuple(item.strip().lower() for item in value)


@dataclass(frozen=True)
class Hobby:
    terms: tuple[str, ...]
    related: tuple[str, ...]  # role/posting words that make the hobby professional


@dataclass(frozen=True)
class LexiconData:
    """The validated lists: ``data[section][key] -> tuple of lower-case phrases``."""

    data: dict[str, dict[str, tuple[str, ...]]]
    hobbies: tuple[Hobby, ...]
    path: str = ""

    def __call__(self, section: str, key: str) -> tuple[str, ...]:
        return self.data[section][key]


def parse_lexicon(raw: dict, path: Path | str) -> LexiconData:
    """Validate the parsed TOML of the lexicon file."""
    where = str(path)
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must hold tables; fix the lexicon file.")
    unknown = sorted(set(raw) - set(SCHEMA) - set(SHARED_SECTIONS))
    if unknown:
        raise ConfigError(f"{where} has unknown section(s) {unknown}; allowed: {', '.join(SCHEMA)}.")
    data: dict[str, dict[str, tuple[str, ...]]] = {}
    hobbies: tuple[Hobby, ...] = ()
    for section, keys in SCHEMA.items():
        if section not in raw:
            raise ConfigError(f"{where} is missing the [{section}] section; restore it.")
        table = dict(raw[section]) if isinstance(raw[section], dict) else raw[section]
        allowed = keys + (("hobby",) if section == "avoid" else ())
        check_keys(table, allowed, f"{where} [{section}]")
        data[section] = {k: _strings(table[k], f"{where} [{section}] {k}") for k in keys}
        if section == "avoid":
            hobbies = _parse_hobbies(table["hobby"], f"{where} [[avoid.hobby]]")
    return LexiconData(data=data, hobbies=hobbies, path=where)


def _parse_hobbies(value: object, where: str) -> tuple[Hobby, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where} must define at least one hobby table.")
    out = []
    for i, entry in enumerate(value):
        entry = check_keys(entry, HOBBY_KEYS, f"{where} #{i + 1}")
        out.append(
            Hobby(
                _strings(entry["terms"], f"{where} #{i + 1} terms"),
                _strings(entry["related"], f"{where} #{i + 1} related"),
            )
        )
    return tuple(out)


def load_lexicon(folder: Path) -> LexiconData:
    from simulator.questions import load_toml

    path = Path(folder) / LEXICON_FILE
    return parse_lexicon(load_toml(path), path)


# ---------------------------------------------------------------- matching


def forms(token) -> tuple[str, str]:
    """The surface form and lemma of a spaCy token, normalised for matching; empty for a word that may have
    been misheard, so that one unsure word never triggers a word list on its own."""
    return _forms_table(token.doc)[token.i]


def _forms_table(doc) -> list[tuple[str, str]]:
    """``forms`` of every token, computed once per parsed answer: about a hundred word lists are matched against
    the whole answer, and normalising each token for each list was most of the rules' own time."""
    table = doc.user_data.get(_FORMS_KEY)
    if table is None:
        unsure = doc.user_data.get(_UNSURE_KEY, ())
        table = [("", "") if t.i in unsure else (norm(t.text), norm(t.lemma_)) for t in doc]
        doc.user_data[_FORMS_KEY] = table
    return table


def sure(token) -> bool:
    """False for a token of a word the recogniser was unsure of (see ``Lexicon.attach``)."""
    return token.i not in token.doc.user_data.get(_UNSURE_KEY, ())


class PhraseSet:
    """Phrases as token sequences, found in a spaCy Doc by surface form or lemma."""

    def __init__(self, phrases: tuple[str, ...], tokenizer):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.words: set[str] = set()
        for phrase in phrases:
            toks = tuple(norm(t.text) for t in tokenizer(phrase) if not t.is_space)
            self.by_first[toks[0]].append((toks, phrase))
            if len(toks) == 1:
                self.words.add(toks[0])

    def has(self, token) -> bool:
        """True when this single token is one of the one-word phrases."""
        a, b = forms(token)
        return a in self.words or b in self.words

    def matches(self, tokens) -> list[tuple[int, int, str]]:
        """(start, end, phrase) of every match in ``tokens``: token indices (end exclusive), longest at each start."""
        doc, index = _indices(tokens)
        if not index:
            return []
        table = _forms_table(doc)
        out = []
        for i, at in enumerate(index):
            surface, lemma = table[at]
            best, found = 0, ""
            for toks, phrase in self.by_first.get(surface, []) + self.by_first.get(lemma, []):
                n = len(toks)
                if n > best and i + n <= len(index) and all(_fits(p, table[index[i + k]]) for k, p in enumerate(toks)):
                    best, found = n, phrase
            if best:
                out.append((at, at + best, found))
        return out

    def find(self, tokens) -> list[tuple[int, int]]:
        """(start, end) token indices (end exclusive) of every match in ``tokens``, longest first at each start."""
        return [(lo, hi) for lo, hi, _ in self.matches(tokens)]


def _indices(tokens) -> tuple[object, Sequence[int]]:
    """The Doc and the token indices of a Doc, a Span (read by index, without making Token objects) or tokens."""
    if hasattr(tokens, "vocab"):
        return tokens.doc, range(getattr(tokens, "start", 0), getattr(tokens, "end", len(tokens)))
    seq = list(tokens)
    return (seq[0].doc if seq else None), [t.i for t in seq]


def _fits(word: str, form: tuple[str, str]) -> bool:
    return word == WILDCARD or word in form


class Lexicon:
    """The validated lists, compiled against a tokenizer: ``lex.ph(section, key)``, ``lex.words(section, key)``."""

    def __init__(self, data: LexiconData, tokenizer):
        self.data = data
        self._tokenizer = tokenizer
        self._sets: dict[tuple[str, str], PhraseSet] = {}
        self._words: dict[tuple[str, str], frozenset[str]] = {}
        self.hobbies = [(PhraseSet(h.terms, tokenizer), h) for h in data.hobbies]

    def ph(self, section: str, key: str) -> PhraseSet:
        k = (section, key)
        if k not in self._sets:
            self._sets[k] = PhraseSet(self.data(section, key), self._tokenizer)
        return self._sets[k]

    def words(self, section: str, key: str) -> frozenset[str]:
        """The list as a set of lower-case strings, for token-by-token tests ("is this word a month?")."""
        k = (section, key)
        if k not in self._words:
            self._words[k] = frozenset(self.data(section, key))
        return self._words[k]

    def attach(self, doc, unsure: frozenset[int] = frozenset()) -> None:
        """Let helpers that see only a token read the lists the answer is checked with (``lexicon_of``),
        and keep the tokens in ``unsure`` (words that may have been misheard) from matching any list."""
        doc.user_data[_DOC_KEY] = self
        doc.user_data[_UNSURE_KEY] = unsure
        doc.user_data.pop(_FORMS_KEY, None)


_DOC_KEY = "simulator.content.lexicon"
_UNSURE_KEY = "simulator.content.unsure"
_FORMS_KEY = "simulator.content.forms"


def lexicon_of(token) -> Lexicon:
    """The lexicon attached to the token's parsed answer (``Lexicon.attach``)."""
    return token.doc.user_data[_DOC_KEY]
