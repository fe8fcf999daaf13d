"""Word lists for the content check: ``prompts/lexicons.toml``, validated strictly.

Validation needs no NLP model; ``compile_lexicon`` then tokenises every
phrase with the model's tokenizer so "i'm not sure" matches "I’m not sure".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from simulator.errors import ConfigError

LEXICON_FILE = "lexicons.toml"
WILDCARD = "*"

# section -> list-of-strings keys (all required). "avoid.hobby" is a table array.
SCHEMA: dict[str, tuple[str, ...]] = {
    "goal": (
        "nouns",
        "cleft_verbs",
        "verbs",
        "needs_would",
        "many_quantifiers",
        "not_goals",
        "impact_roles",
        "sequence",
    ),
    "steps": ("nouns", "verbs", "vague_objects", "vague_tails"),
    "time": ("vague", "units"),
    "hedges": ("phrases", "conditional_subjects", "conditional_exempt", "confident"),
    "specificity": ("generic", "entity_labels", "weak_numbers"),
    "why": ("reason_markers", "value", "impact", "thin_words", "success", "beneficiaries"),
    "role": ("nouns", "determiners", "the_nouns", "generic_your", "phrases", "field", "posting_noise"),
    "contribution": ("verbs", "strong_verbs", "employer", "nouns"),
    "accomplishment": ("verbs", "weak_verbs", "non_verbs", "credentials", "learned", "experience"),
    "avoid": (
        "boast_words",
        "comparatives",
        "than_targets",
        "boast_exempt_next",
        "boast_phrases",
        "aspiration_heads",
        "others",
        "insults",
        "money",
        "titles",
        "money_exempt",
    ),
}
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


def _check_keys(table: object, allowed: tuple[str, ...], where: str) -> dict:
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table; fix the lexicon file.")
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {unknown}; allowed: {', '.join(allowed)}.")
    missing = [k for k in allowed if k not in table]
    if missing:
        raise ConfigError(f"{where} is missing key(s) {missing}; add them.")
    return table


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
        _check_keys(table, allowed, f"{where} [{section}]")
        data[section] = {k: _strings(table[k], f"{where} [{section}] {k}") for k in keys}
        if section == "avoid":
            hobbies = _parse_hobbies(table["hobby"], f"{where} [[avoid.hobby]]")
    return LexiconData(data=data, hobbies=hobbies, path=where)


def _parse_hobbies(value: object, where: str) -> tuple[Hobby, ...]:
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where} must define at least one hobby table.")
    out = []
    for i, entry in enumerate(value):
        entry = _check_keys(entry, HOBBY_KEYS, f"{where} #{i + 1}")
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


def norm(text: str) -> str:
    return text.lower().replace("’", "'").replace("‘", "'")


def forms(token) -> tuple[str, str]:
    """The surface form and lemma of a spaCy token, normalised for matching."""
    return norm(token.text), norm(token.lemma_)


class PhraseSet:
    """Phrases as token sequences, found in a spaCy Doc by surface form or lemma."""

    def __init__(self, phrases: tuple[str, ...], tokenizer):
        self.by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        self.words: set[str] = set()
        for phrase in phrases:
            toks = tuple(norm(t.text) for t in tokenizer(phrase) if not t.is_space)
            self.by_first[toks[0]].append(toks)
            if len(toks) == 1:
                self.words.add(toks[0])

    def has(self, token) -> bool:
        """True when this single token is one of the one-word phrases."""
        a, b = forms(token)
        return a in self.words or b in self.words

    def find(self, tokens) -> list[tuple[int, int]]:
        """(start, end) token indices (end exclusive) of every match in ``tokens``, longest first at each start."""
        seq = list(tokens)
        out = []
        for i, tok in enumerate(seq):
            cands = self.by_first.get(forms(tok)[0], []) + self.by_first.get(forms(tok)[1], [])
            best = 0
            for phrase in cands:
                n = len(phrase)
                if (
                    n > best
                    and i + n <= len(seq)
                    and all(p == WILDCARD or p in forms(seq[i + k]) for k, p in enumerate(phrase))
                ):
                    best = n
            if best:
                out.append((seq[i].i, seq[i].i + best))
        return out


class Lexicon:
    """The validated lists, compiled against a tokenizer: ``lex.ph(section, key)``."""

    def __init__(self, data: LexiconData, tokenizer):
        self.data = data
        self._tokenizer = tokenizer
        self._sets: dict[tuple[str, str], PhraseSet] = {}
        self.hobbies = [(PhraseSet(h.terms, tokenizer), h) for h in data.hobbies]

    def ph(self, section: str, key: str) -> PhraseSet:
        k = (section, key)
        if k not in self._sets:
            self._sets[k] = PhraseSet(self.data(section, key), self._tokenizer)
        return self._sets[k]

    def words(self, section: str, key: str) -> frozenset[str]:
        return frozenset(self.data(section, key))
